import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sessions } from "#db/schema";
import { createTestUser } from "#seeds/factories";
import { newRequestScope, requestScope } from "../../server/request-scope.js";
import { getAuth, sessionCookie, startSession } from "./auth.server";
import { getDb } from "./db.server";
import { createSession, sessionExpiresAt, SESSION_REFRESH_INTERVAL_MS } from "./session.server";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const t0 = new Date("2026-03-02T09:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

function requestWithCookie(setCookie: string | null, path = "/espace"): Request {
  const headers = new Headers();
  if (setCookie) headers.set("Cookie", setCookie.split(";")[0]!);
  return new Request(`http://localhost${path}`, { headers });
}

const maxAgeOf = (header: string) => Number(/Max-Age=(\d+)/.exec(header)?.[1]);

afterEach(() => {
  vi.useRealTimers();
});

describe("who is asking", () => {
  it("recognises the person from the session cookie", async () => {
    const user = await createTestUser(getDb(), { roles: ["benevole"] });
    const auth = getAuth(requestWithCookie(startSession(user.id)));
    expect(auth?.user.id).toBe(user.id);
    expect(auth?.roles).toEqual(["benevole"]);
  });

  it("treats a forged cookie as a visitor", async () => {
    expect(getAuth(requestWithCookie("maillon_session=abc.def"))).toBeNull();
  });
});

describe("the session cookie's lifetime", () => {
  it("lasts the 10 days of inactivity from the last activity, never beyond the 30-day limit", () => {
    const fresh = { createdAt: t0, lastVerifiedAt: t0 };
    expect(maxAgeOf(sessionCookie("t", sessionExpiresAt(fresh), t0))).toBe(10 * 86_400);
    const day3 = { createdAt: t0, lastVerifiedAt: at(3 * DAY) };
    expect(maxAgeOf(sessionCookie("t", sessionExpiresAt(day3), at(3 * DAY)))).toBe(10 * 86_400);
    // Day 25: ten more days would pass the absolute limit; five remain.
    const day25 = { createdAt: t0, lastVerifiedAt: at(25 * DAY) };
    expect(maxAgeOf(sessionCookie("t", sessionExpiresAt(day25), at(25 * DAY)))).toBe(5 * 86_400);
    expect(maxAgeOf(sessionCookie("t", sessionExpiresAt(day25), at(31 * DAY)))).toBe(0);
  });

  it("is sent again, in the request's scope, when the server extends the session", async () => {
    const db = getDb();
    const user = await createTestUser(db);
    const { session, token } = createSession(db, user.id, t0);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(at(25 * DAY));
    // Seen on day 24: an hour later the server extends it.
    db.update(sessions).set({ lastVerifiedAt: at(24 * DAY) }).where(eq(sessions.id, session.id)).run();
    const scope = newRequestScope();
    const cookie = `maillon_session=${token}`;
    requestScope.run(scope, () => expect(getAuth(requestWithCookie(cookie))?.user.id).toBe(user.id));
    expect(scope.sessionCookie?.name).toBe("maillon_session");
    expect(scope.sessionCookie?.header).toMatch(new RegExp(`^maillon_session=${token.replace(".", "\\.")}; Path=/; HttpOnly; SameSite=Lax; Max-Age=`));
    expect(maxAgeOf(scope.sessionCookie!.header)).toBe(5 * 86_400);

    // Within the hour nothing is extended, so nothing is sent again.
    vi.setSystemTime(at(25 * DAY + SESSION_REFRESH_INTERVAL_MS - 1));
    const next = newRequestScope();
    requestScope.run(next, () => getAuth(requestWithCookie(cookie)));
    expect(next.sessionCookie).toBeNull();
  });
});
