/**
 * The language of the page being drawn. entry.server.tsx provides the request's (server/locale.js:
 * the switch's cookie, then Accept-Language); entry.client.tsx reads it back from `<html lang>`, so
 * hydration draws the same words. Components ask `useT()` for the strings and `useFormat()` for
 * numbers and dates in that language.
 */
import { createContext, useContext } from "react";
import { formatsFor, type Formats } from "~/domain/format";
import { DEFAULT_LOCALE, type Locale } from "./locale";
import { messagesFor, type Messages } from "./messages";

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
