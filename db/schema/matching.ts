import { integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Weights of the matcher's soft criteria, editable by the animation team.
 * Keys are those of `DEFAULT_MENTOR_WEIGHTS` / `DEFAULT_CLUB_WEIGHTS` in app/domain/matching.
 */
export const matchingWeights = sqliteTable("matching_weights", {
  key: text().primaryKey(),
  value: real().notNull(),
  updatedAt: integer({ mode: "timestamp_ms" }).notNull(),
});
