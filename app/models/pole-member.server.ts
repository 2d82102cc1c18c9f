/**
 * Members of a pôle: people who joined it, accepting its charter. Living in a pôle's
 * perimeter does not make a member; a member sees what the pôle shares with its members only
 * (a holder's contact details, internal decisions).
 */
import { and, eq, inArray } from "drizzle-orm";
import { poleMembers } from "#db/schema";
import type { Reader, Writer } from "~/utils/db.server";

/** The pôles this person joined. */
export function memberPoleIds(q: Reader, userId: number): number[] {
  return q
    .select({ territoryId: poleMembers.territoryId })
    .from(poleMembers)
    .where(eq(poleMembers.userId, userId))
    .all()
    .map((row) => row.territoryId);
}

/** Has this person joined at least one of these pôles? */
export function isMemberOfAny(q: Reader, userId: number, territoryIds: readonly number[]): boolean {
  if (territoryIds.length === 0) return false;
  return (
    q
      .select({ territoryId: poleMembers.territoryId })
      .from(poleMembers)
      .where(and(eq(poleMembers.userId, userId), inArray(poleMembers.territoryId, [...territoryIds])))
      .limit(1)
      .all().length > 0
  );
}

/** Records the membership (idempotent). The caller has checked the charter is accepted. */
export function addPoleMember(tx: Writer, territoryId: number, userId: number, now: Date): void {
  tx.insert(poleMembers).values({ territoryId, userId, joinedAt: now }).onConflictDoNothing().run();
}
