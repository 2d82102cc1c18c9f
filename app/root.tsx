import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { SiteFooter } from "~/components/site-footer";
import { SiteHeader } from "~/components/site-header";
import { Flash } from "~/components/ui/flash";
import stylesheet from "~/styles/app.css?url";
import { CharterNotice } from "~/components/charter-notice";
import { pendingCharters } from "~/models/charter.server";
import { countUnread } from "~/models/notification.server";
import { getDb } from "~/utils/db.server";
import { getAuth } from "~/utils/auth.server";
import { readFlash } from "~/utils/flash.server";
import { useNonce } from "~/utils/nonce";
import { useLocale, useSay, useT } from "~/i18n/context";
import { DEFAULT_LOCALE, HTML_LANG } from "~/i18n/locale";
import { messagesFor, type Messages } from "~/i18n/messages";
import { requestLocale } from "~/utils/locale.server";
import { passRetryAfter } from "~/utils/reply.server";

/** A 429 thrown by a guard (the write limits) and shown by this error page keeps its Retry-After. */
export const headers = passRetryAfter;

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction<typeof loader> = ({ error, data }) => {
  const t = messagesFor(data?.locale ?? DEFAULT_LOCALE);
  return [
    { title: error ? errorTitle(error, t) + " — Maillon" : t.layout.metaTitle },
    { name: "description", content: t.layout.metaDescription },
  ];
};

/**
 * Runs on every document and every navigation (single fetch revalidates the
 * root), so the flash message left by an action's redirect is read, shown and
 * cleared by the very next page, with or without JavaScript.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const auth = getAuth(request);
  const flash = await readFlash(request);
  return data(
    {
      locale: requestLocale(request),
      user: auth ? { displayName: auth.user.displayName, roles: auth.roles, unread: countUnread(getDb(), auth.user.id) } : null,
      // A new version of a pôle's charter is put to each member at their next visit.
      charters: auth ? pendingCharters(getDb(), auth.user.id) : [],
      flash: flash.flash,
    },
    { headers: flash.headers },
  );
}

/**
 * Zod (the forms' schemas, checked in the browser too) probes `new Function` when its first object
 * schema is made, unless told to run jitless: under the Content-Security-Policy (no 'unsafe-eval') the
 * probe is refused and reported as a violation. Zod reads its settings from this global, which must
 * be set before any module runs, hence a script in the head.
 */
const ZOD_JITLESS = "globalThis.__zod_globalConfig=Object.assign(globalThis.__zod_globalConfig||{},{jitless:true});";

/**
 * Marks the document once React has taken over the page, so that a browser test can wait for the
 * enhanced fields (suggestions, live checks) before typing into them on a busy machine.
 */
function useMarkHydrated() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
}

export function Layout({ children }: { children: ReactNode }) {
  const root = useRouteLoaderData<typeof loader>("root");
  // From a context, not the loader: an error page (root loader failed) needs it too.
  const nonce = useNonce();
  const locale = useLocale();
  const t = messagesFor(locale);
  useMarkHydrated();
  return (
    <html lang={HTML_LANG[locale]}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: ZOD_JITLESS }} />
      </head>
      <body>
        <a className="skip-link" href="#contenu">
          {t.layout.skipLink}
        </a>
        <SiteHeader user={root?.user ?? null} />
        <main id="contenu" tabIndex={-1}>
          <Flash flash={root?.flash ?? null} />
          <CharterNotice charters={root?.charters ?? []} />
          {children}
        </main>
        <SiteFooter />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  return <Outlet />;
}

function errorTitle(error: unknown, t: Messages): string {
  if (!isRouteErrorResponse(error)) return t.errors.generic;
  if (error.status === 400) return t.errors.badRequest;
  if (error.status === 404) return t.errors.notFound;
  if (error.status === 403) return t.errors.forbidden;
  if (error.status === 429) return t.errors.tooMany;
  return t.errors.generic;
}

/** The page's own sentence for a 400, 403 or 429 that gave one (a guard's, a limit's), else the table's. */
function errorMessage(error: unknown, t: Messages, say: (french: string) => string): string {
  if (!isRouteErrorResponse(error)) return t.errors.genericText;
  const given = typeof error.data?.message === "string" ? say(error.data.message) : null;
  if (error.status === 400) return given ?? t.errors.badRequestText;
  if (error.status === 404) return t.errors.notFoundText;
  if (error.status === 403) return given ?? t.errors.forbiddenText;
  if (error.status === 429) return given ?? t.errors.tooManyText;
  return t.errors.genericText;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const say = useSay();
  return (
    <div className="container narrow">
      <h1>{errorTitle(error, t)}</h1>
      <p>{errorMessage(error, t, say)}</p>
      <p>
        <a href="/">{t.errors.backHome}</a>
      </p>
    </div>
  );
}
