/**
 * The impact pages in a browser: /impact and a pôle's page show each indicator as an SVG chart whose
 * bars carry the same figures as the table beside it, with axe finding nothing; the CSV downloads.
 */
import { checkA11y, expect, test } from "./fixtures";

test("the whole install's impact draws each indicator as an accessible chart beside the table of its figures", async ({ page, request }) => {
  const response = await page.goto("/impact");
  expect(response?.status()).toBe(200);
  const indicator = page.getByTestId("impact-indicator").filter({ hasText: "Heures d'accompagnement" });
  const chart = indicator.locator("svg[role=img]");
  await expect(chart).toHaveCount(1);
  await expect(chart.locator("title")).toHaveText(/Heures d'accompagnement/);
  const bars = await chart.locator("rect.impact-chart__bar").evaluateAll((rects) => rects.map((r) => r.getAttribute("data-value")));
  const cells = await indicator.locator("table td[data-value]").evaluateAll((tds) => tds.map((td) => td.getAttribute("data-value")).filter((v) => v !== ""));
  expect(bars.length).toBeGreaterThan(0);
  expect(bars).toEqual(cells);
  await checkA11y(page);

  const csv = await request.get("/impact.csv");
  expect(csv.headers()["content-type"]).toMatch(/^text\/csv; charset=utf-8/);
  expect((await csv.text()).split("\r\n")[0]).toContain("indicateur");
});

test("a pôle's page shows the indicators its team chose, with progress toward their targets", async ({ page }) => {
  await page.goto("/poles/vals-de-saintonge");
  await page.getByRole("link", { name: /L'impact du pôle/ }).click();
  await expect(page).toHaveURL(/\/poles\/vals-de-saintonge\/impact$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("PTCE des Vals de Saintonge");
  await expect(page.getByRole("heading", { name: "Activités lancées" })).toBeVisible();
  await expect(page.getByTestId("impact-progress").first()).toHaveText(/Progression vers la cible|Cible atteinte/);
  await checkA11y(page);
});
