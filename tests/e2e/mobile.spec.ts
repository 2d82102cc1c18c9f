/** Runs only in the `mobile` project (Pixel 7): phone layout without sideways scrolling, and accessible. */
import type { Page } from "@playwright/test";
import { checkA11y, DEMO_PASSWORD, expect, fillSignUpForm, signIn, test, uniqueEmail } from "./fixtures";

async function expectNoHorizontalScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `page is ${scrollWidth}px wide in a ${innerWidth}px viewport`).toBeLessThanOrEqual(innerWidth);
}

test.describe("sur un téléphone", () => {
  test.beforeEach(({ isMobile }, testInfo) => {
    expect(isMobile, `project ${testInfo.project.name} should emulate a phone`).toBe(true);
  });

  test("the home page fits the phone width and has no accessibility violations", async ({ page }) => {
    await page.goto("/");
    expect(page.viewportSize()!.width).toBeLessThan(500);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Mon espace" })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await checkA11y(page);
  });

  test("the sign-up page fits the phone width, also with errors shown, and has no accessibility violations", async ({
    page,
  }) => {
    await page.goto("/inscription");
    await expect(page.getByRole("heading", { level: 1, name: "Créer un compte" })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await checkA11y(page);

    // Long error messages (the ambiguous commune lists several names) must wrap, not widen the page.
    await fillSignUpForm(page, { email: uniqueEmail(), commune: "17400" });
    await page.getByRole("button", { name: "Créer mon compte" }).click();
    await expect(page.locator(".field", { has: page.getByLabel("Commune", { exact: true }) }).locator(".field-error")).toContainText(
      "Plusieurs communes correspondent",
    );
    await expectNoHorizontalScroll(page);
    await checkA11y(page);
  });

  test("on a 360 px phone, a club's ledger and a pôle's impact tables scroll in their own box, not the page", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await signIn(page, "epargnant@exemple.fr", DEMO_PASSWORD);
    // Signed in once the action has answered, not when the button is clicked.
    await expect(page).toHaveURL(/\/espace$/);
    for (const [path, caption] of [
      ["/clubs/2/tresorerie", /^Entrées moins sorties égalent la caisse/],
      ["/poles/vals-de-saintonge/impact", /les chiffres par période$/],
    ] as const) {
      await page.goto(path);
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoHorizontalScroll(page);
      // Each table sits in a box named by its caption, which the keyboard reaches to scroll it.
      const boxes = page.locator(".table-scroll");
      expect(await boxes.count(), path).toBeGreaterThan(0);
      await expect(page.getByRole("group", { name: caption }).first()).toHaveAttribute("tabindex", "0");
      await checkA11y(page);
    }
  });
});
