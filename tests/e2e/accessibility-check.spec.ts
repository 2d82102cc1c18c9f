/**
 * The accessibility check itself (tests/e2e/axe-parts.ts), on pages written here: it finds what it
 * must, in the part it is given, and a part found clean is given to axe again as soon as its markup
 * or its state changes. Every other browser test relies on it.
 */
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { findA11yViolations, findNewA11yViolations } from "./axe-parts";
import { expect, test } from "./fixtures";

/** A page of its own for each test and run (clean parts are remembered across the run's workers). */
async function writePage(page: Page, { header, main }: { header: string; main: string }): Promise<void> {
  const token = randomBytes(6).toString("hex");
  await page.setContent(
    `<!doctype html><html lang="fr-FR"><head><title>Essai ${token} — Maillon</title></head>` +
      `<body><header><p>${token}</p>${header}</header><main><h1>Essai</h1>${main}</main></body></html>`,
  );
}

const ruleIds = (violations: string[]) => violations.map((line) => line.split(" ")[0]);

test("the check finds an image without text and a field without label, each in its own part of the page", async ({ page }) => {
  await writePage(page, { header: '<img src="/favicon.svg">', main: '<input type="text" name="q">' });
  expect(ruleIds(await findA11yViolations(page))).toEqual(expect.arrayContaining(["image-alt", "label"]));
  const inMain = ruleIds(await findA11yViolations(page, { include: ["main"] }));
  expect(inMain).toContain("label");
  expect(inMain).not.toContain("image-alt");
  const outsideMain = ruleIds(await findA11yViolations(page, { exclude: ["main"] }));
  expect(outsideMain).toContain("image-alt");
  expect(outsideMain).not.toContain("label");
});

test("a part found clean is not checked again, until its markup or what was typed in it changes", async ({ page }) => {
  await writePage(page, { header: "<nav aria-label=\"Essai\"><a href=\"/\">Accueil</a></nav>", main: '<label>Nom <input type="text" name="nom"></label>' });
  expect(await findNewA11yViolations(page)).toEqual({ violations: [], ran: "page" });
  expect(await findNewA11yViolations(page)).toEqual({ violations: [], ran: "none" });

  // Typed text is not in the markup: still a new state of <main>, checked again.
  await page.getByLabel("Nom").fill("Nadia");
  await page.getByLabel("Nom").blur();
  expect(await findNewA11yViolations(page)).toEqual({ violations: [], ran: "main" });

  // A field without label added to <main>: only <main> is checked, and the violation is reported.
  await page.evaluate(() => document.querySelector("main")!.insertAdjacentHTML("beforeend", '<input type="text" name="sans-nom">'));
  const { violations, ran } = await findNewA11yViolations(page);
  expect(ran).toBe("main");
  expect(ruleIds(violations)).toContain("label");
  // A part with a violation is never remembered: it is checked, and reported, each time.
  expect(ruleIds((await findNewA11yViolations(page)).violations)).toContain("label");
});
