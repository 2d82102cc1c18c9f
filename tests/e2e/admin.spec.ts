/**
 * The platform admin and the e-mail queue: from « Mon espace » to
 * /admin/courriels, a failed message shows its last error and is sent again
 * with « Renvoyer », without JavaScript; nobody else opens the page.
 */
import Database from "better-sqlite3";
import { checkA11yWithoutScripts, DEMO_PASSWORD, E2E_DATABASE, expect, signIn, TEST_CLIENT_HEADERS, test } from "./fixtures";

/** A message the worker gave up on, written straight into the server's database. */
function insertFailedMail(subject: string): number {
  const db = new Database(process.env.E2E_DATABASE ?? E2E_DATABASE, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    const now = Date.now();
    const row = db
      .prepare(
        `INSERT INTO outgoing_mails (message_id, to_address, subject, text_body, html_body, status, attempts, last_error, next_attempt_at, created_at)
         VALUES (?, ?, ?, 'Bonjour.', '<p>Bonjour.</p>', 'failed', 5, ?, ?, ?) RETURNING id`,
      )
      .get(`<${now}.${Math.random()}@maillon.test>`, "inconnu@exemple.fr", subject, "550 5.1.1 Boîte aux lettres inconnue", now, now) as { id: number };
    return row.id;
  } finally {
    db.close();
  }
}

test("without JavaScript, the admin finds the failed message from « Mon espace », reads its error and sends it again", async ({ browser }) => {
  const subject = `Votre demande d'accompagnement ${Date.now()}`;
  insertFailedMail(subject);
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "fr-FR", extraHTTPHeaders: TEST_CLIENT_HEADERS });
  try {
    const page = await context.newPage();
    await signIn(page, "admin@exemple.fr", DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/espace/);
    await expect(page.getByText(/courriels? n'(a|ont) pas pu être remis/)).toBeVisible();
    await page.getByRole("link", { name: "Courriels de la plateforme" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Courriels de la plateforme" })).toBeVisible();

    const failed = page.getByRole("list", { name: /En échec/ }).getByRole("listitem").filter({ hasText: subject });
    await expect(failed).toContainText("À inconnu@exemple.fr");
    await expect(failed).toContainText("Dernière erreur : 550 5.1.1 Boîte aux lettres inconnue");
    await checkA11yWithoutScripts(page);

    await failed.getByRole("button", { name: new RegExp(`^Renvoyer « ${subject} »`) }).click();
    await expect(page).toHaveURL(/\/admin\/courriels$/);
    await expect(page.getByRole("status")).toHaveText("Le courriel est remis dans la file : il part dans un instant.");
    // The message sits above the list: the list is read once the whole new document is in.
    await page.waitForLoadState("load");
    await expect(page.getByRole("list", { name: /En échec/ }).getByText(subject)).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test("the page is the platform admin's only", async ({ browser }) => {
  const context = await browser.newContext({ locale: "fr-FR", extraHTTPHeaders: TEST_CLIENT_HEADERS });
  try {
    const page = await context.newPage();
    await signIn(page, "animation.saintonge@exemple.fr", DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/espace/);
    // A client-side navigation: the address changes before « Mon espace » is drawn.
    await expect(page.getByRole("heading", { level: 1, name: "Mon espace" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Courriels de la plateforme" })).toHaveCount(0);
    const response = await page.goto("/admin/courriels");
    expect(response?.status()).toBe(403);
  } finally {
    await context.close();
  }
});
