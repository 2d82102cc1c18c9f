/**
 * The public showcase of projects, as a visitor meets it: /projets lists and links the published
 * projects, its filters work without JavaScript and keep their state in the address, a project
 * page shows its funding progress bar, and no page a visitor reaches shows a holder's e-mail.
 */
import Database from "better-sqlite3";
import { checkA11y, checkA11yWithoutScripts, DEMO_PASSWORD, E2E_DATABASE, expect, signIn, test } from "./fixtures";

type Published = { id: number; title: string; hasFunding: number };

/** Read-only facts of the seeded demo (the server writes the same file). */
function demo<T>(read: (db: Database.Database) => T): T {
  const db = new Database(E2E_DATABASE, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const publishedProjects = () =>
  demo(
    (db) =>
      db
        .prepare(
          `SELECT p.id, p.title, (f.id IS NOT NULL) AS hasFunding FROM projects p LEFT JOIN project_funding_needs f ON f.project_id = p.id
           WHERE p.status = 'publie' AND p.owner_id IN (SELECT id FROM users WHERE email NOT LIKE 'e2e-%') ORDER BY p.id`,
        )
        .all() as Published[],
  );

/** Every demo holder's address: none may appear in what a visitor receives. */
const holderEmails = () =>
  demo((db) => (db.prepare("SELECT DISTINCT u.email FROM users u JOIN projects p ON p.owner_id = u.id").all() as { email: string }[]).map((r) => r.email));

test.describe("la vitrine des projets, pour un visiteur", () => {
  test("GET /projets answers 200 and, page after page, links to every published project", async ({ page }) => {
    // Other workers publish and close their own projects meanwhile, which shifts the pages by one
    // now and then: the walk starts again from page 1 until one walk sees every published project.
    await expect(async () => {
      const response = await page.goto("/projets");
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Projets");
      const linked = new Set<number>();
      for (let n = 1; n <= 20; n += 1) {
        const hrefs = await page.locator("section[aria-labelledby=vitrine] .cards h3 a").evaluateAll((links) =>
          links.map((a) => a.getAttribute("href") ?? ""),
        );
        for (const href of hrefs) linked.add(Number(/^\/projets\/(\d+)$/.exec(href)?.[1]));
        const next = page.getByRole("navigation", { name: "Pages de la liste des projets" }).getByRole("link", { name: `Page ${n + 1}`, exact: true });
        if ((await next.count()) === 0) break;
        await next.click();
        await expect(page).toHaveURL(new RegExp(`page=${n + 1}`));
        await page.waitForLoadState("load");
      }
      const published = publishedProjects();
      expect(published.length).toBeGreaterThan(12); // the demo has more than one page
      for (const p of published) expect(linked, `${p.title} (${p.id})`).toContain(p.id);
    }).toPass({ timeout: 30_000 });
  });

  test("filters work without JavaScript and keep their state in the address", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL, locale: "fr-FR" });
    const page = await context.newPage();
    try {
      await page.goto("/projets");
      const filters = page.getByRole("search", { name: "Filtrer les projets" });
      await filters.getByLabel("Pôle", { exact: true }).selectOption({ label: "PTCE des Vals de Saintonge" });
      await filters.getByLabel("Cherche encore un financement").check();
      await filters.getByRole("button", { name: "Afficher les projets" }).click();
      await expect(page).toHaveURL(/\/projets\?pole=vals-de-saintonge&financement=1$/);
      // The address changes when the new document commits; its list may still be arriving.
      await page.waitForLoadState("load");
      // The form shows the filters that apply.
      await expect(filters.getByLabel("Pôle", { exact: true })).toHaveValue("vals-de-saintonge");
      await expect(filters.getByLabel("Cherche encore un financement")).toBeChecked();
      const cards = page.locator("section[aria-labelledby=vitrine] li.card");
      expect(await cards.count()).toBeGreaterThan(0);
      for (const card of await cards.all()) {
        await expect(card).toContainText("PTCE des Vals de Saintonge");
        await expect(card).toContainText("encore");
        await expect(card.getByRole("img", { name: /Progression du financement/ })).toBeVisible();
      }
      await expect(page.getByRole("status").filter({ hasText: "pour ces critères" })).toBeVisible();
      await checkA11yWithoutScripts(page);

      await page.getByRole("link", { name: "Retirer tous les filtres" }).click();
      await expect(page).toHaveURL(/\/projets$/);
      await expect(filters.getByLabel("Pôle", { exact: true })).toHaveValue("");
    } finally {
      await context.close();
    }
  });

  test("a project page shows its story, its needs and its funding progress bar; axe finds nothing on either page", async ({ page }) => {
    await page.goto("/projets");
    await checkA11y(page);
    const funded = publishedProjects().find((p) => p.hasFunding === 1);
    expect(funded, "the demo has a published project seeking money").toBeDefined();
    const response = await page.goto(`/projets/${funded!.id}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(funded!.title);
    await expect(page.getByRole("heading", { name: "Besoins de compétences" })).toBeVisible();
    await expect(page.getByRole("img", { name: /Progression du financement : .* engagés sur .* recherchés/ })).toBeVisible();
    await checkA11y(page);
  });

  test("a visitor on a project still seeking money is offered to sign in as a saver, and comes back to the pledge form", async ({ page }) => {
    // A demo project seeking money: the finance journey pledges to a project of its own.
    const project = publishedProjects().find((p) => p.hasFunding === 1);
    expect(project, "the demo has a published project seeking money").toBeDefined();
    await page.goto(`/projets/${project!.id}`);
    await expect(page.getByTestId("objectif-atteint")).toHaveCount(0);
    const offer = page.locator("section.funding p", { hasText: "Vous êtes épargnant ou épargnante ?" });
    await expect(offer).toContainText("pour soutenir ce projet.");
    await offer.getByRole("link", { name: "Connectez-vous" }).click();
    await expect(page).toHaveURL(new RegExp(`/connexion\\?redirectTo=%2Fprojets%2F${project!.id}%2Fsoutenir$`));
    await signIn(page, "epargnant@exemple.fr", DEMO_PASSWORD);
    await expect(page).toHaveURL(new RegExp(`/projets/${project!.id}/soutenir$`));
    await expect(page.getByLabel(/Montant/).first()).toBeVisible();
  });

  test("no page a visitor reaches shows a holder's e-mail (nor its loader data)", async ({ request }) => {
    const emails = holderEmails();
    expect(emails).toContain("porteur@exemple.fr");
    const pages = ["/", "/projets", "/creer", "/financer", "/accompagner", "/poles"];
    // Every page of the list, and every project page it links to.
    for (let n = 2; n <= 10; n += 1) pages.push(`/projets?page=${n}`);
    for (const p of publishedProjects()) pages.push(`/projets/${p.id}`);
    const seen: string[] = [];
    for (const path of pages) {
      const response = await request.get(path);
      if (response.status() === 404 && path.includes("page=")) continue;
      expect(response.status(), path).toBe(200);
      const html = (await response.text()).toLowerCase();
      for (const email of emails) if (html.includes(email.toLowerCase())) seen.push(`${path}: ${email}`);
      // Links found on project pages (pôle pages, clubs…) are visited too.
      for (const href of html.matchAll(/href="(\/(?:poles|clubs|cagnotte)\/[^"#?]+)"/g)) if (!pages.includes(href[1]!)) pages.push(href[1]!);
    }
    expect(seen, `Adresses de porteurs visibles :\n${seen.join("\n")}`).toEqual([]);
  });
});
