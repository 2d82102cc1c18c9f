import fs from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import zlib from "node:zlib";
import Database from "better-sqlite3";
import compression from "compression";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCookieHeader } from "./cookies.js";
import { createPageCache, pageCacheKey } from "./page-cache.js";

const names = { sessionCookieNames: ["maillon_session"], flashCookieNames: ["maillon_flash"] };
const key = (method: string, url: string, cookie?: string, acceptLanguage?: string) =>
  pageCacheKey({ method, url, cookies: parseCookieHeader(cookie), acceptLanguage }, names);

describe("which requests the page cache may answer", () => {
  it("keeps a visitor's GET under its URL, a signed-in person's under their session, nothing else", () => {
    expect(key("GET", "/projets?pole=1")).toBe("v:fr:/projets?pole=1");
    expect(key("GET", "/projets", "theme=clair")).toBe("v:fr:/projets");
    const signedIn = key("GET", "/espace", "maillon_session=abc.def");
    expect(signedIn).toMatch(/^s:[\w-]+:fr:\/espace$/);
    expect(signedIn).not.toContain("abc.def");
    expect(key("GET", "/espace", "maillon_session=other.token")).not.toBe(signedIn);
    expect(key("POST", "/projets")).toBeNull();
    expect(key("HEAD", "/projets")).toBeNull();
    expect(key("GET", "/projets", "maillon_flash=signed-message")).toBeNull();
    expect(pageCacheKey({ method: "GET", url: "/", cookies: new Map(), authorization: "Basic eA==" }, names)).toBeNull();
  });

  it("keeps the French and the English page of a URL apart, the switch's cookie before the browser's languages", () => {
    expect(key("GET", "/", undefined, "en-GB,en;q=0.9")).toBe("v:en:/");
    expect(key("GET", "/", "maillon_lang=fr", "en-GB,en;q=0.9")).toBe("v:fr:/");
    expect(key("GET", "/", "maillon_lang=en")).toBe("v:en:/");
    expect(key("GET", "/espace", "maillon_session=abc.def", "en")).toMatch(/^s:[\w-]+:en:\/espace$/);
  });
});

/** A real SQLite file whose rows the pages show, and a second connection writing to it, as the app does. */
let dir: string;
let writer: Database.Database;
let reader: Database.Database;
let server: ReturnType<typeof express.application.listen>;
let base = "";
let renders = 0;
let clock = 1_000_000;
let cache: ReturnType<typeof createPageCache>;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join("tmp", "page-cache-"));
  const file = path.join(dir, "pages.db");
  writer = new Database(file);
  writer.pragma("journal_mode = WAL");
  writer.exec("CREATE TABLE notes (text TEXT NOT NULL); INSERT INTO notes VALUES ('première');");
  reader = new Database(file, { readonly: true });
  const dataVersion = reader.prepare("PRAGMA data_version").pluck();
  cache = createPageCache({ readVersion: () => Number(dataVersion.get()), ttlMs: 30_000, now: () => clock });
  const app = express();
  app.use(compression());
  app.use(cache.middleware((req) => pageCacheKey({ method: req.method, url: req.originalUrl, cookies: parseCookieHeader(req.get("cookie")) }, names)));
  app.get("/notes", (_req, res) => {
    renders++;
    const rows = writer.prepare("SELECT text FROM notes").pluck().all() as string[];
    res.type("html").send(`<ul>${rows.map((t) => `<li>${t}</li>`).join("")}</ul>${"x".repeat(2000)}`);
  });
  app.get("/cookie", (_req, res) => {
    renders++;
    res.cookie("maillon_session", "new").type("html").send("signed in");
  });
  app.get("/missing", (_req, res) => {
    renders++;
    res.status(404).type("html").send("introuvable");
  });
  app.get("/slow", (_req, res) => {
    renders++;
    setTimeout(() => res.type("html").send("lente"), 100);
  });
  app.get("/whoami", (req, res) => {
    renders++;
    res.type("html").send(`page de ${req.get("cookie") ?? "visiteur"}`);
  });
  await new Promise<void>((resolve) => {
    server = app.listen(0, "127.0.0.1", () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server?.close();
  reader?.close();
  writer?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(base + url, { headers });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

describe("the page cache over real HTTP", () => {
  it("renders a page once, serves it again until another connection commits, then renders the new rows", async () => {
    // A URL of its own, that no other test has had kept.
    const url = "/notes?rendu=premier";
    const before = renders;
    expect((await get(url)).text).toContain("première");
    expect((await get(url)).text).toContain("première");
    expect(renders - before).toBe(1);
    writer.prepare("INSERT INTO notes VALUES ('deuxième')").run();
    expect((await get(url)).text).toContain("deuxième");
    expect(renders - before).toBe(2);
  });

  it("renders again once the entry is older than its time to live", async () => {
    await get("/notes");
    const before = renders;
    clock += 31_000;
    await get("/notes");
    expect(renders - before).toBe(1);
  });

  it("answers 304 to a matching If-None-Match and gzip or brotli as the browser accepts", async () => {
    await get("/notes");
    const { headers, text } = await get("/notes");
    const etag = headers.get("etag")!;
    expect(etag).toMatch(/^W\/"/);
    const again = await fetch(base + "/notes", { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    const raw = await new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
      import("node:http").then(({ get: httpGet }) =>
        httpGet(base + "/notes", { headers: { "Accept-Encoding": "br" } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ encoding: res.headers["content-encoding"], body: Buffer.concat(chunks) }));
        }).on("error", reject),
      );
    });
    expect(raw.encoding).toBe("br");
    expect(zlib.brotliDecompressSync(raw.body).toString()).toBe(text);
  });

  it("never keeps an answer that sets a cookie or is not a 200", async () => {
    const before = renders;
    await get("/cookie");
    await get("/cookie");
    await get("/missing");
    await get("/missing");
    expect(renders - before).toBe(4);
  });

  it("keeps one person's page under their session: another person or a visitor never gets it", async () => {
    const nadia = await get("/whoami", { Cookie: "maillon_session=nadia" });
    const paul = await get("/whoami", { Cookie: "maillon_session=paul" });
    const visitor = await get("/whoami");
    expect(nadia.text).toBe("page de maillon_session=nadia");
    expect(paul.text).toBe("page de maillon_session=paul");
    expect(visitor.text).toBe("page de visiteur");
    expect((await get("/whoami", { Cookie: "maillon_session=nadia" })).text).toBe("page de maillon_session=nadia");
  });

  it("renders once for many visitors asking at the same time for a page not yet kept", async () => {
    const before = renders;
    const answers = await Promise.all(Array.from({ length: 10 }, () => get("/slow")));
    expect(answers.map((a) => a.text)).toEqual(Array(10).fill("lente"));
    expect(renders - before).toBe(1);
  });

  it("renders for a request carrying a flash message, so the message is shown once", async () => {
    await get("/notes");
    const before = renders;
    await get("/notes", { Cookie: "maillon_flash=bravo" });
    expect(renders - before).toBe(1);
  });
});
