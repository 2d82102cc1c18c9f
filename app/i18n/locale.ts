/**
 * The interface's languages (server/locale.js decides a request's; this module gives them types
 * for the app) and what each is called in HTML and in Intl.
 */
import type { FormatLanguage } from "~/domain/format";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE_NAME, LOCALES, negotiateLocale } from "../../server/locale.js";

export type Locale = (typeof LOCALES)[number];
export { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE_NAME, LOCALES, negotiateLocale };

/** `<html lang>`: French as spoken in France; English without a country. */
export const HTML_LANG: Record<Locale, string> = { fr: "fr-FR", en: "en" };

/** Each language in its own words, for the footer's switch. */
export const LANGUAGE_NAMES: Record<Locale, string> = { fr: "Français", en: "English" };

/** The locale an already drawn page was drawn in (the browser reads it back before hydrating). */
export function localeOfHtmlLang(lang: string | null | undefined): Locale {
  const primary = (lang ?? "").toLowerCase().split("-")[0];
  return isLocale(primary) ? primary : DEFAULT_LOCALE;
}

// The formats of app/domain/format.ts exist for exactly these languages.
const everyLocaleHasFormats: Record<Locale, FormatLanguage> = { fr: "fr", en: "en" };
void everyLocaleHasFormats;
