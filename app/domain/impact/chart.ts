/**
 * The geometry of an indicator's bar chart, drawn on the server as SVG: one bar per period, a
 * rounded scale of three ticks, and the target as a line when it fits the chart's purpose. Pure
 * numbers in the viewBox's units; the component only draws them.
 */

export const CHART = { width: 360, height: 180, left: 56, right: 8, top: 12, bottom: 28 } as const;

export type Bar = { index: number; x: number; y: number; width: number; height: number; /** Centre, for the label under it. */ cx: number };
export type ChartGeometry = {
  bars: Bar[];
  /** From the bottom up: the value and its height. */
  ticks: { value: number; y: number }[];
  /** The target's height, when there is one. */
  targetY: number | null;
  /** The bottom line of the plot. */
  baseY: number;
  plot: { x0: number; x1: number; y0: number; y1: number };
};

/** The smallest of 1, 2, 2.5, 5 × 10^k at or above `value` (1 for nothing). */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * power >= value - 1e-9) return step * power;
  }
  return 10 * power;
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Bars for the figures (null: no bar), scaled with the target so both show. With `wholeTicks` (counts,
 * percentages) the middle tick is left out when it would not be a whole number.
 */
export function barChart(series: readonly (number | null)[], target: number | null = null, wholeTicks = false): ChartGeometry {
  const x0 = CHART.left;
  const x1 = CHART.width - CHART.right;
  const y0 = CHART.top;
  const y1 = CHART.height - CHART.bottom;
  const max = niceCeiling(Math.max(0, target ?? 0, ...series.map((v) => v ?? 0)));
  const scale = (v: number) => round(y1 - ((y1 - y0) * v) / max);
  const slot = (x1 - x0) / Math.max(1, series.length);
  const width = round(slot * 0.7);
  const bars = series.flatMap((v, index) => {
    const cx = round(x0 + slot * index + slot / 2);
    if (v === null) return [];
    const y = scale(Math.max(0, v));
    return [{ index, x: round(cx - width / 2), y, width, height: round(y1 - y), cx }];
  });
  return {
    bars,
    ticks: (wholeTicks && !Number.isInteger(max / 2) ? [0, max] : [0, max / 2, max]).map((value) => ({ value, y: scale(value) })),
    targetY: target === null ? null : scale(Math.max(0, target)),
    baseY: y1,
    plot: { x0, x1, y0, y1 },
  };
}

/** The centre of every period's slot, bar or not, for the labels under the chart. */
export function slotCentres(count: number): number[] {
  const slot = (CHART.width - CHART.right - CHART.left) / Math.max(1, count);
  return Array.from({ length: count }, (_, i) => round(CHART.left + slot * i + slot / 2));
}
