import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { LocaleContext } from "./i18n/context";
import { localeOfHtmlLang } from "./i18n/locale";
import { NonceContext, pageNonce } from "./utils/nonce";

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <NonceContext.Provider value={pageNonce(document)}>
        <LocaleContext.Provider value={localeOfHtmlLang(document.documentElement.lang)}>
          <RemixBrowser />
        </LocaleContext.Provider>
      </NonceContext.Provider>
    </StrictMode>,
  );
});
