/**
 * A project's funding progress: what clubs, direct savers and the cagnotte
 * have committed to it, against its funding need.
 */
import { and, asc, eq, sql, sum } from "drizzle-orm";
import {
  cagnotteAllocations,
  clubAccompanyingMembers,
  clubCommitments,
  clubs,
  pledges,
  projectFundingNeeds,
  users,
} from "#db/schema";
import type { FundingKind, Instrument } from "~/domain/vocabulary";
import { isGoalReached, remainingCents, type FundingTotals } from "~/domain/funding";
import { inFrenchOrder, type Db, type Reader } from "~/utils/db.server";

/**
 * What the project seeks and what is raised toward it (active pledges, clubs' commitments, cagnotte
 * allocations), read in the caller's transaction so a contribution is checked against what is there.
 */
export function fundingTotals(q: Reader, projectId: number): FundingTotals {
  const need = q
    .select({ amountCents: projectFundingNeeds.amountCents })
    .from(projectFundingNeeds)
    .where(eq(projectFundingNeeds.projectId, projectId))
    .get();
  const total = (rows: { total: string | null } | undefined) => Number(rows?.total ?? 0);
  const pledged = q
    .select({ total: sum(pledges.amountCents) })
    .from(pledges)
    .where(and(eq(pledges.projectId, projectId), eq(pledges.status, "actif")))
    .get();
  const committed = q.select({ total: sum(clubCommitments.amountCents) }).from(clubCommitments).where(eq(clubCommitments.projectId, projectId)).get();
  const allocated = q
    .select({ total: sum(cagnotteAllocations.amountCents) })
    .from(cagnotteAllocations)
    .where(eq(cagnotteAllocations.projectId, projectId))
    .get();
  return { needCents: need?.amountCents ?? null, raisedCents: total(pledged) + total(committed) + total(allocated) };
}

export type FundingProgress = {
  needCents: number | null;
  /** What is still sought (0 once the goal is reached); null without a funding need. */
  remainingCents: number | null;
  goalReached: boolean;
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
    .orderBy(asc(clubs.name), inFrenchOrder(users.displayName))
    .all();
  const clubsCents = commitments.reduce((s, c) => s + c.amountCents, 0);
  const pledgesCents = Number(pledged?.total ?? 0);
  const cagnotteCents = Number(allocated?.total ?? 0);
  const totals = { needCents: need?.amountCents ?? null, raisedCents: clubsCents + pledgesCents + cagnotteCents };
  return {
    needCents: totals.needCents,
    remainingCents: remainingCents(totals),
    goalReached: isGoalReached(totals),
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

