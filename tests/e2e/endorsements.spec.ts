/**
 * Mentoring as a signal for savers, in the browser: the demo volunteer (benevole@) writes an
 * endorsement of the project she accompanies in mentorship 1, without JavaScript; the demo holder
 * (porteur@) is told, reads it and publishes it; a visitor then reads it on the public project page.
 * Nothing shows on the project page before the holder agrees. Axe finds no violation on the way.
 */
import { randomBytes } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { checkA11y, checkA11yWithoutScripts, DEMO_PASSWORD, DEMO_PORTEUR_EMAIL, expect as baseExpect, signIn, TEST_CLIENT_HEADERS, test } from "./fixtures";

const expect = baseExpect.configure({ timeout: 15_000 });
const MENTORSHIP = "/accompagnements/1";
const PROJECT = "/projets/1";

async function newPage(browser: Browser, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris", extraHTTPHeaders: TEST_CLIENT_HEADERS, ...options });
  return context.newPage();
}

async function signedIn(browser: Browser, email: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const page = await newPage(browser, options);
  await signIn(page, email, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/espace$/);
  return page;
}

test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);

test("a mentor writes an endorsement, the holder publishes it, a visitor reads it on the project page", async ({ browser }) => {
  const tag = randomBytes(3).toString("hex");
  const workedOn = `Le prévisionnel sur trois ans et le plan de trésorerie (réf. ${tag}).`;
  const progress = "Le porteur tient maintenant seul son budget et l'a défendu devant la banque.";

  // The volunteer, JavaScript off: the form is a plain POST.
  const mentor = await signedIn(browser, "benevole@exemple.fr", { javaScriptEnabled: false });
  await mentor.goto(MENTORSHIP);
  const section = mentor.getByRole("region", { name: "Recommandation du projet" });
  await expect(section).toBeVisible();
  await checkA11yWithoutScripts(mentor);
  // A bad submission first: French messages at the fields, what was typed kept, nothing stored.
  await section.getByLabel("Ce que vous avez travaillé ensemble").fill("Trop court");
  await section.getByRole("button", { name: /Proposer ma recommandation|Enregistrer et proposer la nouvelle version/ }).click();
  await expect(mentor.getByText(/au moins 20 caractères/).first()).toBeVisible();
  await expect(mentor.getByText("Choisissez votre niveau de recommandation.")).toBeVisible();
  await expect(mentor.getByLabel("Ce que vous avez travaillé ensemble")).toHaveValue("Trop court");
  await checkA11yWithoutScripts(mentor);

  await mentor.getByLabel("Ce que vous avez travaillé ensemble").fill(workedOn);
  await mentor.getByLabel("Comment le porteur ou la porteuse a progressé").fill(progress);
  await mentor.getByRole("radio", { name: "Je le recommande vivement" }).check();
  await mentor.getByRole("button", { name: /Proposer ma recommandation|Enregistrer et proposer la nouvelle version/ }).click();
  await expect(mentor.getByRole("status")).toContainText(/publiée sur la page du projet si le porteur ou la porteuse l'accepte|attend l'accord du porteur/);
  await expect(mentor.getByText("En attente de l'accord du porteur ou de la porteuse")).toBeVisible();

  // Not public yet.
  const visitor = await newPage(browser);
  await visitor.goto(PROJECT);
  await expect(visitor.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(visitor.getByText(workedOn)).toHaveCount(0);

  // The holder is told, reads it and publishes it.
  const holder = await signedIn(browser, DEMO_PORTEUR_EMAIL);
  await holder.goto("/notifications");
  await expect(holder.getByText(/a écrit une recommandation pour « .+ » : publiez-la ou déclinez-la|a modifié sa recommandation/).first()).toBeVisible();
  await holder.goto(PROJECT);
  await holder.getByRole("link", { name: "la lire et décider de sa publication" }).first().click();
  await expect(holder).toHaveURL(new RegExp(`${MENTORSHIP}#recommandation$`));
  await expect(holder.getByText(workedOn)).toBeVisible();
  await checkA11y(holder);
  await holder.getByRole("button", { name: "Publier la recommandation" }).click();
  await expect(holder.getByRole("status")).toHaveText("La recommandation est publiée sur la page du projet.");
  await expect(holder.getByText("Publiée sur la page du projet", { exact: true })).toBeVisible();

  // Anyone reads it on the project page: level, texts, skill and hours.
  await visitor.goto(PROJECT);
  const endorsements = visitor.getByRole("region", { name: "Recommandations des bénévoles" });
  await expect(endorsements).toBeVisible();
  const card = endorsements.getByRole("listitem").filter({ hasText: workedOn });
  await expect(card.getByRole("heading", { name: "« Je le recommande vivement »" })).toBeVisible();
  await expect(card).toContainText(progress);
  await expect(card).toContainText(/bénévole en .+ · [\d,]+ h de suivi · le \d{1,2} \S+ \d{4}/);
  await checkA11y(visitor);
});
