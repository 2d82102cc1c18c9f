import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PathCards } from "~/components/path-cards";
import { CardList } from "~/components/ui/card-list";
import { TerritoryStats } from "~/components/territory-stats";
import { listTerritoriesWithCounts } from "~/models/territory.server";
import { formatInteger } from "~/domain/format";
import { getDb } from "~/utils/db.server";
import { authorize } from "~/guards/authorize.server";

export function loader({ request }: LoaderFunctionArgs) {
  const signedIn = authorize(request, "_index").auth !== null;
  const all = listTerritoriesWithCounts(getDb());
  // The pôles where people already take part; the directory (/poles) shows them all.
  const active = all.filter((t) => t.counts.holders + t.counts.volunteers + t.counts.savers > 0);
  return {
    signedIn,
    poleCount: all.length,
    territories: active.map((t) => ({
      slug: t.slug,
      name: t.name,
      area: t.area,
      departments: t.departments.map((d) => `${d.name} (${d.code})`),
      counts: t.counts,
    })),
  };
}

export default function Home() {
  const { signedIn, poleCount, territories } = useLoaderData<typeof loader>();
  return (
    <div className="container">
      <section className="hero" aria-labelledby="titre-accueil">
        <h1 id="titre-accueil">Coopérer pour entreprendre sur son territoire</h1>
        <p>
          Maillon est la plateforme des pôles territoriaux de coopération économique : des structures de
          l'économie sociale et solidaire, des entreprises, des collectivités et des organismes de formation
          qui choisissent la coopération plutôt que la concurrence. On y crée son activité, on y accompagne
          les créateurs, on y place son épargne dans des projets d'ici.
        </p>
        {signedIn ? (
          <a className="button" href="/espace">
            Mon espace
          </a>
        ) : (
          <p>
            <a className="button" href="/inscription">
              Rejoindre le réseau
            </a>{" "}
            <a href="/connexion">J'ai déjà un compte</a>
          </p>
        )}
      </section>

      <section aria-labelledby="titre-chemins">
        <h2 id="titre-chemins">Trois façons de participer</h2>
        <PathCards />
      </section>

      <section aria-labelledby="titre-poles">
        <h2 id="titre-poles">Les pôles sur Maillon</h2>
        <CardList
          items={territories}
          empty="Aucun pôle n'est encore inscrit."
          link={(t) => ({ key: t.slug, href: `/poles/${t.slug}`, title: t.name })}
        >
          {(t) => (
            <>
              <p className="hint">
                {t.area} — {t.departments.join(", ")}
              </p>
              <TerritoryStats counts={t.counts} />
            </>
          )}
        </CardList>
        {poleCount > territories.length ? (
          <p>
            <a href="/poles">Voir les {formatInteger(poleCount)} pôles sur la carte</a>
          </p>
        ) : null}
      </section>
    </div>
  );
}
