import { describe, expect, it } from "vitest";
import { barChart, CHART, niceCeiling } from "./chart";
import { currentValue, formatFigure, parseFigure, progressToward, trendOf } from "./figures";
import { describePeriod, flowSeries, levelSeries, periodStartOf, rateSeries, recentPeriods, shiftPeriod, spansOfLatest } from "./periods";

describe("periods", () => {
  it("puts a day in its month, quarter and year", () => {
    expect(periodStartOf("2026-05-31", "mois")).toBe("2026-05-01");
    expect(periodStartOf("2026-05-31", "trimestre")).toBe("2026-04-01");
    expect(periodStartOf("2026-12-31", "trimestre")).toBe("2026-10-01");
    expect(periodStartOf("2026-05-31", "annee")).toBe("2026-01-01");
  });

  it("steps across years both ways", () => {
    expect(shiftPeriod("2026-01-01", "mois", -1)).toBe("2025-12-01");
    expect(shiftPeriod("2025-10-01", "trimestre", 1)).toBe("2026-01-01");
    expect(shiftPeriod("2026-01-01", "annee", -4)).toBe("2022-01-01");
  });

  it("lists the periods shown, oldest first, ending with the one under way, labelled in French", () => {
    const months = recentPeriods("mois", "2026-03-15");
    expect(months).toHaveLength(12);
    expect(months[0]!.start).toBe("2025-04-01");
    expect(months.at(-1)).toEqual({ start: "2026-03-01", end: "2026-04-01", label: "mars 2026", shortLabel: "mars" });
    expect(describePeriod("2026-01-01", "trimestre").label).toBe("1er trimestre 2026");
    expect(describePeriod("2026-07-01", "trimestre").shortLabel).toBe("T3 26");
    expect(recentPeriods("annee", "2026-03-15").map((p) => p.label)).toEqual(["2022", "2023", "2024", "2025", "2026"]);
  });

  it("sums what happened in each period (end excluded)", () => {
    const periods = recentPeriods("mois", "2026-03-10", 3);
    expect(flowSeries([{ on: "2026-01-31", amount: 2 }, { on: "2026-02-01", amount: 3 }, { on: "2026-03-02", amount: 5 }, { on: "2025-12-31", amount: 7 }], periods)).toEqual([2, 3, 5]);
  });

  it("reads a level on each period's last day, and today for the period under way", () => {
    const periods = recentPeriods("mois", "2026-03-10", 3);
    const spans = [
      { from: "2026-01-15", to: null, amount: 1 },
      { from: "2026-01-20", to: "2026-02-28", amount: 1 }, // ends on the last day of February: not counted then
      { from: "2026-03-11", to: null, amount: 1 }, // after today
    ];
    expect(levelSeries(spans, periods, "2026-03-10")).toEqual([2, 1, 1]);
  });

  it("gives each answer of a subject until the next one", () => {
    expect(spansOfLatest([{ on: "2026-06-01", amount: 3 }, { on: "2025-12-01", amount: 1 }])).toEqual([
      { from: "2025-12-01", to: "2026-06-01", amount: 1 },
      { from: "2026-06-01", to: null, amount: 3 },
    ]);
  });

  it("computes a rate among the answers given by then, null when none", () => {
    const periods = recentPeriods("annee", "2026-03-10", 3);
    expect(rateSeries([{ on: "2025-05-01", yes: true }, { on: "2025-06-01", yes: false }, { on: "2026-01-10", yes: true }], periods, "2026-03-10")).toEqual([null, 50, 67]);
  });
});

describe("figures", () => {
  it("formats each unit the French way", () => {
    expect(formatFigure(125050, "euros")).toBe("1\u202f250,50\u00a0€");
    expect(formatFigure(2250, "heures")).toBe("37,5\u00a0h");
    expect(formatFigure(84, "pourcentage")).toBe("84\u00a0%");
    expect(formatFigure(12000, "nombre")).toBe("12\u202f000");
  });

  it("reads what people type into the stored integer, or says why not in French", () => {
    expect(parseFigure("1 250,50", "euros")).toEqual({ ok: true, value: 125050 });
    expect(parseFigure("37,5", "heures")).toEqual({ ok: true, value: 2250 });
    expect(parseFigure("12", "nombre")).toEqual({ ok: true, value: 12 });
    expect(parseFigure("12,5", "nombre")).toEqual({ ok: false, message: "Indiquez un nombre entier, sans décimale." });
    expect(parseFigure("douze", "euros").ok).toBe(false);
    expect(parseFigure("-3", "nombre")).toEqual({ ok: false, message: "Indiquez un nombre positif ou nul." });
    expect(parseFigure("120", "pourcentage")).toEqual({ ok: false, message: "Un pourcentage ne dépasse pas 100." });
  });

  it("compares a flow's total and a level's latest figure with the target", () => {
    expect(currentValue("flux", [1, null, 4])).toBe(5);
    expect(currentValue("niveau", [1, 4, null])).toBe(4);
    expect(currentValue("taux", [null, null])).toBeNull();
  });

  it("measures progress from the baseline to the target, either way, capped at 100", () => {
    expect(progressToward(10, 30, 20)).toEqual({ percent: 50, reached: false });
    expect(progressToward(0, 30, 45)).toEqual({ percent: 100, reached: true });
    expect(progressToward(0, 30, -5)).toEqual({ percent: 0, reached: false });
    expect(progressToward(100, 50, 75)).toEqual({ percent: 50, reached: false });
    expect(progressToward(0, null, 3)).toBeNull();
    expect(progressToward(5, 5, 3)).toBeNull();
  });

  it("tells the trend by the least-squares slope, stable within 2 % of the mean", () => {
    expect(trendOf([1, 2, 3, 4])).toEqual({ direction: "hausse", slope: 1 });
    expect(trendOf([4, null, 2, 1])!.direction).toBe("baisse");
    expect(trendOf([100, 101, 100, 101])!.direction).toBe("stable");
    expect(trendOf([0, 0, 0])!.direction).toBe("stable");
    expect(trendOf([null, 3])).toBeNull();
  });
});

describe("chart geometry", () => {
  it("rounds the scale up to 1, 2, 2.5 or 5 × 10^k", () => {
    expect(niceCeiling(0)).toBe(1);
    expect(niceCeiling(7)).toBe(10);
    expect(niceCeiling(180)).toBe(200);
    expect(niceCeiling(2100)).toBe(2500);
    expect(niceCeiling(40)).toBe(50);
  });

  it("draws bars proportional to the figures inside the plot, skipping periods without one", () => {
    const chart = barChart([10, null, 20, 5]);
    expect(chart.ticks.map((t) => t.value)).toEqual([0, 10, 20]);
    expect(chart.bars.map((b) => b.index)).toEqual([0, 2, 3]);
    const [a, b, c] = chart.bars as [typeof chart.bars[0], typeof chart.bars[0], typeof chart.bars[0]];
    expect(b.height).toBeCloseTo(2 * a.height, 1);
    expect(c.height).toBeCloseTo(a.height / 2, 1);
    expect(b.y).toBe(CHART.top);
    for (const bar of chart.bars) {
      expect(bar.y + bar.height).toBeCloseTo(CHART.height - CHART.bottom, 5);
      expect(bar.x).toBeGreaterThanOrEqual(CHART.left);
      expect(bar.x + bar.width).toBeLessThanOrEqual(CHART.width - CHART.right);
    }
  });

  it("leaves out a middle tick that would not be a whole count", () => {
    expect(barChart([1, 5], null, true).ticks.map((t) => t.value)).toEqual([0, 5]);
    expect(barChart([1, 5]).ticks.map((t) => t.value)).toEqual([0, 2.5, 5]);
    expect(barChart([1, 8], null, true).ticks.map((t) => t.value)).toEqual([0, 5, 10]);
  });

  it("scales with the target so its line shows above lower bars", () => {
    const chart = barChart([2, 3], 8);
    expect(chart.ticks.at(-1)!.value).toBe(10);
    expect(chart.targetY).toBeLessThan(chart.bars[1]!.y);
  });
});
