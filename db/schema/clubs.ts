import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { activityDomains } from "./catalog";
import { communes, departments } from "./geo";
import { projects } from "./projects";
import { territories } from "./territories";
import { users } from "./users";
import {
  CLUB_MEMBER_ROLES,
  CLUB_MEMBER_STATUSES,
  CLUB_STATUSES,
  DEAL_STAGES,
  DECISION_RULES,
  INSTRUMENTS,
  LEDGER_KINDS,
} from "../../app/domain/vocabulary";

/** Savers' clubs (CIGALES); their statuses, roles and ledger kinds are in app/domain/vocabulary.ts. */
export const clubs = sqliteTable(
  "clubs",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    territoryId: integer()
      .notNull()
      .references(() => territories.id),
    name: text().notNull(),
    description: text().notNull().default(""),
    status: text({ enum: CLUB_STATUSES }).notNull().default("en-constitution"),
    decisionRule: text({ enum: DECISION_RULES }).notNull().default("majorite-simple"),
    /** For majorité qualifiée: share of votes cast needed, in percent (e.g. 66). */
    qualifiedMajorityPct: integer().notNull().default(66),
    /** Share of active members who must vote for a ballot to count, in percent. */
    quorumPct: integer().notNull().default(50),
    /** Maximum stake in one company, in basis points (3300 = 33 %). */
    maxStakeBps: integer().notNull().default(3300),
    ticketMinCents: integer().notNull().default(50_000),
    ticketMaxCents: integer().notNull().default(500_000),
    /** ISO dates. The investing period lasts 5 years from `startedOn`. */
    startedOn: text(),
    investingEndsOn: text(),
    renewedOn: text(),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
    updatedAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("clubs_territory_idx").on(t.territoryId),
    check("clubs_ticket_range", sql`${t.ticketMinCents} > 0 and ${t.ticketMaxCents} >= ${t.ticketMinCents}`),
    check("clubs_stake_range", sql`${t.maxStakeBps} between 1 and 10000`),
    check("clubs_quorum_range", sql`${t.quorumPct} between 0 and 100`),
    check("clubs_qualified_range", sql`${t.qualifiedMajorityPct} between 50 and 100`),
  ],
);

/** Sectors (activity domains) a club prefers. */
export const clubSectors = sqliteTable(
  "club_sectors",
  {
    clubId: integer()
      .notNull()
      .references(() => clubs.id, { onDelete: "cascade" }),
    activityDomainId: integer()
      .notNull()
      .references(() => activityDomains.id),
  },
  (t) => [primaryKey({ columns: [t.clubId, t.activityDomainId] })],
);

/** Where a club invests: whole departments or single communes; none means its pôle's perimeter. */
export const clubAreas = sqliteTable(
  "club_areas",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    clubId: integer()
      .notNull()
      .references(() => clubs.id, { onDelete: "cascade" }),
    departmentCode: text().references(() => departments.code),
    communeCode: text().references(() => communes.code),
  },
  (t) => [
    index("club_areas_club_idx").on(t.clubId),
    check("club_areas_one_kind", sql`(${t.departmentCode} is null) <> (${t.communeCode} is null)`),
  ],
);

export const clubMembers = sqliteTable(
  "club_members",
  {
    clubId: integer()
      .notNull()
      .references(() => clubs.id, { onDelete: "cascade" }),
    userId: integer()
      .notNull()
      .references(() => users.id),
    role: text({ enum: CLUB_MEMBER_ROLES }).notNull().default("membre"),
    status: text({ enum: CLUB_MEMBER_STATUSES }).notNull(),
    monthlySavingsCents: integer().notNull().default(0),
    joinedAt: integer({ mode: "timestamp_ms" }),
    leftAt: integer({ mode: "timestamp_ms" }),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.clubId, t.userId] }),
    index("club_members_user_idx").on(t.userId),
    check("club_members_savings_range", sql`${t.monthlySavingsCents} between 0 and 10000000`),
  ],
);

/**
 * The club's ledger: every euro in or out, in integer cents, always positive;
 * the kind says the direction. Balance = Σ in − Σ out.
 */
export const clubLedgerEntries = sqliteTable(
  "club_ledger_entries",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    clubId: integer()
      .notNull()
      .references(() => clubs.id, { onDelete: "cascade" }),
    kind: text({ enum: LEDGER_KINDS }).notNull(),
    amountCents: integer().notNull(),
    /** The member who paid (cotisation) or was paid back (retrait). */
    memberUserId: integer().references(() => users.id),
    projectId: integer().references(() => projects.id),
    /** ISO date of the bank movement. */
    occurredOn: text().notNull(),
    note: text().notNull().default(""),
    recordedBy: integer()
      .notNull()
      .references(() => users.id),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("club_ledger_club_idx").on(t.clubId, t.occurredOn),
    check("club_ledger_amount_positive", sql`${t.amountCents} > 0`),
    check("club_ledger_amount_cents", sql`typeof(${t.amountCents}) = 'integer'`),
  ],
);

/** A club's pipeline for one project: repéré → étudié → vote → engagé | refusé. */
export const clubDeals = sqliteTable(
  "club_deals",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    clubId: integer()
      .notNull()
      .references(() => clubs.id, { onDelete: "cascade" }),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    stage: text({ enum: DEAL_STAGES }).notNull().default("repere"),
    notes: text().notNull().default(""),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
    updatedAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("club_deals_pair_uq").on(t.clubId, t.projectId), index("club_deals_project_idx").on(t.projectId)],
);

/** Money a club has committed to a project after a vote. */
export const clubCommitments = sqliteTable(
  "club_commitments",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    clubId: integer()
      .notNull()
      .references(() => clubs.id),
    projectId: integer()
      .notNull()
      .references(() => projects.id),
    dealId: integer().references(() => clubDeals.id),
    amountCents: integer().notNull(),
    instrument: text({ enum: INSTRUMENTS }).notNull(),
    committedAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("club_commitments_project_idx").on(t.projectId),
    index("club_commitments_club_idx").on(t.clubId),
    check("club_commitments_amount_positive", sql`${t.amountCents} > 0`),
    check("club_commitments_amount_cents", sql`typeof(${t.amountCents}) = 'integer'`),
  ],
);
