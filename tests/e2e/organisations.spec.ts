/**
 * Member organisations and governance, as a visitor, a person registering an
 * organisation and the animation teams of the two demo pôles. Other specs run
 * in parallel on the same demo database and the robustness spec counts the
 * rows of these tables: nothing here adds a row; the one change made (a body's
 * description) updates a row in place.
 */
import Database from "better-sqlite3";
import { checkA11y, checkA11yWithoutScripts, DEMO_PASSWORD, E2E_DATABASE, expect as baseExpect, signIn, TEST_CLIENT_HEADERS, test } from "./fixtures";

const expect = baseExpect.configure({ timeout: 15_000 });
const WRONG_KEY = "732 829 320 00075";
const WRONG_KEY_MESSAGE = "Ce numéro SIRET n'est pas valide : sa clé de contrôle ne correspond pas.";
const ORGANISATION_TABLES = ["organisations", "organisation_poles", "organisation_representatives"];
const TABLES = [...ORGANISATION_TABLES, "governance_bodies", "body_mandates", "body_decisions"];

/** Every row of the organisation and governance tables, as text: equal when nothing changed. */
function snapshot(tables: readonly string[] = TABLES): string {
  const db = new Database(E2E_DATABASE, { readonly: true, fileMustExist: true });
  try {
    return tables.map((t) => `${t}:${JSON.stringify(db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).raw().all())}`).join("\n");
  } finally {
    db.close();
  }
}

test("a visitor browses the directory with its filters, an organisation's page and a pôle's governance", async ({ page }) => {
  test.setTimeout(90_000);
  const response = await page.goto("/organisations");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Les organisations membres des pôles" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Organisations" })).toHaveAttribute("aria-current", "page");
  await checkA11y(page);

  const search = page.getByRole("search", { name: "Rechercher une organisation" });
  await search.getByLabel("Type").selectOption({ label: "Coopérative (SCOP, SCIC…)" });
  await search.getByLabel("Pôle").selectOption({ label: "PTCE des Vals de Saintonge" });
  await search.getByRole("button", { name: "Rechercher" }).click();
  await expect(page).toHaveURL(/type=cooperative/);
  await expect(page).toHaveURL(/pole=vals-de-saintonge/);
  const cards = page.locator("li.card");
  await expect(cards.getByRole("link", { name: "Les Jardins de la Boutonne" })).toBeVisible();
  await expect(cards.getByRole("link", { name: "SCIC Mobilité Avesnoise" })).toHaveCount(0);
  // The state lives in the URL: the form shows it again.
  await expect(search.getByLabel("Type")).toHaveValue("cooperative");

  await page.goto("/organisations?q=cigales");
  await page.getByRole("link", { name: "Association des Cigales de Saintonge" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Association des Cigales de Saintonge" })).toBeVisible();
  await expect(page.getByText("94.99Z — Autres organisations fonctionnant par adhésion volontaire")).toBeVisible();
  await expect(page.getByText(/^\d{3}\u00a0\d{3}\u00a0\d{3}\u00a0\d{5}$/)).toBeVisible();
  await expect(page.getByText("Bernard Texier, Trésorier")).toBeVisible();
  // Read once the whole document is in: an address later in the page would be missed mid-parse.
  await page.waitForLoadState("load");
  expect(await page.content()).not.toContain("epargnant@exemple.fr");
  await checkA11y(page);

  await page.getByRole("link", { name: "PTCE des Vals de Saintonge" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Organisations membres" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Lycée agricole des Vals de Saintonge" })).toBeVisible();
  await page.getByRole("link", { name: "La gouvernance du pôle : instances, mandats et décisions" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Gouvernance du pôle" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Comité de pilotage" })).toBeVisible();
  await expect(page.getByText("14 pour, 0 contre, 1 abstention")).toBeVisible();
  // Internal decisions are for the pôle's members and team. A new document (a plain link): an absence
  // is only proved once all of it is parsed.
  await page.waitForLoadState("load");
  await expect(page.getByText("Budget prévisionnel de l'année")).toHaveCount(0);
  await checkA11y(page);
});

test("a SIRET with a wrong Luhn key is refused at the field, with and without JavaScript, what was typed is kept and nothing is stored", async ({ browser }) => {
  test.setTimeout(90_000);
  // Only the organisation tables: the governance tests beside this one change theirs meanwhile.
  const before = snapshot(ORGANISATION_TABLES);
  for (const javaScriptEnabled of [true, false]) {
    const context = await browser.newContext({ javaScriptEnabled, extraHTTPHeaders: TEST_CLIENT_HEADERS });
    const page = await context.newPage();
    await signIn(page, "porteur@exemple.fr", DEMO_PASSWORD);
    await expect(page).not.toHaveURL(/\/connexion/);
    await page.goto("/organisations/nouvelle");
    await page.getByLabel("Nom de l'organisation").fill("Épicerie solidaire des Halles");
    await page.getByLabel("Type d'organisation").selectOption("association");
    await page.getByLabel("Numéro SIRET (facultatif)").fill(WRONG_KEY);
    await page.getByLabel("Code NAF ou APE (facultatif)").fill("4711D");
    await page.getByLabel("Pôle que l'organisation rejoint").selectOption({ label: "PTCE des Vals de Saintonge" });
    await page.getByLabel("Votre fonction dans l'organisation").fill("Présidente");
    await page.getByRole("button", { name: "Inscrire l'organisation" }).click();

    const siret = page.getByLabel("Numéro SIRET (facultatif)");
    await expect(page.locator("#organisation-siret-error")).toHaveText(WRONG_KEY_MESSAGE);
    await expect(siret).toHaveAttribute("aria-invalid", "true");
    await expect(siret).toHaveAttribute("aria-describedby", /organisation-siret-error/);
    await expect(siret).toHaveValue(WRONG_KEY);
    await expect(page.getByLabel("Nom de l'organisation")).toHaveValue("Épicerie solidaire des Halles");
    await expect(page.getByLabel("Code NAF ou APE (facultatif)")).toHaveValue("4711D");
    await expect(page.getByLabel("Votre fonction dans l'organisation")).toHaveValue("Présidente");
    await expect(page).toHaveURL(/\/organisations\/nouvelle$/);
    if (javaScriptEnabled) await checkA11y(page);
    else await checkA11yWithoutScripts(page);
    await context.close();
  }
  expect(snapshot(ORGANISATION_TABLES)).toBe(before);
});

test("only a pôle's animation team edits its governance: another pôle's team is refused (403) and nothing changes", async ({ page, playwright, baseURL }) => {
  test.setTimeout(90_000);
  const before = snapshot();
  // The Sambre-Avesnois animator, signed in, posts to the Vals de Saintonge governance.
  const client = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { ...TEST_CLIENT_HEADERS, Origin: new URL(baseURL!).origin } });
  const signedIn = await client.post("/connexion", { form: { email: "animation.sambre@exemple.fr", password: DEMO_PASSWORD }, maxRedirects: 0 });
  expect(signedIn.status()).toBe(302);
  const forms: Record<string, string>[] = [
    { intent: "add-decision", bodyId: "3", decidedOn: "2026-01-15", subject: "Décision détournée", decision: "Aucune." },
    { intent: "edit-body", bodyId: "3", kind: "comite-pilotage", name: "Comité détourné" },
    { intent: "add-body", kind: "bureau", name: "Bureau détourné" },
  ];
  for (const form of forms) {
    const refused = await client.post("/animation/gouvernance?pole=vals-de-saintonge", { form, maxRedirects: 0 });
    expect(refused.status(), form.intent).toBe(403);
    expect(await refused.text()).toContain("Vous ne faites pas partie de l'équipe d'animation de ce pôle.");
    if ("bodyId" in form) {
      // Through the team's own page, a body of the other pôle is not found.
      const through = await client.post("/animation/gouvernance?pole=sambre-avesnois", { form, maxRedirects: 0 });
      expect(through.status(), form.intent).toBe(404);
    }
  }
  expect((await client.get("/animation/gouvernance?pole=vals-de-saintonge", { maxRedirects: 0 })).status()).toBe(403);
  await client.dispose();
  expect(snapshot()).toBe(before);

  // The Vals de Saintonge team edits a body in place, and the public page shows it, internal decisions included for them.
  await signIn(page, "animation.saintonge@exemple.fr", DEMO_PASSWORD);
  await expect(page).not.toHaveURL(/\/connexion/);
  await page.goto("/animation");
  await page.getByRole("link", { name: "Gouvernance du pôle" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Gouvernance du pôle" })).toBeVisible();
  await checkA11y(page);
  const body = page.getByRole("region", { name: "Groupe opérationnel" });
  await body.getByText("Modifier le nom, le type ou le rôle").click();
  const role = `Met en œuvre les orientations du comité de pilotage (mis à jour ${Date.now()}).`;
  await body.getByLabel("Rôle de l'instance (facultatif)").fill(role);
  await body.getByRole("button", { name: "Enregistrer l'instance" }).click();
  await expect(page.getByRole("status")).toContainText("L'instance est modifiée.");
  await page.goto("/poles/vals-de-saintonge/gouvernance");
  await expect(page.getByText(role)).toBeVisible();
  await expect(page.getByText("Budget prévisionnel de l'année")).toBeVisible();
});
