import { describe, expect, it } from "vitest";
import { carriesSessionCookie, imposedCacheControl, PRIVATE_NO_STORE } from "./cache-policy.js";

const base = { carriesSession: false, setsCookie: false, fromApp: true, page: true, routeCacheControl: undefined };

describe("what caches may keep", () => {
  it("makes every answer that sets a cookie private, even a static file or a public route", () => {
    expect(imposedCacheControl({ ...base, setsCookie: true })).toBe(PRIVATE_NO_STORE);
    expect(imposedCacheControl({ ...base, setsCookie: true, fromApp: false })).toBe(PRIVATE_NO_STORE);
    expect(imposedCacheControl({ ...base, setsCookie: true, page: false, routeCacheControl: "public, max-age=600" })).toBe(PRIVATE_NO_STORE);
  });

  it("makes a signed-in person's pages and data requests private, whatever the route said", () => {
    expect(imposedCacheControl({ ...base, carriesSession: true })).toBe(PRIVATE_NO_STORE);
    expect(imposedCacheControl({ ...base, carriesSession: true, routeCacheControl: "public, max-age=60" })).toBe(PRIVATE_NO_STORE);
  });

  it("makes a signed-in person's redirects and resource answers private unless their route chose a policy", () => {
    expect(imposedCacheControl({ ...base, carriesSession: true, page: false })).toBe(PRIVATE_NO_STORE);
    expect(imposedCacheControl({ ...base, carriesSession: true, page: false, routeCacheControl: "public, max-age=31536000, immutable" })).toBeNull();
  });

  it("leaves a visitor's pages and static files to their own policy, so that they can be cached", () => {
    expect(imposedCacheControl(base)).toBeNull();
    expect(imposedCacheControl({ ...base, carriesSession: true, fromApp: false })).toBeNull();
  });

  it("recognises the session cookie by its names, plain and __Host-, and not an empty one or a look-alike", () => {
    expect(carriesSessionCookie("maillon_session=abc.def")).toBe(true);
    expect(carriesSessionCookie("a=1; __Host-maillon_session=abc.def")).toBe(true);
    expect(carriesSessionCookie("maillon_flash=x; maillon_session=")).toBe(false);
    expect(carriesSessionCookie("maillon_session_old=abc")).toBe(false);
    expect(carriesSessionCookie(undefined)).toBe(false);
  });
});
