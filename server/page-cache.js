// @ts-check
/**
 * A shared cache of rendered pages, invalidated by writes.
 *
 * SQLite already knows when the database changed: `PRAGMA data_version`, read on a connection of
 * our own, changes whenever any other connection (the app's, a script's, another process's) commits.
 * An entry remembers the version read before its page was rendered and is served only while the
 * version is the same and the entry is younger than its time to live (pages also show relative
 * times and « à venir » lists). Visitors share one entry per URL; a signed-in person's pages are
 * kept under their session cookie, never served to anyone else. Only plain 200 answers without
 * Set-Cookie are kept; a request carrying a flash message is never served from the cache.
 *
 * Plain JS, checked through @ts-check, so that server.js uses it without a build step.
 */
import { createHash } from "node:crypto";
import { LOCALE_COOKIE_NAME, negotiateLocale } from "./locale.js";
import zlib from "node:zlib";

/**
 * @typedef {{
 *   key: string,
 *   version: number,
 *   storedAt: number,
 *   status: number,
 *   headers: [string, string | string[]][],
 *   body: Buffer,
 *   etag: string,
 *   encoded: Map<string, Buffer>,
 * }} Entry
 */

/** Headers that describe one transfer, not the page. */
const TRANSFER_HEADERS = new Set(["connection", "content-length", "content-encoding", "date", "keep-alive", "transfer-encoding", "etag"]);
const MAX_ENTRY_BYTES = 2 * 1024 * 1024;

/**
 * The key a request's page is kept under, or null when it must be rendered: not a GET, a flash
 * message to show, or credentials other than the session cookie. A page is drawn in the request's
 * language (server/locale.js), so the language is part of the key.
 * @param {{ method: string, url: string, cookies: Map<string, string>, acceptLanguage?: string | undefined, authorization?: string | undefined }} request
 * @param {{ sessionCookieNames: readonly string[], flashCookieNames: readonly string[] }} names
 * @returns {string | null}
 */
export function pageCacheKey({ method, url, cookies, acceptLanguage, authorization }, { sessionCookieNames, flashCookieNames }) {
  if (method !== "GET" || authorization) return null;
  if (flashCookieNames.some((name) => cookies.has(name))) return null;
  const locale = negotiateLocale({ cookie: cookies.get(LOCALE_COOKIE_NAME), acceptLanguage });
  const session = sessionCookieNames.map((name) => cookies.get(name)).find((value) => value);
  // A session's token is a secret: hashed, so the keys in memory never hold one.
  return session ? `s:${createHash("sha256").update(session).digest("base64url")}:${locale}:${url}` : `v:${locale}:${url}`;
}

/**
 * Whether an answer may be kept: a 200 that sets no cookie and that its route did not mark as
 * uncacheable with `no-cache` (the `private, no-store` of signed-in pages speaks to browsers and
 * proxies; this cache is the origin's own and keys those pages by session).
 * @param {number} status
 * @param {Record<string, unknown>} headers lower-cased names
 */
export function isStorableAnswer(status, headers) {
  if (status !== 200 || headers["set-cookie"] !== undefined) return false;
  const cacheControl = String(headers["cache-control"] ?? "");
  return !/\bno-cache\b/.test(cacheControl);
}

/**
 * @param {{
 *   readVersion: () => number,
 *   ttlMs: number,
 *   maxEntries?: number,
 *   maxBytes?: number,
 *   now?: () => number,
 * }} options
 */
export function createPageCache({ readVersion, ttlMs, maxEntries = 2000, maxBytes = 64 * 1024 * 1024, now = Date.now }) {
  /** @type {Map<string, Entry>} insertion order = least recently used first */
  const entries = new Map();
  let bytes = 0;
  const stats = { hits: 0, misses: 0, stored: 0, evicted: 0 };
  /** @type {Map<string, (() => void)[]>} requests waiting for a page that is rendering */
  const pending = new Map();

  /** @param {string} key */
  function drop(key) {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.body.length;
    for (const encoded of entry.encoded.values()) bytes -= encoded.length;
  }

  /**
   * The entry for a key while it is valid, or undefined.
   * @param {string} key
   * @param {number} version the database's version now
   */
  function lookup(key, version) {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.version !== version || now() - entry.storedAt > ttlMs) {
      drop(key);
      return undefined;
    }
    entries.delete(key);
    entries.set(key, entry);
    return entry;
  }

  /** @param {Omit<Entry, "etag" | "encoded" | "storedAt">} fields */
  function store(fields) {
    if (fields.body.length > MAX_ENTRY_BYTES) return;
    drop(fields.key);
    const etag = `W/"${createHash("sha1").update(fields.body).digest("base64url")}"`;
    entries.set(fields.key, { ...fields, etag, storedAt: now(), encoded: new Map() });
    bytes += fields.body.length;
    stats.stored++;
    while (entries.size > maxEntries || bytes > maxBytes) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      drop(oldest);
      stats.evicted++;
    }
  }

  /**
   * The body in the encoding asked for, compressed once per entry.
   * @param {Entry} entry
   * @param {"br" | "gzip"} encoding
   */
  function encodedBody(entry, encoding) {
    let encoded = entry.encoded.get(encoding);
    if (!encoded) {
      encoded =
        encoding === "br"
          ? zlib.brotliCompressSync(entry.body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } })
          : zlib.gzipSync(entry.body, { level: 6 });
      entry.encoded.set(encoding, encoded);
      bytes += encoded.length;
    }
    return encoded;
  }

  /**
   * Express middleware: answers from the cache, or lets the page render and keeps its answer.
   * @param {(req: import("express").Request) => string | null} keyOf
   * @returns {import("express").RequestHandler}
   */
  function middleware(keyOf) {
    return (req, res, next) => {
      const key = keyOf(req);
      if (!key) return next();
      const entry = lookup(key, readVersion());
      if (entry) {
        stats.hits++;
        sendEntry(req, res, entry);
        return;
      }
      // The same page already rendering (many visitors at once on a page just invalidated): wait for
      // it rather than render it again.
      const waiting = pending.get(key);
      if (waiting) {
        waiting.push(() => {
          const rendered = lookup(key, readVersion());
          if (rendered) {
            stats.hits++;
            sendEntry(req, res, rendered);
          } else next();
        });
        return;
      }
      stats.misses++;
      const version = readVersion();
      /** @type {(() => void)[]} */
      const waiters = [];
      pending.set(key, waiters);
      const release = () => {
        if (pending.get(key) !== waiters) return;
        pending.delete(key);
        for (const waiter of waiters.splice(0)) waiter();
      };
      captureAnswer(
        res,
        (status, headers, body) => {
          if (isStorableAnswer(status, headers)) {
            /** @type {[string, string | string[]][]} */
            const kept = [];
            for (const [name, value] of Object.entries(headers)) {
              if (!TRANSFER_HEADERS.has(name) && value !== undefined) kept.push([name, /** @type {string | string[]} */ (typeof value === "number" ? String(value) : value)]);
            }
            store({ key, version, status, headers: kept, body });
          }
          release();
        },
        release,
      );
      next();
    };
  }

  /**
   * @param {import("express").Request} req
   * @param {import("express").Response} res
   * @param {Entry} entry
   */
  function sendEntry(req, res, entry) {
    for (const [name, value] of entry.headers) res.setHeader(name, value);
    res.setHeader("ETag", entry.etag);
    // The language (cookie, Accept-Language) is in the key, so the page varies with them too.
    res.setHeader("Vary", "Accept-Encoding, Accept-Language, Cookie");
    const ifNoneMatch = req.get("if-none-match");
    if (ifNoneMatch && ifNoneMatch.split(",").some((tag) => tag.trim() === entry.etag)) {
      res.status(304).end();
      return;
    }
    const accepted = req.acceptsEncodings();
    const encoding = accepted.includes("br") ? "br" : accepted.includes("gzip") ? "gzip" : "identity";
    const body = encoding === "br" || encoding === "gzip" ? encodedBody(entry, encoding) : entry.body;
    if (encoding === "br" || encoding === "gzip") res.setHeader("Content-Encoding", encoding);
    res.setHeader("Content-Length", String(body.length));
    res.status(entry.status).end(body);
  }

  return {
    middleware,
    stats,
    get size() {
      return entries.size;
    },
    get bytes() {
      return bytes;
    },
  };
}

/**
 * Calls `done` with the status, headers and whole body once the answer has been written, unless it
 * grew beyond what an entry may hold or the connection closed first. Installed after the compression
 * middleware, it sees the body before compression (whose Content-Encoding, a transfer header, is
 * not kept).
 * @param {import("express").Response} res
 * @param {(status: number, headers: Record<string, unknown>, body: Buffer) => void} done
 * @param {() => void} closed called when the connection closed before the answer was sent whole
 */
function captureAnswer(res, done, closed) {
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  let overflow = false;
  const write = res.write;
  const end = res.end;
  /** @param {unknown} chunk @param {unknown} encoding */
  const collect = (chunk, encoding) => {
    if (overflow || chunk === undefined || chunk === null || typeof chunk === "function") return;
    const buffer = Buffer.isBuffer(chunk)
      ? chunk
      : chunk instanceof Uint8Array
        ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
        : Buffer.from(String(chunk), typeof encoding === "string" ? /** @type {BufferEncoding} */ (encoding) : "utf8");
    size += buffer.length;
    if (size > MAX_ENTRY_BYTES) {
      overflow = true;
      chunks.length = 0;
      return;
    }
    // A copy: the writer may reuse its buffer once write returns.
    chunks.push(Buffer.from(buffer));
  };
  /** @type {any} */ (res).write = function (/** @type {any[]} */ ...args) {
    collect(args[0], args[1]);
    return write.apply(res, /** @type {any} */ (args));
  };
  /** @type {any} */ (res).end = function (/** @type {any[]} */ ...args) {
    collect(args[0], args[1]);
    return end.apply(res, /** @type {any} */ (args));
  };
  // Only an answer sent whole is kept (a closed connection emits "close" without "finish").
  res.on("finish", () => {
    if (!overflow) done(res.statusCode, res.getHeaders(), Buffer.concat(chunks));
    else closed();
  });
  res.on("close", closed);
}
