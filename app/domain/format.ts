/** French formats, the same on server and client (fr-FR, Europe/Paris). */
import { parisIsoDate } from "./paris-time";

const LOCALE = "fr-FR";
const TIME_ZONE = "Europe/Paris";

const integerFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const oneDecimalFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 });
const euroFormat = new Intl.NumberFormat(LOCALE, { style: "currency", currency: "EUR" });
const wholeEuroFormat = new Intl.NumberFormat(LOCALE, {
  style: "currency",
  currency: "EUR",
  maximumFractionDigits: 0,
  minimumFractionDigits: 0,
});
const dateFormat = new Intl.DateTimeFormat(LOCALE, { dateStyle: "long", timeZone: TIME_ZONE });
const dateTimeFormat = new Intl.DateTimeFormat(LOCALE, {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: TIME_ZONE,
});

export function formatInteger(value: number): string {
  return integerFormat.format(value);
}

/** « 4,2 »: a mean rating, to one decimal at most. */
export function formatOneDecimal(value: number): string {
  return oneDecimalFormat.format(value);
}

/** Money is kept in integer cents; this is the only place it becomes euros. */
export function formatEuros(cents: number): string {
  return euroFormat.format(cents / 100);
}

/** Whole euros from integer cents, « 12 500 € »: the round figures of the matcher's explanations. */
export function formatWholeEuros(cents: number): string {
  return wholeEuroFormat.format(Math.round(cents / 100));
}

/** « 800 Ko », « 1,4 Mo »: the size of a file (1 Ko = 1 024 octets). */
export function formatFileSize(bytes: number): string {
  const kilo = bytes / 1024;
  if (kilo < 1024) return `${integerFormat.format(Math.max(1, Math.ceil(kilo)))}\u00a0Ko`;
  return `${oneDecimalFormat.format(kilo / 1024)}\u00a0Mo`;
}

export function formatDate(date: Date | number): string {
  return dateFormat.format(date);
}

/** A calendar day stored as YYYY-MM-DD (a mandate's start, a meeting) → « 3 mars 2026 ». */
export function formatIsoDate(isoDate: string): string {
  // Noon UTC is the same calendar day in Paris, whatever the season.
  return dateFormat.format(new Date(`${isoDate}T12:00:00Z`));
}

const dayWithWeekday = new Intl.DateTimeFormat(LOCALE, { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: TIME_ZONE });
const clockFormat = new Intl.DateTimeFormat(LOCALE, { hour: "2-digit", minute: "2-digit", timeZone: TIME_ZONE });

/** « le mardi 17 mars 2026 de 18:30 à 20:00 », or « du … à 18:30 au … à 12:00 » over several Paris days. */
export function formatTimeRange(start: Date | number, end: Date | number): string {
  if (parisIsoDate(start) === parisIsoDate(end)) {
    return `le ${dayWithWeekday.format(start)} de ${clockFormat.format(start)} à ${clockFormat.format(end)}`;
  }
  return `du ${dayWithWeekday.format(start)} à ${clockFormat.format(start)} au ${dayWithWeekday.format(end)} à ${clockFormat.format(end)}`;
}

export function formatDateTime(date: Date | number): string {
  return dateTimeFormat.format(date);
}

/** "1 bénévole", "12 bénévoles". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatInteger(count)} ${Math.abs(count) < 2 ? singular : pluralForm}`;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** The Paris calendar day before `isoDate` (YYYY-MM-DD), whatever the length of the day (DST). */
function previousIsoDate(isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

/**
 * When something happened, approximately, as a person says it: « à l'instant »,
 * « il y a 5 minutes », « il y a 3 heures » (the same day in Paris), « hier »,
 * then the date, « le 3 mars 2026 ».
 */
export function formatRelativeTime(date: Date | number, now: Date | number): string {
  const elapsed = Number(now) - Number(date);
  if (elapsed < MINUTE_MS) return "à l'instant";
  if (elapsed < HOUR_MS) return `il y a ${plural(Math.floor(elapsed / MINUTE_MS), "minute")}`;
  const day = parisIsoDate(date);
  const today = parisIsoDate(now);
  if (day === today) return `il y a ${plural(Math.floor(elapsed / HOUR_MS), "heure")}`;
  if (day === previousIsoDate(today)) return "hier";
  return `le ${formatDate(date)}`;
}
