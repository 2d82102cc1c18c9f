// @ts-check
/**
 * The cookies server.js must recognise before Remix runs, and one parser for the Cookie header.
 * Names as app/utils/auth.server.ts and app/utils/flash.server.ts set them: `__Host-` when cookies
 * are Secure.
 */

export const SESSION_COOKIE_NAMES = ["maillon_session", "__Host-maillon_session"];
export const FLASH_COOKIE_NAMES = ["maillon_flash", "__Host-maillon_flash"];

/**
 * The cookies of a `Cookie` header, by name (the first of a repeated name wins, as browsers send
 * the most specific first).
 * @param {string | undefined} header
 * @returns {Map<string, string>}
 */
export function parseCookieHeader(header) {
  /** @type {Map<string, string>} */
  const cookies = new Map();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    const name = part.slice(0, eq).trim();
    if (name && !cookies.has(name)) cookies.set(name, part.slice(eq + 1).trim());
  }
  return cookies;
}
