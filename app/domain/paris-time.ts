/** A day of 24 hours, for durations (« 90 days ago »); calendar days in Paris go through the functions below. */
export const DAY_MS = 86_400_000;

/** Wall-clock time in Paris → the instant it names (DST included). */
const PARTS = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function parisOffsetMinutes(instant: Date): number {
  const p = Object.fromEntries(PARTS.formatToParts(instant).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

/** « 2026-03-15 », « 18:30 » → the instant 18:30 in Paris that day. */
export function parisDateTime(isoDate: string, time: string): Date {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  const first = guess - parisOffsetMinutes(new Date(guess)) * 60_000;
  return new Date(guess - parisOffsetMinutes(new Date(first)) * 60_000);
}

const PARIS_DAY = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The Europe/Paris calendar day of an instant, as YYYY-MM-DD. */
export function parisIsoDate(instant: Date | number): string {
  return PARIS_DAY.format(instant);
}

const PARIS_CLOCK = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  weekday: "short",
  hourCycle: "h23",
});
const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** The Paris day (YYYY-MM-DD), hour (0..23) and weekday (1 = Monday) of an instant. */
export function parisClock(instant: Date): { day: string; hour: number; weekday: number } {
  const p = Object.fromEntries(PARIS_CLOCK.formatToParts(instant).map((x) => [x.type, x.value]));
  return { day: `${p.year}-${p.month}-${p.day}`, hour: Number(p.hour), weekday: WEEKDAYS.indexOf(String(p.weekday)) + 1 };
}

const PARIS_WALL = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** The Paris wall clock of an instant: its day (YYYY-MM-DD) and the minutes since that day's midnight (0..1439). */
export function parisWallTime(instant: Date | number): { day: string; minutes: number } {
  const p = Object.fromEntries(PARIS_WALL.formatToParts(instant).map((x) => [x.type, x.value]));
  return { day: `${p.year}-${p.month}-${p.day}`, minutes: Number(p.hour) * 60 + Number(p.minute) };
}

/** French weekday names, Monday first: index = `weekdayOfIsoDate`. */
export const WEEKDAY_LABELS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"] as const;

/** The weekday of a calendar day YYYY-MM-DD, 0 = Monday … 6 = Sunday (the same everywhere). */
export function weekdayOfIsoDate(isoDate: string): number {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

/** The calendar day `days` after (or before) YYYY-MM-DD. */
export function addIsoDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * A `datetime-local` value « 2026-03-29T10:30 » read as Paris wall-clock time → its instant; null when
 * the text is not such a value, or names a time that does not exist in Paris that day (the hour skipped
 * when clocks go forward in March). In the hour repeated in October, the first (summer-time) one.
 */
export function parisLocalInput(value: string): Date | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const [, day, hh, mm] = match as unknown as [string, string, string, string];
  if (Number(hh) > 23 || Number(mm) > 59) return null;
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const asDate = new Date(Date.UTC(y, m - 1, d));
  if (asDate.getUTCFullYear() !== y || asDate.getUTCMonth() !== m - 1 || asDate.getUTCDate() !== d) return null;
  const minutes = Number(hh) * 60 + Number(mm);
  const instant = parisDateTime(day, `${hh}:${mm}`);
  const earlier = new Date(instant.getTime() - 60 * 60_000);
  const wall = parisWallTime(instant);
  if (wall.day !== day || wall.minutes !== minutes) return null;
  // The repeated hour of October: prefer its first occurrence.
  const before = parisWallTime(earlier);
  return before.day === day && before.minutes === minutes ? earlier : instant;
}

/** An instant → the `datetime-local` value that names it in Paris, « 2026-03-29T10:30 ». */
export function toParisLocalInput(instant: Date | number): string {
  const { day, minutes } = parisWallTime(instant);
  return `${day}T${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}
