import type { Role } from "~/domain/vocabulary";
import { useT } from "~/i18n/context";
import { PATHS } from "./path-cards";

type PathId = (typeof PATHS)[number]["id"];

const ROLE_FOR_PATH: Record<PathId, Role> = { creer: "porteur", accompagner: "benevole", financer: "epargnant" };

/** Who reads a path page: signed in or not, and holding the path's role (admins hold every role). */
export type PathAccess = { signedIn: boolean; holdsRole: boolean };

/**
 * The landing page of one path: what it offers and how to join it.
 * `roleActions` (links to pages reserved to the path's role) are shown only to
 * people holding that role; others signed in are told where to add it.
 */
export function PathPage({
  id,
  access,
  roleActions,
  children,
}: {
  id: PathId;
  access: PathAccess;
  roleActions?: React.ReactNode;
  children: React.ReactNode;
}) {
  const path = PATHS.find((p) => p.id === id)!;
  const role = ROLE_FOR_PATH[id];
  const t = useT().home.paths;
  const words = t[path.text];
  const { signedIn, holdsRole } = access;
  return (
    <div className="container">
      <p className="eyebrow">{words.eyebrow}</p>
      <h1>{words.title}</h1>
      <p>{words.intro}</p>
      <ul>
        {words.items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      {children}
      {signedIn && holdsRole ? roleActions : null}
      {signedIn && !holdsRole ? (
        <p>
          {t.missingRole(t.roles[role])} <a href="/compte#roles-titre">{t.myAccount}</a>.
        </p>
      ) : null}
      <p>
        {signedIn ? (
          <a className="button" href="/espace">
            {t.goToSpace}
          </a>
        ) : (
          <a className="button" href={`/inscription?role=${role}`}>
            {words.signUp}
          </a>
        )}
      </p>
    </div>
  );
}
