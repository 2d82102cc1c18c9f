/**
 * The interface in English: chosen by the browser's Accept-Language, or by the footer's switch (a
 * cookie), kept apart from the French page by the page cache, with `<html lang>` following.
 */
import { checkA11y, expect, test, TEST_CLIENT_HEADERS } from "./fixtures";

const ENGLISH_TITLE = "Cooperating to start businesses in your area";
const FRENCH_TITLE = "Coopérer pour entreprendre sur son territoire";

test("GET / with Accept-Language: en answers the English page, and French again without it, from the same page cache", async ({ request }) => {
  for (const [acceptLanguage, lang, title] of [
    ["en-GB,en;q=0.9", "en", ENGLISH_TITLE],
    ["fr-FR,fr;q=0.9", "fr-FR", FRENCH_TITLE],
    ["en", "en", ENGLISH_TITLE],
    ["de-DE", "fr-FR", FRENCH_TITLE],
  ] as const) {
    const answer = await request.get("/", { headers: { "Accept-Language": acceptLanguage } });
    expect(answer.status()).toBe(200);
    const html = await answer.text();
    expect(html, acceptLanguage).toContain(`<html lang="${lang}">`);
    expect(html, acceptLanguage).toContain(title);
    expect(answer.headers()["vary"]).toMatch(/Accept-Language/i);
  }
});

test("the footer's switch turns the site to English and back, without JavaScript, on the same page", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "fr-FR", extraHTTPHeaders: TEST_CLIENT_HEADERS });
  const page = await context.newPage();
  try {
    await page.goto("/poles");
    await page.getByRole("contentinfo").getByRole("button", { name: /English/ }).click();
    await expect(page).toHaveURL(/\/poles$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Hubs" })).toBeVisible();
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: ENGLISH_TITLE })).toBeVisible();
    await page.getByRole("contentinfo").getByRole("button", { name: /Français/ }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "fr-FR");
    await expect(page.getByRole("heading", { level: 1, name: FRENCH_TITLE })).toBeVisible();
  } finally {
    await context.close();
  }
});

test("the English home page hydrates and axe finds no violation", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-GB", extraHTTPHeaders: TEST_CLIENT_HEADERS });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  try {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1, name: ENGLISH_TITLE })).toBeVisible();
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Hubs" }).click();
    await expect(page).toHaveURL(/\/poles$/);
    // A client-side navigation: the address changes before the new page is drawn.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("The local hubs of economic cooperation");
    await checkA11y(page);
    expect(errors, "no hydration mismatch").toEqual([]);
  } finally {
    await context.close();
  }
});

for (const javaScriptEnabled of [false, true]) {
  test(`in English, a sign-up's field errors are English, with the figures in place (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled, locale: "en-GB", extraHTTPHeaders: TEST_CLIENT_HEADERS });
    const page = await context.newPage();
    try {
      await page.goto("/inscription");
      if (javaScriptEnabled) await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
      await page.getByLabel("Email address").fill("not-an-address");
      await page.getByLabel("Display name").fill("A");
      await page.getByRole("button", { name: "Create my account" }).click();
      await expect(page.getByLabel("Email address")).toHaveAccessibleDescription(/This e-mail address is not valid/);
      await expect(page.getByLabel("Display name")).toHaveAccessibleDescription(/The name must be at least 2 characters long\./);
      await expect(page.getByLabel("Display name")).toHaveValue("A");
    } finally {
      await context.close();
    }
  });
}
