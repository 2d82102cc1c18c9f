import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { clubAccompanyingMembers, clubAreas, clubCommitments, clubLedgerEntries, clubMembers, clubSectors, clubVotes } from "#db/schema";
import { createTestTerritory, createTestUser } from "#seeds/factories";
import { createFundedProject, createTestClub } from "#seeds/finance-factories";
import type { Territory } from "~/models/territory.server";
import { getDb, type Db } from "~/utils/db.server";
import { followProject, setAccompanyingMembers, studyDeal } from "./club-deal.server";
import { getTreasury, recordLedgerEntry } from "./club-ledger.server";
import { decideRequest, inviteMember, requestToJoin, respondToInvitation, leaveClub, setOfficer } from "./club-membership.server";
import { castBallot, closeDueVotes, closeVote, getVoteDetail, openVote } from "./club-vote.server";
import {
  changeLifecycle,
  clubBalance,
  createClub,
  getClub,
  getClubScope,
  getMembership,
  updateClubSettings,
  type ClubSettingsInput,
} from "./club.server";
import { getProjectFundingProgress } from "./funding-progress.server";

const NOW = new Date("2026-03-02T09:00:00Z");
const LATER = new Date("2026-03-20T09:00:00Z");
const DEADLINE = new Date("2026-03-15T22:59:00Z");

let db: Db;
let territory: Territory;

beforeAll(() => {
  db = getDb();
  territory = createTestTerritory(db);
});

async function project(options: Parameters<typeof createFundedProject>[2] = {}) {
  const owner = await createTestUser(db, { roles: ["porteur"] });
  return createFundedProject(db, owner.id, options, NOW);
}

function openOn(clubId: number, managerId: number, projectId: number, amountCents: number) {
  const follow = followProject(db, clubId, projectId, NOW);
  if (!follow.ok) throw new Error(follow.message);
  studyDeal(db, clubId, follow.dealId, "Rencontre avec la porteuse : solide.", NOW);
  return openVote(db, clubId, managerId, { dealId: follow.dealId, amountCents, instrument: "capital", deadline: DEADLINE }, NOW);
}

describe("club life cycle", () => {
  it("refuses to start a club with fewer than 5 active members", async () => {
    const { club } = await createTestClub(db, territory.id, { extraMembers: 3, activate: false }, NOW);
    const outcome = changeLifecycle(db, club.id, "activer", NOW);
    expect(outcome).toMatchObject({ ok: false, status: 409 });
    if (!outcome.ok) expect(outcome.message).toContain("5 à 20 membres actifs");
  });
});

describe("joining", () => {
  it("takes a request accepted by the gérant, and never more than 20 active members", async () => {
    const { club, gerant } = await createTestClub(db, territory.id, { extraMembers: 18, activate: false }, NOW);
    const asker = await createTestUser(db, { roles: ["epargnant"] });
    expect(requestToJoin(db, club.id, asker.id, NOW)).toEqual({ ok: true });
    expect(requestToJoin(db, club.id, asker.id, NOW)).toMatchObject({ ok: false, status: 409 });
    expect(decideRequest(db, club.id, asker.id, asker.id, true, NOW)).toMatchObject({ ok: false, status: 403 });
    expect(decideRequest(db, club.id, gerant.id, asker.id, true, NOW)).toEqual({ ok: true });
    const holder = await createTestUser(db, { roles: ["porteur"] });
    expect(requestToJoin(db, club.id, holder.id, NOW)).toMatchObject({ ok: false, status: 403 });
    const late = await createTestUser(db, { roles: ["epargnant"] });
    expect(inviteMember(db, club.id, asker.id, late.email, NOW)).toMatchObject({ ok: false, status: 403 });
    expect(inviteMember(db, club.id, gerant.id, late.email, NOW)).toEqual({ ok: true });
    const refused = respondToInvitation(db, club.id, late.id, true, NOW);
    expect(refused).toMatchObject({ ok: false, status: 409 });
    if (!refused.ok) expect(refused.message).toContain("20 membres actifs");
  });
});

describe("votes", () => {
  it("lets each member vote once, only in their own club, and commits on adoption", async () => {
    const { club, members } = await createTestClub(db, territory.id, { savingsPerMemberCents: 60_000 }, NOW);
    const other = await createTestClub(db, territory.id, {}, NOW);
    const p = await project();
    const opened = openOn(club.id, members[0]!.id, p.id, 200_000);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;

    expect(castBallot(db, opened.voteId, members[0]!.id, "pour", NOW)).toMatchObject({ ok: true, closed: false });
    expect(castBallot(db, opened.voteId, members[0]!.id, "contre", NOW)).toMatchObject({ ok: false, status: 409 });
    // A member of another club, and someone in no club, cannot vote here.
    expect(castBallot(db, opened.voteId, other.members[1]!.id, "pour", NOW)).toMatchObject({ ok: false, status: 403 });
    const outsider = await createTestUser(db, { roles: ["epargnant"] });
    expect(castBallot(db, opened.voteId, outsider.id, "pour", NOW)).toMatchObject({ ok: false, status: 403 });

    expect(castBallot(db, opened.voteId, members[1]!.id, "pour", NOW)).toMatchObject({ ok: true, closed: false });
    // 3 pour out of 5: no remaining ballot can change the result, the vote closes.
    expect(castBallot(db, opened.voteId, members[2]!.id, "pour", NOW)).toMatchObject({ ok: true, closed: true });

    const detail = getVoteDetail(db, club.id, opened.voteId, members[0]!.id)!;
    expect(detail).toMatchObject({ status: "clos", outcome: "adopte", myChoice: "pour" });
    expect(detail.tally).toMatchObject({ pour: 3, contre: 0, cast: 3 });
    expect(db.select().from(clubCommitments).where(eq(clubCommitments.clubId, club.id)).all()).toHaveLength(1);
    expect(clubBalance(db, club.id)).toBe(5 * 60_000 - 200_000);
    expect(castBallot(db, opened.voteId, members[3]!.id, "pour", NOW)).toMatchObject({ ok: false, status: 409 });
  });

  it("fails a vote without quorum once its deadline has passed", async () => {
    const { club, members } = await createTestClub(db, territory.id, { savingsPerMemberCents: 60_000, quorumPct: 60 }, NOW);
    const p = await project();
    const opened = openOn(club.id, members[0]!.id, p.id, 100_000);
    if (!opened.ok) throw new Error(opened.message);
    castBallot(db, opened.voteId, members[0]!.id, "pour", NOW);
    castBallot(db, opened.voteId, members[1]!.id, "pour", NOW);
    expect(closeVote(db, club.id, opened.voteId, NOW)).toMatchObject({ ok: false, status: 409 });
    expect(closeVote(db, club.id, opened.voteId, LATER)).toEqual({ ok: true });
    const vote = db.select().from(clubVotes).where(eq(clubVotes.id, opened.voteId)).get()!;
    expect(vote).toMatchObject({ status: "clos", outcome: "sans-quorum", commitmentId: null });
    expect(db.select().from(clubCommitments).where(eq(clubCommitments.clubId, club.id)).all()).toHaveLength(0);
  });

  it("refuses a vote above the money available or the stake cap, with a clear message", async () => {
    const { club, members } = await createTestClub(db, territory.id, { savingsPerMemberCents: 100_000 }, NOW);
    const p = await project({ amountCents: 2_000_000, companyCapitalCents: 1_000_000 });
    const tooMuch = openOn(club.id, members[0]!.id, p.id, 500_001);
    expect(tooMuch).toMatchObject({ ok: false, status: 400, field: "amount" });
    if (!tooMuch.ok) expect(tooMuch.message).toMatch(/ne dispose que de 5\u202f000,00\u00a0€/);

    const p2 = await project({ amountCents: 2_000_000, companyCapitalCents: 1_000_000 });
    const aboveCap = openOn(club.id, members[0]!.id, p2.id, 340_000);
    expect(aboveCap).toMatchObject({ ok: false, field: "amount" });
    if (!aboveCap.ok) expect(aboveCap.message).toMatch(/part maximale de 33 %/);
  });

  it("keeps the vote adopted but makes no commitment when the money left meanwhile", async () => {
    const { club, members } = await createTestClub(db, territory.id, { savingsPerMemberCents: 50_000 }, NOW);
    const p = await project();
    const opened = openOn(club.id, members[0]!.id, p.id, 200_000);
    if (!opened.ok) throw new Error(opened.message);
    expect(
      recordLedgerEntry(db, club.id, members[0]!.id, { kind: "frais", amountCents: 100_000, memberUserId: null, occurredOn: "2026-03-03", note: "Frais" }, NOW).ok,
    ).toBe(true);
    for (const m of members.slice(0, 3)) castBallot(db, opened.voteId, m.id, "pour", NOW);
    const vote = db.select().from(clubVotes).where(eq(clubVotes.id, opened.voteId)).get()!;
    expect(vote.outcome).toBe("adopte");
    expect(vote.commitmentId).toBeNull();
    expect(vote.outcomeNote).toContain("dépasse l'argent disponible");
  });

  it("only the gérant opens a vote", async () => {
    const { club, members } = await createTestClub(db, territory.id, { savingsPerMemberCents: 50_000 }, NOW);
    const p = await project();
    expect(openOn(club.id, members[1]!.id, p.id, 10_000)).toMatchObject({ ok: false, status: 403 });
  });
});

describe("co-investment and money", () => {
  it("shows two clubs, savers and the cagnotte on the project's progress, with accompanying members", async () => {
    const p = await project({ amountCents: 1_000_000, companyCapitalCents: null });
    for (const amount of [150_000, 100_000]) {
      const { club, members } = await createTestClub(db, territory.id, { savingsPerMemberCents: 50_000 }, NOW);
      const opened = openOn(club.id, members[0]!.id, p.id, amount);
      if (!opened.ok) throw new Error(opened.message);
      for (const m of members.slice(0, 3)) castBallot(db, opened.voteId, m.id, "pour", NOW);
      expect(setAccompanyingMembers(db, club.id, p.id, [members[1]!.id, members[2]!.id], NOW)).toEqual({ ok: true });
      expect(setAccompanyingMembers(db, club.id, p.id, members.slice(0, 3).map((m) => m.id), NOW).ok).toBe(false);
    }
    const progress = getProjectFundingProgress(db, p.id);
    expect(progress.clubs).toHaveLength(2);
    expect(progress.clubsCents).toBe(250_000);
    expect(progress.totalCents).toBe(250_000);
    expect(progress.needCents).toBe(1_000_000);
    expect(progress.accompanying).toHaveLength(4);
  });

  it("stores money as integer cents and the database refuses anything else", async () => {
    const { club, members } = await createTestClub(db, territory.id, { savingsPerMemberCents: 12_345 }, NOW);
    const types = db.$client
      .prepare("select distinct typeof(amount_cents) as t from club_ledger_entries where club_id = ?")
      .all(club.id) as { t: string }[];
    expect(types).toEqual([{ t: "integer" }]);
    expect(() =>
      db.insert(clubLedgerEntries).values({
        clubId: club.id,
        kind: "cotisation",
        amountCents: 10.5,
        memberUserId: members[0]!.id,
        occurredOn: "2026-03-01",
        recordedBy: members[0]!.id,
        createdAt: NOW,
      }).run(),
    ).toThrow(/CHECK constraint failed/);
    expect(
      recordLedgerEntry(db, club.id, members[0]!.id, { kind: "cotisation", amountCents: 10.5, memberUserId: members[0]!.id, occurredOn: "2026-03-01", note: "" }, NOW),
    ).toMatchObject({ ok: false, field: "amount" });
    const treasury = getTreasury(db, club.id);
    expect(treasury.totals.balanceCents).toBe(5 * 12_345);
    expect(treasury.shares.reduce((s, x) => s + x.balanceShareCents, 0)).toBe(treasury.totals.balanceCents);
  });

  it("only the trésorier or the gérant records movements", async () => {
    const { club, members } = await createTestClub(db, territory.id, {}, NOW);
    const entry = { kind: "cotisation" as const, amountCents: 1_000, memberUserId: members[3]!.id, occurredOn: "2026-03-01", note: "" };
    expect(recordLedgerEntry(db, club.id, members[3]!.id, entry, NOW)).toMatchObject({ ok: false, status: 403 });
    expect(recordLedgerEntry(db, club.id, members[1]!.id, entry, NOW)).toEqual({ ok: true }); // trésorier
  });
});

describe("creating a club", () => {
  it("makes the founder its active gérant, en constitution", async () => {
    const founder = await createTestUser(db, { roles: ["epargnant"] });
    const club = createClub(
      db,
      founder.id,
      {
        territoryId: territory.id,
        name: "Cigale des Vals",
        description: "",
        decisionRule: "unanimite",
        qualifiedMajorityPct: 66,
        quorumPct: 50,
        maxStakeBps: 3300,
        ticketMinCents: 50_000,
        ticketMaxCents: 200_000,
        startedOn: null,
        activityDomainIds: [],
        departmentCodes: ["17"],
      },
      NOW,
    );
    expect(club.status).toBe("en-constitution");
  });
});

describe("the stored ledger", () => {
  it("balances after any sequence of recorded movements (property test on SQLite)", async () => {
    const fc = await import("fast-check");
    const { club, members } = await createTestClub(db, territory.id, {}, NOW);
    const kinds = ["cotisation", "remboursement", "dividende", "frais", "retrait"] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            kind: fc.constantFrom(...kinds),
            amountCents: fc.oneof(fc.integer({ min: 1, max: 500_000 }), fc.constantFrom(0, -5, 12.5)),
            member: fc.integer({ min: 0, max: 4 }),
          }),
          { maxLength: 25 },
        ),
        async (sequence) => {
          for (const m of sequence) {
            recordLedgerEntry(
              db,
              club.id,
              members[1]!.id,
              { kind: m.kind, amountCents: m.amountCents, memberUserId: members[m.member]!.id, occurredOn: "2026-03-01", note: "" },
              NOW,
            );
          }
          const { totals, shares } = getTreasury(db, club.id);
          expect(clubBalance(db, club.id)).toBe(totals.balanceCents);
          expect(totals.balanceCents).toBe(totals.inCents - totals.outCents);
          expect(totals.balanceCents).toBeGreaterThanOrEqual(0);
          if (totals.cotisation > 0) expect(shares.reduce((s, x) => s + x.balanceShareCents, 0)).toBe(totals.balanceCents);
          const types = db.$client.prepare("select distinct typeof(amount_cents) as t from club_ledger_entries").all() as { t: string }[];
          expect(types.every((t) => t.t === "integer")).toBe(true);
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe("votes past their deadline", () => {
  it("close by themselves with the club's rule: adopted → commitment", async () => {
    const { club, members } = await createTestClub(db, territory.id, { savingsPerMemberCents: 60_000, quorumPct: 20 }, NOW);
    const p = await project();
    const opened = openOn(club.id, members[0]!.id, p.id, 100_000);
    if (!opened.ok) throw new Error(opened.message);
    // 2 « pour » out of 5: the 3 others could still reject, so the vote stays open until its deadline.
    castBallot(db, opened.voteId, members[0]!.id, "pour", NOW);
    expect(castBallot(db, opened.voteId, members[1]!.id, "pour", NOW)).toMatchObject({ ok: true, closed: false });
    expect(closeDueVotes(db, club.id, NOW)).toBe(0);

    expect(closeDueVotes(db, club.id, LATER)).toBe(1);
    const vote = db.select().from(clubVotes).where(eq(clubVotes.id, opened.voteId)).get()!;
    expect(vote).toMatchObject({ status: "clos", outcome: "adopte", closedAt: LATER });
    expect(vote.commitmentId).not.toBeNull();
    expect(clubBalance(db, club.id)).toBe(5 * 60_000 - 100_000);
    expect(closeDueVotes(db, club.id, LATER)).toBe(0);
  });

  it("close by themselves « sans quorum » when too few members voted", async () => {
    const { club, members } = await createTestClub(db, territory.id, { savingsPerMemberCents: 60_000, quorumPct: 60 }, NOW);
    const p = await project();
    const opened = openOn(club.id, members[0]!.id, p.id, 100_000);
    if (!opened.ok) throw new Error(opened.message);
    castBallot(db, opened.voteId, members[0]!.id, "pour", NOW);
    expect(closeDueVotes(db, club.id, LATER)).toBe(1);
    const vote = db.select().from(clubVotes).where(eq(clubVotes.id, opened.voteId)).get()!;
    expect(vote).toMatchObject({ status: "clos", outcome: "sans-quorum", commitmentId: null });
    expect(db.select().from(clubCommitments).where(eq(clubCommitments.clubId, club.id)).all()).toHaveLength(0);
  });
});

function settings(overrides: Partial<ClubSettingsInput> = {}): ClubSettingsInput {
  return {
    description: "Nous investissons dans l'économie locale.",
    decisionRule: "majorite-qualifiee",
    qualifiedMajorityPct: 75,
    quorumPct: 60,
    maxStakeBps: 2500,
    ticketMinCents: 100_000,
    ticketMaxCents: 800_000,
    activityDomainIds: [],
    departmentCodes: [],
    communeCodes: [],
    ...overrides,
  };
}

describe("club settings", () => {
  it("are changed by the gérant only, sectors and areas replaced", async () => {
    const { club, members } = await createTestClub(db, territory.id, { departmentCodes: ["17"], communeCodes: ["17226"] }, NOW);
    expect(updateClubSettings(db, club.id, members[1]!.id, settings(), LATER)).toMatchObject({ ok: false, status: 403 });
    expect(getClub(db, club.id)!.quorumPct).toBe(50);

    expect(updateClubSettings(db, club.id, members[0]!.id, settings(), LATER)).toEqual({ ok: true });
    expect(getClub(db, club.id)).toMatchObject({
      description: "Nous investissons dans l'économie locale.",
      decisionRule: "majorite-qualifiee",
      qualifiedMajorityPct: 75,
      quorumPct: 60,
      maxStakeBps: 2500,
      ticketMinCents: 100_000,
      ticketMaxCents: 800_000,
      updatedAt: LATER,
    });
    expect(getClubScope(db, club.id)).toEqual({ activityDomainIds: [], departmentCodes: [], communeCodes: [] });
    expect(db.select().from(clubAreas).where(eq(clubAreas.clubId, club.id)).all()).toHaveLength(0);
    expect(db.select().from(clubSectors).where(eq(clubSectors.clubId, club.id)).all()).toHaveLength(0);
  });

  it("keep the rule and quorum of a vote under way", async () => {
    const { club, members } = await createTestClub(db, territory.id, { savingsPerMemberCents: 60_000 }, NOW);
    const p = await project();
    const opened = openOn(club.id, members[0]!.id, p.id, 100_000);
    if (!opened.ok) throw new Error(opened.message);
    const refused = updateClubSettings(db, club.id, members[0]!.id, settings(), NOW);
    expect(refused).toMatchObject({ ok: false, status: 409, field: "decisionRule" });
    expect(getClub(db, club.id)!.decisionRule).toBe("majorite-simple");
    // Other settings may still change.
    const same = settings({ decisionRule: "majorite-simple", qualifiedMajorityPct: 66, quorumPct: 50 });
    expect(updateClubSettings(db, club.id, members[0]!.id, same, NOW)).toEqual({ ok: true });
    expect(getClub(db, club.id)!.maxStakeBps).toBe(2500);
  });
});

describe("leaving a club", () => {
  it("keeps an investing club at 5 active members at least, with a clear message", async () => {
    const { club, members } = await createTestClub(db, territory.id, { savingsPerMemberCents: 30_000 }, NOW);
    const outcome = leaveClub(db, club.id, members[3]!.id, LATER);
    expect(outcome).toMatchObject({ ok: false, status: 409 });
    if (!outcome.ok) expect(outcome.message).toMatch(/au moins 5 membres actifs/);
    expect(getMembership(db, club.id, members[3]!.id)?.status).toBe("actif");
  });

  it("asks the gérant to hand over first; the member's share stays in a ledger that still balances", async () => {
    const { club, members } = await createTestClub(db, territory.id, { savingsPerMemberCents: 30_000, extraMembers: 6 }, NOW);
    const p = await project();
    const opened = openOn(club.id, members[0]!.id, p.id, 60_000);
    if (!opened.ok) throw new Error(opened.message);
    for (const m of members.slice(0, 4)) castBallot(db, opened.voteId, m.id, "pour", NOW);
    expect(setAccompanyingMembers(db, club.id, p.id, [members[0]!.id, members[4]!.id], NOW).ok).toBe(true);

    const managerLeaves = leaveClub(db, club.id, members[0]!.id, LATER);
    expect(managerLeaves).toMatchObject({ ok: false, status: 409 });
    if (!managerLeaves.ok) expect(managerLeaves.message).toMatch(/nommez d'abord un autre membre gérant/);

    // The gérant names a successor, then leaves as a plain member.
    expect(setOfficer(db, club.id, members[4]!.id, members[4]!.id, "gerant")).toMatchObject({ ok: false, status: 403 });
    expect(setOfficer(db, club.id, members[0]!.id, members[4]!.id, "gerant")).toEqual({ ok: true });
    expect(getMembership(db, club.id, members[0]!.id)?.role).toBe("membre");
    expect(leaveClub(db, club.id, members[0]!.id, LATER)).toEqual({ ok: true });
    expect(getMembership(db, club.id, members[0]!.id)).toMatchObject({ status: "parti", leftAt: LATER });
    expect(leaveClub(db, club.id, members[0]!.id, LATER)).toMatchObject({ ok: false, status: 409 });
    const followers = db
      .select()
      .from(clubAccompanyingMembers)
      .where(and(eq(clubAccompanyingMembers.clubId, club.id), eq(clubAccompanyingMembers.projectId, p.id)))
      .all();
    expect(followers.map((f) => f.userId)).toEqual([members[4]!.id]);

    const { totals, shares } = getTreasury(db, club.id);
    expect(clubBalance(db, club.id)).toBe(totals.balanceCents);
    expect(totals.balanceCents).toBe(7 * 30_000 - 60_000);
    expect(shares.reduce((s, x) => s + x.balanceShareCents, 0)).toBe(totals.balanceCents);
    expect(shares.find((s) => s.userId === members[0]!.id)?.balanceShareCents).toBeGreaterThan(0);
    expect(shares.find((s) => s.userId === members[0]!.id)?.displayName).toMatch(/a quitté le club/);
    expect(db.select().from(clubMembers).where(and(eq(clubMembers.clubId, club.id), eq(clubMembers.status, "actif"))).all()).toHaveLength(6);
  });
});
