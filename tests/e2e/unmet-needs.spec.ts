/**
 * The register of unmet needs: a member of the Vals de Saintonge posts a need (a missing field is
 * explained at the field and what was typed is kept), the pôle's animation team turns it into a
 * project draft handed to a holder, and the need's page shows the trace — to a visitor too, without a
 * link to the draft. axe on the list, the form and the need's page.
 */
import { checkA11y, COMMUNE_LABEL, DEMO_PASSWORD, expect as baseExpect, signIn, signUp, TEST_CLIENT_HEADERS, test, uniqueEmail } from "./fixtures";

const expect = baseExpect.configure({ timeout: 15_000 });

test("an unmet need is posted, becomes a project draft handed to a holder, and its page shows the trace", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const title = `Une laverie pour le canton ${Date.now()}`;
  await page.goto("/besoins");
  await expect(page.getByRole("heading", { level: 1, name: "Besoins du territoire" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Un lieu pour réparer plutôt que jeter" })).toBeVisible();
  await checkA11y(page);

  await signUp(page, { email: uniqueEmail(), displayName: "Odile Marchand", commune: COMMUNE_LABEL, roles: ["benevole"] });
  await page.goto("/besoins/nouveau");
  await page.getByLabel("Pôle concerné").selectOption({ label: "PTCE des Vals de Saintonge" });
  await page.getByLabel("Ce qui manque, en quelques mots").fill(title);
  await page.getByLabel("Description").fill("Trop court");
  await page.getByRole("button", { name: "Signaler le besoin" }).click();
  await expect(page.getByText("La description doit compter au moins 30 caractères.")).toBeVisible();
  await expect(page.getByLabel("Ce qui manque, en quelques mots")).toHaveValue(title);
  await checkA11y(page);
  await page.getByLabel("Description").fill("La dernière laverie a fermé : les familles sans machine font trente kilomètres chaque semaine.");
  await page.getByLabel("Qui est concerné ?").fill("les familles sans lave-linge");
  await page.getByRole("button", { name: "Signaler le besoin" }).click();
  await expect(page.getByRole("status")).toContainText("Le besoin est signalé");
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const needUrl = page.url();

  const teamContext = await browser.newContext({ locale: "fr-FR", extraHTTPHeaders: TEST_CLIENT_HEADERS });
  const team = await teamContext.newPage();
  let holderName = "";
  try {
    await signIn(team, "animation.saintonge@exemple.fr", DEMO_PASSWORD);
    await expect(team).toHaveURL(/\/espace/);
    await team.goto(needUrl);
    const holders = team.getByLabel("Confier le projet à");
    await holders.selectOption({ index: 1 });
    holderName = (await holders.locator("option:checked").textContent()) ?? "";
    await team.getByLabel("Domaine d'activité").selectOption({ index: 1 });
    await team.getByLabel("Forme du projet").selectOption({ label: "Offrir un service" });
    await team.getByRole("button", { name: "Créer le brouillon de projet" }).click();
    await expect(team.getByRole("status")).toContainText("Le brouillon de projet est créé et confié");
    const trace = team.getByRole("region", { name: "Du besoin à ce qui y répond" });
    await expect(trace.getByRole("link", { name: title })).toHaveAttribute("href", /^\/projets\/\d+$/);
    await expect(team.getByText("À l'étude", { exact: true }).first()).toBeVisible();
    await checkA11y(team);
  } finally {
    await teamContext.close();
  }
  expect(holderName).not.toBe("");

  const visitorContext = await browser.newContext({ locale: "fr-FR", extraHTTPHeaders: TEST_CLIENT_HEADERS });
  const visitor = await visitorContext.newPage();
  try {
    await visitor.goto(needUrl);
    const trace = visitor.getByRole("region", { name: "Du besoin à ce qui y répond" });
    await expect(trace).toContainText(`Projet né de ce besoin : ${title}`);
    await expect(trace.getByRole("link", { name: title })).toHaveCount(0);
    await expect(visitor.getByRole("link", { name: "Connectez-vous" })).toBeVisible();
    await checkA11y(visitor);
  } finally {
    await visitorContext.close();
  }
});
