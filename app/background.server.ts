/**
 * What the server does between requests: queue the digests that are due and send the queued e-mail. One timer, never two passes at once, and nothing that blocks a request: a pass reads and
 * writes SQLite in short transactions and waits on the SMTP server between them. A second timer backs
 * the base up when the newest backup is older than BACKUP_INTERVAL_HOURS. `stopBackgroundWork` ends
 * both for a graceful shutdown (server/shutdown.js reaches it through `globalThis.maillonServerHooks`).
 */
import { parisIsoDate } from "~/domain/paris-time";
import { deliverDueMails } from "~/models/mail-queue.server";
import { sendDueDigests } from "~/models/notification.server";
import { remindClosingVotes } from "~/models/club-notices.server";
import { closeAllDueVotes } from "~/models/club-vote.server";
import { askFollowUps } from "~/models/follow-up.server";
import { noticeFundingDeadlines, remindContributions } from "~/models/scheduled-notices.server";
import { backupDatabase, backupDirectory, describeBackup, listBackups } from "~/utils/backup.server";
import { closeDatabase, getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { mailTransport, publicUrl } from "~/utils/mail.server";

const PASS_EVERY_MS = 2_000;
let lastCalendarDay: string | null = null;

type Background = {
  mailTimer?: NodeJS.Timeout;
  backupTimer?: NodeJS.Timeout;
  /** The mail pass under way, if any. */
  pass: Promise<void> | null;
  /** The backup under way, if any. */
  backup: Promise<void> | null;
  stopping: boolean;
};
const globalForBackground = globalThis as unknown as { maillonBackground?: Background };

/** How often the backup timer looks whether a backup is due (at most): a restart never skips a day. */
const BACKUP_CHECK_EVERY_MS = 60_000;

export function unsubscribeUrl(token: string): string {
  return publicUrl(`/desabonnement/${token}`);
}

/**
 * One pass: votes past their deadline close (and tell their members), votes closing within 48 hours
 * remind who has not voted, the month's contributions, the funding deadlines and the holders' follow-ups
 * (6, 12 and 36 months after a launch) are told, the digests
 * due are queued, then everything due is sent.
 */
export async function runBackgroundPass(now = new Date(), shouldStop: () => boolean = () => false): Promise<void> {
  const db = getDb();
  closeAllDueVotes(db, now);
  remindClosingVotes(db, now);
  // The calendar's notices run once per Paris day in a process (each is safe to run again after a restart).
  const today = parisIsoDate(now);
  if (lastCalendarDay !== today) {
    remindContributions(db, now);
    noticeFundingDeadlines(db, now);
    askFollowUps(db, now);
    lastCalendarDay = today;
  }
  sendDueDigests(db, now);
  await deliverDueMails(db, mailTransport(), { now: () => now, unsubscribeUrl, shouldStop });
}

/**
 * Backs the server's base up (into BACKUP_DIR, keeping BACKUP_KEEP) when BACKUP_INTERVAL_HOURS is set and
 * the newest backup is older than that, or there is none. Returns the new backup's file, or null.
 */
export async function backupIfDue(now = new Date()): Promise<string | null> {
  const env = getEnv();
  if (env.BACKUP_INTERVAL_HOURS <= 0 || env.DATABASE_URL === ":memory:") return null;
  const dir = backupDirectory(env.DATABASE_URL, env.BACKUP_DIR);
  const newest = listBackups(dir, env.DATABASE_URL).at(-1);
  if (newest && now.getTime() - newest.takenAt.getTime() < env.BACKUP_INTERVAL_HOURS * 3_600_000) return null;
  const report = await backupDatabase(getDb().$client, { dir, keep: env.BACKUP_KEEP, now });
  console.log(describeBackup(env.DATABASE_URL, report));
  return report.file;
}

/**
 * Starts the background work once per process (Vite's reloads included): the mail worker unless
 * MAIL_WORKER=0, the backups unless BACKUP_INTERVAL_HOURS=0.
 */
export function startBackgroundWork(): void {
  if (globalForBackground.maillonBackground) return;
  const env = getEnv();
  const state: Background = { pass: null, backup: null, stopping: false };
  if (env.MAIL_WORKER) {
    state.mailTimer = setInterval(() => {
      if (state.pass || state.stopping) return;
      state.pass = runBackgroundPass(new Date(), () => state.stopping)
        .catch((error: unknown) => console.error("Envoi des courriels :", error))
        .finally(() => {
          state.pass = null;
        });
    }, PASS_EVERY_MS);
    // The worker never keeps the process alive on its own.
    state.mailTimer.unref();
  }
  if (env.BACKUP_INTERVAL_HOURS > 0) {
    state.backupTimer = setInterval(
      () => {
        if (state.backup || state.stopping) return;
        state.backup = backupIfDue()
          .then(() => undefined)
          .catch((error: unknown) => console.error("Sauvegarde de la base :", error))
          .finally(() => {
            state.backup = null;
          });
      },
      Math.min(BACKUP_CHECK_EVERY_MS, env.BACKUP_INTERVAL_HOURS * 3_600_000),
    );
    state.backupTimer.unref();
  }
  globalForBackground.maillonBackground = state;
}

/**
 * Stops the timers and waits for what is under way: the message being sent (the pass then sends no
 * other) and a backup being written. Resolves at once when nothing runs.
 */
export async function stopBackgroundWork(): Promise<void> {
  const state = globalForBackground.maillonBackground;
  if (!state) return;
  state.stopping = true;
  clearInterval(state.mailTimer);
  clearInterval(state.backupTimer);
  await Promise.all([state.pass, state.backup]);
  globalForBackground.maillonBackground = undefined;
}

/**
 * What server.js calls on SIGTERM/SIGINT, once no request is left (server/shutdown.js): server.js and the
 * server build are two module graphs, so the build leaves these on globalThis.
 */
(globalThis as unknown as { maillonServerHooks?: unknown }).maillonServerHooks = { stopBackgroundWork, closeDatabase };
