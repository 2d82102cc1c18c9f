/**
 * The message shown once after a redirect ("Votre profil est enregistré."):
 * carried by a signed cookie rather than the URL, so a reload, a shared link
 * or the history never shows it again. Set by `redirectWithFlash`, read and
 * cleared by the root loader, shown by `<Flash>`.
 */
import { createCookie, redirect, type Cookie } from "@remix-run/node";
import type { FlashMessage } from "~/components/ui/flash";
import { getEnv } from "./env.server";

/** Long enough to survive the redirect, short enough that a lost one does not show up days later. */
const FLASH_MAX_AGE_SECONDS = 60;
const MAX_MESSAGE_LENGTH = 500;

let cookie: Cookie | undefined;

function flashCookie(): Cookie {
  const env = getEnv();
  cookie ??= createCookie(env.COOKIE_SECURE ? "__Host-maillon_flash" : "maillon_flash", {
    secrets: [env.COOKIE_SECRET],
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: env.COOKIE_SECURE,
    maxAge: FLASH_MAX_AGE_SECONDS,
  });
  return cookie;
}

/**
 * A redirect that shows `flash` once on the page it leads to (a sentence, or a
 * sentence and a link onwards); `init` keeps other headers (a session cookie).
 */
export async function redirectWithFlash(to: string, flash: string | FlashMessage, init: ResponseInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await flashCookie().serialize(typeof flash === "string" ? { message: flash } : flash));
  return redirect(to, { ...init, headers });
}

/** Only what we wrote: a signed value has our shape, yet a short one read from an older cookie must not break a page. */
function asFlash(value: unknown): FlashMessage | null {
  if (!value || typeof value !== "object") return null;
  const { message, link } = value as { message?: unknown; link?: { href?: unknown; label?: unknown } };
  if (typeof message !== "string" || message.length === 0) return null;
  const flash: FlashMessage = { message: message.slice(0, MAX_MESSAGE_LENGTH) };
  if (link && typeof link.href === "string" && link.href.startsWith("/") && !link.href.startsWith("//") && typeof link.label === "string") {
    flash.link = { href: link.href, label: link.label };
  }
  return flash;
}

/**
 * The message waiting for this request, and the header that clears it; a
 * cookie whose signature does not match (changed by hand, or signed before a
 * restart) is ignored.
 */
export async function readFlash(request: Request): Promise<{ flash: FlashMessage | null; headers: Headers }> {
  const headers = new Headers();
  const header = request.headers.get("Cookie");
  const name = flashCookie().name;
  if (!header || !header.includes(`${name}=`)) return { flash: null, headers };
  headers.append("Set-Cookie", await flashCookie().serialize("", { maxAge: 0, expires: new Date(0) }));
  return { flash: asFlash(await flashCookie().parse(header)), headers };
}
