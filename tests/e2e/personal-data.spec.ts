/**
 * A person takes their data away and leaves: /compte/donnees from the account page, the JSON download,
 * then the deletion, after which the address no longer signs in.
 */
import { checkA11y, expect, signIn, signUp, STRONG_PASSWORD, test, uniqueEmail } from "./fixtures";

test("a member downloads their data as JSON, deletes the account after a wrong password was refused at the field, and can no longer sign in", async ({
  page,
}) => {
  const email = uniqueEmail();
  // Outside every pôle: the deletion takes a saver away, and pages.spec.ts proves a pôle's figures lie
  // between the database's before and after, which holds only while other tests add people, never remove them.
  await signUp(page, { email, displayName: "Odile Partante", commune: "Millau (12100)", roles: ["epargnant"] });

  await page.goto("/compte");
  await page.getByRole("link", { name: /Mes données/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mes données" })).toBeVisible();
  await checkA11y(page);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Télécharger mes données (JSON)" }).click();
  const file = await (await download).path();
  const data = JSON.parse(await import("node:fs").then((fs) => fs.readFileSync(file!, "utf8"))) as {
    lisezMoi: { parties: Record<string, string> };
    compte: Record<string, unknown>;
    parties: Record<string, unknown[]>;
  };
  expect(data.compte).toMatchObject({ email, displayName: "Odile Partante" });
  expect(data.compte).not.toHaveProperty("passwordHash");
  expect(Object.keys(data.parties)).toContain("user_roles");
  expect(data.lisezMoi.parties.user_roles).toBeTruthy();

  await page.getByLabel("Votre mot de passe, pour confirmer").fill("pas-le-bon-mot-de-passe");
  await page.getByLabel("Je comprends que la suppression est définitive.").check();
  await page.getByRole("button", { name: "Supprimer mon compte" }).click();
  await expect(page.getByText("Mot de passe incorrect.")).toBeVisible();
  await checkA11y(page);

  await page.getByLabel("Votre mot de passe, pour confirmer").fill(STRONG_PASSWORD);
  await page.getByLabel("Je comprends que la suppression est définitive.").check();
  await page.getByRole("button", { name: "Supprimer mon compte" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("status")).toContainText("Votre compte a été supprimé");

  await page.goto("/compte/donnees");
  await expect(page).toHaveURL(/\/connexion/);
  await signIn(page, email, STRONG_PASSWORD);
  await expect(page.getByText("Adresse e-mail ou mot de passe incorrect.")).toBeVisible();
  await expect(page).toHaveURL(/\/connexion/);
});

test("the legal notices, the privacy policy and the accessibility statement are reached from the footer", async ({ page }) => {
  await page.goto("/");
  for (const [link, heading] of [
    ["Mentions légales", "Mentions légales"],
    ["Confidentialité", "Politique de confidentialité"],
    ["Accessibilité : non conforme", "Déclaration d'accessibilité"],
  ] as const) {
    await page.getByRole("contentinfo").getByRole("link", { name: link }).click();
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  }
  await expect(page.getByText("0 anomalie")).toBeVisible();
});
