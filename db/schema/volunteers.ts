import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { activityDomains, skills } from "./catalog";
import { users } from "./users";
import { SKILL_LEVELS, VOLUNTEER_STATUSES } from "../../app/domain/vocabulary";

/** The ACCOMPAGNER side of a person; their commune is the user's commune. */
export const volunteerProfiles = sqliteTable(
  "volunteer_profiles",
  {
    userId: integer()
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text({ enum: VOLUNTEER_STATUSES }).notNull(),
    radiusKm: integer().notNull().default(30),
    remoteOk: integer({ mode: "boolean" }).notNull().default(false),
    /** How many projects they follow at once (active mentorships). */
    maxMentorships: integer().notNull().default(2),
    hoursPerMonth: integer().notNull().default(4),
    bio: text().notNull().default(""),
    paused: integer({ mode: "boolean" }).notNull().default(false),
    lastActiveAt: integer({ mode: "timestamp_ms" }).notNull(),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
    updatedAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    check("volunteer_profiles_radius_range", sql`${t.radiusKm} between 0 and 1000`),
    check("volunteer_profiles_capacity_range", sql`${t.maxMentorships} between 0 and 20`),
    check("volunteer_profiles_hours_range", sql`${t.hoursPerMonth} between 0 and 200`),
  ],
);

export const volunteerSkills = sqliteTable(
  "volunteer_skills",
  {
    userId: integer()
      .notNull()
      .references(() => volunteerProfiles.userId, { onDelete: "cascade" }),
    skillId: integer()
      .notNull()
      .references(() => skills.id),
    level: text({ enum: SKILL_LEVELS }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.skillId] }), index("volunteer_skills_skill_idx").on(t.skillId)],
);

export const volunteerDomains = sqliteTable(
  "volunteer_domains",
  {
    userId: integer()
      .notNull()
      .references(() => volunteerProfiles.userId, { onDelete: "cascade" }),
    activityDomainId: integer()
      .notNull()
      .references(() => activityDomains.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.activityDomainId] })],
);
