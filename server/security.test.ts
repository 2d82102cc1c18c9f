import { describe, expect, it } from "vitest";
import { parseEnv } from "./env.js";
import { acceptedOrigins, contentSecurityPolicy, isSameOriginWrite, newNonce, wantsStrictTransport } from "./security.js";

const origins = ["https://maillon.exemple.fr"];

describe("origin check on writes", () => {
  it("lets reads through whatever their origin", () => {
    expect(isSameOriginWrite({ method: "GET", origin: "https://evil.example", acceptedOrigins: origins })).toBe(true);
  });

  it("accepts a POST from this site and refuses one from another site", () => {
    expect(isSameOriginWrite({ method: "POST", origin: "https://maillon.exemple.fr", acceptedOrigins: origins })).toBe(true);
    expect(isSameOriginWrite({ method: "POST", origin: "https://evil.example", acceptedOrigins: origins })).toBe(false);
    expect(isSameOriginWrite({ method: "DELETE", origin: "http://maillon.exemple.fr", acceptedOrigins: origins })).toBe(false);
    expect(isSameOriginWrite({ method: "POST", origin: "null", acceptedOrigins: origins })).toBe(false);
  });

  it("falls back to Sec-Fetch-Site when Origin is missing", () => {
    expect(isSameOriginWrite({ method: "PUT", secFetchSite: "same-origin", acceptedOrigins: origins })).toBe(true);
    expect(isSameOriginWrite({ method: "PATCH", secFetchSite: "cross-site", acceptedOrigins: origins })).toBe(false);
    expect(isSameOriginWrite({ method: "POST", secFetchSite: "same-site", acceptedOrigins: origins })).toBe(false);
  });
});

describe("accepted origins come from configuration", () => {
  it("is PUBLIC_URL's origin alone when PUBLIC_URL is set, whatever the path or trailing slash", () => {
    expect(acceptedOrigins(parseEnv({ PUBLIC_URL: "https://maillon.exemple.fr/", PORT: "8080" }))).toEqual(["https://maillon.exemple.fr"]);
    expect(acceptedOrigins(parseEnv({ PUBLIC_URL: "http://127.0.0.1:3310" }))).toEqual(["http://127.0.0.1:3310"]);
  });

  it("is localhost and 127.0.0.1 on the server's port while PUBLIC_URL is left at its default", () => {
    const env = parseEnv({ PORT: "4123" });
    expect(env.PUBLIC_URL).toBe("http://localhost:4123");
    expect(acceptedOrigins(env)).toEqual(["http://localhost:4123", "http://127.0.0.1:4123"]);
    expect(acceptedOrigins(parseEnv({}))).toEqual(["http://localhost:3000", "http://127.0.0.1:3000"]);
  });

  it("refuses a PUBLIC_URL that is not http(s)", () => {
    expect(() => parseEnv({ PUBLIC_URL: "ftp://maillon.exemple.fr" })).toThrowError(/PUBLIC_URL/);
  });
});

describe("content security policy", () => {
  it("runs scripts only from this site or with the response's nonce, never inline without it", () => {
    const policy = contentSecurityPolicy({ nonce: "abc123==", development: false });
    const directives = new Map(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));
    expect(directives.get("script-src")).toEqual(["'self'", "'nonce-abc123=='"]);
    expect(directives.get("style-src")).toEqual(["'self'"]);
    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(directives.get("base-uri")).toEqual(["'none'"]);
    expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
    expect(directives.get("form-action")).toEqual(["'self'"]);
    expect(policy).not.toContain("unsafe");
  });

  it("allows inline styles and the HMR websocket in development only", () => {
    const policy = contentSecurityPolicy({ nonce: "n", development: true });
    expect(policy).toContain("style-src 'self' 'unsafe-inline'");
    expect(policy).toMatch(/connect-src 'self' ws:/);
    expect(policy).toContain("script-src 'self' 'nonce-n'");
  });

  it("draws a new 128-bit base64 nonce each time", () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
  });
});

describe("strict transport security", () => {
  it("is sent over HTTPS or when the public address is https, not on plain http", () => {
    expect(wantsStrictTransport({ secure: true, publicUrl: "http://localhost:3000" })).toBe(true);
    expect(wantsStrictTransport({ secure: false, publicUrl: "https://maillon.exemple.fr" })).toBe(true);
    expect(wantsStrictTransport({ secure: false, publicUrl: "http://localhost:3000" })).toBe(false);
  });
});
