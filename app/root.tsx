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
import type { ReactNode } from "react";
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
import { passRetryAfter } from "~/utils/reply.server";

/** A 429 thrown by a guard (the write limits) and shown by this error page keeps its Retry-After. */
export const headers = passRetryAfter;

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = ({ error }) => [
  { title: error ? errorTitle(error) + " — Maillon" : "Coopérer pour entreprendre sur son territoire — Maillon" },
  {
    name: "description",
    content:
      "Maillon relie porteurs de projets, bénévoles accompagnants et épargnants solidaires d'un pôle territorial de coopération économique.",
  },
];

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

export function Layout({ children }: { children: ReactNode }) {
  const root = useRouteLoaderData<typeof loader>("root");
  // From a context, not the loader: an error page (root loader failed) needs it too.
  const nonce = useNonce();
  return (
    <html lang="fr-FR">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: ZOD_JITLESS }} />
      </head>
      <body>
        <a className="skip-link" href="#contenu">
          Aller au contenu
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

function errorTitle(error: unknown): string {
  if (!isRouteErrorResponse(error)) return "Une erreur est survenue";
  if (error.status === 400) return "Requête invalide";
  if (error.status === 404) return "Page introuvable";
  if (error.status === 403) return "Accès refusé";
  if (error.status === 429) return "Trop de tentatives";
  return "Une erreur est survenue";
}

function errorMessage(error: unknown): string {
  if (!isRouteErrorResponse(error)) return "Nous n'avons pas pu afficher cette page. Réessayez dans un instant.";
  if (error.status === 400) {
    return typeof error.data?.message === "string" ? error.data.message : "Cette requête n'a pas pu être lue.";
  }
  if (error.status === 404) return "Cette page n'existe pas ou a été déplacée.";
  if (error.status === 403) {
    return typeof error.data?.message === "string" ? error.data.message : "Vous n'avez pas accès à cette page.";
  }
  if (error.status === 429) {
    return typeof error.data?.message === "string" ? error.data.message : "Patientez quelques minutes avant de réessayer.";
  }
  return "Nous n'avons pas pu afficher cette page. Réessayez dans un instant.";
}

export function ErrorBoundary() {
  const error = useRouteError();
  const title = errorTitle(error);
  const message = errorMessage(error);
  return (
    <div className="container narrow">
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <a href="/">Retour à l'accueil</a>
      </p>
    </div>
  );
}
