/**
 * The cagnotte solidaire of a pôle: donations, the goal its animation team
 * sets, and the allocations it makes to published projects of its territory.
 * No money moves through Maillon: these are declared transfers.
 */
import { and, desc, eq, gte, sql, sum } from "drizzle-orm";
import {
  cagnotteAllocations,
  cagnotteDonations,
  cagnotteGoals,
  projects,
  territories,
  territoryCommunes,
} from "#db/schema";
import { writeTransaction, type Db, type Reader } from "~/utils/db.server";
import { formatEuros } from "~/domain/format";
import { fail, type Outcome } from "./outcome";
import { isStaffOf } from "~/domain/permissions";
import { getActor } from "./user.server";
import { checkContributionFits } from "~/domain/funding";
import { fundingTotals } from "./funding-progress.server";
import { noticeIfGoalReached } from "./funding-notices.server";

export type DonationInput = { amountCents: number; donorName: string | null; message: string };

export function donate(db: Db, territoryId: number, userId: number | null, input: DonationInput, now: Date): Outcome {
  db.insert(cagnotteDonations)
    .values({ territoryId, userId, amountCents: input.amountCents, donorName: input.donorName, message: input.message, createdAt: now })
    .run();
  return { ok: true };
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
    if (!isStaffOf(getActor(tx, allocatedBy), territoryId)) return fail(403, "Seule l'équipe d'animation du pôle attribue la cagnotte.");
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
    const fits = checkContributionFits(input.amountCents, fundingTotals(tx, input.projectId), "cagnotte");
    if (!fits.ok) return fail(400, fits.message, fits.reason === "above-remaining" ? "amount" : "projectId");
    tx.insert(cagnotteAllocations).values({ territoryId, allocatedBy, createdAt: now, ...input }).run();
    noticeIfGoalReached(tx, input.projectId, input.amountCents, now);
    return { ok: true };
  });
}

export type GoalInput = { label: string; targetCents: number };

export function setGoal(db: Db, territoryId: number, userId: number, input: GoalInput, now: Date): Outcome {
  return writeTransaction(db, (tx): Outcome => {
    if (!isStaffOf(getActor(tx, userId), territoryId)) return fail(403, "Seule l'équipe d'animation du pôle fixe l'objectif.");
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

