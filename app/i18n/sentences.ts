/**
 * The sentences the server and the shared schemas write themselves — field errors, refusals, flash
 * messages — are written in French where they are made (app/schemas, app/models, app/guards) and
 * translated where they are shown, as gettext does: the French sentence is the key of the other
 * language's table. A sentence built with figures or names is keyed by its shape, `{}` where each
 * value goes (« {} doit compter au plus {} caractères. »); the translation places them with `{0}`,
 * `{1}`… (« {0} must be at most {1} characters. »), and each value is translated in turn when the
 * table has it (« Le titre » → « The title »). A sentence the table lacks is shown as written.
 * `app/i18n/server-sentences.test.ts` fails on a French sentence of those folders the table lacks.
 */

/** French sentence (or shape) → its translation. */
export type SentenceTable = Readonly<Record<string, string>>;

type Pattern = { regex: RegExp; translation: string; literalLength: number };

export type Sentences = { exact: Map<string, string>; patterns: Pattern[] };

const PLACE = "{}";

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The table made ready for lookups: exact sentences in a map, shapes as anchored patterns, longest first. */
export function compileSentences(table: SentenceTable): Sentences {
  const exact = new Map<string, string>();
  const patterns: Pattern[] = [];
  for (const [french, translation] of Object.entries(table)) {
    if (!french.includes(PLACE)) {
      exact.set(french, translation);
      continue;
    }
    const parts = french.split(PLACE);
    patterns.push({
      regex: new RegExp(`^${parts.map(escapeRegex).join("([\\s\\S]+?)")}$`),
      translation,
      literalLength: parts.join("").length,
    });
  }
  // The most specific shape wins: « Le titre doit… {} » before « {} doit… {} ».
  patterns.sort((a, b) => b.literalLength - a.literalLength);
  return { exact, patterns };
}

/** A French sentence in the table's language; as written when the table has neither it nor its shape. */
export function translateSentence(sentences: Sentences, french: string, depth = 0): string {
  const exact = sentences.exact.get(french);
  if (exact !== undefined) return exact;
  if (depth > 3) return french;
  for (const pattern of sentences.patterns) {
    const match = pattern.regex.exec(french);
    if (!match) continue;
    const values = match.slice(1).map((value) => translateSentence(sentences, value, depth + 1));
    return pattern.translation.replace(/\{(\d+)\}/g, (whole, index: string) => values[Number(index)] ?? whole);
  }
  return french;
}

/** The shape a French sentence is keyed by: its literal parts with `{}` where each value goes. */
export function sentenceShape(parts: readonly string[]): string {
  return parts.join(PLACE);
}
