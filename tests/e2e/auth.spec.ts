import type { Page } from "@playwright/test";
import {
  checkA11y,
  checkA11yWithoutScripts,
  COMMUNE_CODE,
  COMMUNE_LABEL,
  DEMO_PASSWORD,
  DEMO_PORTEUR_EMAIL,
  expect,
  confirmSignUp,
  fillSignUpForm,
  signIn,
  signUpOverHttp,
  STRONG_PASSWORD,
  test,
  TEST_CLIENT_HEADERS,
  uniqueEmail,
} from "./fixtures";

/** The field's own error: marked invalid, described by the message, shown inside the same .field block. */
async function expectFieldError(page: Page, label: string, message: string | RegExp) {
  const input = page.getByLabel(label, { exact: true });
  await expect(input).toHaveAttribute("aria-invalid", "true");
  await expect(input).toHaveAccessibleDescription(message instanceof RegExp ? message : new RegExp(escape(message)));
  await expect(page.locator(".field", { has: input }).locator(".field-error")).toContainText(message);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

test.describe("parcours d'inscription et de connexion", () => {
  test("a visitor signs up with a commune picked from the suggestions, signs out, signs back in and sees the account", async ({
    page,
    db,
  }) => {
    // Seven pages, each checked by axe: 25 s on a quiet CI machine.
    test.setTimeout(60_000);
    const email = uniqueEmail();
    const displayName = "Camille Bernard";

    await page.goto("/inscription");
    await expect(page.getByRole("heading", { level: 1, name: "Créer un compte" })).toBeVisible();
    await checkA11y(page);

    await page.getByLabel("Adresse e-mail").fill(email);
    await page.getByLabel("Nom affiché").fill(displayName);
    await page.getByLabel("Mot de passe", { exact: true }).fill(STRONG_PASSWORD);

    // Commune: type the start of the name, wait for the suggestions, then pick one.
    const commune = page.getByLabel("Commune", { exact: true });
    await commune.pressSequentially("Saint-Jean");
    const listId = await commune.getAttribute("list");
    expect(listId).toBeTruthy();
    await expect(page.locator(`datalist#${listId} option[value="${COMMUNE_LABEL}"]`)).toHaveCount(1);
    await commune.fill(COMMUNE_LABEL); // what choosing the option does: the input takes the option's value
    await expect(page.locator('input[type="hidden"][name="communeCode"]')).toHaveValue(COMMUNE_CODE);

    await page.getByRole("checkbox", { name: /Porteur ou porteuse de projet/ }).check();
    await page.getByRole("checkbox", { name: /Bénévole accompagnant/ }).check();
    const since = Date.now();
    await page.getByRole("button", { name: "Créer mon compte" }).click();

    // « Vérifiez votre boîte de réception », then the link of the mail opens the account.
    await expect(page.getByRole("heading", { level: 1, name: "Vérifiez votre boîte de réception" })).toBeVisible();
    await expect(page.getByText(/les messages sont écrits dans le dossier tmp\/e2e-outbox/)).toBeVisible();
    await checkA11y(page);
    expect(db.countUsersByEmail(email)).toBe(0);
    await confirmSignUp(page, email, since);

    // Lands in « Mon espace », welcomed, in the right pôle.
    await expect(page).toHaveURL(/\/espace$/);
  await expect(page.getByText("Bienvenue sur Maillon ! Votre compte est créé.")).toBeVisible();
    await expect(page.getByRole("status")).toHaveText("Bienvenue sur Maillon ! Votre compte est créé.");
    await expect(page.getByRole("heading", { level: 1, name: "Mon espace" })).toBeVisible();
    await expect(page.getByText(`Bonjour ${displayName}.`)).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: /Vals de Saintonge/ })).toBeVisible();
    await checkA11y(page);
    expect(db.getUser(email)).toEqual({ communeCode: COMMUNE_CODE, roles: ["benevole", "porteur"] });

    // Sign out.
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("banner").getByRole("link", { name: "Se connecter" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Se déconnecter" })).toHaveCount(0);
    await checkA11y(page);

    // Signed out for real: « Mon espace » asks to sign in again.
    await page.goto("/espace");
    await expect(page).toHaveURL(/\/connexion\?redirectTo=%2Fespace$/);
    await checkA11y(page);

    // Sign in.
    await page.goto("/connexion");
    await expect(page.getByRole("heading", { level: 1, name: "Se connecter" })).toBeVisible();
    await checkA11y(page);
    await signIn(page, email, STRONG_PASSWORD);
    await expect(page).toHaveURL(/\/espace$/);
    await expect(page.getByText(`Bonjour ${displayName}.`)).toBeVisible();
    await checkA11y(page);

    // The account page shows who is signed in.
    await page.getByRole("banner").getByRole("link", { name: displayName }).click();
    await expect(page).toHaveURL(/\/compte$/);
    await expect(page.getByRole("heading", { level: 1, name: "Mon compte" })).toBeVisible();
    const details = page.locator("dl.details");
    await expect(details.locator("dt", { hasText: "Adresse e-mail" }).locator("+ dd")).toHaveText(email);
    await expect(details.locator("dt", { hasText: "Commune" }).locator("+ dd")).toHaveText(COMMUNE_LABEL);
    await checkA11y(page);
  });

  test("a wrong password shows « Adresse e-mail ou mot de passe incorrect. » and keeps the typed e-mail, the right one then signs in", async ({
    page,
  }) => {
    await page.goto("/connexion");
    await signIn(page, DEMO_PORTEUR_EMAIL, "pas-le-bon-mot-de-passe");

    await expect(page.getByRole("alert")).toHaveText("Adresse e-mail ou mot de passe incorrect.");
    await expect(page).toHaveURL(/\/connexion/);
    await expect(page.getByLabel("Adresse e-mail")).toHaveValue(DEMO_PORTEUR_EMAIL);
    await expect(page.getByRole("button", { name: "Se déconnecter" })).toHaveCount(0);
    await checkA11y(page);

    // The right password then opens « Mon espace » (and forgives the failure).
    await page.getByLabel("Mot de passe", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page).toHaveURL(/\/espace$/);
    await expect(page.getByText("Bonjour Julien Moreau.")).toBeVisible();
  });

  for (const path of ["/espace", "/compte"]) {
    test(`a visitor opening ${path} is sent to /connexion with redirectTo and comes back there after signing in`, async ({
      page,
    }) => {
      await page.goto(path);
      await expect(page).toHaveURL(new RegExp(`/connexion\\?redirectTo=${encodeURIComponent(path)}$`));
      await expect(page.getByRole("heading", { level: 1, name: "Se connecter" })).toBeVisible();
      await checkA11y(page);

      await signIn(page, "benevole@exemple.fr", DEMO_PASSWORD);
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(path === "/espace" ? "Mon espace" : "Mon compte");
      await checkA11y(page);
    });
  }

  test("on /compte a wrong current password is flagged next to the field, then the corrected form changes the password", async ({
    page,
  }) => {
    const email = uniqueEmail();
    // Sign up over HTTP in the page's own context: the session cookie lands in the browser.
    const signUp = await signUpOverHttp(page.request, { email, displayName: "Noé Compte", password: STRONG_PASSWORD, commune: COMMUNE_LABEL, roles: "epargnant" });
    expect(signUp.status()).toBe(302);

    await page.goto("/compte");
    await expect(page.getByRole("heading", { level: 1, name: "Mon compte" })).toBeVisible();
    const newPassword = "lanterne-bocage-velo-2027";
    await page.getByLabel("Mot de passe actuel", { exact: true }).fill("pas-le-mot-de-passe-actuel");
    await page.getByLabel("Nouveau mot de passe", { exact: true }).fill(newPassword);
    await page.getByLabel("Confirmation du nouveau mot de passe", { exact: true }).fill(newPassword);
    await page.getByRole("button", { name: "Changer mon mot de passe" }).click();
    await expectFieldError(page, "Mot de passe actuel", "Mot de passe actuel incorrect.");
    await checkA11y(page);

    // Correct the current password and click the button once, as a person would.
    await page.getByLabel("Mot de passe actuel", { exact: true }).fill(STRONG_PASSWORD);
    await page.getByLabel("Nouveau mot de passe", { exact: true }).fill(newPassword);
    await page.getByLabel("Confirmation du nouveau mot de passe", { exact: true }).fill(newPassword);
    await page.getByRole("button", { name: "Changer mon mot de passe" }).click();
    await expect(page).toHaveURL(/\/compte$/);
    await expect(page.getByText("Votre mot de passe a été modifié. Vos autres sessions ont été fermées.")).toBeVisible();
    await expect(page.getByRole("status")).toHaveText("Votre mot de passe a été modifié. Vos autres sessions ont été fermées.");
    await checkA11y(page);
  });

  test("sign-up with a short password shows « au moins 12 caractères » next to the password field and creates nothing", async ({
    page,
    db,
  }) => {
    const email = uniqueEmail();
    await page.goto("/inscription");
    await fillSignUpForm(page, { email, password: "court" });
    await page.getByRole("button", { name: "Créer mon compte" }).click();

    await expectFieldError(page, "Mot de passe", "Le mot de passe doit compter au moins 12 caractères.");
    await expect(page).toHaveURL(/\/inscription$/);
    await expect(page.getByLabel("Adresse e-mail")).toHaveValue(email);
    await expect(page.getByLabel("Adresse e-mail")).not.toHaveAttribute("aria-invalid", "true");
    await checkA11y(page);
    expect(db.countUsersByEmail(email)).toBe(0);
  });

  test("sign-up with a common password is refused by the server, the message sits next to the password field", async ({
    page,
    db,
  }) => {
    const email = uniqueEmail();
    await page.goto("/inscription");
    await fillSignUpForm(page, { email, password: "azertyuiop123", displayName: "Dominique Test" });
    await page.getByRole("button", { name: "Créer mon compte" }).click();

    await expectFieldError(page, "Mot de passe", "Ce mot de passe figure parmi les plus courants");
    await expect(page).toHaveURL(/\/inscription$/);
    await expect(page.getByLabel("Adresse e-mail")).toHaveValue(email);
    await expect(page.getByLabel("Nom affiché")).toHaveValue("Dominique Test");
    await expect(page.getByLabel("Commune", { exact: true })).toHaveValue(COMMUNE_LABEL);
    await checkA11y(page);
    expect(db.countUsersByEmail(email)).toBe(0);
  });

  test("sign-up with an unknown commune says so next to the commune field", async ({ page, db }) => {
    const email = uniqueEmail();
    await page.goto("/inscription");
    await fillSignUpForm(page, { email, commune: "Zzyzxville" });
    await page.getByRole("button", { name: "Créer mon compte" }).click();

    await expectFieldError(page, "Commune", "Commune inconnue : « Zzyzxville »");
    await expect(page).toHaveURL(/\/inscription$/);
    await checkA11y(page);
    expect(db.countUsersByEmail(email)).toBe(0);
  });
});

test.describe("sessions ouvertes", () => {
  const FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
  const SAFARI_IPHONE =
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

  test("without JavaScript, /compte lists the devices, marks this one, and closes the iPhone's session, which is then signed out", async ({
    browser,
    newClient,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: "fr-FR", userAgent: FIREFOX_LINUX, extraHTTPHeaders: TEST_CLIENT_HEADERS });
    try {
      const page = await context.newPage();
      const email = uniqueEmail();
      const signUp = await signUpOverHttp(page.request, { email, displayName: "Inès Sessions", password: STRONG_PASSWORD, commune: COMMUNE_LABEL, roles: "porteur" });
      expect(signUp.status()).toBe(302);
      const phone = await newClient({ headers: { "User-Agent": SAFARI_IPHONE } });
      const onPhone = await phone.post("/connexion", { form: { email, password: STRONG_PASSWORD }, maxRedirects: 0 });
      expect(onPhone.status()).toBe(302);

      await page.goto("/compte");
      const sessions = page.getByRole("region", { name: "Mes sessions" });
      const items = sessions.getByRole("listitem");
      await expect(items).toHaveCount(2);
      await expect(items.nth(0)).toContainText("Firefox sur Linux");
      await expect(items.nth(0)).toContainText("cette session");
      await expect(items.nth(1)).toContainText("Safari sur iPhone");
      await expect(items.nth(1)).toContainText("Dernière activité : à l'instant");
      await checkA11yWithoutScripts(page);

      await items.nth(1).getByRole("button", { name: /^Fermer cette session/ }).click();
      await expect(page).toHaveURL(/\/compte#sessions$/);
      await expect(page.getByRole("status")).toHaveText("La session a été fermée : cet appareil devra se reconnecter.");
      await expect(items).toHaveCount(1);
      await expect(sessions.getByText("Vous n'êtes connecté sur aucun autre appareil.")).toBeVisible();

      const after = await phone.get("/espace", { maxRedirects: 0 });
      expect(after.status()).toBe(302);
      expect(after.headers()["location"]).toMatch(/^\/connexion/);
    } finally {
      await context.close();
    }
  });
});
