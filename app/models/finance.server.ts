/**
 * Direct pledges, the cagnotte solidaire, tontines and a project's funding
 * progress — the only place that reads or writes these tables. No money moves
 * through Maillon: these are commitments and declared transfers.
 */
import { and, asc, desc, eq, gte, inArray, max, sql, sum } from "drizzle-orm";
import {
  cagnotteAllocations,
  cagnotteDonations,
  cagnotteGoals,
  clubAccompanyingMembers,
  clubCommitments,
  clubs,
  pledges,
  projectFundingNeeds,
  projects,
  territories,
  territoryCommunes,
  territoryStaff,
  tontineMembers,
  tontines,
  userRoles,
  users,
} from "#db/schema";
import type { FundingKind, Instrument } from "~/domain/vocabulary";
import { MAX_TONTINE_MEMBERS, tontineSchedule, type TontineTurn } from "~/domain/clubs/tontine";
import { writeTransaction, type Db, type Reader } from "~/utils/db.server";
import { formatEuros } from "~/domain/format";
import { listMyClubs } from "./club.server";
import { fail, type Outcome } from "./outcome";

function hasAnyRole(q: Reader, userId: number, roles: ("epargnant" | "admin" | "animateur")[]): boolean {
  return !!q
    .select({ role: userRoles.role })
    .from(userRoles)
    .where(and(eq(userRoles.userId, userId), inArray(userRoles.role, roles)))
    .get();
}

/* ---------------------------------------------------------------- pledges */

export type PledgeInput = { amountCents: number; kind: FundingKind; message: string };

/** An épargnant pledges to a published project that is not theirs. */
export function createPledge(db: Db, userId: number, projectId: number, input: PledgeInput, now: Date): Outcome<{ pledgeId: number }> {
  return writeTransaction(db, (tx): Outcome<{ pledgeId: number }> => {
    const project = tx.select().from(projects).where(eq(projects.id, projectId)).get();
    if (!project || project.status !== "publie") return fail(404, "Projet introuvable ou non publié.");
    if (project.ownerId === userId) return fail(403, "Vous ne pouvez pas soutenir votre propre projet.");
    if (!hasAnyRole(tx, userId, ["epargnant", "admin"])) {
      return fail(403, "Le soutien direct est réservé aux épargnants : ajoutez ce rôle dans votre compte.");
    }
    const row = tx
      .insert(pledges)
      .values({ projectId, userId, amountCents: input.amountCents, kind: input.kind, message: input.message, createdAt: now })
      .returning({ id: pledges.id })
      .get();
    return { ok: true, pledgeId: row.id };
  });
}

export function cancelPledge(db: Db, pledgeId: number, userId: number, now: Date): Outcome {
  return writeTransaction(db, (tx): Outcome => {
    const pledge = tx.select().from(pledges).where(eq(pledges.id, pledgeId)).get();
    if (!pledge || pledge.userId !== userId) return fail(404, "Promesse introuvable.");
    if (pledge.status !== "actif") return fail(409, "Cette promesse est déjà annulée.");
    tx.update(pledges).set({ status: "annule", cancelledAt: now }).where(eq(pledges.id, pledgeId)).run();
    return { ok: true };
  });
}

export type MyPledge = {
  id: number;
  projectId: number;
  projectTitle: string;
  amountCents: number;
  kind: FundingKind;
  status: "actif" | "annule";
  createdAt: Date;
};

export function listMyPledges(db: Db, userId: number): MyPledge[] {
  return db
    .select({
      id: pledges.id,
      projectId: pledges.projectId,
      projectTitle: projects.title,
      amountCents: pledges.amountCents,
      kind: pledges.kind,
      status: pledges.status,
      createdAt: pledges.createdAt,
    })
    .from(pledges)
    .innerJoin(projects, eq(projects.id, pledges.projectId))
    .where(eq(pledges.userId, userId))
    .orderBy(desc(pledges.createdAt), desc(pledges.id))
    .all();
}

/* ------------------------------------------------------- funding progress */

export type FundingProgress = {
  needCents: number | null;
  needKind: FundingKind | null;
  clubs: { clubId: number; clubName: string; amountCents: number; instruments: Instrument[] }[];
  clubsCents: number;
  pledgesCents: number;
  pledgeCount: number;
  cagnotteCents: number;
  totalCents: number;
  accompanying: { displayName: string; clubName: string }[];
};

/** What clubs, direct savers and the cagnotte have committed to the project, against its need. */
export function getProjectFundingProgress(db: Db, projectId: number): FundingProgress {
  const need = db.select().from(projectFundingNeeds).where(eq(projectFundingNeeds.projectId, projectId)).get();
  const commitments = db
    .select({ clubId: clubs.id, clubName: clubs.name, amountCents: clubCommitments.amountCents, instrument: clubCommitments.instrument })
    .from(clubCommitments)
    .innerJoin(clubs, eq(clubs.id, clubCommitments.clubId))
    .where(eq(clubCommitments.projectId, projectId))
    .orderBy(asc(clubCommitments.committedAt))
    .all();
  const byClub = new Map<number, FundingProgress["clubs"][number]>();
  for (const c of commitments) {
    const entry = byClub.get(c.clubId) ?? { clubId: c.clubId, clubName: c.clubName, amountCents: 0, instruments: [] };
    entry.amountCents += c.amountCents;
    if (!entry.instruments.includes(c.instrument)) entry.instruments.push(c.instrument);
    byClub.set(c.clubId, entry);
  }
  const pledged = db
    .select({ total: sum(pledges.amountCents), n: sql<number>`count(*)` })
    .from(pledges)
    .where(and(eq(pledges.projectId, projectId), eq(pledges.status, "actif")))
    .get();
  const allocated = db
    .select({ total: sum(cagnotteAllocations.amountCents) })
    .from(cagnotteAllocations)
    .where(eq(cagnotteAllocations.projectId, projectId))
    .get();
  const accompanying = db
    .select({ displayName: users.displayName, clubName: clubs.name })
    .from(clubAccompanyingMembers)
    .innerJoin(users, eq(users.id, clubAccompanyingMembers.userId))
    .innerJoin(clubs, eq(clubs.id, clubAccompanyingMembers.clubId))
    .where(eq(clubAccompanyingMembers.projectId, projectId))
    .orderBy(asc(clubs.name), asc(users.displayName))
    .all();
  const clubsCents = commitments.reduce((s, c) => s + c.amountCents, 0);
  const pledgesCents = Number(pledged?.total ?? 0);
  const cagnotteCents = Number(allocated?.total ?? 0);
  return {
    needCents: need?.amountCents ?? null,
    needKind: need?.kind ?? null,
    clubs: [...byClub.values()],
    clubsCents,
    pledgesCents,
    pledgeCount: pledged?.n ?? 0,
    cagnotteCents,
    totalCents: clubsCents + pledgesCents + cagnotteCents,
    accompanying,
  };
}

/* --------------------------------------------------------------- cagnotte */

export type DonationInput = { amountCents: number; donorName: string | null; message: string };

export function donate(db: Db, territoryId: number, userId: number | null, input: DonationInput, now: Date): Outcome {
  db.insert(cagnotteDonations)
    .values({ territoryId, userId, amountCents: input.amountCents, donorName: input.donorName, message: input.message, createdAt: now })
    .run();
  return { ok: true };
}

function isStaffOf(q: Reader, territoryId: number, userId: number): boolean {
  if (hasAnyRole(q, userId, ["admin"])) return true;
  return !!q
    .select({ userId: territoryStaff.userId })
    .from(territoryStaff)
    .where(and(eq(territoryStaff.territoryId, territoryId), eq(territoryStaff.userId, userId)))
    .get();
}

function cagnotteAvailable(q: Reader, territoryId: number): number {
  const given = q.select({ t: sum(cagnotteDonations.amountCents) }).from(cagnotteDonations).where(eq(cagnotteDonations.territoryId, territoryId)).get();
  const spent = q.select({ t: sum(cagnotteAllocations.amountCents) }).from(cagnotteAllocations).where(eq(cagnotteAllocations.territoryId, territoryId)).get();
  return Number(given?.t ?? 0) - Number(spent?.t ?? 0);
}

export type AllocationInput = { projectId: number; amountCents: number; note: string };

/** The pôle's animation team gives part of the cagnotte to a published project of its territory. */
export function allocate(db: Db, territoryId: number, allocatedBy: number, input: AllocationInput, now: Date): Outcome {
  return writeTransaction(db, (tx): Outcome => {
    if (!isStaffOf(tx, territoryId, allocatedBy)) return fail(403, "Seule l'équipe d'animation du pôle attribue la cagnotte.");
    const project = tx
      .select({ id: projects.id })
      .from(projects)
      .innerJoin(territoryCommunes, eq(territoryCommunes.communeCode, projects.communeCode))
      .where(and(eq(projects.id, input.projectId), eq(projects.status, "publie"), eq(territoryCommunes.territoryId, territoryId)))
      .get();
    if (!project) return fail(400, "Choisissez un projet publié du territoire.", "projectId");
    const available = cagnotteAvailable(tx, territoryId);
    if (input.amountCents > available) {
      return fail(400, `La cagnotte ne contient que ${formatEuros(available)} à attribuer.`, "amount");
    }
    tx.insert(cagnotteAllocations).values({ territoryId, allocatedBy, createdAt: now, ...input }).run();
    return { ok: true };
  });
}

export type GoalInput = { label: string; targetCents: number };

export function setGoal(db: Db, territoryId: number, userId: number, input: GoalInput, now: Date): Outcome {
  return writeTransaction(db, (tx): Outcome => {
    if (!isStaffOf(tx, territoryId, userId)) return fail(403, "Seule l'équipe d'animation du pôle fixe l'objectif.");
    tx.insert(cagnotteGoals).values({ territoryId, createdBy: userId, createdAt: now, ...input }).run();
    return { ok: true };
  });
}

export type CagnotteView = {
  donatedCents: number;
  allocatedCents: number;
  availableCents: number;
  donorCount: number;
  goal: { label: string; targetCents: number; collectedCents: number; since: Date } | null;
  donations: { id: number; amountCents: number; donorName: string | null; message: string; createdAt: Date }[];
  allocations: { id: number; projectId: number; projectTitle: string; amountCents: number; note: string; createdAt: Date }[];
};

export function getCagnotte(db: Db, territoryId: number): CagnotteView {
  const given = db
    .select({ t: sum(cagnotteDonations.amountCents), n: sql<number>`count(*)` })
    .from(cagnotteDonations)
    .where(eq(cagnotteDonations.territoryId, territoryId))
    .get();
  const donatedCents = Number(given?.t ?? 0);
  const allocations = db
    .select({
      id: cagnotteAllocations.id,
      projectId: cagnotteAllocations.projectId,
      projectTitle: projects.title,
      amountCents: cagnotteAllocations.amountCents,
      note: cagnotteAllocations.note,
      createdAt: cagnotteAllocations.createdAt,
    })
    .from(cagnotteAllocations)
    .innerJoin(projects, eq(projects.id, cagnotteAllocations.projectId))
    .where(eq(cagnotteAllocations.territoryId, territoryId))
    .orderBy(desc(cagnotteAllocations.createdAt), desc(cagnotteAllocations.id))
    .all();
  const allocatedCents = allocations.reduce((s, a) => s + a.amountCents, 0);
  const goalRow = db
    .select()
    .from(cagnotteGoals)
    .where(eq(cagnotteGoals.territoryId, territoryId))
    .orderBy(desc(cagnotteGoals.createdAt), desc(cagnotteGoals.id))
    .limit(1)
    .get();
  const collected = goalRow
    ? Number(
        db
          .select({ t: sum(cagnotteDonations.amountCents) })
          .from(cagnotteDonations)
          .where(and(eq(cagnotteDonations.territoryId, territoryId), gte(cagnotteDonations.createdAt, goalRow.createdAt)))
          .get()?.t ?? 0,
      )
    : 0;
  const donations = db
    .select({
      id: cagnotteDonations.id,
      amountCents: cagnotteDonations.amountCents,
      donorName: cagnotteDonations.donorName,
      message: cagnotteDonations.message,
      createdAt: cagnotteDonations.createdAt,
    })
    .from(cagnotteDonations)
    .where(eq(cagnotteDonations.territoryId, territoryId))
    .orderBy(desc(cagnotteDonations.createdAt), desc(cagnotteDonations.id))
    .limit(20)
    .all();
  return {
    donatedCents,
    allocatedCents,
    availableCents: donatedCents - allocatedCents,
    donorCount: given?.n ?? 0,
    goal: goalRow
      ? { label: goalRow.label, targetCents: goalRow.targetCents, collectedCents: collected, since: goalRow.createdAt }
      : null,
    donations,
    allocations,
  };
}

export function listMyDonations(db: Db, userId: number) {
  return db
    .select({
      id: cagnotteDonations.id,
      amountCents: cagnotteDonations.amountCents,
      territoryName: territories.name,
      territorySlug: territories.slug,
      anonymous: sql<boolean>`${cagnotteDonations.donorName} is null`,
      createdAt: cagnotteDonations.createdAt,
    })
    .from(cagnotteDonations)
    .innerJoin(territories, eq(territories.id, cagnotteDonations.territoryId))
    .where(eq(cagnotteDonations.userId, userId))
    .orderBy(desc(cagnotteDonations.createdAt))
    .all();
}

/* --------------------------------------------------------------- tontines */

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

/* ------------------------------------------------------------ Mon espace */

/** The saver's part of « Mon espace »: clubs, pledges, tontines, donations. */
export function getSaverSpace(db: Db, userId: number, now = new Date()) {
  return {
    clubs: listMyClubs(db, userId, now),
    pledges: listMyPledges(db, userId),
    tontines: listMyTontines(db, userId),
    donations: listMyDonations(db, userId),
  };
}
export type SaverSpace = ReturnType<typeof getSaverSpace>;
