/**
 * axe for every check of the browser tests, where most of what a page shows repeats from page to
 * page, from test to test and from person to person: the same project page for the holder and the
 * saver, the same header on twenty pages. A page is seen as two parts, its <main> and the rest
 * (header, navigation, footer). Each part has a fingerprint of its markup and of its state that the
 * markup does not show (typed values, ticked boxes, the focused element), with what its rendering
 * depends on: the stylesheets, the window size and, for <main>, the chain of elements around it. A
 * part found clean by axe earlier in this run, by this worker or another (a folder the e2e server's
 * start empties), is not given to axe again: same markup, same state, same styles, same result.
 * Only the new parts are checked, the whole page when both are new or when the page has frames.
 *
 * What one part alone cannot show is an id used in both parts: the crawl checks that every id of a
 * page is unique (`findDuplicateIds`), which covers axe's duplicate-id-aria rule and more.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import axeCore from "axe-core";

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Which part of the page axe looks at: all of it, or CSS selectors to keep or leave out. */
export type AxeScope = { include?: string[]; exclude?: string[] };

type AxeViolation = { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] };

/** axe's context for a scope: null for the whole document; a missing `include` is the whole document too. */
function axeContext({ include = [], exclude = [] }: AxeScope): { include?: string[]; exclude?: string[] } | null {
  if (include.length === 0 && exclude.length === 0) return null;
  return { ...(include.length > 0 ? { include } : {}), ...(exclude.length > 0 ? { exclude } : {}) };
}

/**
 * Runs axe (WCAG 2.1 A/AA) on the page as it is now, or the part `scope` says: one readable line per
 * violation, with its targets. Only violations are read: axe then skips collecting the nodes of
 * passes and incomplete checks.
 * A page without frames (all of Maillon's) is checked inside the page only, and axe's 0.5 MB are
 * sent to a document once, not twice per check as AxeBuilder's legacy mode does; a page with frames
 * gets AxeBuilder's frame-by-frame run.
 */
export async function findA11yViolations(page: Page, scope: AxeScope = {}): Promise<string[]> {
  const options = { runOnly: { type: "tag", values: WCAG_TAGS }, resultTypes: ["violations"] };
  let violations: AxeViolation[];
  if (page.frames().length === 1) {
    const present = await page.evaluate(() => typeof (window as { axe?: unknown }).axe === "object");
    if (!present) await page.evaluate(`${axeCore.source}\n;axe.configure({ allowedOrigins: ["<same_origin>"] });`);
    // Passed as JSON: Playwright's typing of a structured argument is deeper than tsc will follow.
    const run = JSON.stringify({ context: axeContext(scope), options });
    violations = await page.evaluate(async (json) => {
      const { context, options } = JSON.parse(json);
      const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
      return (await axe.run(context ?? document, options)).violations;
    }, run);
  } else {
    let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS).options({ resultTypes: ["violations"] });
    for (const selector of scope.include ?? []) builder = builder.include(selector);
    for (const selector of scope.exclude ?? []) builder = builder.exclude(selector);
    violations = (await builder.analyze()).violations;
  }
  return violations.map((v) => {
    const targets = v.nodes.map((node) => `    - ${node.target.join(" ")}`).join("\n");
    return `${v.id} [${v.impact ?? "?"}] ${v.help}\n${targets}`;
  });
}

/** Emptied by the e2e server's start command (playwright.config.ts). */
export const AXE_CACHE_DIR = "tmp/e2e-axe-cache";

type Parts = { main: string; frame: string };

/** Markup and state of <main> and of the rest of the page, with scripts, nonces and hidden inputs' values taken out. */
async function readParts(page: Page): Promise<Parts | null> {
  return page.evaluate(() => {
    const main = document.querySelector("main");
    if (!main) return null;
    const focused = document.activeElement;
    const clean = (root: Element): Element => {
      // What the markup does not show is written on the copy: values typed or picked, boxes ticked,
      // the focused element (its focus style is part of what axe sees).
      const controls = root.querySelectorAll("input, textarea, select");
      const copy = root.cloneNode(true) as Element;
      copy.querySelectorAll("input, textarea, select").forEach((element, i) => {
        const control = controls[i] as HTMLInputElement;
        element.setAttribute("data-axe-state", `${control.value}|${control.checked ?? ""}`);
      });
      if (focused && focused !== document.body && root.contains(focused)) {
        const all = [...root.querySelectorAll("*")];
        copy.querySelectorAll("*")[all.indexOf(focused)]?.setAttribute("data-axe-focused", "");
      }
      // Scripts carry Remix's data for hydration (per request); hidden inputs carry the current path.
      for (const script of copy.querySelectorAll("script")) script.remove();
      for (const input of copy.querySelectorAll("input[type=hidden]")) {
        input.removeAttribute("value");
        input.removeAttribute("data-axe-state");
      }
      for (const element of copy.querySelectorAll("[nonce]")) element.removeAttribute("nonce");
      return copy;
    };
    const styles = [...document.querySelectorAll("link[rel=stylesheet]")].map((link) => (link as HTMLLinkElement).href);
    const viewport = `${window.innerWidth}x${window.innerHeight}@${window.devicePixelRatio}`;
    const around: string[] = [];
    for (let element = main.parentElement; element; element = element.parentElement) {
      around.push((element.cloneNode(false) as Element).outerHTML);
    }
    // The rest: the body without what <main> holds, the <html> element and the head's rules for the
    // viewport. Not the title, which is each page's own: the crawl checks it on every page.
    const body = clean(document.body);
    body.querySelector("main")?.replaceChildren();
    const html = (document.documentElement.cloneNode(false) as Element).outerHTML;
    const head = [...document.head.querySelectorAll("meta[name=viewport], meta[http-equiv]")].map((m) => m.outerHTML);
    const context = `${viewport}\n${styles.join("\n")}`;
    return {
      main: `${context}\n${around.join("\n")}\n${clean(main).outerHTML}`,
      frame: `${context}\n${html}\n${head.join("\n")}\n${body.outerHTML}`,
    };
  });
}

function cacheFile(part: keyof Parts, markup: string): string {
  const key = createHash("sha256").update(`${axeCore.version}\n${WCAG_TAGS.join(",")}\n${part}\n${markup}`).digest("hex");
  return path.join(AXE_CACHE_DIR, `${key}.clean`);
}

function markClean(file: string): void {
  fs.mkdirSync(AXE_CACHE_DIR, { recursive: true });
  fs.writeFileSync(file, "");
}

export type AxeRun = "page" | "main" | "frame" | "none";

/**
 * The violations of the parts of this page not already found clean in this run, and which part
 * axe was run on. Only clean verdicts are kept: a part with a violation is checked again wherever
 * it appears, and each page reports it.
 */
export async function findNewA11yViolations(page: Page): Promise<{ violations: string[]; ran: AxeRun }> {
  // What a frame shows is not in the page's markup: a page with frames is checked whole, each time.
  const parts = page.frames().length === 1 ? await readParts(page) : null;
  if (!parts) return { violations: await findA11yViolations(page), ran: "page" };
  const mainFile = cacheFile("main", parts.main);
  const frameFile = cacheFile("frame", parts.frame);
  const mainKnown = fs.existsSync(mainFile);
  const frameKnown = fs.existsSync(frameFile);
  if (mainKnown && frameKnown) return { violations: [], ran: "none" };

  const ran: AxeRun = mainKnown ? "frame" : frameKnown ? "main" : "page";
  const violations = await findA11yViolations(page, ran === "frame" ? { exclude: ["main"] } : ran === "main" ? { include: ["main"] } : {});
  if (violations.length === 0) {
    if (!mainKnown) markClean(mainFile);
    if (!frameKnown) markClean(frameFile);
  }
  return { violations, ran };
}

/** Each id that more than one element of the page carries, with how many. */
export async function findDuplicateIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const counts = new Map<string, number>();
    for (const element of document.querySelectorAll("[id]")) counts.set(element.id, (counts.get(element.id) ?? 0) + 1);
    return [...counts].filter(([, n]) => n > 1).map(([id, n]) => `id « ${id} » porté par ${n} éléments`);
  });
}
