import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { communes, departments } from "./geo";
import { organisations } from "./organisations";
import { users } from "./users";
import { AXIS_THEMES, MEMBERSHIP_STATUSES } from "../../app/domain/vocabulary";

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
  /** The commune where the pôle sits: its point on the map. */
  seatCommuneCode: text().references(() => communes.code),
  phone: text(),
  website: text(),
  /** As the pôle writes them, e.g. « Du lundi au vendredi, de 9 h à 12 h 30 et de 14 h à 17 h ». */
  openingHours: text(),
  /** When the perimeter is not a list of EPCIs: « Région Nouvelle-Aquitaine (ex-Poitou-Charentes) ». */
  perimeterNote: text(),
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
    /** The shared theme the axis belongs to, for filtering pôles by axis (app/domain/poles.ts). */
    theme: text({ enum: AXIS_THEMES }).notNull().default("autre"),
  },
  (t) => [index("territory_axes_territory_idx").on(t.territoryId, t.position)],
);

/** A working group, under one axis of its pôle. */
export const workingGroups = sqliteTable(
  "working_groups",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    territoryId: integer()
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    axisId: integer()
      .notNull()
      .references(() => territoryAxes.id, { onDelete: "cascade" }),
    slug: text().notNull(),
    name: text().notNull(),
    purpose: text().notNull().default(""),
    /** The person who leads it; with the animation team, answers join requests. */
    coordinatorId: integer().references(() => users.id, { onDelete: "set null" }),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("working_groups_slug_uq").on(t.territoryId, t.slug),
    index("working_groups_axis_idx").on(t.axisId),
  ],
);

/** Links to a group's documents (minutes, shared folders…). */
export const workingGroupLinks = sqliteTable(
  "working_group_links",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    groupId: integer()
      .notNull()
      .references(() => workingGroups.id, { onDelete: "cascade" }),
    label: text().notNull(),
    url: text().notNull(),
    position: integer().notNull().default(0),
  },
  (t) => [index("working_group_links_group_idx").on(t.groupId)],
);

/** A person in a working group, possibly acting for an organisation; asked, then confirmed. */
export const workingGroupMembers = sqliteTable(
  "working_group_members",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    groupId: integer()
      .notNull()
      .references(() => workingGroups.id, { onDelete: "cascade" }),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organisationId: integer().references(() => organisations.id, { onDelete: "set null" }),
    status: text({ enum: MEMBERSHIP_STATUSES }).notNull().default("demandee"),
    message: text().notNull().default(""),
    requestedAt: integer({ mode: "timestamp_ms" }).notNull(),
    decidedAt: integer({ mode: "timestamp_ms" }),
  },
  (t) => [
    uniqueIndex("working_group_members_uq").on(t.groupId, t.userId),
    index("working_group_members_user_idx").on(t.userId),
  ],
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
