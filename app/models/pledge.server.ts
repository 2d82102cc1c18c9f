/**
 * Direct pledges: an épargnant promises money to a published project, and may
 * cancel it. No money moves through Maillon: a pledge is a commitment.
 */
import { desc, eq } from "drizzle-orm";
import { pledges, projects } from "#db/schema";
import type { FundingKind } from "~/domain/vocabulary";
import { writeTransaction, type Db } from "~/utils/db.server";
import { fail, type Outcome } from "./outcome";
import { hasRole } from "~/domain/permissions";
import { getActor } from "./user.server";
import { checkContributionFits } from "~/domain/funding";
import { fundingTotals } from "./funding-progress.server";
import { noticeIfGoalReached } from "./funding-notices.server";

export type PledgeInput = { amountCents: number; kind: FundingKind; message: string };

/** An épargnant pledges to a published project that is not theirs. */
export function createPledge(db: Db, userId: number, projectId: number, input: PledgeInput, now: Date): Outcome<{ pledgeId: number }> {
  return writeTransaction(db, (tx): Outcome<{ pledgeId: number }> => {
    const project = tx.select().from(projects).where(eq(projects.id, projectId)).get();
    if (!project || project.status !== "publie") return fail(404, "Projet introuvable ou non publié.");
    if (project.ownerId === userId) return fail(403, "Vous ne pouvez pas soutenir votre propre projet.");
    if (!hasRole(getActor(tx, userId), "epargnant")) {
      return fail(403, "Le soutien direct est réservé aux épargnants : ajoutez ce rôle dans votre compte.");
    }
    const fits = checkContributionFits(input.amountCents, fundingTotals(tx, projectId), "pledge");
    if (!fits.ok) return fits.reason === "above-remaining" ? fail(400, fits.message, "amount") : fail(409, fits.message);
    const row = tx
      .insert(pledges)
      .values({ projectId, userId, amountCents: input.amountCents, kind: input.kind, message: input.message, createdAt: now })
      .returning({ id: pledges.id })
      .get();
    noticeIfGoalReached(tx, projectId, input.amountCents, now);
    return { ok: true, pledgeId: row.id };
  });
}

/** The saver cancels their own pledge on `projectId` (a pledge on another project is not found). */
export function cancelPledge(db: Db, ref: { pledgeId: number; projectId: number }, userId: number, now: Date): Outcome {
  const { pledgeId, projectId } = ref;
  return writeTransaction(db, (tx): Outcome => {
    const pledge = tx.select().from(pledges).where(eq(pledges.id, pledgeId)).get();
    if (!pledge || pledge.projectId !== projectId || pledge.userId !== userId) return fail(404, "Promesse introuvable.");
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

