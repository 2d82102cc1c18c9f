import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Skills volunteers offer and holders need (the reference list of app/domain/catalog.ts; more may be added). */
export const skills = sqliteTable("skills", {
  id: integer().primaryKey({ autoIncrement: true }),
  slug: text().notNull().unique(),
  name: text().notNull(),
  position: integer().notNull(),
  active: integer({ mode: "boolean" }).notNull().default(true),
});

/** The activity domains a project belongs to (the reference list of app/domain/catalog.ts). */
export const activityDomains = sqliteTable("activity_domains", {
  id: integer().primaryKey({ autoIncrement: true }),
  slug: text().notNull().unique(),
  name: text().notNull(),
  position: integer().notNull(),
});
