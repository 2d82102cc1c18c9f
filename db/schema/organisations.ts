import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { communes } from "./geo";
import { territories } from "./territories";
import { users } from "./users";
import { MEMBERSHIP_STATUSES, ORGANISATION_KINDS } from "../../app/domain/vocabulary";

/** A legal person that takes part in a pôle: ESS structure, company, local authority, school… */
export const organisations = sqliteTable(
  "organisations",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    slug: text().notNull().unique(),
    name: text().notNull(),
    kind: text({ enum: ORGANISATION_KINDS }).notNull(),
    /** 9 digits, Luhn-checked; null for a group not yet registered. */
    siren: text(),
    /** 14 digits (SIREN + NIC), Luhn-checked except La Poste's establishments. */
    siret: text(),
    /** NAF rév. 2 code, e.g. "88.99B" (labels from @socialgouv/codes-naf). */
    nafCode: text(),
    communeCode: text()
      .notNull()
      .references(() => communes.code),
    description: text().notNull().default(""),
    website: text(),
    /** Public contact of the organisation (never a person's own address). */
    contactEmail: text(),
    createdBy: integer().references(() => users.id, { onDelete: "set null" }),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
    updatedAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("organisations_commune_idx").on(t.communeCode),
    index("organisations_kind_idx").on(t.kind),
    uniqueIndex("organisations_siret_uq").on(t.siret),
  ],
);

/** An organisation's membership of a pôle, confirmed by the pôle's animation team. */
export const organisationPoles = sqliteTable(
  "organisation_poles",
  {
    organisationId: integer()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    territoryId: integer()
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    status: text({ enum: MEMBERSHIP_STATUSES }).notNull().default("demandee"),
    requestedAt: integer({ mode: "timestamp_ms" }).notNull(),
    decidedAt: integer({ mode: "timestamp_ms" }),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.territoryId] }),
    index("organisation_poles_territory_idx").on(t.territoryId, t.status),
  ],
);

/** A person who acts for an organisation; public once the animation team confirms it. */
export const organisationRepresentatives = sqliteTable(
  "organisation_representatives",
  {
    organisationId: integer()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** « Directrice », « Président », « Chargé de mission »… */
    position: text().notNull().default(""),
    status: text({ enum: MEMBERSHIP_STATUSES }).notNull().default("demandee"),
    requestedAt: integer({ mode: "timestamp_ms" }).notNull(),
    decidedAt: integer({ mode: "timestamp_ms" }),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.userId] }),
    index("organisation_representatives_user_idx").on(t.userId),
  ],
);
