/**
 * Telling people: `notify` records what happened for the bell and, by the person's choice for that
 * kind, queues an e-mail now, keeps it for the daily or weekly digest, or sends none — all in the
 * caller's transaction, so nothing is told about a change that rolls back. The digests are sent by
 * the server's worker (`sendDueDigests`).
 */
import { and, asc, count, desc, eq, inArray, isNull } from "drizzle-orm";
import { digestSettings, notificationPreferences, notifications, outgoingMails, users } from "#db/schema";
import { dueDigests, emailFrequencyFor, groupDigest, NOTIFICATION_KIND_LABELS } from "~/domain/notifications";
import { parisIsoDate } from "~/domain/paris-time";
import type { EmailFrequency, NotificationKind } from "~/domain/vocabulary";
import { writeTransaction, type Db, type Reader, type Writer } from "~/utils/db.server";
import { queueMessage } from "./mail-queue.server";

export type NewNotification = {
  userId: number;
  kind: NotificationKind;
  /** One sentence, for the bell and the mail's subject: « Nadia vous demande de l'accompagner en comptabilité ». */
  title: string;
  /** A paragraph or two for the mail and the list (may be empty). */
  body: string;
  /** The page concerned, a path of this site. */
  link: string;
  /** What the button of the mail says: « Voir la demande ». */
  linkLabel: string;
  /** The project or club it is about, for the digest: `{ key: "projet:12", label: "Ressourcerie du canton" }`. */
  group: { key: string; label: string };
  /** The pôle, named in the mail. */
  poleName: string;
  /** Why the person receives it: « vous accompagnez ce projet ». */
  reason: string;
};

function recipient(q: Reader, userId: number) {
  // A deleted account hears nothing more.
  return q
    .select({ email: users.email, displayName: users.displayName, locale: users.locale })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deletedAt)))
    .get();
}

function chosenFrequency(q: Reader, userId: number, kind: NotificationKind): EmailFrequency | undefined {
  return q
    .select({ email: notificationPreferences.email })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.userId, userId), eq(notificationPreferences.kind, kind)))
    .get()?.email;
}

/** Records a notification and, by the person's choice, queues its e-mail or keeps it for a digest. */
export function notify(tx: Writer, n: NewNotification, now: Date): void {
  const person = recipient(tx, n.userId);
  if (!person) return;
  const frequency = emailFrequencyFor(n.kind, chosenFrequency(tx, n.userId, n.kind));
  tx.insert(notifications)
    .values({
      userId: n.userId,
      kind: n.kind,
      title: n.title,
      body: n.body,
      link: n.link,
      groupKey: n.group.key,
      groupLabel: n.group.label,
      createdAt: now,
      digest: frequency === "quotidien" || frequency === "hebdomadaire" ? frequency : null,
    })
    .run();
  if (frequency !== "immediat") return;
  queueMessage(
    tx,
    {
      to: person.email,
      userId: n.userId,
      kind: n.kind,
      recipientName: person.displayName,
      // Already read with the address: queueMessage need not look the language up again.
      locale: person.locale,
      poleName: n.poleName,
      subject: n.title,
      paragraphs: n.body ? n.body.split("\n\n") : [],
      action: { path: n.link, label: n.linkLabel },
      reason: `Vous recevez ce message parce que ${n.reason}.`,
    },
    now,
  );
}

/** The same notification for several people (the members of a club), each by their own choice. */
export function notifyAll(tx: Writer, userIds: readonly number[], n: Omit<NewNotification, "userId">, now: Date): void {
  for (const userId of new Set(userIds)) notify(tx, { ...n, userId }, now);
}

/* ------------------------------------------------------------------ the bell */

export function countUnread(db: Reader, userId: number): number {
  return (
    db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
      .get()?.n ?? 0
  );
}

export type NotificationItem = {
  id: number;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string;
  groupLabel: string;
  createdAt: Date;
  readAt: Date | null;
};

export function listNotifications(db: Reader, userId: number, limit = 100): NotificationItem[] {
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      groupLabel: notifications.groupLabel,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit)
    .all();
}

/** Marks one of the person's notifications read and gives its link; null for someone else's. */
export function openNotification(db: Db, userId: number, id: number, now: Date): string | null {
  const row = db
    .select({ link: notifications.link, readAt: notifications.readAt })
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .get();
  if (!row) return null;
  if (!row.readAt) db.update(notifications).set({ readAt: now }).where(eq(notifications.id, id)).run();
  return row.link;
}

export function markAllRead(db: Db, userId: number, now: Date): number {
  return db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .run().changes;
}

/* ----------------------------------------------------------- the choices */

export type NotificationSettings = {
  email: Record<NotificationKind, EmailFrequency>;
  hour: number;
  weekday: number;
};

export function getNotificationSettings(db: Reader, userId: number): NotificationSettings {
  const chosen = new Map(
    db
      .select({ kind: notificationPreferences.kind, email: notificationPreferences.email })
      .from(notificationPreferences)
      .where(eq(notificationPreferences.userId, userId))
      .all()
      .map((r) => [r.kind, r.email]),
  );
  const email = Object.fromEntries(
    (Object.keys(NOTIFICATION_KIND_LABELS) as NotificationKind[]).map((k) => [k, emailFrequencyFor(k, chosen.get(k))]),
  ) as Record<NotificationKind, EmailFrequency>;
  const clock = db.select().from(digestSettings).where(eq(digestSettings.userId, userId)).get();
  return { email, hour: clock?.hour ?? 8, weekday: clock?.weekday ?? 1 };
}

function setFrequency(tx: Writer, userId: number, kind: NotificationKind, email: EmailFrequency): void {
  tx.insert(notificationPreferences)
    .values({ userId, kind, email })
    .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.kind], set: { email } })
    .run();
}

/** Saves the person's choices (security stays immediate whatever is sent). */
export function saveNotificationSettings(
  db: Db,
  userId: number,
  settings: { email: Partial<Record<NotificationKind, EmailFrequency>>; hour: number; weekday: number },
): void {
  writeTransaction(db, (tx) => {
    for (const [kind, email] of Object.entries(settings.email) as [NotificationKind, EmailFrequency][]) {
      if (kind !== "securite") setFrequency(tx, userId, kind, email);
    }
    tx.insert(digestSettings)
      .values({ userId, hour: settings.hour, weekday: settings.weekday })
      .onConflictDoUpdate({ target: digestSettings.userId, set: { hour: settings.hour, weekday: settings.weekday } })
      .run();
  });
}

/**
 * A one-click unsubscribe: that kind no longer comes by e-mail, or, from a digest, no kind comes in
 * that digest any more (everything still shows in the app). Returns what was turned off, in French.
 */
export function stopEmails(db: Db, target: { userId: number; kind: NotificationKind | null; digest: "quotidien" | "hebdomadaire" | null }): string {
  return writeTransaction(db, (tx) => {
    if (target.kind && target.kind !== "securite") {
      setFrequency(tx, target.userId, target.kind, "jamais");
      return `« ${NOTIFICATION_KIND_LABELS[target.kind].label} »`;
    }
    if (target.digest) {
      const current = getNotificationSettings(tx, target.userId).email;
      for (const [kind, email] of Object.entries(current) as [NotificationKind, EmailFrequency][]) {
        if (email === target.digest) setFrequency(tx, target.userId, kind, "jamais");
      }
      return target.digest === "quotidien" ? "le résumé quotidien" : "le résumé hebdomadaire";
    }
    return "rien";
  });
}

/* ------------------------------------------------------------ the digests */

const DIGEST_TITLE = { quotidien: "Votre résumé du jour", hebdomadaire: "Votre résumé de la semaine" } as const;

/**
 * Sends every digest due now: per person, one mail per frequency that groups what waits by project
 * or club. An empty digest is never sent. Each person's digest is one transaction: the mail is queued
 * and its items marked together.
 */
export function sendDueDigests(db: Db, now: Date): number {
  const waiting = db
    .selectDistinct({ userId: notifications.userId })
    .from(notifications)
    .where(and(inArray(notifications.digest, ["quotidien", "hebdomadaire"]), isNull(notifications.digestedAt)))
    .all();
  let sent = 0;
  for (const { userId } of waiting) {
    sent += writeTransaction(db, (tx) => sendDigestsOf(tx, userId, now));
  }
  return sent;
}

function sendDigestsOf(tx: Writer, userId: number, now: Date): number {
  const person = recipient(tx, userId);
  if (!person) return 0;
  const clock = tx.select().from(digestSettings).where(eq(digestSettings.userId, userId)).get();
  const due = dueDigests({ hour: clock?.hour ?? 8, weekday: clock?.weekday ?? 1, lastDailyOn: clock?.lastDailyOn ?? null, lastWeeklyOn: clock?.lastWeeklyOn ?? null }, now);
  let sent = 0;
  for (const frequency of ["quotidien", "hebdomadaire"] as const) {
    if (!(frequency === "quotidien" ? due.daily : due.weekly)) continue;
    const items = tx
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.digest, frequency), isNull(notifications.digestedAt)))
      .orderBy(asc(notifications.createdAt))
      .all();
    if (items.length === 0) continue;
    const groups = groupDigest(items);
    queueMessage(
      tx,
      {
        to: person.email,
        userId,
        kind: null,
        digest: frequency,
        recipientName: person.displayName,
        poleName: "Maillon",
        subject: `${DIGEST_TITLE[frequency]} : ${items.length === 1 ? "1 nouvelle" : `${items.length} nouvelles`}`,
        paragraphs: groups.flatMap((g) => [`${g.label}`, ...g.items.map((i) => `– ${i.title}`)]),
        action: { path: "/notifications", label: "Voir vos notifications" },
        reason: "Vous recevez ce résumé parce que vous l'avez choisi dans vos préférences de notification.",
      },
      now,
    );
    tx.update(notifications)
      .set({ digestedAt: now })
      .where(inArray(notifications.id, items.map((i) => i.id)))
      .run();
    sent += 1;
  }
  const today = parisIsoDate(now);
  if (due.daily || due.weekly) {
    tx.insert(digestSettings)
      .values({ userId, lastDailyOn: due.daily ? today : null, lastWeeklyOn: due.weekly ? today : null })
      .onConflictDoUpdate({
        target: digestSettings.userId,
        set: { ...(due.daily ? { lastDailyOn: today } : {}), ...(due.weekly ? { lastWeeklyOn: today } : {}) },
      })
      .run();
  }
  return sent;
}

/**
 * For a demo built from past events: what the seed did is history — nothing of it is mailed, and
 * everyone has already read it. Only what happens afterwards notifies.
 */
export function settleSeededHistory(db: Db, now: Date): void {
  writeTransaction(db, (tx) => {
    tx.delete(outgoingMails).run();
    tx.update(notifications).set({ readAt: now }).where(isNull(notifications.readAt)).run();
  });
}
