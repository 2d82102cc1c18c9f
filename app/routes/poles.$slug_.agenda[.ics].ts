/** /poles/:slug/agenda.ics — the pôle's public events, for a calendar app to subscribe to. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { authorize } from "~/guards/authorize.server";
import { listPublicFeedEvents, toCalendarEvent } from "~/models/event.server";
import { getTerritoryBySlug } from "~/models/territory.server";
import { calendarResponse } from "~/utils/calendar.server";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { notFound } from "~/utils/http.server";
import { requestText } from "~/utils/locale.server";

export function loader({ request, params }: LoaderFunctionArgs) {
  authorize(request, "poles.$slug_.agenda[.ics]");
  const db = getDb();
  const territory = params.slug ? getTerritoryBySlug(db, params.slug) : undefined;
  if (!territory) throw notFound(requestText(request).t.poles.page.notFound);
  const base = getEnv().PUBLIC_URL;
  const events = listPublicFeedEvents(db, territory.id, new Date()).map((e) => toCalendarEvent(e, base));
  return calendarResponse(`Agenda — ${territory.name}`, `agenda-${territory.slug}.ics`, events);
}
