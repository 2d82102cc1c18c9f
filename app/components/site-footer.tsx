import { Form, useLocation } from "@remix-run/react";
import { useLocale, useT } from "~/i18n/context";
import { HTML_LANG, LANGUAGE_NAMES, type Locale } from "~/i18n/locale";

export function SiteFooter() {
  const t = useT().layout.footer;
  return (
    <footer className="site-footer">
      <div className="container">
        <p>{t.tagline}</p>
        <p>{t.noPayment}</p>
        <p>
          <a href="/impact">{t.impact}</a>
        </p>
        <p>
          <a href="/donnees">{t.openData}</a>
          {t.openDataAfter}
        </p>
        <nav aria-label={t.aboutNav}>
          <ul className="footer-links">
            <li>
              <a href="/mentions-legales">{t.legal}</a>
            </li>
            <li>
              <a href="/confidentialite">{t.privacy}</a>
            </li>
            <li>
              <a href="/accessibilite">{t.accessibility}</a>
            </li>
          </ul>
        </nav>
        <LanguageSwitch />
        <p className="credits">{t.credits}</p>
      </div>
    </footer>
  );
}

/**
 * A form posting the other language to /langue, which keeps it in a cookie and comes back to this
 * page. It reloads the whole document (the language is the page's, not a route's), with or without
 * JavaScript.
 */
function LanguageSwitch() {
  const locale = useLocale();
  const t = useT().layout.footer;
  const location = useLocation();
  const other: Locale = locale === "fr" ? "en" : "fr";
  return (
    <Form method="post" action="/langue" reloadDocument aria-label={t.languageNav} className="language-switch">
      <input type="hidden" name="lang" value={other} />
      <input type="hidden" name="back" value={location.pathname + location.search} />
      <button type="submit" className="button button--ghost" lang={HTML_LANG[other]}>
        {LANGUAGE_NAMES[other]}
        <span className="visually-hidden"> — {t.switchTo}</span>
      </button>
    </Form>
  );
}
