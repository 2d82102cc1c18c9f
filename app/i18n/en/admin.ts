import type { Messages } from "../messages";

const s = (count: number) => (count === 1 ? "" : "s");

export const admin: Messages["admin"] = {
  mails: {
    metaTitle: "The platform's e-mails — Maillon",
    unknown: "Unknown e-mail.",
    notFailed: "This e-mail has not failed (or no longer has): there is nothing to resend.",
    requeued: "The e-mail is back in the queue: it will leave in a moment.",
    to: (address) => `To ${address} · created on `,
    eyebrow: "Administration",
    title: "The platform's e-mails",
    intro: (attempts) =>
      `Each e-mail leaves from a queue: it is retried several times after an error, then marked failed after ${attempts} attempts. Fix the cause (SMTP settings, address) before resending it.`,
    caption: "The queue in figures",
    status: "Status",
    mails: "E-mails",
    failed: (formatted) => `Failed (${formatted})`,
    noneFailed: "No failed e-mail.",
    attempts: (count, formatted) => `${formatted} attempt${s(count)}`,
    lastError: (error) => `Last error: ${error}`,
    unknownError: "unknown",
    retry: "Resend",
    retryWhat: (subject, address) => ` “${subject}” to ${address}`,
    waiting: (formatted) => `Waiting to be sent (${formatted})`,
    noneWaiting: "No e-mail waiting: the queue is empty.",
    attemptsWithError: (attempts, error) => ` · ${attempts} (last error: ${error})`,
  },
};
