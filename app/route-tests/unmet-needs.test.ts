/**
 * The register of unmet needs (/besoins): posting with French messages at the field, one support per
 * person, the team's qualification and the project drafted from a need, with the trace on its page.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { notifications, projects, unmetNeedLinks, unmetNeedSupports, unmetNeeds } from "#db/schema";
import { createTestAnimator, createTestTerritory, createTestUser } from "#seeds/factories";
import { addTestMembers, createTestUnmetNeed } from "#seeds/pole-factories";
import { listActivityDomains } from "~/models/catalog.server";
import type { Territory } from "~/models/territory.server";
import * as needPage from "~/routes/besoins.$id";
import * as needList from "~/routes/besoins._index";
import * as newNeed from "~/routes/besoins.nouveau";
import { getDb, type Db } from "~/utils/db.server";
import { fieldErrors, get, initialValue, post } from "./helpers";

let db: Db;
let pole: Territory;
let otherPole: Territory;

beforeAll(() => {
  db = getDb();
  pole = createTestTerritory(db);
  otherPole = createTestTerritory(db);
});

const needCount = () => db.select().from(unmetNeeds).all().length;
const user = async (roles: ("porteur" | "benevole" | "epargnant")[] = ["benevole"]) => (await createTestUser(db, { roles })).id;
const validNeed = () => ({
  poleId: String(pole.id),
  title: "Pas de laverie dans le canton",
  description: "La dernière laverie a fermé ; les familles sans machine font trente kilomètres chaque semaine.",
  affected: "les familles sans lave-linge",
});

describe("posting a need", () => {
  it("stores the need and tells the pôle's animation team", async () => {
    const team = await createTestAnimator(db, pole.id);
    const author = await user();
    const called = await post(newNeed.action, "/besoins/nouveau", author, { ...validNeed(), commune: "17347" });
    expect(called.status).toBe(302);
    const id = Number(called.location!.split("/").pop());
    const stored = db.select().from(unmetNeeds).where(eq(unmetNeeds.id, id)).get()!;
    expect(stored).toMatchObject({ authorId: author, communeCode: "17347", status: "ouvert", territoryId: pole.id });
    expect(db.select().from(notifications).where(and(eq(notifications.userId, team.id), eq(notifications.link, `/besoins/${id}`))).all()).toHaveLength(1);
  });

  it("answers bad input with French messages at each field, keeps what was typed and stores nothing", async () => {
    const before = needCount();
    const called = await post(newNeed.action, "/besoins/nouveau", await user(), { poleId: String(pole.id), title: "Laverie", description: "Trop court", affected: "" });
    expect(called.status).toBe(400);
    const errors = fieldErrors(called);
    expect(errors.description?.[0]).toMatch(/au moins 30 caractères/);
    expect(errors.affected?.[0]).toMatch(/qui en souffre/);
    expect(initialValue(called)).toMatchObject({ title: "Laverie", description: "Trop court" });
    expect(needCount()).toBe(before);
  });

  it("refuses a commune outside the chosen pôle at the commune field, and stores nothing", async () => {
    const before = needCount();
    const called = await post(newNeed.action, "/besoins/nouveau", await user(), { ...validNeed(), commune: "59392" });
    expect(called.status).toBe(400);
    expect(fieldErrors(called).commune?.[0]).toMatch(/n'est pas dans le territoire/);
    expect(initialValue(called)).toMatchObject({ title: validNeed().title });
    expect(needCount()).toBe(before);
  });
});

describe("supporting and listing", () => {
  it("counts one support per person however often they press, and lets them withdraw it", async () => {
    const need = createTestUnmetNeed(db, pole.id, await user());
    const fan = await user(["epargnant"]);
    const params = { id: String(need.id) };
    for (let i = 0; i < 3; i += 1) await post(needPage.action, `/besoins/${need.id}`, fan, { intent: "support", support: "oui" }, params);
    const supports = () => db.select().from(unmetNeedSupports).where(eq(unmetNeedSupports.needId, need.id)).all().length;
    expect(supports()).toBe(1);
    await post(needPage.action, `/besoins/${need.id}`, fan, { intent: "support", support: "non" }, params);
    expect(supports()).toBe(0);
  });

  it("shows a visitor the needs of one pôle only when filtered, and drops unknown filters from the address", async () => {
    createTestUnmetNeed(db, otherPole.id, await user());
    const filtered = await get(needList.loader, `/besoins?pole=${otherPole.slug}`, null);
    const data = filtered.data as { needs: { pole: { slug: string } }[]; total: number };
    expect(data.total).toBeGreaterThan(0);
    expect(data.needs.every((n) => n.pole.slug === otherPole.slug)).toBe(true);
    const unknown = await get(needList.loader, "/besoins?pole=nulle-part&statut=perdu", null);
    expect(unknown.status).toBe(302);
    expect(unknown.location).toBe("/besoins");
  });

  it("answers 404 for an unknown or malformed need", async () => {
    expect((await get(needPage.loader, "/besoins/999999", null, { id: "999999" })).status).toBe(404);
    expect((await get(needPage.loader, "/besoins/abc", null, { id: "abc" })).status).toBe(404);
  });
});

describe("the animation team's work on a need", () => {
  it("requires a reason to set a need aside, then tells its author and supporters", async () => {
    const team = await createTestAnimator(db, pole.id);
    const author = await user();
    const fan = await user(["epargnant"]);
    const need = createTestUnmetNeed(db, pole.id, author);
    const params = { id: String(need.id) };
    await post(needPage.action, `/besoins/${need.id}`, fan, { intent: "support", support: "oui" }, params);
    const missing = await post(needPage.action, `/besoins/${need.id}`, team.id, { intent: "qualify", status: "non-retenu", statusNote: "" }, params);
    expect(missing.status).toBe(400);
    expect(fieldErrors(missing).statusNote?.[0]).toMatch(/Dites pourquoi/);
    expect(db.select().from(unmetNeeds).where(eq(unmetNeeds.id, need.id)).get()!.status).toBe("ouvert");

    const done = await post(needPage.action, `/besoins/${need.id}`, team.id, { intent: "qualify", status: "non-retenu", statusNote: "Relève de la commune." }, params);
    expect(done.status).toBe(302);
    expect(db.select().from(unmetNeeds).where(eq(unmetNeeds.id, need.id)).get()).toMatchObject({ status: "non-retenu", statusNote: "Relève de la commune." });
    for (const told of [author, fan]) {
      expect(db.select().from(notifications).where(and(eq(notifications.userId, told), eq(notifications.kind, "besoin-territoire"))).all().length).toBeGreaterThan(0);
    }
  });

  it("refuses another pôle's animation team and changes nothing", async () => {
    const stranger = await createTestAnimator(db, otherPole.id);
    const need = createTestUnmetNeed(db, pole.id, await user());
    const called = await post(needPage.action, `/besoins/${need.id}`, stranger.id, { intent: "qualify", status: "repondu", statusNote: "Vu." }, { id: String(need.id) });
    expect(called.status).toBe(403);
    expect(db.select().from(unmetNeeds).where(eq(unmetNeeds.id, need.id)).get()!.status).toBe("ouvert");
  });

  it("turns a need into a project draft handed to a holder of the pôle, shown in the need's trace", async () => {
    const team = await createTestAnimator(db, pole.id);
    const holder = await user(["porteur"]);
    addTestMembers(db, pole.id, [holder]);
    const need = createTestUnmetNeed(db, pole.id, await user());
    const params = { id: String(need.id) };
    const domain = listActivityDomains(db)[0]!.id;
    const called = await post(needPage.action, `/besoins/${need.id}`, team.id, { intent: "draft", holderId: String(holder), activityDomainId: String(domain), kind: "service" }, params);
    expect(called.status).toBe(302);
    const link = db.select().from(unmetNeedLinks).where(eq(unmetNeedLinks.needId, need.id)).get()!;
    expect(link.drafted).toBe(true);
    const project = db.select().from(projects).where(eq(projects.id, link.projectId!)).get()!;
    expect(project).toMatchObject({ ownerId: holder, status: "brouillon", title: "Un service qui manque" });
    expect(db.select().from(unmetNeeds).where(eq(unmetNeeds.id, need.id)).get()!.status).toBe("a-l-etude");
    expect(db.select().from(notifications).where(and(eq(notifications.userId, holder), eq(notifications.link, `/projets/${project.id}`))).all()).toHaveLength(1);

    // A visitor reads the trace, without a link to a draft they may not open.
    const page = (await get(needPage.loader, `/besoins/${need.id}`, null, params)).data as {
      trace: { key: string; lines: string[] }[];
      answers: { title: string; href: string | null }[];
    };
    expect(page.trace.find((s) => s.key === "reponses")!.lines).toEqual(["Projet né de ce besoin : Un service qui manque"]);
    expect(page.answers).toEqual([expect.objectContaining({ title: "Un service qui manque", href: null })]);
    const asHolder = (await get(needPage.loader, `/besoins/${need.id}`, holder, params)).data as { answers: { href: string | null }[] };
    expect(asHolder.answers[0]!.href).toBe(`/projets/${project.id}`);
  });

  it("refuses to hand a draft to someone who is not a holder of the pôle, and creates no project", async () => {
    const team = await createTestAnimator(db, pole.id);
    const outsider = await user(["porteur"]);
    const need = createTestUnmetNeed(db, pole.id, await user());
    const before = db.select().from(projects).all().length;
    const called = await post(
      needPage.action,
      `/besoins/${need.id}`,
      team.id,
      { intent: "draft", holderId: String(outsider), activityDomainId: String(listActivityDomains(db)[0]!.id), kind: "service" },
      { id: String(need.id) },
    );
    expect(called.status).toBe(400);
    expect(fieldErrors(called).holderId?.[0]).toMatch(/membre du pôle/);
    expect(db.select().from(projects).all().length).toBe(before);
  });
});
