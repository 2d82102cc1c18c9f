/**
 * Runs only in the `mobile` project (Pixel 7): every page each demo role
 * reaches by following links, from / and /espace, fits the phone width
 * (no sideways scrolling). Structure and axe are checked by crawl.spec.ts.
 * With JavaScript off: the pages are rendered on the server and their layout is the CSS's, so this
 * is also the phone of a person without JavaScript; each page opens in less than half the time.
 * mobile.spec.ts checks the phone with JavaScript on.
 */
import type { Page } from "@playwright/test";
import { CRAWL_ROLES, crawl, describeCrawl, signInAs } from "./crawl";
import { expect, test } from "./fixtures";

async function checkWidth(page: Page): Promise<string[]> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  return scrollWidth <= innerWidth + 1 ? [] : [`page large de ${scrollWidth} px pour un écran de ${innerWidth} px`];
}

test.describe("exploration des liens sur un téléphone", () => {
  test.use({ javaScriptEnabled: false });
  test.beforeEach(({ isMobile }, testInfo) => {
    expect(isMobile, `project ${testInfo.project.name} should emulate a phone`).toBe(true);
  });

  for (const role of CRAWL_ROLES) {
    test(`${role.name} : chaque page atteinte tient dans la largeur du téléphone`, async ({
      page,
      siteOrigin,
    }, testInfo) => {
      test.setTimeout(60_000);
      await signInAs(page, role);
      // The status of every other link is already checked by crawl.spec.ts.
      const report = await crawl(page, siteOrigin, checkWidth, { maxLinks: 0 });
      const summary = describeCrawl(role, report);
      await testInfo.attach(`pages-${role.name}`, { body: summary, contentType: "text/plain" });

      expect(report.visited.length, summary).toBeGreaterThanOrEqual(role.email ? 10 : 5);
      expect(report.problems, `Problèmes rencontrés :\n${report.problems.join("\n")}`).toEqual([]);
    });
  }
});
