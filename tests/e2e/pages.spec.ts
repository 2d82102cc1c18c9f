import type { Locator } from "@playwright/test";
import {
  checkA11y,
  checkA11yWithoutScripts,
  COMMUNE_LABEL,
  DEMO_PASSWORD,
  expect,
  fillSignUpForm,
  signIn,
  signUpLink,
  STRONG_PASSWORD,
  test,
  uniqueEmail,
} from "./fixtures";

const POLES = [
  { slug: "vals-de-saintonge", area: "Vals de Saintonge", name: "PTCE des Vals de Saintonge", animator: "Hélène Rivaud" },
  { slug: "sambre-avesnois", area: "Sambre-Avesnois", name: "COTESS Sambre-Avesnois", animator: "Karim Delattre" },
] as const;

type Counts = { porteurs: number; benevoles: number; epargnants: number };

/** Reads the three figures of a TerritoryStats list (porteurs, bénévoles, épargnants). */
async function readStats(stats: Locator): Promise<Counts> {
  await expect(stats.locator("li")).toHaveCount(3);
  const figures = (await stats.locator("li strong").allTextContents()).map((t) => Number(t.replace(/\D/g, "")));
  const [porteurs = NaN, benevoles = NaN, epargnants = NaN] = figures;
  await expect(stats.locator("li").nth(0)).toContainText(/porteurs? de projets?/);
  await expect(stats.locator("li").nth(1)).toContainText(/bénévoles?/);
  await expect(stats.locator("li").nth(2)).toContainText(/épargnants?/);
  return { porteurs, benevoles, epargnants };
}

/**
 * Other tests sign people up meanwhile, so the page must lie between the database before and after. This
 * holds because no test takes a person out of these pôles (personal-data.spec.ts deletes an account of its own elsewhere).
 */
function expectCountsBetween(shown: Counts, before: Counts, after: Counts) {
  for (const key of ["porteurs", "benevoles", "epargnants"] as const) {
    expect(shown[key], key).toBeGreaterThanOrEqual(before[key]);
    expect(shown[key], key).toBeLessThanOrEqual(after[key]);
  }
}

test.describe("pages publiques", () => {
  test("home shows both seeded pôles with their people counted by role", async ({ page, db }) => {
    const before = POLES.map((p) => db.countMembers(p.slug));
    await page.goto("/");
    const after = POLES.map((p) => db.countMembers(p.slug));

    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Coopérer pour entreprendre sur son territoire");
    const section = page.getByRole("region", { name: "Les pôles sur Maillon" });
    await expect(section.locator("li.card")).toHaveCount(2);
    for (const [i, pole] of POLES.entries()) {
      const card = section.locator("li.card").filter({ has: page.getByRole("link", { name: pole.name }) });
      await expect(card).toHaveCount(1);
      await expect(card.getByRole("link", { name: pole.name })).toHaveAttribute("href", `/poles/${pole.slug}`);
      await expect(card).toContainText(pole.area);
      const shown = await readStats(card.locator("ul.stats"));
      expect(shown.porteurs + shown.benevoles + shown.epargnants).toBeGreaterThan(0);
      expectCountsBetween(shown, before[i]!, after[i]!);
    }
    await checkA11y(page);
  });

  test("main navigation offers Créer, Accompagner, Financer, Les pôles, Organisations and Mon espace", async ({ page }) => {
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Navigation principale" });
    await expect(nav.getByRole("link")).toHaveText(["Créer", "Accompagner", "Financer", "Les pôles", "Organisations", "Mon espace"]);
    const hrefs = await nav.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(hrefs).toEqual(["/creer", "/accompagner", "/financer", "/poles", "/organisations", "/espace"]);

    await nav.getByRole("link", { name: "Les pôles" }).click();
    await expect(page).toHaveURL(/\/poles$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Les pôles territoriaux de coopération économique");
    await expect(nav.getByRole("link", { name: "Les pôles" })).toHaveAttribute("aria-current", "page");
  });

  test("/poles lists both pôles under their department, with their axes, and links to each pôle page", async ({ page, db }) => {
    await page.goto("/poles");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Les pôles territoriaux de coopération économique");
    for (const pole of POLES) {
      const card = page.locator("li.card").filter({ has: page.getByRole("heading", { level: 5, name: pole.name }) });
      await expect(card).toHaveCount(1);
      await expect(card).toContainText(pole.area);
      await expect(card).toContainText("Axes de travail");
    }
    await checkA11y(page);

    const before = db.countMembers("sambre-avesnois");
    await page.getByRole("region", { name: "Nord (59)" }).getByRole("link", { name: "COTESS Sambre-Avesnois" }).click();
    await expect(page).toHaveURL(/\/poles\/sambre-avesnois$/);
    // Counted once the page is answered (the click returns before the server counts), read once it is all parsed.
    const after = db.countMembers("sambre-avesnois");
    await page.waitForLoadState("load");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("COTESS Sambre-Avesnois");
    expectCountsBetween(await readStats(page.locator("ul.stats")), before, after);
  });

  for (const pole of POLES) {
    test(`the pôle page of ${pole.area} shows its description, axes, territory and animation team`, async ({ page }) => {
      const response = await page.goto(`/poles/${pole.slug}`);
      expect(response?.status()).toBe(200);
      await expect(page).toHaveTitle(`${pole.name} — Maillon`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(pole.name);
      await expect(page.getByRole("heading", { level: 2, name: "Axes de travail" })).toBeVisible();
      expect(await page.locator("h2:has-text('Axes de travail') + ol > li").count()).toBeGreaterThanOrEqual(3);
      const details = page.locator("dl.details");
      const communes = Number((await details.locator("dt:has-text('Communes') + dd").textContent())?.replace(/\D/g, ""));
      expect(communes).toBeGreaterThan(5);
      await expect(details.locator("dt:has-text(\"Équipe d'animation\") + dd")).toContainText(pole.animator);
      await checkA11y(page);
    });
  }

  const PATH_PAGES = [
    { path: "/creer", title: "Créer une activité", cta: "Je m'inscris comme porteur de projet", role: "porteur", checkbox: /Porteur ou porteuse/ },
    { path: "/accompagner", title: "Accompagner un créateur", cta: "Je m'inscris comme bénévole", role: "benevole", checkbox: /Bénévole accompagnant/ },
    { path: "/financer", title: "Financer des projets", cta: "Je m'inscris comme épargnant", role: "epargnant", checkbox: /Épargnant ou épargnante/ },
  ] as const;

  for (const p of PATH_PAGES) {
    test(`${p.path} explains the path and its sign-up link preselects the matching role`, async ({ page }) => {
      await page.goto(p.path);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(p.title);
      await expect(page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: p.title.split(" ")[0] })).toHaveAttribute(
        "aria-current",
        "page",
      );
      await checkA11y(page);

      const cta = page.getByRole("link", { name: p.cta });
      await expect(cta).toHaveAttribute("href", `/inscription?role=${p.role}`);
      await cta.click();
      await expect(page).toHaveURL(new RegExp(`/inscription\\?role=${p.role}$`));
      // A new document: « only one box ticked » holds once every box is parsed.
      await page.waitForLoadState("load");
      await expect(page.getByRole("checkbox", { name: p.checkbox })).toBeChecked();
      await expect(page.getByRole("checkbox", { checked: true })).toHaveCount(1);
    });
  }

  test("an unknown page answers 404 with a French message", async ({ page }) => {
    const response = await page.goto("/cette-page-n-existe-pas");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
    await expect(page).toHaveTitle("Page introuvable — Maillon");
    await expect(page.getByText("Cette page n'existe pas ou a été déplacée.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Retour à l'accueil" })).toHaveAttribute("href", "/");
    await checkA11y(page);
  });

  test("an unknown pôle answers 404 with a French message", async ({ page }) => {
    const response = await page.goto("/poles/pole-inconnu");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
    await expect(page).toHaveTitle("Page introuvable — Maillon");
    await checkA11y(page);
  });
});

test.describe("sans JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("sign-up works without JavaScript: the server resolves the typed commune", async ({ page, db }) => {
    const email = uniqueEmail();
    await page.goto("/inscription");
    // The commune typed as a plain name, no suggestion picked (no script to fetch them).
    await fillSignUpForm(page, { email, displayName: "Sacha Sans-Script", commune: "matha", roles: ["epargnant"] });
    await expect(page.locator('input[type="hidden"][name="communeCode"]')).toHaveValue("");
    const since = Date.now();
    await page.getByRole("button", { name: "Créer mon compte" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Vérifiez votre boîte de réception" })).toBeVisible();
    await checkA11yWithoutScripts(page);
    // The mailed link's page confirms with a plain form, no script needed.
    await page.goto(await signUpLink(email, since));
    await checkA11yWithoutScripts(page);
    await page.getByRole("button", { name: "Confirmer et ouvrir mon compte" }).click();

    await expect(page).toHaveURL(/\/espace$/);
  await expect(page.getByText("Bienvenue sur Maillon ! Votre compte est créé.")).toBeVisible();
    await expect(page.getByRole("status")).toHaveText("Bienvenue sur Maillon ! Votre compte est créé.");
    await expect(page.getByText("Votre commune, Matha (17160), fait partie du pôle")).toBeVisible();
    await checkA11yWithoutScripts(page);
    expect(db.getUser(email)).toEqual({ communeCode: "17224", roles: ["epargnant"] });
  });

  test("sign-up errors without JavaScript come from the server, next to each field, and typed values are kept", async ({
    page,
    db,
  }) => {
    await page.goto("/inscription");
    // Only the server can find this error: a postal code shared by 19 communes.
    const email = uniqueEmail();
    await fillSignUpForm(page, {
      email,
      displayName: "Alex Doublon",
      commune: "17400",
      roles: ["benevole"],
    });
    await page.getByRole("button", { name: "Créer mon compte" }).click();

    await expect(page).toHaveURL(/\/inscription$/);
    const communeInput = page.getByLabel("Commune", { exact: true });
    await expect(page.locator(".field", { has: communeInput }).locator(".field-error")).toContainText(
      "Plusieurs communes correspondent",
    );
    // The communes of that postal code are offered on the same page, to choose without retyping.
    const choices = page.getByRole("group", { name: "Choisissez votre commune" });
    await expect(choices.getByRole("radio", { name: COMMUNE_LABEL })).toBeVisible();
    await expect(communeInput).toHaveAttribute("aria-invalid", "true");

    // What was typed comes back, except the password.
    await expect(page.getByLabel("Adresse e-mail")).toHaveValue(email);
    await expect(page.getByLabel("Nom affiché")).toHaveValue("Alex Doublon");
    await expect(communeInput).toHaveValue("17400");
    await expect(page.getByRole("checkbox", { name: /Bénévole accompagnant/ })).toBeChecked();
    await expect(page.getByLabel("Mot de passe", { exact: true })).toHaveValue("");
    await checkA11yWithoutScripts(page);
    expect(db.countUsersByEmail(email)).toBe(0);

    // Choosing among the communes offered creates the account there, once the mailed link is confirmed.
    await page.getByLabel("Mot de passe", { exact: true }).fill(STRONG_PASSWORD);
    await choices.getByRole("radio", { name: COMMUNE_LABEL }).check();
    const since = Date.now();
    await page.getByRole("button", { name: "Créer mon compte" }).click();
    await page.goto(await signUpLink(email, since));
    await page.getByRole("button", { name: "Confirmer et ouvrir mon compte" }).click();
    await expect(page).toHaveURL(/\/espace$/);
    expect(db.getUser(email)).toEqual({ communeCode: "17347", roles: ["benevole"] });
  });

  test("sign-in works without JavaScript: a wrong password is explained, the e-mail kept, then the right one opens Mon espace", async ({
    page,
  }) => {
    const email = "epargnant@exemple.fr";
    await page.goto("/connexion");
    await signIn(page, email, "mauvais-mot-de-passe");
    await expect(page.getByRole("alert")).toHaveText("Adresse e-mail ou mot de passe incorrect.");
    await expect(page.getByLabel("Adresse e-mail")).toHaveValue(email);
    await expect(page.getByLabel("Mot de passe", { exact: true })).toHaveValue("");
    await checkA11yWithoutScripts(page);

    await signIn(page, email, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/espace$/);
    await expect(page.getByText("Bonjour Bernard Texier.")).toBeVisible();

    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("banner").getByRole("link", { name: "Se connecter" })).toBeVisible();
  });

  test("without JavaScript a short password is refused by the server with its French message next to the field", async ({
    page,
    db,
  }) => {
    const email = uniqueEmail();
    await page.goto("/inscription");
    await fillSignUpForm(page, { email, displayName: "Sacha Court", password: "court", commune: COMMUNE_LABEL });
    await page.getByRole("button", { name: "Créer mon compte" }).click();

    await expect(page).toHaveURL(/\/inscription$/);
    const password = page.getByLabel("Mot de passe", { exact: true });
    await expect(page.locator(".field", { has: password }).locator(".field-error")).toHaveText(
      "Le mot de passe doit compter au moins 12 caractères.",
    );
    await expect(password).toHaveAttribute("aria-invalid", "true");
    await expect(password).toHaveValue("");
    await expect(page.getByLabel("Adresse e-mail")).toHaveValue(email);
    await expect(page.getByLabel("Nom affiché")).toHaveValue("Sacha Court");
    await expect(page.getByLabel("Commune", { exact: true })).toHaveValue(COMMUNE_LABEL);
    expect(db.countUsersByEmail(email)).toBe(0);
  });
});
