/**
 * A signed-in person confirms an action with their current password (new address, new password,
 * deleting the account): a secret worth guessing, under the same limits as sign-in.
 */
import { reserveSignInAttempt, signInFailed, signInRefusalMessage, signInSucceeded } from "~/models/sign-in-failure.server";
import { getUserById } from "~/models/user.server";
import type { Db } from "~/utils/db.server";
import { verifyPassword } from "~/utils/password.server";
import type { Refusal } from "~/utils/reply.server";

/** `throttled` is the 429 to answer; null means the password was wrong. */
export type PasswordCheck = { ok: true } | { ok: false; throttled: Refusal | null };

/** Throttled, verified and counted like a sign-in; a wrong password is counted as a failure. */
export async function checkCurrentPassword(
  db: Db,
  account: { id: number; email: string },
  password: string,
  clientAddress: string,
): Promise<PasswordCheck> {
  const refusal = reserveSignInAttempt(db, account.email, clientAddress, new Date());
  if (refusal) {
    return { ok: false, throttled: { status: 429, message: signInRefusalMessage(refusal), retryAfterSeconds: refusal.retryAfterSeconds } };
  }
  const user = getUserById(db, account.id);
  if (!user || !(await verifyPassword(user.passwordHash, password))) {
    signInFailed(db, account.email, clientAddress, new Date());
    return { ok: false, throttled: null };
  }
  signInSucceeded(db, account, clientAddress, new Date());
  return { ok: true };
}
