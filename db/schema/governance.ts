import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { organisations } from "./organisations";
import { territories } from "./territories";
import { users } from "./users";
import { GOVERNANCE_BODY_KINDS } from "../../app/domain/vocabulary";

/** People who joined a pôle (accepting its charter); the perimeter alone does not make a member. */
export const poleMembers = sqliteTable(
  "pole_members",
  {
    territoryId: integer()
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    joinedAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.territoryId, t.userId] }), index("pole_members_user_idx").on(t.userId)],
);

/** A governing body of a pôle: équipe d'animation, comité de pilotage, assemblée… */
export const governanceBodies = sqliteTable(
  "governance_bodies",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    territoryId: integer()
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    kind: text({ enum: GOVERNANCE_BODY_KINDS }).notNull(),
    name: text().notNull(),
    description: text().notNull().default(""),
    position: integer().notNull().default(0),
  },
  (t) => [index("governance_bodies_territory_idx").on(t.territoryId, t.position)],
);

/** A seat in a body for a mandate: a person, possibly for an organisation. */
export const bodyMandates = sqliteTable(
  "body_mandates",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    bodyId: integer()
      .notNull()
      .references(() => governanceBodies.id, { onDelete: "cascade" }),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organisationId: integer().references(() => organisations.id, { onDelete: "set null" }),
    /** « Co-présidente », « Membre », « Référent financement »… */
    position: text().notNull(),
    /** ISO dates (YYYY-MM-DD), Europe/Paris calendar days; no end while open-ended. */
    startsOn: text().notNull(),
    endsOn: text(),
  },
  (t) => [
    index("body_mandates_body_idx").on(t.bodyId),
    check("body_mandates_dates_ordered", sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** The pôle's charter, one row per version; the highest version is in force. */
export const charterVersions = sqliteTable(
  "charter_versions",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    territoryId: integer()
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    version: integer().notNull(),
    body: text().notNull(),
    /** What changed since the previous version, shown to members asked to accept again. */
    changeNote: text().notNull().default(""),
    publishedAt: integer({ mode: "timestamp_ms" }).notNull(),
    publishedBy: integer().references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [uniqueIndex("charter_versions_uq").on(t.territoryId, t.version)],
);

/** Who accepted which version of a charter, and when. */
export const charterAcceptances = sqliteTable(
  "charter_acceptances",
  {
    charterVersionId: integer()
      .notNull()
      .references(() => charterVersions.id, { onDelete: "cascade" }),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    acceptedAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.charterVersionId, t.userId] }),
    index("charter_acceptances_user_idx").on(t.userId),
  ],
);

/** The decisions log of a body; public unless marked internal. */
export const bodyDecisions = sqliteTable(
  "body_decisions",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    bodyId: integer()
      .notNull()
      .references(() => governanceBodies.id, { onDelete: "cascade" }),
    /** ISO date of the meeting (Europe/Paris). */
    decidedOn: text().notNull(),
    subject: text().notNull(),
    decision: text().notNull(),
    /** Vote result when there was one; all null otherwise. */
    votesFor: integer(),
    votesAgainst: integer(),
    votesAbstain: integer(),
    internal: integer({ mode: "boolean" }).notNull().default(false),
    recordedBy: integer().references(() => users.id, { onDelete: "set null" }),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("body_decisions_body_idx").on(t.bodyId, t.decidedOn)],
);
