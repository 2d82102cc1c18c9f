/**
 * What the server does between requests: queue the digests that are due and send the queued e-mail. One timer, never two passes at once, and nothing that blocks a request: a pass reads and
 * writes SQLite in short transactions and waits on the SMTP server between them.
 */
import { parisIsoDate } from "~/domain/paris-time";
import { deliverDueMails } from "~/models/mail-queue.server";
import { sendDueDigests } from "~/models/notification.server";
import { remindClosingVotes } from "~/models/club-notices.server";
import { closeAllDueVotes } from "~/models/club-vote.server";
import { noticeFundingDeadlines, remindContributions } from "~/models/scheduled-notices.server";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { mailTransport, publicUrl } from "~/utils/mail.server";

const PASS_EVERY_MS = 2_000;
let lastCalendarDay: string | null = null;

type Background = { timer: NodeJS.Timeout; running: boolean };
const globalForBackground = globalThis as unknown as { maillonBackground?: Background };

export function unsubscribeUrl(token: string): string {
  return publicUrl(`/desabonnement/${token}`);
}

/**
 * One pass: votes past their deadline close (and tell their members), votes closing within 48 hours
 * remind who has not voted, the month's contributions and the funding deadlines are told, the digests
 * due are queued, then everything due is sent.
 */
export async function runBackgroundPass(now = new Date()): Promise<void> {
  const db = getDb();
  closeAllDueVotes(db, now);
  remindClosingVotes(db, now);
  // The calendar's notices run once per Paris day in a process (each is safe to run again after a restart).
  const today = parisIsoDate(now);
  if (lastCalendarDay !== today) {
    remindContributions(db, now);
    noticeFundingDeadlines(db, now);
    lastCalendarDay = today;
  }
  sendDueDigests(db, now);
  await deliverDueMails(db, mailTransport(), { now: () => now, unsubscribeUrl });
}

/** Starts the worker once per process (Vite's reloads included), unless MAIL_WORKER=0. */
export function startBackgroundWork(): void {
  if (globalForBackground.maillonBackground || !getEnv().MAIL_WORKER) return;
  const state: Background = {
    running: false,
    timer: setInterval(() => {
      if (state.running) return;
      state.running = true;
      runBackgroundPass()
        .catch((error: unknown) => console.error("Envoi des courriels :", error))
        .finally(() => {
          state.running = false;
        });
    }, PASS_EVERY_MS),
  };
  // The worker never keeps the process alive on its own.
  state.timer.unref();
  globalForBackground.maillonBackground = state;
}
