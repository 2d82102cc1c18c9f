/**
 * Every FINANCER form's bad input: a French message next to the field
 * (status 400, never a 500), the typed values come back, nothing is stored.
 */
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  cagnotteDonations,
  cagnotteGoals,
  clubAccompanyingMembers,
  clubAreas,
  clubBallots,
  clubLedgerEntries,
  clubMeetings,
  clubMembers,
  clubs,
  clubVotes,
  pledges,
  tontines,
} from "#db/schema";
import { createTestAnimator, createTestTerritory, createTestUser } from "#seeds/factories";
import { createFundedProject, createTestClub, type TestClub } from "#seeds/finance-factories";
import { followProject, studyDeal } from "~/models/club-deal.server";
import { castBallot, openVote } from "~/models/club-vote.server";
import type { Territory } from "~/models/territory.server";
import * as cagnotte from "~/routes/cagnotte.$slug";
import * as clubsIndex from "~/routes/clubs._index";
import * as membres from "~/routes/clubs.$id.membres";
import * as projets from "~/routes/clubs.$id.projets";
import * as tresorerie from "~/routes/clubs.$id.tresorerie";
import * as votePage from "~/routes/clubs.$id.votes.$voteId";
import * as soutenir from "~/routes/projets.$id.soutenir";
import * as tontinesIndex from "~/routes/tontines._index";
import { getDb, type Db } from "~/utils/db.server";
import { fieldErrors, initialValue, post, type Called } from "./helpers";

const FRENCH = /[a-zàâçéèêëîïôûùüÿœ]{3,}/i;

function expectFieldError(called: Called, field: string, message: RegExp, typed?: Record<string, unknown>) {
  expect(called.status, JSON.stringify(called.data)).toBe(400);
  const errors = fieldErrors(called)[field];
  expect(errors, `errors on ${field}: ${JSON.stringify(fieldErrors(called))}`).toBeTruthy();
  expect(errors!.join(" ")).toMatch(message);
  expect(errors!.join(" ")).toMatch(FRENCH);
  if (typed) expect(initialValue(called)).toMatchObject(typed);
}

type Table = typeof clubs | typeof clubMembers | typeof clubLedgerEntries | typeof clubMeetings | typeof clubVotes | typeof clubBallots | typeof clubAccompanyingMembers | typeof pledges | typeof cagnotteDonations | typeof cagnotteGoals | typeof tontines;

let db: Db;
let territory: Territory;
let club: TestClub;
let dealId: number;
let projectId: number;
let voteId: number;

/** Runs `fn` and checks no row was added to `tables`. */
async function storesNothing(tables: Table[], fn: () => Promise<void>) {
  const before = tables.map((t) => db.select({ n: count() }).from(t).get()?.n);
  await fn();
  expect(tables.map((t) => db.select({ n: count() }).from(t).get()?.n)).toEqual(before);
}

beforeAll(async () => {
  db = getDb();
  territory = createTestTerritory(db);
  club = await createTestClub(db, territory.id, { savingsPerMemberCents: 20_000 });
  const owner = await createTestUser(db, { roles: ["porteur"] });
  projectId = createFundedProject(db, owner.id).id;
  const follow = followProject(db, club.club.id, projectId, new Date());
  if (!follow.ok) throw new Error(follow.message);
  dealId = follow.dealId;
  studyDeal(db, club.club.id, dealId, "Vu.", new Date());
  const second = createFundedProject(db, owner.id, { title: "Atelier vélo solidaire" });
  const f2 = followProject(db, club.club.id, second.id, new Date());
  if (!f2.ok) throw new Error(f2.message);
  studyDeal(db, club.club.id, f2.dealId, "Vu.", new Date());
  const opened = openVote(db, club.club.id, club.gerant.id, { dealId: f2.dealId, amountCents: 10_000, instrument: "pret", deadline: new Date(Date.now() + 86_400_000) }, new Date());
  if (!opened.ok) throw new Error(opened.message);
  voteId = opened.voteId;
});

describe("creating a club", () => {
  const valid = () => ({
    name: "Cigale du marais",
    territoryId: String(territory.id),
    ticketMin: "500",
    ticketMax: "5000",
    decisionRule: "majorite-simple",
    quorumPct: "50",
    maxStakePct: "33",
  });
  it("gives each bad field a French message, keeps the typed values, stores nothing", async () => {
    const saver = await createTestUser(db, { roles: ["epargnant"] });
    await storesNothing([clubs, clubMembers], async () => {
      expectFieldError(await post(clubsIndex.action, "/clubs", saver.id, { ...valid(), name: "" }), "name", /nom/);
      expectFieldError(await post(clubsIndex.action, "/clubs", saver.id, { ...valid(), ticketMin: "douze" }), "ticketMin", /montant en euros/, { ticketMin: "douze" });
      expectFieldError(await post(clubsIndex.action, "/clubs", saver.id, { ...valid(), ticketMax: "100" }), "ticketMax", /au moins égal/, { ticketMax: "100" });
      expectFieldError(await post(clubsIndex.action, "/clubs", saver.id, { ...valid(), maxStakePct: "80" }), "maxStakePct", /au plus 50 %/);
      expectFieldError(await post(clubsIndex.action, "/clubs", saver.id, { ...valid(), quorumPct: "-5" }), "quorumPct", /au moins 0 %/);
      expectFieldError(await post(clubsIndex.action, "/clubs", saver.id, { ...valid(), decisionRule: "tirage" }), "decisionRule", /règle/);
      expectFieldError(await post(clubsIndex.action, "/clubs", saver.id, { ...valid(), decisionRule: "majorite-qualifiee" }), "qualifiedMajorityPct", /seuil/);
      expectFieldError(await post(clubsIndex.action, "/clubs", saver.id, { ...valid(), startedOn: "2026-02-30" }), "startedOn", /date valide/);
      expectFieldError(await post(clubsIndex.action, "/clubs", saver.id, { ...valid(), territoryId: "999999" }), "territoryId", /Pôle inconnu/);
      expectFieldError(await post(clubsIndex.action, "/clubs", saver.id, { ...valid(), departmentCodes: ["59"] }), "departmentCodes", /départements du pôle/);
      expectFieldError(await post(clubsIndex.action, "/clubs", saver.id, { ...valid(), communes: "Zzyzx-sur-Mer" }), "communes", /Zzyzx-sur-Mer/, { communes: "Zzyzx-sur-Mer" });
      expectFieldError(await post(clubsIndex.action, "/clubs", saver.id, { ...valid(), communes: "Maubeuge" }), "communes", /communes du territoire/);
    });
    const holder = await createTestUser(db, { roles: ["porteur"] });
    expect((await post(clubsIndex.action, "/clubs", holder.id, valid())).status).toBe(403);
    const created = await post(clubsIndex.action, "/clubs", saver.id, { ...valid(), communes: "Saint-Jean-d'Angély (17400)" });
    expect(created.status).toBe(302);
    expect(created.location).toMatch(/^\/clubs\/\d+$/);
    expect(created.flash).toMatch(/^Le club est créé, en constitution\./);
    const clubId = Number(created.location!.split("/")[2]);
    expect(db.select().from(clubAreas).where(eq(clubAreas.clubId, clubId)).all().map((a) => a.communeCode)).toEqual(["17347"]);
  });
});

describe("the members page forms", () => {
  it("invite, office, monthly savings and meeting", async () => {
    const id = String(club.club.id);
    const path = `/clubs/${id}/membres`;
    const g = club.gerant.id;
    await storesNothing([clubMembers, clubMeetings], async () => {
      expectFieldError(await post(membres.action, path, g, { intent: "invite", email: "pas-une-adresse" }, { id }), "email", /pas valide/, { email: "pas-une-adresse" });
      expectFieldError(await post(membres.action, path, g, { intent: "invite", email: "inconnu@exemple.fr" }, { id }), "email", /Aucun compte/);
      const holder = await createTestUser(db, { roles: ["porteur"] });
      expectFieldError(await post(membres.action, path, g, { intent: "invite", email: holder.email }, { id }), "email", /pas inscrite comme épargnant/);
      expectFieldError(await post(membres.action, path, g, { intent: "set-officer", userId: String(club.members[3]!.id), role: "president" }, { id }), "role", /fonction/);
      expectFieldError(await post(membres.action, path, g, { intent: "set-officer", userId: String(g), role: "membre" }, { id }), "role", /nommez un autre membre gérant/);
      expectFieldError(await post(membres.action, path, g, { intent: "set-savings", monthlySavings: "-20" }, { id }), "monthlySavings", /montant en euros/, { monthlySavings: "-20" });
      expectFieldError(await post(membres.action, path, g, { intent: "set-savings", monthlySavings: "9000" }, { id }), "monthlySavings", /ne peut dépasser/);
      expectFieldError(await post(membres.action, path, g, { intent: "add-meeting", date: "2026-04-10", time: "25:00", place: "Mairie" }, { id }), "time", /hh:mm/, { place: "Mairie" });
      expectFieldError(await post(membres.action, path, g, { intent: "add-meeting", date: "demain", time: "18:00", place: "Mairie" }, { id }), "date", /date valide/);
    });
  });
});

describe("the treasury form", () => {
  it("amount, member, date and money out beyond the balance", async () => {
    const id = String(club.club.id);
    const path = `/clubs/${id}/tresorerie`;
    const g = club.gerant.id;
    const base = { kind: "cotisation", amount: "30", memberUserId: String(club.members[2]!.id), occurredOn: "2026-03-01" };
    await storesNothing([clubLedgerEntries], async () => {
      expectFieldError(await post(tresorerie.action, path, g, { ...base, amount: "-30" }, { id }), "amount", /montant en euros/, { amount: "-30" });
      expectFieldError(await post(tresorerie.action, path, g, { ...base, amount: "12,345" }, { id }), "amount", /montant en euros/);
      expectFieldError(await post(tresorerie.action, path, g, { ...base, memberUserId: "" }, { id }), "memberUserId", /membre/);
      expectFieldError(await post(tresorerie.action, path, g, { ...base, occurredOn: "01/03/2026" }, { id }), "occurredOn", /date valide/);
      expectFieldError(await post(tresorerie.action, path, g, { ...base, kind: "investissement" }, { id }), "kind", /type de mouvement/);
      expectFieldError(await post(tresorerie.action, path, g, { ...base, kind: "frais", amount: "1000000" }, { id }), "amount", /dépasse l'argent disponible/, { amount: "1000000" });
    });
  });
});

describe("the deal-flow forms", () => {
  it("study notes, opening a vote, accompanying members", async () => {
    const id = String(club.club.id);
    const path = `/clubs/${id}/projets`;
    const g = club.gerant.id;
    const vote = { intent: "open-vote", dealId: String(dealId), amount: "500", instrument: "capital", deadline: "2099-01-31" };
    await storesNothing([clubVotes, clubAccompanyingMembers], async () => {
      expectFieldError(await post(projets.action, path, g, { intent: "study", dealId: String(dealId), notes: "" }, { id }), "notes", /notes|Notez/);
      expectFieldError(await post(projets.action, path, g, { ...vote, amount: "cinq cents" }, { id }), "amount", /montant en euros/, { amount: "cinq cents" });
      expectFieldError(await post(projets.action, path, g, { ...vote, instrument: "obligation" }, { id }), "instrument", /forme/);
      expectFieldError(await post(projets.action, path, g, { ...vote, deadline: "2020-01-01" }, { id }), "deadline", /futur/, { deadline: "2020-01-01" });
      expectFieldError(
        await post(projets.action, path, g, { intent: "set-accompanying", projectId: String(projectId), userIds: club.members.slice(0, 3).map((m) => String(m.id)) }, { id }),
        "userIds",
        /au plus deux/,
      );
    });
  });

  it("a ballot without a choice", async () => {
    const id = String(club.club.id);
    await storesNothing([clubBallots], async () => {
      expectFieldError(await post(votePage.action, `/clubs/${id}/votes/${voteId}`, club.members[2]!.id, { choice: "peut-etre" }, { id, voteId: String(voteId) }), "choice", /pour, contre ou abstention/);
    });
    expect(castBallot(db, voteId, club.members[2]!.id, "pour", new Date()).ok).toBe(true);
  });
});

describe("pledges, cagnotte and tontines", () => {
  it("a pledge's amount and kind", async () => {
    const saver = await createTestUser(db, { roles: ["epargnant"] });
    const path = `/projets/${projectId}/soutenir`;
    const params = { id: String(projectId) };
    await storesNothing([pledges], async () => {
      expectFieldError(await post(soutenir.action, path, saver.id, { amount: "5", kind: "pret" }, params), "amount", /au moins 10,00/, { amount: "5" });
      expectFieldError(await post(soutenir.action, path, saver.id, { amount: "abc", kind: "pret" }, params), "amount", /montant en euros/);
      expectFieldError(await post(soutenir.action, path, saver.id, { amount: "100", kind: "cadeau" }, params), "kind", /forme/);
      const holder = await createTestUser(db, { roles: ["porteur"] });
      const refused = await post(soutenir.action, path, holder.id, { amount: "100", kind: "don" }, params);
      expect(refused.status).toBe(403);
    });
    expect((await post(soutenir.action, path, saver.id, { amount: "100", kind: "don" }, params)).status).toBe(302);
  });

  it("a donation, an allocation and a goal", async () => {
    const donor = await createTestUser(db, { roles: ["benevole"] });
    const animator = await createTestAnimator(db, territory.id);
    const path = `/cagnotte/${territory.slug}`;
    const params = { slug: territory.slug };
    await storesNothing([cagnotteDonations, cagnotteGoals], async () => {
      expectFieldError(await post(cagnotte.action, path, donor.id, { intent: "donate", amount: "0" }, params), "amount", /au moins 1,00/, { amount: "0" });
      expectFieldError(await post(cagnotte.action, path, donor.id, { intent: "donate", amount: "20", donorName: "x".repeat(81) }, params), "donorName", /80 caractères/);
      expectFieldError(await post(cagnotte.action, path, animator.id, { intent: "set-goal", label: "", target: "1000" }, params), "label", /nom/);
      expectFieldError(await post(cagnotte.action, path, animator.id, { intent: "set-goal", label: "Été", target: "beaucoup" }, params), "target", /montant en euros/);
      expectFieldError(await post(cagnotte.action, path, animator.id, { intent: "allocate", projectId: "", amount: "10" }, params), "projectId", /projet/);
    });
    expect((await post(cagnotte.action, path, donor.id, { intent: "donate", amount: "20", donorName: "" }, params)).status).toBe(302);
    expect(db.select().from(cagnotteDonations).all().at(-1)?.donorName).toBeNull();
  });

  it("a tontine", async () => {
    const person = await createTestUser(db, { roles: ["epargnant"] });
    const valid = { intent: "create", name: "Tontine du lavoir", territoryId: String(territory.id), contribution: "50", startsOn: "2026-05-01" };
    await storesNothing([tontines], async () => {
      expectFieldError(await post(tontinesIndex.action, "/tontines", person.id, { ...valid, contribution: "2" }), "contribution", /au moins 5,00/, { contribution: "2" });
      expectFieldError(await post(tontinesIndex.action, "/tontines", person.id, { ...valid, startsOn: "mai" }), "startsOn", /date valide/);
      expectFieldError(await post(tontinesIndex.action, "/tontines", person.id, { ...valid, name: "ab" }), "name", /au moins 3/);
    });
    expect((await post(tontinesIndex.action, "/tontines", person.id, valid)).status).toBe(302);
  });
});
