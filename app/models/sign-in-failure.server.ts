import { and, eq, gte, lt, or, sql } from "drizzle-orm";
import { signInFailures } from "#db/schema";
import { writeTransaction, type Db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_SIGN_IN_FAILURES = 5;

/**
 * Counts the attempt as a failure before the password is checked, inside one
 * IMMEDIATE transaction, so concurrent guesses cannot slip past the limit.
 * Returns false (and records nothing) when the e-mail or the address already
 * has 5 failures in the last 15 minutes. A success then calls
 * `forgiveSignInFailures`. Attempts from an exempt address (SIGN_IN_LIMIT_EXEMPT,
 * the end-to-end tests' client) are allowed and not counted, so they never
 * weigh on an e-mail's limit either.
 */
export function reserveSignInAttempt(
  db: Db,
  email: string,
  ipAddress: string,
  now: Date,
  exempt: readonly string[] = getEnv().SIGN_IN_LIMIT_EXEMPT,
): boolean {
  if (exempt.includes(ipAddress)) return true;
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  return writeTransaction(db, (tx) => {
    const counts = tx
      .select({
        byEmail: sql<number>`coalesce(sum(${signInFailures.email} = ${email}), 0)`,
        byIp: sql<number>`coalesce(sum(${signInFailures.ipAddress} = ${ipAddress}), 0)`,
      })
      .from(signInFailures)
      .where(
        and(
          gte(signInFailures.at, since),
          or(eq(signInFailures.email, email), eq(signInFailures.ipAddress, ipAddress)),
        ),
      )
      .get();
    if ((counts?.byEmail ?? 0) >= MAX_SIGN_IN_FAILURES || (counts?.byIp ?? 0) >= MAX_SIGN_IN_FAILURES) {
      return false;
    }
    tx.insert(signInFailures).values({ email, ipAddress, at: now }).run();
    // Rows older than the window serve no purpose; pruning here keeps the table small.
    tx.delete(signInFailures).where(lt(signInFailures.at, since)).run();
    return true;
  });
}

/** A successful sign-in forgives that e-mail's failures, the reserved one included. */
export function forgiveSignInFailures(db: Db, email: string): void {
  db.delete(signInFailures).where(eq(signInFailures.email, email)).run();
}
