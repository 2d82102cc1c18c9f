import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { activityDomains, skills } from "./catalog";
import { communes } from "./geo";
import { users } from "./users";
import {
  FUNDING_KINDS,
  LEGAL_FORMS,
  NEED_PRIORITIES,
  NEED_STATUSES,
  PROJECT_KINDS,
  PROJECT_STAGES,
  PROJECT_STATUSES,
} from "../../app/domain/vocabulary";

export const projects = sqliteTable(
  "projects",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    ownerId: integer()
      .notNull()
      .references(() => users.id),
    title: text().notNull(),
    pitch: text().notNull(),
    description: text().notNull().default(""),
    kind: text({ enum: PROJECT_KINDS }).notNull(),
    stage: text({ enum: PROJECT_STAGES }).notNull(),
    legalForm: text({ enum: LEGAL_FORMS }).notNull().default("a-definir"),
    activityDomainId: integer()
      .notNull()
      .references(() => activityDomains.id),
    communeCode: text()
      .notNull()
      .references(() => communes.code),
    remoteOk: integer({ mode: "boolean" }).notNull().default(false),
    jobsExpected: integer().notNull().default(0),
    /** « Je cherche des associés ». */
    seeksPartners: integer({ mode: "boolean" }).notNull().default(false),
    status: text({ enum: PROJECT_STATUSES }).notNull().default("brouillon"),
    publishedAt: integer({ mode: "timestamp_ms" }),
    /** ISO date (YYYY-MM-DD) the holder says the activity started: the follow-ups count from it. */
    launchedOn: text(),
    closedAt: integer({ mode: "timestamp_ms" }),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
    updatedAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("projects_owner_idx").on(t.ownerId),
    index("projects_status_commune_idx").on(t.status, t.communeCode),
  ],
);

/** A skill a project needs: one mentor per need. */
export const projectSkillNeeds = sqliteTable(
  "project_skill_needs",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    skillId: integer()
      .notNull()
      .references(() => skills.id),
    priority: text({ enum: NEED_PRIORITIES }).notNull(),
    /** What the holder expects from the mentor. */
    expectation: text().notNull().default(""),
    hoursPerMonth: integer().notNull().default(2),
    status: text({ enum: NEED_STATUSES }).notNull().default("ouvert"),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    check("project_skill_needs_hours_positive", sql`${t.hoursPerMonth} > 0`),
    index("project_skill_needs_project_idx").on(t.projectId),
    index("project_skill_needs_skill_status_idx").on(t.skillId, t.status),
  ],
);

/** At most one funding need per project; money in integer cents. */
export const projectFundingNeeds = sqliteTable(
  "project_funding_needs",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    amountCents: integer().notNull(),
    kind: text({ enum: FUNDING_KINDS }).notNull(),
    /** ISO date (YYYY-MM-DD), Europe/Paris calendar day. */
    neededBy: text(),
    /**
     * Share capital of the company once the round is done, in cents: the base
     * for a club's stake (clubs stay minority shareholders). Null when unknown.
     */
    companyCapitalCents: integer(),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("project_funding_needs_project_uq").on(t.projectId),
    check("project_funding_needs_amount_positive", sql`${t.amountCents} > 0`),
  ],
);
