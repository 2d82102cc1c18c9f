/**
 * The e-mail queue. `queueMail` inserts a message in the caller's transaction — nothing is sent for a
 * change that rolls back, and nothing is lost if the process dies after the commit. `deliverDueMails`
 * (run by the server's worker) sends what is due: each message is claimed in its own IMMEDIATE
 * transaction (so two workers never send the same one), sent, then marked sent; a failure is retried
 * with back-off, and after 5 failures the message is marked failed for the platform admin to see.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { and, asc, count, desc, eq, inArray, lt, lte, or } from "drizzle-orm";
import { outgoingMails } from "#db/schema";
import type { MailStatus, NotificationKind } from "~/domain/vocabulary";
import { writeTransaction, type Db, type Writer } from "~/utils/db.server";
import { composeMail } from "~/domain/mail-content";
import type { FormatLanguage } from "~/domain/format";
import { textIn } from "~/utils/locale.server";
import { getUserLocale } from "./user.server";
import { messageIdDomain, publicUrl, type MailToSend, type MailTransport } from "~/utils/mail.server";

export const MAX_ATTEMPTS = 5;
/** Minutes before the next try after the n-th failure: 1, 5, 15, 60. */
const BACKOFF_MINUTES = [1, 5, 15, 60] as const;
/** How long a claimed message is left to the worker that claimed it before another may take it. */
const CLAIM_MS = 2 * 60_000;

export type NewMail = {
  to: string;
  userId: number | null;
  /** A daily or weekly digest (its unsubscribe link turns that digest off). */
  digest?: "quotidien" | "hebdomadaire" | null;
  /** The kind of notification it carries: its List-Unsubscribe link turns that kind off. Null: a security message. */
  kind: NotificationKind | null;
  subject: string;
  text: string;
  html: string;
  /** Message-IDs are made in this domain (the sender's). */
  domain: string;
};

export type QueuedMail = { id: number; messageId: string; unsubscribeToken: string | null };

/** A random, unguessable token for a one-click unsubscribe link. */
export function newUnsubscribeToken(): string {
  return randomBytes(24).toString("base64url");
}

/**
 * Queues a message in the caller's transaction. Security messages (`kind` null or `securite`) carry
 * no unsubscribe link. The caller builds the link from the returned token when it needs it in the
 * body, so it passes `unsubscribeToken` it made itself.
 */
export function queueMail(tx: Writer, mail: NewMail & { unsubscribeToken?: string | null }, now: Date): QueuedMail {
  const messageId = `<${randomUUID()}@${mail.domain}>`;
  const unsubscribable = (mail.kind !== null && mail.kind !== "securite") || !!mail.digest;
  const unsubscribeToken = unsubscribable ? (mail.unsubscribeToken ?? newUnsubscribeToken()) : null;
  const row = tx
    .insert(outgoingMails)
    .values({
      messageId,
      toAddress: mail.to,
      userId: mail.userId,
      kind: mail.kind,
      digest: mail.digest ?? null,
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html,
      unsubscribeToken,
      nextAttemptAt: now,
      createdAt: now,
    })
    .returning({ id: outgoingMails.id })
    .get();
  return { id: row.id, messageId, unsubscribeToken };
}

export type Message = {
  to: string;
  userId: number | null;
  /** The kind of notification (its unsubscribe link turns it off); `securite` or null cannot be turned off. */
  kind: NotificationKind | null;
  /** A digest instead of one kind. */
  digest?: "quotidien" | "hebdomadaire";
  recipientName: string;
  poleName: string;
  subject: string;
  paragraphs: string[];
  /** The page concerned, a path of this site, and the button's words. */
  action: { path: string; label: string } | null;
  /** « Vous recevez ce message parce que… » */
  reason: string;
  /** The recipient's language when they have no account yet; else the account's (`users.locale`). */
  locale?: FormatLanguage;
};

/**
 * Composes a message in the recipient's language (text and HTML, absolute links, unsubscribe for what
 * can be turned off) and queues it. Its parts are written in French by the models and translated here
 * (app/i18n/sentences.ts).
 */
export function queueMessage(tx: Writer, m: Message, now: Date): QueuedMail {
  const unsubscribable = (m.kind !== null && m.kind !== "securite") || !!m.digest;
  const token = unsubscribable ? newUnsubscribeToken() : null;
  const locale = m.locale ?? (m.userId === null ? "fr" : getUserLocale(tx, m.userId));
  const { t, say } = textIn(locale);
  const content = composeMail(
    {
      recipientName: m.recipientName,
      poleName: m.poleName,
      subject: say(m.subject),
      paragraphs: m.paragraphs.map(say),
      action: m.action ? { url: publicUrl(m.action.path), label: say(m.action.label) } : null,
      reason: say(m.reason),
      unsubscribe: token ? { url: publicUrl(`/desabonnement/${token}`), preferencesUrl: publicUrl("/compte/notifications") } : null,
    },
    t.mail,
  );
  return queueMail(
    tx,
    { to: m.to, userId: m.userId, kind: m.kind, digest: m.digest ?? null, ...content, domain: messageIdDomain(), unsubscribeToken: token },
    now,
  );
}

type MailRow = typeof outgoingMails.$inferSelect;

/** The headers of a message: RFC 8058 one-click unsubscribe for anything that can be turned off. */
function headersOf(row: MailRow, unsubscribeUrl: (token: string) => string): Record<string, string> {
  if (!row.unsubscribeToken) return { "Auto-Submitted": "auto-generated" };
  return {
    "Auto-Submitted": "auto-generated",
    "List-Unsubscribe": `<${unsubscribeUrl(row.unsubscribeToken)}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

/** Takes the next due message for this worker, or none. */
function claimNext(db: Db, now: Date): MailRow | undefined {
  return writeTransaction(db, (tx) => {
    const due = tx
      .select()
      .from(outgoingMails)
      .where(
        and(
          or(eq(outgoingMails.status, "pending"), and(eq(outgoingMails.status, "sending"), lt(outgoingMails.lockedUntil, now))),
          lte(outgoingMails.nextAttemptAt, now),
        ),
      )
      .orderBy(asc(outgoingMails.nextAttemptAt), asc(outgoingMails.id))
      .limit(1)
      .get();
    if (!due) return undefined;
    tx.update(outgoingMails)
      .set({ status: "sending", lockedUntil: new Date(now.getTime() + CLAIM_MS), attempts: due.attempts + 1 })
      .where(eq(outgoingMails.id, due.id))
      .run();
    return { ...due, attempts: due.attempts + 1 };
  });
}

/** What a sent security message keeps of its body: its links (a reset, a sign-up) open an account. */
export const SENT_SECURITY_BODY = "[Message de sécurité envoyé : son contenu n'est pas conservé.]";

function markSent(db: Db, row: MailRow, now: Date): void {
  const forget = row.kind === "securite" ? { textBody: SENT_SECURITY_BODY, htmlBody: "" } : {};
  db.update(outgoingMails).set({ status: "sent", sentAt: now, lockedUntil: null, lastError: null, ...forget }).where(eq(outgoingMails.id, row.id)).run();
}

function markFailure(db: Db, row: MailRow, error: unknown, now: Date): void {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
  const giveUp = row.attempts >= MAX_ATTEMPTS;
  const waitMinutes = BACKOFF_MINUTES[Math.min(row.attempts, BACKOFF_MINUTES.length) - 1] ?? 60;
  db.update(outgoingMails)
    .set({
      status: giveUp ? "failed" : "pending",
      lockedUntil: null,
      lastError: message,
      nextAttemptAt: giveUp ? row.nextAttemptAt : new Date(now.getTime() + waitMinutes * 60_000),
    })
    .where(eq(outgoingMails.id, row.id))
    .run();
}

export type DeliveryReport = { sent: number; failed: number };

/**
 * Sends every message due now, one at a time, and says how many went and how many failed this time.
 * `limit` bounds one pass, so a long queue never holds the worker for long.
 */
export async function deliverDueMails(
  db: Db,
  transport: MailTransport,
  options: {
    now?: () => Date;
    limit?: number;
    unsubscribeUrl: (token: string) => string;
    /** Asked before each message: true (the server is stopping) ends the pass after the message being sent. */
    shouldStop?: () => boolean;
  },
): Promise<DeliveryReport> {
  const now = options.now ?? (() => new Date());
  const report: DeliveryReport = { sent: 0, failed: 0 };
  for (let i = 0; i < (options.limit ?? 50); i++) {
    if (options.shouldStop?.()) break;
    const row = claimNext(db, now());
    if (!row) break;
    const mail: MailToSend = {
      messageId: row.messageId,
      to: row.toAddress,
      subject: row.subject,
      text: row.textBody,
      html: row.htmlBody,
      headers: headersOf(row, options.unsubscribeUrl),
    };
    try {
      await transport.send(mail);
    } catch (error) {
      markFailure(db, row, error, now());
      report.failed += 1;
      continue;
    }
    markSent(db, row, now());
    report.sent += 1;
  }
  return report;
}

export type MailSummary = {
  id: number;
  messageId: string;
  toAddress: string;
  subject: string;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
};

/** For the platform admin: messages given up on, and those still waiting, newest first. */
export function listUndeliveredMails(db: Db, limit = 200): MailSummary[] {
  return db
    .select({
      id: outgoingMails.id,
      messageId: outgoingMails.messageId,
      toAddress: outgoingMails.toAddress,
      subject: outgoingMails.subject,
      status: outgoingMails.status,
      attempts: outgoingMails.attempts,
      lastError: outgoingMails.lastError,
      createdAt: outgoingMails.createdAt,
      sentAt: outgoingMails.sentAt,
    })
    .from(outgoingMails)
    .where(inArray(outgoingMails.status, ["failed", "pending", "sending"]))
    .orderBy(desc(outgoingMails.createdAt), desc(outgoingMails.id))
    .limit(limit)
    .all();
}

/** The queue at a glance. */
export function countMailsByStatus(db: Db): Record<MailStatus, number> {
  const counts: Record<MailStatus, number> = { pending: 0, sending: 0, sent: 0, failed: 0 };
  const rows = db.select({ status: outgoingMails.status, n: count() }).from(outgoingMails).groupBy(outgoingMails.status).all();
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

/** The platform admin sends a failed message again (after fixing the SMTP settings, say). */
export function retryFailedMail(db: Db, id: number, now: Date): boolean {
  const changed = db
    .update(outgoingMails)
    .set({ status: "pending", attempts: 0, nextAttemptAt: now, lastError: null })
    .where(and(eq(outgoingMails.id, id), eq(outgoingMails.status, "failed")))
    .run().changes;
  return changed === 1;
}

/** What a one-click unsubscribe link names: the person, and one kind of message or one digest. */
export type UnsubscribeTarget = { userId: number; kind: NotificationKind | null; digest: "quotidien" | "hebdomadaire" | null };

export function findUnsubscribeTarget(db: Db, token: string): UnsubscribeTarget | null {
  const row = db
    .select({ userId: outgoingMails.userId, kind: outgoingMails.kind, digest: outgoingMails.digest })
    .from(outgoingMails)
    .where(eq(outgoingMails.unsubscribeToken, token))
    .get();
  if (!row?.userId || (!row.kind && !row.digest)) return null;
  return { userId: row.userId, kind: row.kind, digest: row.digest };
}
