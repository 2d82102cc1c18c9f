import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { projectFundingNeeds, projects, projectSkillNeeds } from "#db/schema";
import { createTestAnimator, createTestTerritory, createTestUser } from "#seeds/factories";
import { createTestHolder, createTestMentorship, createTestProject, createTestVolunteer, skillId } from "#seeds/journey-factories";
import * as besoinEdit from "~/routes/projets.$id.besoins.$needId";
import * as besoinNew from "~/routes/projets.$id.besoins.nouveau";
import * as financement from "~/routes/projets.$id.financement";
import * as projectPage from "~/routes/projets.$id._index";
import * as modifier from "~/routes/projets.$id.modifier";
import * as projectsIndex from "~/routes/projets._index";
import { addPoleMember } from "~/models/pole-member.server";
import { getDb, writeTransaction } from "~/utils/db.server";
import { get, messageOf, post } from "./helpers";

const db = () => getDb();

function validProjectForm(overrides: Record<string, string> = {}) {
  return {
    title: "Projet détourné",
    pitch: "Une tentative de modifier le projet d'une autre personne.",
    kind: "service",
    stage: "idee",
    legalForm: "sas",
    activityDomainId: "1",
    commune: "Saint-Jean-d'Angély (17400)",
    communeCode: "17347",
    jobsExpected: "1",
    ...overrides,
  };
}

describe("who may see a project", () => {
  let territoryId: number;
  beforeAll(() => {
    territoryId = createTestTerritory(db()).id;
  });

  it("hides a draft from volunteers, other holders and visitors (404), shows it to its holder, the pôle's team and admins", async () => {
    const holder = await createTestHolder(db());
    const draft = createTestProject(db(), holder.id, { status: "brouillon" });
    const path = `/projets/${draft.id}`;
    const params = { id: String(draft.id) };

    const volunteer = await createTestVolunteer(db());
    const otherHolder = await createTestHolder(db());
    const otherTeam = await createTestAnimator(db(), createTestTerritory(db(), { communeCodes: ["59392"] }).id);
    for (const userId of [volunteer.id, otherHolder.id, otherTeam.id, null]) {
      const seen = await get(projectPage.loader, path, userId, params);
      expect(seen.status, `user ${userId}`).toBe(404);
    }

    const team = await createTestAnimator(db(), territoryId);
    const admin = await createTestUser(db(), { roles: ["admin"] });
    for (const userId of [holder.id, team.id, admin.id]) {
      const seen = await get(projectPage.loader, path, userId, params);
      expect(seen.status, `user ${userId}`).toBe(200);
    }
  });

  it("shows a published project to anyone, its contact only after an accepted mentorship", async () => {
    const holder = await createTestHolder(db());
    const project = createTestProject(db(), holder.id);
    const volunteer = await createTestVolunteer(db());
    const params = { id: String(project.id) };
    const before = await get(projectPage.loader, `/projets/${project.id}`, volunteer.id, params);
    expect(before.status).toBe(200);
    expect((before.data as { contactEmail: string | null }).contactEmail).toBeNull();
    expect((await get(projectPage.loader, `/projets/${project.id}`, null, params)).status).toBe(200);

    createTestMentorship(db(), project.needIds[0]!, volunteer.id);
    const after = await get(projectPage.loader, `/projets/${project.id}`, volunteer.id, params);
    expect((after.data as { contactEmail: string | null }).contactEmail).toBe(holder.email);
  });

  it("shows the holder's e-mail to the signed-in members of the project's pôle, never to a visitor or another pôle's member", async () => {
    const holder = await createTestHolder(db());
    const project = createTestProject(db(), holder.id);
    const params = { id: String(project.id) };
    const member = await createTestUser(db(), { roles: ["epargnant"] });
    const elsewhere = await createTestUser(db(), { roles: ["epargnant"] });
    const otherPole = createTestTerritory(db(), { departmentCodes: ["59"], communeCodes: ["59392"] });
    writeTransaction(db(), (tx) => {
      addPoleMember(tx, territoryId, member.id, new Date());
      addPoleMember(tx, otherPole.id, elsewhere.id, new Date());
    });
    const contactOf = async (userId: number | null) =>
      ((await get(projectPage.loader, `/projets/${project.id}`, userId, params)).data as { contactEmail: string | null }).contactEmail;
    expect(await contactOf(member.id)).toBe(holder.email);
    expect(await contactOf(holder.id)).toBe(holder.email);
    expect(await contactOf((await createTestAnimator(db(), territoryId)).id)).toBe(holder.email);
    expect(await contactOf(elsewhere.id)).toBeNull();
    expect(await contactOf(null)).toBeNull();
  });

  it("lists projects looking for partners near the person, nearest first, never their own", async () => {
    const me = await createTestHolder(db());
    const offer = { seeks: "Un associé au capital." };
    const mine = createTestProject(db(), me.id, { offer });
    const matha = createTestProject(db(), (await createTestHolder(db())).id, { offer, overrides: { communeCode: "17224" } });
    const here = createTestProject(db(), (await createTestHolder(db())).id, { offer });
    const maubeuge = createTestProject(db(), (await createTestHolder(db())).id, { offer, overrides: { communeCode: "59392" } });
    const alone = createTestProject(db(), (await createTestHolder(db())).id);
    const closed = createTestProject(db(), (await createTestHolder(db())).id, { offer: { ...offer, open: false } });
    const draft = createTestProject(db(), (await createTestHolder(db())).id, { status: "brouillon", offer });
    const page = await get(projectsIndex.loader, "/projets", me.id);
    const near = (page.data as { me: { partners: { id: number; distanceKm: number }[] } }).me.partners;
    expect(near.map((p) => p.id)).toEqual([here.id, matha.id]);
    expect(near[1]!.distanceKm).toBeGreaterThan(10);
    expect(near[1]!.distanceKm).toBeLessThan(40);
    for (const hidden of [mine, maubeuge, alone, closed, draft]) expect(near.map((p) => p.id)).not.toContain(hidden.id);
  });

  it("does not list someone else's draft on /projets", async () => {
    const holder = await createTestHolder(db());
    const draft = createTestProject(db(), holder.id, { status: "brouillon", overrides: { title: "Brouillon secret" } });
    const volunteer = await createTestVolunteer(db());
    const page = await get(projectsIndex.loader, "/projets", volunteer.id);
    const data = page.data as { showcase: { cards: { id: number }[] }; me: { partners: { id: number }[] } };
    expect([...data.showcase.cards, ...data.me.partners].map((p) => p.id)).not.toContain(draft.id);
  });
});

describe("forged POSTs on someone else's project", () => {
  it("refuses to edit, publish, close, add or change needs or funding (403), and changes nothing", async () => {
    const owner = await createTestHolder(db());
    const intruder = await createTestHolder(db());
    const project = createTestProject(db(), owner.id);
    const params = { id: String(project.id) };
    const before = db().select().from(projects).where(eq(projects.id, project.id)).get();

    const edit = await post(modifier.action, `/projets/${project.id}/modifier`, intruder.id, validProjectForm(), params);
    expect(edit.status).toBe(403);
    for (const intent of ["publish", "close"]) {
      const forged = await post(projectPage.action, `/projets/${project.id}`, intruder.id, { intent }, params);
      expect(forged.status, intent).toBe(403);
    }
    const need = await post(
      besoinNew.action,
      `/projets/${project.id}/besoins/nouveau`,
      intruder.id,
      { skillId: String(skillId(db(), "marketing")), priority: "haute", hoursPerMonth: "3" },
      params,
    );
    expect(need.status).toBe(403);
    const needId = String(project.needIds[0]);
    const removeNeed = await post(besoinEdit.action, `/projets/${project.id}/besoins/${needId}`, intruder.id, { intent: "remove" }, { ...params, needId });
    expect(removeNeed.status).toBe(403);
    const funding = await post(financement.action, `/projets/${project.id}/financement`, intruder.id, { intent: "save", amount: "5000", kind: "don" }, params);
    expect(funding.status).toBe(403);
    const ask = await post(projectPage.action, `/projets/${project.id}`, intruder.id, { intent: "request", needId, volunteerId: String(intruder.id) }, params);
    expect(ask.status).toBe(403);

    expect(db().select().from(projects).where(eq(projects.id, project.id)).get()).toEqual(before);
    expect(db().select({ n: count() }).from(projectSkillNeeds).where(eq(projectSkillNeeds.projectId, project.id)).get()?.n).toBe(1);
    expect(db().select({ n: count() }).from(projectFundingNeeds).where(eq(projectFundingNeeds.projectId, project.id)).get()?.n).toBe(0);
  });

  it("answers 404 on someone else's draft and on a need of another project", async () => {
    const owner = await createTestHolder(db());
    const intruder = await createTestHolder(db());
    const draft = createTestProject(db(), owner.id, { status: "brouillon" });
    const edit = await post(modifier.action, `/projets/${draft.id}/modifier`, intruder.id, validProjectForm(), { id: String(draft.id) });
    expect(edit.status).toBe(404);

    const mine = createTestProject(db(), intruder.id);
    const theirNeed = String(draft.needIds[0]);
    const crossed = await post(
      besoinEdit.action,
      `/projets/${mine.id}/besoins/${theirNeed}`,
      intruder.id,
      { intent: "remove" },
      { id: String(mine.id), needId: theirNeed },
    );
    expect(crossed.status).toBe(404);
    expect(db().select().from(projectSkillNeeds).where(eq(projectSkillNeeds.id, Number(theirNeed))).get()).toBeDefined();
  });

  it("sends a visitor's POST to sign in", async () => {
    const owner = await createTestHolder(db());
    const project = createTestProject(db(), owner.id);
    const forged = await post(projectPage.action, `/projets/${project.id}`, null, { intent: "close" }, { id: String(project.id) });
    expect(forged.status).toBe(302);
    expect(forged.location).toMatch(/^\/connexion\?redirectTo=/);
    expect(db().select().from(projects).where(eq(projects.id, project.id)).get()?.status).toBe("publie");
  });
});

describe("the holder's own project", () => {
  it("publishes only once it has a need, then closes", async () => {
    const owner = await createTestHolder(db());
    const empty = createTestProject(db(), owner.id, { status: "brouillon", needs: [] });
    const params = { id: String(empty.id) };
    const refused = await post(projectPage.action, `/projets/${empty.id}`, owner.id, { intent: "publish" }, params);
    expect(refused.status).toBe(409);
    expect(messageOf(refused)).toMatch(/ajoutez au moins un besoin/);

    const added = await post(
      besoinNew.action,
      `/projets/${empty.id}/besoins/nouveau`,
      owner.id,
      { skillId: String(skillId(db(), "marketing")), priority: "haute", hoursPerMonth: "3" },
      params,
    );
    expect(added.status).toBe(302);
    const published = await post(projectPage.action, `/projets/${empty.id}`, owner.id, { intent: "publish" }, params);
    expect(published.location).toBe(`/projets/${empty.id}`);
    expect(published.flash).toMatch(/^Votre projet est publié/);
    const closed = await post(projectPage.action, `/projets/${empty.id}`, owner.id, { intent: "close" }, params);
    expect(closed.status).toBe(302);
    expect(closed.flash).toBe("Le projet est clos.");
    expect(db().select().from(projects).where(eq(projects.id, empty.id)).get()?.status).toBe("clos");
    const editClosed = await post(modifier.action, `/projets/${empty.id}/modifier`, owner.id, validProjectForm(), params);
    expect(editClosed.status).toBe(403);
  });
});

describe("handing a project over", () => {
  it("the pôle's team hands a project to another member who holds projects; both are told; a refusal changes nothing", async () => {
    const territoryId = createTestTerritory(db()).id;
    const holder = await createTestHolder(db());
    const next = await createTestHolder(db());
    const outsider = await createTestHolder(db());
    writeTransaction(db(), (tx) => addPoleMember(tx, territoryId, next.id, new Date()));
    const project = createTestProject(db(), holder.id);
    const team = await createTestAnimator(db(), territoryId);
    const path = `/projets/${project.id}`;
    const params = { id: String(project.id) };
    const ownerOf = () => db().select({ ownerId: projects.ownerId }).from(projects).where(eq(projects.id, project.id)).get()!.ownerId;

    const page = await get(projectPage.loader, path, team.id, params);
    const candidates = (page.data as { handOverTo: { id: number }[] | null }).handOverTo!;
    expect(candidates.map((c) => c.id)).toContain(next.id);
    expect(candidates.map((c) => c.id)).not.toContain(holder.id);
    expect((await get(projectPage.loader, path, holder.id, params)).data).toMatchObject({ handOverTo: null });

    // Its holder cannot hand it over; nor can the team give it to someone outside the pôle.
    expect((await post(projectPage.action, path, holder.id, { intent: "handOver", newHolderId: String(next.id) }, params)).status).toBe(403);
    const outside = await post(projectPage.action, path, team.id, { intent: "handOver", newHolderId: String(outsider.id) }, params);
    expect(outside.status).toBe(400);
    expect(messageOf(outside) ?? JSON.stringify(outside.data)).toMatch(/membre du pôle qui porte des projets/);
    expect(ownerOf()).toBe(holder.id);

    const handed = await post(projectPage.action, path, team.id, { intent: "handOver", newHolderId: String(next.id) }, params);
    expect(handed.status).toBe(302);
    expect(ownerOf()).toBe(next.id);
    const told = db().$client.prepare("SELECT user_id AS userId, title FROM notifications WHERE link = ? ORDER BY id").all(path) as { userId: number; title: string }[];
    expect(told.find((n) => n.userId === next.id)?.title).toContain("vous confie le projet");
    expect(told.find((n) => n.userId === holder.id)?.title).toContain(`est confié à ${next.displayName}`);
  });
});
