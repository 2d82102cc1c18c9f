/** French formats, the same on server and client (fr-FR, Europe/Paris). */
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

export function formatDate(date: Date | number): string {
  return dateFormat.format(date);
}

export function formatDateTime(date: Date | number): string {
  return dateTimeFormat.format(date);
}

/** "1 bénévole", "12 bénévoles". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatInteger(count)} ${Math.abs(count) < 2 ? singular : pluralForm}`;
}
