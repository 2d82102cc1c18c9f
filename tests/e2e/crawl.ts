/**
 * Breadth-first crawl of the pages a person can reach by following links, shared
 * by crawl.spec.ts (structure and accessibility, desktop) and
 * crawl-mobile.spec.ts (phone width). GET only: forms are never submitted and
 * the sign-out link is never followed.
 */
import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, expect, signIn } from "./fixtures";

export type CrawlRole = { name: string; email: string | null };

/** The visitor and the demo accounts of README.md, one crawl each. */
export const CRAWL_ROLES: readonly CrawlRole[] = [
  { name: "visiteur", email: null },
  { name: "porteur", email: "porteur@exemple.fr" },
  { name: "bénévole", email: "benevole@exemple.fr" },
  { name: "épargnant", email: "epargnant@exemple.fr" },
  { name: "animation", email: "animation.saintonge@exemple.fr" },
  { name: "administration", email: "admin@exemple.fr" },
];

export const CRAWL_STARTS = ["/", "/espace"] as const;
export const MAX_PAGES_PER_ROLE = 40;
export const MAX_LINKS_PER_ROLE = 150;

/** Paths never followed: sign-out changes state, resource routes are not pages. */
const SKIPPED_PATHS = [/^\/deconnexion\/?$/, /^\/api\//, /\.(svg|ico|png|jpe?g|css|js|csv|pdf|ics|rss|atom|zip|json|geojson)$/i];

/** Path segments followed by a slug: `/poles/vals-de-saintonge` is the template `/poles/:slug`. */
const SLUGGED = /\/(poles|organisations|cagnotte|groupes)\/(?!:|nouvel(?:le)?(?:\/|$)|nouveau(?:\/|$))[^/]+/g;

/** `/projets/12/besoins/3` → `/projets/:id/besoins/:id`, `/poles/x/groupes/y` → `/poles/:slug/groupes/:slug`: one visit per page template. */
export function pageTemplate(pathname: string): string {
  const trimmed = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  return trimmed.replace(/\/\d+(?=\/|$)/g, "/:id").replace(SLUGGED, "/$1/:slug");
}

export async function signInAs(page: Page, role: CrawlRole): Promise<void> {
  if (!role.email) return;
  await signIn(page, role.email, DEMO_PASSWORD);
  await expect(page, `${role.email} should be signed in`).not.toHaveURL(/\/connexion/);
}

/** What a page check returns: the problems it found, as readable sentences (empty when all is well). */
export type PageCheck = (page: Page, status: number) => Promise<string[]>;

export type CrawlReport = {
  /** Templates visited, in order, with the concrete path that was opened. */
  visited: { template: string; path: string }[];
  /** Problems found, each prefixed with the path and the page that linked to it. */
  problems: string[];
  /** Templates found but left unvisited because of the page cap. */
  leftOver: string[];
  /** Other links found on the pages visited (same templates, other ids or queries), fetched for their status only. */
  linksChecked: number;
};

/**
 * Opens each start path, then every same-origin link found on the pages
 * opened on `origin`, one concrete page per template, until the queue empties
 * or `maxPages` templates were visited. The other links found on those pages
 * (more ids of a visited template) are then fetched with the same session, up
 * to `maxLinks`: each must answer without error too.
 */
export async function crawl(
  page: Page,
  origin: string,
  check: PageCheck,
  {
    starts = CRAWL_STARTS,
    maxPages = MAX_PAGES_PER_ROLE,
    maxLinks = MAX_LINKS_PER_ROLE,
  }: { starts?: readonly string[]; maxPages?: number; maxLinks?: number } = {}
): Promise<CrawlReport> {
  const queue: { path: string; from: string }[] = starts.map((path) => ({ path, from: "(départ)" }));
  const seen = new Set<string>(starts.map((path) => pageTemplate(new URL(path, "http://x").pathname)));
  const report: CrawlReport = { visited: [], problems: [], leftOver: [], linksChecked: 0 };
  /** Every link found, path and query, with the first page that showed it. */
  const linked = new Map<string, string>();

  while (queue.length > 0 && report.visited.length < maxPages) {
    const { path, from } = queue.shift()!;
    const response = await page.goto(path);
    const status = response?.status() ?? 0;
    const landed = new URL(page.url());
    report.visited.push({ template: pageTemplate(new URL(path, "http://x").pathname), path });
    // A redirect (e.g. to /connexion) lands on a template that need not be visited again.
    seen.add(pageTemplate(landed.pathname));

    const problems = status >= 400 ? [`statut HTTP ${status}`] : await check(page, status);
    for (const problem of problems) report.problems.push(`${path} (lien depuis ${from}) : ${problem}`);
    if (status >= 400) continue;

    const hrefs = await page
      .locator("a[href]")
      // Resolved by hand: an SVG <a> (the map's points) has no string `href` property.
      .evaluateAll((links) =>
        links.map((a) => {
          const raw = a.getAttribute("href") ?? "";
          return [raw, new URL(raw, document.baseURI).href] as const;
        }),
      );
    for (const [raw, absolute] of hrefs) {
      if (raw === "" || raw.startsWith("#") || /^(mailto|tel|javascript):/i.test(raw)) continue;
      const url = new URL(absolute);
      if (url.origin !== origin) continue;
      if (SKIPPED_PATHS.some((pattern) => pattern.test(url.pathname))) continue;
      const target = url.pathname + url.search;
      if (!linked.has(target)) linked.set(target, landed.pathname + landed.search);
      const template = pageTemplate(url.pathname);
      if (seen.has(template)) continue;
      seen.add(template);
      queue.push({ path: target, from: landed.pathname + landed.search });
    }
  }
  report.leftOver = queue.map((item) => pageTemplate(new URL(item.path, "http://x").pathname));

  const opened = new Set([...report.visited.map((v) => v.path), ...queue.map((item) => item.path)]);
  for (const [target, from] of linked) {
    if (opened.has(target) || report.linksChecked >= maxLinks) continue;
    report.linksChecked += 1;
    const status = (await page.request.get(target)).status();
    if (status >= 400) report.problems.push(`${target} (lien depuis ${from}) : statut HTTP ${status}`);
  }
  return report;
}

/** One line per visited template, for the test output. */
export function describeCrawl(role: CrawlRole, report: CrawlReport): string {
  const lines = report.visited.map((v) => `  ${v.template}${v.template === v.path ? "" : `  (${v.path})`}`);
  const left = report.leftOver.length > 0 ? `\n  non visités (plafond atteint) : ${report.leftOver.join(", ")}` : "";
  const links = `${report.linksChecked} autres liens vérifiés`;
  return `${role.name} : ${report.visited.length} pages, ${links}\n${lines.join("\n")}${left}`;
}
