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

export const UNREADABLE_FORM_MESSAGE =
  "Le formulaire envoyé n'a pas pu être lu (il est peut-être incomplet). Rechargez la page et envoyez-le de nouveau.";

/**
 * A 400 answer: the request itself cannot be understood. A Response (not `data()`), so that a page's
 * error boundary shows the French message and a route without a page (sign-out) answers it as is.
 */
export function badRequest(message = UNREADABLE_FORM_MESSAGE): Response {
  return Response.json({ message }, { status: 400 });
}

/**
 * The posted form, the one way every action reads it. A body that is not a form (JSON, text, a
 * multipart body without its boundary or cut short) throws a 400 with a French message, never a 500.
 */
export async function readFormData(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch (error) {
    // The client went away mid-body: nobody is left to answer.
    if (request.signal.aborted) throw error;
    throw badRequest();
  }
}
