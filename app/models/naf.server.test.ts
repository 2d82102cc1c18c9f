import { describe, expect, it } from "vitest";
import { lookUpNafCode, nafCodeCount, nafLabel } from "./naf.server";

describe("NAF codes", () => {
  it("holds the 732 sub-classes of NAF rév. 2", () => {
    expect(nafCodeCount()).toBe(732);
  });

  it("accepts « 8899B » and « 88.99B » alike and gives the label", () => {
    expect(lookUpNafCode("8899B")).toEqual({ ok: true, code: "88.99B", label: "Action sociale sans hébergement n.c.a." });
    expect(lookUpNafCode("88.99b")).toEqual(lookUpNafCode("8899B"));
    expect(lookUpNafCode("84.11Z")).toMatchObject({ ok: true, label: "Administration publique générale" });
  });

  it("says whether a code is malformed or unknown", () => {
    expect(lookUpNafCode("88.99")).toEqual({ ok: false, reason: "format" });
    expect(lookUpNafCode("bonjour")).toEqual({ ok: false, reason: "format" });
    expect(lookUpNafCode("88.99Z")).toEqual({ ok: false, reason: "unknown" });
    expect(lookUpNafCode("00.00A")).toEqual({ ok: false, reason: "unknown" });
  });

  it("tidies labels and knows nothing of a missing code", () => {
    expect(nafLabel("88.10B")).toBe("Accueil ou accompagnement sans hébergement d’adultes handicapés ou de personnes âgées");
    expect(nafLabel(null)).toBeNull();
    expect(nafLabel("99.99Z")).toBeNull();
  });
});
