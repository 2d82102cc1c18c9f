import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { LocaleContext } from "./i18n/context";
import { localeOfHtmlLang } from "./i18n/locale";
import { loadMessages } from "./i18n/messages";
import { NonceContext, pageNonce } from "./utils/nonce";

const locale = localeOfHtmlLang(document.documentElement.lang);

function hydrate() {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <NonceContext.Provider value={pageNonce(document)}>
          <LocaleContext.Provider value={locale}>
            <RemixBrowser />
          </LocaleContext.Provider>
        </NonceContext.Provider>
      </StrictMode>,
    );
  });
}

// A page drawn in English needs the English table before hydrating, or React would redraw it in French.
// Should the table fail to load, the page is hydrated anyway: the server's words stay until React redraws.
loadMessages(locale).then(hydrate, hydrate);
