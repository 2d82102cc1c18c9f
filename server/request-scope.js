// @ts-check
/**
 * What a response must carry beyond what its route returned, gathered while
 * the request runs. Today: the session cookie, sent again whenever the server
 * extended the session (app/utils/auth.server.ts), so that the browser keeps
 * it as long as the server does.
 *
 * server.js runs every Remix request inside `requestScope.run(...)` and adds
 * what the scope holds to the answer as it goes out (`sendScopeHeaders`). The storage sits
 * on a global symbol because this file is loaded twice: once by server.js,
 * once bundled into the Remix build; both copies must share one storage.
 */
import { AsyncLocalStorage } from "node:async_hooks";

/**
 * @typedef {{
 *   sessionCookie: { name: string, header: string } | null,
 *   clientAddress?: string | null,
 * }} RequestScope
 * `clientAddress`: the client's network address, for the write limits keyed by address
 * (app/utils/rate-limit.server.ts); null when the server does not give it.
 */

const KEY = Symbol.for("maillon.request-scope");
/** @type {Record<symbol, unknown>} */
const globals = /** @type {any} */ (globalThis);

/** @type {AsyncLocalStorage<RequestScope>} */
export const requestScope = /** @type {AsyncLocalStorage<RequestScope>} */ (globals[KEY] ??= new AsyncLocalStorage());

/**
 * @param {string | null} [clientAddress]
 * @returns {RequestScope}
 */
export function newRequestScope(clientAddress = null) {
  return { sessionCookie: null, clientAddress };
}

/**
 * The Set-Cookie values to send: the route's own, then the scope's session
 * cookie unless the route set that cookie itself (a sign-in, a sign-out, a
 * password change: its answer wins).
 * @param {string[]} routeCookies
 * @param {RequestScope} scope
 * @returns {string[]}
 */
export function setCookiesWithScope(routeCookies, scope) {
  const cookie = scope.sessionCookie;
  if (!cookie || routeCookies.some((c) => c.startsWith(`${cookie.name}=`))) return routeCookies;
  return [...routeCookies, cookie.header];
}

/**
 * Adds what the scope holds to the answer at the last moment, when its status
 * line and headers go out (after the route ran, whatever it answered: a page,
 * data, a redirect).
 * @param {import("node:http").ServerResponse} res
 * @param {RequestScope} scope
 */
export function sendScopeHeaders(res, scope) {
  const writeHead = res.writeHead;
  /** @type {any} */ (res).writeHead = function (/** @type {any[]} */ ...args) {
    if (scope.sessionCookie && !res.headersSent) {
      const current = res.getHeader("Set-Cookie");
      const routeCookies = current === undefined ? [] : Array.isArray(current) ? current : [String(current)];
      const cookies = setCookiesWithScope(routeCookies, scope);
      if (cookies !== routeCookies) res.setHeader("Set-Cookie", cookies);
    }
    return writeHead.apply(res, /** @type {any} */ (args));
  };
}
