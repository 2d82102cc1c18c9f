/**
 * An indicator's figures as people read and type them, and what they say: the current value, the
 * progress toward the target, the trend over the periods shown. Figures are integers in the unit's
 * base (a count, cents, minutes, a whole percentage).
 */
import { formatEuros, formatInteger, formatOneDecimal } from "../format";
import type { IndicatorUnit } from "../vocabulary";
import type { MetricKind } from "./catalog";

/** « 12 », « 1 250,00 € », « 37,5 h », « 84 % ». */
export function formatFigure(value: number, unit: IndicatorUnit): string {
  switch (unit) {
    case "euros":
      return formatEuros(value);
    case "heures":
      return `${formatOneDecimal(value / 60)}\u00a0h`;
    case "pourcentage":
      return `${formatInteger(value)}\u00a0%`;
    default:
      return formatInteger(value);
  }
}

/** The figure in the unit people count in, for a CSV or a form: euros with cents, hours to the tenth. */
export function figureInUnit(value: number, unit: IndicatorUnit): number {
  if (unit === "euros") return value / 100;
  if (unit === "heures") return Math.round(value / 6) / 10;
  return value;
}

/** A CSV cell: « 1250.5 », dot as decimal separator, no grouping. */
export function csvFigure(value: number | null, unit: IndicatorUnit): string {
  return value === null ? "" : String(figureInUnit(value, unit));
}

/** What a form field shows for a stored figure: « 1250,50 » euros, « 37,5 » hours. */
export function figureInput(value: number | null, unit: IndicatorUnit): string {
  if (value === null) return "";
  return String(figureInUnit(value, unit)).replace(".", ",");
}

const LIMITS: Readonly<Record<IndicatorUnit, number>> = {
  nombre: 1_000_000_000,
  euros: 100_000_000_000,
  heures: 1_000_000_000,
  pourcentage: 100,
};

/**
 * What a person typed → the stored integer, or a French reason: « 1 250,50 » € → 125050 cents,
 * « 37,5 » h → 2250 minutes; counts and percentages are whole numbers.
 */
export function parseFigure(input: string, unit: IndicatorUnit): { ok: true; value: number } | { ok: false; message: string } {
  const cleaned = input.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  const decimals = unit === "euros" ? 2 : unit === "heures" ? 1 : 0;
  const pattern = decimals === 0 ? /^-?\d+$/ : new RegExp(`^-?\\d+(\\.\\d{1,${decimals}})?$`);
  if (!pattern.test(cleaned)) {
    return {
      ok: false,
      message:
        unit === "euros"
          ? "Indiquez un montant en euros, par exemple 1500 ou 1500,50."
          : unit === "heures"
            ? "Indiquez un nombre d'heures, par exemple 12 ou 12,5."
            : "Indiquez un nombre entier, sans décimale.",
    };
  }
  const number = Number(cleaned);
  if (number < 0) return { ok: false, message: "Indiquez un nombre positif ou nul." };
  const value = unit === "euros" ? Math.round(number * 100) : unit === "heures" ? Math.round(number * 60) : number;
  if (value > LIMITS[unit]) {
    return { ok: false, message: unit === "pourcentage" ? "Un pourcentage ne dépasse pas 100." : "Ce nombre est trop grand." };
  }
  return { ok: true, value };
}

/**
 * The figure the target is compared with: the total of the periods shown for a `flux`, the latest
 * known figure otherwise (null when there is none).
 */
export function currentValue(kind: MetricKind, series: readonly (number | null)[]): number | null {
  if (kind === "flux") return series.reduce<number>((sum, v) => sum + (v ?? 0), 0);
  for (let i = series.length - 1; i >= 0; i--) {
    const v = series[i];
    if (v !== null && v !== undefined) return v;
  }
  return null;
}

export type Progress = { percent: number; reached: boolean };

/**
 * How far the current figure has gone from the baseline to the target, 0 to 100 (a target below the
 * baseline is a decrease to reach). Null without a target, a current figure, or any distance to go.
 */
export function progressToward(baseline: number, target: number | null, current: number | null): Progress | null {
  if (target === null || current === null || target === baseline) return null;
  const share = (current - baseline) / (target - baseline);
  const percent = Math.max(0, Math.min(100, Math.floor(share * 100)));
  return { percent, reached: share >= 1 };
}

export type Trend = { direction: "hausse" | "baisse" | "stable"; /** Least-squares change per period, in the figure's base. */ slope: number };

/**
 * The direction of the figures over the periods shown: the least-squares slope over the periods
 * that have a figure, « stable » when it moves less than 2 % of their mean per period. Null with
 * fewer than two figures.
 */
export function trendOf(series: readonly (number | null)[]): Trend | null {
  const points = series.flatMap((v, i) => (v === null ? [] : [[i, v] as const]));
  if (points.length < 2) return null;
  const n = points.length;
  const meanX = points.reduce((s, [x]) => s + x, 0) / n;
  const meanY = points.reduce((s, [, y]) => s + y, 0) / n;
  const num = points.reduce((s, [x, y]) => s + (x - meanX) * (y - meanY), 0);
  const den = points.reduce((s, [x]) => s + (x - meanX) ** 2, 0);
  const slope = den === 0 ? 0 : num / den;
  const threshold = Math.abs(meanY) * 0.02;
  const direction = Math.abs(slope) <= threshold || slope === 0 ? "stable" : slope > 0 ? "hausse" : "baisse";
  return { direction, slope };
}

export const TREND_LABELS: Readonly<Record<Trend["direction"], string>> = {
  hausse: "en hausse",
  baisse: "en baisse",
  stable: "stable",
};
