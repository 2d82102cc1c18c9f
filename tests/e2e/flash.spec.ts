/**
 * What an action did is said once, on the page its redirect leads to, by the
 * flash message (a signed cookie read by the next page): never in the URL, gone
 * after a reload or the next navigation, with JavaScript and without.
 */
import type { Page } from "@playwright/test";
import { checkA11y, checkA11yWithoutScripts, expect, signUp, test, uniqueEmail } from "./fixtures";

const WELCOME = "Bienvenue sur Maillon ! Votre compte est créé.";
const ROLES_SAVED = "Vos rôles ont été mis à jour.";

async function expectNoFlash(page: Page) {
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("status")).toHaveCount(0);
}

test("with JavaScript: the message shows once after the redirect, takes the focus, and is gone after a reload or a navigation", async ({ page }) => {
  await signUp(page, { email: uniqueEmail(), roles: ["porteur"] });
  await expect(page).toHaveURL(/\/espace$/);
  const welcome = page.getByRole("status");
  await expect(welcome).toHaveText(WELCOME);
  await expect(welcome).toBeFocused();
  await checkA11y(page);
  await page.reload();
  await expectNoFlash(page);

  // A client-side submission: the action's redirect carries the cookie, the next page's loaders read it.
  await page.goto("/compte");
  await page.getByRole("checkbox", { name: /Épargnant ou épargnante/ }).check();
  await page.getByRole("button", { name: "Enregistrer mes rôles" }).click();
  await expect(page.getByRole("status")).toHaveText(ROLES_SAVED);
  await expect(page).toHaveURL(/\/compte$/);

  // Client-side navigation away and back: the root loader ran again and found nothing.
  await page.getByRole("banner").getByRole("link", { name: "Mon espace" }).click();
  await expect(page).toHaveURL(/\/espace$/);
  await expectNoFlash(page);
  await page.goBack();
  await expect(page).toHaveURL(/\/compte$/);
  // Back on the client too: until /compte is drawn, the page checked would still be « Mon espace ».
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mon compte");
  await expectNoFlash(page);
  await page.reload();
  await expectNoFlash(page);
});

test("without JavaScript: the same message in the HTML once, then gone", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL, locale: "fr-FR", extraHTTPHeaders: { "X-Forwarded-For": "192.0.2.1" } });
  const page = await context.newPage();
  try {
    await signUp(page, { email: uniqueEmail(), roles: ["porteur"] });
    await expect(page).toHaveURL(/\/espace$/);
    await expect(page.getByRole("status")).toHaveText(WELCOME);
    await checkA11yWithoutScripts(page);
    await page.reload();
    await expectNoFlash(page);

    await page.goto("/compte");
    await page.getByRole("checkbox", { name: /Bénévole accompagnant/ }).check();
    await page.getByRole("button", { name: "Enregistrer mes rôles" }).click();
    await expect(page).toHaveURL(/\/compte$/);
    await expect(page.getByRole("status")).toHaveText(ROLES_SAVED);
    await page.goto("/espace");
    await expectNoFlash(page);
  } finally {
    await context.close();
  }
});

test("a flash cookie changed by hand shows nothing", async ({ page, context, baseURL }) => {
  await signUp(page, { email: uniqueEmail(), roles: ["porteur"] });
  await expect(page.getByRole("status")).toHaveText(WELCOME);
  const forged = Buffer.from(JSON.stringify({ message: "Faites un virement sur ce compte." })).toString("base64");
  // What an unsigned cookie would carry: shown if the server trusted it.
  await context.addCookies([{ name: "maillon_flash", value: forged, url: baseURL! }]);
  await page.goto("/espace");
  await expectNoFlash(page);
  await expect(page.getByText("Faites un virement")).toHaveCount(0);
});
