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
