import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { communes, departments } from "./geo";

/** A PTCE: one pôle on one territory. */
export const territories = sqliteTable("territories", {
  id: integer().primaryKey({ autoIncrement: true }),
  slug: text().notNull().unique(),
  name: text().notNull(),
  /** The place people name it by: "Vals de Saintonge", "Sambre-Avesnois". */
  area: text().notNull(),
  description: text().notNull(),
  contactEmail: text(),
  address: text(),
  createdAt: integer({ mode: "timestamp_ms" }).notNull(),
});

export const territoryDepartments = sqliteTable(
  "territory_departments",
  {
    territoryId: integer()
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    departmentCode: text()
      .notNull()
      .references(() => departments.code),
  },
  (t) => [
    primaryKey({ columns: [t.territoryId, t.departmentCode] }),
    index("territory_departments_department_idx").on(t.departmentCode),
  ],
);

/** Thematic axes of a pôle, under which its working groups are meant to gather. */
export const territoryAxes = sqliteTable(
  "territory_axes",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    territoryId: integer()
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    name: text().notNull(),
    description: text().notNull().default(""),
  },
  (t) => [index("territory_axes_territory_idx").on(t.territoryId, t.position)],
);

/**
 * The perimeter of a pôle: its communes (from its EPCIs). A person or project
 * belongs to the pôles whose perimeter holds their commune.
 */
export const territoryCommunes = sqliteTable(
  "territory_communes",
  {
    territoryId: integer()
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    communeCode: text()
      .notNull()
      .references(() => communes.code),
  },
  (t) => [
    primaryKey({ columns: [t.territoryId, t.communeCode] }),
    index("territory_communes_commune_idx").on(t.communeCode),
  ],
);
