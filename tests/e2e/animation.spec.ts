/**
 * The animation team of the Vals de Saintonge: from Mon espace to /animation,
 * computes the pôle's round, reads why each pair is proposed, sends one
 * proposal; then the pôle's weights page refuses a bad value, with and without
 * JavaScript, and another pôle's is refused. Other specs share the demo
 * database and run in parallel: nothing here relies on exact counts, and the
 * weights are never changed (the robustness spec counts their rows).
 */
import { checkA11y, DEMO_PASSWORD, expect as baseExpect, signIn, TEST_CLIENT_HEADERS, test } from "./fixtures";

const expect = baseExpect.configure({ timeout: 15_000 });
const ANIMATOR = "animation.saintonge@exemple.fr";
const WEIGHTS_HEADING = "Pondérations du calcul — PTCE des Vals de Saintonge";

test("the animation team computes a round, reads the explanations and sends a proposal", async ({ page, db }) => {
  await signIn(page, ANIMATOR, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/espace/);
  await page.getByRole("link", { name: "Animation du pôle" }).click();
  await expect(page).toHaveURL(/\/animation$/);
  await expect(page.getByRole("heading", { level: 1, name: "PTCE des Vals de Saintonge" })).toBeVisible();
  await expect(page.getByTestId("besoins-ouverts")).toHaveText(/^\d+$/);
  await checkA11y(page);

  await page.getByRole("button", { name: "Proposer un tour de mise en relation" }).click();
  await expect(page).toHaveURL(/tour=1/);
  await expect(page.getByRole("heading", { name: "Tour proposé" })).toBeVisible();
  const proposals = page.getByRole("group", { name: "Propositions à envoyer aux bénévoles" });
  const boxes = proposals.getByRole("checkbox");
  await expect(boxes.first()).toBeChecked();
  await expect(proposals.locator(".score__explanation").first()).toHaveText(/\S/);
  await checkA11y(page);

  // Send only the first pair: the demo's other volunteers stay untouched for the other specs.
  const value = await boxes.first().getAttribute("value");
  const [needId, volunteerId] = (value ?? "").split(":").map(Number) as [number, number];
  await page.evaluate(() => {
    document.querySelectorAll<HTMLInputElement>('input[name="pairs"]').forEach((box, i) => {
      box.checked = i === 0;
    });
  });
  await page.getByRole("button", { name: "Envoyer ces propositions" }).click();
  // A reused server may have sent this pair on an earlier run: then it is reported as skipped.
  await expect(page.getByRole("status")).toContainText(/proposition envoyée|ignorée/);
  expect(db.countAnimatorRequests(needId, volunteerId)).toBeGreaterThanOrEqual(1);
  await checkA11y(page);
});

test("the pôle's weights page shows the criteria and refuses a negative weight at the field", async ({ page }) => {
  await signIn(page, ANIMATOR, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/espace/);
  await page.goto("/animation");
  await page.getByRole("link", { name: "Pondérations du calcul" }).click();
  await expect(page).toHaveURL(/\/animation\/ponderations\?pole=vals-de-saintonge$/);
  await expect(page.getByRole("heading", { level: 1, name: WEIGHTS_HEADING })).toBeVisible();
  const proximity = page.getByRole("group", { name: /Accompagnement/ }).getByLabel("Proximité");
  await expect(proximity).not.toHaveValue("");
  await checkA11y(page);

  await proximity.fill("-3");
  await page.getByRole("button", { name: "Enregistrer les pondérations" }).click();
  await expect(page.getByText("Un poids ne peut pas être négatif.")).toBeVisible();
  await expect(proximity).toHaveValue("-3");
  await checkA11y(page);
});

test("without JavaScript, the weights form posts for its pôle and answers at the field; another pôle's page is refused", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "fr-FR", extraHTTPHeaders: TEST_CLIENT_HEADERS });
  try {
    const page = await context.newPage();
    await signIn(page, ANIMATOR, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/espace/);
    await page.goto("/animation/ponderations?pole=vals-de-saintonge");
    await expect(page.getByRole("heading", { level: 1, name: WEIGHTS_HEADING })).toBeVisible();
    const proximity = page.getByRole("group", { name: /Accompagnement/ }).getByLabel("Proximité");
    await proximity.fill("-3");
    await page.getByRole("button", { name: "Enregistrer les pondérations" }).click();
    await expect(page.getByText("Un poids ne peut pas être négatif.")).toBeVisible();
    await expect(page).toHaveURL(/\/animation\/ponderations\?pole=vals-de-saintonge$/);
    await expect(page.getByRole("heading", { level: 1, name: WEIGHTS_HEADING })).toBeVisible();
    await expect(proximity).toHaveValue("-3");

    const other = await page.goto("/animation/ponderations?pole=sambre-avesnois");
    expect(other?.status()).toBe(403);
  } finally {
    await context.close();
  }
});
