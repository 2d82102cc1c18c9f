/**
 * Formats of numbers, money and dates, the same on server and client, always in Paris time:
 * French (fr-FR) by default, British English (en-GB: day before month, 24-hour clock) for the
 * English interface. `formatsFor(language)` gives one language's set; the plain `format…`
 * functions are the French ones (mail, CSV and the pages not yet translated use them).
 */
import { parisIsoDate } from "./paris-time";

/** The interface's languages (app/i18n/locale.ts checks they match). */
/** The languages Maillon writes in (pages, mail): the interface's locales have exactly these formats. */
export const LANGUAGES = ["fr", "en"] as const;
export type FormatLanguage = (typeof LANGUAGES)[number];

const INTL_TAG: Record<FormatLanguage, string> = { fr: "fr-FR", en: "en-GB" };
const TIME_ZONE = "Europe/Paris";

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

export interface Formats {
  readonly language: FormatLanguage;
  /** The BCP 47 tag given to Intl and to `<html lang>`'s neighbours (`toLocaleString`, collation). */
  readonly intlTag: string;
  integer(value: number): string;
  /** « 4,2 »: a mean rating, to one decimal at most. */
  oneDecimal(value: number): string;
  /** Money is kept in integer cents; this is the only place it becomes euros. */
  euros(cents: number): string;
  /** Whole euros from integer cents, « 12 500 € »: the round figures of the matcher's explanations. */
  wholeEuros(cents: number): string;
  /** « 800 Ko », « 1,4 Mo »: the size of a file (1 Ko = 1 024 octets). */
  fileSize(bytes: number): string;
  date(date: Date | number): string;
  /** A calendar day stored as YYYY-MM-DD (a mandate's start, a meeting) → « 3 mars 2026 ». */
  isoDate(isoDate: string): string;
  dateTime(date: Date | number): string;
  /** « le mardi 17 mars 2026 de 18:30 à 20:00 », or « du … à 18:30 au … à 12:00 » over several Paris days. */
  timeRange(start: Date | number, end: Date | number): string;
  /** « 1 bénévole », « 12 bénévoles »: French puts 0 and 1 in the singular, English only 1. */
  plural(count: number, singular: string, pluralForm?: string): string;
  /** « à l'instant », « il y a 5 minutes », « il y a 3 heures » (same Paris day), « hier », then « le 3 mars 2026 ». */
  relativeTime(date: Date | number, now: Date | number): string;
}

/** The words each language puts around the figures. */
const PHRASES = {
  fr: {
    kilo: "Ko",
    mega: "Mo",
    sameDay: (day: string, from: string, to: string) => `le ${day} de ${from} à ${to}`,
    acrossDays: (startDay: string, from: string, endDay: string, to: string) => `du ${startDay} à ${from} au ${endDay} à ${to}`,
    justNow: "à l'instant",
    ago: (elapsed: string) => `il y a ${elapsed}`,
    minute: ["minute", "minutes"],
    hour: ["heure", "heures"],
    yesterday: "hier",
    onDate: (date: string) => `le ${date}`,
  },
  en: {
    kilo: "KB",
    mega: "MB",
    sameDay: (day: string, from: string, to: string) => `on ${day} from ${from} to ${to}`,
    acrossDays: (startDay: string, from: string, endDay: string, to: string) => `from ${startDay} at ${from} to ${endDay} at ${to}`,
    justNow: "just now",
    ago: (elapsed: string) => `${elapsed} ago`,
    minute: ["minute", "minutes"],
    hour: ["hour", "hours"],
    yesterday: "yesterday",
    onDate: (date: string) => `on ${date}`,
  },
} as const;

/** The Paris calendar day before `isoDate` (YYYY-MM-DD), whatever the length of the day (DST). */
function previousIsoDate(isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

function createFormats(language: FormatLanguage): Formats {
  const tag = INTL_TAG[language];
  const words = PHRASES[language];
  const integerFormat = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const oneDecimalFormat = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
  const euroFormat = new Intl.NumberFormat(tag, { style: "currency", currency: "EUR" });
  const wholeEuroFormat = new Intl.NumberFormat(tag, { style: "currency", currency: "EUR", maximumFractionDigits: 0, minimumFractionDigits: 0 });
  const dateFormat = new Intl.DateTimeFormat(tag, { dateStyle: "long", timeZone: TIME_ZONE });
  const dateTimeFormat = new Intl.DateTimeFormat(tag, { dateStyle: "long", timeStyle: "short", timeZone: TIME_ZONE });
  const dayWithWeekday = new Intl.DateTimeFormat(tag, { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: TIME_ZONE });
  const clockFormat = new Intl.DateTimeFormat(tag, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: TIME_ZONE });

  const isSingular = (count: number) => (language === "fr" ? Math.abs(count) < 2 : Math.abs(count) === 1);
  const plural = (count: number, singular: string, pluralForm = `${singular}s`) =>
    `${integerFormat.format(count)} ${isSingular(count) ? singular : pluralForm}`;
  const date = (value: Date | number) => dateFormat.format(value);

  return {
    language,
    intlTag: tag,
    integer: (value) => integerFormat.format(value),
    oneDecimal: (value) => oneDecimalFormat.format(value),
    euros: (cents) => euroFormat.format(cents / 100),
    wholeEuros: (cents) => wholeEuroFormat.format(Math.round(cents / 100)),
    fileSize(bytes) {
      const kilo = bytes / 1024;
      if (kilo < 1024) return `${integerFormat.format(Math.max(1, Math.ceil(kilo)))}\u00a0${words.kilo}`;
      return `${oneDecimalFormat.format(kilo / 1024)}\u00a0${words.mega}`;
    },
    date,
    // Noon UTC is the same calendar day in Paris, whatever the season.
    isoDate: (isoDate) => dateFormat.format(new Date(`${isoDate}T12:00:00Z`)),
    dateTime: (value) => dateTimeFormat.format(value),
    timeRange(start, end) {
      if (parisIsoDate(start) === parisIsoDate(end)) {
        return words.sameDay(dayWithWeekday.format(start), clockFormat.format(start), clockFormat.format(end));
      }
      return words.acrossDays(dayWithWeekday.format(start), clockFormat.format(start), dayWithWeekday.format(end), clockFormat.format(end));
    },
    plural,
    relativeTime(value, now) {
      const elapsed = Number(now) - Number(value);
      if (elapsed < MINUTE_MS) return words.justNow;
      if (elapsed < HOUR_MS) return words.ago(plural(Math.floor(elapsed / MINUTE_MS), words.minute[0], words.minute[1]));
      const day = parisIsoDate(value);
      const today = parisIsoDate(now);
      if (day === today) return words.ago(plural(Math.floor(elapsed / HOUR_MS), words.hour[0], words.hour[1]));
      if (day === previousIsoDate(today)) return words.yesterday;
      return words.onDate(date(value));
    },
  };
}

const FORMATS: Record<FormatLanguage, Formats> = { fr: createFormats("fr"), en: createFormats("en") };

export function formatsFor(language: FormatLanguage): Formats {
  return FORMATS[language];
}

const french = FORMATS.fr;
export const formatInteger = french.integer;
export const formatOneDecimal = french.oneDecimal;
export const formatEuros = french.euros;
export const formatWholeEuros = french.wholeEuros;
export const formatFileSize = french.fileSize;
export const formatDate = french.date;
export const formatIsoDate = french.isoDate;
export const formatDateTime = french.dateTime;
export const formatTimeRange = french.timeRange;
export const plural = french.plural;
export const formatRelativeTime = french.relativeTime;
