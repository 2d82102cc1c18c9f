/**
 * Every string of the interface, one table per language: `fr/` is the reference, `en/` must hold
 * exactly the same keys (TypeScript says so at build time, `messages.test.ts` at test time). A
 * value is a string, or a function of the figures it shows (`(count: number) => string`), so that
 * each language writes its own plurals and word order.
 *
 * French is always loaded. The English table is registered by the server (app/utils/locale.server.ts)
 * and fetched by the browser only for a page drawn in English (entry.client.tsx, before hydrating),
 * so French readers do not download it.
 */
import type { Locale } from "./locale";
import { fr } from "./fr";
import { compileSentences, translateSentence, type SentenceTable, type Sentences } from "./sentences";

/** The French table's shape with every text widened to `string`, which the English table must fill. */
type Widen<T> = T extends (...args: infer A) => unknown
  ? (...args: A) => string
  : T extends string
    ? string
    : T extends readonly (infer U)[]
      ? readonly Widen<U>[]
      : { readonly [K in keyof T]: Widen<T[K]> };

export type Messages = Widen<typeof fr>;

const tables: Partial<Record<Locale, Messages>> = { fr };
/** The sentences written in French by the schemas and the server, translated (French has none). */
const sentenceTables: Partial<Record<Locale, Sentences>> = {};

export function registerMessages(locale: Locale, table: Messages, sentences?: SentenceTable): void {
  tables[locale] = table;
  if (sentences) sentenceTables[locale] = compileSentences(sentences);
}

/** A sentence written in French by a schema, a model or a guard, in the given language (app/i18n/sentences.ts). */
export function sentenceIn(locale: Locale, french: string): string {
  const sentences = sentenceTables[locale];
  return sentences ? translateSentence(sentences, french) : french;
}

/** The table of a language, French until that language's table is loaded. */
export function messagesFor(locale: Locale): Messages {
  return tables[locale] ?? fr;
}

/** Loads a language's table in the browser (a chunk of its own), once. */
export async function loadMessages(locale: Locale): Promise<void> {
  if (tables[locale]) return;
  if (locale === "en") {
    const english = await import("./en");
    registerMessages("en", english.en, english.sentences);
  }
}
