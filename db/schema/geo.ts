import { index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { COMMUNE_POINT_SOURCES } from "../../app/domain/vocabulary";

export const departments = sqliteTable("departments", {
  /** INSEE department code: "17", "59", "2A", "971". */
  code: text().primaryKey(),
  name: text().notNull(),
  regionCode: text().notNull(),
});

export const communes = sqliteTable(
  "communes",
  {
    /** INSEE code (code officiel géographique), e.g. "17347" for Saint-Jean-d'Angély. */
    code: text().primaryKey(),
    name: text().notNull(),
    /** Lower-case, accents and punctuation folded: the key searched by the commune field. */
    searchName: text().notNull(),
    departmentCode: text()
      .notNull()
      .references(() => departments.code),
    /** Space-separated postal codes. */
    postalCodes: text().notNull(),
    population: integer().notNull().default(0),
    /** From db/data/commune-points.csv (mostly IGN outline centres); null for the few communes nothing places. */
    latitude: real(),
    longitude: real(),
    /** Where the point comes from; `postal` and `department` only approximate the commune. */
    pointSource: text({ enum: COMMUNE_POINT_SOURCES }),
  },
  (t) => [
    index("communes_search_name_idx").on(t.searchName),
    index("communes_department_idx").on(t.departmentCode),
    index("communes_postal_codes_idx").on(t.postalCodes),
  ],
);
