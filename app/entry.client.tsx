import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { NonceContext, pageNonce } from "./utils/nonce";

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <NonceContext.Provider value={pageNonce(document)}>
        <RemixBrowser />
      </NonceContext.Provider>
    </StrictMode>,
  );
});
