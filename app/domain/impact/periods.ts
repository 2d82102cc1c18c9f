/**
 * Periods of an indicator (Paris calendar months, quarters, years, as ISO dates) and the figure of each
 * period from the facts the models read: events on a day (`flux`), spans of days over which something
 * holds (`niveau`), answers yes or no given on a day (`taux`).
 */
import type { IndicatorPeriod } from "../vocabulary";

export type Period = {
  /** First day, YYYY-MM-DD. */
  start: string;
  /** First day of the next period (exclusive end). */
  end: string;
  /** « mars 2026 », « 1er trimestre 2026 », « 2026 ». */
  label: string;
  /** Under a bar: « mars », « T1 2026 », « 2026 ». */
  shortLabel: string;
};

/** How many periods the impact pages show: a year of months, two years of quarters, five years. */
export const PERIODS_SHOWN: Readonly<Record<IndicatorPeriod, number>> = { mois: 12, trimestre: 8, annee: 5 };

const MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
const SHORT_MONTHS = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];

const iso = (year: number, month: number) => `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-01`;

function monthsPer(period: IndicatorPeriod): number {
  return period === "mois" ? 1 : period === "trimestre" ? 3 : 12;
}

/** The first day of the period holding the day YYYY-MM-DD. */
export function periodStartOf(day: string, period: IndicatorPeriod): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const size = monthsPer(period);
  return iso(year, Math.floor((month - 1) / size) * size + 1);
}

/** The first day of the period `n` periods after (or before, n < 0) the one starting on `start`. */
export function shiftPeriod(start: string, period: IndicatorPeriod, n: number): string {
  const index = Number(start.slice(0, 4)) * 12 + Number(start.slice(5, 7)) - 1 + n * monthsPer(period);
  return iso(Math.floor(index / 12), (index % 12) + 1);
}

export function describePeriod(start: string, period: IndicatorPeriod): Period {
  const year = Number(start.slice(0, 4));
  const month = Number(start.slice(5, 7));
  const end = shiftPeriod(start, period, 1);
  if (period === "annee") return { start, end, label: String(year), shortLabel: String(year) };
  if (period === "trimestre") {
    const q = Math.floor((month - 1) / 3) + 1;
    return { start, end, label: `${q === 1 ? "1er" : `${q}e`} trimestre ${year}`, shortLabel: `T${q} ${String(year).slice(2)}` };
  }
  return { start, end, label: `${MONTHS[month - 1]} ${year}`, shortLabel: SHORT_MONTHS[month - 1]! };
}

/** The `count` periods up to and including the one holding `today`, oldest first. */
export function recentPeriods(period: IndicatorPeriod, today: string, count = PERIODS_SHOWN[period]): Period[] {
  const current = periodStartOf(today, period);
  return Array.from({ length: count }, (_, i) => describePeriod(shiftPeriod(current, period, i - count + 1), period));
}

/** The day before YYYY-MM-DD. */
function dayBefore(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

/**
 * The day a period's level is read on: its last day, or today for the period under way (so a figure
 * is never read in the future).
 */
function readingDay(p: Period, today: string): string {
  const last = dayBefore(p.end);
  return last < today ? last : today;
}

export type DayFact = { on: string; amount: number };
export type SpanFact = { from: string; to: string | null; amount: number };
export type AnswerFact = { on: string; yes: boolean };

/** `flux`: the sum of the amounts whose day falls in each period. */
export function flowSeries(facts: readonly DayFact[], periods: readonly Period[]): number[] {
  return periods.map((p) => facts.reduce((sum, f) => (f.on >= p.start && f.on < p.end ? sum + f.amount : sum), 0));
}

/** `niveau`: the sum of the amounts of the spans that hold on each period's reading day (from included, to excluded). */
export function levelSeries(spans: readonly SpanFact[], periods: readonly Period[], today: string): number[] {
  return periods.map((p) => {
    const day = readingDay(p, today);
    return spans.reduce((sum, s) => (s.from <= day && (s.to === null || s.to > day) ? sum + s.amount : sum), 0);
  });
}

/** `taux`: on each period's reading day, the whole percentage of yes among the answers given by then; null when none. */
export function rateSeries(answers: readonly AnswerFact[], periods: readonly Period[], today: string): (number | null)[] {
  return periods.map((p) => {
    const day = readingDay(p, today);
    const given = answers.filter((a) => a.on <= day);
    if (given.length === 0) return null;
    return Math.round((given.filter((a) => a.yes).length * 100) / given.length);
  });
}

/** Entered figures: each period takes the value entered for it, null when none was. */
export function enteredSeries(values: readonly { periodStart: string; value: number }[], periods: readonly Period[]): (number | null)[] {
  const byStart = new Map(values.map((v) => [v.periodStart, v.value]));
  return periods.map((p) => byStart.get(p.start) ?? null);
}

/**
 * Successive answers of one subject (a project's follow-ups) → the spans over which each holds: an
 * answer holds from its day until the next one's.
 */
export function spansOfLatest(answers: readonly { on: string; amount: number }[]): SpanFact[] {
  const sorted = [...answers].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  return sorted.map((a, i) => ({ from: a.on, to: sorted[i + 1]?.on ?? null, amount: a.amount }));
}
