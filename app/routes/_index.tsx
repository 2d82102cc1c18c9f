import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PathCards } from "~/components/path-cards";
import { CardList } from "~/components/ui/card-list";
import { TerritoryStats } from "~/components/territory-stats";
import { listTerritoriesWithCounts } from "~/models/territory.server";
import { useFormat, useT } from "~/i18n/context";
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
  const t = useT().home;
  const format = useFormat();
  return (
    <div className="container">
      <section className="hero" aria-labelledby="titre-accueil">
        <h1 id="titre-accueil">{t.title}</h1>
        <p>{t.intro}</p>
        {signedIn ? (
          <a className="button" href="/espace">
            {t.mySpace}
          </a>
        ) : (
          <p>
            <a className="button" href="/inscription">
              {t.join}
            </a>{" "}
            <a href="/connexion">{t.haveAccount}</a>
          </p>
        )}
      </section>

      <section aria-labelledby="titre-chemins">
        <h2 id="titre-chemins">{t.pathsTitle}</h2>
        <PathCards />
      </section>

      <section aria-labelledby="titre-poles">
        <h2 id="titre-poles">{t.polesTitle}</h2>
        <CardList items={territories} empty={t.noPole} link={(pole) => ({ key: pole.slug, href: `/poles/${pole.slug}`, title: pole.name })}>
          {(pole) => (
            <>
              <p className="hint">
                {pole.area} — {pole.departments.join(", ")}
              </p>
              <TerritoryStats counts={pole.counts} />
            </>
          )}
        </CardList>
        {poleCount > territories.length ? (
          <p>
            <a href="/poles">{t.seeAllPoles(format.integer(poleCount))}</a>
          </p>
        ) : null}
      </section>
    </div>
  );
}
