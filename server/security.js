// @ts-check
/**
 * Request guards applied to every request before Remix sees it. Plain JS so
 * that server.js can use them without a build step; type-checked via @ts-check.
 */

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Decides whether a state-changing request comes from this site.
 * Browsers send `Origin` on every POST; when it is absent we fall back to
 * `Sec-Fetch-Site`. A request with neither is not from a browser (curl, a
 * script) and cannot carry a victim's cookies by accident, so it passes.
 * @param {{ method: string, origin?: string | undefined, secFetchSite?: string | undefined, expectedOrigin: string }} request
 * @returns {boolean}
 */
export function isSameOriginWrite({ method, origin, secFetchSite, expectedOrigin }) {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  if (origin) return origin === expectedOrigin;
  if (secFetchSite) return secFetchSite === "same-origin";
  return true;
}

/** @type {Record<string, string>} */
export const SECURITY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
};
