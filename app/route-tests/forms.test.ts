/**
 * Every form's bad input: empty, too long, wrong type, unknown commune or
 * skill, negative numbers. Each gets a French message next to its field
 * (status 400, never a 500), the typed values come back, nothing is stored.
 */
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { emailTokens, mentorshipFeedback, mentorships, mentorshipSessions, projectFundingNeeds, projects, projectSkillNeeds, users, volunteerProfiles } from "#db/schema";
import {
  createTestHolder,
  createTestMentorship,
  createTestProject,
  createTestRequest,
  createTestVolunteer,
  skillId,
} from "#seeds/journey-factories";
import { createTestUser } from "#seeds/factories";
import * as mentorshipPage from "~/routes/accompagnements.$id";
import * as profile from "~/routes/benevoles.profil";
import * as forMe from "~/routes/benevoles.projets";
import * as besoinEdit from "~/routes/projets.$id.besoins.$needId";
import * as besoinNew from "~/routes/projets.$id.besoins.nouveau";
import * as financement from "~/routes/projets.$id.financement";
import * as projectPage from "~/routes/projets.$id._index";
import * as modifier from "~/routes/projets.$id.modifier";
import * as nouveau from "~/routes/projets.nouveau";
import * as inscription from "~/routes/inscription";
import { getDb } from "~/utils/db.server";
import { createPledge } from "~/models/pledge.server";
import { fieldErrors, formIdOf, initialValue, messageOf, post, type Called } from "./helpers";

const db = () => getDb();
const FRENCH = /[a-zàâçéèêëîïôûùüÿœ]{3,}/i;

function rows(table: typeof projects | typeof projectSkillNeeds | typeof projectFundingNeeds | typeof volunteerProfiles | typeof mentorshipSessions | typeof mentorshipFeedback) {
  return db().select({ n: count() }).from(table).get()?.n ?? 0;
}

/** 400, a French message on `field` matching `message`, the typed value kept. */
function expectFieldError(called: Called, field: string, message: RegExp, typed?: Record<string, unknown>) {
  expect(called.status).toBe(400);
  const errors = fieldErrors(called)[field];
  expect(errors, `errors on ${field}: ${JSON.stringify(fieldErrors(called))}`).toBeTruthy();
  expect(errors!.join(" ")).toMatch(message);
  expect(errors!.join(" ")).toMatch(FRENCH);
  if (typed) expect(initialValue(called)).toMatchObject(typed);
}

const longText = (n: number) => "x".repeat(n);

function projectForm(overrides: Record<string, string> = {}) {
  return {
    title: "Ressourcerie du canton",
    pitch: "Collecter, réparer et revendre les objets du quotidien.",
    description: "",
    kind: "service",
    stage: "idee",
    legalForm: "association",
    activityDomainId: "2",
    commune: "Saint-Jean-d'Angély (17400)",
    communeCode: "17347",
    jobsExpected: "2",
    ...overrides,
  };
}

describe("project form (/projets/nouveau and /projets/:id/modifier)", () => {
  it.each([
    ["empty title", { title: "" }, "title", /Donnez un titre/],
    ["too long title", { title: longText(121) }, "title", /au plus 120 caractères/],
    ["too short pitch", { pitch: "Court" }, "pitch", /au moins 10 caractères/],
    ["too long description", { description: longText(5001) }, "description", /au plus 5000 caractères/],
    ["unknown kind", { kind: "pirate" }, "kind", /type de projet/],
    ["empty stage", { stage: "" }, "stage", /l'étape/],
    ["wrong type of jobs", { jobsExpected: "beaucoup" }, "jobsExpected", /nombre d'emplois/],
    ["negative jobs", { jobsExpected: "-2" }, "jobsExpected", /ne peut pas être négatif/],
    ["decimal jobs", { jobsExpected: "1.5" }, "jobsExpected", /nombre entier/],
    ["unknown commune", { commune: "Trifouillis-les-Oies", communeCode: "" }, "commune", /Commune inconnue : « Trifouillis-les-Oies »/],
    ["empty commune", { commune: "", communeCode: "" }, "commune", /commune/],
    ["unknown activity domain", { activityDomainId: "9999" }, "activityDomainId", /Domaine d'activité inconnu/],
    ["wrong type of domain", { activityDomainId: "bâtiment" }, "activityDomainId", /domaine d'activité/],
  ])("creation: %s", async (_label, override, field, message) => {
    const holder = await createTestHolder(db());
    const before = rows(projects);
    const form = projectForm(override);
    const called = await post(nouveau.action, "/projets/nouveau", holder.id, form);
    expectFieldError(called, field, message, field === "title" && form.title === "" ? undefined : { pitch: form.pitch });
    expect(rows(projects)).toBe(before);
  });

  it("shows every error at once: an unknown commune next to a negative number", async () => {
    const holder = await createTestHolder(db());
    const called = await post(nouveau.action, "/projets/nouveau", holder.id, projectForm({ commune: "Atlantide", communeCode: "", jobsExpected: "-1" }));
    expectFieldError(called, "commune", /Commune inconnue : « Atlantide »/);
    expectFieldError(called, "jobsExpected", /^Le nombre d.emplois ne peut pas être négatif\.$/, { commune: "Atlantide" });
  });

  it("edition: an unknown commune changes nothing and keeps what was typed", async () => {
    const holder = await createTestHolder(db());
    const project = createTestProject(db(), holder.id);
    const before = db().select().from(projects).where(eq(projects.id, project.id)).get();
    const called = await post(
      modifier.action,
      `/projets/${project.id}/modifier`,
      holder.id,
      projectForm({ title: "Nouveau titre", commune: "Zzyzx", communeCode: "" }),
      { id: String(project.id) },
    );
    expectFieldError(called, "commune", /Commune inconnue/, { title: "Nouveau titre", commune: "Zzyzx" });
    expect(db().select().from(projects).where(eq(projects.id, project.id)).get()).toEqual(before);
  });
});

describe("skill need form", () => {
  it.each([
    ["empty skill", { skillId: "" }, "skillId", /compétence/],
    ["unknown skill", { skillId: "9999" }, "skillId", /Compétence inconnue/],
    ["wrong type of skill", { skillId: "jonglage" }, "skillId", /compétence/],
    ["unknown priority", { priority: "urgente" }, "priority", /priorité/],
    ["negative hours", { hoursPerMonth: "-3" }, "hoursPerMonth", /au moins 1 heure\./],
    ["wrong type of hours", { hoursPerMonth: "deux" }, "hoursPerMonth", /heures par mois/],
    ["too long expectation", { expectation: longText(1001) }, "expectation", /au plus 1000 caractères/],
  ])("%s", async (_label, override, field, message) => {
    const holder = await createTestHolder(db());
    const project = createTestProject(db(), holder.id, { status: "brouillon" });
    const before = rows(projectSkillNeeds);
    const form = { intent: "save", skillId: String(skillId(db(), "marketing")), priority: "haute", hoursPerMonth: "4", expectation: "Fixer mes prix", ...override };
    const params = { id: String(project.id) };
    const added = await post(besoinNew.action, `/projets/${project.id}/besoins/nouveau`, holder.id, form, params);
    expectFieldError(added, field, message, { expectation: form.expectation });
    const needId = String(project.needIds[0]);
    const edited = await post(besoinEdit.action, `/projets/${project.id}/besoins/${needId}`, holder.id, form, { ...params, needId });
    expectFieldError(edited, field, message);
    expect(rows(projectSkillNeeds)).toBe(before);
  });
});

describe("funding need form", () => {
  it.each([
    ["empty amount", { amount: "" }, "amount", /montant recherché/],
    ["wrong type of amount", { amount: "beaucoup" }, "amount", /montant en euros/],
    ["negative amount", { amount: "-500" }, "amount", /montant en euros/],
    ["zero amount", { amount: "0" }, "amount", /supérieur à 0/],
    ["unknown kind", { kind: "loterie" }, "kind", /participation au capital, prêt ou don/],
    ["bad date", { neededBy: "31/02/2026" }, "neededBy", /date valide/],
    ["impossible date", { neededBy: "2026-02-31" }, "neededBy", /date valide/],
  ])("%s", async (_label, override, field, message) => {
    const holder = await createTestHolder(db());
    const project = createTestProject(db(), holder.id, { status: "brouillon" });
    const before = rows(projectFundingNeeds);
    const form = { intent: "save", amount: "12 000", kind: "pret", neededBy: "", companyCapital: "", ...override };
    const called = await post(financement.action, `/projets/${project.id}/financement`, holder.id, form, { id: String(project.id) });
    expectFieldError(called, field, message, { kind: form.kind });
    expect(rows(projectFundingNeeds)).toBe(before);
  });

  it("accepts French amounts", async () => {
    const holder = await createTestHolder(db());
    const project = createTestProject(db(), holder.id, { status: "brouillon" });
    const called = await post(financement.action, `/projets/${project.id}/financement`, holder.id, { intent: "save", amount: "12 000,50", kind: "pret", neededBy: "2026-09-30" }, { id: String(project.id) });
    expect(called.status).toBe(302);
    expect(db().select().from(projectFundingNeeds).where(eq(projectFundingNeeds.projectId, project.id)).get()).toMatchObject({ amountCents: 1_200_050, kind: "pret", neededBy: "2026-09-30" });
  });

  it("raises the goal freely, but never lowers it below what is pledged, nor withdraws it once money is promised", async () => {
    const holder = await createTestHolder(db());
    const saver = await createTestUser(db(), { roles: ["epargnant"] });
    const project = createTestProject(db(), holder.id);
    const path = `/projets/${project.id}/financement`;
    const params = { id: String(project.id) };
    const save = (amount: string) => post(financement.action, path, holder.id, { intent: "save", amount, kind: "pret" }, params);
    expect((await save("1 000")).status).toBe(302);
    expect(createPledge(db(), saver.id, project.id, { amountCents: 80_000, kind: "pret", message: "" }, new Date()).ok).toBe(true);

    expectFieldError(await save("500"), "amount", /Les soutiens engagent déjà 800,00\u00a0€ : l'objectif ne peut pas être inférieur à ce montant/, { amount: "500" });
    const removed = await post(financement.action, path, holder.id, { intent: "remove" }, params);
    expect(removed.status).toBe(409);
    expect(messageOf(removed)).toMatch(/le besoin de financement ne peut pas être retiré/);
    expect(db().select({ amountCents: projectFundingNeeds.amountCents }).from(projectFundingNeeds).where(eq(projectFundingNeeds.projectId, project.id)).get()).toEqual({ amountCents: 100_000 });
    expect((await save("2 000")).status).toBe(302);
  });
});

describe("sign-up form (/inscription)", () => {
  const signUp = (overrides: Record<string, string>) => ({
    email: `corse-${Math.random().toString(36).slice(2)}@exemple.fr`,
    displayName: "Lisandru",
    password: "une phrase assez longue pour être sûre",
    commune: "Ajaccio",
    communeCode: "",
    roles: "porteur",
    ...overrides,
  });
  /** The commune of the account the sign-up link will create. */
  const pendingCommune = (email: string) =>
    (JSON.parse(db().select({ payload: emailTokens.payload }).from(emailTokens).where(eq(emailTokens.email, email)).get()?.payload ?? "{}") as { communeCode?: string }).communeCode;
  const userCommune = (email: string) => db().select({ communeCode: users.communeCode }).from(users).where(eq(users.email, email)).get();

  it.each([
    ["2A004", "2A004"],
    ["75056", "75056"],
  ])("takes the INSEE code « %s » typed with no hidden code", async (typed, code) => {
    const form = signUp({ commune: typed });
    const called = await post(inscription.action, "/inscription", null, form);
    expect(called.status, JSON.stringify(called.data)).toBe(200);
    expect(pendingCommune(form.email)).toBe(code);
  });

  it("offers the communes of an ambiguous name and stores no account until one is chosen", async () => {
    const form = signUp({ commune: "Saint-Martin" });
    const called = await post(inscription.action, "/inscription", null, form);
    expectFieldError(called, "commune", /Plusieurs communes correspondent à « Saint-Martin »/, { commune: "Saint-Martin", displayName: "Lisandru" });
    expect((called.data as { choices: Record<string, unknown[]> }).choices.commune!.length).toBeGreaterThan(1);
    expect(initialValue(called)).not.toHaveProperty("password");
    expect(userCommune(form.email)).toBeUndefined();
  });
});

describe("volunteer profile form", () => {
  const skillRows = () => {
    const ids = ["marketing", "fiscalite", "commercial", "communication", "gestion-administrative", "comptabilite", "techniques-de-financement"].map((s) => skillId(db(), s));
    return Object.fromEntries(ids.flatMap((id, i) => [[`skills[${i}].skillId`, String(id)], [`skills[${i}].level`, i === 0 ? "expert" : ""]]));
  };
  function profileForm(overrides: Record<string, string | string[]> = {}) {
    return { status: "retraite", ...skillRows(), commune: "Matha", communeCode: "", radiusKm: "30", maxMentorships: "2", hoursPerMonth: "4", bio: "Ancienne comptable.", ...overrides };
  }

  it.each([
    ["no skill", { "skills[0].level": "" }, "skills", /au moins une compétence/],
    ["unknown skill", { "skills[0].skillId": "9999" }, "skills", /Compétence inconnue/],
    ["unknown level", { "skills[0].level": "génie" }, "skills[0].level", /niveau/],
    ["unknown status", { status: "astronaute" }, "status", /situation/],
    ["negative radius", { radiusKm: "-10" }, "radiusKm", /ne peut pas être négative/],
    ["wrong type of capacity", { maxMentorships: "trois" }, "maxMentorships", /combien de projets/],
    ["negative hours", { hoursPerMonth: "-4" }, "hoursPerMonth", /ne peut pas être négatif/],
    ["too many hours", { hoursPerMonth: "500" }, "hoursPerMonth", /au plus 200/],
    ["no hour while not paused", { hoursPerMonth: "0" }, "hoursPerMonth", /au moins 1 heure par mois, ou mettez votre profil en pause/],
    ["no project while not paused", { maxMentorships: "0" }, "maxMentorships", /au moins 1 projet, ou mettez votre profil en pause/],
    ["too long bio", { bio: longText(1001) }, "bio", /au plus 1000 caractères/],
    ["unknown commune", { commune: "Atlantide" }, "commune", /Commune inconnue/],
    ["unknown domain", { domainIds: ["9999"] }, "domainIds", /Domaine d'activité inconnu/],
  ])("%s", async (_label, override, field, message) => {
    const volunteer = await createTestUser(db(), { roles: ["benevole"] });
    const before = rows(volunteerProfiles);
    const called = await post(profile.action, "/benevoles/profil", volunteer.id, profileForm(override));
    expectFieldError(called, field, message, field === "bio" ? undefined : { bio: "Ancienne comptable." });
    expect(rows(volunteerProfiles)).toBe(before);
  });

  it("stores a valid profile and resolves the commune typed without JavaScript", async () => {
    const volunteer = await createTestUser(db(), { roles: ["benevole"] });
    const called = await post(profile.action, "/benevoles/profil", volunteer.id, profileForm({ domainIds: ["1", "3"] }));
    expect(called.status).toBe(302);
    expect(db().select().from(volunteerProfiles).where(eq(volunteerProfiles.userId, volunteer.id)).get()).toMatchObject({ status: "retraite", radiusKm: 30, maxMentorships: 2 });
  });

  it("accepts no hour and no project from a volunteer who pauses", async () => {
    const volunteer = await createTestUser(db(), { roles: ["benevole"] });
    const called = await post(profile.action, "/benevoles/profil", volunteer.id, profileForm({ hoursPerMonth: "0", maxMentorships: "0", paused: "on" }));
    expect(called.status).toBe(302);
    expect(db().select().from(volunteerProfiles).where(eq(volunteerProfiles.userId, volunteer.id)).get()).toMatchObject({ paused: true, hoursPerMonth: 0 });
  });

  it("offers the communes of an ambiguous postal code on the same page, and takes the one chosen", async () => {
    const volunteer = await createTestUser(db(), { roles: ["benevole"] });
    const offered = await post(profile.action, "/benevoles/profil", volunteer.id, profileForm({ commune: "59600" }));
    expectFieldError(offered, "commune", /Plusieurs communes correspondent à « 59600 » : choisissez la vôtre ci-dessous/, { commune: "59600" });
    const choices = (offered.data as { choices: Record<string, { value: string; label: string }[]> }).choices.commune;
    expect(choices).toContainEqual({ value: "59021", label: "Assevent (59600)" });
    expect(db().select().from(volunteerProfiles).where(eq(volunteerProfiles.userId, volunteer.id)).get()).toBeUndefined();

    const chosen = await post(profile.action, "/benevoles/profil", volunteer.id, profileForm({ commune: "59600", communeCode: "59021" }));
    expect(chosen.status).toBe(302);
    expect(db().select({ communeCode: users.communeCode }).from(users).where(eq(users.id, volunteer.id)).get()).toEqual({ communeCode: "59021" });
  });

  it("is only for volunteers", async () => {
    const holder = await createTestHolder(db());
    expect((await post(profile.action, "/benevoles/profil", holder.id, profileForm())).status).toBe(403);
  });
});

describe("mentorship forms", () => {
  async function running() {
    const holder = await createTestHolder(db());
    const volunteer = await createTestVolunteer(db());
    const project = createTestProject(db(), holder.id);
    const id = createTestMentorship(db(), project.needIds[0]!, volunteer.id);
    return { holder, volunteer, id, path: `/accompagnements/${id}`, params: { id: String(id) } };
  }

  it.each([
    ["empty date", { heldOn: "" }, "heldOn", /date de la rencontre/],
    ["bad date", { heldOn: "hier" }, "heldOn", /date valide/],
    ["future date", { heldOn: "2999-01-01" }, "heldOn", /déjà eu lieu/],
    ["negative duration", { durationMinutes: "-30" }, "durationMinutes", /au moins 1 minute/],
    ["wrong type of duration", { durationMinutes: "une heure" }, "durationMinutes", /durée en minutes/],
    ["too long a session", { durationMinutes: "2000" }, "durationMinutes", /24 heures/],
    ["empty topic", { topic: "" }, "topic", /sujet/],
    ["too long topic", { topic: longText(201) }, "topic", /au plus 200 caractères/],
    ["too long notes", { notes: longText(4001) }, "notes", /au plus 4000 caractères/],
  ])("session log: %s", async (_label, override, field, message) => {
    const { volunteer, path, params } = await running();
    const before = rows(mentorshipSessions);
    const form = { intent: "session", heldOn: "2026-01-10", durationMinutes: "60", topic: "Prévisionnel", notes: "Notes", ...override };
    const called = await post(mentorshipPage.action, path, volunteer.id, form, params);
    expect(called.status).toBe(400);
    expect(formIdOf(called)).toBe("session");
    expectFieldError(called, field, message);
    expect(rows(mentorshipSessions)).toBe(before);
  });

  it.each([
    ["no outcome", { outcome: "" }, "outcome", /terminé ou arrêté/],
    ["rating out of range", { rating: "7" }, "rating", /note de 1 à 5/],
    ["rating not a number", { rating: "super" }, "rating", /note de 1 à 5/],
    ["too long comment", { comment: longText(1001) }, "comment", /au plus 1000 caractères/],
  ])("end with feedback: %s", async (_label, override, field, message) => {
    const { holder, id, path, params } = await running();
    const feedbackBefore = rows(mentorshipFeedback);
    const form = { intent: "end", outcome: "terminee", rating: "5", comment: "Merci", ...override };
    const called = await post(mentorshipPage.action, path, holder.id, form, params);
    expect(formIdOf(called)).toBe("end");
    expectFieldError(called, field, message);
    expect(db().select().from(mentorships).where(eq(mentorships.id, id)).get()?.status).toBe("acceptee");
    expect(rows(mentorshipFeedback)).toBe(feedbackBefore);
  });

  it("answer: an unknown decision or a too long message stores nothing", async () => {
    const holder = await createTestHolder(db());
    const volunteer = await createTestVolunteer(db());
    const project = createTestProject(db(), holder.id);
    const id = createTestRequest(db(), project.needIds[0]!, volunteer.id);
    const params = { id: String(id) };
    const unknown = await post(mentorshipPage.action, `/accompagnements/${id}`, volunteer.id, { intent: "respond", decision: "peut-être" }, params);
    expect(formIdOf(unknown)).toBe("respond");
    expectFieldError(unknown, "decision", /accepter ou de décliner/);
    const long = await post(mentorshipPage.action, `/accompagnements/${id}`, volunteer.id, { intent: "respond", decision: "accepter", message: longText(1001) }, params);
    expect(formIdOf(long)).toBe("respond");
    expectFieldError(long, "message", /au plus 1000 caractères/);
    expect(db().select().from(mentorships).where(eq(mentorships.id, id)).get()?.status).toBe("demande");
  });

  it("request and offer: a need id of the wrong type or of another project is refused without a 500", async () => {
    const holder = await createTestHolder(db());
    const volunteer = await createTestVolunteer(db());
    const project = createTestProject(db(), holder.id);
    const other = createTestProject(db(), (await createTestHolder(db())).id);
    const before = db().select({ n: count() }).from(mentorships).get()?.n;
    const params = { id: String(project.id) };
    const wrongType = await post(projectPage.action, `/projets/${project.id}`, holder.id, { intent: "request", needId: "abc", volunteerId: String(volunteer.id) }, params);
    expect(wrongType.status).toBe(400);
    const crossed = await post(projectPage.action, `/projets/${project.id}`, holder.id, { intent: "request", needId: String(other.needIds[0]), volunteerId: String(volunteer.id) }, params);
    expect(crossed.status).toBe(404);
    const tooLong = await post(forMe.action, "/benevoles/projets", volunteer.id, { needId: String(project.needIds[0]), message: longText(1001) });
    expect(tooLong.status).toBe(400);
    expect(messageOf(tooLong)).toMatch(/au plus 1000 caractères/);
    const unknownVolunteer = await post(projectPage.action, `/projets/${project.id}`, holder.id, { intent: "request", needId: String(project.needIds[0]), volunteerId: "999999" }, params);
    expect(unknownVolunteer.status).toBe(404);
    expect(db().select({ n: count() }).from(mentorships).get()?.n).toBe(before);
  });
});
