/**
 * Shared resources: the demo holder offers a resource (Monday to Friday, 9 h – 12 h and 14 h – 18 h),
 * the demo volunteer asks for a Monday morning and the holder accepts it from « Mes réservations »;
 * the demo saver then asks for an overlapping period and is refused with the French message, and for
 * the lunch break, outside the open hours. axe finds nothing on the list, the page, the offer form and
 * the bookings page. The resource is new, so the seeded bookings of other specs are left alone.
 */
import type { Browser, Page } from "@playwright/test";
import { checkA11y, DEMO_PASSWORD, expect as baseExpect, signIn, TEST_CLIENT_HEADERS, test } from "./fixtures";

const expect = baseExpect.configure({ timeout: 15_000 });

/** A Monday five to six weeks ahead, as YYYY-MM-DD (never a past or a seeded day). */
function farMonday(): string {
  const d = new Date(Date.now() + 35 * 86_400_000);
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ locale: "fr-FR", extraHTTPHeaders: TEST_CLIENT_HEADERS });
  const page = await context.newPage();
  await signIn(page, email, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/espace/);
  return page;
}

async function requestBooking(page: Page, url: string, startsAt: string, endsAt: string) {
  await page.goto(url);
  await page.getByLabel("Début", { exact: true }).fill(startsAt);
  await page.getByLabel("Fin", { exact: true }).fill(endsAt);
  await page.getByRole("button", { name: "Demander la réservation" }).click();
}

test("a booking is accepted by the owner; an overlapping request and one outside the open hours are refused in French", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const title = `Remorque du repair café ${Date.now()}`;
  const monday = farMonday();

  await page.goto("/ressources");
  await expect(page.getByRole("heading", { level: 1, name: "Ressources partagées" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Camion frigorifique de la fromagerie" })).toBeVisible();
  await checkA11y(page);
  await page.getByLabel("Type").selectOption("vehicule");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/type=vehicule/);
  await expect(page.getByRole("link", { name: "Outils du repair café" })).toHaveCount(0);

  // The holder offers a resource.
  await signIn(page, "porteur@exemple.fr", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/espace/);
  await page.getByRole("link", { name: "Mes réservations" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mes réservations" })).toBeVisible();
  await checkA11y(page);
  await page.goto("/ressources/proposer");
  await checkA11y(page);
  await page.getByLabel("Pôle", { exact: true }).selectOption({ label: "PTCE des Vals de Saintonge" });
  await page.getByLabel("Type de ressource").selectOption("materiel");
  await page.getByLabel("Nom", { exact: true }).fill(title);
  await page.getByLabel("Description", { exact: true }).fill("Une remorque bâchée de 750 kg pour transporter les appareils à réparer.");
  await page.getByRole("button", { name: "Proposer la ressource" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("lundi : 9 h – 12 h, 14 h – 18 h")).toBeVisible();
  await checkA11y(page);
  const resourceUrl = new URL(page.url()).pathname;

  // The volunteer asks for Monday morning; the holder accepts.
  const volunteer = await signedIn(browser, "benevole@exemple.fr");
  await requestBooking(volunteer, resourceUrl, `${monday}T09:00`, `${monday}T11:00`);
  await expect(volunteer.getByRole("status")).toContainText("Votre demande de réservation");
  await expect(volunteer.getByRole("heading", { level: 1, name: "Mes réservations" })).toBeVisible();

  await page.goto("/ressources/reservations");
  const answer = page.getByRole("form", { name: `Répondre à Monique Girard pour « ${title} »` });
  await answer.getByLabel("Votre message (facultatif)").fill("La remorque est au fond de la cour.");
  await answer.getByRole("button", { name: "Accepter" }).click();
  await expect(page.getByRole("status")).toContainText("est acceptée");
  await page.goto(resourceUrl);
  await expect(page.getByRole("table", { name: /Créneaux déjà réservés/ }).getByRole("cell", { name: "Monique Girard" })).toBeVisible();

  // The saver asks for an overlapping period, then for the lunch break.
  const saver = await signedIn(browser, "epargnant@exemple.fr");
  await requestBooking(saver, resourceUrl, `${monday}T10:00`, `${monday}T12:00`);
  await expect(saver.getByText(/^Ce créneau est déjà réservé du .* : choisissez une autre période\.$/)).toBeVisible();
  await expect(saver.getByLabel("Début", { exact: true })).toHaveValue(`${monday}T10:00`);
  await requestBooking(saver, resourceUrl, `${monday}T12:00`, `${monday}T13:00`);
  await expect(saver.getByText(/^La période sort des horaires d'ouverture du lundi .* : 9 h – 12 h, 14 h – 18 h\.$/)).toBeVisible();
  await checkA11y(saver);
  await saver.goto("/ressources/reservations");
  await expect(saver.getByRole("link", { name: title })).toHaveCount(0);

  await volunteer.context().close();
  await saver.context().close();
});
