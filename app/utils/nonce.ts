/**
 * The Content-Security-Policy nonce of the page being drawn. server.js draws one per response and
 * puts it in the policy and in the load context; entry.server.tsx provides it here, so that root.tsx
 * gives it to every inline script Remix writes (the page's data, scroll restoration, the module loader).
 * In the browser, entry.client.tsx provides the one the page was sent with, so hydration draws the same.
 */
import { createContext, useContext } from "react";

export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}

/** The nonce the server gave this page (read from one of its scripts; browsers hide the attribute itself). */
export function pageNonce(document: Document): string | undefined {
  return document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce || undefined;
}
