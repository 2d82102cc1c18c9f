/**
 * Every page each demo role can reach by following links, from / and /espace:
 * it opens (a link shown to someone works for them), has one <h1>, a <main>
 * landmark, lang="fr-FR", a title ending in « — Maillon » and no axe violation.
 */
import type { Page } from "@playwright/test";
import { CRAWL_ROLES, crawl, describeCrawl, signInAs } from "./crawl";
import { expect, findA11yViolations, test } from "./fixtures";

async function checkPage(page: Page): Promise<string[]> {
  const { h1, main, lang, title } = await page.evaluate(() => ({
    h1: document.querySelectorAll("h1").length,
    main: document.querySelectorAll("main, [role=main]").length,
    lang: document.documentElement.getAttribute("lang"),
    title: document.title,
  }));
  const problems: string[] = [];
  if (h1 !== 1) problems.push(`${h1} <h1> au lieu d'un seul`);
  if (main !== 1) problems.push(`${main} repère <main> au lieu d'un seul`);
  if (lang !== "fr-FR") problems.push(`<html lang="${lang ?? ""}"> au lieu de "fr-FR"`);
  if (!/\S.* — Maillon$/.test(title)) problems.push(`titre « ${title} » ne se termine pas par « — Maillon »`);
  for (const violation of await findA11yViolations(page)) problems.push(`axe : ${violation}`);
  return problems;
}

test.describe("exploration des liens", () => {
  for (const role of CRAWL_ROLES) {
    test(`${role.name} : chaque page atteinte s'ouvre, est structurée et accessible`, async ({
      page,
      siteOrigin,
    }, testInfo) => {
      // About twenty pages each checked by axe (the map of /poles alone takes seconds on a busy 2-core machine).
      test.setTimeout(180_000);
      await signInAs(page, role);
      const report = await crawl(page, siteOrigin, checkPage);
      const summary = describeCrawl(role, report);
      await testInfo.attach(`pages-${role.name}`, { body: summary, contentType: "text/plain" });

      expect(report.visited.length, summary).toBeGreaterThanOrEqual(role.email ? 10 : 5);
      expect(report.problems, `Problèmes rencontrés :\n${report.problems.join("\n")}`).toEqual([]);
    });
  }
});
