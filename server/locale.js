// @ts-check
/**
 * The languages of the interface and how a request chooses one: the `maillon_lang` cookie set by
 * the footer's switch, else the browser's `Accept-Language`, else French. Plain JavaScript because
 * server.js keys its page cache by language before Remix runs; the app imports it through
 * app/i18n/locale.ts.
 */

/** @typedef {"fr" | "en"} Locale */

/** @type {readonly Locale[]} */
export const LOCALES = ["fr", "en"];

/** @type {Locale} */
export const DEFAULT_LOCALE = "fr";

export const LOCALE_COOKIE_NAME = "maillon_lang";

/**
 * @param {unknown} value
 * @returns {value is Locale}
 */
export function isLocale(value) {
  return typeof value === "string" && /** @type {readonly string[]} */ (LOCALES).includes(value);
}

/**
 * The best of our languages for an `Accept-Language` header (RFC 9110: ranges with q-values, `*`),
 * or null when it names none of them.
 * @param {string | null | undefined} header
 * @returns {Locale | null}
 */
export function localeFromAcceptLanguage(header) {
  if (!header) return null;
  /** @type {{ locale: Locale, q: number, order: number }[]} */
  const ranked = [];
  header.split(",").forEach((part, order) => {
    const [range = "", ...params] = part.trim().toLowerCase().split(";");
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) return;
    const primary = range.trim().split("-")[0];
    if (primary === "*") ranked.push({ locale: DEFAULT_LOCALE, q, order });
    else if (isLocale(primary)) ranked.push({ locale: primary, q, order });
  });
  ranked.sort((a, b) => b.q - a.q || a.order - b.order);
  return ranked[0]?.locale ?? null;
}

/**
 * The language of a request: the cookie's when it names one of ours, else the header's, else French.
 * @param {{ cookie: string | null | undefined, acceptLanguage: string | null | undefined }} request
 * @returns {Locale}
 */
export function negotiateLocale({ cookie, acceptLanguage }) {
  if (isLocale(cookie)) return cookie;
  return localeFromAcceptLanguage(acceptLanguage) ?? DEFAULT_LOCALE;
}
