/**
 * Direct pledges: an épargnant promises money to a published project, and may
 * cancel it. No money moves through Maillon: a pledge is a commitment.
 */
import { and, desc, eq } from "drizzle-orm";
import { pledges, projects, users } from "#db/schema";
import type { FundingKind } from "~/domain/vocabulary";
import { writeTransaction, type Db, type Reader, type Writer } from "~/utils/db.server";
import { fail, type Outcome } from "./outcome";
import { hasRole } from "~/domain/permissions";
import { getActor, getUserById } from "./user.server";
import { checkContributionFits } from "~/domain/funding";
import { fundingTotals } from "./funding-progress.server";
import { noticeIfGoalReached } from "./funding-notices.server";
import { formatEuros } from "~/domain/format";
import { notify } from "./notification.server";
import { poleNameOfCommune } from "./territory.server";

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
    noticePledgeToHolder(tx, { project, saverId: userId, amountCents: input.amountCents, message: input.message }, now);
    noticeIfGoalReached(tx, projectId, input.amountCents, now);
    return { ok: true, pledgeId: row.id };
  });
}

/**
 * The holder hears of a new pledge at once, with the saver's name and address: no money moves
 * through Maillon, so the holder is the one who contacts the saver for the transfer.
 */
function noticePledgeToHolder(
  tx: Writer,
  p: { project: { id: number; title: string; ownerId: number; communeCode: string }; saverId: number; amountCents: number; message: string },
  now: Date,
): void {
  const saver = getUserById(tx, p.saverId);
  if (!saver) return;
  const paragraphs = [`Contactez cette personne pour le virement : ${saver.email}.`];
  if (p.message.trim()) paragraphs.push(`Son message : « ${p.message.trim()} »`);
  notify(
    tx,
    {
      userId: p.project.ownerId,
      kind: "promesse-recue",
      title: `${saver.displayName} promet ${formatEuros(p.amountCents)} à « ${p.project.title} »`,
      body: paragraphs.join("\n\n"),
      link: `/projets/${p.project.id}/financement#promesses`,
      linkLabel: "Voir les promesses",
      group: { key: `projet:${p.project.id}`, label: p.project.title },
      poleName: poleNameOfCommune(tx, p.project.communeCode),
      reason: "vous portez ce projet",
    },
    now,
  );
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

export type ProjectPledge = {
  id: number;
  saverName: string;
  saverEmail: string;
  amountCents: number;
  kind: FundingKind;
  message: string;
  createdAt: Date;
};

/**
 * The active pledges on a project, newest first, with each saver's name and address: for the
 * holder's funding page only (the public project page shows totals, never savers' addresses).
 */
export function listProjectPledges(q: Reader, projectId: number): ProjectPledge[] {
  return q
    .select({
      id: pledges.id,
      saverName: users.displayName,
      saverEmail: users.email,
      amountCents: pledges.amountCents,
      kind: pledges.kind,
      message: pledges.message,
      createdAt: pledges.createdAt,
    })
    .from(pledges)
    .innerJoin(users, eq(users.id, pledges.userId))
    .where(and(eq(pledges.projectId, projectId), eq(pledges.status, "actif")))
    .orderBy(desc(pledges.createdAt), desc(pledges.id))
    .all();
}
