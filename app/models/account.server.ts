/**
 * What a person does with their account through a link sent by e-mail: reset a forgotten password,
 * confirm the address of a sign-up, move the account to a new address. Each request answers the same
 * whether or not the address has an account (nobody learns who is a member); the token and its mail
 * are written in one transaction; each link works once (app/models/email-token.server.ts).
 */
import { and, eq, ne } from "drizzle-orm";
import { sessions, users } from "#db/schema";
import { formatDateTime, type FormatLanguage } from "~/domain/format";
import type { Role } from "~/domain/vocabulary";
import { writeTransaction, type Db, type Writer } from "~/utils/db.server";
import { publicUrl } from "~/utils/mail.server";
import { consumeToken, findLiveToken, MAX_TOKENS_PER_HOUR, newToken, recentTokenCount, storeToken, type DeadToken } from "./email-token.server";
import { queueMessage, type Message } from "./mail-queue.server";
import { fail, type Outcome } from "./outcome";
import { insertUser, normalizeEmail, type NewUser, type User } from "./user.server";

/** Account messages are Maillon's own, not a pôle's; they are security messages, never turned off. */
function securityMessage(m: Omit<Message, "kind" | "poleName">): Message {
  return { ...m, kind: "securite", poleName: "Maillon" };
}

function userByEmail(tx: Writer, email: string): User | undefined {
  return tx.select().from(users).where(eq(users.email, normalizeEmail(email))).get();
}

/** What a dead link page says. */
export const DEAD_TOKEN_MESSAGES: Record<DeadToken, string> = {
  inconnu: "Ce lien n'est pas valable : il a peut-être été mal copié, ou un lien plus récent l'a remplacé.",
  utilise: "Ce lien a déjà servi, ou un lien plus récent l'a remplacé : chaque lien ne sert qu'une fois.",
  expire: "Ce lien a expiré.",
};

// ---------------------------------------------------------------------------
// Password reset

/**
 * Asks for a reset link. The same work is done for any address (a token is always made and hashed); the
 * link is stored and mailed only when the address has an account, at most 5 times an hour.
 */
export function requestPasswordReset(db: Db, email: string, now: Date): void {
  const { token, hash } = newToken();
  writeTransaction(db, (tx) => {
    const user = userByEmail(tx, email);
    if (!user || recentTokenCount(tx, "reinitialisation", { userId: user.id }, now) >= MAX_TOKENS_PER_HOUR) return;
    storeToken(tx, hash, { purpose: "reinitialisation", userId: user.id, email: user.email }, now);
    queueMessage(
      tx,
      securityMessage({
        to: user.email,
        userId: user.id,
        recipientName: user.displayName,
        subject: "Choisir un nouveau mot de passe",
        paragraphs: [
          "Une réinitialisation du mot de passe de votre compte Maillon vient d'être demandée.",
          "Ce lien est valable une heure et ne sert qu'une fois. Si vous n'avez rien demandé, ignorez ce message : votre mot de passe reste le même.",
        ],
        action: { path: `/mot-de-passe-oublie/${token}`, label: "Choisir un nouveau mot de passe" },
        reason: "Vous recevez ce message parce qu'un nouveau mot de passe a été demandé pour cette adresse sur Maillon.",
      }),
      now,
    );
  });
}

/** Whether a reset link can still be used (the page shows its form, or says why not). */
export function checkResetToken(db: Db, token: string, now: Date): Outcome {
  const live = findLiveToken(db, "reinitialisation", token, now);
  return live.ok ? { ok: true } : fail(404, DEAD_TOKEN_MESSAGES[live.reason]);
}

/**
 * Sets the new password through a live link: the link dies, every session of the person ends, and a
 * notice goes to their address.
 */
export function resetPassword(db: Db, token: string, passwordHash: string, now: Date): Outcome<{ userId: number; email: string }> {
  return writeTransaction(db, (tx): Outcome<{ userId: number; email: string }> => {
    const live = findLiveToken(tx, "reinitialisation", token, now);
    if (!live.ok) return fail(404, DEAD_TOKEN_MESSAGES[live.reason]);
    const user = live.token.userId === null ? undefined : tx.select().from(users).where(eq(users.id, live.token.userId)).get();
    if (!user || !consumeToken(tx, live.token.id, now)) return fail(404, DEAD_TOKEN_MESSAGES.inconnu);
    tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, user.id)).run();
    tx.delete(sessions).where(eq(sessions.userId, user.id)).run();
    queuePasswordChangedNotice(tx, user, now);
    return { ok: true, userId: user.id, email: user.email };
  });
}

/** « Votre mot de passe a été modifié », in the caller's transaction. */
export function queuePasswordChangedNotice(tx: Writer, user: Pick<User, "id" | "email" | "displayName">, now: Date): void {
  queueMessage(
    tx,
    securityMessage({
      to: user.email,
      userId: user.id,
      recipientName: user.displayName,
      subject: "Votre mot de passe a été modifié",
      paragraphs: [
        `Le mot de passe de votre compte Maillon a été modifié le ${formatDateTime(now)}. Vos autres sessions ont été fermées.`,
        "Si ce n'est pas vous, choisissez tout de suite un nouveau mot de passe par ce lien et prévenez l'équipe de votre pôle.",
      ],
      action: { path: "/mot-de-passe-oublie", label: "Choisir un nouveau mot de passe" },
      reason: "Vous recevez ce message parce que le mot de passe de votre compte Maillon a changé.",
    }),
    now,
  );
}

// ---------------------------------------------------------------------------
// Sign-up confirmed by e-mail

/** The account a sign-up link creates, kept as the token's payload until the link is opened. */
type PendingAccount = { displayName: string; passwordHash: string; communeCode: string; roles: Role[]; locale?: FormatLanguage };

/**
 * A sign-up: a new address receives a link that creates the account; an address that already has one
 * receives a mail saying someone tried, with the sign-in and reset links. Nothing else differs.
 */
export function requestSignUp(db: Db, input: NewUser, now: Date): void {
  const { token, hash } = newToken();
  const email = normalizeEmail(input.email);
  writeTransaction(db, (tx) => {
    const owner = userByEmail(tx, email);
    if (recentTokenCount(tx, "inscription", owner ? { userId: owner.id } : { email }, now) >= MAX_TOKENS_PER_HOUR) return;
    if (owner) {
      // Counted like a link, so an owner is not flooded either.
      storeToken(tx, hash, { purpose: "inscription", userId: owner.id, email, spent: true }, now);
      queueMessage(
        tx,
        securityMessage({
          to: owner.email,
          userId: owner.id,
          recipientName: owner.displayName,
          subject: "Quelqu'un a voulu créer un compte avec votre adresse",
          paragraphs: [
            "Quelqu'un vient de demander à créer un compte Maillon avec votre adresse, qui a déjà le sien. Aucun compte n'a été créé et rien n'a changé dans le vôtre.",
            `Si c'était vous, connectez-vous : ${publicUrl("/connexion")}`,
            `Mot de passe oublié ? Choisissez-en un nouveau : ${publicUrl("/mot-de-passe-oublie")}`,
          ],
          action: { path: "/connexion", label: "Me connecter" },
          reason: "Vous recevez ce message parce qu'une inscription a été demandée avec votre adresse sur Maillon.",
        }),
        now,
      );
      return;
    }
    const pending: PendingAccount = {
      displayName: input.displayName.trim(),
      passwordHash: input.passwordHash,
      communeCode: input.communeCode,
      roles: [...input.roles],
      locale: input.locale ?? "fr",
    };
    storeToken(tx, hash, { purpose: "inscription", userId: null, email, payload: pending }, now);
    queueMessage(
      tx,
      securityMessage({
        to: email,
        userId: null,
        locale: pending.locale,
        recipientName: pending.displayName,
        subject: "Confirmez votre adresse pour créer votre compte",
        paragraphs: [
          "Vous avez demandé à créer un compte sur Maillon avec cette adresse. Confirmez-la par ce lien pour ouvrir votre compte.",
          "Ce lien est valable 24 heures et ne sert qu'une fois. Si vous n'avez rien demandé, ignorez ce message : aucun compte ne sera créé.",
        ],
        action: { path: `/inscription/${token}`, label: "Confirmer mon adresse" },
        reason: "Vous recevez ce message parce qu'une inscription a été demandée avec cette adresse sur Maillon.",
      }),
      now,
    );
  });
}

/** Whether a sign-up link can still be used, and for which address. */
export function checkSignUpToken(db: Db, token: string, now: Date): Outcome<{ email: string }> {
  const live = findLiveToken(db, "inscription", token, now);
  if (!live.ok || live.token.userId !== null) return fail(404, DEAD_TOKEN_MESSAGES[live.ok ? "utilise" : live.reason]);
  if (db.select({ id: users.id }).from(users).where(eq(users.email, live.token.email)).get()) return fail(409, SIGNED_UP_MEANWHILE, "email");
  return { ok: true, email: live.token.email };
}

const SIGNED_UP_MEANWHILE = "Un compte a été créé avec cette adresse entre-temps : connectez-vous avec lui.";

/** Opens the account a sign-up link holds, once; refuses when the address got an account meanwhile. */
export function confirmSignUp(db: Db, token: string, now: Date): Outcome<{ user: User }> {
  return writeTransaction(db, (tx): Outcome<{ user: User }> => {
    const live = findLiveToken(tx, "inscription", token, now);
    if (!live.ok) return fail(404, DEAD_TOKEN_MESSAGES[live.reason]);
    if (live.token.userId !== null || !consumeToken(tx, live.token.id, now)) return fail(404, DEAD_TOKEN_MESSAGES.utilise);
    const pending = JSON.parse(live.token.payload) as PendingAccount;
    const created = insertUser(tx, { ...pending, email: live.token.email }, now);
    if (!created.ok && created.field === "email") {
      return fail(409, SIGNED_UP_MEANWHILE, "email");
    }
    return created;
  });
}

// ---------------------------------------------------------------------------
// Address change

/**
 * Asks to move the account to a new address: a link goes to the new address, a notice to the current
 * one. The address is checked again when the link is opened.
 */
export function requestAddressChange(db: Db, userId: number, newEmail: string, now: Date): Outcome {
  const { token, hash } = newToken();
  const email = normalizeEmail(newEmail);
  return writeTransaction(db, (tx): Outcome => {
    const user = tx.select().from(users).where(eq(users.id, userId)).get();
    if (!user) return fail(404, "Compte introuvable.");
    if (email === user.email) return fail(400, "C'est déjà l'adresse de votre compte.", "newEmail");
    if (recentTokenCount(tx, "changement-adresse", { userId }, now) >= MAX_TOKENS_PER_HOUR) {
      return fail(409, "Vous avez demandé plusieurs changements d'adresse en une heure : patientez avant de réessayer.", "newEmail");
    }
    storeToken(tx, hash, { purpose: "changement-adresse", userId, email }, now);
    queueMessage(
      tx,
      securityMessage({
        to: email,
        userId: null,
        recipientName: user.displayName,
        subject: "Confirmez votre nouvelle adresse",
        paragraphs: [
          "Vous avez demandé que votre compte Maillon utilise désormais cette adresse. Confirmez-la par ce lien : elle servira alors à vous connecter.",
          "Ce lien est valable 24 heures et ne sert qu'une fois. Si vous n'avez rien demandé, ignorez ce message.",
        ],
        action: { path: `/compte/adresse/${token}`, label: "Confirmer ma nouvelle adresse" },
        reason: "Vous recevez ce message parce qu'un compte Maillon a demandé à utiliser cette adresse.",
      }),
      now,
    );
    queueMessage(
      tx,
      securityMessage({
        to: user.email,
        userId: user.id,
        recipientName: user.displayName,
        subject: "Changement d'adresse demandé",
        paragraphs: [
          `Un changement d'adresse vers ${email} a été demandé pour votre compte Maillon. Il prendra effet quand la nouvelle adresse sera confirmée ; d'ici là, rien ne change.`,
          "Si ce n'est pas vous, changez tout de suite votre mot de passe depuis votre compte.",
        ],
        action: { path: "/compte", label: "Voir mon compte" },
        reason: "Vous recevez ce message parce que c'est l'adresse actuelle de votre compte Maillon.",
      }),
      now,
    );
    return { ok: true };
  });
}

/** Whether an address-change link can still be used, and the address it confirms. */
export function checkAddressChangeToken(db: Db, token: string, now: Date): Outcome<{ email: string }> {
  const live = findLiveToken(db, "changement-adresse", token, now);
  return live.ok ? { ok: true, email: live.token.email } : fail(404, DEAD_TOKEN_MESSAGES[live.reason]);
}

/** Moves the account to the address the link confirms; refuses kindly when it got taken meanwhile. */
export function confirmAddressChange(db: Db, token: string, now: Date): Outcome<{ userId: number; email: string }> {
  return writeTransaction(db, (tx): Outcome<{ userId: number; email: string }> => {
    const live = findLiveToken(tx, "changement-adresse", token, now);
    if (!live.ok) return fail(404, DEAD_TOKEN_MESSAGES[live.reason]);
    const { id, userId, email } = live.token;
    if (userId === null || !consumeToken(tx, id, now)) return fail(404, DEAD_TOKEN_MESSAGES.utilise);
    if (tx.select({ id: users.id }).from(users).where(and(eq(users.email, email), ne(users.id, userId))).get()) {
      return fail(409, "Cette adresse est déjà celle d'un autre compte Maillon : votre compte garde son adresse actuelle.");
    }
    tx.update(users).set({ email, updatedAt: now }).where(eq(users.id, userId)).run();
    return { ok: true, userId, email };
  });
}
