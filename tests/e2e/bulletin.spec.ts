/**
 * The bulletin: a member of the Vals de Saintonge (the demo volunteer) proposes an article, the
 * animation team asks for changes, she edits and sends it back, the team publishes it and a visitor
 * reads it on /bulletin, its Markdown rendered. axe on the list, the form, the moderation page and the article.
 */
import { checkA11y, DEMO_PASSWORD, expect as baseExpect, signIn, TEST_CLIENT_HEADERS, test } from "./fixtures";

const expect = baseExpect.configure({ timeout: 15_000 });
const MODERATION = "/bulletin/moderation?pole=vals-de-saintonge";

test("an article goes submitted → changes asked → edited and resubmitted → published, and a visitor reads it", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const title = `Le marché de Noël des producteurs ${Date.now()}`;
  await page.goto("/bulletin");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "La recyclerie ouvre ses portes à Saint-Jean-d'Angély" })).toBeVisible();
  await checkA11y(page);

  await signIn(page, "benevole@exemple.fr", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/espace/);
  await page.goto("/bulletin/proposer");
  await page.getByLabel("Bulletin du pôle").selectOption({ label: "PTCE des Vals de Saintonge" });
  await page.getByLabel("Titre").fill(title);
  await page.getByLabel("Résumé").fill("Douze producteurs du pôle tiennent un marché commun avant les fêtes.");
  await page.getByLabel("Texte de l'article").fill("Rendez-vous **place du Pilori**.\n\n<script>alert(1)</script>");
  await checkA11y(page);
  await page.getByRole("button", { name: "Envoyer l'article à l'équipe d'animation" }).click();
  await expect(page.getByRole("status")).toBeVisible();
  await expect(page).toHaveURL(/\/bulletin\/\d+$/);
  const articlePath = new URL(page.url()).pathname;

  const teamContext = await browser.newContext({ locale: "fr-FR", extraHTTPHeaders: TEST_CLIENT_HEADERS });
  const team = await teamContext.newPage();
  try {
    await signIn(team, "animation.saintonge@exemple.fr", DEMO_PASSWORD);
    await expect(team).toHaveURL(/\/espace/);
    await team.goto(MODERATION);
    const card = team.getByRole("listitem").filter({ has: team.getByRole("link", { name: title }) });
    await checkA11y(team);
    await card.getByLabel("Message à l'auteur").fill("Précisez les horaires du marché, s'il vous plaît.");
    await card.getByRole("button", { name: "Demander des modifications" }).click();
    await expect(team.getByRole("status")).toBeVisible();

    await page.goto("/notifications");
    await expect(page.getByText(new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))).first()).toBeVisible();
    await page.goto(`${articlePath}/modifier`);
    await page.getByLabel("Texte de l'article").fill("Rendez-vous **place du Pilori**, samedi de 9 h à 18 h.\n\n<script>alert(1)</script>");
    await page.getByRole("button", { name: "Renvoyer l'article à l'équipe d'animation" }).click();
    await expect(page.getByRole("status")).toBeVisible();

    await team.goto(MODERATION);
    await team.getByRole("listitem").filter({ has: team.getByRole("link", { name: title }) }).getByRole("button", { name: "Publier" }).click();
    await expect(team.getByRole("status")).toBeVisible();
  } finally {
    await teamContext.close();
  }

  const visitorContext = await browser.newContext({ locale: "fr-FR", extraHTTPHeaders: TEST_CLIENT_HEADERS });
  const visitor = await visitorContext.newPage();
  try {
    await visitor.goto("/bulletin");
    await visitor.getByRole("link", { name: title }).first().click();
    await expect(visitor.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(visitor.locator("strong", { hasText: "place du Pilori" })).toBeVisible();
    await expect(visitor.getByText("samedi de 9 h à 18 h")).toBeVisible();
    // Counted once the whole document is in, so a script later in <main> is not missed.
    await visitor.waitForLoadState("load");
    expect(await visitor.locator("main script").count()).toBe(0);
    await checkA11y(visitor);
  } finally {
    await visitorContext.close();
  }
});
