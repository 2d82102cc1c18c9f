import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signInFailures } from "#db/schema";
import { getDb } from "~/utils/db.server";
import {
  forgiveSignInFailures,
  MAX_SIGN_IN_FAILURES,
  reserveSignInAttempt,
  SIGN_IN_WINDOW_MS,
} from "./sign-in-failure.server";

const t0 = new Date("2026-05-04T10:00:00Z");
const later = (ms: number) => new Date(t0.getTime() + ms);

describe("sign-in attempt limit", () => {
  it("allows 5 failed attempts per e-mail, refuses the 6th, and forgets them after 15 minutes", () => {
    const db = getDb();
    for (let i = 0; i < MAX_SIGN_IN_FAILURES; i++) {
      expect(reserveSignInAttempt(db, "a@exemple.fr", `10.0.0.${i}`, later(i * 1000))).toBe(true);
    }
    expect(reserveSignInAttempt(db, "a@exemple.fr", "10.0.0.99", later(10_000))).toBe(false);
    expect(reserveSignInAttempt(db, "a@exemple.fr", "10.0.0.99", later(SIGN_IN_WINDOW_MS + 5_000))).toBe(true);
  });

  it("limits one address trying many e-mails", () => {
    const db = getDb();
    for (let i = 0; i < MAX_SIGN_IN_FAILURES; i++) {
      expect(reserveSignInAttempt(db, `user${i}@exemple.fr`, "192.0.2.7", t0)).toBe(true);
    }
    expect(reserveSignInAttempt(db, "someone-else@exemple.fr", "192.0.2.7", t0)).toBe(false);
    expect(reserveSignInAttempt(db, "someone-else@exemple.fr", "192.0.2.8", t0)).toBe(true);
  });

  it("forgives an e-mail's failures after a success", () => {
    const db = getDb();
    for (let i = 0; i < MAX_SIGN_IN_FAILURES; i++) reserveSignInAttempt(db, "b@exemple.fr", `198.51.100.${i}`, t0);
    expect(reserveSignInAttempt(db, "b@exemple.fr", "198.51.100.50", t0)).toBe(false);
    forgiveSignInFailures(db, "b@exemple.fr");
    expect(reserveSignInAttempt(db, "b@exemple.fr", "198.51.100.50", t0)).toBe(true);
  });

  it("neither limits nor counts the attempts of an exempt address, and still limits every other one", () => {
    const db = getDb();
    const stored = () => db.select({ n: count() }).from(signInFailures).get()?.n ?? 0;
    const before = stored();
    const exempt = ["192.0.2.1"];
    for (let i = 0; i < MAX_SIGN_IN_FAILURES * 3; i++) {
      expect(reserveSignInAttempt(db, "c@exemple.fr", "192.0.2.1", t0, exempt)).toBe(true);
    }
    expect(stored()).toBe(before);
    for (let i = 0; i < MAX_SIGN_IN_FAILURES; i++) {
      expect(reserveSignInAttempt(db, "c@exemple.fr", `203.0.113.${i}`, t0, exempt)).toBe(true);
    }
    expect(reserveSignInAttempt(db, "c@exemple.fr", "203.0.113.99", t0, exempt)).toBe(false);
    expect(reserveSignInAttempt(db, "c@exemple.fr", "192.0.2.1", t0, exempt)).toBe(true);
  });

  it("exempts no address by default", () => {
    const db = getDb();
    for (let i = 0; i < MAX_SIGN_IN_FAILURES; i++) reserveSignInAttempt(db, `d${i}@exemple.fr`, "192.0.2.1", t0);
    expect(reserveSignInAttempt(db, "d-other@exemple.fr", "192.0.2.1", t0)).toBe(false);
  });
});
