/**
 * Members of a pôle: people who joined it, accepting its charter. Living in a pôle's
 * perimeter does not make a member; a member sees what the pôle shares with its members only
 * (a holder's contact details, internal decisions) and may join its working groups.
 */
import { and, asc, count, eq, inArray } from "drizzle-orm";
import { poleMembers, territoryCommunes, userRoles, users, workingGroupMembers, workingGroups } from "#db/schema";
import { charterStanding, type CharterStanding } from "~/domain/pole-membership";
import type { Role } from "~/domain/vocabulary";
import { inFrenchOrder, writeTransaction, type Db, type Reader, type Writer } from "~/utils/db.server";
import { acceptedVersion, currentCharter, recordAcceptance } from "./charter.server";
import { notifyAll } from "./notification.server";
import { animationTeamIds } from "./territory.server";
import { fail, type Outcome } from "./outcome";

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

/** Records the membership (idempotent), without any charter: for the demo seed and for pôles without one. */
export function addPoleMember(tx: Writer, territoryId: number, userId: number, now: Date): void {
  tx.insert(poleMembers).values({ territoryId, userId, joinedAt: now }).onConflictDoNothing().run();
}

/** People whose commune lies in the pôle's perimeter (who may join it, not members yet). */
export function residentIds(q: Reader, territoryId: number): number[] {
  return q
    .select({ id: users.id })
    .from(users)
    .innerJoin(territoryCommunes, and(eq(territoryCommunes.communeCode, users.communeCode), eq(territoryCommunes.territoryId, territoryId)))
    .orderBy(asc(users.id))
    .all()
    .map((u) => u.id);
}

/** Members of the pôle by name, e.g. to choose a working group's coordinator. */
export function listPoleMembers(q: Reader, territoryId: number, options: { role?: Role } = {}): { id: number; displayName: string }[] {
  const query = q.select({ id: users.id, displayName: users.displayName }).from(poleMembers).innerJoin(users, eq(users.id, poleMembers.userId));
  const withRole = options.role ? query.innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, options.role))) : query;
  return withRole.where(eq(poleMembers.territoryId, territoryId)).orderBy(inFrenchOrder(users.displayName)).all();
}

/** Whether the person is a member of the pôle holding `role` (a holder to hand a project to). */
export function isMemberWithRole(q: Reader, territoryId: number, userId: number, role: Role): boolean {
  return !!q
    .select({ id: poleMembers.userId })
    .from(poleMembers)
    .innerJoin(userRoles, and(eq(userRoles.userId, poleMembers.userId), eq(userRoles.role, role)))
    .where(and(eq(poleMembers.territoryId, territoryId), eq(poleMembers.userId, userId)))
    .get();
}

export function countPoleMembers(q: Reader, territoryId: number): number {
  return q.select({ n: count() }).from(poleMembers).where(eq(poleMembers.territoryId, territoryId)).get()?.n ?? 0;
}

export function charterStandingOf(q: Reader, territoryId: number, userId: number): CharterStanding {
  return charterStanding({
    currentVersion: currentCharter(q, territoryId)?.version ?? null,
    member: isMemberOfAny(q, userId, [territoryId]),
    acceptedVersion: acceptedVersion(q, territoryId, userId),
  });
}

/** Joins the pôle, accepting the version of the charter the person read (the one in force). */
export function joinPole(
  db: Db,
  pole: { id: number; name: string; slug: string },
  person: { id: number; displayName: string },
  readVersion: number | null,
  now: Date,
): Outcome {
  return writeTransaction(db, (tx) => {
    if (isMemberOfAny(tx, person.id, [pole.id])) return fail(409, "Vous êtes déjà membre de ce pôle.");
    if (currentCharter(tx, pole.id) && readVersion === null) return fail(400, "Cochez la case pour accepter la charte.", "accept");
    const accepted = readVersion === null ? { ok: true as const } : recordAcceptance(tx, pole.id, person.id, readVersion, now);
    if (!accepted.ok) return accepted;
    addPoleMember(tx, pole.id, person.id, now);
    notifyAll(
      tx,
      animationTeamIds(tx, pole.id),
      {
        kind: "vie-pole",
        title: `${person.displayName} a rejoint le ${pole.name}`,
        body: "La charte du pôle est acceptée ; cette personne peut maintenant rejoindre ses groupes de travail.",
        link: `/poles/${pole.slug}/charte`,
        linkLabel: "Voir la charte et ses membres",
        group: { key: `pole:${pole.id}`, label: pole.name },
        poleName: pole.name,
        reason: "vous faites partie de l'équipe d'animation du pôle",
      },
      now,
    );
    return { ok: true };
  });
}

/** A member accepts the new version of the charter. */
export function acceptCurrentCharter(db: Db, territoryId: number, userId: number, readVersion: number, now: Date): Outcome {
  return writeTransaction(db, (tx) => {
    if (!isMemberOfAny(tx, userId, [territoryId])) return fail(403, "Rejoignez d'abord le pôle.");
    return recordAcceptance(tx, territoryId, userId, readVersion, now);
  });
}

/** Leaves the pôle and its working groups; the charter acceptances stay as a record. */
export function leavePole(db: Db, territoryId: number, userId: number): Outcome {
  return writeTransaction(db, (tx) => {
    if (!isMemberOfAny(tx, userId, [territoryId])) return fail(409, "Vous n'êtes pas membre de ce pôle.");
    const groupIds = tx.select({ id: workingGroups.id }).from(workingGroups).where(eq(workingGroups.territoryId, territoryId));
    tx.delete(workingGroupMembers).where(and(eq(workingGroupMembers.userId, userId), inArray(workingGroupMembers.groupId, groupIds))).run();
    tx.update(workingGroups).set({ coordinatorId: null }).where(and(eq(workingGroups.territoryId, territoryId), eq(workingGroups.coordinatorId, userId))).run();
    tx.delete(poleMembers).where(and(eq(poleMembers.territoryId, territoryId), eq(poleMembers.userId, userId))).run();
    return { ok: true };
  });
}
