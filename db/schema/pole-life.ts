import { blob, check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { communes } from "./geo";
import { organisations } from "./organisations";
import { projects } from "./projects";
import { territories, territoryAxes, workingGroups } from "./territories";
import { users } from "./users";
import {
  ARTICLE_STATUSES,
  BOOKING_STATUSES,
  EVENT_STATUSES,
  EVENT_VISIBILITIES,
  REGISTRATION_STATUSES,
  RESOURCE_KINDS,
  RESOURCE_TERMS,
  UNMET_NEED_STATUSES,
} from "../../app/domain/vocabulary";

// ---------------------------------------------------------------------------------------------------
// Images uploaded by members (bulletin articles, resources): kept in the database so one file backs up all.

export const uploadedImages = sqliteTable("uploaded_images", {
  id: integer().primaryKey({ autoIncrement: true }),
  ownerId: integer().references(() => users.id, { onDelete: "set null" }),
  /** Checked from the bytes themselves (magic number), never from the name or the browser's word. */
  contentType: text({ enum: ["image/png", "image/jpeg", "image/webp", "image/gif"] }).notNull(),
  bytes: blob({ mode: "buffer" }).notNull(),
  sizeBytes: integer().notNull(),
  width: integer(),
  height: integer(),
  /** Hex SHA-256 of the bytes: the ETag, and what makes the URL cacheable for ever. */
  sha256: text().notNull(),
  createdAt: integer({ mode: "timestamp_ms" }).notNull(),
});

// ---------------------------------------------------------------------------------------------------
// Agenda

/** A meeting of a pôle, of one of its axes or of a working group. Times are instants (UTC ms). */
export const events = sqliteTable(
  "events",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    territoryId: integer()
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    axisId: integer().references(() => territoryAxes.id, { onDelete: "set null" }),
    groupId: integer().references(() => workingGroups.id, { onDelete: "set null" }),
    title: text().notNull(),
    description: text().notNull().default(""),
    startsAt: integer({ mode: "timestamp_ms" }).notNull(),
    endsAt: integer({ mode: "timestamp_ms" }).notNull(),
    /** Street address; with communeCode for a place, or null for an online meeting. */
    address: text(),
    communeCode: text().references(() => communes.code),
    onlineUrl: text(),
    organiserId: integer().references(() => users.id, { onDelete: "set null" }),
    /** Places; null: no limit. */
    capacity: integer(),
    visibility: text({ enum: EVENT_VISIBILITIES }).notNull().default("public"),
    status: text({ enum: EVENT_STATUSES }).notNull().default("prevu"),
    cancelReason: text().notNull().default(""),
    /** RFC 5545 UID, stable for the event's whole life. */
    uid: text().notNull().unique(),
    /** RFC 5545 SEQUENCE: incremented on every change people should see (time, place, cancellation). */
    sequence: integer().notNull().default(0),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
    updatedAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("events_territory_start_idx").on(t.territoryId, t.startsAt),
    index("events_group_idx").on(t.groupId),
    check("events_ends_after_start", sql`${t.endsAt} > ${t.startsAt}`),
    check("events_capacity_positive", sql`${t.capacity} IS NULL OR ${t.capacity} > 0`),
  ],
);

/**
 * One row per person and event (unique): registering again after cancelling reuses it, and two tabs
 * cannot register twice. The waiting list is ordered by queuedAt.
 */
export const eventRegistrations = sqliteTable(
  "event_registrations",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    eventId: integer()
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text({ enum: REGISTRATION_STATUSES }).notNull(),
    /** When the person last asked for a place: the order of the waiting list. */
    queuedAt: integer({ mode: "timestamp_ms" }).notNull(),
    /** For past events: marked present by the organiser (null: not recorded). */
    attended: integer({ mode: "boolean" }),
    updatedAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("event_registrations_person_uq").on(t.eventId, t.userId),
    index("event_registrations_status_idx").on(t.eventId, t.status, t.queuedAt),
    index("event_registrations_user_idx").on(t.userId),
  ],
);

/** The secret address of a person's calendar feed (renewing it replaces the token). */
export const calendarFeedTokens = sqliteTable("calendar_feed_tokens", {
  userId: integer()
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  token: text().notNull().unique(),
  createdAt: integer({ mode: "timestamp_ms" }).notNull(),
});

// ---------------------------------------------------------------------------------------------------
// Bulletin

export const articles = sqliteTable(
  "articles",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    territoryId: integer()
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    authorId: integer().references(() => users.id, { onDelete: "set null" }),
    title: text().notNull(),
    summary: text().notNull(),
    /** Markdown as written; rendered to sanitised HTML when shown. */
    body: text().notNull(),
    imageId: integer().references(() => uploadedImages.id, { onDelete: "set null" }),
    imageAlt: text().notNull().default(""),
    status: text({ enum: ARTICLE_STATUSES }).notNull().default("soumis"),
    /** The team's comment (changes asked) or reason (refused), shown to the author. */
    reviewNote: text().notNull().default(""),
    reviewedById: integer().references(() => users.id, { onDelete: "set null" }),
    reviewedAt: integer({ mode: "timestamp_ms" }),
    publishedAt: integer({ mode: "timestamp_ms" }),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
    updatedAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("articles_territory_status_idx").on(t.territoryId, t.status, t.publishedAt),
    index("articles_author_idx").on(t.authorId),
  ],
);

// ---------------------------------------------------------------------------------------------------
// Shared resources

/** Premises, equipment, a vehicle or a skill a member or an organisation lends to others of the pôle. */
export const sharedResources = sqliteTable(
  "shared_resources",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    territoryId: integer()
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    ownerId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** When it is lent on behalf of an organisation the owner represents. */
    organisationId: integer().references(() => organisations.id, { onDelete: "set null" }),
    kind: text({ enum: RESOURCE_KINDS }).notNull(),
    title: text().notNull(),
    description: text().notNull(),
    communeCode: text().references(() => communes.code),
    terms: text({ enum: RESOURCE_TERMS }).notNull().default("gratuit"),
    /** Contribution asked per booking, in cents (terms « participation »). */
    costCents: integer(),
    depositCents: integer(),
    termsNote: text().notNull().default(""),
    imageId: integer().references(() => uploadedImages.id, { onDelete: "set null" }),
    imageAlt: text().notNull().default(""),
    active: integer({ mode: "boolean" }).notNull().default(true),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
    updatedAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("shared_resources_territory_idx").on(t.territoryId, t.kind),
    index("shared_resources_owner_idx").on(t.ownerId),
    check("shared_resources_cost_positive", sql`${t.costCents} IS NULL OR ${t.costCents} >= 0`),
    check("shared_resources_deposit_positive", sql`${t.depositCents} IS NULL OR ${t.depositCents} >= 0`),
  ],
);

/** Open hours, per weekday (0 = Monday) in minutes from midnight, Europe/Paris. No row: never open. */
export const resourceOpenHours = sqliteTable(
  "resource_open_hours",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    resourceId: integer()
      .notNull()
      .references(() => sharedResources.id, { onDelete: "cascade" }),
    weekday: integer().notNull(),
    opensAt: integer().notNull(),
    closesAt: integer().notNull(),
  },
  (t) => [
    index("resource_open_hours_resource_idx").on(t.resourceId, t.weekday),
    check("resource_open_hours_weekday", sql`${t.weekday} BETWEEN 0 AND 6`),
    check("resource_open_hours_range", sql`${t.opensAt} >= 0 AND ${t.closesAt} <= 1440 AND ${t.closesAt} > ${t.opensAt}`),
  ],
);

/** Closed periods, whole days inclusive, as Paris dates « 2026-12-24 ». */
export const resourceClosures = sqliteTable(
  "resource_closures",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    resourceId: integer()
      .notNull()
      .references(() => sharedResources.id, { onDelete: "cascade" }),
    startsOn: text().notNull(),
    endsOn: text().notNull(),
    reason: text().notNull().default(""),
  },
  (t) => [
    index("resource_closures_resource_idx").on(t.resourceId),
    check("resource_closures_range", sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** Two accepted bookings of one resource never overlap: checked in the IMMEDIATE transaction that accepts. */
export const resourceBookings = sqliteTable(
  "resource_bookings",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    resourceId: integer()
      .notNull()
      .references(() => sharedResources.id, { onDelete: "cascade" }),
    requesterId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    startsAt: integer({ mode: "timestamp_ms" }).notNull(),
    endsAt: integer({ mode: "timestamp_ms" }).notNull(),
    message: text().notNull().default(""),
    status: text({ enum: BOOKING_STATUSES }).notNull().default("demandee"),
    reply: text().notNull().default(""),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
    answeredAt: integer({ mode: "timestamp_ms" }),
  },
  (t) => [
    index("resource_bookings_resource_idx").on(t.resourceId, t.status, t.startsAt),
    index("resource_bookings_requester_idx").on(t.requesterId),
    check("resource_bookings_range", sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

// ---------------------------------------------------------------------------------------------------
// Unmet needs of the territory

export const unmetNeeds = sqliteTable(
  "unmet_needs",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    territoryId: integer()
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    authorId: integer().references(() => users.id, { onDelete: "set null" }),
    /** What is missing. */
    title: text().notNull(),
    description: text().notNull(),
    /** Where: a commune of the pôle, or a wider place in words. */
    communeCode: text().references(() => communes.code),
    placeNote: text().notNull().default(""),
    /** Who is affected: « les familles sans voiture des communes rurales ». */
    affected: text().notNull(),
    status: text({ enum: UNMET_NEED_STATUSES }).notNull().default("ouvert"),
    /** Why it is answered, studied or not retained, in the team's words. */
    statusNote: text().notNull().default(""),
    qualifiedById: integer().references(() => users.id, { onDelete: "set null" }),
    qualifiedAt: integer({ mode: "timestamp_ms" }),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
    updatedAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("unmet_needs_territory_status_idx").on(t.territoryId, t.status)],
);

/** One support per person and need. */
export const unmetNeedSupports = sqliteTable(
  "unmet_need_supports",
  {
    needId: integer()
      .notNull()
      .references(() => unmetNeeds.id, { onDelete: "cascade" }),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.needId, t.userId] })],
);

export const unmetNeedComments = sqliteTable(
  "unmet_need_comments",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    needId: integer()
      .notNull()
      .references(() => unmetNeeds.id, { onDelete: "cascade" }),
    authorId: integer().references(() => users.id, { onDelete: "set null" }),
    body: text().notNull(),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("unmet_need_comments_need_idx").on(t.needId, t.createdAt)],
);

/** What answers a need: a project (drafted from it, or existing) or a working group. Exactly one is set. */
export const unmetNeedLinks = sqliteTable(
  "unmet_need_links",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    needId: integer()
      .notNull()
      .references(() => unmetNeeds.id, { onDelete: "cascade" }),
    projectId: integer().references(() => projects.id, { onDelete: "cascade" }),
    groupId: integer().references(() => workingGroups.id, { onDelete: "cascade" }),
    /** True when the project was drafted from the need and handed to its holder. */
    drafted: integer({ mode: "boolean" }).notNull().default(false),
    createdById: integer().references(() => users.id, { onDelete: "set null" }),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("unmet_need_links_project_uq").on(t.needId, t.projectId),
    uniqueIndex("unmet_need_links_group_uq").on(t.needId, t.groupId),
    check("unmet_need_links_one_target", sql`(${t.projectId} IS NULL) <> (${t.groupId} IS NULL)`),
  ],
);
