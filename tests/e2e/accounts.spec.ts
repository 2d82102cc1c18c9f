/**
 * The links Maillon mails, read from the e2e server's outbox (.eml files, as a person would open them):
 * a forgotten password, a sign-up tried with an address that has an account, an address change. No
 * page tells a stranger whether an address has an account.
 */
import {
  checkA11y,
  countMails,
  DEMO_PASSWORD,
  expect,
  signIn,
  signUp,
  STRONG_PASSWORD,
  test,
  uniqueEmail,
  waitForMail,
} from "./fixtures";

/** A demo account that only receives mail here (a reset asked, a sign-up tried): nothing of it changes. */
const MAILED_ACCOUNT = "admin@exemple.fr";
const WORKER_PASS_MS = 2_000;

test.describe("mot de passe oublié", () => {
  test("a demo account's reset writes one .eml whose link sets a new password, which signs in; the link is refused the second time", async ({
    page,
    db,
  }) => {
    // A demo account no other spec signs in with: its password and sessions change here.
    const RESET_ACCOUNT = db.quietDemoAccount();
    await page.goto("/connexion");
    await page.getByRole("link", { name: "Mot de passe oublié ?" }).click();
    await expect(page).toHaveURL(/\/mot-de-passe-oublie$/);
    await expect(page.getByRole("heading", { level: 1, name: "Mot de passe oublié" })).toBeVisible();
    await checkA11y(page);

    const since = Date.now();
    await page.getByLabel("Adresse e-mail").fill(RESET_ACCOUNT);
    await page.getByRole("button", { name: "Recevoir un lien" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Vérifiez votre boîte de réception" })).toBeVisible();
    await checkA11y(page);

    const mail = await waitForMail(RESET_ACCOUNT, { since, subject: /Choisir un nouveau mot de passe/ });
    const link = mail.links.find((l) => l.startsWith("/mot-de-passe-oublie/"))!;
    expect(link).toMatch(/^\/mot-de-passe-oublie\/[A-Za-z0-9_-]{43}$/);
    expect(await countMails(RESET_ACCOUNT, since)).toBe(1);

    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1, name: "Choisir un nouveau mot de passe" })).toBeVisible();
    await checkA11y(page);
    const newPassword = "lanterne-bocage-velo-2031";
    await page.getByLabel("Nouveau mot de passe").fill(newPassword);
    await page.getByRole("button", { name: "Enregistrer mon mot de passe" }).click();
    await expect(page).toHaveURL(/\/connexion$/);
    await expect(page.getByRole("status")).toContainText("Votre mot de passe a été modifié");

    await signIn(page, RESET_ACCOUNT, DEMO_PASSWORD);
    await expect(page.getByRole("alert")).toHaveText("Adresse e-mail ou mot de passe incorrect.");
    await signIn(page, RESET_ACCOUNT, newPassword);
    await expect(page).toHaveURL(/\/espace$/);
    await waitForMail(RESET_ACCOUNT, { since, subject: /Votre mot de passe a été modifié/ });

    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1, name: "Ce lien ne permet plus de changer le mot de passe" })).toBeVisible();
    await expect(page.getByText(/déjà servi/)).toBeVisible();
    await expect(page.getByRole("link", { name: "Demander un nouveau lien" })).toHaveAttribute("href", "/mot-de-passe-oublie");
    await checkA11y(page);
  });

  test("an unknown address gets the same page as an account's, and no mail is written", async ({ page }) => {
    const unknown = uniqueEmail();
    const since = Date.now();
    const answer = async (email: string) => {
      await page.goto("/mot-de-passe-oublie");
      await page.getByLabel("Adresse e-mail").fill(email);
      await page.getByRole("button", { name: "Recevoir un lien" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Vérifiez votre boîte de réception" })).toBeVisible();
      return (await page.getByRole("main").innerText()).replace(email, "…");
    };
    expect(await answer(unknown)).toBe(await answer(MAILED_ACCOUNT));
    await waitForMail(MAILED_ACCOUNT, { since, subject: /Choisir un nouveau mot de passe/ });
    await page.waitForTimeout(WORKER_PASS_MS);
    expect(await countMails(unknown, since)).toBe(0);
  });
});

test.describe("inscription et adresse", () => {
  test("a sign-up with an address that has an account answers « Vérifiez votre boîte de réception », creates nothing, and mails the owner", async ({
    page,
    db,
  }) => {
    const since = Date.now();
    await page.goto("/inscription");
    await page.getByLabel("Adresse e-mail").fill(MAILED_ACCOUNT);
    await page.getByLabel("Nom affiché").fill("Quelqu'un d'autre");
    await page.getByLabel("Mot de passe").fill(STRONG_PASSWORD);
    await page.getByLabel("Commune").fill("Matha");
    await page.getByRole("checkbox", { name: /Porteur ou porteuse de projet/ }).check();
    await page.getByRole("button", { name: "Créer mon compte" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Vérifiez votre boîte de réception" })).toBeVisible();
    await expect(page.getByText("Un compte existe déjà")).toHaveCount(0);
    expect(db.countUsersByEmail(MAILED_ACCOUNT)).toBe(1);

    const mail = await waitForMail(MAILED_ACCOUNT, { since, subject: /Quelqu'un a voulu créer un compte avec votre adresse/ });
    expect(mail.links).toEqual(expect.arrayContaining(["/connexion", "/mot-de-passe-oublie"]));
    expect(mail.links.some((l) => l.startsWith("/inscription/"))).toBe(false);
  });

  test("a new address asked from /compte is confirmed by the link mailed there; the old address is told", async ({ page }) => {
    const email = uniqueEmail();
    await signUp(page, { email, displayName: "Maël Déménage" });

    const newEmail = uniqueEmail();
    const since = Date.now();
    await page.goto("/compte");
    await page.getByLabel("Nouvelle adresse e-mail").fill(newEmail);
    await page.getByLabel("Votre mot de passe, pour confirmer").fill(STRONG_PASSWORD);
    await page.getByRole("button", { name: "Changer d'adresse" }).click();
    await expect(page.getByRole("status")).toContainText(`Un lien de confirmation vient de partir vers ${newEmail}`);
    await expect(page.getByText(/Changement en attente/)).toContainText(newEmail);
    await checkA11y(page);

    const notice = await waitForMail(email, { since, subject: /Changement d'adresse demandé/ });
    expect(notice.text).toContain(newEmail);
    const mail = await waitForMail(newEmail, { since, subject: /Confirmez votre nouvelle adresse/ });
    await page.goto(mail.links.find((l) => l.startsWith("/compte/adresse/"))!);
    await expect(page.getByRole("heading", { level: 1, name: "Confirmer ma nouvelle adresse" })).toBeVisible();
    await checkA11y(page);
    await page.getByRole("button", { name: "Confirmer ma nouvelle adresse" }).click();
    await expect(page).toHaveURL(/\/compte$/);
    await expect(page.getByRole("status")).toHaveText(`Votre adresse est désormais ${newEmail}.`);
    await expect(page.getByText(/Changement en attente/)).toHaveCount(0);
  });
});
