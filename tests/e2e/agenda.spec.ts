/**
 * The agenda: the pôle's animator announces a workshop with one place; a saver takes it, the demo
 * holder asks too and lands on the waiting list; the saver gives the place back and the holder is
 * registered at once and told (bell, /notifications). axe on /agenda, the event page and its form.
 */
import { checkA11y, COMMUNE_LABEL, DEMO_PASSWORD, expect as baseExpect, signIn, TEST_CLIENT_HEADERS, test } from "./fixtures";

const expect = baseExpect.configure({ timeout: 15_000 });

test("a full event's waiting list: a place given back goes at once to the first person waiting, who is notified", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const title = `Atelier à une place ${Date.now()}`;
  await signIn(page, "animation.saintonge@exemple.fr", DEMO_PASSWORD);
  await expect(page).not.toHaveURL(/\/connexion/);
  await page.goto("/agenda");
  await checkA11y(page);
  await page.getByRole("link", { name: "Organiser un rendez-vous" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Organiser un rendez-vous" })).toBeVisible();
  await checkA11y(page);
  await page.getByLabel("Titre").fill(title);
  await page.getByLabel("Début").fill("2030-06-01T18:00");
  await page.getByLabel("Fin").fill("2030-06-01T17:00");
  await page.getByLabel("Adresse", { exact: true }).fill("Salle des fêtes");
  await page.getByLabel("Commune du lieu").fill(COMMUNE_LABEL);
  await page.getByLabel("Nombre de places (facultatif)").fill("1");
  await page.getByRole("button", { name: "Inscrire à l'agenda" }).click();
  await expect(page.getByText("La fin doit venir après le début.")).toBeVisible();
  await page.getByLabel("Fin").fill("2030-06-01T20:00");
  await page.getByRole("button", { name: "Inscrire à l'agenda" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("le samedi 1 juin 2030 de 18:00 à 20:00")).toBeVisible();
  const eventUrl = page.url();
  await checkA11y(page);

  const saverContext = await browser.newContext({ locale: "fr-FR", extraHTTPHeaders: TEST_CLIENT_HEADERS });
  const holderContext = await browser.newContext({ locale: "fr-FR", extraHTTPHeaders: TEST_CLIENT_HEADERS });
  try {
    const saver = await saverContext.newPage();
    await signIn(saver, "epargnant@exemple.fr", DEMO_PASSWORD);
    await expect(saver).not.toHaveURL(/\/connexion/);
    await saver.goto(eventUrl);
    await saver.getByRole("button", { name: "M'inscrire", exact: true }).click();
    await expect(saver.getByRole("status")).toContainText("Vous êtes inscrit.");

    const holder = await holderContext.newPage();
    await signIn(holder, "porteur@exemple.fr", DEMO_PASSWORD);
    await expect(holder).not.toHaveURL(/\/connexion/);
    await holder.goto(eventUrl);
    await holder.getByRole("button", { name: "M'inscrire sur la liste d'attente" }).click();
    await expect(holder.getByRole("status")).toContainText("liste d'attente, en position 1");
    await expect(holder.getByRole("region", { name: "Inscription" }).getByText("Vous êtes sur la liste d'attente, en position 1.")).toBeVisible();
    await checkA11y(holder);

    await saver.getByRole("button", { name: "Me désinscrire" }).click();
    await expect(saver.getByRole("status")).toContainText("Votre place est libérée.");

    await holder.reload();
    await expect(holder.getByRole("region", { name: "Inscription" }).getByText("Vous êtes inscrit à ce rendez-vous.")).toBeVisible();
    await holder.goto("/notifications");
    await expect(holder.getByRole("button", { name: new RegExp(`Une place s'est libérée : vous êtes inscrit à « ${title} »`) })).toBeVisible();
  } finally {
    await saverContext.close();
    await holderContext.close();
  }
});
