/**
 * The directory of pôles and their pages, as a visitor: a map drawn on the server (inline SVG, no
 * request to any other origin), the list grouped by region and department, filters that work without
 * JavaScript, and a page for every pôle.
 */
import { checkA11y, checkA11yWithoutScripts, expect, test } from "./fixtures";

test.describe("l'annuaire des pôles", () => {
  test("/poles draws the map inline, links to at least 20 pôles and asks nothing of another origin", async ({
    page,
    siteOrigin,
  }) => {
    const elsewhere: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.origin !== siteOrigin && url.protocol !== "data:") elsewhere.push(request.url());
    });
    const response = await page.goto("/poles");
    expect(response?.status()).toBe(200);
    await page.waitForLoadState("networkidle");
    expect(elsewhere).toEqual([]);

    const map = page.getByRole("group", { name: "Carte des pôles" });
    await expect(map).toBeVisible();
    expect(await map.evaluate((svg) => svg.tagName.toLowerCase())).toBe("svg");
    expect(await map.locator("path").count()).toBe(101);

    const hrefs = await page
      .locator("main a[href^='/poles/']")
      .evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute("href")))]);
    expect(hrefs.length).toBeGreaterThanOrEqual(20);
    // Each point on the map is a link named by its pôle.
    await expect(map.getByRole("link", { name: /PTCE des Vals de Saintonge/ })).toHaveAttribute(
      "href",
      "/poles/vals-de-saintonge",
    );
    expect(await map.getByRole("link").count()).toBeGreaterThanOrEqual(18);

    // The list, the map's accessible equivalent: regions, then departments.
    const list = page.getByRole("region", { name: "Les pôles par région et département" });
    await expect(list.getByRole("heading", { level: 3, name: "Hauts-de-France" })).toBeVisible();
    await expect(list.getByRole("heading", { level: 4, name: "Nord (59)" })).toBeVisible();
    await expect(list.getByRole("heading", { level: 4, name: "Pas-de-Calais (62)" })).toBeVisible();
    const nord = list.getByRole("region", { name: "Nord (59)" });
    await expect(nord.getByRole("link", { name: "COTESS Sambre-Avesnois" })).toHaveAttribute("href", "/poles/sambre-avesnois");
    await expect(nord.getByRole("link", { name: "PTCE Auton'Hommes" })).toBeVisible();
    await expect(page.locator("footer")).toContainText("Contours des départements : IGN — Admin Express COG 2018, Licence Ouverte 2.0");
    await checkA11y(page);
  });

  test("every pôle has its page, with its JSON-LD Organization", async ({ page, request }) => {
    await page.goto("/poles");
    const hrefs = await page
      .locator("main section a[href^='/poles/']")
      .evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute("href")!))]);
    expect(hrefs.length).toBeGreaterThanOrEqual(20);
    for (const href of hrefs) {
      const response = await request.get(href);
      expect(response.status(), href).toBe(200);
      const html = await response.text();
      const jsonLd = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1];
      expect(jsonLd, href).toBeTruthy();
      expect(JSON.parse(jsonLd!)).toMatchObject({ "@type": "Organization", url: expect.stringMatching(new RegExp(`${href}$`)) });
    }
  });

  test("a pôle page: axes and working groups, territory map, contact and opening hours, published projects", async ({ page }) => {
    await page.goto("/poles/vals-de-saintonge");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("PTCE des Vals de Saintonge");
    await expect(page.getByText("Comité de pilotage de la filière maraîchage bio")).toBeVisible();
    await expect(page.getByRole("img", { name: /Charente-Maritime \(17\), siège à Saint-Jean-d'Angély/ })).toBeVisible();
    await expect(page.locator("dt:has-text('Intercommunalité') + dd")).toHaveText("CC Vals de Saintonge Communauté");
    await expect(page.getByRole("link", { name: "09 53 50 27 59" })).toHaveAttribute("href", "tel:+33953502759");
    await expect(page.locator("dt:has-text(\"Horaires d'ouverture\") + dd")).toContainText("le lundi et le vendredi de 15 h à 17 h");
    await expect(page.getByRole("heading", { level: 2, name: "Organisations membres" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Gouvernance" })).toBeVisible();
    const projects = page.getByRole("region", { name: "Projets publiés" });
    const first = projects.getByRole("link").first();
    await expect(first).toHaveAttribute("href", /^\/projets\/\d+$/);
    await checkA11y(page);

    await page.goto("/poles/pole-regional-musiques-actuelles");
    await expect(page.locator("dt:has-text('Périmètre') + dd")).toContainText("Poitou-Charentes");
    await expect(page.getByText("Le pôle n'a pas encore indiqué ses coordonnées.")).toBeVisible();
    await checkA11y(page);
  });
});

test.describe("les filtres sans JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("region, department and axis filter the map and the list through the URL", async ({ page }) => {
    await page.goto("/poles");
    await page.getByLabel("Région", { exact: true }).selectOption({ label: "Hauts-de-France" });
    await page.getByLabel("Axe de travail", { exact: true }).selectOption({ label: "Alimentation et agriculture durable" });
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect(page).toHaveURL(/\/poles\?region=32&departement=&axe=alimentation$/);
    // The URL changes when the new page starts to arrive: the list is read once it has all arrived.
    await page.waitForLoadState("load");
    await expect(page.getByLabel("Région", { exact: true })).toHaveValue("32");

    const list = page.getByRole("region", { name: "Les pôles par région et département" });
    await expect(list.getByRole("heading", { level: 3 })).toHaveText(["Hauts-de-France"]);
    await expect(list.getByRole("link", { name: "PTCE des Vals de Saintonge" })).toHaveCount(0);
    await expect(list.getByRole("link", { name: "Anima Grand Calais", exact: false })).toBeVisible();
    const listed = await list.locator("a[href^='/poles/']").evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute("href")))]);
    const map = page.getByRole("group", { name: "Carte des pôles correspondant aux filtres" });
    const points = await map.locator("a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(points.length).toBeGreaterThan(0);
    for (const href of points) expect(listed).toContain(href);
    await expect(page.locator("main p[aria-live]")).toHaveText(/^\d+ pôles? sur \d+ correspond/);
    await checkA11yWithoutScripts(page);

    await page.getByLabel("Département", { exact: true }).selectOption({ label: "Nord (59)" });
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect(list.getByRole("heading", { level: 4 })).toHaveText(["Nord (59)"]);
    await expect(list.getByRole("link", { name: "COTESS Sambre-Avesnois" })).toBeVisible();

    await page.getByRole("link", { name: "Voir tous les pôles" }).first().click();
    await expect(page).toHaveURL(/\/poles$/);
    await page.waitForLoadState("load");
    const mapLinks = page.getByRole("group", { name: "Carte des pôles" }).locator("a");
    expect(await mapLinks.count()).toBeGreaterThanOrEqual(18);
  });
});
