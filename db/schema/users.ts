import { blob, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { communes } from "./geo";
import { territories } from "./territories";
import { ROLES } from "../../app/domain/vocabulary";
import { LANGUAGES } from "../../app/domain/format";


export const users = sqliteTable(
  "users",
  {
  id: integer().primaryKey({ autoIncrement: true }),
  /** Stored lower-cased and trimmed, so uniqueness is case-insensitive. */
  email: text().notNull().unique(),
  displayName: text().notNull(),
  passwordHash: text().notNull(),
  communeCode: text()
    .notNull()
    .references(() => communes.code),
  createdAt: integer({ mode: "timestamp_ms" }).notNull(),
  updatedAt: integer({ mode: "timestamp_ms" }).notNull(),
  /** When the owner was last told by mail of repeated failed sign-ins (at most once per window). */
  signInAlertAt: integer({ mode: "timestamp_ms" }),
  /**
   * When the person deleted their account: the row stays, emptied of what identified them (« Membre
   * parti »), so club ledgers, ballots and mentorship logs others rely on keep pointing somewhere.
   */
  deletedAt: integer({ mode: "timestamp_ms" }),
  /** The language the person reads Maillon in (the footer's switch, or the page they signed up on): their mail is written in it. */
  locale: text({ enum: LANGUAGES }).notNull().default("fr"),
  },
  (t) => [index("users_commune_idx").on(t.communeCode)],
);

export const userRoles = sqliteTable(
  "user_roles",
  {
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text({ enum: ROLES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] }), index("user_roles_role_idx").on(t.role)],
);

/** Animation team of a territory (role `animateur`). */
export const territoryStaff = sqliteTable(
  "territory_staff",
  {
    territoryId: integer()
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.territoryId, t.userId] })],
);

/**
 * Sessions after Lucia's design: the cookie holds `<id>.<secret>`, only the
 * SHA-256 of the secret is stored.
 */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    secretHash: blob({ mode: "buffer" }).notNull(),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
    lastVerifiedAt: integer({ mode: "timestamp_ms" }).notNull(),
    /** The browser's User-Agent at sign-in, to name the device in the list of sessions. */
    userAgent: text().notNull().default(""),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Failed sign-ins, kept 15 minutes, to limit guessing per e-mail and per address. */
export const signInFailures = sqliteTable(
  "sign_in_failures",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    email: text().notNull(),
    ipAddress: text().notNull(),
    at: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("sign_in_failures_email_idx").on(t.email, t.at),
    index("sign_in_failures_ip_idx").on(t.ipAddress, t.at),
  ],
);

/**
 * The network addresses an account signed in from successfully, kept 90 days: from one of them the
 * owner is not slowed down by failures others cause on the account elsewhere.
 */
export const signInAddresses = sqliteTable(
  "sign_in_addresses",
  {
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    ipAddress: text().notNull(),
    lastSignedInAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.ipAddress] }), index("sign_in_addresses_at_idx").on(t.lastSignedInAt)],
);
