/** /poles/:slug/impact — the indicators the pôle's animation team chose, with their targets and trend. */
import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ImpactIndicator } from "~/components/impact-indicator";
import { isStaffOf } from "~/domain/permissions";
import { authorize } from "~/guards/authorize.server";
import { loadPole } from "~/guards/pole.server";
import { poleImpactReport } from "~/models/indicator.server";
import { getDb } from "~/utils/db.server";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: `Impact du pôle — ${data.pole.name} — Maillon` }] : [{ title: "Pôle introuvable — Maillon" }];

export function loader({ request, params }: LoaderFunctionArgs) {
  const permit = authorize(request, "poles.$slug_.impact");
  const territory = loadPole(permit, params.slug);
  return {
    pole: { slug: territory.slug, name: territory.name },
    indicators: poleImpactReport(getDb(), territory.id, new Date()),
    animates: !!permit.auth && isStaffOf(permit.auth, territory.id),
  };
}

export default function PoleImpactPage() {
  const { pole, indicators, animates } = useLoaderData<typeof loader>();
  return (
    <div className="container">
      <p>
        <a href={`/poles/${pole.slug}`}>← {pole.name}</a>
      </p>
      <p className="eyebrow">Impact du pôle</p>
      <h1>{pole.name}</h1>
      <p>
        Les indicateurs que l'équipe d'animation du pôle a choisis, avec leurs cibles. Ceux que Maillon calcule suivent
        chaque jour les données de la plateforme sur les communes du pôle ; ceux que l'équipe saisit portent la source de
        chaque chiffre. Voir aussi <a href="/impact">l'impact de tous les pôles</a>.
      </p>
      {animates ? (
        <p>
          <a href={`/animation/impact?pole=${pole.slug}`}>Choisir les indicateurs et saisir les chiffres</a>
        </p>
      ) : null}
      {indicators.length === 0 ? (
        <p>Le pôle n'a pas encore choisi ses indicateurs d'impact.</p>
      ) : (
        <>
          <p>
            <a href={`/poles/${pole.slug}/impact.csv`} download>
              Télécharger les chiffres du pôle (CSV)
            </a>
          </p>
          <div className="impact-list">
            {indicators.map((i) => (
              <ImpactIndicator key={i.key} indicator={i} />
            ))}
          </div>
        </>
      )}
    </div>
  );
}
