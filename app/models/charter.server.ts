/**
 * A pôle's charter, versioned: the highest version is in force. Joining the pôle means accepting
 * it (app/models/pole-member.server.ts); each acceptance is stored per version, so a new version
 * asks every member again.
 */
import { and, desc, eq, max, sql } from "drizzle-orm";
import { charterAcceptances, charterVersions, poleMembers, territories } from "#db/schema";
import { nextCharterVersion } from "~/domain/pole-membership";
import { isStaffOf, type Actor } from "~/domain/permissions";
import { writeTransaction, type Db, type Reader, type Writer } from "~/utils/db.server";
import { fail, type Outcome } from "./outcome";

export type Charter = { id: number; version: number; body: string; changeNote: string; publishedAt: Date };

export function currentCharter(q: Reader, territoryId: number): Charter | undefined {
  return q
    .select({
      id: charterVersions.id,
      version: charterVersions.version,
      body: charterVersions.body,
      changeNote: charterVersions.changeNote,
      publishedAt: charterVersions.publishedAt,
    })
    .from(charterVersions)
    .where(eq(charterVersions.territoryId, territoryId))
    .orderBy(desc(charterVersions.version))
    .limit(1)
    .get();
}

/** Every version, newest first, with how many people accepted each. */
export function charterHistory(q: Reader, territoryId: number) {
  return q
    .select({
      version: charterVersions.version,
      changeNote: charterVersions.changeNote,
      publishedAt: charterVersions.publishedAt,
      acceptances: sql<number>`(select count(*) from ${charterAcceptances} where ${charterAcceptances.charterVersionId} = ${charterVersions.id})`,
    })
    .from(charterVersions)
    .where(eq(charterVersions.territoryId, territoryId))
    .orderBy(desc(charterVersions.version))
    .all();
}

/** The highest version of this pôle's charter the person accepted. */
export function acceptedVersion(q: Reader, territoryId: number, userId: number): number | null {
  const row = q
    .select({ version: max(charterVersions.version) })
    .from(charterAcceptances)
    .innerJoin(charterVersions, eq(charterVersions.id, charterAcceptances.charterVersionId))
    .where(and(eq(charterVersions.territoryId, territoryId), eq(charterAcceptances.userId, userId)))
    .get();
  return row?.version ?? null;
}

/**
 * Records that the person accepts the version in force, which must be the one they read: a version
 * published meanwhile is refused, so nobody accepts a text they have not seen.
 */
export function recordAcceptance(tx: Writer, territoryId: number, userId: number, readVersion: number, now: Date): Outcome {
  const current = currentCharter(tx, territoryId);
  if (!current) return { ok: true };
  if (current.version !== readVersion) {
    return fail(409, `La charte a changé pendant votre lecture : lisez la version ${current.version} ci-dessous, puis acceptez-la.`, "accept");
  }
  tx.insert(charterAcceptances).values({ charterVersionId: current.id, userId, acceptedAt: now }).onConflictDoNothing().run();
  return { ok: true };
}

/** The animation team publishes a new version, which every member is then asked to accept. */
export function publishCharter(
  db: Db,
  actor: Actor,
  territoryId: number,
  input: { body: string; changeNote: string },
  now: Date,
): Outcome<{ version: number }> {
  if (!isStaffOf(actor, territoryId)) return fail(403, "Seule l'équipe d'animation du pôle publie sa charte.");
  return writeTransaction(db, (tx) => {
    const version = nextCharterVersion(currentCharter(tx, territoryId)?.version ?? null);
    tx.insert(charterVersions)
      .values({ territoryId, version, body: input.body, changeNote: input.changeNote, publishedAt: now, publishedBy: actor.userId })
      .run();
    return { ok: true, version };
  });
}

export type PendingCharter = { slug: string; name: string; version: number };

/** The pôles this member has joined whose charter in force they have not accepted yet. */
export function pendingCharters(q: Reader, userId: number): PendingCharter[] {
  const latest = q
    .select({ territoryId: charterVersions.territoryId, version: max(charterVersions.version).as("latest_version") })
    .from(charterVersions)
    .groupBy(charterVersions.territoryId)
    .as("latest");
  return q
    .select({ slug: territories.slug, name: territories.name, version: sql<number>`${latest.version}` })
    .from(poleMembers)
    .innerJoin(territories, eq(territories.id, poleMembers.territoryId))
    .innerJoin(latest, eq(latest.territoryId, poleMembers.territoryId))
    .where(
      and(
        eq(poleMembers.userId, userId),
        sql`not exists (select 1 from ${charterAcceptances} a join ${charterVersions} v on v.id = a.charter_version_id
            where a.user_id = ${userId} and v.territory_id = ${poleMembers.territoryId} and v.version = ${latest.version})`,
      ),
    )
    .all();
}
