import { describe, expect, it } from "vitest";
import { getDb } from "~/utils/db.server";
import { resolveCommune } from "./commune-resolution.server";

describe("reading the commune field", () => {
  it("takes the code chosen from the suggestions when the text still matches it", () => {
    const result = resolveCommune(getDb(), "Saint-Jean-d'Angély (17400)", "17347");
    expect(result).toMatchObject({ ok: true, commune: { code: "17347" } });
  });

  it("ignores a chosen code the person typed over", () => {
    const result = resolveCommune(getDb(), "Matha", "17347");
    expect(result).toMatchObject({ ok: true, commune: { code: "17224" } });
  });

  it.each([
    ["Matha", "17224"],
    ["saint jean d'angely", "17347"],
    ["Saint-Jean-d'Angély (17400)", "17347"],
    ["Maubeuge", "59392"],
    ["17000", "17300"],
    ["2A004", "2A004"],
    ["2a004", "2A004"],
    ["75056", "75056"],
  ])("reads « %s » without JavaScript", (text, code) => {
    expect(resolveCommune(getDb(), text)).toMatchObject({ ok: true, commune: { code } });
  });

  it.each(["Saint-Martin", "59600"])("offers the communes that match « %s » to choose from", (text) => {
    const result = resolveCommune(getDb(), text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^Plusieurs communes correspondent à « .+ » : choisissez la vôtre ci-dessous/);
    expect(!result.ok && "choices" in result && result.choices.length).toBeGreaterThan(1);
  });

  it("takes a commune chosen among those offered for an ambiguous postal code", () => {
    const offered = resolveCommune(getDb(), "59600");
    const assevent = !offered.ok && "choices" in offered ? offered.choices.find((c) => c.name === "Assevent") : undefined;
    expect(assevent?.code).toBe("59021");
    expect(resolveCommune(getDb(), "59600", "59021")).toMatchObject({ ok: true, commune: { code: "59021", name: "Assevent" } });
    // A code the typed text cannot mean is not taken.
    expect(resolveCommune(getDb(), "59600", "17347").ok).toBe(false);
  });

  it("says so in French when nothing matches, and for an empty field", () => {
    const unknown = resolveCommune(getDb(), "Zzyzx-sur-Mer");
    expect(!unknown.ok && unknown.message).toMatch(/^Commune inconnue : « Zzyzx-sur-Mer »/);
    expect(resolveCommune(getDb(), "  ")).toEqual({ ok: false, status: 400, message: "Indiquez votre commune.", field: "commune" });
    expect(resolveCommune(getDb(), "", "99999")).toEqual({ ok: false, status: 400, message: "Indiquez votre commune.", field: "commune" });
  });
});
