/**
 * The language of the page being drawn. entry.server.tsx provides the request's (server/locale.js:
 * the switch's cookie, then Accept-Language); entry.client.tsx reads it back from `<html lang>`, so
 * hydration draws the same words. Components ask `useT()` for the strings, `useFormat()` for
 * numbers and dates in that language, and `useSay()` for a sentence a schema or the server wrote in
 * French (a field error, a refusal, a flash message).
 */
import { createContext, useContext } from "react";
import { formatsFor, type Formats } from "~/domain/format";
import { DEFAULT_LOCALE, type Locale } from "./locale";
import { messagesFor, sentenceIn, type Messages } from "./messages";

export const LocaleContext = createContext<Locale>(DEFAULT_LOCALE);

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

export function useT(): Messages {
  return messagesFor(useLocale());
}

export function useFormat(): Formats {
  return formatsFor(useLocale());
}

/** Shows a sentence written in French by a schema, a model or a guard in the page's language. */
export function useSay(): (french: string) => string {
  const locale = useLocale();
  return (french) => sentenceIn(locale, french);
}
