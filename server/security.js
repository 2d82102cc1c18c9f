// @ts-check
/**
 * Request guards applied to every request before Remix sees it. Plain JS so
 * that server.js can use them without a build step; type-checked via @ts-check.
 */
import { randomBytes } from "node:crypto";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The origins this site is reached at, from configuration only (never from the request's
 * Host header, which the client writes): PUBLIC_URL's origin, and while PUBLIC_URL is left at
 * its default (`http://localhost:<PORT>`, a machine of one's own), the same port on 127.0.0.1.
 * @param {{ PUBLIC_URL: string, PUBLIC_URL_DEFAULTED: boolean, PORT: number }} env
 * @returns {string[]}
 */
export function acceptedOrigins({ PUBLIC_URL, PUBLIC_URL_DEFAULTED, PORT }) {
  const origins = [new URL(PUBLIC_URL).origin];
  if (PUBLIC_URL_DEFAULTED) origins.push(`http://127.0.0.1:${PORT}`);
  return origins;
}

/**
 * Decides whether a state-changing request comes from this site.
 * Browsers send `Origin` on every POST; when it is absent we fall back to
 * `Sec-Fetch-Site`. A request with neither is not from a browser (curl, a
 * script) and cannot carry a victim's cookies by accident, so it passes.
 * @param {{ method: string, origin?: string | undefined, secFetchSite?: string | undefined, acceptedOrigins: readonly string[] }} request
 * @returns {boolean}
 */
export function isSameOriginWrite({ method, origin, secFetchSite, acceptedOrigins }) {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  if (origin) return acceptedOrigins.includes(origin);
  if (secFetchSite) return secFetchSite === "same-origin";
  return true;
}

/** @type {Record<string, string>} */
export const SECURITY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
};

/** A fresh nonce for one response's inline scripts: 128 random bits, base64. */
export function newNonce() {
  return randomBytes(16).toString("base64");
}

/**
 * The Content-Security-Policy of one response. Scripts run only from this site or when they carry
 * this response's nonce (Remix's inline scripts get it); styles only from this site's CSS files
 * (no inline `style` attribute anywhere in the pages); images from this site and data: URLs.
 * In development, Vite's client needs inline styles and its HMR websocket (another port).
 * @param {{ nonce: string, development: boolean }} options
 * @returns {string}
 */
export function contentSecurityPolicy({ nonce, development }) {
  const directives = {
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`],
    "style-src": development ? ["'self'", "'unsafe-inline'"] : ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": development ? ["'self'", "ws://localhost:*", "ws://127.0.0.1:*"] : ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/**
 * HSTS only where it means something: the request came over HTTPS (directly, or as the trusted
 * proxy says), or the site's public address is https (the proxy in front of us speaks HTTPS).
 * @param {{ secure: boolean, publicUrl: string }} request
 * @returns {boolean}
 */
export function wantsStrictTransport({ secure, publicUrl }) {
  return secure || publicUrl.startsWith("https:");
}
