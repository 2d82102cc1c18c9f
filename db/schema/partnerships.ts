import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { organisations } from "./organisations";
import { projects } from "./projects";
import { users } from "./users";
import { PARTNERSHIP_PROPOSAL_STATUSES } from "../../app/domain/vocabulary";

/**
 * « M'associer avec d'autres »: a project or an organisation that seeks partners says what it
 * brings and what it seeks. Exactly one of projectId and organisationId is set.
 */
export const partnershipOffers = sqliteTable(
  "partnership_offers",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    projectId: integer().references(() => projects.id, { onDelete: "cascade" }),
    organisationId: integer().references(() => organisations.id, { onDelete: "cascade" }),
    brings: text().notNull(),
    seeks: text().notNull(),
    open: integer({ mode: "boolean" }).notNull().default(true),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
    updatedAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("partnership_offers_project_uq").on(t.projectId),
    uniqueIndex("partnership_offers_organisation_uq").on(t.organisationId),
  ],
);

/** A proposal to join, delivered by Maillon: neither side sees the other's address until accepted. */
export const partnershipProposals = sqliteTable(
  "partnership_proposals",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    offerId: integer()
      .notNull()
      .references(() => partnershipOffers.id, { onDelete: "cascade" }),
    fromUserId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** What the proposer brings, when they come for a project or organisation of theirs. */
    fromProjectId: integer().references(() => projects.id, { onDelete: "set null" }),
    fromOrganisationId: integer().references(() => organisations.id, { onDelete: "set null" }),
    message: text().notNull(),
    status: text({ enum: PARTNERSHIP_PROPOSAL_STATUSES }).notNull().default("envoyee"),
    reply: text().notNull().default(""),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
    answeredAt: integer({ mode: "timestamp_ms" }),
  },
  (t) => [index("partnership_proposals_offer_idx").on(t.offerId), index("partnership_proposals_from_idx").on(t.fromUserId)],
);
