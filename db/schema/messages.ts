import { blob, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./users";
import { EMAIL_FREQUENCIES, EMAIL_TOKEN_PURPOSES, MAIL_STATUSES, NOTIFICATION_KINDS } from "../../app/domain/vocabulary";

/**
 * The e-mail queue. A message is inserted in the transaction of the change that causes it, then sent by
 * the server's worker; `message_id` is the RFC 5322 Message-ID, unique, so a message is one row whatever
 * the retries.
 */
export const outgoingMails = sqliteTable(
  "outgoing_mails",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    messageId: text().notNull().unique(),
    toAddress: text().notNull(),
    userId: integer().references(() => users.id, { onDelete: "set null" }),
    /** The notification kind it carries (its unsubscribe link turns that kind off), or null for a one-off. */
    kind: text({ enum: NOTIFICATION_KINDS }),
    subject: text().notNull(),
    textBody: text().notNull(),
    htmlBody: text().notNull(),
    /** A daily or weekly digest: its unsubscribe link turns that digest off. */
    digest: text({ enum: ["quotidien", "hebdomadaire"] }),
    /** For List-Unsubscribe (RFC 8058); null for security messages, which cannot be turned off. */
    unsubscribeToken: text().unique(),
    status: text({ enum: MAIL_STATUSES }).notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: integer({ mode: "timestamp_ms" }).notNull(),
    /** While a worker sends it: another worker leaves it alone until then. */
    lockedUntil: integer({ mode: "timestamp_ms" }),
    lastError: text(),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
    sentAt: integer({ mode: "timestamp_ms" }),
  },
  (t) => [index("outgoing_mails_due_idx").on(t.status, t.nextAttemptAt)],
);

/** What the bell shows: one row per thing a person was told, newest first. */
export const notifications = sqliteTable(
  "notifications",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text({ enum: NOTIFICATION_KINDS }).notNull(),
    title: text().notNull(),
    body: text().notNull().default(""),
    /** The page concerned, a path on this site. */
    link: text().notNull(),
    /** What a digest groups by: « projet:12 », « club:3 », with the name people read. */
    groupKey: text().notNull(),
    groupLabel: text().notNull(),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
    readAt: integer({ mode: "timestamp_ms" }),
    /** Waiting for the person's daily or weekly digest (null: sent at once, or not by e-mail). */
    digest: text({ enum: ["quotidien", "hebdomadaire"] }),
    digestedAt: integer({ mode: "timestamp_ms" }),
  },
  (t) => [
    index("notifications_user_idx").on(t.userId, t.createdAt),
    index("notifications_digest_idx").on(t.digest, t.digestedAt),
  ],
);

/** Per person and kind, how often it comes by e-mail; no row: at once. */
export const notificationPreferences = sqliteTable(
  "notification_preferences",
  {
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text({ enum: NOTIFICATION_KINDS }).notNull(),
    email: text({ enum: EMAIL_FREQUENCIES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/** When a person's digests go out (Europe/Paris), and when the last ones did. */
export const digestSettings = sqliteTable("digest_settings", {
  userId: integer()
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  /** 0..23, Paris time. */
  hour: integer().notNull().default(8),
  /** 1 = Monday … 7 = Sunday, for the weekly digest. */
  weekday: integer().notNull().default(1),
  lastDailyOn: text(),
  lastWeeklyOn: text(),
});

/**
 * Single-use links sent by e-mail. Only the SHA-256 of the token is stored; a link dies when used,
 * when it expires, or when a newer one is asked for the same purpose and person (or address).
 */
export const emailTokens = sqliteTable(
  "email_tokens",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    purpose: text({ enum: EMAIL_TOKEN_PURPOSES }).notNull(),
    tokenHash: blob({ mode: "buffer" }).notNull().unique(),
    /** The person concerned (a reset, an address change); null for a sign-up not yet confirmed. */
    userId: integer().references(() => users.id, { onDelete: "cascade" }),
    /** The address the link was sent to (the new one for a change). */
    email: text().notNull(),
    /** What confirming does, as JSON: the pending account of a sign-up. */
    payload: text().notNull().default("{}"),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
    expiresAt: integer({ mode: "timestamp_ms" }).notNull(),
    usedAt: integer({ mode: "timestamp_ms" }),
  },
  (t) => [index("email_tokens_user_idx").on(t.purpose, t.userId), index("email_tokens_email_idx").on(t.purpose, t.email)],
);
