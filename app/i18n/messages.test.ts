import { describe, expect, it } from "vitest";
import { en } from "./en";
import { fr } from "./fr";

const MESSAGES = { fr, en };

type Shape = Map<string, "text" | "function" | "list">;

/** Every key path of a table ("layout.footer.legal") with the kind of its value. */
function shapeOf(table: unknown, prefix = "", shape: Shape = new Map()): Shape {
  for (const [key, value] of Object.entries(table as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") shape.set(path, "text");
    else if (typeof value === "function") shape.set(path, "function");
    else if (Array.isArray(value)) shape.set(path, "list");
    else if (value && typeof value === "object") shapeOf(value, path, shape);
    else shape.set(path, "text");
  }
  return shape;
}

/** The keys of one table missing from the other, or of another kind there. */
function mismatches(reference: Shape, other: Shape): string[] {
  return [...reference].filter(([path, kind]) => other.get(path) !== kind).map(([path, kind]) => `${path} (${kind})`);
}

describe("the English and French tables", () => {
  const fr = shapeOf(MESSAGES.fr);
  const en = shapeOf(MESSAGES.en);

  it("hold the same keys, each of the same kind", () => {
    expect(mismatches(fr, en), "in French, missing or different in English").toEqual([]);
    expect(mismatches(en, fr), "in English, missing or different in French").toEqual([]);
  });

  it("fill every text: no empty string, and no English text left in French words", () => {
    const empty = [...Object.entries(flatTexts(MESSAGES.en)), ...Object.entries(flatTexts(MESSAGES.fr))].filter(([, v]) => v.trim() === "");
    expect(empty).toEqual([]);
    // A copy-paste of the French table into the English one: accented French words left in English.
    const untranslated = Object.entries(flatTexts(MESSAGES.en)).filter(([path, v]) => v === flatTexts(MESSAGES.fr)[path] && /[éèêàùçô]/.test(v));
    expect(untranslated).toEqual([]);
  });

  it("notices a key missing in one language", () => {
    expect(mismatches(shapeOf({ a: "x", b: { c: "y" } }), shapeOf({ a: "x", b: {} }))).toEqual(["b.c (text)"]);
    expect(mismatches(shapeOf({ a: (n: number) => String(n) }), shapeOf({ a: "x" }))).toEqual(["a (function)"]);
  });
});

function flatTexts(table: unknown, prefix = "", out: Record<string, string> = {}): Record<string, string> {
  for (const [key, value] of Object.entries(table as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out[path] = value;
    else if (Array.isArray(value)) value.forEach((item, i) => typeof item === "string" && (out[`${path}.${i}`] = item));
    else if (value && typeof value === "object" && typeof value !== "function") flatTexts(value, path, out);
  }
  return out;
}
