/**
 * A club's life after creation, through the routes: votes past their
 * deadline close on the next read, the gérant edits the club's settings, a
 * member leaves (never breaking the 5-member minimum nor the gérant's office).
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { clubCommitments, clubVotes } from "#db/schema";
import { createTestTerritory, createTestUser } from "#seeds/factories";
import { createFundedProject, createTestClub, type TestClub } from "#seeds/finance-factories";
import { DAY_MS } from "~/domain/paris-time";
import { followProject, studyDeal } from "~/models/club-deal.server";
import { castBallot, openVote } from "~/models/club-vote.server";
import { getClub, getClubScope, getMembership, listMyClubs } from "~/models/club.server";
import type { Territory } from "~/models/territory.server";
import * as clubPage from "~/routes/clubs.$id._index";
import * as clubsIndex from "~/routes/clubs._index";
import * as projectPage from "~/routes/projets.$id._index";
import * as membres from "~/routes/clubs.$id.membres";
import * as parametres from "~/routes/clubs.$id.parametres";
import * as votePage from "~/routes/clubs.$id.votes.$voteId";
import { getDb, type Db } from "~/utils/db.server";
import { fieldErrors, get, initialValue, messageOf, post } from "./helpers";

const FRENCH = /[àâçéèêëîïôûùüÿœ«»]|\b(le|la|les|du|des|un|une|au)\b/i;

let db: Db;
let territory: Territory;

beforeAll(() => {
  db = getDb();
  territory = createTestTerritory(db);
});

/** A vote opened two days ago whose deadline passed an hour ago, with these « pour » ballots. */
async function lapsedVote(quorumPct: number, pour: number) {
  const opened = new Date(Date.now() - 2 * DAY_MS);
  const club = await createTestClub(db, territory.id, { savingsPerMemberCents: 60_000, quorumPct }, opened);
  const owner = await createTestUser(db, { roles: ["porteur"] });
  const project = createFundedProject(db, owner.id, {}, opened);
  const follow = followProject(db, club.club.id, project.id, opened);
  if (!follow.ok) throw new Error(follow.message);
  studyDeal(db, club.club.id, follow.dealId, "Rencontre en réunion.", opened);
  const vote = openVote(
    db,
    club.club.id,
    club.gerant.id,
    { dealId: follow.dealId, amountCents: 100_000, instrument: "pret", deadline: new Date(Date.now() - 3_600_000) },
    opened,
  );
  if (!vote.ok) throw new Error(vote.message);
  for (const m of club.members.slice(0, pour)) {
    const cast = castBallot(db, vote.voteId, m.id, "pour", opened);
    if (!cast.ok || cast.closed) throw new Error("the vote should stay open until its deadline");
  }
  return { club, voteId: vote.voteId, projectId: project.id };
}

describe("a vote past its deadline", () => {
  it("is closed, adopted with its commitment, when anyone next reads the club's page", async () => {
    const { club, voteId } = await lapsedVote(20, 2);
    expect(db.select().from(clubVotes).where(eq(clubVotes.id, voteId)).get()?.status).toBe("ouvert");
    // « Mon espace » no longer asks for a ballot on it.
    expect(listMyClubs(db, club.members[4]!.id).find((c) => c.id === club.club.id)?.openVotes).toBe(0);
    const id = String(club.club.id);
    const page = await get(clubPage.loader, `/clubs/${id}`, null, { id });
    expect(page.status).toBe(200);
    const vote = db.select().from(clubVotes).where(eq(clubVotes.id, voteId)).get()!;
    expect(vote).toMatchObject({ status: "clos", outcome: "adopte" });
    expect(vote.commitmentId).not.toBeNull();
    const commitments = db.select().from(clubCommitments).where(eq(clubCommitments.clubId, club.club.id)).all();
    expect(commitments.map((c) => c.amountCents)).toEqual([100_000]);
    expect((page.data as { club: { commitments: unknown[] } }).club.commitments).toHaveLength(1);
  });

  it("is shown closed « sans quorum » on its own page, without any commitment", async () => {
    const { club, voteId } = await lapsedVote(60, 1);
    const id = String(club.club.id);
    const page = await get(votePage.loader, `/clubs/${id}/votes/${voteId}`, club.members[2]!.id, { id, voteId: String(voteId) });
    expect(page.status).toBe(200);
    const shown = (page.data as { vote: { status: string; outcome: string }; canVote: boolean });
    expect(shown.vote).toMatchObject({ status: "clos", outcome: "sans-quorum" });
    expect(shown.canVote).toBe(false);
    expect(db.select().from(clubCommitments).where(eq(clubCommitments.clubId, club.club.id)).all()).toHaveLength(0);
  });
});

describe("votes past their deadline, outside the club's pages", () => {
  it("close when the project's funding is shown, so the progress counts the commitment", async () => {
    const { club, voteId, projectId } = await lapsedVote(20, 2);
    const id = String(projectId);
    const page = await get(projectPage.loader, `/projets/${id}`, null, { id });
    expect(page.status).toBe(200);
    expect(db.select().from(clubVotes).where(eq(clubVotes.id, voteId)).get()).toMatchObject({ status: "clos", outcome: "adopte" });
    const progress = (page.data as { fundingProgress: { clubs: { clubId: number; amountCents: number }[] } }).fundingProgress;
    expect(progress.clubs).toEqual([expect.objectContaining({ clubId: club.club.id, amountCents: 100_000 })]);
  });

  it("close when the list of clubs is shown", async () => {
    const { voteId } = await lapsedVote(60, 1);
    expect((await get(clubsIndex.loader, "/clubs", null)).status).toBe(200);
    expect(db.select().from(clubVotes).where(eq(clubVotes.id, voteId)).get()).toMatchObject({ status: "clos", outcome: "sans-quorum" });
  });
});

describe("the club's settings", () => {
  let club: TestClub;
  let path: string;
  let params: { id: string };
  const valid = () => ({
    description: "Nous soutenons les commerces de proximité.",
    departmentCodes: ["17"],
    communes: "Saint-Jean-d'Angély (17400)",
    ticketMin: "1 000",
    ticketMax: "8000",
    decisionRule: "majorite-qualifiee",
    qualifiedMajorityPct: "75",
    quorumPct: "60",
    maxStakePct: "25",
  });

  beforeAll(async () => {
    club = await createTestClub(db, territory.id, { savingsPerMemberCents: 20_000 });
    path = `/clubs/${club.club.id}/parametres`;
    params = { id: String(club.club.id) };
  });

  it("are for the gérant only: 403 to members and outsiders, forged POSTs refused", async () => {
    const outsider = await createTestUser(db, { roles: ["epargnant"] });
    expect((await get(parametres.loader, path, club.gerant.id, params)).status).toBe(200);
    expect((await get(parametres.loader, path, club.members[1]!.id, params)).status).toBe(403);
    expect((await get(parametres.loader, path, outsider.id, params)).status).toBe(403);
    expect((await get(parametres.loader, path, null, params)).location).toMatch(/^\/connexion/);
    const linkFor = async (userId: number) => ((await get(clubPage.loader, `/clubs/${params.id}`, userId, params)).data as { canEditSettings: boolean }).canEditSettings;
    expect(await linkFor(club.gerant.id)).toBe(true);
    expect(await linkFor(club.members[1]!.id)).toBe(false);
    const before = getClub(db, club.club.id);
    expect((await post(parametres.action, path, club.members[1]!.id, valid(), params)).status).toBe(403);
    expect((await post(parametres.action, path, outsider.id, valid(), params)).status).toBe(403);
    expect(getClub(db, club.club.id)).toEqual(before);
  });

  it("give each bad field a French message, keep the typed values and store nothing", async () => {
    const before = { club: getClub(db, club.club.id), scope: getClubScope(db, club.club.id) };
    const cases: [Record<string, string | string[]>, string, RegExp][] = [
      [{ ticketMin: "douze" }, "ticketMin", /montant en euros/],
      [{ ticketMax: "500" }, "ticketMax", /au moins égal/],
      [{ quorumPct: "150" }, "quorumPct", /au plus 100 %/],
      [{ maxStakePct: "80" }, "maxStakePct", /au plus 50 %/],
      [{ decisionRule: "tirage" }, "decisionRule", /règle/],
      [{ departmentCodes: ["59"] }, "departmentCodes", /départements du pôle/],
      [{ communes: "Zzyzx-sur-Mer" }, "communes", /Zzyzx-sur-Mer/],
      [{ communes: "Maubeuge" }, "communes", /communes du territoire/],
    ];
    for (const [change, field, message] of cases) {
      const called = await post(parametres.action, path, club.gerant.id, { ...valid(), ...change }, params);
      expect(called.status, field).toBe(400);
      const errors = fieldErrors(called)[field]?.join(" ") ?? "";
      expect(errors, field).toMatch(message);
      expect(errors).toMatch(FRENCH);
      const typed = Object.fromEntries(Object.entries(change).filter(([, v]) => typeof v === "string"));
      expect(initialValue(called)).toMatchObject(typed);
    }
    expect({ club: getClub(db, club.club.id), scope: getClubScope(db, club.club.id) }).toEqual(before);
  });

  it("are stored, with the club's areas, and shown again in the form", async () => {
    const saved = await post(parametres.action, path, club.gerant.id, valid(), params);
    expect(saved.status).toBe(302);
    expect(saved.location).toBe(`/clubs/${club.club.id}`);
    expect(saved.flash).toBe("Les paramètres du club sont enregistrés.");
    expect(getClub(db, club.club.id)).toMatchObject({
      description: "Nous soutenons les commerces de proximité.",
      ticketMinCents: 100_000,
      ticketMaxCents: 800_000,
      decisionRule: "majorite-qualifiee",
      qualifiedMajorityPct: 75,
      quorumPct: 60,
      maxStakeBps: 2500,
    });
    expect(getClubScope(db, club.club.id)).toMatchObject({ departmentCodes: ["17"], communeCodes: ["17347"] });
    const form = await get(parametres.loader, path, club.gerant.id, params);
    expect((form.data as { values: Record<string, unknown> }).values).toMatchObject({
      ticketMin: "1000",
      quorumPct: "60",
      maxStakePct: "25",
      communes: expect.stringContaining("Saint-Jean-d'Angély"),
    });
  });

  it("keep the rule of a vote under way, with the reason at the field", async () => {
    const voting = await createTestClub(db, territory.id, { savingsPerMemberCents: 60_000 });
    const owner = await createTestUser(db, { roles: ["porteur"] });
    const project = createFundedProject(db, owner.id);
    const follow = followProject(db, voting.club.id, project.id, new Date());
    if (!follow.ok) throw new Error(follow.message);
    studyDeal(db, voting.club.id, follow.dealId, "Étudié.", new Date());
    const opened = openVote(db, voting.club.id, voting.gerant.id, { dealId: follow.dealId, amountCents: 50_000, instrument: "pret", deadline: new Date(Date.now() + 7 * DAY_MS) }, new Date());
    expect(opened.ok).toBe(true);
    const id = String(voting.club.id);
    const refused = await post(parametres.action, `/clubs/${id}/parametres`, voting.gerant.id, { ...valid(), departmentCodes: [], communes: "" }, { id });
    expect(refused.status).toBe(409);
    expect(fieldErrors(refused).decisionRule?.join(" ")).toMatch(/vote est en cours/);
    expect(getClub(db, voting.club.id)?.decisionRule).toBe("majorite-simple");
  });
});

describe("leaving a club", () => {
  it("is refused when an investing club would fall under 5 active members, with a clear message", async () => {
    const club = await createTestClub(db, territory.id, { savingsPerMemberCents: 20_000 });
    const id = String(club.club.id);
    const refused = await post(membres.action, `/clubs/${id}/membres`, club.members[3]!.id, { intent: "leave" }, { id });
    expect(refused.status).toBe(409);
    expect(messageOf(refused)).toMatch(/au moins 5 membres actifs/);
    expect(getMembership(db, club.club.id, club.members[3]!.id)?.status).toBe("actif");
  });

  it("lets a member leave; the gérant hands over first; outsiders are refused", async () => {
    const club = await createTestClub(db, territory.id, { extraMembers: 2, activate: false });
    const id = String(club.club.id);
    const path = `/clubs/${id}/membres`;
    const outsider = await createTestUser(db, { roles: ["epargnant"] });
    expect((await post(membres.action, path, outsider.id, { intent: "leave" }, { id })).status).toBe(403);

    const gerant = await post(membres.action, path, club.gerant.id, { intent: "leave" }, { id });
    expect(gerant.status).toBe(409);
    expect(messageOf(gerant)).toMatch(/nommez d'abord un autre membre gérant/);

    const left = await post(membres.action, path, club.members[2]!.id, { intent: "leave" }, { id });
    expect(left.status).toBe(302);
    expect(left.location).toBe(`/clubs/${id}`);
    expect(left.flash).toMatch(/^Vous avez quitté le club\./);
    expect(getMembership(db, club.club.id, club.members[2]!.id)).toMatchObject({ status: "parti" });
    expect(getMembership(db, club.club.id, club.members[2]!.id)?.leftAt).toBeInstanceOf(Date);
    expect((await get(membres.loader, path, club.members[2]!.id, { id })).status).toBe(403);
    // They may ask to come back.
    const summary = await get(clubPage.loader, `/clubs/${id}`, club.members[2]!.id, { id });
    expect(summary.data).toMatchObject({ isMember: false, memberStatus: "parti", canRequest: true });

    // The gérant names a successor through the form, then may leave.
    expect((await post(membres.action, path, club.gerant.id, { intent: "set-officer", userId: String(club.members[1]!.id), role: "gerant" }, { id })).status).toBe(302);
    expect((await post(membres.action, path, club.gerant.id, { intent: "leave" }, { id })).status).toBe(302);
    expect(getMembership(db, club.club.id, club.gerant.id)?.status).toBe("parti");
  });
});
