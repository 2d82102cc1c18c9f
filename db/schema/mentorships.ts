import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { projects, projectSkillNeeds } from "./projects";
import { users } from "./users";
import {
  DEFAULT_MENTORSHIP_MONTHS,
  ENDORSEMENT_LEVELS,
  ENDORSEMENT_STATUSES,
  MENTORSHIP_INITIATORS,
  MENTORSHIP_STATUSES,
} from "../../app/domain/vocabulary";

export const mentorships = sqliteTable(
  "mentorships",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    needId: integer()
      .notNull()
      .references(() => projectSkillNeeds.id, { onDelete: "cascade" }),
    volunteerId: integer()
      .notNull()
      .references(() => users.id),
    initiatedBy: text({ enum: MENTORSHIP_INITIATORS }).notNull(),
    status: text({ enum: MENTORSHIP_STATUSES }).notNull().default("demande"),
    requestMessage: text().notNull().default(""),
    responseMessage: text().notNull().default(""),
    plannedMonths: integer().notNull().default(DEFAULT_MENTORSHIP_MONTHS),
    requestedAt: integer({ mode: "timestamp_ms" }).notNull(),
    respondedAt: integer({ mode: "timestamp_ms" }),
    endedAt: integer({ mode: "timestamp_ms" }),
  },
  (t) => [
    index("mentorships_volunteer_status_idx").on(t.volunteerId, t.status),
    index("mentorships_project_idx").on(t.projectId),
    index("mentorships_need_idx").on(t.needId),
    // One open request or active mentorship per need and volunteer.
    uniqueIndex("mentorships_open_pair_uq")
      .on(t.needId, t.volunteerId)
      .where(sql`status in ('demande', 'acceptee')`),
    check("mentorships_planned_months_range", sql`${t.plannedMonths} between 1 and 60`),
  ],
);

/** The session log, visible to both sides. */
export const mentorshipSessions = sqliteTable(
  "mentorship_sessions",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    mentorshipId: integer()
      .notNull()
      .references(() => mentorships.id, { onDelete: "cascade" }),
    authorId: integer()
      .notNull()
      .references(() => users.id),
    /** ISO date (YYYY-MM-DD). */
    heldOn: text().notNull(),
    durationMinutes: integer().notNull(),
    topic: text().notNull(),
    notes: text().notNull().default(""),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("mentorship_sessions_mentorship_idx").on(t.mentorshipId, t.heldOn),
    check("mentorship_sessions_duration_range", sql`${t.durationMinutes} between 1 and 1440`),
  ],
);

/** Feedback from each side when the mentorship ends. */
export const mentorshipFeedback = sqliteTable(
  "mentorship_feedback",
  {
    mentorshipId: integer()
      .notNull()
      .references(() => mentorships.id, { onDelete: "cascade" }),
    authorId: integer()
      .notNull()
      .references(() => users.id),
    rating: integer().notNull(),
    comment: text().notNull().default(""),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.mentorshipId, t.authorId] }),
    check("mentorship_feedback_rating_range", sql`${t.rating} between 1 and 5`),
  ],
);

/**
 * A mentor's endorsement of the project they accompany (active or ended mentorship): what was
 * worked on, how the holder progressed, a recommendation. Public only once the holder agrees.
 */
export const mentorshipEndorsements = sqliteTable(
  "mentorship_endorsements",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    mentorshipId: integer()
      .notNull()
      .references(() => mentorships.id, { onDelete: "cascade" }),
    workedOn: text().notNull(),
    progress: text().notNull(),
    level: text({ enum: ENDORSEMENT_LEVELS }).notNull(),
    status: text({ enum: ENDORSEMENT_STATUSES }).notNull().default("proposee"),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
    updatedAt: integer({ mode: "timestamp_ms" }).notNull(),
    decidedAt: integer({ mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("mentorship_endorsements_mentorship_uq").on(t.mentorshipId)],
);
