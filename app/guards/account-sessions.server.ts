/**
 * The "Mes sessions" section of /compte: what the loader shows of the person's
 * open sessions, and the two actions that close them. Only the person's own
 * sessions are ever read or closed: a session id from the form is matched
 * with the signed-in person's id in the query.
 */
import { SESSIONS_FORM, type AccountSession } from "~/components/account-sessions";
import { formatDateTime, formatRelativeTime } from "~/domain/format";
import { describeDevice } from "~/domain/user-agent";
import type { Auth } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyRefused } from "~/utils/reply.server";
import { invalidateOtherSessions, invalidateOwnSession, listOpenSessions } from "~/utils/session.server";

export const SESSION_INTENTS = ["sign-out-session", "sign-out-others"] as const;

/** The person's open sessions, this one first, with their dates said as a person would. */
export function accountSessions(auth: Auth, now = new Date()): AccountSession[] {
  const rows = listOpenSessions(getDb(), auth.user.id, now).map((s) => ({
    id: s.id,
    device: describeDevice(s.userAgent),
    current: s.id === auth.session.id,
    openedAt: s.createdAt.toISOString(),
    openedLabel: formatRelativeTime(s.createdAt, now),
    openedExact: formatDateTime(s.createdAt),
    lastSeenAt: s.lastVerifiedAt.toISOString(),
    lastSeenLabel: s.id === auth.session.id ? "maintenant" : formatRelativeTime(s.lastVerifiedAt, now),
    lastSeenExact: formatDateTime(s.lastVerifiedAt),
  }));
  return [...rows.filter((r) => r.current), ...rows.filter((r) => !r.current)];
}

/** Closes one of the person's other sessions, or all of them. */
export function signOutSessions(auth: Auth, intent: (typeof SESSION_INTENTS)[number], formData: FormData) {
  const db = getDb();
  if (intent === "sign-out-others") {
    const ended = invalidateOtherSessions(db, auth.user.id, auth.session.id);
    return redirectWithFlash(
      "/compte#sessions",
      ended === 0 ? "Aucune autre session n'était ouverte." : ended === 1 ? "Votre autre session a été fermée." : `Vos ${ended} autres sessions ont été fermées.`,
    );
  }
  const sessionId = String(formData.get("sessionId") ?? "");
  if (sessionId === auth.session.id) {
    return replyRefused(
      { status: 400, message: "C'est la session que vous utilisez : pour la fermer, choisissez « Se déconnecter »." },
      { formId: SESSIONS_FORM },
    );
  }
  if (!sessionId || sessionId.length > 64 || !invalidateOwnSession(db, auth.user.id, sessionId)) {
    return replyRefused({ status: 404, message: "Cette session n'existe pas ou a déjà été fermée." }, { formId: SESSIONS_FORM });
  }
  return redirectWithFlash("/compte#sessions", "La session a été fermée : cet appareil devra se reconnecter.");
}

export function isSessionIntent(intent: unknown): intent is (typeof SESSION_INTENTS)[number] {
  return (SESSION_INTENTS as readonly unknown[]).includes(intent);
}
