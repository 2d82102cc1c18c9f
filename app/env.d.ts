import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's address (X-Forwarded-For is honoured only with TRUST_PROXY). */
    clientAddress: string;
    /** This response's Content-Security-Policy nonce (server.js), for the inline scripts Remix writes. */
    cspNonce: string;
  }
}
