import { describe, expect, it } from "vitest";
import { getDb } from "~/utils/db.server";
import { communeLabel, getCommune, getCommunes, searchCommunes } from "./commune.server";

const SAINT_JEAN = "17347";

describe("searchCommunes", () => {
  it("finds Saint-Jean-d'Angély first by name, accents and punctuation ignored", () => {
    const db = getDb();
    for (const query of [
      "saint jean d'ang",
      "Saint-Jean-d'Angély",
      "SAINT JEAN D ANG",
      "  saint-jean-d’ang ",
    ]) {
      expect(searchCommunes(db, query)[0]?.code, query).toBe(SAINT_JEAN);
    }
  });

  it("matches name prefixes only, largest commune first", () => {
    const results = searchCommunes(getDb(), "saint jean", 10);
    expect(results).toHaveLength(10);
    for (const c of results) expect(c.name.toLowerCase()).toMatch(/^saint-jean/);
    const populations = results.map((c) => c.population);
    expect(populations).toEqual([...populations].sort((a, b) => b - a));
  });

  it("finds communes by postal code or postal-code prefix", () => {
    const db = getDb();
    const byPostalCode = searchCommunes(db, "17400");
    expect(byPostalCode[0]?.code).toBe(SAINT_JEAN);
    expect(byPostalCode.length).toBeGreaterThan(5);
    expect(searchCommunes(db, "174", 50).map((c) => c.code)).toContain(SAINT_JEAN);
    // A secondary postal code: Marseille holds 13001 to 13016.
    expect(searchCommunes(db, "13008").map((c) => c.code)).toContain("13055");
  });

  it("finds a commune by its exact INSEE code, Corsica included", () => {
    const db = getDb();
    expect(searchCommunes(db, SAINT_JEAN).map((c) => c.code)).toContain(SAINT_JEAN);
    expect(searchCommunes(db, "2a004")[0]?.name).toBe("Ajaccio");
  });

  it("returns nothing for unknown or empty queries, and respects the limit", () => {
    const db = getDb();
    expect(searchCommunes(db, "zzzzqx")).toEqual([]);
    expect(searchCommunes(db, "   ")).toEqual([]);
    expect(searchCommunes(db, "''")).toEqual([]);
    expect(searchCommunes(db, "saint", 3)).toHaveLength(3);
  });
});

describe("getCommune and communeLabel", () => {
  it("reads one commune with its postal codes", () => {
    const commune = getCommune(getDb(), SAINT_JEAN);
    expect(commune).toMatchObject({
      code: SAINT_JEAN,
      name: "Saint-Jean-d'Angély",
      departmentCode: "17",
      postalCodes: ["17400"],
    });
    expect(commune?.population).toBeGreaterThan(5000);
    expect(getCommune(getDb(), "00000")).toBeUndefined();
  });

  it("reads several communes at once, skipping unknown codes", () => {
    const codes = getCommunes(getDb(), [SAINT_JEAN, "59392", "00000"])
      .map((c) => c.code)
      .sort();
    expect(codes).toEqual([SAINT_JEAN, "59392"]);
    expect(getCommunes(getDb(), [])).toEqual([]);
  });

  it("labels a commune with its main postal code", () => {
    expect(communeLabel(getCommune(getDb(), SAINT_JEAN)!)).toBe("Saint-Jean-d'Angély (17400)");
    expect(communeLabel({ name: "Sans code", postalCodes: [] })).toBe("Sans code");
  });
});
