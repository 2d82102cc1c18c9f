// @ts-check
/**
 * The one rule deciding what caches may keep (server.js applies it to every answer as its headers
 * go out). An answer that depends on who is signed in, or that sets a cookie, is `private,
 * no-store`: no shared cache keeps it, and the browser does not keep it either (a shared computer,
 * the back button after signing out). Everything else keeps what its route said, or nothing:
 * public visitor pages stay cacheable, for a page cache to come.
 */

import { SESSION_COOKIE_NAMES } from "./cookies.js";

export const PRIVATE_NO_STORE = "private, no-store";

/**
 * Whether the request's Cookie header carries a session cookie (valid or not: its answer may differ).
 * @param {string | undefined} cookieHeader
 * @returns {boolean}
 */
export function carriesSessionCookie(cookieHeader) {
  if (!cookieHeader) return false;
  return cookieHeader.split(";").some((part) => {
    const eq = part.indexOf("=");
    return eq !== -1 && SESSION_COOKIE_NAMES.includes(part.slice(0, eq).trim()) && part.slice(eq + 1).trim() !== "";
  });
}

/**
 * The Cache-Control an answer must carry, or null to leave the route's own.
 * - `setsCookie`: the answer sets a cookie (session, flash): private, whatever else.
 * - `fromApp`: the answer comes from Remix (not a static file, not a refusal of server.js).
 * - `page`: a document (HTML) or a navigation's data request (`.data`): when the request carries the
 *   session cookie, it shows that person's name and menu, so it is private even if a route said otherwise.
 * - other answers of the app (redirects, resource routes: images, calendars, CSV) of a signed-in
 *   request are private unless their route chose a policy itself (a public image stays immutable).
 * @param {{ carriesSession: boolean, setsCookie: boolean, fromApp: boolean, page: boolean, routeCacheControl: string | undefined }} answer
 * @returns {string | null}
 */
export function imposedCacheControl({ carriesSession, setsCookie, fromApp, page, routeCacheControl }) {
  if (setsCookie) return PRIVATE_NO_STORE;
  if (!fromApp || !carriesSession) return null;
  if (page) return PRIVATE_NO_STORE;
  return routeCacheControl ? null : PRIVATE_NO_STORE;
}
