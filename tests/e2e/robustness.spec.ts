/**
 * Robustness over real HTTP, generated from the table of route modules in
 * robustness-routes.ts: malformed ids, unknown slugs, empty or malformed POST
 * bodies, oversized and duplicated fields, other people's objects, as a visitor
 * and as each relevant demo account. The rules checked:
 *   - never a 5xx;
 *   - a visitor is sent to /connexion (302), or gets a 404/403, never the page;
 *   - a refused form answers 4xx with a French HTML page and no stack trace;
 *   - a refused POST stores nothing (row counts of the route's tables unchanged);
 *   - one bad field gets a French message at that field, and what was typed is kept.
 * Every POST carries this site's Origin, as a browser would. Each case is its
 * own test, named after what it proves. They run against a server and database
 * of their own (playwright.config.ts), where only these refusals write.
 */
import type { APIRequestContext, APIResponse, PlaywrightWorkerArgs } from "@playwright/test";
import fs from "node:fs";
import Database from "better-sqlite3";
import { E2E_ROBUSTNESS_DATABASE, E2E_ROBUSTNESS_PORT, E2E_ROBUSTNESS_SESSIONS } from "../../playwright.config";
import { DEMO_PASSWORD, expect, test, TEST_CLIENT_HEADERS } from "./fixtures";
import {
  ACCOUNTS,
  HUGE,
  MALFORMED_IDS,
  ROUTES,
  UNKNOWN_SLUGS,
  type Form,
  type GetOutcome,
  type PostSpec,
  type RouteSpec,
  type SignedIn,
  type Who,
} from "./robustness-routes";

// ---------------------------------------------------------------------------
// Requests and what a refusal must look like

function fill(path: string, params: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? "");
}

/** Encodes a path segment, except "%00" which is sent raw on purpose. */
function segment(value: string): string {
  return value === "%00" ? value : encodeURIComponent(value);
}

function label(value: string): string {
  return value.length > 20 ? `${value.slice(0, 8)}…(${value.length} chars)` : value;
}

function formBody(form: Form): string {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  }
  return body.toString();
}

function statuses(expected: number | number[] | undefined): number[] {
  return expected === undefined ? [400] : Array.isArray(expected) ? expected : [expected];
}

/** The text a person reads: scripts (where Remix serialises its data) and tags removed. */
function visibleText(html: string): string {
  return html
    .replace(/<script\b[\s\S]*?<\/script>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");
}

/**
 * An HTML page in French without a stack trace anywhere in the body, and no
 * raw error in what the person reads. (Remix's own 404/405 keep the router's
 * "Error: No route matches…" line in their hydration data: not shown, not a stack.)
 */
async function expectCleanHtml(response: APIResponse, what: string) {
  const html = await response.text();
  expect(response.headers()["content-type"] ?? "", `${what}: content type`).toContain("text/html");
  expect(html, `${what}: an HTML page in French`).toContain('<html lang="fr');
  expect(html, `${what}: no stack trace`).not.toMatch(/(^|\n|\\n)\s*at [\w$.<>\[\] ]+ \(?(\/|file:|node:)/);
  expect(visibleText(html), `${what}: no raw error shown`).not.toMatch(/\b\w*Error:/);
}

// The server of this file alone (playwright.config.ts): nothing but these refusals writes to its database.
test.use({ baseURL: `http://127.0.0.1:${E2E_ROBUSTNESS_PORT}` });
const dbFile = E2E_ROBUSTNESS_DATABASE;
let database: Database.Database | undefined;
function countRows(tables: string[]): Record<string, number> {
  database ??= new Database(dbFile, { readonly: true, fileMustExist: true });
  return Object.fromEntries(
    tables.map((t) => [t, (database!.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]),
  );
}

/** Tables other tests write to at the same time, and the address each row is for (accounts, mail, sessions). */
const ADDRESSED = {
  email_tokens: "email",
  outgoing_mails: "to_address",
  sessions: "(SELECT email FROM users WHERE users.id = sessions.user_id)",
  users: "email",
  user_roles: "(SELECT email FROM users WHERE users.id = user_roles.user_id)",
} as Record<string, string>;

/**
 * As countRows, but mail and session rows only for the addresses this form and this person could cause:
 * other tests running beside this one sign in and send mail at the same time.
 */
function countRowsCausedBy(tables: string[], addresses: string[]): Record<string, number> {
  database ??= new Database(dbFile, { readonly: true, fileMustExist: true });
  const marks = addresses.map(() => "?").join(", ") || "NULL";
  return Object.fromEntries(
    tables.map((t) => {
      const column = ADDRESSED[t];
      const sql = column ? `SELECT count(*) AS n FROM "${t}" WHERE lower(${column.startsWith("(") ? column : `"${column}"`}) IN (${marks})` : `SELECT count(*) AS n FROM "${t}"`;
      return [t, (database!.prepare(sql).get(...(column ? addresses.map((a) => a.toLowerCase()) : [])) as { n: number }).n];
    }),
  );
}

type StorageState = Awaited<ReturnType<APIRequestContext["storageState"]>>;

/** This worker's copy of each demo account's session. */
const signedIn = new Map<SignedIn, StorageState>();

/**
 * Each demo account is signed in once for the whole run, by the first worker that needs it, and its
 * session is shared with the other workers through a file: a sign-in adds a session row for its
 * person, so a worker signing in while another counts that person's rows (to prove a refused form
 * stored nothing) would be read as a row the form stored.
 */
async function sessionOf(who: SignedIn, playwright: PlaywrightWorkerArgs["playwright"], baseURL: string, headers: Record<string, string>): Promise<StorageState> {
  const known = signedIn.get(who);
  if (known) return known;
  fs.mkdirSync(E2E_ROBUSTNESS_SESSIONS, { recursive: true });
  const file = `${E2E_ROBUSTNESS_SESSIONS}/${who}.json`;
  const state = claimSignIn(file) ? await signInAndShare(who, file, playwright, baseURL, headers) : await sharedSession(file, who);
  signedIn.set(who, state);
  return state;
}

/** True for the one worker that gets to sign this person in (it creates the lock first). */
function claimSignIn(file: string): boolean {
  try {
    fs.closeSync(fs.openSync(`${file}.lock`, "wx"));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

async function signInAndShare(who: SignedIn, file: string, playwright: PlaywrightWorkerArgs["playwright"], baseURL: string, headers: Record<string, string>): Promise<StorageState> {
  const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: headers });
  try {
    const response = await context.post("/connexion", {
      form: { email: ACCOUNTS[who], password: DEMO_PASSWORD },
      maxRedirects: 0,
    });
    expect(response.status(), `sign-in of ${ACCOUNTS[who]}`).toBe(302);
    const state = await context.storageState();
    // Written whole, then renamed: a reader never sees half a file.
    fs.writeFileSync(`${file}.${process.pid}`, JSON.stringify(state));
    fs.renameSync(`${file}.${process.pid}`, file);
    return state;
  } finally {
    await context.dispose();
  }
}

/** The session another worker opened for this person, once it is written. */
async function sharedSession(file: string, who: SignedIn): Promise<StorageState> {
  for (const deadline = Date.now() + 20_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
    if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8")) as StorageState;
  }
  throw new Error(`no session of ${ACCOUNTS[who]} after 20 s: the worker signing it in failed (see its test)`);
}

/** A client of this kind of person, sending this site's Origin and the exempt test address. */
async function clientFor(who: Who, playwright: PlaywrightWorkerArgs["playwright"], baseURL: string): Promise<APIRequestContext> {
  const headers = { ...TEST_CLIENT_HEADERS, Origin: new URL(baseURL).origin };
  if (who === "visiteur") return playwright.request.newContext({ baseURL, extraHTTPHeaders: headers });
  const state = await sessionOf(who, playwright, baseURL, headers);
  return playwright.request.newContext({ baseURL, extraHTTPHeaders: headers, storageState: state });
}

/**
 * One client per kind of person and worker, for the cases below: a client costs a third of a case's
 * time to open and close, and every case is refused, so none changes its cookies (a case that signed
 * its person out would make the next ones of that person fail, not pass).
 */
const clients = new Map<Who, Promise<APIRequestContext>>();

/** Runs `fn` with this worker's client of `who`. */
async function as<T>(who: Who, { playwright, baseURL }: { playwright: PlaywrightWorkerArgs["playwright"]; baseURL: string | undefined }, fn: (client: APIRequestContext) => Promise<T>): Promise<T> {
  let client = clients.get(who);
  if (!client) {
    client = clientFor(who, playwright, baseURL!);
    clients.set(who, client);
  }
  return fn(await client);
}

async function expectGet(client: APIRequestContext, path: string, expected: GetOutcome | "malformed", who: Who) {
  const response = await client.get(path, { maxRedirects: 0 });
  const status = response.status();
  const what = `GET ${label(path)} as ${who}`;
  expect(status, `${what}: never a 5xx`).toBeLessThan(500);
  if (typeof expected === "object") {
    expect(status, what).toBe(302);
    expect(response.headers()["location"] ?? "", `${what}: redirected`).toMatch(expected.to);
  } else if (expected === "connexion" || (expected === "malformed" && who === "visiteur" && status === 302)) {
    expect(status, what).toBe(302);
    expect(response.headers()["location"] ?? "", `${what}: sent to sign-in`).toMatch(/^\/connexion(\?|$)/);
  } else if (expected === "malformed") {
    expect([403, 404], `${what}: 404 (or 403), got ${status}`).toContain(status);
    await expectCleanHtml(response, what);
  } else {
    expect(status, what).toBe(expected);
    if (status !== 200) await expectCleanHtml(response, what);
  }
}

async function expectRefusedPost(
  client: APIRequestContext,
  path: string,
  form: Form,
  expected: "connexion" | number | number[] | undefined,
  tables: string[],
  what: string,
  who: Who,
) {
  // Mail and session rows only for the addresses this person and this form could cause: tests beside
  // this one sign in and send mail at the same time.
  const addresses = [...(who === "visiteur" ? [] : [ACCOUNTS[who]]), ...Object.values(form).flat().filter((v): v is string => typeof v === "string" && v.includes("@"))];
  const before = countRowsCausedBy(tables, addresses);
  const response = await client.post(path, {
    data: formBody(form),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    maxRedirects: 0,
  });
  const status = response.status();
  expect(status, `${what}: never a 5xx`).toBeLessThan(500);
  if (expected === "connexion") {
    expect(status, what).toBe(302);
    expect(response.headers()["location"] ?? "", `${what}: sent to sign-in`).toMatch(/^\/connexion(\?|$)/);
  } else {
    expect(statuses(expected), `${what}: expected ${JSON.stringify(expected ?? 400)}, got ${status}`).toContain(status);
    await expectCleanHtml(response, what);
  }
  expect(countRowsCausedBy(tables, addresses), `${what}: nothing stored`).toEqual(before);
}

function htmlEscaped(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
}

/** Fields a refused form does not echo as typed: secrets, and choices shown as a selected option. */
const NOT_ECHOED = new Set(["intent", "password", "territoryId", "memberUserId", "kind"]);

async function expectFieldMessage(client: APIRequestContext, path: string, { field, form }: NonNullable<PostSpec["fieldMessage"]>, what: string) {
  const response = await client.post(path, { form, maxRedirects: 0 });
  expect(response.status(), what).toBe(400);
  const html = (await response.text()).replace(/<script\b[\s\S]*?<\/script>/gi, " ");
  const message = new RegExp(`id="[\\w-]*-${field}-error"[^>]*>([^<]+)<`).exec(html)?.[1]?.trim();
  expect(message, `${what}: a message at the field`).toBeTruthy();
  expect(message, `${what}: in French`).toMatch(/[a-zàâçéèêëîïôûù]{2,}.*\s/);
  expect(message, `${what}: not a library's English`).not.toMatch(/\b(Invalid|Expected|Required|received)\b/);
  for (const [name, value] of Object.entries(form)) {
    if (!NOT_ECHOED.has(name)) expect(html, `${what}: keeps ${name}`).toContain(htmlEscaped(value));
  }
}

// ---------------------------------------------------------------------------
// The cases generated from a route's entry

type GeneratedCase = { name: string; form: Form; status?: number | number[] };

/** The generic corruptions of a route's form. */
function genericCases(spec: PostSpec): GeneratedCase[] {
  const cases: GeneratedCase[] = [];
  const { form, status } = spec;
  if (!spec.emptyIsValid) {
    // Without an intent, or with one the permission table does not list, the table refuses first (403).
    const orDenied = [...new Set([...statuses(status), 403])];
    cases.push({ name: "no body", form: {}, status: orDenied });
    cases.push({ name: "an unknown intent", form: { ...form, intent: "pirater" }, status: orDenied });
  }
  const fields = Object.keys(form).filter((f) => f !== "intent");
  if (fields.length > 0) {
    cases.push({ name: "missing fields", form: form.intent ? { intent: form.intent } : { [fields[0]!]: "" }, status });
    cases.push({ name: "every field sent twice", form: Object.fromEntries(Object.entries(form).map(([k, v]) => [k, k === "intent" ? v : [String(v), "autre"]])), status });
  }
  for (const field of spec.numbers ?? []) {
    cases.push({ name: `text in the number field ${field}`, form: { ...form, [field]: "douze" }, status });
    cases.push({ name: `a negative number in ${field}`, form: { ...form, [field]: "-1" }, status });
  }
  for (const field of spec.texts ?? []) {
    cases.push({ name: `100 kB in ${field}`, form: { ...form, [field]: HUGE }, status });
  }
  return cases;
}

/** The route's paths with one id replaced by a malformed one, or one slug by an unknown one. */
function malformedPaths(route: RouteSpec): string[] {
  const params = route.params ?? {};
  return [
    ...(route.ids ?? []).flatMap((p) => MALFORMED_IDS.map((v) => fill(route.path, { ...params, [p]: segment(v) }))),
    ...(route.slugs ?? []).flatMap((p) => UNKNOWN_SLUGS.map((v) => fill(route.path, { ...params, [p]: segment(v) }))),
  ];
}

function describeGet(expected: GetOutcome): string {
  return expected === "connexion" ? "/connexion" : typeof expected === "object" ? `a redirect to ${expected.to.source}` : String(expected);
}

function describeStatus(expected: "connexion" | number | number[] | undefined): string {
  return expected === "connexion" ? "/connexion" : statuses(expected).join(" or ");
}

test.describe.configure({ mode: "parallel" });

test.afterAll(() => {
  database?.close();
  database = undefined;
});

test("the table covers every route module in app/routes/", async () => {
  const modules = fs.readdirSync("app/routes").filter((f) => /\.(tsx?|jsx?)$/.test(f)).sort();
  expect(ROUTES.map((r) => r.module).sort()).toEqual(modules);
});

for (const route of ROUTES) {
  const validPath = fill(route.path, route.params ?? {});
  const malformed = malformedPaths(route);

  test.describe(`${route.module} (${route.path})`, () => {
    for (const [who, expected] of Object.entries(route.get) as [Who, GetOutcome][]) {
      test(`GET as ${who}: ${describeGet(expected)}`, async ({ playwright, baseURL }) => {
        await as(who, { playwright, baseURL }, (client) => expectGet(client, validPath, expected, who));
      });
      if (malformed.length === 0) continue;
      test(`GET ${malformed.length} malformed ids or unknown slugs as ${who}: 404${who === "visiteur" ? " or /connexion" : ""}, never a 5xx`, async ({ playwright, baseURL }) => {
        await as(who, { playwright, baseURL }, async (client) => {
          for (const path of malformed) await expectGet(client, path, "malformed", who);
        });
      });
    }

    const post = route.post;
    if (!post) return;
    const cases = genericCases(post);
    const visitorStatus = (c: GeneratedCase) => (post.visitor === "connexion" ? "connexion" : (c.status ?? post.visitor));

    for (const c of cases) {
      test(`POST ${c.name} as visiteur: ${describeStatus(visitorStatus(c))}, nothing stored`, async ({ playwright, baseURL }) => {
        await as("visiteur", { playwright, baseURL }, (client) =>
          expectRefusedPost(client, validPath, c.form, visitorStatus(c), post.tables, `POST ${validPath} (${c.name}) as visiteur`, "visiteur"),
        );
      });
    }
    if (route.ids) {
      test(`POST to ${malformed.length} malformed ids as visiteur: /connexion, 403 or 404`, async ({ playwright, baseURL }) => {
        await as("visiteur", { playwright, baseURL }, async (client) => {
          for (const path of malformed) {
            const response = await client.post(path, { form: post.form as Record<string, string>, maxRedirects: 0 });
            expect(response.status(), `POST ${label(path)} as visiteur`).toBeLessThan(500);
            expect([302, 403, 404], `POST ${label(path)} as visiteur`).toContain(response.status());
          }
        });
      });
    }

    for (const who of post.as) {
      for (const c of cases) {
        test(`POST ${c.name} as ${who}: ${describeStatus(c.status)}, nothing stored`, async ({ playwright, baseURL }) => {
          await as(who, { playwright, baseURL }, (client) =>
            expectRefusedPost(client, validPath, c.form, c.status, post.tables, `POST ${validPath} (${c.name}) as ${who}`, who),
          );
        });
      }
      if (route.ids) {
        test(`POST to ${malformed.length} malformed ids as ${who}: 404, nothing stored`, async ({ playwright, baseURL }) => {
          await as(who, { playwright, baseURL }, async (client) => {
            for (const path of malformed) {
              await expectRefusedPost(client, path, post.form, 404, post.tables, `POST ${label(path)} as ${who}`, who);
            }
          });
        });
      }
    }

    for (const refusal of post.refusals ?? []) {
      const path = refusal.path ?? validPath;
      test(`POST refused: ${refusal.name} (${refusal.as}${refusal.path ? `, ${refusal.path}` : ""}): ${describeStatus(refusal.status)}, nothing stored`, async ({ playwright, baseURL }) => {
        await as(refusal.as, { playwright, baseURL }, (client) =>
          expectRefusedPost(client, path, refusal.form, refusal.status, post.tables, `POST ${path} (${refusal.name}) as ${refusal.as}`, refusal.as),
        );
      });
    }

    const fieldMessage = post.fieldMessage;
    if (fieldMessage) {
      test(`POST a bad ${fieldMessage.field} as ${fieldMessage.as}: 400, a French message at that field, what was typed kept`, async ({ playwright, baseURL }) => {
        await as(fieldMessage.as, { playwright, baseURL }, (client) =>
          expectFieldMessage(client, validPath, fieldMessage, `POST ${validPath} with a bad ${fieldMessage.field} as ${fieldMessage.as}`),
        );
      });
    }
  });
}

// ---------------------------------------------------------------------------
// What holds for every route at once, and for the server in front of them

/** Route modules that export an action (read from the source, so the list cannot go stale). */
function modulesWithAction(): Set<string> {
  return new Set(
    fs.readdirSync("app/routes").filter((f) => /export (async )?function action\b/.test(fs.readFileSync(`app/routes/${f}`, "utf8"))),
  );
}

test("POST to every page without a form gets 405 with the French error page, as a visitor and signed in", async ({
  playwright,
  baseURL,
}) => {
  const withAction = modulesWithAction();
  const pages = ROUTES.filter((r) => !withAction.has(r.module));
  expect(pages.length).toBeGreaterThan(5);
  for (const who of ["visiteur", "porteur"] as const) {
    const client = await clientFor(who, playwright, baseURL!);
    try {
      for (const route of pages) {
        const path = fill(route.path, route.params ?? {});
        const response = await client.post(path, { form: { intent: "pirater" }, maxRedirects: 0 });
        const what = `POST ${path} (${route.module}) as ${who}`;
        expect(response.status(), what).toBe(405);
        // Resource routes (.ts: the communes API, calendars, feeds, CSV, images) are read by programs; every page answers with HTML.
        if (route.module.endsWith(".tsx")) await expectCleanHtml(response, what);
      }
    } finally {
      await client.dispose();
    }
  }
});

test("POST to every form from a foreign Origin gets 403 and stores nothing, even signed in", async ({ playwright, baseURL }) => {
  const withAction = modulesWithAction();
  const client = await clientFor("epargnant", playwright, baseURL!);
  try {
    for (const route of ROUTES.filter((r) => withAction.has(r.module))) {
      const path = fill(route.path, route.params ?? {});
      const tables = route.post?.tables ?? ["sessions"];
      const form = (route.post?.form ?? {}) as Record<string, string>;
      const addresses = [ACCOUNTS.epargnant, ...Object.values(form).flat().filter((v) => v.includes("@"))];
      const before = countRowsCausedBy(tables, addresses);
      const response = await client.post(path, { form, headers: { Origin: "https://evil.example" }, maxRedirects: 0 });
      expect(response.status(), `POST ${path} from a foreign Origin`).toBe(403);
      expect(countRowsCausedBy(tables, addresses), `POST ${path} from a foreign Origin: nothing stored`).toEqual(before);
    }
  } finally {
    await client.dispose();
  }
});

test("unknown URLs under every kind of route get the French 404 page, never a 5xx", async ({ request }) => {
  for (const path of ["/inconnu", "/projets/1/inconnu", "/clubs/2/inconnu", "/clubs/2/votes", "/poles/vals-de-saintonge/x", "/%00", "/projets/%ZZ"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), `GET ${path}`).toBeLessThan(500);
    expect([400, 404], `GET ${path}`).toContain(response.status());
    await expectCleanHtml(response, `GET ${path}`);
  }
});

/**
 * Sends a POST whose body is only partly written when the answer comes back
 * (as a browser still uploading a long form), then the rest, then a GET on the
 * same connection: the statuses read, or the socket error met.
 */
async function postSlowlyThenGet(baseURL: string, path: string, headers: Record<string, string>): Promise<string[]> {
  const net = await import("node:net");
  const url = new URL(baseURL);
  const body = `intent=x&texte=${"x".repeat(200 * 1024)}`;
  return new Promise((resolve) => {
    const socket = net.connect(Number(url.port), url.hostname);
    let received = "";
    const statuses = () => [...received.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => m[1]!);
    socket.on("data", (chunk) => (received += chunk.toString("latin1")));
    socket.on("error", (error: NodeJS.ErrnoException) => resolve([...statuses(), error.code ?? "error"]));
    socket.on("close", () => resolve(statuses()));
    const extra = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join("");
    socket.write(
      `POST ${path} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/x-www-form-urlencoded\r\n${extra}Content-Length: ${body.length}\r\n\r\n${body.slice(0, 1000)}`,
    );
    const waitForAnswer = setInterval(() => {
      if (!received.includes("\r\n\r\n")) return;
      clearInterval(waitForAnswer);
      socket.write(body.slice(1000), () => {
        socket.write(`GET /poles HTTP/1.1\r\nHost: ${url.host}\r\nConnection: close\r\n\r\n`);
      });
    }, 20);
  });
}

test("a POST answered before its 200 kB body is read (visitor sent to /connexion, foreign Origin refused) keeps the connection usable instead of resetting it", async ({ baseURL }) => {
  expect(await postSlowlyThenGet(baseURL!, "/projets/nouveau", TEST_CLIENT_HEADERS)).toEqual(["302", "200"]);
  expect(await postSlowlyThenGet(baseURL!, "/inscription", { ...TEST_CLIENT_HEADERS, Origin: "https://evil.example" })).toEqual(["403", "200"]);
});

test("a POST over 1 MB gets 413 with a French page before any form reads it, nothing stored", async ({ playwright, baseURL }) => {
  const client = await clientFor("epargnant", playwright, baseURL!);
  try {
    const before = countRows(["tontines"]);
    const response = await client.post("/tontines", {
      data: formBody({ intent: "create", name: "Tontine", description: "x".repeat(2 * 1024 * 1024) }),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(413);
    await expectCleanHtml(response, "POST /tontines of 2 MB");
    expect(visibleText(await response.text())).toContain("dépasse 1 Mo");
    expect(countRows(["tontines"])).toEqual(before);
  } finally {
    await client.dispose();
  }
});

test("POST /deconnexion from a foreign Origin is refused with 403 and the session survives", async ({ playwright, baseURL }) => {
  const client = await clientFor("porteur", playwright, baseURL!);
  try {
    const response = await client.post("/deconnexion", { headers: { Origin: "https://evil.example" }, maxRedirects: 0 });
    expect(response.status()).toBe(403);
    expect((await client.get("/espace", { maxRedirects: 0 })).status()).toBe(200);
  } finally {
    await client.dispose();
  }
});

/** Whether a route module draws a page (a default export), or only answers (a resource route). */
function hasPage(module: string): boolean {
  return /^export default function\b/m.test(fs.readFileSync(`app/routes/${module}`, "utf8"));
}

/**
 * Bodies that are no form at all: each must get 400 and the French page from every action, never a 500.
 * Each names an address, so a row stored from what was read of it would be counted.
 */
const UNREADABLE_ADDRESS = "corps-illisible@example.test";
const UNREADABLE_BODIES = [
  {
    name: "a multipart body cut short",
    contentType: "multipart/form-data; boundary=maillon-coupe",
    body: `--maillon-coupe\r\nContent-Disposition: form-data; name="intent"\r\n\r\ncreate\r\n--maillon-coupe\r\nContent-Disposition: form-data; name="email"\r\n\r\n${UNREADABLE_ADDRESS}\r\n--maillon-coupe\r\nContent-Disposition: form-data; name="title"\r\n\r\nDébut du tex`,
  },
  { name: "multipart/form-data without a boundary", contentType: "multipart/form-data", body: `intent=create&title=x&email=${UNREADABLE_ADDRESS}` },
  { name: "{bad sent as application/json", contentType: "application/json", body: `{bad "email": "${UNREADABLE_ADDRESS}"` },
] as const;

test("an unreadable body (multipart cut short, multipart without boundary, {bad as JSON) to every form gets 400 with the French page, or /connexion for a visitor, nothing stored", async ({
  playwright,
  baseURL,
}) => {
  const withAction = modulesWithAction();
  const routes = ROUTES.filter((r) => withAction.has(r.module));
  expect(routes.length).toBeGreaterThan(40);
  const clients = new Map<Who, APIRequestContext>();
  try {
    for (const route of routes) {
      const path = fill(route.path, route.params ?? {});
      const tables = route.post?.tables ?? [];
      const people: Who[] = ["visiteur", route.post?.as[0] ?? "porteur"];
      for (const who of people) {
        if (!clients.has(who)) clients.set(who, await clientFor(who, playwright, baseURL!));
        const client = clients.get(who)!;
        for (const bad of UNREADABLE_BODIES) {
          const what = `POST ${path} (${route.module}) with ${bad.name} as ${who}`;
          // Account, mail and session rows only for this person and the address in the body: tests beside
          // this one sign up and sign in at the same time.
          const addresses = [...(who === "visiteur" ? [] : [ACCOUNTS[who]]), UNREADABLE_ADDRESS];
          const before = countRowsCausedBy(tables, addresses);
          const response = await client.post(path, { data: bad.body, headers: { "Content-Type": bad.contentType }, maxRedirects: 0 });
          const status = response.status();
          expect(status, `${what}: never a 5xx`).toBeLessThan(500);
          if (who === "visiteur" && status === 302) {
            expect(response.headers()["location"] ?? "", `${what}: sent to sign-in`).toMatch(/^\/connexion(\?|$)/);
          } else {
            expect(status, what).toBe(400);
            if (hasPage(route.module)) {
              await expectCleanHtml(response, what);
              expect(visibleText(await response.text()), what).toContain("Le formulaire envoyé n");
            } else {
              // A module without a page (sign-out: an action and a redirect) answers with the message alone.
              expect(await response.json(), what).toEqual({ message: expect.stringContaining("Le formulaire envoyé n'a pas pu être lu") });
            }
          }
          expect(countRowsCausedBy(tables, addresses), `${what}: nothing stored`).toEqual(before);
        }
      }
    }
  } finally {
    for (const client of clients.values()) await client.dispose();
  }
});
