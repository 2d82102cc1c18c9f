import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ORGANISATION_KINDS } from "./vocabulary";
import {
  checkSiren,
  checkSiret,
  ESS_KINDS,
  formatSiren,
  formatSiret,
  isEssKind,
  LA_POSTE_HEAD_OFFICE_SIRET,
  luhnComplete,
  luhnValid,
  normaliseNafCode,
  normaliseRegistrationNumber,
  ORGANISATION_KIND_LABELS,
  organisationSlug,
  sirenOfSiret,
} from "./organisation";

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(""));
/** A valid SIRET outside La Poste: a valid SIREN, 4 digits, the key. */
const validSiret = digits(8)
  .filter((d) => !"356000000".startsWith(d))
  .chain((d) => digits(4).map((nic) => luhnComplete(`${luhnComplete(d)}${nic}`)))
  .filter((siret) => checkSiren(siret.slice(0, 9)).ok);

describe("Luhn", () => {
  it("accepts known numbers and refuses a changed digit", () => {
    // SIREN and SIRET of public registers (INSEE's own examples).
    expect(luhnValid("732829320")).toBe(true);
    expect(luhnValid("73282932000074")).toBe(true);
    expect(luhnValid("732829321")).toBe(false);
    expect(luhnValid("")).toBe(false);
    expect(luhnValid("12a")).toBe(false);
  });

  it("luhnComplete always gives a number that passes, and changing one digit breaks it", () => {
    fc.assert(
      fc.property(digits(13), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 1, max: 9 }), (body, at, delta) => {
        const full = luhnComplete(body);
        expect(luhnValid(full)).toBe(true);
        const changed = full.slice(0, at) + String((Number(full[at]) + delta) % 10) + full.slice(at + 1);
        // Luhn catches every single-digit error.
        expect(luhnValid(changed)).toBe(false);
      }),
    );
  });
});

describe("SIREN and SIRET", () => {
  it("normalises spaces of every kind", () => {
    expect(normaliseRegistrationNumber(" 732 829\u00a0320\u202f")).toBe("732829320");
    expect(checkSiren("732 829 320")).toEqual({ ok: true, value: "732829320" });
    expect(checkSiret("732 829 320 00074")).toEqual({ ok: true, value: "73282932000074" });
  });

  it("says whether the shape or the key is wrong", () => {
    expect(checkSiren("12345678")).toEqual({ ok: false, reason: "format" });
    expect(checkSiren("73282932A")).toEqual({ ok: false, reason: "format" });
    expect(checkSiren("732829321")).toEqual({ ok: false, reason: "key" });
    expect(checkSiret("7328293200007")).toEqual({ ok: false, reason: "format" });
    expect(checkSiret("73282932000075")).toEqual({ ok: false, reason: "key" });
  });

  it("a SIRET whose 14 digits pass Luhn but whose SIREN does not is refused", () => {
    const badSiren = "732829321"; // key broken
    const siret = luhnComplete(`${badSiren}0001`);
    expect(luhnValid(siret)).toBe(true);
    expect(checkSiret(siret)).toEqual({ ok: false, reason: "key" });
  });

  it("La Poste's establishments: valid when the digits sum to a multiple of 5, not by Luhn", () => {
    expect(checkSiren("356000000").ok).toBe(true);
    expect(checkSiret("35600000049837").ok).toBe(true); // 3+5+6+4+9+8+3+7 = 45
    expect(luhnValid("35600000049837")).toBe(false);
    expect(checkSiret("35600000049838")).toEqual({ ok: false, reason: "key" }); // 46
    // The head office keeps the Luhn key.
    expect(checkSiret(LA_POSTE_HEAD_OFFICE_SIRET).ok).toBe(true);
  });

  it("property: every La Poste SIRET is valid exactly when its digit sum is a multiple of 5", () => {
    fc.assert(
      fc.property(digits(5), (nic) => {
        const siret = `356000000${nic}`;
        fc.pre(siret !== LA_POSTE_HEAD_OFFICE_SIRET);
        const sum = [...siret].reduce((s, c) => s + Number(c), 0);
        expect(checkSiret(siret).ok).toBe(sum % 5 === 0);
      }),
    );
  });

  it("property: a valid SIRET, however spaced, is accepted, and its SIREN is its first 9 digits", () => {
    fc.assert(
      fc.property(validSiret, fc.array(fc.constantFrom(" ", "\u00a0", "\u202f"), { maxLength: 4 }), (siret, spaces) => {
        const typed = spaces.reduce((s, sp, i) => s.slice(0, 3 * (i + 1)) + sp + s.slice(3 * (i + 1)), siret);
        expect(checkSiret(typed)).toEqual({ ok: true, value: siret });
        expect(sirenOfSiret(typed)).toBe(siret.slice(0, 9));
        expect(checkSiren(sirenOfSiret(typed)).ok).toBe(true);
      }),
    );
  });

  it("property: swapping two different adjacent digits of a valid SIRET (but 0-9/9-0) breaks it", () => {
    fc.assert(
      fc.property(validSiret, fc.integer({ min: 0, max: 12 }), (siret, at) => {
        const [a, b] = [siret[at]!, siret[at + 1]!];
        fc.pre(a !== b && !((a === "0" && b === "9") || (a === "9" && b === "0")));
        const swapped = siret.slice(0, at) + b + a + siret.slice(at + 2);
        expect(luhnValid(swapped)).toBe(false);
        expect(checkSiret(swapped).ok).toBe(false);
      }),
    );
  });

  it("prints numbers as INSEE does", () => {
    expect(formatSiren("732829320")).toBe("732\u00a0829\u00a0320");
    expect(formatSiret("73282932000074")).toBe("732\u00a0829\u00a0320\u00a000074");
  });
});

describe("NAF codes", () => {
  it("accepts the usual spellings and refuses others", () => {
    expect(normaliseNafCode("88.99B")).toBe("88.99B");
    expect(normaliseNafCode("8899B")).toBe("88.99B");
    expect(normaliseNafCode(" 88 99 b ")).toBe("88.99B");
    expect(normaliseNafCode("88.99")).toBeNull();
    expect(normaliseNafCode("889B")).toBeNull();
    expect(normaliseNafCode("abcde")).toBeNull();
  });
});

describe("kinds", () => {
  it("labels every kind in French and names the ESS structures", () => {
    for (const kind of ORGANISATION_KINDS) expect(ORGANISATION_KIND_LABELS[kind]).toMatch(/^[A-ZÉ]/);
    expect(ORGANISATION_KIND_LABELS.cooperative).toBe("Coopérative (SCOP, SCIC…)");
    expect(ESS_KINDS).toEqual(["association", "cooperative", "mutuelle", "fondation", "societe-ess"]);
    expect(isEssKind("societe-ess")).toBe(true);
    expect(isEssKind("collectivite")).toBe(false);
    expect(isEssKind("entreprise")).toBe(false);
  });
});

describe("organisationSlug", () => {
  it("folds the name and finds a free address", () => {
    const taken = new Set(["lycee-agricole-de-saint-jean"]);
    expect(organisationSlug("Lycée agricole de Saint-Jean", (s) => taken.has(s))).toBe("lycee-agricole-de-saint-jean-2");
    expect(organisationSlug("Cœur d'Œuvre", () => false)).toBe("coeur-d-oeuvre");
    expect(organisationSlug("Nouvelle", () => false)).toBe("nouvelle-2");
    expect(organisationSlug("!!!", () => false)).toBe("organisation");
    expect(organisationSlug("x".repeat(100), () => false)).toHaveLength(60);
  });
});
