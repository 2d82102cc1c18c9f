import type { IndicatorPeriod } from "~/domain/vocabulary";
import type { Messages } from "../messages";

const MONTH_YEAR = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
const SHORT_MONTH = new Intl.DateTimeFormat("en-GB", { month: "short", timeZone: "UTC" });

/** A period starting on YYYY-MM-DD in English: « March 2026 », « Q1 2026 », « 2026 » (short: « Mar », « Q1 26 »). */
function englishPeriod(start: string, period: IndicatorPeriod, short: boolean): string {
  const year = start.slice(0, 4);
  if (period === "annee") return year;
  const month = Number(start.slice(5, 7));
  if (period === "trimestre") return `Q${Math.floor((month - 1) / 3) + 1} ${short ? year.slice(2) : year}`;
  return (short ? SHORT_MONTH : MONTH_YEAR).format(new Date(`${start}T00:00:00Z`));
}

export const impact: Messages["impact"] = {
  page: {
    metaTitle: "The hubs' impact — Maillon",
    metaDescription: "Projects launched, hours of mentorship, euros committed locally, jobs created: the figures of all Maillon's hubs.",
    title: "The hubs' impact",
    intro:
      "What Maillon's hubs change on their territories, computed every day from what happens on the platform: projects, volunteer mentorship, solidarity savings, needs met, meetings. Jobs created and business survival come from the follow-ups project holders fill in 6 months, 1 year and 3 years after the launch. Each hub chooses its own indicators and their targets: see them on each hub's impact page.",
    download: "Download the figures (CSV)",
    perPoleTitle: "Each hub's indicators",
    perPoleIntro:
      "The hubs that have chosen their indicators and targets; the others will choose them from their coordination space. All the hubs are in",
    directory: "the directory",
  },
  csvAllPoles: "All hubs",
  indicator: {
    periodLabel: (start, period) => englishPeriod(start, period, false),
    periodShortLabel: (start, period) => englishPeriod(start, period, true),
    flowTotal: {
      mois: (count) => `Total of the last ${count} months`,
      trimestre: (count) => `Total of the last ${count} quarters`,
      annee: (count) => `Total of the last ${count} years`,
    },
    lastValue: "Latest known value",
    hours: (hours) => `${hours}\u00a0h`,
    percent: (percent) => `${percent}%`,
    tickHours: (hours) => `${hours} h`,
    tickPercent: (percent) => `${percent}%`,
    noFigure: (first, last) => `No figure from ${first} to ${last}.`,
    chartTrend: (trend) => ` Trend ${trend}.`,
    chartTarget: (target) => ` Dotted line: the target, ${target}.`,
    chartDescription: (first, last, top, topPeriod, trend, target) =>
      `Bar chart, one bar per period, from ${first} to ${last}. Highest value: ${top} (${topPeriod}).${trend}${target} The figures are in the table that follows.`,
    target: (target, by, baseline) => `Target: ${target}${by ? ` by ${by}` : ""}, starting from ${baseline}.`,
    valoress: (domain) => `VALOR'ESS: ${domain}`,
    sdg: (sdg, label) => `SDG ${sdg} — ${label}`,
    progressLabel: (percent) => `Progress towards the target: ${percent}%`,
    reached: "Target reached.",
    progress: (percent) => `Progress towards the target: ${percent}%.`,
    trend: (trend) => `Trend over the period: ${trend ?? "not enough figures to tell"}.`,
    caption: (name) => `${name}: the figures per period`,
    period: "Period",
    value: "Value",
    source: "Source of the figure",
  },
};
