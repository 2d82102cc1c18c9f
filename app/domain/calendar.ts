/**
 * Calendars by RFC 5545, written by the `ics` library (folding, escaping): one VEVENT per event, its
 * stable UID, DTSTAMP (the event's last change), SEQUENCE, STATUS (CANCELLED stays in the feed) and
 * times in UTC. The URL is the event's absolute page address.
 */
import { createEvents, type EventAttributes } from "ics";

export type CalendarEvent = {
  uid: string;
  sequence: number;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  updatedAt: Date;
  createdAt: Date;
  /** Address and commune, or the online link, in words. */
  location: string;
  cancelled: boolean;
  url: string;
};

const PARIS_TIMEZONE = [
  "BEGIN:VTIMEZONE",
  "TZID:Europe/Paris",
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
  "",
].join("\r\n");

const PRODUCT_ID = "-//Maillon//Agenda des poles//FR";

/** An iCalendar document (CRLF line ends) holding these events, named `name` for the calendar apps. */
export function buildCalendar(name: string, events: readonly CalendarEvent[]): string {
  const header = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nCALSCALE:GREGORIAN\r\nPRODID:${PRODUCT_ID}\r\nMETHOD:PUBLISH\r\n`;
  // RFC 5545 wants at least one component: an empty calendar holds the time zone of the pôles.
  if (events.length === 0) return `${header}${foldName(name)}${PARIS_TIMEZONE}END:VCALENDAR\r\n`;
  const attributes: EventAttributes[] = events.map((e) => ({
    uid: e.uid,
    sequence: e.sequence,
    title: e.title,
    description: e.description || undefined,
    start: e.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: e.endsAt.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    location: e.location || undefined,
    url: e.url,
    status: e.cancelled ? "CANCELLED" : "CONFIRMED",
    created: e.createdAt.getTime(),
    lastModified: e.updatedAt.getTime(),
    // DTSTAMP: with METHOD:PUBLISH, when this version of the event was written (its last change).
    ...({ timestamp: e.updatedAt.getTime() } as object),
  }));
  const { error, value } = createEvents(attributes, { productId: PRODUCT_ID, method: "PUBLISH", calName: name });
  if (error || !value) throw error ?? new Error("calendar not written");
  return value;
}

/** X-WR-CALNAME of an empty calendar, escaped and folded at 75 octets as `ics` does for the others. */
function foldName(name: string): string {
  const escaped = name.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
  const line = `X-WR-CALNAME:${escaped}`;
  const bytes = new TextEncoder().encode(line);
  if (bytes.length <= 75) return `${line}\r\n`;
  const out: string[] = [];
  let current = "";
  let size = 0;
  for (const ch of line) {
    const n = new TextEncoder().encode(ch).length;
    if (size + n > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = "";
      size = 0;
    }
    current += ch;
    size += n;
  }
  out.push(current);
  return `${out.join("\r\n ")}\r\n`;
}
