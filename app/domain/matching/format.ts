/** fr-FR formatting for explanations: Intl puts U+202F between thousands and U+00A0 before €. */

const integerFormat = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });
const oneDecimalFormat = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });
const euroFormat = new Intl.NumberFormat("fr-FR", {
  style: "currency",
  currency: "EUR",
  maximumFractionDigits: 0,
  minimumFractionDigits: 0,
});

export function formatInteger(value: number): string {
  return integerFormat.format(Math.round(value));
}

export function formatOneDecimal(value: number): string {
  return oneDecimalFormat.format(value);
}

/** Whole euros from integer cents: « 12 500 € ». */
export function formatEuros(cents: number): string {
  return euroFormat.format(Math.round(cents / 100));
}

/** « 1 accompagnement », « 3 accompagnements »: French plural is 0 or 1 → singular. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatInteger(count)} ${Math.abs(count) < 2 ? singular : pluralForm}`;
}

export { parisIsoDate } from "~/utils/paris-time";
