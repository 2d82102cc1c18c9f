/**
 * /agenda/flux/:token.ics — the events a person holds a place at, members-only ones included, for their
 * calendar app. The secret token is the proof (no session: calendar apps fetch it alone); renewed on /agenda.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { authorize } from "~/guards/authorize.server";
import { userIdForFeedToken } from "~/models/calendar-feed.server";
import { listRegisteredFeedEvents, toCalendarEvent } from "~/models/event.server";
import { calendarResponse } from "~/utils/calendar.server";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { notFound } from "~/utils/http.server";
import { requestText } from "~/utils/locale.server";

export function loader({ request, params }: LoaderFunctionArgs) {
  authorize(request, "agenda.flux.$token[.ics]");
  const db = getDb();
  const t = requestText(request).t.agenda.feed;
  const userId = userIdForFeedToken(db, params.token ?? "");
  if (userId === null) throw notFound(t.unknown);
  const base = getEnv().PUBLIC_URL;
  const events = listRegisteredFeedEvents(db, userId, new Date()).map((e) => toCalendarEvent(e, base));
  return calendarResponse(t.calendarName, "mon-agenda.ics", events);
}
