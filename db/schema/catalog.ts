import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Skills volunteers offer and holders need (the seven of seed 004, and more later). */
export const skills = sqliteTable("skills", {
  id: integer().primaryKey({ autoIncrement: true }),
  slug: text().notNull().unique(),
  name: text().notNull(),
  position: integer().notNull(),
  active: integer({ mode: "boolean" }).notNull().default(true),
});

/** The ten activity domains of seed 004. */
export const activityDomains = sqliteTable("activity_domains", {
  id: integer().primaryKey({ autoIncrement: true }),
  slug: text().notNull().unique(),
  name: text().notNull(),
  position: integer().notNull(),
});
