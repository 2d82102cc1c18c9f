/**
 * Calls route loaders and actions as Remix would, with a real Request
 * carrying a real session cookie, and reads what they return or throw.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { startSession } from "~/utils/auth.server";
import { readFlash } from "~/utils/flash.server";
import type { ActionReply } from "~/utils/reply";

export type Called = {
  status: number;
  /** The payload of `data(...)` or of a plain object. */
  data?: unknown;
  /** Location of a redirect. */
  location?: string | null;
  /** The message a redirect leaves for the next page (the flash cookie, read as the root loader reads it). */
  flash?: string | null;
  /** The headers the answer carries (a 429's Retry-After). */
  headers?: Headers;
  thrown: boolean;
};

/** The network address route tests call from unless they name one. */
export const TEST_CLIENT_ADDRESS = "192.0.2.10";

type Handler = (args: LoaderFunctionArgs & ActionFunctionArgs) => unknown;

async function read(value: unknown, thrown: boolean): Promise<Called> {
  if (value instanceof Response) {
    const cookies = value.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const flash = (await readFlash(new Request("http://localhost/", { headers: { Cookie: cookies } }))).flash?.message ?? null;
    return { status: value.status, location: value.headers.get("Location"), flash, headers: value.headers, thrown };
  }
  if (value && typeof value === "object" && "type" in value && (value as { type: unknown }).type === "DataWithResponseInit") {
    const { data, init } = value as unknown as { data: unknown; init: ResponseInit | null };
    return { status: init?.status ?? 200, data, headers: new Headers(init?.headers), thrown };
  }
  if (value instanceof Error) throw value;
  return { status: 200, data: value, thrown };
}

export function cookieFor(userId: number | null): string | null {
  return userId === null ? null : startSession(userId).split(";")[0]!;
}

function buildRequest(path: string, cookie: string | null, form?: Record<string, string | string[]>, acceptLanguage?: string): Request {
  const headers = new Headers();
  if (acceptLanguage) headers.set("Accept-Language", acceptLanguage);
  if (cookie) headers.set("Cookie", cookie);
  if (!form) return new Request(`http://localhost${path}`, { headers });
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  }
  headers.set("Content-Type", "application/x-www-form-urlencoded");
  return new Request(`http://localhost${path}`, { method: "POST", headers, body });
}

async function call(handler: Handler, request: Request, params: Record<string, string>, clientAddress = TEST_CLIENT_ADDRESS): Promise<Called> {
  try {
    return read(await handler({ request, params, context: { clientAddress } } as LoaderFunctionArgs & ActionFunctionArgs), false);
  } catch (error) {
    return read(error, true);
  }
}

/** GET through a loader as the given user (null: a visitor). */
export function get(handler: Handler, path: string, userId: number | null, params: Record<string, string> = {}) {
  return call(handler, buildRequest(path, cookieFor(userId)), params);
}

/** POST a form through an action as the given user. */
export function post(
  handler: Handler,
  path: string,
  userId: number | null,
  form: Record<string, string | string[]>,
  params: Record<string, string> = {},
  clientAddress?: string,
) {
  return call(handler, buildRequest(path, cookieFor(userId), form), params, clientAddress);
}

/** POST a form through an action from a browser that asks for this language (Accept-Language). */
export function postInLanguage(acceptLanguage: string, handler: Handler, path: string, userId: number | null, form: Record<string, string | string[]>) {
  return call(handler, buildRequest(path, cookieFor(userId), form, acceptLanguage), {});
}

function replyOf(called: Called): Partial<ActionReply> {
  return (called.data ?? {}) as Partial<ActionReply>;
}

/** The field errors of an action's reply (the form's own under ""). */
export function fieldErrors(called: Called): Record<string, string[] | null> {
  return replyOf(called).result?.error ?? {};
}

/** What the form will show again in its fields. */
export function initialValue(called: Called): Record<string, unknown> {
  return replyOf(called).result?.initialValue ?? {};
}

/** The form the reply names (null: the page's form). */
export function formIdOf(called: Called): string | null | undefined {
  return replyOf(called).formId;
}

/** Every message of a reply, the form's and the fields', as one text to match. */
export function messageOf(called: Called): string {
  const reply = replyOf(called);
  return [reply.message ?? "", ...Object.values(reply.result?.error ?? {}).flatMap((e) => e ?? [])].join(" ").trim();
}
