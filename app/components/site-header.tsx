import { Form, NavLink } from "@remix-run/react";
import type { Role } from "~/domain/vocabulary";
import { useT } from "~/i18n/context";
import type { Messages } from "~/i18n/messages";

const PATHS = [
  { to: "/creer", label: "create" },
  { to: "/accompagner", label: "accompany" },
  { to: "/financer", label: "finance" },
  { to: "/poles", label: "poles" },
  { to: "/organisations", label: "organisations" },
  { to: "/espace", label: "space" },
] as const satisfies readonly { to: string; label: keyof Messages["layout"]["paths"] }[];

/** The pôles' life, shared by all of them: a second row under the main paths. */
const POLE_LIFE = [
  { to: "/agenda", label: "agenda" },
  { to: "/bulletin", label: "bulletin" },
  { to: "/ressources", label: "resources" },
  { to: "/besoins", label: "needs" },
  { to: "/impact", label: "impact" },
] as const satisfies readonly { to: string; label: keyof Messages["layout"]["poleLife"] }[];

type HeaderUser = { displayName: string; roles: Role[]; unread: number } | null;

export function SiteHeader({ user }: { user: HeaderUser }) {
  const t = useT().layout;
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <a href="/" className="brand" aria-label={t.brandLabel}>
          <img src="/favicon.svg" alt="" width="32" height="32" />
          <span>Maillon</span>
        </a>
        <nav aria-label={t.mainNav} className="main-nav">
          <ul>
            {PATHS.map((path) => (
              <li key={path.to}>
                <NavLink to={path.to} prefetch="intent">
                  {t.paths[path.label]}
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
                  {t.signOut}
                </button>
              </Form>
            </>
          ) : (
            <>
              <a href="/connexion">{t.signIn}</a>
              <a href="/inscription" className="button">
                {t.signUp}
              </a>
            </>
          )}
        </div>
      </div>
      <nav aria-label={t.poleLifeNav} className="life-nav">
        <div className="container">
          <ul>
            {POLE_LIFE.map((entry) => (
              <li key={entry.to}>
                <NavLink to={entry.to} prefetch="intent">
                  {t.poleLife[entry.label]}
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
  const label = useT().layout.notifications(unread);
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
