import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { bodyDecisions, bodyMandates, governanceBodies } from "#db/schema";
import { createTestAnimator, createTestTerritory, createTestUser } from "#seeds/factories";
import { createTestBody, createTestOrganisation } from "#seeds/organisation-factories";
import { parisIsoDate } from "~/domain/paris-time";
import { addMandate, recordDecision, type BodyView } from "~/models/governance.server";
import { addPoleMember } from "~/models/pole-member.server";
import * as editPage from "~/routes/animation.gouvernance";
import * as publicPage from "~/routes/poles.$slug_.gouvernance";
import * as polePage from "~/routes/poles.$slug";
import { getDb, writeTransaction } from "~/utils/db.server";
import { fieldErrors, get, initialValue, post } from "./helpers";

const db = () => getDb();
const MAUBEUGE = "59392";

function governanceCounts() {
  const n = (t: typeof governanceBodies | typeof bodyMandates | typeof bodyDecisions) => db().select({ n: count() }).from(t).get()!.n;
  return { bodies: n(governanceBodies), mandates: n(bodyMandates), decisions: n(bodyDecisions) };
}

async function twoPoles() {
  const pole = createTestTerritory(db());
  const other = createTestTerritory(db(), { communeCodes: [MAUBEUGE] });
  return { pole, other, team: await createTestAnimator(db(), pole.id), otherTeam: await createTestAnimator(db(), other.id) };
}

async function bodiesSeenBy(slug: string, userId: number | null): Promise<BodyView[]> {
  const page = await get(publicPage.loader, `/poles/${slug}/gouvernance`, userId, { slug });
  expect(page.status).toBe(200);
  return (page.data as { bodies: BodyView[] }).bodies;
}

describe("only a pôle's animation team edits its governance", () => {
  it("the team adds a body, a mandate and a decision; another pôle's team, other people and visitors are refused and nothing changes", async () => {
    const { pole, team, otherTeam } = await twoPoles();
    const path = `/animation/gouvernance?pole=${pole.slug}`;
    const forms: Record<string, string>[] = [
      { intent: "add-body", kind: "comite-pilotage", name: "Comité de pilotage", description: "Fixe les orientations." },
      { intent: "add-decision", bodyId: "1", decidedOn: "2026-01-15", subject: "Charte", decision: "Adoptée." },
    ];
    const porteur = await createTestUser(db(), { roles: ["porteur"] });
    const before = governanceCounts();
    for (const form of forms) {
      const other = await post(editPage.action, path, otherTeam.id, form);
      expect(other.status, "another pôle's team").toBe(403);
      expect((await post(editPage.action, path, porteur.id, form)).status, "a porteur").toBe(403);
      expect((await post(editPage.action, path, null, form)).location, "a visitor").toMatch(/^\/connexion/);
    }
    expect((await get(editPage.loader, path, otherTeam.id)).status).toBe(403);
    expect(governanceCounts()).toEqual(before);

    const added = await post(editPage.action, path, team.id, forms[0]!);
    expect(added.status).toBe(302);
    expect(added.flash).toBe("L'instance est ajoutée.");
    const body = db().select().from(governanceBodies).where(eq(governanceBodies.territoryId, pole.id)).get()!;
    expect(body).toMatchObject({ kind: "comite-pilotage", name: "Comité de pilotage", position: 0 });

    const rep = await createTestUser(db(), { displayName: "Odile Berthier" });
    const org = createTestOrganisation(db(), [pole.id], [rep.id], { name: "Fondation des Charentes" });
    const mandate = await post(editPage.action, path, team.id, {
      intent: "add-mandate",
      bodyId: String(body.id),
      userId: String(rep.id),
      organisationId: String(org.id),
      position: "Co-présidente",
      startsOn: "2025-09-01",
    });
    expect(mandate.status).toBe(302);
    const decision = await post(editPage.action, path, team.id, {
      intent: "add-decision",
      bodyId: String(body.id),
      decidedOn: "2026-01-15",
      subject: "Adoption de la charte",
      decision: "La charte est adoptée.",
      votesFor: "8",
      votesAgainst: "1",
      votesAbstain: "2",
    });
    expect(decision.status).toBe(302);

    const [shown] = await bodiesSeenBy(pole.slug, null);
    expect(shown!.mandates).toMatchObject([{ displayName: "Odile Berthier", position: "Co-présidente", organisation: { name: "Fondation des Charentes" }, startsOn: "2025-09-01", endsOn: null }]);
    expect(shown!.decisions).toMatchObject([{ subject: "Adoption de la charte", votesFor: 8, votesAgainst: 1, votesAbstain: 2, internal: false }]);

    // Through its own page, the other pôle's team cannot reach this pôle's body either.
    const otherPath = `/animation/gouvernance?${new URLSearchParams({ pole: ((await get(editPage.loader, "/animation/gouvernance", otherTeam.id)).data as { pole: { slug: string } }).pole.slug })}`;
    const after = governanceCounts();
    const through = await post(editPage.action, otherPath, otherTeam.id, { intent: "add-decision", bodyId: String(body.id), decidedOn: "2026-01-15", subject: "Détournée", decision: "Non." });
    expect(through.status).toBe(404);
    const renamed = await post(editPage.action, otherPath, otherTeam.id, { intent: "edit-body", bodyId: String(body.id), kind: "bureau", name: "Bureau détourné" });
    expect(renamed.status).toBe(404);
    expect(governanceCounts()).toEqual(after);
    expect(db().select().from(governanceBodies).where(eq(governanceBodies.id, body.id)).get()!.name).toBe("Comité de pilotage");
  });

  it("the model refuses anyone outside the team, whatever route calls it", async () => {
    const { pole, team, otherTeam } = await twoPoles();
    const { bodyId } = createTestBody(db(), pole.id, team.id);
    const before = governanceCounts();
    const seat = addMandate(db(), pole.id, otherTeam.id, { bodyId, userId: otherTeam.id, organisationId: null, position: "Membre", startsOn: "2026-01-01", endsOn: null });
    expect(seat).toMatchObject({ ok: false, status: 403 });
    const decision = recordDecision(db(), pole.id, otherTeam.id, { bodyId, decidedOn: "2026-01-01", subject: "x", decision: "y", votesFor: null, votesAgainst: null, votesAbstain: null, internal: false }, new Date());
    expect(decision).toMatchObject({ ok: false, status: 403 });
    // A person outside the pôle cannot be given a seat, even by its team.
    const outsider = await createTestUser(db());
    const stranger = addMandate(db(), pole.id, team.id, { bodyId, userId: outsider.id, organisationId: null, position: "Membre", startsOn: "2026-01-01", endsOn: null });
    expect(stranger).toMatchObject({ ok: false, status: 400, field: "userId" });
    expect(governanceCounts()).toEqual(before);
  });

  it("refuses a mandate that ends before it starts and an incomplete vote, at their fields, keeping what was typed", async () => {
    const { pole, team } = await twoPoles();
    const { bodyId } = createTestBody(db(), pole.id, team.id);
    const path = `/animation/gouvernance?pole=${pole.slug}`;
    const before = governanceCounts();
    const mandate = await post(editPage.action, path, team.id, { intent: "add-mandate", bodyId: String(bodyId), userId: String(team.id), position: "Membre", startsOn: "2026-03-01", endsOn: "2026-02-01" });
    expect(mandate.status).toBe(400);
    expect(fieldErrors(mandate).endsOn).toEqual(["La fin du mandat ne peut pas précéder son début."]);
    const vote = await post(editPage.action, path, team.id, { intent: "add-decision", bodyId: String(bodyId), decidedOn: "2026-01-15", subject: "Budget", decision: "Adopté.", votesFor: "8" });
    expect(vote.status).toBe(400);
    expect(fieldErrors(vote).votesAgainst?.[0]).toMatch(/les trois nombres du vote/);
    expect(initialValue(vote)).toMatchObject({ subject: "Budget", decision: "Adopté.", votesFor: "8" });
    expect(governanceCounts()).toEqual(before);
  });

  it("ends a mandate: it leaves the public page the day after its last day", async () => {
    const { pole, team } = await twoPoles();
    const { mandateId } = createTestBody(db(), pole.id, team.id, { userId: team.id });
    const path = `/animation/gouvernance?pole=${pole.slug}`;
    expect((await bodiesSeenBy(pole.slug, null))[0]!.mandates).toHaveLength(1);
    const yesterday = parisIsoDate(new Date(Date.now() - 86_400_000));
    const ended = await post(editPage.action, path, team.id, { intent: "end-mandate", mandateId: String(mandateId), endsOn: yesterday });
    expect(ended.status).toBe(302);
    expect((await bodiesSeenBy(pole.slug, null))[0]!.mandates).toEqual([]);
    const again = await post(editPage.action, path, team.id, { intent: "end-mandate", mandateId: String(mandateId), endsOn: yesterday });
    expect(again.status).toBe(409);
    const edit = await get(editPage.loader, path, team.id);
    expect((edit.data as { bodies: BodyView[] }).bodies[0]!.mandates).toMatchObject([{ endsOn: yesterday, current: false }]);
  });
});

describe("internal decisions", () => {
  it("are shown to the pôle's members and team only, not to visitors, other people or members of another pôle", async () => {
    const { pole, other, team, otherTeam } = await twoPoles();
    const { bodyId } = createTestBody(db(), pole.id, team.id);
    for (const internal of [false, true]) {
      const d = recordDecision(db(), pole.id, team.id, { bodyId, decidedOn: "2026-01-10", subject: internal ? "Budget" : "Charte", decision: "Adoptée.", votesFor: 5, votesAgainst: 0, votesAbstain: 1, internal }, new Date());
      expect(d.ok).toBe(true);
    }
    const member = await createTestUser(db());
    const otherMember = await createTestUser(db());
    writeTransaction(db(), (tx) => {
      addPoleMember(tx, pole.id, member.id, new Date());
      addPoleMember(tx, other.id, otherMember.id, new Date());
    });
    const subjects = async (userId: number | null) => (await bodiesSeenBy(pole.slug, userId))[0]!.decisions.map((d) => d.subject);
    expect(await subjects(null)).toEqual(["Charte"]);
    expect(await subjects((await createTestUser(db())).id)).toEqual(["Charte"]);
    expect(await subjects(otherMember.id)).toEqual(["Charte"]);
    expect(await subjects(otherTeam.id)).toEqual(["Charte"]);
    expect((await subjects(member.id)).sort()).toEqual(["Budget", "Charte"]);
    expect((await subjects(team.id)).sort()).toEqual(["Budget", "Charte"]);
    // The pôle page counts public decisions only.
    const polePageData = (await get(polePage.loader, `/poles/${pole.slug}`, null, { slug: pole.slug })).data as { bodies: { publicDecisions: number; currentMandates: number }[] };
    expect(polePageData.bodies).toMatchObject([{ publicDecisions: 1, currentMandates: 0 }]);
  });
});
