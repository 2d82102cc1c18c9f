import type { Role } from "~/domain/vocabulary";
import type { Actor } from "~/domain/permissions";
import { getStaffTerritoryIds, getUserRoles } from "~/models/user.server";
import { requestScope } from "../../server/request-scope.js";
import { getDb } from "./db.server";
import { getEnv } from "./env.server";
import {
  createSession,
  sessionExpiresAt,
  validateSessionToken,
  type Session,
  type SessionUser,
} from "./session.server";

/** Who is asking: the session's person, and what permissions look at (an `Actor`). */
export type Auth = Actor & {
  user: SessionUser;
  session: Session;
  roles: Role[];
  staffTerritoryIds: number[];
};

function sessionCookieName(): string {
  // __Host- binds the cookie to this exact host over HTTPS (no Domain, Path=/).
  return getEnv().COOKIE_SECURE ? "__Host-maillon_session" : "maillon_session";
}

function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

function cookieAttributes(maxAgeSeconds: number): string {
  const secure = getEnv().COOKIE_SECURE ? "; Secure" : "";
  return `Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure}`;
}

/** The session cookie, living until `expiresAt` (Max-Age counted from `now`, never negative). */
export function sessionCookie(token: string, expiresAt: Date, now: Date): string {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000));
  return `${sessionCookieName()}=${token}; ${cookieAttributes(maxAge)}`;
}

export function clearedSessionCookie(): string {
  return `${sessionCookieName()}=; ${cookieAttributes(0)}`;
}

/**
 * Starts a session and returns the Set-Cookie header value for it. Pass the
 * request's User-Agent: /compte names the device of each session from it.
 */
export function startSession(userId: number, now = new Date(), userAgent: string | null = ""): string {
  const { session, token } = createSession(getDb(), userId, now, userAgent ?? "");
  // The cookie lives as long as the session would without activity; each extension sends it again.
  return sessionCookie(token, sessionExpiresAt(session), now);
}

/** Leaves the refreshed session cookie in the request's scope (none outside a server request: tests). */
function resendSessionCookie(token: string, session: Session, now: Date): void {
  const scope = requestScope.getStore();
  if (scope) scope.sessionCookie = { name: sessionCookieName(), header: sessionCookie(token, sessionExpiresAt(session), now) };
}

const authCache = new WeakMap<Request, Auth | null>();

/** Who is asking, or null for a visitor. Cached per request. */
export function getAuth(request: Request): Auth | null {
  if (authCache.has(request)) return authCache.get(request) ?? null;
  const token = readCookie(request, sessionCookieName());
  let auth: Auth | null = null;
  if (token) {
    const db = getDb();
    const now = new Date();
    const result = validateSessionToken(db, token, now);
    if (result) {
      const { extended, ...valid } = result;
      // The server moved the inactivity limit: the browser gets the cookie again with the new lifetime,
      // on this very answer (server.js adds it; a route that sets the cookie itself keeps its own).
      if (extended) resendSessionCookie(token, valid.session, now);
      auth = {
        ...valid,
        userId: result.user.id,
        roles: getUserRoles(db, result.user.id),
        staffTerritoryIds: getStaffTerritoryIds(db, result.user.id),
      };
    }
  }
  authCache.set(request, auth);
  return auth;
}
