/**
 * Security rules checked over real HTTP (Playwright's APIRequestContext): the
 * sign-in limits, the origin check on writes, server-side sign-up validation,
 * sessions ended by a password change, and the session cookie's attributes.
 * Forms are posted as a browser without JavaScript would (urlencoded, document
 * requests). Clients send the test address exempt from the sign-in limit
 * (fixtures.ts), except in the tests of that limit, which draw addresses of their own.
 */
import type { APIRequestContext, APIResponse } from "@playwright/test";
import Database from "better-sqlite3";
import {
  COMMUNE_LABEL,
  DEMO_PASSWORD,
  E2E_DATABASE,
  expect,
  signUpLink,
  signUpOverHttp as signUpThroughMail,
  STRONG_PASSWORD,
  test,
  TEST_CLIENT_HEADERS,
  uniqueEmail,
} from "./fixtures";
import { listeningPid, peakRss, rawRequest, streamedPost } from "./http-client";

const PAIR_REFUSED =
  "Trop de tentatives pour ce compte depuis votre connexion : réessayez dans 15 minutes, ou choisissez un nouveau mot de passe par « Mot de passe oublié ? ».";
const ADDRESS_REFUSED = "Trop de tentatives de connexion depuis votre réseau : réessayez dans 15 minutes.";
const WRONG_CREDENTIALS = "Adresse e-mail ou mot de passe incorrect.";
const FOREIGN_ORIGIN = "https://evil.example";
const SESSION_COOKIE = "maillon_session"; // COOKIE_SECURE=0 in the e2e server: no __Host- prefix

type Form = Record<string, string>;

function post(client: APIRequestContext, path: string, form: Form, headers?: Record<string, string>) {
  return client.post(path, { form, headers, maxRedirects: 0 });
}

function get(client: APIRequestContext, path: string) {
  return client.get(path, { maxRedirects: 0 });
}

function signUpForm(overrides: Partial<Form> = {}): Form {
  return {
    email: uniqueEmail(),
    displayName: "Personne Sécurité",
    password: STRONG_PASSWORD,
    commune: COMMUNE_LABEL,
    roles: "porteur",
    ...overrides,
  };
}

/** Signs a new person up through POST /inscription and the link it mails; the client keeps the session cookie. */
async function signUpOverHttp(client: APIRequestContext, overrides: Partial<Form> = {}): Promise<Form> {
  const form = signUpForm(overrides);
  const response = await signUpThroughMail(client, form);
  expect(response.status(), await bodyIfNotRedirect(response)).toBe(302);
  expect(response.headers()["location"]).toBe("/espace");
  expect(flashCookieHeader(response)).toBeDefined();
  return form;
}

async function bodyIfNotRedirect(response: APIResponse): Promise<string> {
  return response.status() === 302 ? "" : renderedText(await response.text()).slice(0, 2000);
}

function decodeEntities(html: string): string {
  return html
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&");
}

/** The text a person reads: scripts (where Remix also serialises its data) removed, tags dropped. */
function renderedText(html: string): string {
  return decodeEntities(
    html
      .replace(/<script\b[\s\S]*?<\/script>/gi, " ")
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " "),
  );
}

/** Text of the element with this id (a field's error paragraph), or null. */
function elementText(html: string, id: string): string | null {
  const match = new RegExp(`<(p|div)\\b[^>]*\\bid="${id}"[^>]*>([\\s\\S]*?)</\\1>`).exec(html);
  return match ? renderedText(match[2]!).trim() : null;
}

/** Text of the form-level alert (wrong password, too many attempts), or null. */
function alertText(html: string): string | null {
  const match = /<div\b[^>]*role="alert"[^>]*>([\s\S]*?)<\/div>/.exec(html);
  return match ? renderedText(match[1]!).trim() : null;
}

/** The signed message shown once by the next page, never a flag in the URL. */
function flashCookieHeader(response: APIResponse): string | undefined {
  return response
    .headersArray()
    .filter((h) => h.name.toLowerCase() === "set-cookie")
    .map((h) => h.value)
    .find((v) => /^maillon_flash=[^;]+\.[^;]+;.*HttpOnly/.test(v));
}

function sessionCookieHeader(response: APIResponse): string | undefined {
  return response
    .headersArray()
    .filter((h) => h.name.toLowerCase() === "set-cookie")
    .map((h) => h.value)
    .find((v) => v.startsWith(`${SESSION_COOKIE}=`));
}

async function expectSignedIn(client: APIRequestContext) {
  const response = await get(client, "/espace");
  expect(response.status(), "GET /espace of a signed-in client").toBe(200);
}

async function expectSignedOut(client: APIRequestContext) {
  const response = await get(client, "/espace");
  expect(response.status(), "GET /espace of a signed-out client").toBe(302);
  expect(response.headers()["location"]).toBe("/connexion?redirectTo=%2Fespace");
}

test.describe("limite des tentatives de connexion", () => {
  test("5 failures from one address refuse that address for the account with 429 and Retry-After, while the owner signs in from another after at most the delay announced", async ({
    request,
    newClient,
    newClientAddress,
  }) => {
    const account = await signUpOverHttp(await newClient());
    const attacker = { "X-Forwarded-For": newClientAddress() };

    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const response = await post(request, "/connexion", { email: account.email!, password: `mauvais-mot-de-passe-${attempt}` }, attacker);
      const html = await response.text();
      expect(response.status(), `attempt ${attempt}`).toBe(400);
      expect(alertText(html)).toBe(WRONG_CREDENTIALS);
      expect(sessionCookieHeader(response)).toBeUndefined();
    }

    // Even with the right password, that address is refused for this account.
    const sixth = await post(request, "/connexion", { email: account.email!, password: account.password! }, attacker);
    const html = await sixth.text();
    expect(sixth.status()).toBe(429);
    expect(alertText(html)).toBe(PAIR_REFUSED);
    expect(Number(sixth.headers()["retry-after"])).toBeGreaterThan(800);
    expect(html).toContain('<html lang="fr-FR"');
    expect(sessionCookieHeader(sixth)).toBeUndefined();

    // The owner, from another address: not locked out; at most told to wait the account's delay.
    const owner = await newClient({ address: newClientAddress() });
    let signedIn = await post(owner, "/connexion", { email: account.email!, password: account.password! });
    if (signedIn.status() === 429) {
      expect(alertText(await signedIn.text())).toBe("Trop de tentatives : réessayez dans 1 seconde.");
      expect(signedIn.headers()["retry-after"]).toBe("1");
      await new Promise((resolve) => setTimeout(resolve, 1000));
      signedIn = await post(owner, "/connexion", { email: account.email!, password: account.password! });
    }
    expect(signedIn.status(), await bodyIfNotRedirect(signedIn)).toBe(302);
    expect(signedIn.headers()["location"]).toBe("/espace");
    await expectSignedIn(owner);
  });

  test("after 20 failures on 20 different e-mails from one address, that address gets 429 while another address is still served", async ({
    newClient,
    newClientAddress,
  }) => {
    const account = await signUpOverHttp(await newClient());
    const request = await newClient({ address: newClientAddress() });

    for (let attempt = 1; attempt <= 20; attempt += 1) {
      const response = await post(request, "/connexion", { email: uniqueEmail(), password: "n-importe-quoi-123" });
      expect(response.status(), `attempt ${attempt}`).toBe(400);
      expect(alertText(await response.text())).toBe(WRONG_CREDENTIALS);
    }

    // Same address, another e-mail (with its right password): refused.
    const blocked = await post(request, "/connexion", { email: account.email!, password: account.password! });
    expect(blocked.status()).toBe(429);
    expect(alertText(await blocked.text())).toBe(ADDRESS_REFUSED);
    expect(blocked.headers()["retry-after"]).toBeDefined();
    expect(sessionCookieHeader(blocked)).toBeUndefined();

    // Another address, same e-mail and password: served and signed in.
    const other = await newClient({ address: newClientAddress() });
    const served = await post(other, "/connexion", { email: account.email!, password: account.password! });
    expect(served.status(), await bodyIfNotRedirect(served)).toBe(302);
    expect(served.headers()["location"]).toBe("/espace");
    expect(sessionCookieHeader(served)).toBeDefined();
    await expectSignedIn(other);
  });
});

test.describe("adresse du client derrière le proxy", () => {
  // Behind one reverse proxy the client address is the right-most X-Forwarded-For entry (the one
  // the proxy appended); entries to its left are written by the client and must not count.
  test("a client cannot dodge the per-address limit by writing its own X-Forwarded-For entries", async ({
    request,
    newClientAddress,
  }) => {
    const clientAddress = newClientAddress();
    for (let attempt = 1; attempt <= 20; attempt += 1) {
      const response = await post(
        request,
        "/connexion",
        { email: uniqueEmail(), password: "n-importe-quoi-123" },
        // What the proxy forwards when the client sent "X-Forwarded-For: 198.51.100.<n>" itself.
        { "X-Forwarded-For": `198.51.100.${attempt}, ${clientAddress}` },
      );
      expect(response.status(), `attempt ${attempt}`).toBe(400);
    }
    const next = await post(
      request,
      "/connexion",
      { email: uniqueEmail(), password: "n-importe-quoi-123" },
      { "X-Forwarded-For": `198.51.100.21, ${clientAddress}` },
    );
    expect(next.status()).toBe(429);
  });
});

test.describe("origine des requêtes", () => {
  test("a sign-up POST from a foreign Origin gets 403 and creates no account, the same POST from this site works", async ({
    request,
    db,
    siteOrigin,
  }) => {
    const form = signUpForm();
    const refused = await post(request, "/inscription", form, { Origin: FOREIGN_ORIGIN });
    expect(refused.status()).toBe(403);
    expect(await refused.text()).toBe("Requête refusée : elle ne vient pas de ce site.");
    expect(sessionCookieHeader(refused)).toBeUndefined();
    expect(db.countUsersByEmail(form.email!)).toBe(0);

    // Control: the very same form from this site's origin goes through, and its link opens the account.
    const since = Date.now();
    const accepted = await post(request, "/inscription", form, { Origin: siteOrigin });
    expect(accepted.status(), await bodyIfNotRedirect(accepted)).toBe(200);
    expect(renderedText(await accepted.text())).toContain("Vérifiez votre boîte de réception");
    const confirmed = await post(request, await signUpLink(form.email!, since), {}, { Origin: siteOrigin });
    expect(confirmed.status()).toBe(302);
    expect(db.countUsersByEmail(form.email!)).toBe(1);
  });

  test("a sign-in POST from a foreign Origin gets 403 and opens no session", async ({ request, db, newClient }) => {
    const account = await signUpOverHttp(await newClient());
    const sessionsBefore = db.countSessionsByEmail(account.email!);

    const refused = await post(
      request,
      "/connexion",
      { email: account.email!, password: account.password! },
      { Origin: FOREIGN_ORIGIN },
    );
    expect(refused.status()).toBe(403);
    expect(sessionCookieHeader(refused)).toBeUndefined();
    expect(db.countSessionsByEmail(account.email!)).toBe(sessionsBefore);
    await expectSignedOut(request);

    // A cross-site form without Origin (old browsers) is refused on Sec-Fetch-Site.
    const crossSite = await post(
      request,
      "/connexion",
      { email: account.email!, password: account.password! },
      { "Sec-Fetch-Site": "cross-site" },
    );
    expect(crossSite.status()).toBe(403);
    expect(db.countSessionsByEmail(account.email!)).toBe(sessionsBefore);
  });

  test("a sign-out POST from a foreign Origin gets 403 and leaves the session open", async ({ request, db }) => {
    const account = await signUpOverHttp(request);
    await expectSignedIn(request);

    const refused = await post(request, "/deconnexion", {}, { Origin: FOREIGN_ORIGIN });
    expect(refused.status()).toBe(403);
    expect(sessionCookieHeader(refused)).toBeUndefined();
    expect(db.countSessionsByEmail(account.email!)).toBe(1);
    await expectSignedIn(request);

    // Control: from this site, sign-out ends the session.
    const signedOut = await post(request, "/deconnexion", {});
    expect(signedOut.status()).toBe(302);
    expect(db.countSessionsByEmail(account.email!)).toBe(0);
    await expectSignedOut(request);
  });
});

test.describe("origine attendue, tirée de la configuration", () => {
  test("a POST naming another host in Host and Origin gets 403: the expected origin is PUBLIC_URL, not the Host header", async ({
    baseURL,
    db,
  }) => {
    const email = uniqueEmail();
    const body = new URLSearchParams(signUpForm({ email })).toString();
    const answer = await rawRequest(baseURL!, {
      method: "POST",
      path: "/inscription",
      headers: {
        Host: "evil.example",
        Origin: "http://evil.example",
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": String(Buffer.byteLength(body)),
        ...TEST_CLIENT_HEADERS,
      },
      body,
    });
    expect(answer.status).toBe(403);
    expect(answer.body).toBe("Requête refusée : elle ne vient pas de ce site.");
    expect(db.countUsersByEmail(email)).toBe(0);
  });
});

test.describe("origine attendue, derrière un proxy qui réécrit Host", () => {
  test("a sign-in from this site's Origin goes through even when Host names another address (a proxy rewriting it), never a 500", async ({
    baseURL,
    siteOrigin,
  }) => {
    const body = new URLSearchParams({ email: "benevole@exemple.fr", password: DEMO_PASSWORD }).toString();
    const answer = await rawRequest(baseURL!, {
      method: "POST",
      path: "/connexion",
      headers: {
        Host: "backend.internal:8080",
        Origin: siteOrigin,
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": String(Buffer.byteLength(body)),
        ...TEST_CLIENT_HEADERS,
      },
      body,
    });
    expect(answer.status, answer.body.slice(0, 300)).toBe(302);
    expect(answer.headers["location"]).toBe("/espace");
  });
});

test.describe("limite de taille des envois", () => {
  const MB = 1024 * 1024;
  const formHeaders = { "Content-Type": "application/x-www-form-urlencoded", ...TEST_CLIENT_HEADERS };

  test("a 3 MB POST to /connexion gets 413 and the French page, chunked without Content-Length as well as announced", async ({ baseURL }) => {
    for (const contentLength of [false, true]) {
      const what = contentLength ? "3 MB with Content-Length" : "3 MB chunked";
      const answer = await streamedPost(baseURL!, { path: "/connexion", headers: formHeaders, total: 3 * MB, contentLength });
      expect(answer.status, what).toBe(413);
      expect(answer.headers["content-type"], what).toContain("text/html");
      expect(renderedText(answer.body), what).toContain("Envoi trop volumineux Ce que vous avez envoyé dépasse 1 Mo.");
      expect(answer.body, what).toContain('<html lang="fr-FR">');
    }
  });

  test("a chunked body is cut as it arrives: answered 413 long before a 40 MB upload is over, the connection then closed, the server's memory flat", async ({
    baseURL,
  }) => {
    const upload = () => streamedPost(baseURL!, { path: "/connexion", headers: formHeaders, total: 40 * MB, chunkSize: 256 * 1024 });
    const pid = listeningPid(Number(new URL(baseURL!).port));
    const answers = [];
    let memory = "";
    for (let i = 0; i < 3; i += 1) {
      if (pid === null) {
        answers.push(await upload());
        continue;
      }
      // Reading the 40 MB into a form would add at least 40 MB to the server's memory while it runs.
      const { result, beforeKb, peakKb } = await peakRss(pid, upload);
      answers.push(result);
      memory += `${beforeKb} → peak ${peakKb} kB; `;
      expect(peakKb - beforeKb, `server RSS growth during a 40 MB upload (kB): ${memory}`).toBeLessThan(20 * 1024);
    }
    test.info().annotations.push({ type: "server RSS during 3 × 40 MB chunked", description: memory || "not measured (no /proc)" });
    for (const answer of answers) {
      expect(answer.status).toBe(413);
      expect(renderedText(answer.body)).toContain("dépasse 1 Mo");
      expect(answer.sentWhenAnswered, "answered long before the body's end").toBeLessThan(20 * MB);
      expect(answer.upload, "the server stops reading, then closes the connection").not.toBe("finished");
      expect(answer.sent).toBeLessThan(40 * MB);
    }
  });
});

test.describe("en-têtes de sécurité et de cache", () => {
  function policyOf(response: APIResponse): Map<string, string[]> {
    const header = response.headers()["content-security-policy"] ?? "";
    return new Map(header.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
  }

  test("every page carries a Content-Security-Policy whose nonce, its own, is on each of its scripts, and no 'unsafe-inline'", async ({ request }) => {
    const nonces = new Set<string>();
    for (const path of ["/", "/projets", "/connexion", "/poles/vals-de-saintonge"]) {
      const response = await get(request, path);
      expect(response.status(), path).toBe(200);
      const policy = policyOf(response);
      const nonce = /^'nonce-([A-Za-z0-9+/=]+)'$/.exec(policy.get("script-src")?.[1] ?? "")?.[1];
      expect(policy.get("script-src"), path).toEqual(["'self'", `'nonce-${nonce}'`]);
      expect(policy.get("style-src"), path).toEqual(["'self'"]);
      expect(policy.get("object-src"), path).toEqual(["'none'"]);
      expect(policy.get("frame-ancestors"), path).toEqual(["'none'"]);
      expect(response.headers()["content-security-policy"], path).not.toContain("unsafe");
      const html = await response.text();
      const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!).filter((attributes) => !attributes.includes("application/ld+json"));
      expect(scripts.length, `${path}: Remix's scripts`).toBeGreaterThan(1);
      for (const attributes of scripts) expect(attributes, path).toContain(`nonce="${nonce}"`);
      expect(html, `${path}: no inline style`).not.toMatch(/<[^>]+\sstyle=/);
      nonces.add(nonce!);
    }
    expect(nonces.size).toBe(4);
  });

  test("the answers server.js gives itself (403, 413, 400) carry the policy and the security headers too", async ({ request }) => {
    const refused = await post(request, "/connexion", { email: "a@exemple.fr", password: "x" }, { Origin: FOREIGN_ORIGIN });
    const tooLarge = await request.post("/connexion", { data: "x".repeat(1024 * 1024 + 1), headers: { "Content-Type": "text/plain" }, maxRedirects: 0 });
    const badUrl = await get(request, "/projets/%ZZ");
    for (const [response, status] of [[refused, 403], [tooLarge, 413], [badUrl, 400]] as const) {
      expect(response.status()).toBe(status);
      expect(policyOf(response).get("default-src"), String(status)).toEqual(["'self'"]);
      expect(response.headers()["x-content-type-options"], String(status)).toBe("nosniff");
    }
  });

  test("Strict-Transport-Security is sent when the request came over HTTPS through the proxy, not over plain http", async ({ request }) => {
    expect((await get(request, "/")).headers()["strict-transport-security"]).toBeUndefined();
    const overHttps = await request.get("/", { headers: { "X-Forwarded-Proto": "https" }, maxRedirects: 0 });
    expect(overHttps.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  });

  test("pages, data requests and redirects of a signed-in person, and every answer that sets a cookie, are private, no-store; a visitor's pages are not", async ({ request, newClient }) => {
    for (const path of ["/", "/projets", "/poles"]) {
      expect((await get(request, path)).headers()["cache-control"] ?? "", `${path} as a visitor`).not.toContain("no-store");
    }
    const signIn = await post(request, "/connexion", { email: "benevole@exemple.fr", password: DEMO_PASSWORD });
    expect(signIn.status(), await bodyIfNotRedirect(signIn)).toBe(302);
    expect(sessionCookieHeader(signIn)).toBeDefined();
    expect(signIn.headers()["cache-control"], "the sign-in answer, which sets the session cookie").toBe("private, no-store");
    for (const path of ["/", "/projets", "/espace", "/compte.data", "/_root.data", "/connexion"]) {
      const response = await get(request, path);
      expect(response.status(), path).toBeLessThan(400);
      expect(response.headers()["cache-control"], `${path} signed in`).toBe("private, no-store");
    }
    // The sign-out, which clears the cookie, is private as well.
    const signedOut = await post(request, "/deconnexion", {});
    expect(sessionCookieHeader(signedOut)).toBeDefined();
    expect(signedOut.headers()["cache-control"]).toBe("private, no-store");
    // Static files stay cacheable for everyone.
    const visitor = await newClient();
    const page = await (await get(visitor, "/")).text();
    const asset = /<link rel="stylesheet" href="(\/assets\/[^"]+\.css)"/.exec(page)?.[1];
    expect(asset).toBeDefined();
    expect((await get(request, asset!)).headers()["cache-control"]).toContain("immutable");
  });
});

test.describe("inscription refusée par le serveur", () => {
  const cases = [
    {
      name: "a password shorter than 12 characters",
      form: () => signUpForm({ password: "court-11car" }),
      field: "password",
      message: "Le mot de passe doit compter au moins 12 caractères.",
      expectedCount: 0,
    },
    {
      name: "a common password (« azertyuiop123 »)",
      form: () => signUpForm({ password: "azertyuiop123" }),
      field: "password",
      message:
        "Ce mot de passe figure parmi les plus courants : choisissez-en un autre, par exemple une phrase de plusieurs mots.",
      expectedCount: 0,
    },
    {
      name: "a malformed e-mail",
      form: () => signUpForm({ email: "prenom.nom.exemple.fr" }),
      field: "email",
      message: "Cette adresse e-mail n'est pas valide (exemple : prenom.nom@exemple.fr).",
      expectedCount: 0,
    },
  ] as const;

  for (const c of cases) {
    test(`sign-up with ${c.name} gets 400, a French error next to the field and no new account`, async ({
      request,
      db,
    }) => {
      const form = c.form();
      expect(db.countUsersByEmail(form.email!)).toBe(c.expectedCount);

      const response = await post(request, "/inscription", form);
      const html = await response.text();
      expect(response.status()).toBe(400);
      expect(elementText(html, `inscription-${c.field}-error`)).toBe(c.message);
      // The field points at its error, and the password never comes back in the page.
      expect(html).toMatch(new RegExp(`<input[^>]*id="inscription-${c.field}"[^>]*aria-invalid="true"`));
      expect(html).not.toContain(form.password!);
      expect(sessionCookieHeader(response)).toBeUndefined();
      expect(db.countUsersByEmail(form.email!)).toBe(c.expectedCount);
    });
  }
});

test.describe("sessions", () => {
  test("changing the password ends the other sessions and keeps the one that changed it", async ({ newClient, db }) => {
    const first = await newClient();
    const second = await newClient();
    const account = await signUpOverHttp(first);
    const signedIn = await post(second, "/connexion", { email: account.email!, password: account.password! });
    expect(signedIn.status(), await bodyIfNotRedirect(signedIn)).toBe(302);
    await expectSignedIn(first);
    await expectSignedIn(second);
    expect(db.countSessionsByEmail(account.email!)).toBe(2);

    const newPassword = "lanterne-bocage-velo-2027";
    const changed = await post(first, "/compte", {
      intent: "password",
      currentPassword: account.password!,
      newPassword,
      confirmPassword: newPassword,
    });
    expect(changed.status(), await bodyIfNotRedirect(changed)).toBe(302);
    expect(changed.headers()["location"]).toBe("/compte");
    expect(flashCookieHeader(changed)).toBeDefined();
    expect(sessionCookieHeader(changed)).toBeDefined();

    await expectSignedOut(second);
    await expectSignedIn(first);
    expect(db.countSessionsByEmail(account.email!)).toBe(1);

    // The old password is gone, the new one works.
    const third = await newClient();
    const withOld = await post(third, "/connexion", { email: account.email!, password: account.password! });
    expect(withOld.status()).toBe(400);
    const withNew = await post(third, "/connexion", { email: account.email!, password: newPassword });
    expect(withNew.status(), await bodyIfNotRedirect(withNew)).toBe(302);
  });

  test("a password change with a wrong current password is refused and ends no session", async ({ newClient, db }) => {
    const first = await newClient();
    const second = await newClient();
    const account = await signUpOverHttp(first);
    expect((await post(second, "/connexion", { email: account.email!, password: account.password! })).status()).toBe(302);

    const newPassword = "lanterne-bocage-velo-2027";
    const refused = await post(first, "/compte", {
      intent: "password",
      currentPassword: "pas-le-mot-de-passe-actuel",
      newPassword,
      confirmPassword: newPassword,
    });
    expect(refused.status()).toBe(400);
    expect(elementText(await refused.text(), "mot-de-passe-currentPassword-error")).toBe("Mot de passe actuel incorrect.");
    await expectSignedIn(first);
    await expectSignedIn(second);
    expect(db.countSessionsByEmail(account.email!)).toBe(2);
  });

  test("GET /deconnexion changes nothing: it goes home and the person is still signed in", async ({ request, db }) => {
    const account = await signUpOverHttp(request);
    const response = await get(request, "/deconnexion");
    expect(response.status()).toBe(302);
    expect(response.headers()["location"]).toBe("/");
    expect(sessionCookieHeader(response)).toBeUndefined();
    expect(db.countSessionsByEmail(account.email!)).toBe(1);
    await expectSignedIn(request);
  });

  test("the session cookie is HttpOnly and SameSite=Lax, on the whole site", async ({ request }) => {
    const response = await post(request, "/connexion", { email: "benevole@exemple.fr", password: DEMO_PASSWORD });
    expect(response.status(), await bodyIfNotRedirect(response)).toBe(302);
    const header = sessionCookieHeader(response);
    expect(header, "Set-Cookie for the session").toBeDefined();
    const attributes = header!.split(";").slice(1).map((a) => a.trim().toLowerCase());
    expect(attributes).toContain("httponly");
    expect(attributes).toContain("samesite=lax");
    expect(attributes).toContain("path=/");
    expect(attributes.some((a) => a.startsWith("domain="))).toBe(false);

    const cookie = (await request.storageState()).cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(cookie!.value).toMatch(/^[a-z2-7]{24}\.[a-z2-7]{24}$/);
  });

  test("the server sends the cookie again whenever it extends the session, documents and data requests alike, never past 30 days", async ({ request }) => {
    const signedIn = await post(request, "/connexion", { email: "animation.sambre@exemple.fr", password: DEMO_PASSWORD });
    expect(signedIn.status(), await bodyIfNotRedirect(signedIn)).toBe(302);
    expect(maxAge(sessionCookieHeader(signedIn))).toBe(10 * DAY_S);
    const token = (await request.storageState()).cookies.find((c) => c.name === SESSION_COOKIE)!.value;
    const sessionId = token.split(".")[0]!;

    // Opened 25 days ago, last seen 2 days ago: the next request extends it, to the 30-day limit only.
    backdate(sessionId, { openedDaysAgo: 25, seenHoursAgo: 48 });
    const page = await get(request, "/espace");
    expect(page.status()).toBe(200);
    const refreshed = sessionCookieHeader(page);
    expect(refreshed, "Set-Cookie on the page that extended the session").toBeDefined();
    expect(refreshed!.startsWith(`${SESSION_COOKIE}=${token};`)).toBe(true);
    expect(refreshed!.split(";").slice(1).map((a) => a.trim()).sort()).toEqual(["HttpOnly", `Max-Age=${maxAge(refreshed)}`, "Path=/", "SameSite=Lax"]);
    expect(maxAge(refreshed)).toBeGreaterThan(5 * DAY_S - 120);
    expect(maxAge(refreshed)).toBeLessThanOrEqual(5 * DAY_S);
    const kept = (await request.storageState()).cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(kept.expires * 1000).toBeLessThanOrEqual(Date.now() + 5 * DAY_S * 1000 + 1000);

    // Extended a moment ago: the next page sends nothing.
    expect(sessionCookieHeader(await get(request, "/espace"))).toBeUndefined();

    // A navigation's data request (single fetch) extends it too: ten days from now.
    backdate(sessionId, { openedDaysAgo: 3, seenHoursAgo: 2 });
    const data = await get(request, "/compte.data");
    expect(data.status()).toBe(200);
    expect(maxAge(sessionCookieHeader(data))).toBeGreaterThan(10 * DAY_S - 120);
    expect(maxAge(sessionCookieHeader(data))).toBeLessThanOrEqual(10 * DAY_S);

    // So does a redirect (a signed-in person sent away from /connexion).
    backdate(sessionId, { openedDaysAgo: 3, seenHoursAgo: 2 });
    const away = await get(request, "/connexion");
    expect(away.status()).toBe(302);
    expect(maxAge(sessionCookieHeader(away))).toBeGreaterThan(10 * DAY_S - 120);
  });
});

const DAY_S = 86_400;

function maxAge(header: string | undefined): number {
  return Number(/;\s*Max-Age=(\d+)/i.exec(header ?? "")?.[1] ?? NaN);
}

/** Moves a session back in time in the server's database (the clock cannot be moved from here). */
function backdate(sessionId: string, { openedDaysAgo, seenHoursAgo }: { openedDaysAgo: number; seenHoursAgo: number }) {
  const db = new Database(process.env.E2E_DATABASE ?? E2E_DATABASE, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    const now = Date.now();
    const changed = db
      .prepare("UPDATE sessions SET created_at = ?, last_verified_at = ? WHERE id = ?")
      .run(now - openedDaysAgo * DAY_S * 1000, now - seenHoursAgo * 3_600_000, sessionId).changes;
    expect(changed).toBe(1);
  } finally {
    db.close();
  }
}
