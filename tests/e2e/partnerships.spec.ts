/**
 * « M'associer avec d'autres » in the browser: a seeking project's page shows what it brings and
 * seeks and the complementary projects of its territory, each explained; someone signed in
 * proposes to join without JavaScript, the holder reads it without any address and accepts; then
 * each finds the other's contact in their notifications.
 */
import Database from "better-sqlite3";
import { checkA11y, checkA11yWithoutScripts, DEMO_PASSWORD, E2E_DATABASE, expect, signIn, test } from "./fixtures";

type Seeking = { id: number; title: string; ownerEmail: string; ownerName: string };

/** A published project of the demo that seeks partners, held by one of the generated holders. */
function seekingProject(): Seeking {
  const db = new Database(E2E_DATABASE, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(
        `SELECT p.id, p.title, u.email AS ownerEmail, u.display_name AS ownerName FROM projects p
         JOIN partnership_offers o ON o.project_id = p.id AND o.open = 1
         JOIN users u ON u.id = p.owner_id
         WHERE p.status = 'publie' AND u.email NOT IN ('porteur@exemple.fr', 'benevole@exemple.fr') AND u.email NOT LIKE 'e2e-%'
         ORDER BY p.id LIMIT 1`,
      )
      .get() as Seeking;
  } finally {
    db.close();
  }
}

test.describe("m'associer avec d'autres", () => {
  test("a visitor reads what a seeking project brings and seeks, and the complements Maillon explains", async ({ page }) => {
    // Demo project 1: porteur@'s épicerie, which seeks producers and a transformation workshop.
    await page.goto("/projets/1");
    const section = page.getByRole("region", { name: "M'associer avec d'autres" });
    await expect(section.getByText("Le projet apporte")).toBeVisible();
    await expect(section.getByText("Le projet cherche")).toBeVisible();
    await expect(section.getByRole("link", { name: "Connectez-vous" })).toHaveAttribute("href", /\/connexion\?redirectTo=/);
    await expect(section.getByRole("button", { name: "Envoyer ma proposition" })).toHaveCount(0);
    const complements = section.getByRole("list", { name: "Projets et organisations complémentaires du territoire" });
    await expect(complements.getByRole("listitem").first()).toContainText(/Cherche : .* — (ce projet|cette organisation) (apporte|propose) : .*(km|même commune)/);
    await checkA11y(page);
  });

  test("a proposal sent without JavaScript reaches the holder without any address; accepting gives both their contacts", async ({ browser, baseURL }) => {
    test.setTimeout(90_000);
    const target = seekingProject();
    const proposer = await browser.newContext({ javaScriptEnabled: false, baseURL, locale: "fr-FR" });
    const holder = await browser.newContext({ baseURL, locale: "fr-FR" });
    try {
      const p = await proposer.newPage();
      await signIn(p, "benevole@exemple.fr", DEMO_PASSWORD);
      await expect(p).not.toHaveURL(/\/connexion/);
      await p.goto(`/projets/${target.id}`);
      const form = p.getByRole("form", { name: "Proposer de m'associer" });
      await form.getByLabel("Votre message").fill("Court");
      await form.getByRole("button", { name: "Envoyer ma proposition" }).click();
      // Refused at the field, what was typed kept.
      await expect(p.getByText("Votre message doit compter au moins 20 caractères.")).toBeVisible();
      await expect(p.getByLabel("Votre message")).toHaveValue("Court");
      await checkA11yWithoutScripts(p);
      await p.getByLabel("Votre message").fill("Bonjour, ancienne comptable, je peux apporter du temps et un peu de capital à votre projet.");
      await p.getByRole("button", { name: "Envoyer ma proposition" }).click();
      await expect(p.getByRole("status").filter({ hasText: "Votre proposition est envoyée" })).toBeVisible();
      await expect(p.getByText(/Votre proposition du .* : en attente de réponse/)).toBeVisible();

      const h = await holder.newPage();
      await signIn(h, target.ownerEmail, DEMO_PASSWORD);
      await expect(h).not.toHaveURL(/\/connexion/);
      await h.goto("/notifications");
      const told = h.getByRole("listitem").filter({ hasText: `Monique Girard propose de s'associer à « ${target.title} »` });
      await expect(told).toBeVisible();
      await expect(told).not.toContainText("benevole@exemple.fr");
      await h.goto(`/projets/${target.id}/associes`);
      await expect(h.getByRole("heading", { level: 1 })).toContainText(target.title);
      const card = h.locator("li.card").filter({ hasText: "Monique Girard" });
      await expect(card).not.toContainText("benevole@exemple.fr");
      await checkA11y(h);
      await card.getByRole("button", { name: "Accepter et échanger nos coordonnées" }).click();
      await expect(h.getByRole("status").filter({ hasText: "Proposition acceptée" })).toBeVisible();
      await expect(h.locator("li.card").filter({ hasText: "Monique Girard" }).getByRole("link", { name: "benevole@exemple.fr" })).toBeVisible();

      await p.goto("/notifications");
      await expect(p.getByRole("listitem").filter({ hasText: "a accepté votre proposition" })).toContainText(target.ownerEmail);
    } finally {
      await proposer.close();
      await holder.close();
    }
  });
});
