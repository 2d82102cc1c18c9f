import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { notifications, organisationPoles, organisationRepresentatives, organisations } from "#db/schema";
import { createTestAnimator, createTestTerritory, createTestUser } from "#seeds/factories";
import { createTestOrganisation, randomSiret } from "#seeds/organisation-factories";
import { luhnComplete } from "~/domain/organisation";
import * as directory from "~/routes/organisations._index";
import * as newOrganisation from "~/routes/organisations.nouvelle";
import * as page from "~/routes/organisations.$slug._index";
import * as edit from "~/routes/organisations.$slug.modifier";
import * as requests from "~/routes/animation.organisations";
import type { DirectoryCard, OrganisationPage } from "~/models/organisation.server";
import { SIRET_MESSAGES } from "~/schemas/organisation";
import { getDb } from "~/utils/db.server";
import { fieldErrors, get, initialValue, messageOf, post } from "./helpers";

const db = () => getDb();
const MAUBEUGE = "59392";

function tableCounts() {
  const n = (t: typeof organisations | typeof organisationPoles | typeof organisationRepresentatives) => db().select({ n: count() }).from(t).get()!.n;
  return { organisations: n(organisations), poles: n(organisationPoles), representatives: n(organisationRepresentatives) };
}

function registration(territoryId: number, overrides: Record<string, string> = {}) {
  return {
    name: "Épicerie solidaire du Val",
    kind: "association",
    siret: "",
    nafCode: "4711D",
    commune: "Saint-Jean-d'Angély (17400)",
    communeCode: "17347",
    territoryId: String(territoryId),
    position: "Présidente",
    description: "Une épicerie où chacun paie selon ses moyens.",
    ...overrides,
  };
}

async function names(query: string): Promise<string[]> {
  const answer = await get(directory.loader, `/organisations${query}`, null);
  expect(answer.status).toBe(200);
  return (answer.data as { organisations: DirectoryCard[] }).organisations.map((o) => o.name);
}

describe("registering an organisation", () => {
  it("refuses a SIRET with a wrong Luhn key at the field, keeps what was typed, stores nothing", async () => {
    const pole = createTestTerritory(db());
    const person = await createTestUser(db());
    const before = tableCounts();
    const form = registration(pole.id, { siret: "732 829 320 00075" });
    const answer = await post(newOrganisation.action, "/organisations/nouvelle", person.id, form);
    expect(answer.status).toBe(400);
    expect(fieldErrors(answer).siret).toEqual([SIRET_MESSAGES.key]);
    expect(SIRET_MESSAGES.key).toBe("Ce numéro SIRET n'est pas valide : sa clé de contrôle ne correspond pas.");
    expect(initialValue(answer)).toMatchObject({ name: form.name, siret: form.siret, description: form.description, position: "Présidente" });
    expect(tableCounts()).toEqual(before);
  });

  it("refuses an unknown NAF code, a SIRET of another SIREN and a malformed SIREN, each at its field", async () => {
    const pole = createTestTerritory(db());
    const person = await createTestUser(db());
    const before = tableCounts();
    const siret = randomSiret();
    const otherSiren = luhnComplete(String((Number(siret.slice(0, 8)) + 1) % 100_000_000).padStart(8, "0"));
    const answer = await post(newOrganisation.action, "/organisations/nouvelle", person.id, registration(pole.id, { nafCode: "88.99Z", siret, siren: otherSiren }));
    expect(answer.status).toBe(400);
    expect(fieldErrors(answer).nafCode?.[0]).toMatch(/n'existe pas dans la nomenclature/);
    expect(fieldErrors(answer).siret).toEqual([SIRET_MESSAGES.mismatch]);
    const malformed = await post(newOrganisation.action, "/organisations/nouvelle", person.id, registration(pole.id, { siren: "1234" }));
    expect(fieldErrors(malformed).siren?.[0]).toMatch(/compte 9 chiffres/);
    expect(tableCounts()).toEqual(before);
  });

  it("stores the organisation with its numbers normalised, its request to join the pôle and its founder as a waiting representative; the pôle's team is told", async () => {
    const pole = createTestTerritory(db());
    const team = await createTestAnimator(db(), pole.id);
    const person = await createTestUser(db());
    const siret = randomSiret();
    const spaced = `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`;
    const answer = await post(newOrganisation.action, "/organisations/nouvelle", person.id, registration(pole.id, { siret: spaced, name: "Épicerie solidaire du Val" }));
    expect(answer.status).toBe(302);
    expect(answer.location).toMatch(/^\/organisations\/epicerie-solidaire-du-val/);
    const stored = db().select().from(organisations).where(eq(organisations.siret, siret)).get()!;
    expect(stored).toMatchObject({ siren: siret.slice(0, 9), nafCode: "47.11D", communeCode: "17347", createdBy: person.id });
    expect(db().select().from(organisationPoles).where(eq(organisationPoles.organisationId, stored.id)).all()).toMatchObject([{ territoryId: pole.id, status: "demandee" }]);
    expect(db().select().from(organisationRepresentatives).where(eq(organisationRepresentatives.organisationId, stored.id)).all()).toMatchObject([
      { userId: person.id, position: "Présidente", status: "demandee" },
    ]);
    const told = db().select().from(notifications).where(eq(notifications.userId, team.id)).all();
    expect(told).toMatchObject([{ kind: "moderation", title: "Nouvelle organisation à confirmer : Épicerie solidaire du Val", link: `/animation/organisations?pole=${pole.slug}` }]);

    // The same SIRET twice: refused at the field.
    const again = await post(newOrganisation.action, "/organisations/nouvelle", person.id, registration(pole.id, { siret, name: "Autre nom" }));
    expect(again.status).toBe(409);
    expect(fieldErrors(again).siret?.[0]).toMatch(/porte déjà ce numéro SIRET : Épicerie solidaire du Val/);
  });

  it("sends a visitor to sign in", async () => {
    const answer = await get(newOrganisation.loader, "/organisations/nouvelle", null);
    expect(answer.status).toBe(302);
    expect(answer.location).toMatch(/^\/connexion\?redirectTo=/);
  });
});

describe("an organisation waiting for its first pôle", () => {
  it("is seen only by its founder, the pôle's team and admins, and is not in the directory until confirmed", async () => {
    const pole = createTestTerritory(db());
    const team = await createTestAnimator(db(), pole.id);
    const otherTeam = await createTestAnimator(db(), createTestTerritory(db(), { communeCodes: [MAUBEUGE] }).id);
    const founder = await createTestUser(db());
    const name = `Recyclerie ${Date.now()}`;
    const created = await post(newOrganisation.action, "/organisations/nouvelle", founder.id, registration(pole.id, { name }));
    const slug = created.location!.split("/").pop()!;
    const params = { slug };
    for (const who of [null, (await createTestUser(db())).id, otherTeam.id]) {
      expect((await get(page.loader, `/organisations/${slug}`, who, params)).status, `user ${who}`).toBe(404);
    }
    const admin = await createTestUser(db(), { roles: ["admin"] });
    for (const who of [founder.id, team.id, admin.id]) {
      expect((await get(page.loader, `/organisations/${slug}`, who, params)).status, `user ${who}`).toBe(200);
    }
    expect(await names(`?q=${encodeURIComponent(name)}`)).toEqual([]);

    // The founder cannot edit it before the team confirms them.
    expect((await get(edit.loader, `/organisations/${slug}/modifier`, founder.id, params)).status).toBe(403);

    const id = db().select().from(organisations).where(eq(organisations.slug, slug)).get()!.id;
    const refused = await post(requests.action, `/animation/organisations?pole=${pole.slug}`, otherTeam.id, { intent: "confirm-pole", organisationId: String(id) });
    expect(refused.status).toBe(403);
    const confirmed = await post(requests.action, `/animation/organisations?pole=${pole.slug}`, team.id, { intent: "confirm-pole", organisationId: String(id) });
    expect(confirmed.status).toBe(302);
    expect(confirmed.flash).toBe(`${name} est désormais membre du pôle.`);
    expect(await names(`?q=${encodeURIComponent(name)}`)).toEqual([name]);
    expect((await get(page.loader, `/organisations/${slug}`, null, params)).status).toBe(200);
    const founderTold = db().select().from(notifications).where(and(eq(notifications.userId, founder.id), eq(notifications.kind, "moderation"))).all();
    expect(founderTold.map((n) => n.title)).toContain(`${name} est membre du ${pole.name}`);

    // A second answer to the same request is refused.
    const twice = await post(requests.action, `/animation/organisations?pole=${pole.slug}`, team.id, { intent: "decline-pole", organisationId: String(id) });
    expect(twice.status).toBe(409);
  });
});

describe("representatives", () => {
  it("a person asks to represent an organisation; the pôle's team confirms; the page then shows name and position, never an address", async () => {
    const pole = createTestTerritory(db());
    const team = await createTestAnimator(db(), pole.id);
    const otherTeam = await createTestAnimator(db(), createTestTerritory(db(), { communeCodes: [MAUBEUGE] }).id);
    const director = await createTestUser(db(), { displayName: "Claire Dumas" });
    const org = createTestOrganisation(db(), [pole.id], [director.id]);
    const applicant = await createTestUser(db(), { displayName: "Paul Lefort" });
    const path = `/organisations/${org.slug}`;
    const params = { slug: org.slug };

    const asked = await post(page.action, path, applicant.id, { intent: "represent", position: "Trésorier" }, params);
    expect(asked.status).toBe(302);
    expect((await post(page.action, path, applicant.id, { intent: "represent", position: "Trésorier" }, params)).status).toBe(409);
    const visitor = await post(page.action, path, null, { intent: "represent", position: "Trésorier" }, params);
    expect(visitor.location).toMatch(/^\/connexion/);

    const form = { intent: "confirm-representative", organisationId: String(org.id), userId: String(applicant.id) };
    const before = tableCounts();
    expect((await post(requests.action, `/animation/organisations?pole=${pole.slug}`, otherTeam.id, form)).status).toBe(403);
    // Through the other team's own page: this organisation asked nothing of their pôle.
    const otherSlug = (await get(requests.loader, "/animation/organisations", otherTeam.id)).data as { pole: { slug: string } };
    expect((await post(requests.action, `/animation/organisations?pole=${otherSlug.pole.slug}`, otherTeam.id, form)).status).toBe(404);
    expect(tableCounts()).toEqual(before);

    const pending = await get(requests.loader, `/animation/organisations?pole=${pole.slug}`, team.id);
    expect((pending.data as { pending: { representatives: { displayName: string }[] } }).pending.representatives.map((r) => r.displayName)).toEqual(["Paul Lefort"]);
    expect((await post(requests.action, `/animation/organisations?pole=${pole.slug}`, team.id, form)).status).toBe(302);

    const shown = await get(page.loader, path, null, params);
    const o = (shown.data as { organisation: OrganisationPage }).organisation;
    expect(o.representatives.map((r) => `${r.displayName}, ${r.position}`)).toEqual(["Claire Dumas, Directrice", "Paul Lefort, Trésorier"]);
    const text = JSON.stringify(shown.data);
    expect(text).not.toContain(director.email);
    expect(text).not.toContain(applicant.email);
    const told = db().select().from(notifications).where(eq(notifications.userId, applicant.id)).all();
    expect(told.map((n) => n.title)).toContain(`Vous représentez désormais ${o.name}`);
  });
});

describe("editing an organisation", () => {
  it("is for its confirmed representatives and its pôles' animation teams only", async () => {
    const pole = createTestTerritory(db());
    const team = await createTestAnimator(db(), pole.id);
    const otherTeam = await createTestAnimator(db(), createTestTerritory(db(), { communeCodes: [MAUBEUGE] }).id);
    const rep = await createTestUser(db());
    const org = createTestOrganisation(db(), [pole.id], [rep.id], { name: "Atelier du bourg" });
    const path = `/organisations/${org.slug}/modifier`;
    const params = { slug: org.slug };
    const form = { name: "Atelier du bourg", kind: "entreprise", siret: "", nafCode: "16.23Z", commune: "Saint-Jean-d'Angély (17400)", communeCode: "17347", description: "Menuiserie.", website: "https://atelier.exemple.fr" };

    for (const who of [otherTeam.id, (await createTestUser(db())).id]) {
      expect((await get(edit.loader, path, who, params)).status).toBe(403);
      expect((await post(edit.action, path, who, form, params)).status).toBe(403);
    }
    const stored = () => db().select().from(organisations).where(eq(organisations.id, org.id)).get()!;
    expect(stored().kind).toBe("association");

    const saved = await post(edit.action, path, rep.id, form, params);
    expect(saved.status).toBe(302);
    expect(stored()).toMatchObject({ kind: "entreprise", nafCode: "16.23Z", website: "https://atelier.exemple.fr", siret: null });

    const byTeam = await post(edit.action, path, team.id, { ...form, description: "Menuiserie et ébénisterie." }, params);
    expect(byTeam.status).toBe(302);
    expect(stored().description).toBe("Menuiserie et ébénisterie.");

    const badWebsite = await post(edit.action, path, rep.id, { ...form, website: "pas une adresse" }, params);
    expect(badWebsite.status).toBe(400);
    expect(messageOf(badWebsite)).toMatch(/adresse complète du site/);
  });

  it("asks to join another pôle, whose team is told", async () => {
    const pole = createTestTerritory(db());
    const other = createTestTerritory(db(), { communeCodes: [MAUBEUGE] });
    const otherTeam = await createTestAnimator(db(), other.id);
    const rep = await createTestUser(db());
    const org = createTestOrganisation(db(), [pole.id], [rep.id]);
    const path = `/organisations/${org.slug}/modifier`;
    const asked = await post(edit.action, path, rep.id, { intent: "join-pole", territoryId: String(other.id) }, { slug: org.slug });
    expect(asked.status).toBe(302);
    const again = await post(edit.action, path, rep.id, { intent: "join-pole", territoryId: String(other.id) }, { slug: org.slug });
    expect(again.status).toBe(409);
    expect(fieldErrors(again).territoryId?.[0]).toMatch(/déjà en attente/);
    expect(db().select().from(notifications).where(eq(notifications.userId, otherTeam.id)).all().map((n) => n.title)).toEqual([`${db().select().from(organisations).where(eq(organisations.id, org.id)).get()!.name} demande à rejoindre le pôle`]);
  });
});

describe("the directory", () => {
  it("searches by words (accents and case ignored) and SIREN, filters by type, pôle and department, and ignores unknown filters", async () => {
    const saintonge = createTestTerritory(db());
    const sambre = createTestTerritory(db(), { communeCodes: [MAUBEUGE], departmentCodes: ["59"] });
    const tag = `T${Date.now().toString(36)}`;
    const a = createTestOrganisation(db(), [saintonge.id], [], { name: `Écocyclerie ${tag}`, kind: "association" });
    createTestOrganisation(db(), [sambre.id], [], { name: `Fromagerie ${tag}`, kind: "cooperative", communeCode: MAUBEUGE });
    createTestOrganisation(db(), [saintonge.id, sambre.id], [], { name: `Banque ${tag}`, kind: "financeur" });
    const siren = db().select().from(organisations).where(eq(organisations.id, a.id)).get()!.siren!;

    expect(await names(`?q=${tag}`)).toEqual([`Banque ${tag}`, `Écocyclerie ${tag}`, `Fromagerie ${tag}`]);
    expect(await names(`?q=ECOCYCLERIE+${tag.toLowerCase()}`)).toEqual([`Écocyclerie ${tag}`]);
    expect(await names(`?q=${siren.slice(0, 3)}+${siren.slice(3)}`)).toContain(`Écocyclerie ${tag}`);
    expect(await names(`?q=${tag}&type=cooperative`)).toEqual([`Fromagerie ${tag}`]);
    expect(await names(`?q=${tag}&pole=${sambre.slug}`)).toEqual([`Banque ${tag}`, `Fromagerie ${tag}`]);
    expect(await names(`?q=${tag}&departement=59`)).toEqual([`Fromagerie ${tag}`]);
    expect(await names(`?q=${tag}&type=inconnu&pole=inconnu&departement=999&page=-3`)).toHaveLength(3);
  });
});
