/**
 * Every string of the interface, one table per language: `fr/` is the reference, `en/` must hold
 * exactly the same keys (TypeScript says so at build time, `messages.test.ts` at test time). A
 * value is a string, or a function of the figures it shows (`(count: number) => string`), so that
 * each language writes its own plurals and word order.
 */
import type { Locale } from "./locale";
import { en } from "./en";
import { fr } from "./fr";

/** The French table's shape with every text widened to `string`, which the English table must fill. */
type Widen<T> = T extends (...args: infer A) => unknown
  ? (...args: A) => string
  : T extends string
    ? string
    : T extends readonly (infer U)[]
      ? readonly Widen<U>[]
      : { readonly [K in keyof T]: Widen<T[K]> };

export type Messages = Widen<typeof fr>;

export const MESSAGES: Record<Locale, Messages> = { fr, en };

export function messagesFor(locale: Locale): Messages {
  return MESSAGES[locale];
}
