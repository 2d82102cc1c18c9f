/**
 * Every word the interface shows comes from the tables of app/i18n: this test fails, naming the file
 * and the line, on French left in a component or a route module (app/i18n/french-scan.server.ts).
 * The files still to be translated are listed below; a file leaves the list once it is clean, and the
 * test fails when a listed file has become clean without leaving it.
 */
import { describe, expect, it } from "vitest";
import { frenchInInterface, frenchStringsIn } from "./french-scan.server";

/** Files whose French is still written in the file: each one is work left, to empty this list. */
const NOT_YET_TRANSLATED = new Set<string>([
]);

describe("French left in the interface's code", () => {
  const french = frenchInInterface();

  it("is none in the translated components and routes: their words come from app/i18n", () => {
    const left = [...french].filter(([file, strings]) => !NOT_YET_TRANSLATED.has(file) && strings.length > 0);
    expect(left.flatMap(([file, strings]) => strings.map((s) => `${file}:${s.line} « ${s.text} »`))).toEqual([]);
  });

  it("is still in each file listed as not yet translated (a clean file leaves the list)", () => {
    const clean = [...NOT_YET_TRANSLATED].filter((file) => (french.get(file)?.length ?? 0) === 0);
    expect(clean).toEqual([]);
  });

  it("is found in JSX text, attributes and template strings, not in class names or URLs", () => {
    const sample = `export const A = () => <p className="mise-en-avant" title="Voir le projet">Bonjour {name}, <a href="/projets/nouveau">créer</a></p>;
const b = \`\${n} projets à voir\`; const c = "majorite-simple"; const d = "Save the draft";
export const B = () => <Field label="Titre" variant="ghost"><SubmitButton>Enregistrer</SubmitButton> CSV · Maillon</Field>;`;
    expect(frenchStringsIn("sample.tsx", sample).map((s) => s.text)).toEqual([
      "Voir le projet",
      "Bonjour",
      "créer",
      "projets à voir",
      "Titre",
      "Enregistrer",
    ]);
  });
});
