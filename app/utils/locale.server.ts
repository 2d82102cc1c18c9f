/**
 * The language of a request on the server (loaders, actions, meta): the same choice as the page's
 * (server/locale.js), and the cookie the footer's switch sets.
 */
import { formatsFor, type Formats } from "~/domain/format";
import { LOCALE_COOKIE_NAME, negotiateLocale, type Locale } from "~/i18n/locale";
import { en, sentences } from "~/i18n/en";
import { messagesFor, registerMessages, sentenceIn, type Messages } from "~/i18n/messages";
import { parseCookieHeader } from "../../server/cookies.js";

// The server draws pages in every language: all tables are loaded with the first server module that needs one.
registerMessages("en", en, sentences);

export function requestLocale(request: Request): Locale {
  return negotiateLocale({
    cookie: parseCookieHeader(request.headers.get("cookie") ?? undefined).get(LOCALE_COOKIE_NAME),
    acceptLanguage: request.headers.get("accept-language"),
  });
}

export type Text = { locale: Locale; t: Messages; format: Formats; say: (french: string) => string };

/** The strings and formats of the request's language, for what a loader or an action writes itself. */
export function requestText(request: Request): Text {
  return textIn(requestLocale(request));
}

/** The strings and formats of a language: for a mail, in its recipient's. */
export function textIn(locale: Locale): Text {
  return { locale, t: messagesFor(locale), format: formatsFor(locale), say: (french) => sentenceIn(locale, french) };
}

const ONE_YEAR_S = 365 * 24 * 3600;

/** The switch's choice, kept a year; not a secret, and readable by server.js before Remix runs. */
export function localeCookie(locale: Locale, secure: boolean): string {
  return `${LOCALE_COOKIE_NAME}=${locale}; Path=/; Max-Age=${ONE_YEAR_S}; SameSite=Lax${secure ? "; Secure" : ""}`;
}
