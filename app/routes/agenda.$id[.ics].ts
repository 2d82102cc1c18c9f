/** /agenda/:id.ics — one event as an iCalendar file (members-only: for the pôle's members and team only). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { authorize } from "~/guards/authorize.server";
import { loadVisibleEvent } from "~/guards/event.server";
import { toCalendarEvent } from "~/models/event.server";
import { calendarResponse } from "~/utils/calendar.server";
import { getEnv } from "~/utils/env.server";

export function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = loadVisibleEvent(authorize(request, "agenda.$id[.ics]"), params.id);
  return calendarResponse(event.title, `rendez-vous-${event.id}.ics`, [toCalendarEvent(event, getEnv().PUBLIC_URL)]);
}
