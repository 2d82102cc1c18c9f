import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { clubCommitments, clubDeals, clubs } from "./clubs";
import { projects } from "./projects";
import { territories } from "./territories";
import { users } from "./users";
import {
  BALLOT_CHOICES,
  FUNDING_KINDS,
  INSTRUMENTS,
  PLEDGE_STATUSES,
  VOTE_OUTCOMES,
  VOTE_STATUSES,
} from "../../app/domain/vocabulary";

/**
 * FINANCER beyond the club tables of clubs.ts: votes and ballots, meetings,
 * accompanying members, direct pledges, the cagnotte solidaire and tontines.
 * Money is always integer cents; `typeof(...) = 'integer'` stops a REAL from
 * slipping in through SQLite's loose typing.
 */

/** A club's vote on investing in one project: amount and instrument proposed by the gérant. */
export const clubVotes = sqliteTable(
  "club_votes",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    clubId: integer()
      .notNull()
      .references(() => clubs.id, { onDelete: "cascade" }),
    dealId: integer()
      .notNull()
      .references(() => clubDeals.id, { onDelete: "cascade" }),
    projectId: integer()
      .notNull()
      .references(() => projects.id),
    amountCents: integer().notNull(),
    instrument: text({ enum: INSTRUMENTS }).notNull(),
    deadline: integer({ mode: "timestamp_ms" }).notNull(),
    /** Active members when the vote opened: the base of the quorum. */
    eligibleCount: integer().notNull(),
    status: text({ enum: VOTE_STATUSES }).notNull().default("ouvert"),
    outcome: text({ enum: VOTE_OUTCOMES }),
    /** Why an adopted vote led to no commitment (money, stake cap), in French. */
    outcomeNote: text().notNull().default(""),
    commitmentId: integer().references(() => clubCommitments.id),
    openedBy: integer()
      .notNull()
      .references(() => users.id),
    openedAt: integer({ mode: "timestamp_ms" }).notNull(),
    closedAt: integer({ mode: "timestamp_ms" }),
    /** When the members who had not voted were reminded, 48 hours before the deadline. */
    remindedAt: integer({ mode: "timestamp_ms" }),
  },
  (t) => [
    index("club_votes_club_idx").on(t.clubId, t.status),
    // One open vote per deal at a time.
    uniqueIndex("club_votes_open_deal_uq").on(t.dealId).where(sql`status = 'ouvert'`),
    check("club_votes_amount_cents", sql`typeof(${t.amountCents}) = 'integer' and ${t.amountCents} > 0`),
    check("club_votes_eligible_range", sql`${t.eligibleCount} between 1 and 20`),
  ],
);

/** One ballot per member and vote: the primary key makes « once » a database fact. */
export const clubBallots = sqliteTable(
  "club_ballots",
  {
    voteId: integer()
      .notNull()
      .references(() => clubVotes.id, { onDelete: "cascade" }),
    userId: integer()
      .notNull()
      .references(() => users.id),
    choice: text({ enum: BALLOT_CHOICES }).notNull(),
    castAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.voteId, t.userId] })],
);

/** About one a month; may be a meeting with a project's holder. */
export const clubMeetings = sqliteTable(
  "club_meetings",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    clubId: integer()
      .notNull()
      .references(() => clubs.id, { onDelete: "cascade" }),
    projectId: integer().references(() => projects.id, { onDelete: "set null" }),
    startsAt: integer({ mode: "timestamp_ms" }).notNull(),
    place: text().notNull().default(""),
    agenda: text().notNull().default(""),
    createdBy: integer()
      .notNull()
      .references(() => users.id),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("club_meetings_club_idx").on(t.clubId, t.startsAt)],
);

/** The 1–2 club members who follow a company after the club invested in it. */
export const clubAccompanyingMembers = sqliteTable(
  "club_accompanying_members",
  {
    clubId: integer()
      .notNull()
      .references(() => clubs.id, { onDelete: "cascade" }),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    userId: integer()
      .notNull()
      .references(() => users.id),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.clubId, t.projectId, t.userId] }),
    index("club_accompanying_project_idx").on(t.projectId),
  ],
);

/** A saver's direct pledge to a project; the money moves by bank transfer, outside Maillon. */
export const pledges = sqliteTable(
  "pledges",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    projectId: integer()
      .notNull()
      .references(() => projects.id),
    userId: integer()
      .notNull()
      .references(() => users.id),
    amountCents: integer().notNull(),
    kind: text({ enum: FUNDING_KINDS }).notNull(),
    message: text().notNull().default(""),
    status: text({ enum: PLEDGE_STATUSES }).notNull().default("actif"),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
    cancelledAt: integer({ mode: "timestamp_ms" }),
  },
  (t) => [
    index("pledges_project_idx").on(t.projectId, t.status),
    index("pledges_user_idx").on(t.userId),
    check("pledges_amount_cents", sql`typeof(${t.amountCents}) = 'integer' and ${t.amountCents} > 0`),
  ],
);

/** « La cagnotte solidaire » of a pôle: donations in… */
export const cagnotteDonations = sqliteTable(
  "cagnotte_donations",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    territoryId: integer()
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    userId: integer().references(() => users.id, { onDelete: "set null" }),
    amountCents: integer().notNull(),
    /** The name shown; null for an anonymous donation. */
    donorName: text(),
    message: text().notNull().default(""),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("cagnotte_donations_territory_idx").on(t.territoryId, t.createdAt),
    check("cagnotte_donations_amount_cents", sql`typeof(${t.amountCents}) = 'integer' and ${t.amountCents} > 0`),
  ],
);

/** …allocated to projects by the animation team. */
export const cagnotteAllocations = sqliteTable(
  "cagnotte_allocations",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    territoryId: integer()
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    projectId: integer()
      .notNull()
      .references(() => projects.id),
    amountCents: integer().notNull(),
    note: text().notNull().default(""),
    allocatedBy: integer()
      .notNull()
      .references(() => users.id),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("cagnotte_allocations_territory_idx").on(t.territoryId),
    index("cagnotte_allocations_project_idx").on(t.projectId),
    check("cagnotte_allocations_amount_cents", sql`typeof(${t.amountCents}) = 'integer' and ${t.amountCents} > 0`),
  ],
);

/** The goal the page's progress bar points to: the latest one is current. */
export const cagnotteGoals = sqliteTable(
  "cagnotte_goals",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    territoryId: integer()
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    label: text().notNull(),
    targetCents: integer().notNull(),
    createdBy: integer()
      .notNull()
      .references(() => users.id),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("cagnotte_goals_territory_idx").on(t.territoryId, t.createdAt),
    check("cagnotte_goals_target_cents", sql`typeof(${t.targetCents}) = 'integer' and ${t.targetCents} > 0`),
  ],
);

/** A savings circle: each month every member pays the contribution and one member, in turn, receives the pot. */
export const tontines = sqliteTable(
  "tontines",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    territoryId: integer()
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    name: text().notNull(),
    description: text().notNull().default(""),
    contributionCents: integer().notNull(),
    /** ISO date of the first turn (YYYY-MM-DD); one turn a month from there. */
    startsOn: text().notNull(),
    createdBy: integer()
      .notNull()
      .references(() => users.id),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("tontines_territory_idx").on(t.territoryId),
    check(
      "tontines_contribution_cents",
      sql`typeof(${t.contributionCents}) = 'integer' and ${t.contributionCents} > 0`,
    ),
  ],
);

export const tontineMembers = sqliteTable(
  "tontine_members",
  {
    tontineId: integer()
      .notNull()
      .references(() => tontines.id, { onDelete: "cascade" }),
    userId: integer()
      .notNull()
      .references(() => users.id),
    /** 1-based place in the order of turns. */
    turn: integer().notNull(),
    joinedAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tontineId, t.userId] }),
    uniqueIndex("tontine_members_turn_uq").on(t.tontineId, t.turn),
    index("tontine_members_user_idx").on(t.userId),
  ],
);
