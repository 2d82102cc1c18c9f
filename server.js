// The HTTP server: Express in front of Remix, so that every request passes the
// same guards (origin check on writes, security headers) before any route runs.
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import Database from "better-sqlite3";
import compression from "compression";
import express from "express";
import { getEnv } from "./server/env.js";
import { FLASH_COOKIE_NAMES, parseCookieHeader, SESSION_COOKIE_NAMES } from "./server/cookies.js";
import { createPageCache, pageCacheKey } from "./server/page-cache.js";
import { newRequestScope, requestScope, sendScopeHeaders } from "./server/request-scope.js";
import { carriesSessionCookie, imposedCacheControl } from "./server/cache-policy.js";
import {
  acceptedOrigins,
  contentSecurityPolicy,
  isSameOriginWrite,
  newNonce,
  SECURITY_HEADERS,
  STRICT_TRANSPORT_SECURITY,
  wantsStrictTransport,
} from "./server/security.js";
import { installGracefulShutdown } from "./server/shutdown.js";

// A bad environment stops the server before it listens, with a message naming each bad variable.
/** @type {import("./server/env.js").Env} */
let env;
try {
  env = getEnv();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
const isProduction = env.NODE_ENV === "production";
const trustProxy = env.TRUST_PROXY;
if (env.SIGN_IN_LIMIT_EXEMPT.length > 0) {
  console.warn(`Limite des tentatives de connexion levée pour ${env.SIGN_IN_LIMIT_EXEMPT.join(", ")} (SIGN_IN_LIMIT_EXEMPT, pour les tests).`);
}

const viteDevServer = isProduction
  ? undefined
  : await import("vite").then((vite) => vite.createServer({ server: { middlewareMode: true } }));

const app = express();
app.disable("x-powered-by");
// One hop: the reverse proxy in front of us. Trusting more would let a client pick its own address.
if (trustProxy) app.set("trust proxy", 1);

// An answer can go out before the request body was read: a POST from another site is refused,
// a visitor's POST is sent to /connexion. Read the rest of that body and discard it, or the connection
// is reset while the browser is still sending, and the person sees a network error, not the answer.
app.use((req, res, next) => {
  res.on("finish", () => {
    if (req.complete) return;
    req.removeAllListeners("data");
    req.resume();
  });
  next();
});

/**
 * A short French error page for the answers given before Remix.
 * @param {import("express").Response} res
 * @param {number} status
 * @param {string} title
 * @param {string} message
 */
function sendErrorPage(res, status, title, message) {
  res
    .status(status)
    .type("text/html; charset=utf-8")
    .send(
      `<!DOCTYPE html><html lang="fr-FR"><head><meta charset="utf-8"><title>${title} — Maillon</title></head>` +
        `<body><h1>${title}</h1><p>${message}</p><p><a href="/">Retour à l'accueil</a></p></body></html>`,
    );
}

// Writes are accepted from the site's configured address only, never from whatever Host the request names.
const writeOrigins = acceptedOrigins(env);

app.use((req, res, next) => {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  // A nonce per response: Remix's inline scripts carry it (getLoadContext → entry.server.tsx, root.tsx).
  const nonce = newNonce();
  res.locals.cspNonce = nonce;
  res.setHeader("Content-Security-Policy", contentSecurityPolicy({ nonce, development: !isProduction }));
  if (wantsStrictTransport({ secure: req.secure, publicUrl: env.PUBLIC_URL })) {
    res.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  }
  const allowed = isSameOriginWrite({
    method: req.method,
    origin: req.get("origin"),
    secFetchSite: req.get("sec-fetch-site"),
    acceptedOrigins: writeOrigins,
  });
  if (!allowed) {
    res.status(403).type("text/plain; charset=utf-8").send("Requête refusée : elle ne vient pas de ce site.");
    return;
  }
  // Checked above against the configured address. Remix checks it again against Host (or
  // X-Forwarded-Host), which a proxy may rewrite: it would answer this site's own form with a 500.
  if (req.method !== "GET" && req.method !== "HEAD") delete req.headers.origin;
  next();
});

// What caches may keep: one rule (server/cache-policy.js), applied as the headers go out, once the
// route and the request scope have set their cookies.
app.use((req, res, next) => {
  const carriesSession = carriesSessionCookie(req.get("cookie"));
  const writeHead = res.writeHead;
  /** @type {any} */ (res).writeHead = function (/** @type {any[]} */ ...args) {
    if (!res.headersSent) {
      const cacheControl = imposedCacheControl({
        carriesSession,
        setsCookie: res.hasHeader("set-cookie"),
        fromApp: res.locals.fromApp === true,
        page: req.path.endsWith(".data") || String(res.getHeader("content-type") ?? "").startsWith("text/html"),
        routeCacheControl: res.getHeader("cache-control")?.toString(),
      });
      if (cacheControl) res.setHeader("Cache-Control", cacheControl);
    }
    return writeHead.apply(res, /** @type {any} */ (args));
  };
  next();
});

// No form of the site comes near 1 MB; a bigger body is refused (forms echo what was typed, so it
// would also come back doubled in the page). A body that announces its size is refused before anything
// reads it; any body (chunked, without Content-Length) is counted as it arrives, and refused as soon as
// the count passes the limit: its reader (the route's form) gets an error instead of the rest, the person
// gets the French page, and what still comes is thrown away unread, up to a point, then the connection ends.
const MAX_BODY_BYTES = 1024 * 1024;
const MAX_DISCARDED_BYTES = 8 * MAX_BODY_BYTES;
/** How long a connection past the discard allowance is kept, closed on our side, before it is cut. */
const LINGER_BEFORE_CUT_MS = 2000;

/**
 * @param {import("express").Request} req
 * @param {import("express").Response} res
 * @param {(event: string, ...args: any[]) => boolean} emit the request's own emit, for the reader's error
 */
function refuseBody(req, res, emit) {
  if (res.locals.bodyRefused) return;
  res.locals.bodyRefused = true;
  if (!res.headersSent) {
    sendErrorPage(res, 413, "Envoi trop volumineux", "Ce que vous avez envoyé dépasse 1 Mo. Raccourcissez vos textes et réessayez.");
  }
  const tooLarge = Object.assign(new Error("Request body over 1 MB"), { status: 413 });
  if (req.listenerCount("error") > 0) emit.call(req, "error", tooLarge);
}

/**
 * Past what is thrown away unread, the connection ends: reading stops, our side is closed after the
 * answer, which tells the client to stop sending, and the socket is cut a moment later. Cut at once,
 * with bytes still unread, it would be reset, and a reset can take the answer with it before the
 * client has read it.
 * @param {import("express").Request} req
 * @param {import("express").Response} res
 */
function stopReading(req, res) {
  if (res.locals.readingStopped) return;
  res.locals.readingStopped = true;
  const socket = req.socket;
  // Paused, the request's stream keeps what still arrives until it is full, and then the server
  // stops reading the socket: the client's writes wait, and it has time to see that our side closed.
  req.pause();
  socket.end();
  setTimeout(() => socket.destroy(), LINGER_BEFORE_CUT_MS).unref();
}

app.use((req, res, next) => {
  let received = 0;
  const emit = req.emit;
  /** @type {any} */ (req).emit = function (/** @type {string} */ event, /** @type {any[]} */ ...args) {
    if (event === "data") {
      received += args[0].length;
      if (received > MAX_BODY_BYTES) refuseBody(req, res, emit);
      if (received > MAX_BODY_BYTES + MAX_DISCARDED_BYTES) stopReading(req, res);
      if (res.locals.bodyRefused) return false;
    }
    return emit.call(req, event, ...args);
  };
  if (Number(req.get("content-length") ?? 0) > MAX_BODY_BYTES) {
    refuseBody(req, res, emit);
    return;
  }
  next();
});

// gzip or brotli as the browser accepts, for pages, data and assets alike.
app.use(compression());

if (viteDevServer) {
  app.use(viteDevServer.middlewares);
} else {
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  app.use(express.static("build/client", { maxAge: "1h" }));
}

// Past the static files, every answer is the app's (rendered now or kept by the page cache):
// the cache rule of server/cache-policy.js reads this mark.
app.use((_req, res, next) => {
  res.locals.fromApp = true;
  // A page is drawn in the language of the switch's cookie or of Accept-Language (server/locale.js).
  res.vary("Accept-Language");
  res.vary("Cookie");
  next();
});

/** @type {() => Promise<import("@remix-run/node").ServerBuild>} */
const loadBuild = viteDevServer
  ? () => /** @type {any} */ (viteDevServer.ssrLoadModule("virtual:remix/server-build"))
  : () => import(path.resolve("build/server/index.js"));

const build = viteDevServer ? loadBuild : await loadBuild();

const handleRemixRequest = createRequestHandler({
  build,
  mode: isProduction ? "production" : "development",
  getLoadContext: (req, res) => ({
    clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
    cspNonce: String(res.locals.cspNonce),
  }),
});

// Rendered pages are kept until the database changes (server/page-cache.js); off in development.
if (isProduction && env.PAGE_CACHE_TTL_S > 0) {
  const versionReader = new Database(env.DATABASE_URL, { readonly: true, fileMustExist: true });
  const dataVersion = versionReader.prepare("PRAGMA data_version").pluck();
  const pageCache = createPageCache({ readVersion: () => Number(dataVersion.get()), ttlMs: env.PAGE_CACHE_TTL_S * 1000 });
  const cookieNames = { sessionCookieNames: SESSION_COOKIE_NAMES, flashCookieNames: FLASH_COOKIE_NAMES };
  app.use(
    pageCache.middleware((req) =>
      pageCacheKey(
        {
          method: req.method,
          url: req.originalUrl,
          cookies: parseCookieHeader(req.get("cookie")),
          acceptLanguage: req.get("accept-language"),
          authorization: req.get("authorization"),
        },
        cookieNames,
      ),
    ),
  );
}

// Each Remix request runs inside a request scope: what the routes leave there (the session cookie,
// sent again when the session was extended) goes out with the answer, page, data or redirect alike.
app.all("*", (req, res, next) => {
  // The client address travels with the scope: the write limits count per address too.
  const scope = newRequestScope(req.ip ?? req.socket.remoteAddress ?? null);
  sendScopeHeaders(res, scope);
  // A body refused while the route read it has had its answer (413): the route's late answer is dropped.
  const nextUnlessRefused = (/** @type {unknown} */ error) => (res.locals.bodyRefused ? undefined : next(error));
  requestScope.run(scope, () => handleRemixRequest(req, res, nextUnlessRefused));
});

// Errors met before Remix (a URL that cannot be decoded, such as /projets/%ZZ, in the static
// files): a short French page and the right 4xx, never Express's English page; 5xx are logged.
app.use(
  /** @type {import("express").ErrorRequestHandler} */
  (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const status = Number(error?.status ?? error?.statusCode);
    const clientError = Number.isInteger(status) && status >= 400 && status < 500;
    if (!clientError) console.error(error);
    if (clientError) sendErrorPage(res, status, "Requête invalide", "Cette adresse ou cette requête n'est pas valide.");
    else sendErrorPage(res, 500, "Une erreur est survenue", "Nous n'avons pas pu afficher cette page. Réessayez dans un instant.");
  },
);

const server = app.listen(env.PORT, env.HOST, () => {
  console.log(`Maillon en service sur http://localhost:${env.PORT}`);
});
// Idle keep-alive connections stay open longer than a reverse proxy keeps its own (nginx: 60 s). With
// Node's 5 s, the server closes a connection as a client reuses it, and that request meets a reset:
// a 502 behind a proxy, an ECONNRESET for a client without retries. Shutdown closes idle ones at once.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

// SIGTERM/SIGINT: the requests in flight and the message being sent finish, the base is closed, exit 0.
installGracefulShutdown(server);
