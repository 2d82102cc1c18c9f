import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage, negotiateLocale } from "./locale.js";

describe("the language of a request", () => {
  it("follows the browser's preferred language among French and English, by q-value then order", () => {
    expect(localeFromAcceptLanguage("en-GB,en;q=0.9,fr;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage("fr-FR,fr;q=0.9,en;q=0.8")).toBe("fr");
    expect(localeFromAcceptLanguage("de-DE,de;q=0.9,en;q=0.5")).toBe("en");
    expect(localeFromAcceptLanguage("fr;q=0.4, en-US;q=0.7")).toBe("en");
    expect(localeFromAcceptLanguage("EN-us")).toBe("en");
    expect(localeFromAcceptLanguage("en;q=0, fr")).toBe("fr");
  });

  it("names no language for a header without ours, an empty one or a malformed one", () => {
    expect(localeFromAcceptLanguage("de, es;q=0.8")).toBeNull();
    expect(localeFromAcceptLanguage("")).toBeNull();
    expect(localeFromAcceptLanguage(undefined)).toBeNull();
    expect(localeFromAcceptLanguage(";;,q=,en;q=abc")).toBeNull();
  });

  it("prefers the switch's cookie, then the header, then French", () => {
    expect(negotiateLocale({ cookie: "en", acceptLanguage: "fr-FR" })).toBe("en");
    expect(negotiateLocale({ cookie: "fr", acceptLanguage: "en" })).toBe("fr");
    expect(negotiateLocale({ cookie: "klingon", acceptLanguage: "en" })).toBe("en");
    expect(negotiateLocale({ cookie: undefined, acceptLanguage: "de" })).toBe("fr");
    expect(negotiateLocale({ cookie: null, acceptLanguage: null })).toBe("fr");
  });
});
