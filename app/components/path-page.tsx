import type { Role } from "~/domain/vocabulary";
import { ROLE_LABELS } from "~/domain/catalog";
import { PATHS } from "./path-cards";

type PathId = (typeof PATHS)[number]["id"];

const ROLE_FOR_PATH: Record<PathId, { role: Role; signUpLabel: string }> = {
  creer: { role: "porteur", signUpLabel: "Je m'inscris comme porteur de projet" },
  accompagner: { role: "benevole", signUpLabel: "Je m'inscris comme bénévole" },
  financer: { role: "epargnant", signUpLabel: "Je m'inscris comme épargnant" },
};

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
  const { role, signUpLabel } = ROLE_FOR_PATH[id];
  const { signedIn, holdsRole } = access;
  return (
    <div className="container">
      <p className="eyebrow">{path.eyebrow}</p>
      <h1>{path.title}</h1>
      <p>{path.intro}</p>
      <ul>
        {path.items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      {children}
      {signedIn && holdsRole ? roleActions : null}
      {signedIn && !holdsRole ? (
        <p>
          Votre compte n'a pas le rôle « {ROLE_LABELS[role]} » : vous pouvez l'ajouter dans{" "}
          <a href="/compte#roles-titre">Mon compte</a>.
        </p>
      ) : null}
      <p>
        {signedIn ? (
          <a className="button" href="/espace">
            Aller à mon espace
          </a>
        ) : (
          <a className="button" href={`/inscription?role=${role}`}>
            {signUpLabel}
          </a>
        )}
      </p>
    </div>
  );
}
