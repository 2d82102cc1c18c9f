import { describe, expect, it } from "vitest";
import { isSameOriginWrite } from "./security.js";

const expectedOrigin = "https://maillon.exemple.fr";

describe("origin check on writes", () => {
  it("lets reads through whatever their origin", () => {
    expect(isSameOriginWrite({ method: "GET", origin: "https://evil.example", expectedOrigin })).toBe(true);
  });

  it("accepts a POST from this site and refuses one from another site", () => {
    expect(isSameOriginWrite({ method: "POST", origin: expectedOrigin, expectedOrigin })).toBe(true);
    expect(isSameOriginWrite({ method: "POST", origin: "https://evil.example", expectedOrigin })).toBe(false);
    expect(isSameOriginWrite({ method: "DELETE", origin: "http://maillon.exemple.fr", expectedOrigin })).toBe(false);
    expect(isSameOriginWrite({ method: "POST", origin: "null", expectedOrigin })).toBe(false);
  });

  it("falls back to Sec-Fetch-Site when Origin is missing", () => {
    expect(isSameOriginWrite({ method: "PUT", secFetchSite: "same-origin", expectedOrigin })).toBe(true);
    expect(isSameOriginWrite({ method: "PATCH", secFetchSite: "cross-site", expectedOrigin })).toBe(false);
    expect(isSameOriginWrite({ method: "POST", secFetchSite: "same-site", expectedOrigin })).toBe(false);
  });
});
