import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { and, desc, eq, ne } from "drizzle-orm";
import { sessions, users } from "#db/schema";
import type { Db } from "./db.server";

/**
 * Sessions after Lucia's design (lucia-auth.com, "Basic session API").
 * The token is `<id>.<secret>`; the database keeps the id and SHA-256(secret),
 * so a leaked table cannot be replayed.
 */

const MINUTE = 60 * 1000;
export const SESSION_INACTIVITY_TIMEOUT_MS = 10 * 24 * 60 * MINUTE;
export const SESSION_ABSOLUTE_TIMEOUT_MS = 30 * 24 * 60 * MINUTE;
export const SESSION_REFRESH_INTERVAL_MS = 60 * MINUTE;

export type Session = typeof sessions.$inferSelect;
export type SessionUser = Pick<typeof users.$inferSelect, "id" | "email" | "displayName" | "communeCode">;

/** 15 random bytes → 24 base32 characters, 120 bits of entropy. */
function generateSecureRandomString(): string {
  const bytes = new Uint8Array(15);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

function hashSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret));
}

export function generateSessionToken(): { id: string; secret: string; token: string } {
  const id = generateSecureRandomString();
  const secret = generateSecureRandomString();
  return { id, secret, token: `${id}.${secret}` };
}

export function createSession(db: Db, userId: number, now: Date, userAgent = ""): { session: Session; token: string } {
  const { id, secret, token } = generateSessionToken();
  const session: Session = {
    id,
    userId,
    secretHash: Buffer.from(hashSecret(secret)),
    createdAt: now,
    lastVerifiedAt: now,
    userAgent: userAgent.slice(0, 300),
  };
  db.insert(sessions).values(session).run();
  return { session, token };
}

/** When the session stops being valid, whichever limit comes first. */
export function sessionExpiresAt(session: Pick<Session, "createdAt" | "lastVerifiedAt">): Date {
  return new Date(
    Math.min(
      session.lastVerifiedAt.getTime() + SESSION_INACTIVITY_TIMEOUT_MS,
      session.createdAt.getTime() + SESSION_ABSOLUTE_TIMEOUT_MS,
    ),
  );
}

/**
 * Returns the session and its user when the token is valid at `now`; deletes an
 * expired session; moves `lastVerifiedAt` forward at most once an hour
 * (`extended`: it did now, so the browser must get the cookie again).
 */
export function validateSessionToken(
  db: Db,
  token: string,
  now: Date,
): { session: Session; user: SessionUser; extended: boolean } | null {
  const parts = token.split(".");
  if (parts.length !== 2) return null;
  const [id, secret] = parts as [string, string];
  if (!id || !secret || id.length > 64 || secret.length > 64) return null;

  const row = db
    .select({
      session: sessions,
      user: { id: users.id, email: users.email, displayName: users.displayName, communeCode: users.communeCode },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id))
    .get();
  if (!row) return null;

  if (!constantTimeEqual(hashSecret(secret), new Uint8Array(row.session.secretHash))) return null;

  if (now.getTime() >= sessionExpiresAt(row.session).getTime()) {
    invalidateSession(db, id);
    return null;
  }
  const extended = now.getTime() - row.session.lastVerifiedAt.getTime() >= SESSION_REFRESH_INTERVAL_MS;
  if (extended) {
    db.update(sessions).set({ lastVerifiedAt: now }).where(eq(sessions.id, id)).run();
    row.session.lastVerifiedAt = now;
  }
  return { ...row, extended };
}

export function invalidateSession(db: Db, sessionId: string): void {
  db.delete(sessions).where(eq(sessions.id, sessionId)).run();
}

export function invalidateAllSessions(db: Db, userId: number): void {
  db.delete(sessions).where(eq(sessions.userId, userId)).run();
}

export type OpenSession = Pick<Session, "id" | "createdAt" | "lastVerifiedAt" | "userAgent">;

/** A person's sessions still valid at `now`, the most recently seen first. */
export function listOpenSessions(db: Db, userId: number, now: Date): OpenSession[] {
  return db
    .select({ id: sessions.id, createdAt: sessions.createdAt, lastVerifiedAt: sessions.lastVerifiedAt, userAgent: sessions.userAgent })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(desc(sessions.lastVerifiedAt), desc(sessions.createdAt))
    .all()
    .filter((s) => sessionExpiresAt(s).getTime() > now.getTime());
}

/** Ends one of the person's own sessions; false (and nothing changed) for an id that is not theirs. */
export function invalidateOwnSession(db: Db, userId: number, sessionId: string): boolean {
  return db.delete(sessions).where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId))).run().changes === 1;
}

/** Ends every session of the person but `keepId`; how many were ended. */
export function invalidateOtherSessions(db: Db, userId: number, keepId: string): number {
  return db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, keepId))).run().changes;
}
