/**
 * Every page each demo role can reach by following links, from / and /espace:
 * it opens (a link shown to someone works for them), has one <h1>, a <main>
 * landmark, lang="fr-FR", a title ending in « — Maillon », unique ids and no axe
 * violation (axe sees each distinct part of a page once per run: axe-parts.ts).
 */
import type { Page } from "@playwright/test";
import { findDuplicateIds, findNewA11yViolations, type AxeRun } from "./axe-parts";
import { CRAWL_ROLES, crawl, describeCrawl, signInAs } from "./crawl";
import { expect, test } from "./fixtures";

async function checkPage(page: Page, axeRuns: Record<AxeRun, number>): Promise<string[]> {
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
  problems.push(...(await findDuplicateIds(page)));
  const { violations, ran } = await findNewA11yViolations(page);
  axeRuns[ran] += 1;
  for (const violation of violations) problems.push(`axe : ${violation}`);
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
      const axeRuns: Record<AxeRun, number> = { page: 0, main: 0, frame: 0, none: 0 };
      const report = await crawl(page, siteOrigin, (p) => checkPage(p, axeRuns));
      const axeLine = `axe : ${axeRuns.page} pages entières, ${axeRuns.main} <main> seuls, ${axeRuns.frame} cadres seuls, ${axeRuns.none} déjà vues`;
      const summary = `${describeCrawl(role, report)}\n${axeLine}`;
      console.log(`${role.name} — ${axeLine}`);
      await testInfo.attach(`pages-${role.name}`, { body: summary, contentType: "text/plain" });

      expect(report.visited.length, summary).toBeGreaterThanOrEqual(role.email ? 10 : 5);
      expect(report.problems, `Problèmes rencontrés :\n${report.problems.join("\n")}`).toEqual([]);
    });
  }
});
