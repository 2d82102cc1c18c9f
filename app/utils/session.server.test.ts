import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sessions } from "#db/schema";
import { createTestUser } from "#seeds/factories";
import { getDb } from "./db.server";
import {
  createSession,
  generateSessionToken,
  invalidateAllSessions,
  invalidateSession,
  SESSION_ABSOLUTE_TIMEOUT_MS,
  SESSION_INACTIVITY_TIMEOUT_MS,
  SESSION_REFRESH_INTERVAL_MS,
  validateSessionToken,
} from "./session.server";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const t0 = new Date("2026-03-02T09:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

async function newSession() {
  const db = getDb();
  const user = await createTestUser(db);
  return { db, user, ...createSession(db, user.id, t0) };
}

describe("session tokens", () => {
  it("have an id and a secret of 24 base32 characters each (120 bits)", () => {
    const { id, secret, token } = generateSessionToken();
    expect(id).toMatch(/^[a-z2-7]{24}$/);
    expect(secret).toMatch(/^[a-z2-7]{24}$/);
    expect(token).toBe(`${id}.${secret}`);
    expect(generateSessionToken().token).not.toBe(token);
  });

  it("store only the SHA-256 of the secret, never the secret", async () => {
    const { db, session, token } = await newSession();
    const row = db.select().from(sessions).where(eq(sessions.id, session.id)).get()!;
    const secret = token.split(".")[1]!;
    expect(row.secretHash).toHaveLength(32);
    expect(Buffer.from(row.secretHash).toString("utf8")).not.toContain(secret);
  });

  it("validate the right token and refuse a wrong secret or a malformed token", async () => {
    const { db, user, session, token } = await newSession();
    expect(validateSessionToken(db, token, t0)?.user.id).toBe(user.id);
    expect(validateSessionToken(db, `${session.id}.${"a".repeat(24)}`, t0)).toBeNull();
    expect(validateSessionToken(db, session.id, t0)).toBeNull();
    expect(validateSessionToken(db, `${token}.extra`, t0)).toBeNull();
  });
});

describe("session expiry and refresh", () => {
  it("expires after 10 days without activity and deletes the row", async () => {
    const { db, session, token } = await newSession();
    expect(validateSessionToken(db, token, at(SESSION_INACTIVITY_TIMEOUT_MS - 1))).not.toBeNull();
    // That check refreshed the session, so measure inactivity from the refresh.
    const refreshed = db.select().from(sessions).where(eq(sessions.id, session.id)).get()!;
    const expiry = refreshed.lastVerifiedAt.getTime() - t0.getTime() + SESSION_INACTIVITY_TIMEOUT_MS;
    expect(validateSessionToken(db, token, at(expiry))).toBeNull();
    expect(db.select().from(sessions).where(eq(sessions.id, session.id)).get()).toBeUndefined();
  });

  it("moves last activity forward at most once an hour", async () => {
    const { db, session, token } = await newSession();
    validateSessionToken(db, token, at(SESSION_REFRESH_INTERVAL_MS - 1));
    const read = () => db.select().from(sessions).where(eq(sessions.id, session.id)).get()!.lastVerifiedAt;
    expect(read().getTime()).toBe(t0.getTime());
    validateSessionToken(db, token, at(SESSION_REFRESH_INTERVAL_MS));
    expect(read().getTime()).toBe(at(SESSION_REFRESH_INTERVAL_MS).getTime());
  });

  it("stays alive with daily use, then ends at the 30-day absolute limit", async () => {
    const { db, token } = await newSession();
    for (let day = 1; day < 30; day++) {
      expect(validateSessionToken(db, token, at(day * DAY)), `day ${day}`).not.toBeNull();
    }
    expect(validateSessionToken(db, token, at(SESSION_ABSOLUTE_TIMEOUT_MS))).toBeNull();
  });
});

describe("invalidation", () => {
  it("ends one session or all of a user's sessions", async () => {
    const { db, user, session, token } = await newSession();
    const second = createSession(db, user.id, t0);
    const other = await createTestUser(db);
    const othersSession = createSession(db, other.id, t0);

    invalidateSession(db, session.id);
    expect(validateSessionToken(db, token, t0)).toBeNull();
    expect(validateSessionToken(db, second.token, t0)).not.toBeNull();

    invalidateAllSessions(db, user.id);
    expect(validateSessionToken(db, second.token, t0)).toBeNull();
    expect(validateSessionToken(db, othersSession.token, t0)).not.toBeNull();
  });
});
