/**
 * The Content-Security-Policy in a real browser with JavaScript on: the pages hydrate (a client-side
 * navigation works), and the browser reports no violation, neither as a `securitypolicyviolation`
 * event nor on the console. Server-rendered checks of the header and the nonces are in security.spec.ts.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/** Collects what the browser blocks on this page, from the first byte of each document. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction("reportCspViolation", (line: string) => seen.push(line));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportCspViolation: (line: string) => void }).reportCspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"} on ${location.pathname}`,
      );
    });
  });
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) seen.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => seen.push(`page error: ${error.message}`));
  return seen;
}

test("the pages hydrate under the Content-Security-Policy and the browser blocks nothing, error pages included", async ({ page }) => {
  const violations = await watchViolations(page);

  for (const path of ["/", "/projets", "/poles", "/projets/1", "/connexion", "/cagnotte/vals-de-saintonge"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.locator("h1").first(), path).toBeVisible();
  }
  // The funding bars are drawn without inline style: their parts still have their widths.
  await page.goto("/projets");
  const parts = page.locator("svg.progress rect");
  expect(await parts.count()).toBeGreaterThan(0);
  expect((await parts.first().boundingBox())?.width ?? 0).toBeGreaterThan(0);

  // Hydrated: a link of the header navigates on the client, the document stays the same.
  await page.goto("/");
  await page.waitForFunction(() => (window as unknown as { __reactRouterContext?: unknown; __remixContext?: unknown }).__remixContext !== undefined);
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  await page.getByRole("navigation").getByRole("link", { name: "Les pôles", exact: true }).click();
  await expect(page).toHaveURL(/\/poles$/);
  await expect(page.locator("h1").first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);

  // Error pages: Remix's 404, and the one server.js writes itself (a URL it cannot decode).
  expect((await page.goto("/inconnu"))?.status()).toBe(404);
  await expect(page.locator("h1")).toHaveText("Page introuvable");
  expect((await page.goto("/projets/%ZZ"))?.status()).toBe(400);
  await expect(page.locator("h1")).toHaveText("Requête invalide");

  expect(violations).toEqual([]);
});
