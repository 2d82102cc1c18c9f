/**
 * Sign-in throttling that nobody can turn against a person (docs/decisions/020-input-and-account-protection.md).
 * Three limits, none of which locks an account:
 * - per network address: 20 failures in 15 minutes, whatever the accounts tried, then refused there;
 * - per (account, address) pair: 5 failures in 15 minutes, then refused for that pair only;
 * - per account, across addresses: after 5 failures in 15 minutes, each further attempt waits
 *   2^(n−5) seconds after the last failure (at most 15 minutes): a delay, never a lock. From an
 *   address the account signed in from successfully in the last 90 days, there is no delay: an
 *   attacker elsewhere only slows down the owner where the owner has never been.
 * At the 5th failure on an account its owner is told by mail, once per 15 minutes.
 */
import { and, eq, gte, lt, max, min, sql } from "drizzle-orm";
import { signInAddresses, signInFailures, users } from "#db/schema";
import { formatDateTime } from "~/domain/format";
import { DAY_MS } from "~/domain/paris-time";
import { writeTransaction, type Db, type Writer } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { queueMessage } from "./mail-queue.server";

export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ADDRESS = 20;
export const MAX_FAILURES_PER_PAIR = 5;
/** Failures on an account (any address) before each attempt must wait. */
export const ACCOUNT_DELAY_AFTER = 5;
export const MAX_ACCOUNT_DELAY_MS = 15 * 60 * 1000;
export const KNOWN_ADDRESS_MS = 90 * DAY_MS;

export type SignInRefusal = {
  /** Which limit refused: the network address, the (account, address) pair, the account's delay. */
  limit: "adresse" | "paire" | "compte";
  retryAfterSeconds: number;
};

/** The delay the account's n-th failure imposes on the next attempt: none below 5, then 1 s, 2 s, 4 s… up to 15 min. */
export function accountDelayMs(failures: number): number {
  if (failures < ACCOUNT_DELAY_AFTER) return 0;
  return Math.min(2 ** (failures - ACCOUNT_DELAY_AFTER) * 1000, MAX_ACCOUNT_DELAY_MS);
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** What the sign-in form says for each refusal. */
export function signInRefusalMessage(refusal: SignInRefusal): string {
  const wait = refusal.retryAfterSeconds;
  const inWords = wait < 120 ? `${wait} seconde${wait > 1 ? "s" : ""}` : `${Math.ceil(wait / 60)} minutes`;
  switch (refusal.limit) {
    case "compte":
      return `Trop de tentatives : réessayez dans ${inWords}.`;
    case "paire":
      return `Trop de tentatives pour ce compte depuis votre connexion : réessayez dans ${inWords}, ou choisissez un nouveau mot de passe par « Mot de passe oublié ? ».`;
    case "adresse":
      return `Trop de tentatives de connexion depuis votre réseau : réessayez dans ${inWords}.`;
  }
}

function isKnownAddress(tx: Writer, email: string, ipAddress: string, now: Date): boolean {
  const row = tx
    .select({ at: signInAddresses.lastSignedInAt })
    .from(signInAddresses)
    .innerJoin(users, eq(users.id, signInAddresses.userId))
    .where(and(eq(users.email, email), eq(signInAddresses.ipAddress, ipAddress), gte(signInAddresses.lastSignedInAt, new Date(now.getTime() - KNOWN_ADDRESS_MS))))
    .get();
  return row !== undefined;
}

/**
 * Counts the attempt as a failure before the password is checked, inside one IMMEDIATE transaction,
 * so concurrent guesses cannot slip past the limits; a success then calls `signInSucceeded`. Returns
 * the refusal (and records nothing) when a limit is reached. Attempts from an exempt address
 * (SIGN_IN_LIMIT_EXEMPT, the end-to-end tests' client) are allowed and not counted.
 */
export function reserveSignInAttempt(
  db: Db,
  email: string,
  ipAddress: string,
  now: Date,
  exempt: readonly string[] = getEnv().SIGN_IN_LIMIT_EXEMPT,
): SignInRefusal | null {
  if (exempt.includes(ipAddress)) return null;
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  const until = (oldest: Date | null) => seconds((oldest ?? now).getTime() + SIGN_IN_WINDOW_MS - now.getTime());
  return writeTransaction(db, (tx): SignInRefusal | null => {
    const byAddress = tx
      .select({ n: sql<number>`count(*)`, oldest: min(signInFailures.at) })
      .from(signInFailures)
      .where(and(eq(signInFailures.ipAddress, ipAddress), gte(signInFailures.at, since)))
      .get();
    if ((byAddress?.n ?? 0) >= MAX_FAILURES_PER_ADDRESS) return { limit: "adresse", retryAfterSeconds: until(byAddress?.oldest ?? null) };

    const byAccount = tx
      .select({
        n: sql<number>`count(*)`,
        pair: sql<number>`coalesce(sum(${signInFailures.ipAddress} = ${ipAddress}), 0)`,
        oldestOfPair: sql<number | null>`min(case when ${signInFailures.ipAddress} = ${ipAddress} then ${signInFailures.at} end)`,
        last: max(signInFailures.at),
      })
      .from(signInFailures)
      .where(and(eq(signInFailures.email, email), gte(signInFailures.at, since)))
      .get();
    const failures = byAccount?.n ?? 0;
    if ((byAccount?.pair ?? 0) >= MAX_FAILURES_PER_PAIR) {
      const oldest = byAccount?.oldestOfPair;
      return { limit: "paire", retryAfterSeconds: until(oldest == null ? null : new Date(oldest)) };
    }
    const delay = accountDelayMs(failures);
    const last = byAccount?.last;
    if (delay > 0 && last && now.getTime() < last.getTime() + delay && !isKnownAddress(tx, email, ipAddress, now)) {
      return { limit: "compte", retryAfterSeconds: seconds(last.getTime() + delay - now.getTime()) };
    }

    tx.insert(signInFailures).values({ email, ipAddress, at: now }).run();
    // Rows older than the window serve no purpose; pruning here keeps the table small.
    tx.delete(signInFailures).where(lt(signInFailures.at, since)).run();
    return null;
  });
}

/**
 * The password was wrong (the failure is already counted): at the account's 5th failure in the
 * window, its owner is told by mail, at most once per window. Nothing for an unknown address.
 */
export function signInFailed(db: Db, email: string, ipAddress: string, now: Date, exempt: readonly string[] = getEnv().SIGN_IN_LIMIT_EXEMPT): void {
  if (exempt.includes(ipAddress)) return;
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  writeTransaction(db, (tx) => {
    const failures = tx
      .select({ n: sql<number>`count(*)`, first: min(signInFailures.at) })
      .from(signInFailures)
      .where(and(eq(signInFailures.email, email), gte(signInFailures.at, since)))
      .get();
    if ((failures?.n ?? 0) < ACCOUNT_DELAY_AFTER) return;
    const user = tx.select().from(users).where(eq(users.email, email)).get();
    if (!user || (user.signInAlertAt && user.signInAlertAt.getTime() > since.getTime())) return;
    tx.update(users).set({ signInAlertAt: now }).where(eq(users.id, user.id)).run();
    queueMessage(
      tx,
      {
        to: user.email,
        userId: user.id,
        kind: "securite",
        poleName: "Maillon",
        recipientName: user.displayName,
        subject: "Plusieurs tentatives de connexion à votre compte ont échoué",
        paragraphs: [
          `${failures!.n} tentatives de connexion à votre compte Maillon ont échoué depuis le ${formatDateTime(failures!.first ?? now)}, avec un mauvais mot de passe. Personne n'est entré dans votre compte.`,
          "Si c'était vous, rien à faire : vous pouvez vous connecter depuis l'appareil que vous utilisez d'habitude, ou réessayer dans quelques instants.",
          "Si ce n'était pas vous, quelqu'un essaie peut-être de deviner votre mot de passe : choisissez-en un long et que vous n'utilisez nulle part ailleurs.",
        ],
        action: { path: "/mot-de-passe-oublie", label: "Choisir un nouveau mot de passe" },
        reason: "Vous recevez ce message parce que des connexions à votre compte Maillon ont échoué.",
      },
      now,
    );
  });
}

/**
 * A successful sign-in forgives the failures of this account from this address (the reserved one
 * included) and remembers the address as one the owner uses, for 90 days.
 */
export function signInSucceeded(db: Db, user: { id: number; email: string }, ipAddress: string, now: Date): void {
  writeTransaction(db, (tx) => {
    tx.delete(signInFailures).where(and(eq(signInFailures.email, user.email), eq(signInFailures.ipAddress, ipAddress))).run();
    tx.insert(signInAddresses)
      .values({ userId: user.id, ipAddress, lastSignedInAt: now })
      .onConflictDoUpdate({ target: [signInAddresses.userId, signInAddresses.ipAddress], set: { lastSignedInAt: now } })
      .run();
    tx.delete(signInAddresses).where(lt(signInAddresses.lastSignedInAt, new Date(now.getTime() - KNOWN_ADDRESS_MS))).run();
  });
}

/** A new password set through a reset link: the account's failures, from every address, are forgotten. */
export function forgiveSignInFailures(db: Db, email: string): void {
  db.delete(signInFailures).where(eq(signInFailures.email, email)).run();
}
