import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { ROLE_LABELS } from "~/domain/catalog";
import { communeLabel, getCommune } from "~/models/commune.server";
import { findTerritoriesForCommune } from "~/models/territory.server";
import { requireUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";

export const meta: MetaFunction = () => [{ title: "Mon espace — Maillon" }];

const NEXT_STEPS = {
  porteur: { title: "Mon projet", text: "Décrivez votre projet et ses besoins pour trouver des accompagnants.", href: "/creer" },
  benevole: { title: "Mon accompagnement", text: "Indiquez vos compétences et le nombre de projets que vous pouvez suivre.", href: "/accompagner" },
  epargnant: { title: "Mon épargne solidaire", text: "Rejoignez un club d'épargnants ou soutenez un projet directement.", href: "/financer" },
} as const;

export function loader({ request }: LoaderFunctionArgs) {
  const auth = requireUser(request);
  const db = getDb();
  const commune = getCommune(db, auth.user.communeCode);
  return {
    displayName: auth.user.displayName,
    roles: auth.roles,
    commune: commune ? communeLabel(commune) : null,
    territories: findTerritoriesForCommune(db, auth.user.communeCode),
  };
}

export default function MySpace() {
  const { displayName, roles, commune, territories } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const steps = roles.flatMap((role) => (role in NEXT_STEPS ? [NEXT_STEPS[role as keyof typeof NEXT_STEPS]] : []));
  return (
    <div className="container">
      {params.get("bienvenue") ? (
        <p className="alert alert--success" role="status">
          Bienvenue sur Maillon ! Votre compte est créé.
        </p>
      ) : null}
      <h1>Mon espace</h1>
      <p>
        Bonjour {displayName}. Vous participez comme {roles.map((r) => ROLE_LABELS[r].toLowerCase()).join(", ")}.
      </p>
      <p>
        {territories.length > 0 ? (
          <>
            Votre commune{commune ? `, ${commune},` : ""} fait partie du pôle{" "}
            {territories.map((t, i) => (
              <span key={t.slug}>
                {i > 0 ? ", " : null}
                <a href={`/poles/${t.slug}`}>{t.name}</a>
              </span>
            ))}
            .
          </>
        ) : (
          <>
            Votre commune{commune ? `, ${commune},` : ""} n'est pas encore couverte par un pôle inscrit sur Maillon.
            Vous pouvez tout de même participer.
          </>
        )}
      </p>
      <h2>Ce qui vous attend</h2>
      {steps.length === 0 ? (
        <p>
          Choisissez au moins un rôle dans <a href="/compte">votre compte</a> pour commencer.
        </p>
      ) : (
        <ul className="cards">
          {steps.map((step) => (
            <li key={step.title} className="card">
              <h3>{step.title}</h3>
              <p>{step.text}</p>
              <a href={step.href}>Commencer<span className="visually-hidden"> : {step.title.toLowerCase()}</span></a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
