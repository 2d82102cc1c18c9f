import { integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { territories } from "./territories";

/**
 * Weights of the matcher's soft criteria, one set per pôle, edited by its
 * animation team. Keys are those of `DEFAULT_MENTOR_WEIGHTS` /
 * `DEFAULT_CLUB_WEIGHTS` in app/domain/matching; a pôle without rows (or
 * without a given key) uses the platform's defaults.
 */
export const matchingWeights = sqliteTable(
  "matching_weights",
  {
    territoryId: integer()
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    key: text().notNull(),
    value: real().notNull(),
    updatedAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.territoryId, t.key] })],
);
