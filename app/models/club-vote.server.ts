/**
 * A club's votes on investing in a project: opening, ballots, closing by the
 * club's rule and quorum (by hand, with the last ballot, or once the deadline
 * has passed), the commitment an adopted vote becomes, and the vote pages.
 * Every state change reads and writes inside one IMMEDIATE transaction, after
 * asking the rules of app/domain/clubs/ (the matcher sees every write by itself:
 * see app/models/matching-store.server.ts).
 */
import { and, asc, desc, eq, lte, sum } from "drizzle-orm";
import {
  clubBallots,
  clubCommitments,
  clubDeals,
  clubLedgerEntries,
  clubVotes,
  projectFundingNeeds,
  projects,
  users,
} from "#db/schema";
import type { BallotChoice, DealStage, Instrument, VoteOutcome } from "~/domain/vocabulary";
import { checkCommitment, type CommitmentCheck } from "~/domain/clubs/commitment";
import { INSTRUMENT_LABELS } from "~/domain/clubs/labels";
import { canInvest, clubPermissions } from "~/domain/clubs/lifecycle";
import { parisIsoDate } from "~/domain/paris-time";
import { checkBallot, countBallots, shouldClose, tally, voteOutcome, type VoteRule, type VoteTally } from "~/domain/clubs/vote";
import { writeTransaction, type Db, type Reader, type Writer } from "~/utils/db.server";
import { formatEuros } from "~/domain/format";
import { fail, type Outcome } from "./outcome";
import { getClub, getMembership, countActive, clubBalance, type ClubRow } from "./club.server";
import { dealOfClub, publishedProject } from "./club-deal.server";
import { fundingTotals } from "./funding-progress.server";
import { noticeVoteDecided, noticeVoteOpened } from "./club-notices.server";
import { noticeIfGoalReached } from "./funding-notices.server";

export type OpenVoteInput = { dealId: number; amountCents: number; instrument: Instrument; deadline: Date };

/** What a commitment of `amountCents` by this club to this project would meet. */
function commitmentCheck(q: Reader, club: ClubRow, projectId: number, amountCents: number): CommitmentCheck {
  const need = q.select().from(projectFundingNeeds).where(eq(projectFundingNeeds.projectId, projectId)).get();
  const committed =
    q
      .select({ total: sum(clubCommitments.amountCents) })
      .from(clubCommitments)
      .where(and(eq(clubCommitments.clubId, club.id), eq(clubCommitments.projectId, projectId)))
      .get()?.total ?? 0;
  return checkCommitment({
    amountCents,
    availableCents: clubBalance(q, club.id),
    committedToProjectCents: Number(committed),
    maxStakeBps: club.maxStakeBps,
    companyCapitalCents: need?.companyCapitalCents ?? null,
    needCents: need?.amountCents ?? null,
    raisedCents: fundingTotals(q, projectId).raisedCents,
  });
}

/** The gérant opens a vote on a deal: the amount must already fit the money and the stake cap. */
export function openVote(db: Db, clubId: number, openedBy: number, input: OpenVoteInput, now: Date): Outcome<{ voteId: number }> {
  return writeTransaction(db, (tx): Outcome<{ voteId: number }> => {
    const club = getClub(tx, clubId);
    if (!club) return fail(404, "Club introuvable.");
    if (!clubPermissions(getMembership(tx, clubId, openedBy) ?? null).openVotes) {
      return fail(403, "Seul le gérant du club ouvre un vote.");
    }
    if (!canInvest(club, now)) {
      return fail(409, "Le club n'investit que pendant sa période d'épargne et d'investissement.");
    }
    const deal = dealOfClub(tx, clubId, input.dealId);
    if (!deal) return fail(400, "Choisissez un projet suivi par le club.", "dealId");
    if (deal.stage === "vote") return fail(400, "Un vote est déjà ouvert sur ce projet.", "dealId");
    if (deal.stage === "engage" || deal.stage === "refuse") {
      return fail(400, "Ce projet a déjà fait l'objet d'une décision.", "dealId");
    }
    if (deal.stage === "repere") return fail(400, "Étudiez d'abord le projet (notes, rencontre) avant de le soumettre au vote.", "dealId");
    if (!publishedProject(tx, deal.projectId)) return fail(400, "Ce projet n'est plus publié.", "dealId");
    if (input.deadline.getTime() <= now.getTime()) return fail(400, "La date limite doit être dans le futur.", "deadline");
    const check = commitmentCheck(tx, club, deal.projectId, input.amountCents);
    if (!check.ok) return fail(400, check.message, "amount");
    const eligibleCount = countActive(tx, clubId);
    const vote = tx
      .insert(clubVotes)
      .values({
        clubId,
        dealId: deal.id,
        projectId: deal.projectId,
        amountCents: input.amountCents,
        instrument: input.instrument,
        deadline: input.deadline,
        eligibleCount,
        openedBy,
        openedAt: now,
      })
      .returning({ id: clubVotes.id })
      .get();
    tx.update(clubDeals).set({ stage: "vote", updatedAt: now }).where(eq(clubDeals.id, deal.id)).run();
    noticeVoteOpened(tx, { id: vote.id, clubId, projectId: deal.projectId, amountCents: input.amountCents, deadline: input.deadline }, now);
    return { ok: true, voteId: vote.id };
  });
}

export type VoteRow = typeof clubVotes.$inferSelect;

function ruleOf(club: ClubRow): VoteRule {
  return { decisionRule: club.decisionRule, qualifiedMajorityPct: club.qualifiedMajorityPct, quorumPct: club.quorumPct };
}

function ballotChoices(q: Reader, voteId: number): BallotChoice[] {
  return q
    .select({ choice: clubBallots.choice })
    .from(clubBallots)
    .where(eq(clubBallots.voteId, voteId))
    .all()
    .map((b) => b.choice);
}

/**
 * Closes the vote when it is due (deadline, everyone voted, or result settled).
 * An adopted vote becomes a commitment — and an « investissement » line in
 * the ledger — if the money and the stake cap still allow it; otherwise the
 * reason is kept on the vote and the deal goes back to « étudié ».
 */
function closeIfDue(tx: Writer, vote: VoteRow, now: Date): boolean {
  const club = getClub(tx, vote.clubId)!;
  const counts = countBallots(ballotChoices(tx, vote.id));
  const rule = ruleOf(club);
  if (!shouldClose(rule, { status: vote.status, deadline: vote.deadline, eligible: vote.eligibleCount }, counts, now)) {
    return false;
  }
  const outcome = voteOutcome(rule, vote.eligibleCount, counts);
  let commitmentId: number | null = null;
  let outcomeNote = "";
  let stage: DealStage = outcome === "adopte" ? "engage" : outcome === "rejete" ? "refuse" : "etudie";
  if (outcome === "adopte") {
    const check = canInvest(club, now)
      ? commitmentCheck(tx, club, vote.projectId, vote.amountCents)
      : ({ ok: false, reason: "money", message: "Le club n'est plus en période d'investissement." } as const);
    if (check.ok) {
      commitmentId = commit(tx, vote, now);
      noticeIfGoalReached(tx, vote.projectId, vote.amountCents, now);
    } else {
      outcomeNote = `Vote adopté, mais l'engagement n'a pas pu être enregistré : ${check.message}`;
      stage = "etudie";
    }
  }
  tx.update(clubVotes)
    .set({ status: "clos", outcome, outcomeNote, commitmentId, closedAt: now })
    .where(eq(clubVotes.id, vote.id))
    .run();
  tx.update(clubDeals).set({ stage, updatedAt: now }).where(eq(clubDeals.id, vote.dealId)).run();
  const label = outcome === "adopte" ? (commitmentId !== null ? "adopté" : "adopté, sans engagement possible") : outcome === "rejete" ? "rejeté" : "sans quorum";
  noticeVoteDecided(tx, vote, { label, committed: commitmentId !== null }, now);
  return true;
}

function commit(tx: Writer, vote: VoteRow, now: Date): number {
  const project = tx.select({ title: projects.title }).from(projects).where(eq(projects.id, vote.projectId)).get();
  const row = tx
    .insert(clubCommitments)
    .values({
      clubId: vote.clubId,
      projectId: vote.projectId,
      dealId: vote.dealId,
      amountCents: vote.amountCents,
      instrument: vote.instrument,
      committedAt: now,
    })
    .returning({ id: clubCommitments.id })
    .get();
  tx.insert(clubLedgerEntries)
    .values({
      clubId: vote.clubId,
      kind: "investissement",
      amountCents: vote.amountCents,
      projectId: vote.projectId,
      occurredOn: parisIsoDate(now),
      note: `Engagement voté (${INSTRUMENT_LABELS[vote.instrument].toLowerCase()}) : ${project?.title ?? "projet"}, ${formatEuros(vote.amountCents)}`,
      recordedBy: vote.openedBy,
      createdAt: now,
    })
    .run();
  return row.id;
}

/** A member of the vote's club casts their one ballot; the vote may close with it. */
export function castBallot(db: Db, voteId: number, userId: number, choice: BallotChoice, now: Date): Outcome<{ closed: boolean }> {
  return writeTransaction(db, (tx): Outcome<{ closed: boolean }> => {
    const vote = tx.select().from(clubVotes).where(eq(clubVotes.id, voteId)).get();
    if (!vote) return fail(404, "Vote introuvable.");
    const member = getMembership(tx, vote.clubId, userId) ?? null;
    const alreadyVoted = !!tx
      .select({ userId: clubBallots.userId })
      .from(clubBallots)
      .where(and(eq(clubBallots.voteId, voteId), eq(clubBallots.userId, userId)))
      .get();
    const check = checkBallot({ vote, member, alreadyVoted, now });
    if (!check.ok) {
      // A deadline passed without anyone closing the vote: close it now.
      if (vote.status === "ouvert" && check.status === 409 && !alreadyVoted) closeIfDue(tx, vote, now);
      return fail(check.status, check.message);
    }
    tx.insert(clubBallots).values({ voteId, userId, choice, castAt: now }).run();
    return { ok: true, closed: closeIfDue(tx, vote, now) };
  });
}

/** The gérant closes a vote whose deadline has passed (or whose result is settled). */
export function closeVote(db: Db, clubId: number, voteId: number, now: Date): Outcome {
  return writeTransaction(db, (tx): Outcome => {
    const vote = tx.select().from(clubVotes).where(and(eq(clubVotes.id, voteId), eq(clubVotes.clubId, clubId))).get();
    if (!vote) return fail(404, "Vote introuvable.");
    if (vote.status !== "ouvert") return fail(409, "Ce vote est déjà clos.");
    if (!closeIfDue(tx, vote, now)) return fail(409, "Ce vote reste ouvert jusqu'à sa date limite : des membres peuvent encore changer le résultat.");
    return { ok: true };
  });
}

/** Which open votes to look at: one club's, those on one project, or every club's. */
type VoteScope = { clubId: number } | { projectId: number } | { all: true };

/** The open votes of `scope` whose deadline has passed at `now`. */
function dueVotes(q: Reader, scope: VoteScope, now: Date): VoteRow[] {
  const conditions = [eq(clubVotes.status, "ouvert"), lte(clubVotes.deadline, now)];
  if ("clubId" in scope) conditions.push(eq(clubVotes.clubId, scope.clubId));
  if ("projectId" in scope) conditions.push(eq(clubVotes.projectId, scope.projectId));
  return q
    .select()
    .from(clubVotes)
    .where(and(...conditions))
    .all();
}

/**
 * Closes the votes of `scope` whose deadline has passed, each by its club's
 * rule and quorum (an adopted vote becomes a commitment when the money and
 * the stake cap allow it), in one transaction; the cheap read first spares a
 * write lock when nothing is due. Returns how many votes were closed.
 */
function closeDue(db: Db, scope: VoteScope, now: Date): number {
  if (dueVotes(db, scope, now).length === 0) return 0;
  return writeTransaction(db, (tx) => dueVotes(tx, scope, now).filter((vote) => closeIfDue(tx, vote, now)).length);
}

/** Before any of a club's pages or actions: its votes past their deadline close. */
export function closeDueVotes(db: Db, clubId: number, now: Date): number {
  return closeDue(db, { clubId }, now);
}

/** Before a project's funding is shown: the clubs' votes on it past their deadline close. */
export function closeDueVotesOnProject(db: Db, projectId: number, now: Date): number {
  return closeDue(db, { projectId }, now);
}

/** Before the list of clubs (their totals committed) is shown. */
export function closeAllDueVotes(db: Db, now: Date): number {
  return closeDue(db, { all: true }, now);
}

export type VoteDetail = VoteRow & {
  projectTitle: string;
  tally: VoteTally;
  rule: VoteRule;
  /** What the outcome would be if the vote closed now. */
  provisional: VoteOutcome;
  myChoice: BallotChoice | null;
  voters: { displayName: string; choice: BallotChoice }[];
};

export function getVoteDetail(db: Db, clubId: number, voteId: number, viewerId: number): VoteDetail | undefined {
  const vote = db.select().from(clubVotes).where(and(eq(clubVotes.id, voteId), eq(clubVotes.clubId, clubId))).get();
  if (!vote) return undefined;
  const club = getClub(db, clubId)!;
  const project = db.select({ title: projects.title }).from(projects).where(eq(projects.id, vote.projectId)).get();
  const ballots = db
    .select({ userId: clubBallots.userId, choice: clubBallots.choice, displayName: users.displayName })
    .from(clubBallots)
    .innerJoin(users, eq(users.id, clubBallots.userId))
    .where(eq(clubBallots.voteId, voteId))
    .orderBy(asc(users.displayName))
    .all();
  const counts = countBallots(ballots.map((b) => b.choice));
  const rule = ruleOf(club);
  return {
    ...vote,
    projectTitle: project?.title ?? "",
    tally: tally(rule, vote.eligibleCount, counts),
    rule,
    provisional: voteOutcome(rule, vote.eligibleCount, counts),
    myChoice: ballots.find((b) => b.userId === viewerId)?.choice ?? null,
    voters: ballots.map(({ displayName, choice }) => ({ displayName, choice })),
  };
}

export type VoteListItem = {
  id: number;
  projectTitle: string;
  amountCents: number;
  status: VoteRow["status"];
  outcome: VoteOutcome | null;
  deadline: Date;
};

export function listVotes(db: Db, clubId: number): VoteListItem[] {
  return db
    .select({
      id: clubVotes.id,
      projectTitle: projects.title,
      amountCents: clubVotes.amountCents,
      status: clubVotes.status,
      outcome: clubVotes.outcome,
      deadline: clubVotes.deadline,
    })
    .from(clubVotes)
    .innerJoin(projects, eq(projects.id, clubVotes.projectId))
    .where(eq(clubVotes.clubId, clubId))
    .orderBy(desc(clubVotes.openedAt))
    .all();
}

