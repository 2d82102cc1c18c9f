import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { matchingWeights, mentorships, volunteerProfiles } from "#db/schema";
import { createTestAnimator, createTestTerritory, createTestUser } from "#seeds/factories";
import { addTerritoryStaff } from "~/models/territory.server";
import { createTestHolder, createTestMentorship, createTestProject, createTestRequest, createTestVolunteer } from "#seeds/journey-factories";
import { respondToRequest } from "~/models/mentorship.server";
import type { ProposedRound } from "~/models/animation.server";
import { getMatchingWeights, hasOwnMatchingWeights, setMatchingWeights, suggestMentorsForNeed } from "~/models/matching.server";
import { DEFAULT_MATCHING_WEIGHTS } from "~/domain/matching/weights";
import * as animation from "~/routes/animation._index";
import * as weightsPage from "~/routes/animation.ponderations";
import * as espace from "~/routes/espace";
import { getDb } from "~/utils/db.server";
import { fieldErrors, get, initialValue, post } from "./helpers";

const db = () => getDb();
const SAINTES = "17415"; // ~23 km from Saint-Jean-d'Angély, outside the test pôle
const MAUBEUGE = "59392";

async function pole() {
  const territory = createTestTerritory(db());
  const animator = await createTestAnimator(db(), territory.id);
  return { territory, animator };
}

async function roundFor(slug: string, userId: number): Promise<ProposedRound> {
  const page = await get(animation.loader, `/animation?pole=${slug}&tour=1`, userId);
  expect(page.status).toBe(200);
  return (page.data as { round: ProposedRound }).round;
}

/** The weights form as the page fills it in, field names as the browser sends them. */
async function formFor(loader: typeof weightsPage.loader, path: string, userId: number): Promise<Record<string, string>> {
  const page = await get(loader, path, userId);
  expect(page.status).toBe(200);
  const defaults = (page.data as { defaults: { mentor: Record<string, string>; club: Record<string, string> } }).defaults;
  const form: Record<string, string> = {};
  for (const side of ["mentor", "club"] as const) for (const [k, v] of Object.entries(defaults[side])) form[`${side}.${k}`] = v;
  return form;
}

function send(slug: string, userId: number, pairs: { needId: number; volunteerId: number }[]) {
  return post(animation.action, `/animation?pole=${slug}&tour=1`, userId, { pairs: pairs.map((p) => `${p.needId}:${p.volunteerId}`) });
}

describe("access to /animation", () => {
  it("sends visitors to sign in and refuses other roles (403)", async () => {
    const visitor = await get(animation.loader, "/animation", null);
    expect(visitor.status).toBe(302);
    expect(visitor.location).toMatch(/^\/connexion\?redirectTo=%2Fanimation/);
    const holder = await createTestHolder(db());
    expect((await get(animation.loader, "/animation", holder.id)).status).toBe(403);
    expect((await post(animation.action, "/animation", holder.id, { pairs: "1:2" })).status).toBe(403);
    expect((await get(weightsPage.loader, "/animation/ponderations", holder.id)).status).toBe(403);
    expect((await post(weightsPage.action, "/animation/ponderations", holder.id, { intent: "reset" })).status).toBe(403);
    expect((await get(weightsPage.loader, "/animation/ponderations", null)).status).toBe(302);
  });

  it("an animator sees their pôle, not another one (403); an admin sees any", async () => {
    const mine = await pole();
    const other = createTestTerritory(db(), { communeCodes: [MAUBEUGE] });
    const page = await get(animation.loader, "/animation", mine.animator.id);
    expect(page.status).toBe(200);
    expect((page.data as { pole: { slug: string } }).pole.slug).toBe(mine.territory.slug);
    expect((await get(animation.loader, `/animation?pole=${other.slug}&tour=1`, mine.animator.id)).status).toBe(403);
    expect((await get(animation.loader, "/animation?pole=inconnu", mine.animator.id)).status).toBe(404);

    const admin = await createTestUser(db(), { roles: ["admin"] });
    const adminPage = await get(animation.loader, `/animation?pole=${other.slug}`, admin.id);
    expect(adminPage.status).toBe(200);
    expect((adminPage.data as { pole: { slug: string } }).pole.slug).toBe(other.slug);
  });

  it("an animator cannot send proposals for another pôle, nor pairs of a project outside theirs (403, nothing created)", async () => {
    const mine = await pole();
    const other = createTestTerritory(db(), { communeCodes: [MAUBEUGE] });
    const holder = await createTestHolder(db(), { communeCode: MAUBEUGE });
    const outside = createTestProject(db(), holder.id, { overrides: { communeCode: MAUBEUGE } });
    const volunteer = await createTestVolunteer(db());
    const pair = { needId: outside.needIds[0]!, volunteerId: volunteer.id };
    expect((await send(other.slug, mine.animator.id, [pair])).status).toBe(403);
    expect((await send(mine.territory.slug, mine.animator.id, [pair])).status).toBe(403);
    expect(db().select().from(mentorships).where(eq(mentorships.needId, pair.needId)).all()).toEqual([]);
  });
});

describe("the round and its proposals", () => {
  it("shows each proposed pair with the matcher's explanation and counts what waits", async () => {
    const { territory, animator } = await pole();
    const holder = await createTestHolder(db());
    const project = createTestProject(db(), holder.id, { needs: [{ skill: "comptabilite", priority: "haute" }] });
    const volunteer = await createTestVolunteer(db());
    const page = await get(animation.loader, `/animation?pole=${territory.slug}&tour=1`, animator.id);
    const { counts, round } = page.data as { counts: Record<string, number>; round: ProposedRound };
    expect(counts.openNeeds).toBeGreaterThanOrEqual(1);
    expect(counts.availableVolunteers).toBeGreaterThanOrEqual(1);
    const pair = round.pairs.find((p) => p.needId === project.needIds[0]);
    expect(pair).toBeDefined();
    expect(pair!.projectTitle).toBe(project.title);
    expect(pair!.skillName).toMatch(/Comptabilit/);
    expect(pair!.explanation).toMatch(/Comptabilit/);
    const explained = suggestMentorsForNeed(db(), pair!.needId, { limit: 500 }).find((s) => s.volunteerId === pair!.volunteerId);
    expect(explained?.explanation).toBe(pair!.explanation);
    expect(round.total).toBeGreaterThanOrEqual(round.greedyTotal);
    expect(volunteer.id).toBeGreaterThan(0);
    // Without ?tour nothing is computed.
    expect((await get(animation.loader, `/animation?pole=${territory.slug}`, animator.id)).data).toMatchObject({ round: null });
  });

  it("sends valid pairs as requests addressed to the volunteers and skips those that became invalid", async () => {
    const { territory, animator } = await pole();
    const holder = await createTestHolder(db());
    const project = createTestProject(db(), holder.id, {
      needs: [{ skill: "comptabilite" }, { skill: "comptabilite" }, { skill: "comptabilite" }, { skill: "comptabilite" }],
    });
    const [valid, filled, pausedNeed, declined] = project.needIds as [number, number, number, number];
    const ok = await createTestVolunteer(db());
    const paused = await createTestVolunteer(db());
    const refuser = await createTestVolunteer(db());
    const other = await createTestVolunteer(db());
    // Since the round was computed: a need got its mentor, a volunteer paused, one declined the project.
    createTestMentorship(db(), filled, other.id);
    db().update(volunteerProfiles).set({ paused: true }).where(eq(volunteerProfiles.userId, paused.id)).run();
    const refusal = respondToRequest(db(), createTestRequest(db(), declined, refuser.id), refuser.id, "refuser", "", new Date());
    expect(refusal.ok).toBe(true);

    const pairs = [
      { needId: valid, volunteerId: ok.id },
      { needId: filled, volunteerId: ok.id },
      { needId: pausedNeed, volunteerId: paused.id },
      { needId: declined, volunteerId: refuser.id },
    ];
    const sent = await send(territory.slug, animator.id, pairs);
    expect(sent.status).toBe(302);
    expect(sent.location).toBe(`/animation?pole=${territory.slug}`);
    expect(sent.flash).toMatch(/^1 proposition envoyée, 3 ignorées car devenues impossibles depuis le calcul/);
    const created = db().select().from(mentorships).where(and(eq(mentorships.needId, valid), eq(mentorships.volunteerId, ok.id))).get();
    expect(created).toMatchObject({ initiatedBy: "animateur", status: "demande" });
    expect(db().select().from(mentorships).where(eq(mentorships.needId, pausedNeed)).all()).toEqual([]);

    // Sending again: the pair is already open.
    expect((await send(territory.slug, animator.id, pairs.slice(0, 1))).flash).toMatch(
      /^0 proposition envoyée, 1 ignorée car devenue impossible depuis le calcul/,
    );

    // The volunteer answers it; the holder sees it waiting.
    const volunteerSpace = (await get(espace.loader, "/espace", ok.id)).data as { toAnswer: { id: number }[] };
    expect(volunteerSpace.toAnswer.map((m) => m.id)).toContain(created!.id);
    const holderSpace = (await get(espace.loader, "/espace", holder.id)).data as { waiting: { id: number }[]; toAnswer: { id: number }[] };
    expect(holderSpace.waiting.map((m) => m.id)).toContain(created!.id);
    expect(holderSpace.toAnswer.map((m) => m.id)).not.toContain(created!.id);
    expect(respondToRequest(db(), created!.id, holder.id, "accepter", "", new Date()).ok).toBe(false);
    expect(respondToRequest(db(), created!.id, ok.id, "accepter", "", new Date()).ok).toBe(true);
  });

  it("refuses an empty selection with a French message", async () => {
    const { territory, animator } = await pole();
    const reply = await post(animation.action, `/animation?pole=${territory.slug}`, animator.id, {});
    expect(reply.status).toBe(400);
    expect(fieldErrors(reply).pairs?.[0]).toMatch(/Cochez au moins une proposition/);
  });

  it("sending from a computed round creates one request per checked pair", async () => {
    const { territory, animator } = await pole();
    const holder = await createTestHolder(db());
    const project = createTestProject(db(), holder.id, { needs: [{ skill: "fiscalite", priority: "haute" }] });
    await createTestVolunteer(db(), { skills: [{ skill: "fiscalite" }] });
    const round = await roundFor(territory.slug, animator.id);
    const mine = round.pairs.filter((p) => p.needId === project.needIds[0]);
    expect(mine).toHaveLength(1);
    const sent = await send(territory.slug, animator.id, mine);
    expect(sent.flash).toBe("1 proposition envoyée. Les bénévoles les retrouvent dans leur espace pour y répondre.");
  });
});

describe("/animation/ponderations", () => {
  it("refuses bad input at the field, keeps what was typed and stores nothing", async () => {
    const { territory, animator } = await pole();
    const form = {
      "mentor.skillLevel": "-1",
      "mentor.distance": "beaucoup",
      "mentor.sharedDomain": "2",
      "mentor.capacity": "2",
      "mentor.trackRecord": "1",
      "mentor.recency": "101",
      "club.sector": "0",
      "club.ticket": "0",
      "club.availableMoney": "0",
      "club.distance": "0",
      "club.accompanied": "0",
      "club.coInvestment": "0",
    };
    const reply = await post(weightsPage.action, "/animation/ponderations", animator.id, form);
    expect(reply.status).toBe(400);
    const errors = fieldErrors(reply);
    expect(errors["mentor.skillLevel"]?.[0]).toMatch(/négatif/);
    expect(errors["mentor.distance"]?.[0]).toMatch(/Indiquez un poids entre 0 et 100/);
    expect(errors["mentor.recency"]?.[0]).toMatch(/au plus 100/);
    expect(errors.club?.[0]).toMatch(/Au moins un de ces poids/);
    expect(initialValue(reply)).toMatchObject({ mentor: { distance: "beaucoup", skillLevel: "-1" } });
    expect(getMatchingWeights(db(), territory.id)).toEqual(DEFAULT_MATCHING_WEIGHTS);
    expect(hasOwnMatchingWeights(db(), territory.id)).toBe(false);
  });

  it("a changed weight changes a ranking, and the defaults come back", async () => {
    const { territory, animator } = await pole();
    const holder = await createTestHolder(db());
    const project = createTestProject(db(), holder.id, { needs: [{ skill: "marketing", priority: "haute" }] });
    const needId = project.needIds[0]!;
    const near = await createTestVolunteer(db(), { skills: [{ skill: "marketing", level: "notions" }] });
    const far = await createTestVolunteer(db(), {
      skills: [{ skill: "marketing", level: "expert" }],
      user: { communeCode: SAINTES },
      profile: { radiusKm: 100 },
    });
    const order = () =>
      suggestMentorsForNeed(db(), needId, { limit: 500 })
        .map((s) => s.volunteerId)
        .filter((id) => id === near.id || id === far.id);
    expect(order()).toEqual([far.id, near.id]);

    // Without ?pole, the animator's only pôle.
    const form = await formFor(weightsPage.loader, "/animation/ponderations", animator.id);
    form["mentor.skillLevel"] = "0";
    form["mentor.distance"] = "100";
    const saved = await post(weightsPage.action, "/animation/ponderations", animator.id, form);
    expect(saved.status).toBe(302);
    expect(saved.location).toBe(`/animation/ponderations?pole=${territory.slug}`);
    expect(saved.flash).toMatch(/^Les pondérations sont enregistrées\./);
    expect(getMatchingWeights(db(), territory.id).mentor).toMatchObject({ skillLevel: 0, distance: 100 });
    expect(order()).toEqual([near.id, far.id]);

    const reset = await post(weightsPage.action, `/animation/ponderations?pole=${territory.slug}`, animator.id, { intent: "reset" });
    expect(reset.status).toBe(302);
    expect(reset.location).toBe(`/animation/ponderations?pole=${territory.slug}`);
    expect(reset.flash).toMatch(/^Les valeurs par défaut sont rétablies\./);
    expect(getMatchingWeights(db(), territory.id)).toEqual(DEFAULT_MATCHING_WEIGHTS);
    expect(order()).toEqual([far.id, near.id]);
  });

  it("each pôle has its own: the Sambre animator's weights leave the Saintonge's as they were, and the Saintonge's are out of their reach (403)", async () => {
    const saintonge = createTestTerritory(db(), { name: "PTCE Vals de Saintonge" });
    const sambre = createTestTerritory(db(), { name: "PTCE Sambre-Avesnois", communeCodes: [MAUBEUGE] });
    const sambreAnimator = await createTestAnimator(db(), sambre.id);
    const saintongeWeights = setMatchingWeights(db(), saintonge.id, { "mentor.recency": 7, "club.ticket": 9 });
    const stored = () => db().select().from(matchingWeights).where(eq(matchingWeights.territoryId, saintonge.id)).all();
    const saintongeRows = stored();

    const page = await get(weightsPage.loader, `/animation/ponderations?pole=${sambre.slug}`, sambreAnimator.id);
    expect(page.data).toMatchObject({ pole: { slug: sambre.slug, name: "PTCE Sambre-Avesnois" }, own: false });
    const form = await formFor(weightsPage.loader, `/animation/ponderations?pole=${sambre.slug}`, sambreAnimator.id);
    form["mentor.distance"] = "40";
    const saved = await post(weightsPage.action, `/animation/ponderations?pole=${sambre.slug}`, sambreAnimator.id, form);
    expect(saved.status).toBe(302);
    expect(saved.location).toBe(`/animation/ponderations?pole=${sambre.slug}`);
    expect(saved.flash).toMatch(/^Les pondérations sont enregistrées\./);
    expect(getMatchingWeights(db(), sambre.id).mentor.distance).toBe(40);
    expect(getMatchingWeights(db(), saintonge.id)).toEqual(saintongeWeights);
    expect(stored()).toEqual(saintongeRows);

    // The Saintonge's page, its form and its reset are refused, and nothing changes.
    expect((await get(weightsPage.loader, `/animation/ponderations?pole=${saintonge.slug}`, sambreAnimator.id)).status).toBe(403);
    const forSaintonge = await post(weightsPage.action, `/animation/ponderations?pole=${saintonge.slug}`, sambreAnimator.id, form);
    expect(forSaintonge.status).toBe(403);
    const resetSaintonge = await post(weightsPage.action, `/animation/ponderations?pole=${saintonge.slug}`, sambreAnimator.id, { intent: "reset" });
    expect(resetSaintonge.status).toBe(403);
    expect(stored()).toEqual(saintongeRows);

    // Resetting the Sambre's own brings it back to the defaults, and leaves the Saintonge's alone.
    const reset = await post(weightsPage.action, `/animation/ponderations?pole=${sambre.slug}`, sambreAnimator.id, { intent: "reset" });
    expect(reset.location).toBe(`/animation/ponderations?pole=${sambre.slug}`);
    expect(reset.flash).toMatch(/^Les valeurs par défaut sont rétablies\./);
    expect(getMatchingWeights(db(), sambre.id)).toEqual(DEFAULT_MATCHING_WEIGHTS);
    expect(stored()).toEqual(saintongeRows);
  });

  it("an animator of several pôles edits the one named in the query, and the page offers the others", async () => {
    const first = createTestTerritory(db(), { name: "PTCE Vals de Saintonge" });
    const second = createTestTerritory(db(), { name: "PTCE Sambre-Avesnois", communeCodes: [MAUBEUGE] });
    const animator = await createTestAnimator(db(), first.id);
    addTerritoryStaff(db(), second.id, animator.id);
    const page = await get(weightsPage.loader, `/animation/ponderations?pole=${second.slug}`, animator.id);
    const shown = page.data as { pole: { slug: string }; poles: { slug: string }[] };
    expect(shown.pole.slug).toBe(second.slug);
    expect(shown.poles.map((p) => p.slug).sort()).toEqual([first.slug, second.slug].sort());
    const form = await formFor(weightsPage.loader, `/animation/ponderations?pole=${second.slug}`, animator.id);
    form["club.sector"] = "12";
    await post(weightsPage.action, `/animation/ponderations?pole=${second.slug}`, animator.id, form);
    expect(getMatchingWeights(db(), second.id).club.sector).toBe(12);
    expect(hasOwnMatchingWeights(db(), first.id)).toBe(false);
  });
});
