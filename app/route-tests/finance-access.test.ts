/**
 * Per-object authorization of the FINANCER routes, through real Requests with
 * session cookies: a non-member sees no internal page and cannot vote (forged
 * POSTs refused), a member votes once and only in their club, offices are
 * checked, money rules give clear messages and store nothing.
 */
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { cagnotteAllocations, clubBallots, clubLedgerEntries, clubMembers, clubVotes, pledges } from "#db/schema";
import { createTestAnimator, createTestTerritory, createTestUser } from "#seeds/factories";
import { createFundedProject, createTestClub, type TestClub } from "#seeds/finance-factories";
import { donate } from "~/models/cagnotte.server";
import { followProject, studyDeal } from "~/models/club-deal.server";
import { openVote } from "~/models/club-vote.server";
import type { Territory } from "~/models/territory.server";
import * as cagnotte from "~/routes/cagnotte.$slug";
import * as clubPage from "~/routes/clubs.$id._index";
import * as membres from "~/routes/clubs.$id.membres";
import * as projets from "~/routes/clubs.$id.projets";
import * as tresorerie from "~/routes/clubs.$id.tresorerie";
import * as votePage from "~/routes/clubs.$id.votes.$voteId";
import * as soutenir from "~/routes/projets.$id.soutenir";
import { getDb, type Db } from "~/utils/db.server";
import { get, messageOf, post } from "./helpers";

let db: Db;
let territory: Territory;
let a: TestClub;
let b: TestClub;
let voteA: number;
let voteB: number;
let projectId: number;

function ballots(voteId: number): number {
  return db.select({ n: count() }).from(clubBallots).where(eq(clubBallots.voteId, voteId)).get()?.n ?? 0;
}

function openOn(club: TestClub): number {
  const follow = followProject(db, club.club.id, projectId, new Date());
  if (!follow.ok) throw new Error(follow.message);
  studyDeal(db, club.club.id, follow.dealId, "Étudié en réunion.", new Date());
  const opened = openVote(db, club.club.id, club.gerant.id, { dealId: follow.dealId, amountCents: 50_000, instrument: "pret", deadline: new Date(Date.now() + 7 * 86_400_000) }, new Date());
  if (!opened.ok) throw new Error(opened.message);
  return opened.voteId;
}

beforeAll(async () => {
  db = getDb();
  territory = createTestTerritory(db);
  a = await createTestClub(db, territory.id, { savingsPerMemberCents: 40_000, extraMembers: 6 });
  b = await createTestClub(db, territory.id, { savingsPerMemberCents: 40_000 });
  const owner = await createTestUser(db, { roles: ["porteur"] });
  projectId = createFundedProject(db, owner.id, { amountCents: 2_000_000, companyCapitalCents: 1_000_000 }).id;
  voteA = openOn(a);
  voteB = openOn(b);
});

describe("a club's internal pages", () => {
  it("are refused (403) to a signed-in non-member and send a visitor to sign in; the summary stays public", async () => {
    const outsider = await createTestUser(db, { roles: ["epargnant"] });
    const id = String(a.club.id);
    for (const [route, path] of [
      [membres, `/clubs/${id}/membres`],
      [tresorerie, `/clubs/${id}/tresorerie`],
      [projets, `/clubs/${id}/projets`],
    ] as const) {
      expect((await get(route.loader, path, outsider.id, { id })).status, path).toBe(403);
      expect((await get(route.loader, path, b.gerant.id, { id })).status, path).toBe(403);
      const visitor = await get(route.loader, path, null, { id });
      expect(visitor.status).toBe(302);
      expect(visitor.location).toMatch(/^\/connexion\?redirectTo=/);
    }
    expect((await get(votePage.loader, `/clubs/${id}/votes/${voteA}`, outsider.id, { id, voteId: String(voteA) })).status).toBe(403);
    const summary = await get(clubPage.loader, `/clubs/${id}`, null, { id });
    expect(summary.status).toBe(200);
    expect((summary.data as { members: unknown[]; isMember: boolean }).members).toEqual([]);
    expect((await get(clubPage.loader, "/clubs/999999", null, { id: "999999" })).status).toBe(404);
  });
});

describe("voting through the route", () => {
  it("lets a member vote once, and only in their own club (forged POSTs refused)", async () => {
    const id = String(a.club.id);
    const path = `/clubs/${id}/votes/${voteA}`;
    const params = { id, voteId: String(voteA) };
    const outsider = await createTestUser(db, { roles: ["epargnant"] });

    expect((await post(votePage.action, path, outsider.id, { choice: "pour" }, params)).status).toBe(403);
    expect((await post(votePage.action, path, b.members[1]!.id, { choice: "pour" }, params)).status).toBe(403);
    expect((await post(votePage.action, path, null, { choice: "pour" }, params)).status).toBe(302);
    // A member of A cannot reach B's vote through A's URL.
    expect((await post(votePage.action, `/clubs/${id}/votes/${voteB}`, a.members[1]!.id, { choice: "pour" }, { id, voteId: String(voteB) })).status).toBe(404);
    expect(ballots(voteA)).toBe(0);
    expect(ballots(voteB)).toBe(0);

    const first = await post(votePage.action, path, a.members[1]!.id, { choice: "contre" }, params);
    expect(first.status).toBe(302);
    const again = await post(votePage.action, path, a.members[1]!.id, { choice: "pour" }, params);
    expect(again.status).toBe(409);
    expect(messageOf(again)).toMatch(/déjà voté/);
    expect(ballots(voteA)).toBe(1);
    const stored = db.select().from(clubBallots).where(eq(clubBallots.voteId, voteA)).all();
    expect(stored.map((s) => s.choice)).toEqual(["contre"]);
  });

  it("lets only the gérant close a vote, and not before it is due", async () => {
    const id = String(a.club.id);
    const params = { id, voteId: String(voteA) };
    expect((await post(votePage.action, `/clubs/${id}/votes/${voteA}`, a.members[2]!.id, { intent: "close" }, params)).status).toBe(403);
    const early = await post(votePage.action, `/clubs/${id}/votes/${voteA}`, a.gerant.id, { intent: "close" }, params);
    expect(early.status).toBe(409);
    expect(db.select().from(clubVotes).where(eq(clubVotes.id, voteA)).get()?.status).toBe("ouvert");
  });
});

describe("offices and money rules through the routes", () => {
  it("lets only the gérant open a vote, and refuses an amount above the money or the stake cap with a clear message", async () => {
    const id = String(b.club.id);
    const owner = await createTestUser(db, { roles: ["porteur"] });
    const p = createFundedProject(db, owner.id, { amountCents: 3_000_000, companyCapitalCents: 600_000 });
    const follow = followProject(db, b.club.id, p.id, new Date());
    if (!follow.ok) throw new Error(follow.message);
    studyDeal(db, b.club.id, follow.dealId, "Vu.", new Date());
    const before = db.select({ n: count() }).from(clubVotes).get()?.n;
    const form = (amount: string) => ({ intent: "open-vote", dealId: String(follow.dealId), amount, instrument: "capital", deadline: "2099-12-31" });

    expect((await post(projets.action, `/clubs/${id}/projets`, b.members[1]!.id, form("1000"), { id })).status).toBe(403);
    const tooMuch = await post(projets.action, `/clubs/${id}/projets`, b.gerant.id, form("2 001"), { id });
    expect(tooMuch.status).toBe(400);
    expect(messageOf(tooMuch)).toMatch(/ne dispose que de 2\u202f000,00\u00a0€/);
    const aboveCap = await post(projets.action, `/clubs/${id}/projets`, b.gerant.id, form("1 981"), { id });
    expect(aboveCap.status).toBe(400);
    expect(messageOf(aboveCap)).toMatch(/part maximale de 33 % du capital/);
    expect(db.select({ n: count() }).from(clubVotes).get()?.n).toBe(before);
  });

  it("lets only the trésorier or the gérant record contributions, only the gérant invite", async () => {
    const id = String(a.club.id);
    const entries = () => db.select({ n: count() }).from(clubLedgerEntries).where(eq(clubLedgerEntries.clubId, a.club.id)).get()?.n;
    const before = entries();
    const form = { kind: "cotisation", amount: "30", memberUserId: String(a.members[4]!.id), occurredOn: "2026-03-01" };
    expect((await post(tresorerie.action, `/clubs/${id}/tresorerie`, a.members[4]!.id, form, { id })).status).toBe(403);
    expect((await post(tresorerie.action, `/clubs/${id}/tresorerie`, b.gerant.id, form, { id })).status).toBe(403);
    expect(entries()).toBe(before);
    expect((await post(tresorerie.action, `/clubs/${id}/tresorerie`, a.members[1]!.id, form, { id })).status).toBe(302);
    expect(entries()).toBe(before! + 1);

    const newcomer = await createTestUser(db, { roles: ["epargnant"] });
    const invite = { intent: "invite", email: newcomer.email };
    expect((await post(membres.action, `/clubs/${id}/membres`, a.members[3]!.id, invite, { id })).status).toBe(403);
    expect(db.select().from(clubMembers).where(eq(clubMembers.userId, newcomer.id)).all()).toEqual([]);
  });

  it("lets only the animation team of the pôle allocate its cagnotte", async () => {
    // A pôle of its own around the project, with a club: its cagnotte holds only this test's gift.
    const pole = createTestTerritory(db);
    const club = await createTestClub(db, pole.id);
    const other = createTestTerritory(db);
    const foreignAnimator = await createTestAnimator(db, other.id);
    const animator = await createTestAnimator(db, pole.id);
    donate(db, pole.id, null, { amountCents: 10_000, donorName: null, message: "" }, new Date());
    const path = `/cagnotte/${pole.slug}`;
    const form = { intent: "allocate", projectId: String(projectId), amount: "50" };
    const allocations = () => db.select({ n: count() }).from(cagnotteAllocations).where(eq(cagnotteAllocations.territoryId, pole.id)).get()?.n;
    expect((await post(cagnotte.action, path, club.gerant.id, form, { slug: pole.slug })).status).toBe(403);
    expect((await post(cagnotte.action, path, foreignAnimator.id, form, { slug: pole.slug })).status).toBe(403);
    expect(allocations()).toBe(0);
    const tooMuch = await post(cagnotte.action, path, animator.id, { ...form, amount: "500" }, { slug: pole.slug });
    expect(tooMuch.status).toBe(400);
    expect(messageOf(tooMuch)).toMatch(/ne contient que 100,00\u00a0€/);
    expect((await post(cagnotte.action, path, animator.id, form, { slug: pole.slug })).status).toBe(302);
    expect(allocations()).toBe(1);
  });
});

describe("pledges", () => {
  it("can be cancelled only by the saver who made them", async () => {
    const saver = await createTestUser(db, { roles: ["epargnant"] });
    const other = await createTestUser(db, { roles: ["epargnant"] });
    const path = `/projets/${projectId}/soutenir`;
    const params = { id: String(projectId) };
    expect((await post(soutenir.action, path, saver.id, { amount: "120", kind: "pret" }, params)).status).toBe(302);
    const pledge = db.select().from(pledges).where(eq(pledges.userId, saver.id)).get()!;
    expect(pledge.amountCents).toBe(12_000);
    expect((await post(soutenir.action, path, other.id, { intent: "cancel-pledge", pledgeId: String(pledge.id) }, params)).status).toBe(404);
    expect(db.select().from(pledges).where(eq(pledges.id, pledge.id)).get()?.status).toBe("actif");
    expect((await post(soutenir.action, path, saver.id, { intent: "cancel-pledge", pledgeId: String(pledge.id) }, params)).status).toBe(302);
    expect(db.select().from(pledges).where(eq(pledges.id, pledge.id)).get()?.status).toBe("annule");
  });
});

describe("funding that stops at its goal", () => {
  const pledged = (id: number) => db.select({ n: count() }).from(pledges).where(eq(pledges.projectId, id)).get()?.n ?? 0;

  it("refuses a pledge above what remains, stores nothing, and says what remains", async () => {
    const owner = await createTestUser(db, { roles: ["porteur"] });
    const saver = await createTestUser(db, { roles: ["epargnant"] });
    const id = createFundedProject(db, owner.id, { amountCents: 800_000 }).id;
    const path = `/projets/${id}/soutenir`;
    const params = { id: String(id) };

    const above = await post(soutenir.action, path, saver.id, { amount: "8 000,50", kind: "pret" }, params);
    expect(above.status).toBe(400);
    expect(messageOf(above)).toBe("Il reste 8\u202f000,00\u00a0€ à trouver pour ce projet (objectif 8\u202f000,00\u00a0€) : votre promesse ne peut pas dépasser ce montant.");
    expect(pledged(id)).toBe(0);

    expect((await post(soutenir.action, path, saver.id, { amount: "6 500", kind: "pret" }, params)).status).toBe(302);
    const rest = await post(soutenir.action, path, saver.id, { amount: "1 500,01", kind: "pret" }, params);
    expect(messageOf(rest)).toMatch(/^Il reste 1\u202f500,00\u00a0€ à trouver/);
    expect(pledged(id)).toBe(1);
    expect((await post(soutenir.action, path, saver.id, { amount: "1 500", kind: "pret" }, params)).status).toBe(302);
    expect(pledged(id)).toBe(2);

    // The goal is reached: the page says so and offers no pledge form; another pledge is refused.
    const page = await get(soutenir.loader, path, saver.id, params);
    expect(page.data).toMatchObject({ progress: { goalReached: true, remainingCents: 0 } });
    const after = await post(soutenir.action, path, saver.id, { amount: "10", kind: "pret" }, params);
    expect(after.status).toBe(409);
    expect((after.data as { message: string }).message).toBe("Ce projet a atteint son objectif de 8\u202f000,00\u00a0€ : il ne reçoit plus de promesses.");
    expect(pledged(id)).toBe(2);
  });

  it("refuses a cagnotte allocation above what the project still seeks", async () => {
    const owner = await createTestUser(db, { roles: ["porteur"] });
    const saver = await createTestUser(db, { roles: ["epargnant"] });
    const animator = await createTestAnimator(db, territory.id);
    const id = createFundedProject(db, owner.id, { amountCents: 100_000 }).id;
    expect((await post(soutenir.action, `/projets/${id}/soutenir`, saver.id, { amount: "900", kind: "don" }, { id: String(id) })).status).toBe(302);
    donate(db, territory.id, null, { amountCents: 50_000, donorName: null, message: "" }, new Date());
    const allocations = () => db.select({ n: count() }).from(cagnotteAllocations).where(eq(cagnotteAllocations.projectId, id)).get()?.n;
    const path = `/cagnotte/${territory.slug}`;
    const tooMuch = await post(cagnotte.action, path, animator.id, { intent: "allocate", projectId: String(id), amount: "150" }, { slug: territory.slug });
    expect(tooMuch.status).toBe(400);
    expect(messageOf(tooMuch)).toMatch(/^Il reste 100,00\u00a0€ à trouver pour ce projet .* l'attribution ne peut pas dépasser ce montant\.$/);
    expect(allocations()).toBe(0);
    expect((await post(cagnotte.action, path, animator.id, { intent: "allocate", projectId: String(id), amount: "100" }, { slug: territory.slug })).status).toBe(302);
    expect(allocations()).toBe(1);
  });

  it("refuses to open a club vote for more than the project still seeks", async () => {
    const owner = await createTestUser(db, { roles: ["porteur"] });
    const saver = await createTestUser(db, { roles: ["epargnant"] });
    const id = createFundedProject(db, owner.id, { amountCents: 1_000_000, companyCapitalCents: 4_000_000 }).id;
    expect((await post(soutenir.action, `/projets/${id}/soutenir`, saver.id, { amount: "9 700", kind: "pret" }, { id: String(id) })).status).toBe(302);
    const follow = followProject(db, a.club.id, id, new Date());
    if (!follow.ok) throw new Error(follow.message);
    studyDeal(db, a.club.id, follow.dealId, "Étudié.", new Date());
    const deadline = new Date(Date.now() + 7 * 86_400_000);
    const opened = openVote(db, a.club.id, a.gerant.id, { dealId: follow.dealId, amountCents: 50_000, instrument: "pret", deadline }, new Date());
    expect(opened).toMatchObject({ ok: false, field: "amount" });
    expect(!opened.ok && opened.message).toMatch(/^Il reste 300,00\u00a0€ à trouver pour ce projet .* l'engagement du club ne peut pas dépasser ce montant\.$/);
    expect(db.select({ n: count() }).from(clubVotes).where(eq(clubVotes.projectId, id)).get()?.n).toBe(0);
  });
});
