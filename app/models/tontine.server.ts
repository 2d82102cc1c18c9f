/**
 * Tontines: savings circles whose members each receive the pot in turn.
 */
import { asc, eq, max, sql } from "drizzle-orm";
import { territories, tontineMembers, tontines, users } from "#db/schema";
import { MAX_TONTINE_MEMBERS, tontineSchedule, type TontineTurn } from "~/domain/clubs/tontine";
import { writeTransaction, type Db } from "~/utils/db.server";
import { fail, type Outcome } from "./outcome";

export type TontineInput = { territoryId: number; name: string; description: string; contributionCents: number; startsOn: string };

/** Creates the circle; its creator takes the first turn. */
export function createTontine(db: Db, creatorId: number, input: TontineInput, now: Date): number {
  return writeTransaction(db, (tx) => {
    const row = tx.insert(tontines).values({ ...input, createdBy: creatorId, createdAt: now }).returning({ id: tontines.id }).get();
    tx.insert(tontineMembers).values({ tontineId: row.id, userId: creatorId, turn: 1, joinedAt: now }).run();
    return row.id;
  });
}

/** Joins at the end of the order of turns, while the circle has room and has not started. */
export function joinTontine(db: Db, tontineId: number, userId: number, now: Date): Outcome {
  return writeTransaction(db, (tx): Outcome => {
    const tontine = tx.select().from(tontines).where(eq(tontines.id, tontineId)).get();
    if (!tontine) return fail(404, "Tontine introuvable.");
    const members = tx.select({ userId: tontineMembers.userId }).from(tontineMembers).where(eq(tontineMembers.tontineId, tontineId)).all();
    if (members.some((m) => m.userId === userId)) return fail(409, "Vous faites déjà partie de cette tontine.");
    if (members.length >= MAX_TONTINE_MEMBERS) return fail(409, `Une tontine compte au plus ${MAX_TONTINE_MEMBERS} membres.`);
    const last = tx.select({ turn: max(tontineMembers.turn) }).from(tontineMembers).where(eq(tontineMembers.tontineId, tontineId)).get();
    tx.insert(tontineMembers).values({ tontineId, userId, turn: (last?.turn ?? 0) + 1, joinedAt: now }).run();
    return { ok: true };
  });
}

export type TontineListItem = {
  id: number;
  name: string;
  territoryName: string;
  contributionCents: number;
  startsOn: string;
  memberCount: number;
  isMember: boolean;
};

export function listTontines(db: Db, viewerId: number): TontineListItem[] {
  return db
    .select({
      id: tontines.id,
      name: tontines.name,
      territoryName: territories.name,
      contributionCents: tontines.contributionCents,
      startsOn: tontines.startsOn,
      memberCount: sql<number>`(select count(*) from ${tontineMembers} where ${tontineMembers.tontineId} = ${tontines.id})`,
      isMember: sql<boolean>`exists (select 1 from ${tontineMembers} where ${tontineMembers.tontineId} = ${tontines.id} and ${tontineMembers.userId} = ${viewerId})`,
    })
    .from(tontines)
    .innerJoin(territories, eq(territories.id, tontines.territoryId))
    .orderBy(asc(tontines.name))
    .all()
    .map((t) => ({ ...t, isMember: Boolean(t.isMember) }));
}

export type TontineDetail = {
  id: number;
  name: string;
  description: string;
  territoryName: string;
  contributionCents: number;
  startsOn: string;
  schedule: (TontineTurn & { displayName: string })[];
  isMember: boolean;
};

export function getTontine(db: Db, tontineId: number, viewerId: number, now: Date): TontineDetail | undefined {
  const row = db
    .select({ tontine: tontines, territoryName: territories.name })
    .from(tontines)
    .innerJoin(territories, eq(territories.id, tontines.territoryId))
    .where(eq(tontines.id, tontineId))
    .get();
  if (!row) return undefined;
  const members = db
    .select({ userId: tontineMembers.userId, turn: tontineMembers.turn, displayName: users.displayName })
    .from(tontineMembers)
    .innerJoin(users, eq(users.id, tontineMembers.userId))
    .where(eq(tontineMembers.tontineId, tontineId))
    .all();
  const names = new Map(members.map((m) => [m.userId, m.displayName]));
  const { tontine } = row;
  return {
    id: tontine.id,
    name: tontine.name,
    description: tontine.description,
    territoryName: row.territoryName,
    contributionCents: tontine.contributionCents,
    startsOn: tontine.startsOn,
    schedule: tontineSchedule(tontine, members, now).map((t) => ({ ...t, displayName: names.get(t.userId) ?? "" })),
    isMember: names.has(viewerId),
  };
}

export function listMyTontines(db: Db, userId: number) {
  return listTontines(db, userId).filter((t) => t.isMember);
}

