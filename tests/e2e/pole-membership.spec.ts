/**
 * Joining a pôle and its working groups: a newcomer of Saint-Jean-d'Angély joins the Vals de
 * Saintonge by accepting its charter (refused without ticking it, with JavaScript off too), asks to
 * join the « Ronde saintongeaise » group, and its coordinator (the demo volunteer) accepts. A member
 * who has not accepted the revised charter is asked on the next page and accepts it. Other specs share
 * the demo: nothing here publishes a charter or changes the seeded group's other requests.
 */
import { checkA11y, checkA11yWithoutScripts, COMMUNE_LABEL, DEMO_PASSWORD, expect as baseExpect, signIn, signUp, TEST_CLIENT_HEADERS, test, uniqueEmail } from "./fixtures";

const expect = baseExpect.configure({ timeout: 15_000 });
const CHARTER = "/poles/vals-de-saintonge/charte";
const GROUP = "/poles/vals-de-saintonge/groupes/ronde-saintongeaise";

test("a newcomer joins the pôle by its charter, asks to join a working group, and its coordinator accepts", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const email = uniqueEmail();
  await signUp(page, { email, displayName: "Inès Carpentier", commune: COMMUNE_LABEL, roles: ["benevole"] });

  await page.goto(GROUP);
  await expect(page.getByRole("heading", { level: 1, name: "Ronde saintongeaise" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Rejoignez d'abord le/ })).toBeVisible();
  await checkA11y(page);
  await page.getByRole("link", { name: /Rejoignez d'abord le/ }).click();

  await expect(page).toHaveURL(CHARTER);
  await expect(page.getByRole("heading", { level: 2, name: /La charte, version 2 du/ })).toBeVisible();
  await checkA11y(page);
  await page.getByRole("button", { name: "Rejoindre le pôle" }).click();
  await expect(page.getByText("Cochez la case pour accepter la charte.")).toBeVisible();
  await page.getByLabel("J'ai lu la charte (version 2) et je l'accepte.").check();
  await page.getByRole("button", { name: "Rejoindre le pôle" }).click();
  await expect(page.getByRole("status")).toContainText("Bienvenue dans le PTCE des Vals de Saintonge");

  await page.goto(GROUP);
  await page.getByLabel("Un mot pour le groupe (facultatif)").fill("Je peux baliser l'étape de Saint-Jean.");
  await page.getByRole("button", { name: "Demander à rejoindre le groupe" }).click();
  await expect(page.getByRole("status")).toContainText("Votre demande est envoyée");
  await expect(page.getByRole("button", { name: "Retirer ma demande" })).toBeVisible();

  const coordinatorContext = await browser.newContext({ locale: "fr-FR", extraHTTPHeaders: TEST_CLIENT_HEADERS });
  const coordinator = await coordinatorContext.newPage();
  try {
    await signIn(coordinator, "benevole@exemple.fr", DEMO_PASSWORD);
    await expect(coordinator).toHaveURL(/\/espace/);
    await coordinator.goto("/notifications");
    await coordinator.getByRole("button", { name: /Inès Carpentier demande à rejoindre le groupe « Ronde saintongeaise »/ }).click();
    await expect(coordinator).toHaveURL(/\/groupes\/ronde-saintongeaise/);
    const card = coordinator.getByRole("listitem").filter({ hasText: "Inès Carpentier" });
    await expect(card).toContainText("Je peux baliser l'étape de Saint-Jean.");
    await checkA11y(coordinator);
    await card.getByRole("button", { name: "Accepter" }).click();
    await expect(coordinator.getByRole("status")).toContainText("Inès Carpentier fait maintenant partie du groupe.");
  } finally {
    await coordinatorContext.close();
  }

  await page.reload();
  await expect(page.getByText("Vous faites partie de ce groupe.")).toBeVisible();
  await expect(page.getByRole("region", { name: /Membres/ }).getByText("Inès Carpentier")).toBeVisible();
});

test("joining without ticking the charter is refused at the box without JavaScript, and nothing is stored", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "fr-FR", extraHTTPHeaders: TEST_CLIENT_HEADERS });
  const page = await context.newPage();
  try {
    const email = uniqueEmail();
    await signUp(page, { email, commune: COMMUNE_LABEL, roles: ["porteur"] });
    await page.goto(CHARTER);
    await page.getByRole("button", { name: "Rejoindre le pôle" }).click();
    await expect(page.getByText("Cochez la case pour accepter la charte.")).toBeVisible();
    await checkA11yWithoutScripts(page);
    await page.goto(CHARTER);
    await expect(page.getByRole("button", { name: "Rejoindre le pôle" })).toBeVisible();
  } finally {
    await context.close();
  }
});

test("a member who has not accepted the revised charter is asked on the next page and accepts it", async ({ page, db }) => {
  await signIn(page, db.memberYetToAcceptCharter("vals-de-saintonge"), DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/espace/);
  const notice = page.getByText(/La charte du PTCE des Vals de Saintonge a changé \(version 2\)/);
  await expect(notice).toBeVisible();
  await page.getByRole("link", { name: "Lisez-la et acceptez-la" }).click();
  await expect(page).toHaveURL(CHARTER);
  await expect(page.getByText(/La charte a changé depuis la version 1 que vous aviez acceptée/)).toBeVisible();
  await page.getByLabel("J'ai lu la version 2 de la charte et je l'accepte.").check();
  await page.getByRole("button", { name: "Accepter la nouvelle version" }).click();
  await expect(page.getByRole("status")).toContainText("vous avez accepté la nouvelle version");
  await page.goto("/espace");
  await expect(notice).toHaveCount(0);
});
