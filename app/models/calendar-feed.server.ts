/**
 * The secret address of a person's calendar feed: a random token, created when the person asks; renewing it
 * replaces it, so the old address answers 404 at once.
 */
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { calendarFeedTokens } from "#db/schema";
import { writeTransaction, type Db, type Reader } from "~/utils/db.server";

const newToken = () => randomBytes(24).toString("base64url");

/** The person's token, or null before they ask for their feed's address. */
export function feedTokenFor(q: Reader, userId: number): string | null {
  return q.select({ token: calendarFeedTokens.token }).from(calendarFeedTokens).where(eq(calendarFeedTokens.userId, userId)).get()?.token ?? null;
}

/** A new token (the first one, or in place of the old, whose address stops working). */
export function renewFeedToken(db: Db, userId: number, now: Date): string {
  const token = newToken();
  writeTransaction(db, (tx) =>
    tx
      .insert(calendarFeedTokens)
      .values({ userId, token, createdAt: now })
      .onConflictDoUpdate({ target: calendarFeedTokens.userId, set: { token, createdAt: now } })
      .run(),
  );
  return token;
}

/** Whose feed this token opens (tokens are compared by the unique index; a wrong one finds no row). */
export function userIdForFeedToken(q: Reader, token: string): number | null {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  return q.select({ userId: calendarFeedTokens.userId }).from(calendarFeedTokens).where(eq(calendarFeedTokens.token, token)).get()?.userId ?? null;
}
