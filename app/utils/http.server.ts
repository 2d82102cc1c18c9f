/** Reading ids from requests, and the 403/404 answers every route shares. */
import { data } from "@remix-run/node";

/**
 * A positive integer id written in plain digits ("12"), or null: no value, a
 * file, "", "0", "-1", "1.5", "1e3", " 7", or more than 12 digits. The one
 * reading of ids for URL parameters and form fields alike.
 */
export function readId(value: unknown): number | null {
  if (typeof value !== "string" || !/^\d{1,12}$/.test(value)) return null;
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** A positive integer id from a URL parameter, or a 404. */
export function parseId(value: string | undefined): number {
  const id = readId(value);
  if (id === null) throw notFound();
  return id;
}

export function notFound(message = "Page introuvable") {
  return data({ message }, { status: 404 });
}

export function forbidden(message: string) {
  return data({ message }, { status: 403 });
}

/** Only same-site relative paths; anything else falls back. */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = "/espace"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) {
    return fallback;
  }
  return to;
}
