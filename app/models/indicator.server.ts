/**
 * A pôle's impact indicators: the ones its animation team chose (computed from Maillon's data, or
 * entered with a note), their figures per period, progress toward the target and trend; and the
 * whole install's figures for every computed metric.
 */
import { and, asc, eq, max, sql } from "drizzle-orm";
import { indicators, indicatorValues, territories } from "#db/schema";
import { kindOf, METRIC_DEFINITIONS, type MetricKind } from "~/domain/impact/catalog";
import { currentValue, progressToward, trendOf, type Progress, type Trend } from "~/domain/impact/figures";
import {
  enteredSeries,
  flowSeries,
  levelSeries,
  periodStartOf,
  rateSeries,
  recentPeriods,
  type Period,
} from "~/domain/impact/periods";
import { parisIsoDate } from "~/domain/paris-time";
import {
  IMPACT_METRICS,
  type ImpactMetric,
  type IndicatorPeriod,
  type IndicatorSource,
  type IndicatorUnit,
  type ValoressDomain,
} from "~/domain/vocabulary";
import { inFrenchOrder, writeTransaction, type Db, type Reader } from "~/utils/db.server";
import { metricFacts, type ImpactScope } from "./impact-facts.server";
import { fail, type Outcome } from "./outcome";

export type IndicatorRow = typeof indicators.$inferSelect;

export type ReportedIndicator = {
  id: number | null;
  /** For anchors and ids on the page: « indicateur-12 », « heures-accompagnement ». */
  key: string;
  name: string;
  unit: IndicatorUnit;
  definition: string;
  source: IndicatorSource;
  metric: ImpactMetric | null;
  kind: MetricKind;
  baseline: number;
  target: number | null;
  targetDate: string | null;
  period: IndicatorPeriod;
  valoressDomain: ValoressDomain | null;
  sdg: number | null;
  periods: Period[];
  series: (number | null)[];
  /** For entered figures: the note of each period's figure. */
  notes: (string | null)[];
  current: number | null;
  progress: Progress | null;
  trend: Trend | null;
};

function seriesOf(q: Reader, metric: ImpactMetric, scope: ImpactScope, periods: Period[], today: string): (number | null)[] {
  const facts = metricFacts(q, metric, scope);
  if (facts.kind === "flux") return flowSeries(facts.facts, periods);
  if (facts.kind === "niveau") return levelSeries(facts.facts, periods, today);
  return rateSeries(facts.facts, periods, today);
}

function report(q: Reader, row: IndicatorRow, scope: ImpactScope, today: string): ReportedIndicator {
  const periods = recentPeriods(row.period, today);
  const kind = kindOf(row.metric);
  let series: (number | null)[];
  let notes: (string | null)[] = periods.map(() => null);
  if (row.metric) {
    series = seriesOf(q, row.metric, scope, periods, today);
  } else {
    const values = q
      .select({ periodStart: indicatorValues.periodStart, value: indicatorValues.value, note: indicatorValues.note })
      .from(indicatorValues)
      .where(eq(indicatorValues.indicatorId, row.id))
      .all();
    series = enteredSeries(values, periods);
    const byStart = new Map(values.map((v) => [v.periodStart, v.note]));
    notes = periods.map((p) => byStart.get(p.start) ?? null);
  }
  const current = currentValue(kind, series);
  return {
    id: row.id,
    key: `indicateur-${row.id}`,
    name: row.name,
    unit: row.unit,
    definition: row.definition,
    source: row.source,
    metric: row.metric,
    kind,
    baseline: row.baseline,
    target: row.target,
    targetDate: row.targetDate,
    period: row.period,
    valoressDomain: row.valoressDomain,
    sdg: row.sdg,
    periods,
    series,
    notes,
    current,
    progress: progressToward(row.baseline, row.target, current),
    trend: trendOf(series),
  };
}

export function listIndicators(q: Reader, territoryId: number): IndicatorRow[] {
  return q.select().from(indicators).where(eq(indicators.territoryId, territoryId)).orderBy(asc(indicators.position), asc(indicators.id)).all();
}

/** The indicators a pôle chose, with their figures over the periods shown up to `now`. */
export function poleImpactReport(q: Reader, territoryId: number, now: Date): ReportedIndicator[] {
  const today = parisIsoDate(now);
  return listIndicators(q, territoryId).map((row) => report(q, row, territoryId, today));
}

/** The whole install: every computed metric, by quarter, over all pôles (targets are each pôle's own). */
export function installImpactReport(q: Reader, now: Date): ReportedIndicator[] {
  const today = parisIsoDate(now);
  return IMPACT_METRICS.map((metric) => {
    const d = METRIC_DEFINITIONS[metric];
    const row: IndicatorRow = {
      id: 0,
      territoryId: 0,
      source: "calcule",
      metric,
      name: d.name,
      unit: d.unit,
      definition: d.definition,
      baseline: 0,
      target: null,
      targetDate: null,
      period: "trimestre",
      valoressDomain: d.valoressDomain,
      sdg: d.sdg,
      position: 0,
      createdAt: now,
      updatedAt: now,
    };
    return { ...report(q, row, null, today), id: null, key: metric };
  });
}

export type IndicatorInput = {
  source: IndicatorSource;
  metric: ImpactMetric | null;
  name: string;
  unit: IndicatorUnit;
  definition: string;
  baseline: number;
  target: number | null;
  targetDate: string | null;
  period: IndicatorPeriod;
  valoressDomain: ValoressDomain | null;
  sdg: number | null;
};

/**
 * Adds an indicator to the pôle, or changes one of its own (`indicatorId`). A computed one takes its
 * metric's unit, and its name and definition when left empty; a pôle counts each metric once.
 */
export function saveIndicator(db: Db, territoryId: number, input: IndicatorInput, now: Date, indicatorId?: number): Outcome<{ id: number }> {
  return writeTransaction(db, (tx) => {
    const metric = input.source === "calcule" ? input.metric : null;
    if (input.source === "calcule" && !metric) return fail(400, "Choisissez ce que l'indicateur compte.", "metric");
    const d = metric ? METRIC_DEFINITIONS[metric] : null;
    const values = {
      source: input.source,
      metric,
      name: input.name || d?.name || "",
      unit: d ? d.unit : input.unit,
      definition: input.definition || d?.definition || "",
      baseline: input.baseline,
      target: input.target,
      targetDate: input.targetDate,
      period: input.period,
      valoressDomain: input.valoressDomain,
      sdg: input.sdg,
      updatedAt: now,
    };
    if (metric) {
      const same = tx
        .select({ id: indicators.id })
        .from(indicators)
        .where(and(eq(indicators.territoryId, territoryId), eq(indicators.metric, metric)))
        .get();
      if (same && same.id !== indicatorId) return fail(409, "Le pôle suit déjà cet indicateur : modifiez-le plutôt.", "metric");
    }
    if (indicatorId !== undefined) {
      const own = tx.select({ id: indicators.id }).from(indicators).where(and(eq(indicators.id, indicatorId), eq(indicators.territoryId, territoryId))).get();
      if (!own) return fail(404, "Indicateur introuvable pour ce pôle.");
      tx.update(indicators).set(values).where(eq(indicators.id, indicatorId)).run();
      return { ok: true, id: indicatorId };
    }
    const last = tx.select({ p: max(indicators.position) }).from(indicators).where(eq(indicators.territoryId, territoryId)).get();
    const inserted = tx
      .insert(indicators)
      .values({ ...values, territoryId, position: (last?.p ?? -1) + 1, createdAt: now })
      .returning({ id: indicators.id })
      .all();
    return { ok: true, id: inserted[0]!.id };
  });
}

export function removeIndicator(db: Db, territoryId: number, indicatorId: number): Outcome {
  const removed = db.delete(indicators).where(and(eq(indicators.id, indicatorId), eq(indicators.territoryId, territoryId))).run().changes;
  return removed ? { ok: true } : fail(404, "Indicateur introuvable pour ce pôle.");
}

export function getIndicator(q: Reader, territoryId: number, indicatorId: number): IndicatorRow | undefined {
  return q.select().from(indicators).where(and(eq(indicators.id, indicatorId), eq(indicators.territoryId, territoryId))).get();
}

export type ValueInput = { indicatorId: number; day: string; value: number; note: string };

/**
 * The team's figure for the period holding `day` of one of the pôle's entered indicators (it replaces
 * the one entered before for that period).
 */
export function recordIndicatorValue(db: Db, territoryId: number, input: ValueInput, userId: number, now: Date): Outcome<{ periodStart: string }> {
  return writeTransaction(db, (tx) => {
    const indicator = getIndicator(tx, territoryId, input.indicatorId);
    if (!indicator) return fail(404, "Indicateur introuvable pour ce pôle.", "indicatorId");
    if (indicator.source !== "saisi") return fail(400, "Cet indicateur est calculé par Maillon : il ne se saisit pas.", "indicatorId");
    if (indicator.unit === "pourcentage" && input.value > 100) return fail(400, "Un pourcentage ne dépasse pas 100.", "value");
    const periodStart = periodStartOf(input.day, indicator.period);
    tx.insert(indicatorValues)
      .values({ indicatorId: indicator.id, periodStart, value: input.value, note: input.note, enteredById: userId, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: [indicatorValues.indicatorId, indicatorValues.periodStart],
        set: { value: input.value, note: input.note, enteredById: userId, updatedAt: now },
      })
      .run();
    return { ok: true, periodStart };
  });
}

/** The pôles that chose at least one indicator, by name. */
export function polesWithIndicators(q: Reader): { slug: string; name: string }[] {
  return q
    .select({ slug: territories.slug, name: territories.name })
    .from(territories)
    .where(sql`exists (select 1 from ${indicators} where ${indicators.territoryId} = ${territories.id})`)
    .orderBy(inFrenchOrder(territories.name))
    .all();
}
