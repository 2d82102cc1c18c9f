import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { signUpSchema } from "./auth";
import { projectSchema } from "./project";
import { bidiControlsIn, cleanLine, cleanMultiline, optionalText, requiredText } from "./text";

const CONTROL = /[\u0000-\u001F\u007F-\u009F]/u;
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u;
const BIDI = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C"];

/** Strings as hostile as fast-check makes them: any code point, controls and lone surrogates included. */
const anyText = fc.string({ unit: "binary", maxLength: 200 });
/** Text made of whole graphemes (emoji with skin tones and ZWJ, accented letters, scripts of the world). */
const graphemes = fc.string({ unit: "grapheme", maxLength: 60 });
const bidiChar = fc.constantFrom(...BIDI);
const graphemesWithoutBidi = graphemes.filter((s) => bidiControlsIn(s).length === 0);

const name = requiredText("Indiquez un nom.", 2, 80, "Le nom", "name");
const title = requiredText("Donnez un titre.", 3, 120, "Le titre", "title");
const longText = optionalText(5000, "La description", "multiline");
const line = optionalText(200, "L'adresse");

function errorOf(schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } }, value: unknown): string | undefined {
  const result = schema.safeParse(value);
  return result.success ? undefined : result.error!.issues[0]!.message;
}

describe("one line of text", () => {
  it("never keeps a control character, is NFC and trimmed, and cleaning it twice changes nothing", () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const clean = cleanLine(raw);
        expect(clean).not.toMatch(CONTROL);
        expect(clean).toBe(clean.normalize("NFC"));
        expect(clean).toBe(clean.trim());
        expect(cleanLine(clean)).toBe(clean);
      }),
    );
  });

  it("removes NUL and the C1 controls, and turns tabs and line breaks into spaces between words", () => {
    expect(line.parse("Na\u0000dia\u0085 \u009B")).toBe("Nadia");
    expect(line.parse("12 rue\tdes\r\nLilas\u0007")).toBe("12 rue des Lilas");
  });

  it("keeps emoji, accents and every script whole", () => {
    fc.assert(
      fc.property(graphemes, (raw) => {
        fc.pre(!CONTROL.test(raw) && bidiControlsIn(raw).length === 0);
        expect(cleanLine(raw)).toBe(raw.normalize("NFC").trim());
      }),
    );
    expect(name.parse("  Zoé 👩🏽‍🚀 Ngô  ")).toBe("Zoé 👩🏽‍🚀 Ngô");
    expect(name.parse("نادية بن علي")).toBe("نادية بن علي");
  });

  it("stores a letter typed with a combining accent as the one composed letter", () => {
    const typed = "Ze\u0301lie Jose\u0301";
    const stored = name.parse(typed);
    expect(stored).toBe("Zélie José");
    expect(stored.length).toBe(10);
  });
});

describe("a multi-line text", () => {
  it("keeps line breaks and tabs, writes them LF, and removes every other control", () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const clean = cleanMultiline(raw);
        expect(clean).not.toMatch(CONTROL_BUT_LINES);
        expect(clean).not.toContain("\r");
        expect(clean).toBe(clean.normalize("NFC"));
        expect(cleanMultiline(clean)).toBe(clean);
      }),
    );
    expect(longText.parse("Premier point :\r\n\t- le local\r\n\u0000- les outils\rFin")).toBe("Premier point :\n\t- le local\n- les outils\nFin");
  });
});

describe("names and titles", () => {
  it("refuse any bidirectional control, wherever it is, naming it in French", () => {
    fc.assert(
      fc.property(graphemesWithoutBidi, bidiChar, graphemesWithoutBidi, (before, control, after) => {
        const message = errorOf(name, `Na${before}${control}${after}dia`);
        const code = `U+${control.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
        expect(message).toBe(`Ce nom contient des caractères de contrôle de direction (${code}) : retirez-les.`);
      }),
    );
    expect(errorOf(title, "Le \u202Eprojet\u2066 fou")).toBe("Ce titre contient des caractères de contrôle de direction (U+202E, U+2066) : retirez-les.");
  });

  it("refuse the Nadia of the spoofing example at sign-up, with the message at the display name", () => {
    const result = signUpSchema.safeParse({ email: "nadia@exemple.fr", displayName: "Na\u202Edia\u0001", password: "x".repeat(20), commune: "Matha", roles: ["porteur"] });
    expect(result.success).toBe(false);
    expect(result.error!.issues.filter((i) => i.path[0] === "displayName").map((i) => i.message)).toEqual([
      "Ce nom contient des caractères de contrôle de direction (U+202E) : retirez-les.",
    ]);
  });

  it("leave bidirectional marks alone in long texts, where Arabic or Hebrew quotes need them", () => {
    expect(longText.parse("Elle a dit « \u200Fمرحبا\u200F » en arrivant.")).toContain("\u200F");
  });

  it("are what the project form's title is", () => {
    const result = projectSchema.safeParse({ title: "Boulangerie\u202E" });
    expect(result.error!.issues.find((i) => i.path[0] === "title")!.message).toMatch(/^Ce titre contient/);
  });
});

describe("huge input", () => {
  it("is refused at its length, quickly", () => {
    const huge = "é".repeat(1_000_000) + "\u0000".repeat(1_000_000);
    const started = performance.now();
    expect(errorOf(longText, huge)).toBe("La description doit compter au plus 5000 caractères.");
    expect(errorOf(name, huge)).toBe("Le nom doit compter au plus 80 caractères.");
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("counts the length after cleaning: controls and decomposed accents do not push a text over its limit", () => {
    const atLimit = "e\u0301".repeat(80) + "\u0000".repeat(50);
    expect(name.parse(atLimit)).toBe("é".repeat(80));
  });
});

describe("every schema", () => {
  it("builds its text fields on text.ts: no z.string() in app/schemas but for passwords, which are checked as typed", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const dir = new URL(".", import.meta.url);
    const offenders: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "text.ts")) {
      const source = readFileSync(new URL(file, dir), "utf8");
      // Each `.string(` with the 200 characters before it: a password field names itself there.
      for (const match of source.matchAll(/\.string\(/g)) {
        const before = source.slice(Math.max(0, match.index - 200), match.index);
        if (!/password|Password|mot de passe/.test(before + source.slice(match.index, match.index + 80))) offenders.push(`${file}: …${source.slice(match.index - 40, match.index + 40)}…`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
