/**
 * Single-use links sent by e-mail (password reset, sign-up, address change). The link carries 32 random
 * bytes (base64url); the table keeps only their SHA-256, so a copy of the database opens nothing. A
 * token dies when it is used, when it expires, or when a newer one is asked for the same purpose and
 * person (or, for a sign-up, the same address).
 */
import { createHash, randomBytes } from "node:crypto";
import { and, count, eq, gt, isNull } from "drizzle-orm";
import { emailTokens } from "#db/schema";
import type { EmailTokenPurpose } from "~/domain/vocabulary";
import type { Reader, Writer } from "~/utils/db.server";

const HOUR = 60 * 60_000;

/** How long each kind of link stays valid. */
export const TOKEN_LIFETIME_MS: Record<EmailTokenPurpose, number> = {
  reinitialisation: HOUR,
  inscription: 24 * HOUR,
  "changement-adresse": 24 * HOUR,
};

/** At most this many links of one purpose per person (or address) and hour: nobody floods a mailbox. */
export const MAX_TOKENS_PER_HOUR = 5;

export type EmailToken = typeof emailTokens.$inferSelect;

/** A fresh token and its hash: made for every request, so a request for an unknown address costs the same. */
export function newToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): Buffer {
  return createHash("sha256").update(token, "utf8").digest();
}

/** Links of this purpose asked for this person (or address) in the last hour, used or not. */
export function recentTokenCount(tx: Reader, purpose: EmailTokenPurpose, owner: { userId: number } | { email: string }, now: Date): number {
  return (
    tx
      .select({ n: count() })
      .from(emailTokens)
      .where(and(eq(emailTokens.purpose, purpose), ownerIs(owner), gt(emailTokens.createdAt, new Date(now.getTime() - HOUR))))
      .get()?.n ?? 0
  );
}

function ownerIs(owner: { userId: number } | { email: string }) {
  return "userId" in owner ? eq(emailTokens.userId, owner.userId) : and(isNull(emailTokens.userId), eq(emailTokens.email, owner.email));
}

/**
 * Stores a token (already made with `newToken`) in the caller's transaction, and kills every earlier
 * live one of the same purpose and person (or, without a person, address). `spent`: stored already used.
 */
export function storeToken(
  tx: Writer,
  hash: Buffer,
  t: { purpose: EmailTokenPurpose; userId: number | null; email: string; payload?: unknown; spent?: boolean },
  now: Date,
): void {
  const owner = t.userId !== null ? { userId: t.userId } : { email: t.email };
  tx.update(emailTokens)
    .set({ usedAt: now })
    .where(and(eq(emailTokens.purpose, t.purpose), ownerIs(owner), isNull(emailTokens.usedAt)))
    .run();
  tx.insert(emailTokens)
    .values({
      purpose: t.purpose,
      tokenHash: hash,
      userId: t.userId,
      email: t.email,
      payload: JSON.stringify(t.payload ?? {}),
      createdAt: now,
      expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[t.purpose]),
      // A trace that opens nothing, kept only to count requests (a sign-up tried on an address taken).
      usedAt: t.spent ? now : null,
    })
    .run();
}

/** Why a link opens nothing. */
export type DeadToken = "inconnu" | "utilise" | "expire";

/** The live token of this purpose behind a link, or why there is none. */
export function findLiveToken(q: Reader, purpose: EmailTokenPurpose, token: string, now: Date): { ok: true; token: EmailToken } | { ok: false; reason: DeadToken } {
  if (token.length < 20 || token.length > 100) return { ok: false, reason: "inconnu" };
  const row = q
    .select()
    .from(emailTokens)
    .where(and(eq(emailTokens.tokenHash, hashToken(token)), eq(emailTokens.purpose, purpose)))
    .get();
  if (!row) return { ok: false, reason: "inconnu" };
  if (row.usedAt) return { ok: false, reason: "utilise" };
  if (row.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expire" };
  return { ok: true, token: row };
}

/** Marks the token used, in the transaction that does what it allows; false when it was no longer live. */
export function consumeToken(tx: Writer, id: number, now: Date): boolean {
  return (
    tx
      .update(emailTokens)
      .set({ usedAt: now })
      .where(and(eq(emailTokens.id, id), isNull(emailTokens.usedAt), gt(emailTokens.expiresAt, now)))
      .run().changes === 1
  );
}

/** The person's address change waiting for confirmation, if any. */
export function pendingAddressChange(q: Reader, userId: number, now: Date): { email: string; expiresAt: Date } | null {
  const row = q
    .select({ email: emailTokens.email, expiresAt: emailTokens.expiresAt })
    .from(emailTokens)
    .where(
      and(
        eq(emailTokens.purpose, "changement-adresse"),
        eq(emailTokens.userId, userId),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, now),
      ),
    )
    .get();
  return row ?? null;
}
