/**
 * CRÉER and ACCOMPAGNER in the browser, as new people would: a holder files a
 * project with two needs and publishes it, asks a suggested volunteer, who
 * accepts and logs a session; the holder closes the mentorship with feedback
 * and the volunteer's hours go up. A decline brings the next suggestion.
 * Each scenario lives in its own commune, far from the demo's pôles, so the
 * suggestions are this test's volunteers only.
 */
import { randomBytes } from "node:crypto";
import type { Browser, BrowserContext, Locator, Page } from "@playwright/test";
import { checkA11y, checkA11yWithoutScripts, expect as baseExpect, signIn, signUp, STRONG_PASSWORD, TEST_CLIENT_HEADERS, test, uniqueEmail } from "./fixtures";

// These journeys sign several people up and render pages with suggestions: give a
// loaded machine (the suite runs with 2 workers) more than the default 5 s per assertion.
const expect = baseExpect.configure({ timeout: 15_000 });

type Persona = { email: string; name: string; page: Page; context: BrowserContext };

function tag(): string {
  return randomBytes(3).toString("hex");
}

/**
 * Towns far from the demo's pôles (Charente-Maritime, Nord) and from each
 * other: each scenario draws one, so its suggestions are its own volunteers
 * (a server reused across runs may still hold an earlier run's people there).
 */
// prettier-ignore
const FAR_TOWNS = [
  "Mende (48000)", "Aurillac (15000)", "Rodez (12000)", "Cahors (46000)", "Foix (09000)", "Gap (05000)",
  "Digne-les-Bains (04000)", "Privas (07000)", "Guéret (23000)", "Tulle (19000)", "Périgueux (24000)", "Agen (47000)",
  "Tarbes (65000)", "Albi (81000)", "Carcassonne (11000)", "Le Puy-en-Velay (43000)", "Vesoul (70000)",
  "Lons-le-Saunier (39000)", "Bar-le-Duc (55000)", "Épinal (88000)", "Nevers (58000)", "Châteauroux (36000)",
  "Alençon (61000)", "Laval (53000)", "Saint-Lô (50000)", "Quimper (29000)",
] as const;

function farTown(): string {
  return FAR_TOWNS[randomBytes(1)[0]! % FAR_TOWNS.length]!;
}

async function newPersona(browser: Browser, name: string): Promise<Persona> {
  const context = await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris", extraHTTPHeaders: TEST_CLIENT_HEADERS });
  return { email: uniqueEmail(), name, page: await context.newPage(), context };
}

async function signUpAs(persona: Persona, role: "porteur" | "benevole", commune: string) {
  await signUp(persona.page, { email: persona.email, displayName: persona.name, commune, roles: [role] });
  await expect(persona.page).toHaveURL(/\/espace$/);
  await expect(persona.page.getByText("Bienvenue sur Maillon ! Votre compte est créé.")).toBeVisible();
}

/** Fills « Mon profil de bénévole » through the form, as a person would. */
async function fillVolunteerProfile(page: Page, levels: Record<string, "Notions" | "Confirmé" | "Expert">, max = 2) {
  await page.goto("/benevoles/profil");
  await expect(page.getByRole("heading", { level: 1, name: "Mon profil de bénévole" })).toBeVisible();
  await page.getByLabel("Ma situation").selectOption({ label: "Retraité ou retraitée" });
  for (const [skill, level] of Object.entries(levels)) {
    await page.getByLabel(skill, { exact: true }).selectOption({ label: level });
  }
  await page.getByRole("checkbox", { name: "Services à la personne" }).check();
  await page.getByLabel("Distance que j'accepte de parcourir (km)").fill("30");
  await page.getByLabel("Nombre de projets que je peux suivre en même temps").fill(String(max));
  await page.getByLabel("Heures que je peux donner par mois").fill("6");
  await page.getByLabel("Ma présentation (facultative)").fill("Ancienne gérante de commerce, j'aime transmettre.");
  await page.getByRole("button", { name: "Enregistrer mon profil" }).click();
  await expect(page.getByRole("status")).toContainText("Votre profil est enregistré.");
}

async function hoursMentored(page: Page): Promise<string> {
  await page.goto("/benevoles/profil");
  return (await page.getByTestId("heures-accompagnees").textContent()) ?? "";
}

/** Creates the project through the form and lands on its page. */
async function createProject(page: Page, title: string) {
  await page.goto("/espace");
  await page.getByRole("link", { name: "Décrire mon projet" }).first().click();
  await expect(page).toHaveURL(/\/projets\/nouveau$/);
  await checkA11y(page);
  await page.getByLabel("Titre du projet").fill(title);
  await page.getByLabel("Le projet en une ou deux phrases").fill("Une épicerie de produits locaux et en vrac au cœur du bourg.");
  await page.getByLabel("Je veux…").selectOption({ label: "Créer un commerce ou une activité artisanale" });
  await page.getByLabel("Étape du projet").selectOption({ label: "Création" });
  await page.getByLabel("Domaine d'activité").selectOption({ label: "Alimentation et agriculture durable" });
  await page.getByLabel("Emplois prévus").fill("2");
  await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("brouillon");
}

async function addNeed(page: Page, skill: string, priority: "Haute" | "Moyenne" | "Basse") {
  await page.getByRole("link", { name: "Ajouter un besoin de compétence" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ajouter un besoin de compétence" })).toBeVisible();
  await page.getByLabel("Compétence recherchée").selectOption({ label: skill });
  await page.getByRole("radio", { name: priority }).check();
  await page.getByLabel("Ce que j'attends de l'accompagnant (facultatif)").fill(`Un regard expérimenté en ${skill.toLowerCase()}.`);
  await page.getByLabel("Heures par mois souhaitées").fill("4");
  await checkA11y(page);
  await page.getByRole("button", { name: "Ajouter ce besoin" }).click();
  await expect(page.getByRole("status")).toHaveText("Le besoin a été ajouté.");
}

function needCard(page: Page, skill: string): Locator {
  return page.locator("li.need").filter({ has: page.getByRole("heading", { level: 3, name: new RegExp(`^${skill}`) }) });
}

async function suggestedNames(card: Locator): Promise<string[]> {
  return card.locator(".suggestion__name strong").allTextContents();
}

test.describe("CRÉER et ACCOMPAGNER", () => {
  test("a holder files a project, asks a suggested volunteer, who accepts and logs a session; the holder closes it with feedback", async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const commune = farTown();
    const t = tag();
    const expert = await newPersona(browser, `Odile Expert ${t}`);
    const novice = await newPersona(browser, `Rémi Débutant ${t}`);
    const holder = await newPersona(browser, `Inès Porteuse ${t}`);
    const volunteers = [expert, novice];

    // Two volunteers describe themselves.
    await signUpAs(expert, "benevole", commune);
    await fillVolunteerProfile(expert.page, { Comptabilité: "Expert", Marketing: "Confirmé" });
    await checkA11y(expert.page);
    await signUpAs(novice, "benevole", commune);
    await fillVolunteerProfile(novice.page, { Comptabilité: "Notions" });

    // The holder signs up, files a project with two needs and publishes it.
    await signUpAs(holder, "porteur", commune);
    await checkA11y(holder.page);
    const title = `Épicerie du causse ${t}`;
    await createProject(holder.page, title);
    await addNeed(holder.page, "Comptabilité", "Haute");
    await addNeed(holder.page, "Marketing", "Moyenne");
    await expect(holder.page.locator("li.need")).toHaveCount(2);
    await holder.page.getByRole("button", { name: "Publier le projet" }).click();
    await expect(holder.page.getByRole("status")).toContainText("Votre projet est publié");

    // Suggested mentors, each with its score and the explanation of it.
    const accounting = needCard(holder.page, "Comptabilité");
    const names = (await suggestedNames(accounting)).filter((name) => name.endsWith(t));
    expect(names).toContain(expert.name);
    const askedName = names[0]!;
    const first = accounting.locator(".suggestion").filter({ hasText: askedName });
    await expect(first.locator(".score__value")).toContainText("/ 100");
    await expect(first.locator(".score__explanation")).not.toBeEmpty();
    await first.locator("summary", { hasText: "Détail du score" }).click();
    await expect(first.getByRole("table")).toBeVisible();
    await expect(first.getByRole("table").getByRole("row")).not.toHaveCount(1);
    await checkA11y(holder.page);

    // The holder asks the best of them.
    const asked = volunteers.find((v) => v.name === askedName)!;
    await first.locator("summary", { hasText: `Ajouter un message pour ${askedName}` }).click();
    await first.getByLabel(`Message pour ${askedName} (facultatif)`).fill("Bonjour, pourriez-vous relire mon prévisionnel ?");
    await first.getByRole("button", { name: `Demander à ${askedName}` }).click();
    await expect(holder.page.getByRole("status")).toContainText("Votre demande est envoyée");
    await expect(needCard(holder.page, "Comptabilité").locator(".plain-list")).toContainText(askedName);
    await expect(needCard(holder.page, "Comptabilité").locator(".suggestion__name", { hasText: askedName })).toHaveCount(0);

    // That volunteer signs in (a fresh browser), sees the request in « Mon espace » and accepts it.
    await asked.context.close();
    asked.context = await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris", extraHTTPHeaders: TEST_CLIENT_HEADERS });
    asked.page = await asked.context.newPage();
    await signIn(asked.page, asked.email, STRONG_PASSWORD);
    await expect(asked.page).toHaveURL(/\/espace$/);
    // The bell counts the request; /notifications lists it, and the page to answer it is one click away.
    const bell = asked.page.getByRole("banner").getByRole("link", { name: /^Notifications, / });
    await expect(bell).toHaveAccessibleName("Notifications, 1 non lue");
    await bell.click();
    await expect(asked.page.getByRole("button", { name: `${holder.name} vous demande d'accompagner « ${title} » en comptabilité` })).toBeVisible();
    await checkA11y(asked.page);
    await asked.page.goto("/compte/notifications");
    await expect(asked.page.getByRole("group", { name: "Demandes d'accompagnement" })).toBeVisible();
    await checkA11y(asked.page);
    const hoursBefore = await hoursMentored(asked.page);
    expect(hoursBefore).toBe("0 h");
    await asked.page.goto("/espace");
    const toAnswer = asked.page.getByRole("region", { name: "Demandes à traiter" });
    await expect(toAnswer).toContainText(title);
    await checkA11y(asked.page);
    await toAnswer.getByRole("link", { name: new RegExp(title) }).click();
    await expect(asked.page.getByText("Bonjour, pourriez-vous relire mon prévisionnel ?")).toBeVisible();
    await checkA11y(asked.page);
    await asked.page.getByLabel("Votre message (facultatif)").fill("Avec plaisir, appelons-nous jeudi.");
    await asked.page.getByRole("button", { name: "Accepter" }).click();
    await expect(asked.page.getByRole("status")).toContainText("Vous avez accepté");
    await expect(asked.page.getByRole("link", { name: holder.email })).toBeVisible();

    // …and logs a session.
    await asked.page.getByLabel("Durée (en minutes)").fill("90");
    await asked.page.getByLabel("Sujet").fill("Relecture du prévisionnel");
    await asked.page.getByLabel("Notes (visibles des deux côtés, facultatives)").fill("Revoir les marges sur le vrac.");
    await asked.page.getByRole("button", { name: "Ajouter la rencontre" }).click();
    await expect(asked.page.getByRole("status")).toHaveText("La rencontre est ajoutée au journal.");
    const log = asked.page.getByRole("region", { name: "Journal des rencontres" });
    await expect(log).toContainText("Relecture du prévisionnel");
    await checkA11y(asked.page);

    // Both see it: the holder finds the running mentorship in « Mon espace ».
    await holder.page.goto("/espace");
    const running = holder.page.getByRole("region", { name: "Accompagnements en cours" });
    await expect(running).toContainText(title);
    await running.getByRole("link", { name: new RegExp(title) }).click();
    await expect(holder.page.getByRole("region", { name: "Journal des rencontres" })).toContainText("Revoir les marges sur le vrac.");
    await expect(holder.page.getByRole("link", { name: asked.email })).toBeVisible();

    // The holder closes it with feedback.
    await holder.page.getByRole("radio", { name: "Terminé : les objectifs sont atteints" }).check();
    await holder.page.getByLabel("Votre note").selectOption("5");
    await holder.page.getByLabel("Votre commentaire (facultatif)").fill("Un accompagnement précieux.");
    await holder.page.getByRole("button", { name: "Clore l'accompagnement" }).click();
    await expect(holder.page.getByRole("status")).toContainText("L'accompagnement est terminé");
    await expect(holder.page.getByRole("region", { name: "Avis" })).toContainText("5 / 5 — Un accompagnement précieux.");
    await checkA11y(holder.page);

    // The volunteer's hours went up, and the mentorship counts as completed.
    expect(await hoursMentored(asked.page)).toBe("1,5 h");
    await expect(asked.page.getByText("accompagnement terminé")).toBeVisible();
    await checkA11y(asked.page);

    for (const p of [expert, novice, holder]) await p.context.close().catch(() => {});
  });

  test("a declined request brings the next suggestion", async ({ browser }) => {
    test.setTimeout(120_000);
    const commune = farTown();
    const t = tag();
    const volunteers: Persona[] = [];
    for (const [i, level] of (["Expert", "Expert", "Confirmé", "Notions"] as const).entries()) {
      const v = await newPersona(browser, `Bénévole ${i + 1} ${t}`);
      await signUpAs(v, "benevole", commune);
      await fillVolunteerProfile(v.page, { Fiscalité: level });
      volunteers.push(v);
    }
    const holder = await newPersona(browser, `Porteur ${t}`);
    await signUpAs(holder, "porteur", commune);
    const title = `Atelier vélo ${t}`;
    await createProject(holder.page, title);
    await addNeed(holder.page, "Fiscalité", "Haute");
    await holder.page.getByRole("button", { name: "Publier le projet" }).click();
    await expect(holder.page.getByRole("status")).toContainText("Votre projet est publié");

    const card = () => needCard(holder.page, "Fiscalité");
    const before = await suggestedNames(card());
    expect(before).toHaveLength(3);
    const askedName = before.find((name) => name.endsWith(t))!;
    expect(askedName).toBeTruthy();
    await card().getByRole("button", { name: `Demander à ${askedName}` }).click();
    await expect(holder.page.getByRole("status")).toContainText("Votre demande est envoyée");

    // The volunteer declines, with a message.
    const asked = volunteers.find((v) => v.name === askedName)!;
    await asked.page.goto("/espace");
    await asked.page.getByRole("region", { name: "Demandes à traiter" }).getByRole("link", { name: new RegExp(title) }).click();
    await asked.page.getByLabel("Votre message (facultatif)").fill("Désolée, je ne suis pas disponible ce trimestre.");
    await asked.page.getByRole("button", { name: "Décliner" }).click();
    await expect(asked.page.getByRole("status")).toHaveText("Vous avez décliné la demande.");
    await checkA11y(asked.page);

    // The holder sees the decline and the next candidate among the suggestions.
    await holder.page.reload();
    await expect(card().locator(".plain-list")).toContainText(`${askedName} Déclinée`);
    const after = await suggestedNames(card());
    expect(after).not.toContain(askedName);
    expect(after).toHaveLength(3);
    const newcomer = after.find((name) => !before.includes(name));
    expect(newcomer, `a new suggestion among ${after.join(", ")}`).toBeTruthy();
    await checkA11y(holder.page);

    // « Projets pour moi » no longer lists the project for the one who declined, but does for another volunteer.
    await asked.page.goto("/benevoles/projets");
    await expect(asked.page.getByRole("heading", { level: 1, name: "Projets pour moi" })).toBeVisible();
    await expect(asked.page.getByRole("link", { name: title })).toHaveCount(0);
    const other = volunteers.find((v) => v.name !== askedName && after.includes(v.name))!;
    await other.page.goto("/benevoles/projets");
    await expect(other.page.getByRole("link", { name: title })).toBeVisible();
    await checkA11y(other.page);

    for (const p of [...volunteers, holder]) await p.context.close();
  });

  test("without JavaScript, a holder files a project and a need; bad input is explained next to the field and kept", async ({
    browser,
  }) => {
    test.setTimeout(90_000);
    const context = await browser.newContext({
      javaScriptEnabled: false,
      locale: "fr-FR",
      extraHTTPHeaders: TEST_CLIENT_HEADERS,
    });
    const page = await context.newPage();
    await signUp(page, { email: uniqueEmail(), displayName: `Sans Script ${tag()}`, commune: "Rodez", roles: ["porteur"] });
    await expect(page).toHaveURL(/\/espace$/);
  await expect(page.getByText("Bienvenue sur Maillon ! Votre compte est créé.")).toBeVisible();

    // A project with an unknown commune and negative jobs: errors at the fields, typed values kept.
    await page.goto("/projets/nouveau");
    const title = `Ressourcerie ${tag()}`;
    await page.getByLabel("Titre du projet").fill(title);
    await page.getByLabel("Le projet en une ou deux phrases").fill("Collecter, réparer et revendre les objets du quotidien.");
    await page.getByLabel("Je veux…").selectOption({ label: "Offrir un service" });
    await page.getByLabel("Étape du projet").selectOption({ label: "Idée" });
    await page.getByLabel("Domaine d'activité").selectOption({ label: "Éco-activités" });
    await page.getByLabel("Commune du projet").fill("Trifouillis-les-Oies");
    await page.getByLabel("Emplois prévus").fill("-2");
    await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
    const commune = page.getByLabel("Commune du projet");
    await expect(commune).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator(".field", { has: commune }).locator(".field-error")).toContainText("Commune inconnue : « Trifouillis-les-Oies »");
    const jobs = page.getByLabel("Emplois prévus");
    await expect(page.locator(".field", { has: jobs }).locator(".field-error")).toHaveText("Le nombre d'emplois ne peut pas être négatif.");
    await expect(page.getByLabel("Titre du projet")).toHaveValue(title);
    await expect(commune).toHaveValue("Trifouillis-les-Oies");
    await checkA11yWithoutScripts(page);

    await commune.fill("Rodez");
    await jobs.fill("1");
    await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByText("Rodez (12000)")).toBeVisible();

    // A need with negative hours, then fixed.
    await page.getByRole("link", { name: "Ajouter un besoin de compétence" }).click();
    await page.getByLabel("Compétence recherchée").selectOption({ label: "Commercial" });
    await page.getByRole("radio", { name: "Haute" }).check();
    await page.getByLabel("Ce que j'attends de l'accompagnant (facultatif)").fill("Trouver mes premiers clients.");
    await page.getByLabel("Heures par mois souhaitées").fill("-3");
    await page.getByRole("button", { name: "Ajouter ce besoin" }).click();
    const hours = page.getByLabel("Heures par mois souhaitées");
    await expect(page.locator(".field", { has: hours }).locator(".field-error")).toHaveText("Indiquez au moins 1 heure.");
    await expect(page.getByLabel("Ce que j'attends de l'accompagnant (facultatif)")).toHaveValue("Trouver mes premiers clients.");
    await checkA11yWithoutScripts(page);
    await hours.fill("3");
    await page.getByRole("button", { name: "Ajouter ce besoin" }).click();
    await expect(page.getByRole("status")).toHaveText("Le besoin a été ajouté.");
    await page.getByRole("button", { name: "Publier le projet" }).click();
    await expect(page.getByRole("status")).toContainText("Votre projet est publié");
    await checkA11yWithoutScripts(page);
    await context.close();
  });
});
