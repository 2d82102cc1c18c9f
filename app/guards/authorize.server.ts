/**
 * The first line of every loader and action: who is asking, and does the
 * permission table let them in? Unlisted routes and intents are refused
 * (default deny). The rule found travels on to the object guards
 * (project, club, mentorship, pôle), which check its scope on the object.
 */
import { data, redirect } from "@remix-run/node";
import { admits, type Audience, type Rule } from "~/domain/permissions";
import { getAuth, type Auth } from "~/utils/auth.server";
import { forbidden } from "~/utils/http.server";
import { scopedClientAddress, takeWrite, tooManyWritesMessage } from "~/utils/rate-limit.server";
import { intentOf, PERMISSIONS, type RouteId, type RouteRules } from "./permissions";

type Table = typeof PERMISSIONS;
type WhoOf<T> = T extends { who: readonly (infer W)[] } ? W : never;
type LoaderWho<R extends RouteId> = Table[R] extends { loader: infer L } ? WhoOf<L> : never;
type ActionWho<R extends RouteId> = Table[R] extends { actions: infer A } ? WhoOf<A[keyof A]> : never;
/** A rule open to visitors may meet nobody signed in; any other meets a signed-in person. */
type AuthFor<W> = [W] extends [never] ? never : Extract<W, "everyone" | "visitor"> extends never ? Auth : Auth | null;

export type Permit<A = Auth | null> = { auth: A; rule: Rule; intent: string | null };

function signInRedirect(request: Request): Response {
  const url = new URL(request.url);
  const params = new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` });
  return redirect(`/connexion?${params}`);
}

/** The signed-in person; a visitor is sent to /connexion?redirectTo=…. */
export function requireUser(request: Request): Auth {
  const auth = getAuth(request);
  if (!auth) throw signInRedirect(request);
  return auth;
}

function ruleFor(route: RouteId, intent: string | null): Rule | undefined {
  const rules: RouteRules = PERMISSIONS[route];
  return intent === null ? rules.loader : rules.actions?.[intent];
}

const onlyVisitors = (who: readonly Audience[]) => who.length > 0 && who.every((w) => w === "visitor");

function refuseRoles(rule: Rule): never {
  throw forbidden(rule.refusal ?? "Cette page est réservée à un autre rôle.");
}

/** Some action of the route needs a signed-in person: a visitor posting anything there is sent to sign in first. */
function actionsNeedSignIn(route: RouteId): boolean {
  const rules: RouteRules = PERMISSIONS[route];
  return Object.values(rules.actions ?? {}).some((rule) => !admits(null, rule.who));
}

function check(request: Request, route: RouteId, intent: string | null, options: { signedInTo?: string }): Permit {
  const rule = ruleFor(route, intent);
  const auth = getAuth(request);
  if (!rule) {
    if (!auth && intent !== null && actionsNeedSignIn(route)) throw signInRedirect(request);
    throw forbidden(intent === null ? "Cette page n'est pas ouverte." : "Cette action n'est pas permise ici.");
  }
  if (admits(auth, rule.who)) return { auth, rule, intent };
  if (onlyVisitors(rule.who)) throw redirect(options.signedInTo ?? "/espace");
  if (!auth) throw signInRedirect(request);
  return refuseRoles(rule);
}

/** A loader's permit: GET of `route`. */
export function authorize<R extends RouteId>(request: Request, route: R, options?: { signedInTo?: string }): Permit<AuthFor<LoaderWho<R>>>;
/** An action's permit: POST of `route` with the form's intent. */
export function authorize<R extends RouteId>(
  request: Request,
  route: R,
  form: FormData,
  options?: { signedInTo?: string },
): Permit<AuthFor<ActionWho<R>>>;
export function authorize(
  request: Request,
  route: RouteId,
  formOrOptions?: FormData | { signedInTo?: string },
  maybeOptions: { signedInTo?: string } = {},
): Permit {
  if (formOrOptions instanceof FormData) {
    const permit = check(request, route, intentOf(formOrOptions, PERMISSIONS[route]), maybeOptions);
    limitWrites(permit);
    return permit;
  }
  return check(request, route, null, formOrOptions ?? {});
}

/**
 * Every action's form is a write: too many from one person or one address in the window
 * (RATE_LIMIT_WRITES, RATE_LIMIT_WRITES_PER_ADDRESS) get a French 429 with Retry-After, before
 * anything is read or stored.
 */
function limitWrites(permit: Permit): void {
  const refused = takeWrite({ userId: permit.auth?.user.id ?? null, clientAddress: scopedClientAddress() });
  if (!refused) return;
  throw data(
    { message: tooManyWritesMessage(refused.retryAfterSeconds) },
    { status: 429, headers: { "Retry-After": String(refused.retryAfterSeconds) } },
  );
}

/**
 * Before an action reads its body: a visitor is sent to sign in at once where
 * every action of the route needs a signed-in person, so a large upload is not
 * read for nothing.
 */
export function signInFirst(request: Request, route: RouteId): void {
  const rules: RouteRules = PERMISSIONS[route];
  const actions = Object.values(rules.actions ?? {});
  if (!getAuth(request) && actions.length > 0 && actions.every((rule) => !admits(null, rule.who))) throw signInRedirect(request);
}
