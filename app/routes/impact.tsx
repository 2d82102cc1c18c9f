/** /impact — the whole install's impact: every computed indicator, by quarter, over all the pôles. */
import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ImpactIndicator } from "~/components/impact-indicator";
import { authorize } from "~/guards/authorize.server";
import { installImpactReport, polesWithIndicators } from "~/models/indicator.server";
import { getDb } from "~/utils/db.server";

export const meta: MetaFunction = () => [
  { title: "L'impact des pôles — Maillon" },
  { name: "description", content: "Projets lancés, heures d'accompagnement, euros engagés localement, emplois créés : les chiffres de tous les pôles de Maillon." },
];

export function loader({ request }: LoaderFunctionArgs) {
  authorize(request, "impact");
  const db = getDb();
  return { indicators: installImpactReport(db, new Date()), poles: polesWithIndicators(db) };
}

export default function ImpactPage() {
  const { indicators, poles } = useLoaderData<typeof loader>();
  return (
    <div className="container">
      <h1>L'impact des pôles</h1>
      <p>
        Ce que les pôles de Maillon changent sur leurs territoires, calculé chaque jour à partir de ce qui se fait sur la
        plateforme : projets, accompagnements bénévoles, épargne solidaire, besoins satisfaits, rencontres. Les emplois créés
        et la survie des activités viennent des suivis que les porteurs remplissent 6 mois, 1 an et 3 ans après le
        lancement. Chaque pôle choisit ses propres indicateurs et leurs cibles : voyez-les sur la page d'impact de chaque
        pôle.
      </p>
      <p>
        <a href="/impact.csv" download>
          Télécharger les chiffres (CSV)
        </a>
      </p>
      <nav aria-labelledby="impact-par-pole">
        <h2 id="impact-par-pole">Les indicateurs de chaque pôle</h2>
        <p>
          Les pôles qui ont choisi leurs indicateurs et leurs cibles ; les autres les choisiront depuis leur espace
          d'animation. Tous les pôles sont dans <a href="/poles">l'annuaire</a>.
        </p>
        <ul className="impact-poles">
          {poles.map((p) => (
            <li key={p.slug}>
              <a href={`/poles/${p.slug}/impact`}>{p.name}</a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="impact-list">
        {indicators.map((i) => (
          <ImpactIndicator key={i.key} indicator={i} />
        ))}
      </div>
    </div>
  );
}
