import { Form, NavLink } from "@remix-run/react";
import type { Role } from "~/domain/vocabulary";

const PATHS = [
  { to: "/creer", label: "Créer" },
  { to: "/accompagner", label: "Accompagner" },
  { to: "/financer", label: "Financer" },
  { to: "/poles", label: "Les pôles" },
  { to: "/organisations", label: "Organisations" },
  { to: "/espace", label: "Mon espace" },
] as const;

/** The pôles' life, shared by all of them: a second row under the main paths. */
const POLE_LIFE = [
  { to: "/agenda", label: "Agenda" },
  { to: "/bulletin", label: "Bulletin" },
  { to: "/ressources", label: "Ressources partagées" },
  { to: "/besoins", label: "Besoins du territoire" },
  { to: "/impact", label: "Impact" },
] as const;

type HeaderUser = { displayName: string; roles: Role[]; unread: number } | null;

export function SiteHeader({ user }: { user: HeaderUser }) {
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <a href="/" className="brand" aria-label="Maillon, accueil">
          <img src="/favicon.svg" alt="" width="32" height="32" />
          <span>Maillon</span>
        </a>
        <nav aria-label="Navigation principale" className="main-nav">
          <ul>
            {PATHS.map((path) => (
              <li key={path.to}>
                <NavLink to={path.to} prefetch="intent">
                  {path.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="account-nav">
          {user ? (
            <>
              <NotificationBell unread={user.unread} />
              <a href="/compte" className="account-nav__name">
                {user.displayName}
              </a>
              <Form method="post" action="/deconnexion">
                <button type="submit" className="button button--ghost">
                  Se déconnecter
                </button>
              </Form>
            </>
          ) : (
            <>
              <a href="/connexion">Se connecter</a>
              <a href="/inscription" className="button">
                S'inscrire
              </a>
            </>
          )}
        </div>
      </div>
      <nav aria-label="Vie des pôles" className="life-nav">
        <div className="container">
          <ul>
            {POLE_LIFE.map((entry) => (
              <li key={entry.to}>
                <NavLink to={entry.to} prefetch="intent">
                  {entry.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </div>
      </nav>
    </header>
  );
}

/** The bell: a link to /notifications that says how many are unread, in words for screen readers. */
function NotificationBell({ unread }: { unread: number }) {
  const label = unread === 0 ? "Notifications, aucune non lue" : `Notifications, ${unread} non lue${unread > 1 ? "s" : ""}`;
  return (
    <a href="/notifications" className="bell" aria-label={label} title={label}>
      <svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
      {unread > 0 ? (
        <span className="bell__count" data-testid="bell-count">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </a>
  );
}
