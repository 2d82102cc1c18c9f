import { redirect } from "@remix-run/node";
import type { Role } from "~/domain/vocabulary";
import { getStaffTerritoryIds, getUserRoles } from "~/models/user.server";
import { getDb } from "./db.server";
import { getEnv } from "./env.server";
import { forbidden } from "./http.server";
import {
  createSession,
  sessionExpiresAt,
  validateSessionToken,
  type Session,
  type SessionUser,
} from "./session.server";

export type Auth = {
  user: SessionUser;
  session: Session;
  roles: Role[];
  /** Territories whose animation team this person belongs to. */
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

export function sessionCookie(token: string, expiresAt: Date, now: Date): string {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000));
  return `${sessionCookieName()}=${token}; ${cookieAttributes(maxAge)}`;
}

export function clearedSessionCookie(): string {
  return `${sessionCookieName()}=; ${cookieAttributes(0)}`;
}

/** Starts a session and returns the Set-Cookie header value for it. */
export function startSession(userId: number, now = new Date()): string {
  const { session, token } = createSession(getDb(), userId, now);
  // The cookie lives until the absolute limit; the server enforces inactivity.
  return sessionCookie(token, sessionExpiresAt({ ...session, lastVerifiedAt: session.createdAt }), now);
}

const authCache = new WeakMap<Request, Auth | null>();

/** Who is asking, or null for a visitor. Cached per request. */
export function getAuth(request: Request): Auth | null {
  if (authCache.has(request)) return authCache.get(request) ?? null;
  const token = readCookie(request, sessionCookieName());
  let auth: Auth | null = null;
  if (token) {
    const db = getDb();
    const result = validateSessionToken(db, token, new Date());
    if (result) {
      auth = {
        ...result,
        roles: getUserRoles(db, result.user.id),
        staffTerritoryIds: getStaffTerritoryIds(db, result.user.id),
      };
    }
  }
  authCache.set(request, auth);
  return auth;
}

/** Only same-site relative paths; anything else falls back. */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = "/espace"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) {
    return fallback;
  }
  return to;
}

function signInRedirect(request: Request): Response {
  const url = new URL(request.url);
  const params = new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` });
  return redirect(`/connexion?${params}`);
}

/** The signed-in person; a visitor is sent to /connexion?redirectTo=…. */
export function requireUser(request: Request): Auth {
  const auth = getAuth(request);
  if (!auth) throw signInRedirect(request);
  return auth;
}

export function hasRole(auth: Auth | null, role: Role): boolean {
  return !!auth && (auth.roles.includes(role) || auth.roles.includes("admin"));
}

/** On the animation team of this pôle (an `animateur` listed in its staff), or an admin. */
export function isStaffOf(auth: Auth | null, territoryId: number): boolean {
  return !!auth && (auth.roles.includes("admin") || (auth.roles.includes("animateur") && auth.staffTerritoryIds.includes(territoryId)));
}

/** The signed-in person holding `role` (admins hold every role); others get 403. */
export function requireRole(request: Request, role: Role): Auth {
  const auth = requireUser(request);
  if (!hasRole(auth, role)) {
    throw forbidden("Cette page est réservée à un autre rôle.");
  }
  return auth;
}

/** Sends a signed-in person away from pages meant for visitors (sign-in, sign-up). */
export function requireVisitor(request: Request, to = "/espace"): void {
  if (getAuth(request)) throw redirect(to);
}
