/**
 * A club's deal flow: the projects it follows from « repéré » to « étudié »,
 * « vote », « engagé » or « refusé », and the members who accompany the
 * companies it committed to.
 * Every state change reads and writes inside one IMMEDIATE transaction, after
 * asking the rules of app/domain/clubs/ (the matcher sees every write by itself:
 * see app/models/matching-store.server.ts).
 */
import { and, desc, eq } from "drizzle-orm";
import { clubAccompanyingMembers, clubCommitments, clubDeals, clubVotes, projectFundingNeeds, projects } from "#db/schema";
import type { DealStage, VoteOutcome } from "~/domain/vocabulary";
import { writeTransaction, type Db, type Reader } from "~/utils/db.server";
import { fail, type Outcome } from "./outcome";
import { getMembership } from "./club.server";

export type DealView = {
  id: number;
  projectId: number;
  projectTitle: string;
  projectStatus: string;
  stage: DealStage;
  notes: string;
  needCents: number | null;
  updatedAt: Date;
  openVoteId: number | null;
  lastVote: { id: number; outcome: VoteOutcome | null; outcomeNote: string } | null;
};

export function listDeals(db: Db, clubId: number): DealView[] {
  const deals = db
    .select({
      id: clubDeals.id,
      projectId: clubDeals.projectId,
      projectTitle: projects.title,
      projectStatus: projects.status,
      stage: clubDeals.stage,
      notes: clubDeals.notes,
      needCents: projectFundingNeeds.amountCents,
      updatedAt: clubDeals.updatedAt,
    })
    .from(clubDeals)
    .innerJoin(projects, eq(projects.id, clubDeals.projectId))
    .leftJoin(projectFundingNeeds, eq(projectFundingNeeds.projectId, clubDeals.projectId))
    .where(eq(clubDeals.clubId, clubId))
    .orderBy(desc(clubDeals.updatedAt))
    .all();
  const votes = db
    .select({ id: clubVotes.id, dealId: clubVotes.dealId, status: clubVotes.status, outcome: clubVotes.outcome, outcomeNote: clubVotes.outcomeNote })
    .from(clubVotes)
    .where(eq(clubVotes.clubId, clubId))
    .orderBy(desc(clubVotes.id))
    .all();
  return deals.map((d) => {
    const mine = votes.filter((v) => v.dealId === d.id);
    const open = mine.find((v) => v.status === "ouvert");
    const last = mine[0];
    return {
      ...d,
      openVoteId: open?.id ?? null,
      lastVote: last ? { id: last.id, outcome: last.outcome, outcomeNote: last.outcomeNote } : null,
    };
  });
}

export function publishedProject(q: Reader, projectId: number) {
  return q.select().from(projects).where(and(eq(projects.id, projectId), eq(projects.status, "publie"))).get();
}

/** A member spots a published project: it enters the pipeline as « repéré ». */
export function followProject(db: Db, clubId: number, projectId: number, now: Date): Outcome<{ dealId: number }> {
  return writeTransaction(db, (tx): Outcome<{ dealId: number }> => {
    if (!publishedProject(tx, projectId)) return fail(404, "Projet introuvable ou non publié.");
    const existing = tx
      .select({ id: clubDeals.id })
      .from(clubDeals)
      .where(and(eq(clubDeals.clubId, clubId), eq(clubDeals.projectId, projectId)))
      .get();
    if (existing) return { ok: true, dealId: existing.id };
    const deal = tx
      .insert(clubDeals)
      .values({ clubId, projectId, stage: "repere", createdAt: now, updatedAt: now })
      .returning({ id: clubDeals.id })
      .get();
    return { ok: true, dealId: deal.id };
  });
}

export function dealOfClub(q: Reader, clubId: number, dealId: number) {
  return q
    .select()
    .from(clubDeals)
    .where(and(eq(clubDeals.id, dealId), eq(clubDeals.clubId, clubId)))
    .get();
}

/** Notes taken while studying the project; a « repéré » deal becomes « étudié ». */
export function studyDeal(db: Db, clubId: number, dealId: number, notes: string, now: Date): Outcome {
  return writeTransaction(db, (tx): Outcome => {
    const deal = dealOfClub(tx, clubId, dealId);
    if (!deal) return fail(404, "Ce projet n'est pas suivi par le club.");
    if (deal.stage !== "repere" && deal.stage !== "etudie") {
      return fail(409, "Ce projet a dépassé l'étape de l'étude.");
    }
    tx.update(clubDeals).set({ stage: "etudie", notes, updatedAt: now }).where(eq(clubDeals.id, dealId)).run();
    return { ok: true };
  });
}

/** The club decides not to go further (without a vote). */
export function dropDeal(db: Db, clubId: number, dealId: number, now: Date): Outcome {
  return writeTransaction(db, (tx): Outcome => {
    const deal = dealOfClub(tx, clubId, dealId);
    if (!deal) return fail(404, "Ce projet n'est pas suivi par le club.");
    if (deal.stage === "vote" || deal.stage === "engage") return fail(409, "Ce projet est au vote ou déjà engagé.");
    tx.update(clubDeals).set({ stage: "refuse", updatedAt: now }).where(eq(clubDeals.id, dealId)).run();
    return { ok: true };
  });
}

/* --------------------------------------------------- accompanying members */

/** The 1–2 members who follow a company the club committed to. */
export function setAccompanyingMembers(db: Db, clubId: number, projectId: number, userIds: number[], now: Date): Outcome {
  const ids = [...new Set(userIds)];
  if (ids.length < 1 || ids.length > 2) return fail(400, "Choisissez un ou deux membres pour suivre l'entreprise.", "userIds");
  return writeTransaction(db, (tx): Outcome => {
    const committed = tx
      .select({ id: clubCommitments.id })
      .from(clubCommitments)
      .where(and(eq(clubCommitments.clubId, clubId), eq(clubCommitments.projectId, projectId)))
      .get();
    if (!committed) return fail(404, "Le club n'est pas engagé dans ce projet.");
    for (const userId of ids) {
      if (getMembership(tx, clubId, userId)?.status !== "actif") {
        return fail(400, "Les membres accompagnateurs sont choisis parmi les membres actifs du club.", "userIds");
      }
    }
    tx.delete(clubAccompanyingMembers)
      .where(and(eq(clubAccompanyingMembers.clubId, clubId), eq(clubAccompanyingMembers.projectId, projectId)))
      .run();
    tx.insert(clubAccompanyingMembers).values(ids.map((userId) => ({ clubId, projectId, userId, createdAt: now }))).run();
    return { ok: true };
  });
}

