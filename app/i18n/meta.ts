/**
 * The strings of the request's language in a route's `meta`: the root's loader says which language the
 * page is drawn in (`data.locale`); a page drawn without it (an error before the root loaded) is French.
 */
import type { MetaArgs } from "@remix-run/node";
import { DEFAULT_LOCALE, isLocale } from "./locale";
import { messagesFor, type Messages } from "./messages";

export function metaText(matches: MetaArgs["matches"]): Messages {
  const root = matches.find((match) => match.id === "root");
  const locale = (root?.data as { locale?: unknown } | null | undefined)?.locale;
  return messagesFor(isLocale(locale) ? locale : DEFAULT_LOCALE);
}
