import { describe, expect, it } from "vitest";
import { parseEnv } from "./env.server";

describe("environment", () => {
  it("has working defaults", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBe("./data/maillon.db");
    expect(env.PORT).toBe(3000);
    expect(env.COOKIE_SECURE).toBe(false);
    expect(env.TRUST_PROXY).toBe(false);
    expect(env.SIGN_IN_LIMIT_EXEMPT).toEqual([]);
  });

  it("reads the addresses exempt from the sign-in limit as a list of IP addresses", () => {
    expect(parseEnv({ SIGN_IN_LIMIT_EXEMPT: "192.0.2.1, 2001:db8::1" }).SIGN_IN_LIMIT_EXEMPT).toEqual(["192.0.2.1", "2001:db8::1"]);
    expect(parseEnv({ SIGN_IN_LIMIT_EXEMPT: "" }).SIGN_IN_LIMIT_EXEMPT).toEqual([]);
    expect(() => parseEnv({ SIGN_IN_LIMIT_EXEMPT: "*" })).toThrowError(/SIGN_IN_LIMIT_EXEMPT/);
    expect(() => parseEnv({ SIGN_IN_LIMIT_EXEMPT: "192.0.2.1,tout" })).toThrowError(/SIGN_IN_LIMIT_EXEMPT/);
  });

  it("reads the write limits as « N/S », 0 lifting them, and refuses anything else", () => {
    expect(parseEnv({}).RATE_LIMIT_WRITES).toEqual({ max: 30, windowMs: 60_000 });
    expect(parseEnv({}).RATE_LIMIT_WRITES_PER_ADDRESS).toEqual({ max: 120, windowMs: 60_000 });
    expect(parseEnv({ RATE_LIMIT_WRITES: "5/10" }).RATE_LIMIT_WRITES).toEqual({ max: 5, windowMs: 10_000 });
    expect(parseEnv({ RATE_LIMIT_WRITES: "0", RATE_LIMIT_WRITES_PER_ADDRESS: "0" })).toMatchObject({ RATE_LIMIT_WRITES: null, RATE_LIMIT_WRITES_PER_ADDRESS: null });
    for (const bad of ["30", "30/0", "-1/60", "beaucoup", "0/60"]) {
      expect(() => parseEnv({ RATE_LIMIT_WRITES: bad }), bad).toThrowError(/RATE_LIMIT_WRITES: « N\/S »/);
    }
  });

  it("marks cookies Secure in production unless told otherwise", () => {
    expect(parseEnv({ NODE_ENV: "production" }).COOKIE_SECURE).toBe(true);
    expect(parseEnv({ NODE_ENV: "production", COOKIE_SECURE: "0" }).COOKIE_SECURE).toBe(false);
  });

  it("signs cookies with the given secret, or a random one when none is given", () => {
    expect(parseEnv({ COOKIE_SECRET: "s".repeat(32) }).COOKIE_SECRET).toBe("s".repeat(32));
    const a = parseEnv({}).COOKIE_SECRET;
    expect(a.length).toBeGreaterThanOrEqual(32);
    expect(parseEnv({}).COOKIE_SECRET).not.toBe(a);
    expect(() => parseEnv({ COOKIE_SECRET: "court" })).toThrowError(/COOKIE_SECRET/);
  });

  it("stops with a message naming each bad variable", () => {
    expect(() => parseEnv({ PORT: "http", NODE_ENV: "prod", TRUST_PROXY: "yes" })).toThrowError(
      /PORT[\s\S]*NODE_ENV|NODE_ENV[\s\S]*PORT/,
    );
    expect(() => parseEnv({ TRUST_PROXY: "yes" })).toThrowError(/TRUST_PROXY/);
  });
});
