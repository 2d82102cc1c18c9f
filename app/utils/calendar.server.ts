/** Answers a calendar feed: RFC 5545 text as text/calendar, never cached by a shared cache. */
import { buildCalendar, type CalendarEvent } from "~/domain/calendar";

export function calendarResponse(name: string, filename: string, events: readonly CalendarEvent[]): Response {
  return new Response(buildCalendar(name, events), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `inline; filename="${filename}"`,
      "Cache-Control": "private, max-age=300",
    },
  });
}
