import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { cagnotteAllocations, clubBallots, clubCommitments, clubs, clubVotes, pledges, tontineMembers } from "#db/schema";
import { getTreasury } from "~/models/club-ledger.server";
import { getCagnotte } from "~/models/cagnotte.server";
import { getProjectFundingProgress } from "~/models/funding-progress.server";
import { getDb, type Db } from "~/utils/db.server";
import { seedDemo } from "./demo";

const NOW = new Date("2026-03-02T09:00:00Z");

describe("the FINANCER demo", () => {
  let db: Db;
  beforeAll(async () => {
    db = getDb();
    await seedDemo(db, NOW);
  }, 60_000);

  it("has three CIGALES clubs at different stages, each ledger balancing", () => {
    const rows = db.select().from(clubs).orderBy(asc(clubs.id)).all();
    expect(rows.map((c) => c.status).sort()).toEqual(["en-constitution", "en-epargne", "en-gestion"]);
    for (const club of rows) {
      const { totals, shares } = getTreasury(db, club.id);
      expect(totals.balanceCents).toBe(totals.inCents - totals.outCents);
      expect(totals.balanceCents).toBeGreaterThanOrEqual(0);
      if (shares.length > 0) expect(shares.reduce((s, x) => s + x.balanceShareCents, 0)).toBe(totals.balanceCents);
    }
  });

  it("has votes (adopted, rejected, open) with ballots, and a co-investment by two clubs in one project", () => {
    const votes = db.select().from(clubVotes).all();
    expect(votes.map((v) => v.outcome ?? "ouvert").sort()).toEqual(["adopte", "adopte", "ouvert", "rejete"]);
    expect(db.select().from(clubBallots).all().length).toBeGreaterThan(10);
    const commitments = db.select().from(clubCommitments).all();
    expect(commitments).toHaveLength(2);
    expect(new Set(commitments.map((c) => c.projectId)).size).toBe(1);
    const progress = getProjectFundingProgress(db, commitments[0]!.projectId);
    expect(progress.clubs).toHaveLength(2);
    expect(progress.pledgesCents).toBeGreaterThan(0);
    expect(progress.cagnotteCents).toBeGreaterThan(0);
    expect(progress.accompanying.length).toBeGreaterThanOrEqual(2);
  });

  it("has pledges, a cagnotte with donations, allocations and a goal, and a tontine", () => {
    expect(db.select().from(pledges).all().length).toBeGreaterThanOrEqual(3);
    const territoryId = db.select().from(cagnotteAllocations).get()!.territoryId;
    const cagnotte = getCagnotte(db, territoryId);
    expect(cagnotte.donatedCents).toBeGreaterThan(cagnotte.allocatedCents);
    expect(cagnotte.allocations).toHaveLength(2);
    expect(cagnotte.goal?.collectedCents).toBeGreaterThan(0);
    expect(cagnotte.donations.some((d) => d.donorName === null)).toBe(true);
    expect(db.select().from(tontineMembers).where(eq(tontineMembers.tontineId, 1)).all().length).toBeGreaterThanOrEqual(3);
  });
});
