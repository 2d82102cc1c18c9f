import type { Role } from "#db/schema";
import { PATHS } from "./path-cards";

type PathId = (typeof PATHS)[number]["id"];

const ROLE_FOR_PATH: Record<PathId, { role: Role; signUpLabel: string }> = {
  creer: { role: "porteur", signUpLabel: "Je m'inscris comme porteur de projet" },
  accompagner: { role: "benevole", signUpLabel: "Je m'inscris comme bénévole" },
  financer: { role: "epargnant", signUpLabel: "Je m'inscris comme épargnant" },
};

/** The landing page of one path: what it offers and how to join it. */
export function PathPage({
  id,
  signedIn,
  children,
}: {
  id: PathId;
  signedIn: boolean;
  children: React.ReactNode;
}) {
  const path = PATHS.find((p) => p.id === id)!;
  const { role, signUpLabel } = ROLE_FOR_PATH[id];
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
