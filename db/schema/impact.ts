import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { projects } from "./projects";
import { territories } from "./territories";
import { users } from "./users";
import {
  FOLLOW_UP_MILESTONES,
  IMPACT_METRICS,
  INDICATOR_PERIODS,
  INDICATOR_SOURCES,
  INDICATOR_UNITS,
  TURNOVER_BANDS,
  VALORESS_DOMAINS,
} from "../../app/domain/vocabulary";

/**
 * An indicator a pôle's animation team chose to report on. Figures are integers in the unit's base:
 * a count, cents for euros, minutes for hours, a whole percentage. A computed indicator names its
 * metric (one per pôle and metric); an entered one has none and its values carry a note.
 */
export const indicators = sqliteTable(
  "indicators",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    territoryId: integer()
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    source: text({ enum: INDICATOR_SOURCES }).notNull(),
    metric: text({ enum: IMPACT_METRICS }),
    name: text().notNull(),
    unit: text({ enum: INDICATOR_UNITS }).notNull(),
    definition: text().notNull(),
    baseline: integer().notNull().default(0),
    target: integer(),
    /** ISO date (YYYY-MM-DD) by which the target should be reached. */
    targetDate: text(),
    period: text({ enum: INDICATOR_PERIODS }).notNull(),
    valoressDomain: text({ enum: VALORESS_DOMAINS }),
    /** UN sustainable development goal, 1 to 17. */
    sdg: integer(),
    position: integer().notNull().default(0),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
    updatedAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("indicators_territory_idx").on(t.territoryId, t.position),
    uniqueIndex("indicators_territory_metric_uq").on(t.territoryId, t.metric).where(sql`metric is not null`),
    check("indicators_source_metric", sql`(${t.source} = 'calcule') = (${t.metric} is not null)`),
    check("indicators_sdg_range", sql`${t.sdg} is null or ${t.sdg} between 1 and 17`),
    check("indicators_integer_figures", sql`typeof(${t.baseline}) = 'integer' and (${t.target} is null or typeof(${t.target}) = 'integer')`),
  ],
);

/** A figure the animation team entered for one period of an indicator (its first day), with its supporting note. */
export const indicatorValues = sqliteTable(
  "indicator_values",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    indicatorId: integer()
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    /** ISO date (YYYY-MM-DD): the first day of the period. */
    periodStart: text().notNull(),
    value: integer().notNull(),
    note: text().notNull(),
    enteredById: integer().references(() => users.id, { onDelete: "set null" }),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
    updatedAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("indicator_values_period_uq").on(t.indicatorId, t.periodStart),
    check("indicator_values_integer", sql`typeof(${t.value}) = 'integer'`),
  ],
);

/** A holder's answer, 6, 12 or 36 months after the launch: jobs created, turnover band, activity still running. */
export const projectFollowUps = sqliteTable(
  "project_follow_ups",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    milestoneMonths: integer().$type<(typeof FOLLOW_UP_MILESTONES)[number]>().notNull(),
    /** Jobs created since the launch, in full-time equivalents rounded to whole jobs, the holder included. */
    jobsCreated: integer().notNull(),
    turnoverBand: text({ enum: TURNOVER_BANDS }).notNull(),
    stillActive: integer({ mode: "boolean" }).notNull(),
    comment: text().notNull().default(""),
    answeredById: integer().references(() => users.id, { onDelete: "set null" }),
    answeredAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("project_follow_ups_milestone_uq").on(t.projectId, t.milestoneMonths),
    check("project_follow_ups_milestone", sql`${t.milestoneMonths} in (6, 12, 36)`),
    check("project_follow_ups_jobs", sql`${t.jobsCreated} between 0 and 10000`),
  ],
);
