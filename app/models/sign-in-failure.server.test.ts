import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outgoingMails, signInFailures } from "#db/schema";
import { createTestUser } from "#seeds/factories";
import { getDb } from "~/utils/db.server";
import {
  accountDelayMs,
  MAX_ACCOUNT_DELAY_MS,
  MAX_FAILURES_PER_ADDRESS,
  MAX_FAILURES_PER_PAIR,
  reserveSignInAttempt,
  SIGN_IN_WINDOW_MS,
  signInFailed,
  signInRefusalMessage,
  signInSucceeded,
} from "./sign-in-failure.server";

const t0 = new Date("2026-05-04T10:00:00Z");
const later = (ms: number) => new Date(t0.getTime() + ms);
const NONE: readonly string[] = [];

describe("the limit per network address", () => {
  it(`lets one address fail ${MAX_FAILURES_PER_ADDRESS} times on any accounts, refuses it the next, serves every other address`, () => {
    const db = getDb();
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      expect(reserveSignInAttempt(db, `many${i}@exemple.fr`, "192.0.2.7", later(i), NONE)).toBeNull();
    }
    const refused = reserveSignInAttempt(db, "one-more@exemple.fr", "192.0.2.7", later(60_000), NONE);
    expect(refused).toEqual({ limit: "adresse", retryAfterSeconds: SIGN_IN_WINDOW_MS / 1000 - 60 });
    expect(signInRefusalMessage(refused!)).toBe("Trop de tentatives de connexion depuis votre réseau : réessayez dans 14 minutes.");
    expect(reserveSignInAttempt(db, "one-more@exemple.fr", "192.0.2.8", later(60_000), NONE)).toBeNull();
    expect(reserveSignInAttempt(db, "one-more@exemple.fr", "192.0.2.7", later(SIGN_IN_WINDOW_MS + 1), NONE)).toBeNull();
  });
});

describe("the limit per account and address", () => {
  it(`refuses the pair after ${MAX_FAILURES_PER_PAIR} failures, and only the pair`, () => {
    const db = getDb();
    // Spaced so the account's delay never applies: only the pair's limit can refuse.
    for (let i = 0; i < MAX_FAILURES_PER_PAIR; i++) {
      expect(reserveSignInAttempt(db, "pair@exemple.fr", "203.0.113.1", later(i * 1000), NONE)).toBeNull();
    }
    const refused = reserveSignInAttempt(db, "pair@exemple.fr", "203.0.113.1", later(10_000), NONE);
    expect(refused?.limit).toBe("paire");
    expect(refused?.retryAfterSeconds).toBe(SIGN_IN_WINDOW_MS / 1000 - 10);
    // The same address on another account, and the same account from another address: served.
    expect(reserveSignInAttempt(db, "someone-else@exemple.fr", "203.0.113.1", later(10_000), NONE)).toBeNull();
    expect(reserveSignInAttempt(db, "pair@exemple.fr", "203.0.113.2", later(10_000), NONE)).toBeNull();
  });
});

describe("the account's growing delay", () => {
  it("waits 1 s after the 5th failure, 2 s after the 6th, doubling up to 15 minutes, and never locks", () => {
    expect([4, 5, 6, 7, 10, 14, 15, 40].map(accountDelayMs)).toEqual([0, 1000, 2000, 4000, 32_000, 512_000, MAX_ACCOUNT_DELAY_MS, MAX_ACCOUNT_DELAY_MS]);
    const db = getDb();
    const email = "delay@exemple.fr";
    let at = 0;
    for (let i = 0; i < 5; i++) expect(reserveSignInAttempt(db, email, `198.51.100.${i}`, later((at += 10)), NONE)).toBeNull();
    // Every attempt from a new address: only the account's delay can refuse.
    const tooSoon = reserveSignInAttempt(db, email, "198.51.100.50", later(at + 500), NONE);
    expect(tooSoon).toEqual({ limit: "compte", retryAfterSeconds: 1 });
    expect(signInRefusalMessage(tooSoon!)).toBe("Trop de tentatives : réessayez dans 1 seconde.");
    expect(reserveSignInAttempt(db, email, "198.51.100.51", later((at += 1000)), NONE)).toBeNull();
    expect(reserveSignInAttempt(db, email, "198.51.100.52", later(at + 1999), NONE)).toEqual({ limit: "compte", retryAfterSeconds: 1 });
    expect(reserveSignInAttempt(db, email, "198.51.100.53", later((at += 2000)), NONE)).toBeNull();
    expect(reserveSignInAttempt(db, email, "198.51.100.54", later(at + 1000), NONE)).toEqual({ limit: "compte", retryAfterSeconds: 3 });
  });

  it("spares the addresses the owner signed in from, where an attacker elsewhere cannot slow them down", async () => {
    const db = getDb();
    const owner = await createTestUser(db, { email: "owner.home@exemple.fr" });
    signInSucceeded(db, owner, "198.51.100.200", t0);
    let at = 0;
    for (let i = 0; i < 5; i++) expect(reserveSignInAttempt(db, owner.email, `203.0.113.${100 + i}`, later((at += 10)), NONE)).toBeNull();
    expect(reserveSignInAttempt(db, owner.email, "203.0.113.199", later(at + 10), NONE)?.limit).toBe("compte");
    expect(reserveSignInAttempt(db, owner.email, "198.51.100.200", later(at + 10), NONE)).toBeNull();
  });
});

describe("a success", () => {
  it("forgives the failures of its own account and address, not those an attacker left elsewhere", async () => {
    const db = getDb();
    const owner = await createTestUser(db, { email: "owner.forgiven@exemple.fr" });
    const failuresFrom = (address: string) =>
      db.select({ n: count() }).from(signInFailures).where(and(eq(signInFailures.email, owner.email), eq(signInFailures.ipAddress, address))).get()!.n;
    for (let i = 0; i < 3; i++) reserveSignInAttempt(db, owner.email, "203.0.113.66", later(i * 2000), NONE);
    reserveSignInAttempt(db, owner.email, "198.51.100.66", later(8000), NONE);
    signInSucceeded(db, owner, "198.51.100.66", later(8000));
    expect(failuresFrom("198.51.100.66")).toBe(0);
    expect(failuresFrom("203.0.113.66")).toBe(3);
  });
});

describe("the exempt address of the end-to-end tests", () => {
  it("is neither limited nor counted, and every other address still is", () => {
    const db = getDb();
    const stored = () => db.select({ n: count() }).from(signInFailures).where(eq(signInFailures.email, "exempt@exemple.fr")).get()!.n;
    const exempt = ["192.0.2.1"];
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS * 2; i++) {
      expect(reserveSignInAttempt(db, "exempt@exemple.fr", "192.0.2.1", t0, exempt)).toBeNull();
    }
    expect(stored()).toBe(0);
    for (let i = 0; i < MAX_FAILURES_PER_PAIR; i++) expect(reserveSignInAttempt(db, "exempt@exemple.fr", "203.0.113.9", later(i * 2000), exempt)).toBeNull();
    expect(reserveSignInAttempt(db, "exempt@exemple.fr", "203.0.113.9", later(20_000), exempt)?.limit).toBe("paire");
    expect(reserveSignInAttempt(db, "exempt@exemple.fr", "192.0.2.1", later(20_000), exempt)).toBeNull();
  });

  it("is none by default", () => {
    const db = getDb();
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) reserveSignInAttempt(db, `d${i}@exemple.fr`, "192.0.2.1", t0);
    expect(reserveSignInAttempt(db, "d-other@exemple.fr", "192.0.2.1", t0)?.limit).toBe("adresse");
  });
});

describe("the owner's notice", () => {
  it("is queued at the account's 5th failure, once per window, and never for an address without account", async () => {
    const db = getDb();
    const owner = await createTestUser(db, { email: "owner.told@exemple.fr" });
    const notices = (to: string) =>
      db.select({ n: count() }).from(outgoingMails).where(and(eq(outgoingMails.toAddress, to), eq(outgoingMails.subject, "[Maillon] Plusieurs tentatives de connexion à votre compte ont échoué"))).get()!.n;
    const fail = (email: string, address: string, ms: number) => {
      expect(reserveSignInAttempt(db, email, address, later(ms), NONE)).toBeNull();
      signInFailed(db, email, address, later(ms), NONE);
    };
    for (let i = 0; i < 4; i++) fail(owner.email, `203.0.113.${20 + i}`, i * 10_000);
    expect(notices(owner.email)).toBe(0);
    fail(owner.email, "203.0.113.30", 50_000);
    expect(notices(owner.email)).toBe(1);
    fail(owner.email, "203.0.113.31", 60_000);
    expect(notices(owner.email)).toBe(1);
    // A window later, failures again: told again.
    for (let i = 0; i < 5; i++) fail(owner.email, `203.0.113.${40 + i}`, SIGN_IN_WINDOW_MS + 120_000 + i * 10_000);
    expect(notices(owner.email)).toBe(2);

    for (let i = 0; i < 6; i++) fail("nobody.here@exemple.fr", `203.0.113.${60 + i}`, i * 10_000);
    expect(notices("nobody.here@exemple.fr")).toBe(0);
  });
});
