/**
 * Shared helpers for the end-to-end tests: an accessibility check, unique
 * e-mails, sign-up / sign-in journeys, a read-only look at the e2e database and
 * the client address every test client sends (X-Forwarded-For): one address the
 * test server exempts from the sign-in limit, so that no scenario can block
 * another; the tests of the limit itself draw addresses of their own.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { test as base, expect, type APIRequestContext, type APIResponse, type Page, type Response } from "@playwright/test";
import Database from "better-sqlite3";
import { findNewA11yViolations } from "./axe-parts";

/** Same file as E2E_DATABASE in playwright.config.ts (the web server seeds it with the demo). */
export const E2E_DATABASE = "tmp/e2e.db";

/** Same folder as OUTBOX_DIR of the e2e server (playwright.config.ts): every message it sends is an .eml there. */
export const E2E_OUTBOX = "tmp/e2e-outbox";

/** Same address as EXEMPT_CLIENT_ADDRESS in playwright.config.ts (SIGN_IN_LIMIT_EXEMPT of the test server). */
export const EXEMPT_CLIENT_ADDRESS = "192.0.2.1";
/** What every test client sends, browser contexts included, unless a test needs a limited address. */
export const TEST_CLIENT_HEADERS = { "X-Forwarded-For": EXEMPT_CLIENT_ADDRESS };

/** Demo data (seeds/demo.ts): every demo account shares this password. */
export const DEMO_PASSWORD = "maillon-demo-2026";
export const DEMO_PORTEUR_EMAIL = "porteur@exemple.fr";

/** Long, not in any leak list: accepted by the sign-up rules. */
export const STRONG_PASSWORD = "cigale-marais-brouette-2026";
export const COMMUNE_LABEL = "Saint-Jean-d'Angély (17400)";
export const COMMUNE_CODE = "17347";

/**
 * Runs axe on the page as it is now and fails with a readable list of violations. A part of the page
 * (its <main>, or the rest) that axe already found clean in this run, in the same state, is not
 * checked again (tests/e2e/axe-parts.ts).
 */
export async function checkA11y(page: Page): Promise<void> {
  // After a click that opens a new document, its address or first elements may be there while the
  // rest is still being parsed: axe is given the whole page.
  await page.waitForLoadState("load");
  const { violations } = await findNewA11yViolations(page);
  expect(violations, `Accessibility violations on ${page.url()}:\n${violations.join("\n")}`).toEqual([]);
}

/**
 * axe needs to run a script in the page, which a context with JavaScript
 * disabled cannot do. So the page as it stands (its DOM, typed values and
 * server errors included) is replayed in a scripted context where the app's own
 * scripts are blocked: axe then sees exactly what a person without JavaScript sees.
 */
export async function checkA11yWithoutScripts(page: Page): Promise<void> {
  // The replay is the page as parsed so far: wait until the whole document is in.
  await page.waitForLoadState("load");
  const html = await page.content();
  const url = page.url();
  const browser = page.context().browser();
  if (!browser) throw new Error("checkA11yWithoutScripts needs a browser-backed page");
  const context = await browser.newContext({ javaScriptEnabled: true, locale: "fr-FR" });
  try {
    const replay = await context.newPage();
    await replay.setViewportSize(page.viewportSize() ?? { width: 1280, height: 720 });
    await replay.route("**/*", async (route) => {
      const request = route.request();
      if (request.isNavigationRequest() && request.url() === url) {
        await route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html });
      } else if (request.resourceType() === "script") {
        await route.abort();
      } else {
        await route.continue();
      }
    });
    await replay.goto(url);
    await checkA11y(replay);
  } finally {
    await context.close();
  }
}

/** e2e-<random>@exemple.fr, unique across tests, workers and runs. */
export function uniqueEmail(): string {
  return `e2e-${randomBytes(6).toString("hex")}@exemple.fr`;
}

export type SelfServiceRole = "porteur" | "benevole" | "epargnant";

const ROLE_NAMES: Record<SelfServiceRole, RegExp> = {
  porteur: /Porteur ou porteuse de projet/,
  benevole: /Bénévole accompagnant/,
  epargnant: /Épargnant ou épargnante/,
};

export type SignUpInput = {
  email: string;
  displayName?: string;
  password?: string;
  /** Text typed in the commune field (the server resolves it when no suggestion was picked). */
  commune?: string;
  roles?: SelfServiceRole[];
};

export type OutboxMail = {
  file: string;
  subject: string;
  text: string;
  /** Every link of the text part, as paths of the site (« /inscription/… »), in order. */
  links: string[];
};

/**
 * Waits for the newest message to `to` written in the outbox since `since` (ms, e.g. Date.now() before
 * the request), whose subject matches, and reads it as a mail client would (mailparser).
 */
export async function waitForMail(
  to: string,
  { since = 0, subject, timeoutMs = 15_000 }: { since?: number; subject?: RegExp; timeoutMs?: number } = {},
): Promise<OutboxMail> {
  const deadline = Date.now() + timeoutMs;
  const address = to.trim().toLowerCase();
  for (;;) {
    const files = fs.existsSync(E2E_OUTBOX) ? fs.readdirSync(E2E_OUTBOX).filter((f) => f.endsWith(".eml")).sort().reverse() : [];
    for (const name of files) {
      const file = path.join(E2E_OUTBOX, name);
      // The worker writes a whole file under its final name (a rename): mtime is when it was sent.
      if (fs.statSync(file).mtimeMs < since - 1000) break;
      const raw = fs.readFileSync(file);
      if (!raw.toString("utf8").toLowerCase().includes(address)) continue;
      const parsed = await simpleParser(raw);
      const recipients = [parsed.to].flat().flatMap((t) => t?.value ?? []).map((v) => v.address?.toLowerCase());
      if (!recipients.includes(address) || (subject && !subject.test(parsed.subject ?? ""))) continue;
      const text = parsed.text ?? "";
      const links = [...text.matchAll(/https?:\/\/[^\s<>"]+/g)].map((m) => {
        const url = new URL(m[0]);
        return `${url.pathname}${url.search}`;
      });
      return { file, subject: parsed.subject ?? "", text, links };
    }
    if (Date.now() > deadline) throw new Error(`no message to ${to}${subject ? ` matching ${subject}` : ""} in ${E2E_OUTBOX}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** How many messages to `to` the outbox received since `since` (ms), for proving that none was sent. */
export async function countMails(to: string, since: number): Promise<number> {
  if (!fs.existsSync(E2E_OUTBOX)) return 0;
  const address = to.trim().toLowerCase();
  let n = 0;
  for (const name of fs.readdirSync(E2E_OUTBOX).filter((f) => f.endsWith(".eml"))) {
    const file = path.join(E2E_OUTBOX, name);
    if (fs.statSync(file).mtimeMs < since - 1000) continue;
    const parsed = await simpleParser(fs.readFileSync(file));
    if ([parsed.to].flat().flatMap((t) => t?.value ?? []).some((v) => v.address?.toLowerCase() === address)) n += 1;
  }
  return n;
}

/** The sign-up link mailed to `email` since `since`: « /inscription/<token> ». */
export async function signUpLink(email: string, since = 0): Promise<string> {
  const mail = await waitForMail(email, { since, subject: /Confirmez votre adresse/ });
  const link = mail.links.find((l) => l.startsWith("/inscription/"));
  if (!link) throw new Error(`no sign-up link in:\n${mail.text}`);
  return link;
}

/**
 * After « Créer mon compte »: the « Vérifiez votre boîte de réception » page, then the link of the mail,
 * confirmed, lands in « Mon espace » with the welcome message.
 */
export async function confirmSignUp(page: Page, email: string, since = 0): Promise<void> {
  await expect(page.getByRole("heading", { level: 1, name: "Vérifiez votre boîte de réception" })).toBeVisible();
  await page.goto(await signUpLink(email, since));
  await page.getByRole("button", { name: "Confirmer et ouvrir mon compte" }).click();
  await expect(page).toHaveURL(/\/espace$/);
}

/** Opens /inscription, fills the form, submits it and confirms the address through the mailed link. */
export async function signUp(page: Page, input: SignUpInput): Promise<void> {
  const since = Date.now();
  await page.goto("/inscription");
  await fillSignUpForm(page, input);
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await confirmSignUp(page, input.email, since);
}

/** Signs up over HTTP (no browser): the form, then the mailed link; `client` keeps the session cookie. */
export async function signUpOverHttp(client: APIRequestContext, form: Record<string, string>): Promise<APIResponse> {
  const since = Date.now();
  const asked = await client.post("/inscription", { form, maxRedirects: 0 });
  expect(asked.status()).toBe(200);
  return client.post(await signUpLink(form.email!, since), { form: {}, maxRedirects: 0 });
}

export async function fillSignUpForm(page: Page, input: SignUpInput): Promise<void> {
  await page.getByLabel("Adresse e-mail").fill(input.email);
  await page.getByLabel("Nom affiché").fill(input.displayName ?? "Camille Test");
  await page.getByLabel("Mot de passe").fill(input.password ?? STRONG_PASSWORD);
  await page.getByLabel("Commune").fill(input.commune ?? COMMUNE_LABEL);
  for (const role of input.roles ?? ["porteur"]) {
    await page.getByRole("checkbox", { name: ROLE_NAMES[role] }).check();
  }
}

/** Fills /connexion (opening it unless the page is already there) and submits it. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  if (new URL(page.url(), "http://x").pathname !== "/connexion") await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

/** Read-only queries on the e2e database, to prove what the server wrote (or did not). */
export class E2eDb {
  private readonly db: Database.Database;

  constructor(file = E2E_DATABASE) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
  }

  countUsersByEmail(email: string): number {
    const row = this.db.prepare("SELECT count(*) AS n FROM users WHERE email = ?").get(email.trim().toLowerCase()) as {
      n: number;
    };
    return row.n;
  }

  countUsers(): number {
    return (this.db.prepare("SELECT count(*) AS n FROM users").get() as { n: number }).n;
  }

  /** People of a pôle by role, counted the way the pages count them (commune in the perimeter). */
  countMembers(slug: string): { porteurs: number; benevoles: number; epargnants: number } {
    const row = this.db
      .prepare(
        `SELECT
           coalesce(sum(ur.role = 'porteur'), 0) AS porteurs,
           coalesce(sum(ur.role = 'benevole'), 0) AS benevoles,
           coalesce(sum(ur.role = 'epargnant'), 0) AS epargnants
         FROM user_roles ur
         JOIN users u ON u.id = ur.user_id
         JOIN territory_communes tc ON tc.commune_code = u.commune_code
         JOIN territories t ON t.id = tc.territory_id
         WHERE t.slug = ?`,
      )
      .get(slug) as { porteurs: number; benevoles: number; epargnants: number };
    return row;
  }

  /** The roles and commune of one account, or undefined. */
  getUser(email: string): { communeCode: string; roles: string[] } | undefined {
    const user = this.db
      .prepare("SELECT id, commune_code AS communeCode FROM users WHERE email = ?")
      .get(email.trim().toLowerCase()) as { id: number; communeCode: string } | undefined;
    if (!user) return undefined;
    const roles = this.db
      .prepare("SELECT role FROM user_roles WHERE user_id = ? ORDER BY role")
      .all(user.id) as { role: string }[];
    return { communeCode: user.communeCode, roles: roles.map((r) => r.role) };
  }

  /** The e-mail of the (first) account with this display name. */
  emailOf(displayName: string): string | undefined {
    const row = this.db.prepare("SELECT email FROM users WHERE display_name = ? ORDER BY id").get(displayName) as { email: string } | undefined;
    return row?.email;
  }

  /**
   * A seeded account that only the test asking for it changes (its password, its sessions): the last
   * generated saver of the demo, never one of the named demo accounts nor an e2e sign-up.
   */
  quietDemoAccount(): string {
    const row = this.db
      .prepare(
        `SELECT u.email FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'epargnant'
         WHERE u.email NOT LIKE 'e2e-%' AND u.email NOT IN ('porteur@exemple.fr', 'benevole@exemple.fr', 'epargnant@exemple.fr', 'admin@exemple.fr')
           AND u.email NOT LIKE 'animation.%'
         ORDER BY u.id DESC LIMIT 1`,
      )
      .get() as { email: string };
    return row.email;
  }

  /** A seeded member of the pôle asked to accept the new version of its charter (not the quiet account). */
  memberYetToAcceptCharter(slug: string): string {
    const quiet = this.quietDemoAccount();
    const row = this.db
      .prepare(
        `SELECT u.email FROM pole_members m
         JOIN territories t ON t.id = m.territory_id AND t.slug = ?
         JOIN users u ON u.id = m.user_id
         WHERE u.email <> ? AND u.email NOT LIKE 'e2e-%'
           AND NOT EXISTS (SELECT 1 FROM charter_acceptances a JOIN charter_versions v ON v.id = a.charter_version_id
             WHERE a.user_id = u.id AND v.territory_id = t.id
               AND v.version = (SELECT max(version) FROM charter_versions WHERE territory_id = t.id))
         ORDER BY u.id LIMIT 1`,
      )
      .get(slug, quiet) as { email: string };
    return row.email;
  }

  countSessionsByEmail(email: string): number {
    const row = this.db
      .prepare("SELECT count(*) AS n FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ?")
      .get(email.trim().toLowerCase()) as { n: number };
    return row.n;
  }

  /** Requests the animation team sent for this need and volunteer. */
  countAnimatorRequests(needId: number, volunteerId: number): number {
    const row = this.db
      .prepare("SELECT count(*) AS n FROM mentorships WHERE need_id = ? AND volunteer_id = ? AND initiated_by = 'animateur'")
      .get(needId, volunteerId) as { n: number };
    return row.n;
  }

  close(): void {
    this.db.close();
  }
}

/**
 * A client address the sign-in limit applies to: a random one in 2001:db8::/32
 * (IPv6 documentation range), so it is never drawn twice, across workers and runs.
 */
function limitedClientAddress(): string {
  const groups = Array.from({ length: 6 }, () => randomBytes(2).toString("hex"));
  return `2001:db8:${groups.join(":")}`;
}

type ClientOptions = {
  /** X-Forwarded-For of this client; the exempt test address when omitted. */
  address?: string;
  /** Extra headers (e.g. a foreign Origin). */
  headers?: Record<string, string>;
};

type Fixtures = {
  /** Draws a client address the sign-in limit applies to, for the tests of that limit. */
  newClientAddress: () => string;
  /** A separate HTTP client with its own cookie jar; disposed after the test. */
  newClient: (options?: ClientOptions) => Promise<APIRequestContext>;
  /** The site's origin, e.g. http://127.0.0.1:3210. */
  siteOrigin: string;
};

type WorkerFixtures = { db: E2eDb };

/**
 * Once an HTML page of ours is loaded with JavaScript on, waits for React to have hydrated it (root.tsx
 * marks <html data-hydrated>): typing into an enhanced field before that would be lost on a busy machine.
 */
async function untilHydrated(page: Page, response: Response | null): Promise<void> {
  const type = response?.headers()["content-type"] ?? "";
  if (!type.startsWith("text/html")) return;
  // A page server.js writes itself (a URL it cannot decode) has no Remix on it: nothing hydrates.
  if (!(await page.evaluate(() => "__remixContext" in window))) return;
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  page: async ({ page, javaScriptEnabled }, use) => {
    if (javaScriptEnabled !== false) {
      const goto = page.goto.bind(page);
      const reload = page.reload.bind(page);
      page.goto = async (url, options) => {
        const response = await goto(url, options);
        await untilHydrated(page, response);
        return response;
      };
      page.reload = async (options) => {
        const response = await reload(options);
        await untilHydrated(page, response);
        return response;
      };
    }
    await use(page);
  },
  db: [
    async ({}, use) => {
      const db = new E2eDb();
      await use(db);
      db.close();
    },
    { scope: "worker" },
  ],
  newClientAddress: async ({}, use) => {
    await use(limitedClientAddress);
  },
  extraHTTPHeaders: async ({}, use) => {
    await use(TEST_CLIENT_HEADERS);
  },
  siteOrigin: async ({ baseURL }, use) => {
    if (!baseURL) throw new Error("baseURL is not set in playwright.config.ts");
    await use(new URL(baseURL).origin);
  },
  newClient: async ({ playwright, baseURL }, use) => {
    const contexts: APIRequestContext[] = [];
    await use(async ({ address = EXEMPT_CLIENT_ADDRESS, headers } = {}) => {
      const context = await playwright.request.newContext({
        baseURL,
        extraHTTPHeaders: { "X-Forwarded-For": address, ...headers },
      });
      contexts.push(context);
      return context;
    });
    await Promise.all(contexts.map((c) => c.dispose()));
  },
});

export { expect };
