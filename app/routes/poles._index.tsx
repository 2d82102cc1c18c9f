import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CardList } from "~/components/ui/card-list";
import { TerritoryStats } from "~/components/territory-stats";
import { listTerritoriesWithCounts } from "~/models/territory.server";
import { getDb } from "~/utils/db.server";
import { authorize } from "~/guards/authorize.server";

export const meta: MetaFunction = () => [{ title: "Les pôles — Maillon" }];

export function loader({ request }: LoaderFunctionArgs) {
  authorize(request, "poles._index");
  return { territories: listTerritoriesWithCounts(getDb()) };
}

export default function Territories() {
  const { territories } = useLoaderData<typeof loader>();
  return (
    <div className="container">
      <h1>Les pôles territoriaux de coopération économique</h1>
      <p>
        Chaque pôle rassemble, sur un même territoire, des acteurs de l'économie sociale et solidaire, des
        entreprises, des collectivités, des centres de recherche et de formation autour d'axes de travail
        communs.
      </p>
      <CardList items={territories} headingLevel={2} link={(t) => ({ key: t.slug, href: `/poles/${t.slug}`, title: t.name })}>
        {(t) => (
          <>
            <p className="hint">
              {t.area} — {t.departments.map((d) => `${d.name} (${d.code})`).join(", ")}
            </p>
            <p>{t.description}</p>
            <TerritoryStats counts={t.counts} />
            <h3>Axes de travail</h3>
            <ul>
              {t.axes.map((axis) => (
                <li key={axis.id}>{axis.name}</li>
              ))}
            </ul>
          </>
        )}
      </CardList>
    </div>
  );
}
