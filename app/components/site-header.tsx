import { Form, NavLink } from "@remix-run/react";
import type { Role } from "~/domain/vocabulary";

const PATHS = [
  { to: "/creer", label: "Créer" },
  { to: "/accompagner", label: "Accompagner" },
  { to: "/financer", label: "Financer" },
  { to: "/poles", label: "Les pôles" },
  { to: "/espace", label: "Mon espace" },
] as const;

type HeaderUser = { displayName: string; roles: Role[] } | null;

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
    </header>
  );
}
