import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { FranceMap } from "~/components/france-map";
import { CardList } from "~/components/ui/card-list";
import { round1 } from "~/domain/france-map";
import { formatInteger } from "~/domain/format";
import {
  filterChoices,
  filterPoles,
  groupByRegionAndDepartment,
  polesPerDepartment,
  type DirectoryPole,
} from "~/domain/poles";
import { authorize } from "~/guards/authorize.server";
import { listTerritoriesWithCounts } from "~/models/territory.server";
import { parsePoleFilters, POLE_FILTER_FIELDS } from "~/schemas/poles";
import { getDb } from "~/utils/db.server";
import { franceMap } from "~/utils/france-map.server";
import { regionNames } from "~/utils/regions.server";
import { FilterSelect } from "~/components/ui/filter-select";

export const meta: MetaFunction = () => [{ title: "Les pôles — Maillon" }];

export function loader({ request }: LoaderFunctionArgs) {
  authorize(request, "poles._index");
  const filters = parsePoleFilters(new URL(request.url).searchParams);
  const poles = listTerritoriesWithCounts(getDb()).map((t) => ({
    slug: t.slug,
    name: t.name,
    area: t.area,
    seat: t.seat,
    perimeterNote: t.perimeterNote,
    departments: t.departments,
    axes: t.axes.map((a) => a.name),
    themes: [...new Set(t.axes.map((a) => a.theme))],
  })) satisfies DirectoryPole[];
  const shown = filterPoles(poles, filters);
  const regions = regionNames();
  const map = franceMap();
  const points = shown.flatMap((pole) => {
    const seat = pole.seat;
    if (!seat || seat.latitude === null || seat.longitude === null) return [];
    const xy = map.project(seat.longitude, seat.latitude);
    return xy ? [{ slug: pole.slug, name: pole.name, place: seat.name, x: round1(xy[0]), y: round1(xy[1]) }] : [];
  });
  return {
    filters,
    choices: filterChoices(poles, regions),
    total: poles.length,
    shown: shown.length,
    map: { width: map.width, height: map.height, insets: map.insets, departments: map.departments },
    counts: Object.fromEntries(polesPerDepartment(shown)),
    points,
    regions: groupByRegionAndDepartment(shown, regions, filters.department),
  };
}

export default function Territories() {
  const { filters, choices, total, shown, map, counts, points, regions } = useLoaderData<typeof loader>();
  const filtered = Boolean(filters.region || filters.department || filters.theme);
  const summary = filtered
    ? `${formatInteger(shown)} pôle${shown > 1 ? "s" : ""} sur ${formatInteger(total)} correspond${shown > 1 ? "ent" : ""} à ces filtres.`
    : `${formatInteger(total)} pôles sont présentés sur Maillon.`;
  return (
    <div className="container">
      <h1>Les pôles territoriaux de coopération économique</h1>
      <p>
        Chaque pôle rassemble, sur un même territoire, des acteurs de l'économie sociale et solidaire, des
        entreprises, des collectivités, des centres de recherche et de formation autour d'axes de travail
        communs.
      </p>

      <Form
        method="get"
        className="pole-filters"
        aria-labelledby="filtres-titre"
        key={`${filters.region}-${filters.department}-${filters.theme}`}
      >
        <h2 id="filtres-titre" className="visually-hidden">
          Filtrer les pôles
        </h2>
        <FilterSelect
          name={POLE_FILTER_FIELDS.region}
          label="Région"
          value={filters.region}
          options={choices.regions}
          all="Toutes les régions"
        />
        <FilterSelect
          name={POLE_FILTER_FIELDS.department}
          label="Département"
          value={filters.department}
          options={choices.departments}
          all="Tous les départements"
        />
        <FilterSelect
          name={POLE_FILTER_FIELDS.theme}
          label="Axe de travail"
          value={filters.theme}
          options={choices.themes}
          all="Tous les axes"
        />
        <button type="submit" className="button">
          Filtrer
        </button>
        {filtered ? <a href="/poles">Voir tous les pôles</a> : null}
      </Form>
      <p aria-live="polite">{summary}</p>

      <section aria-labelledby="carte-titre">
        <h2 id="carte-titre">Carte des pôles</h2>
        <FranceMap
          {...map}
          counts={counts}
          points={points}
          title={filtered ? "Carte des pôles correspondant aux filtres" : "Carte des pôles"}
          description={
            `${summary} Chaque point marque la commune où siège un pôle et mène à sa page ; ` +
            "les départements sont colorés selon leur nombre de pôles. La liste qui suit la carte donne les mêmes informations."
          }
        />
      </section>

      <section aria-labelledby="liste-titre">
        <h2 id="liste-titre">Les pôles par région et département</h2>
        {regions.length === 0 ? (
          <p>
            Aucun pôle ne correspond à ces filtres. <a href="/poles">Voir tous les pôles</a>
          </p>
        ) : (
          regions.map((region) => (
            <section key={region.code} aria-labelledby={`region-${region.code}`} className="region-group">
              <h3 id={`region-${region.code}`}>{region.name}</h3>
              {region.departments.map((department) => (
                <section key={department.code} aria-labelledby={`departement-${department.code}`}>
                  <h4 id={`departement-${department.code}`}>
                    {department.name} ({department.code})
                  </h4>
                  <CardList
                    items={department.poles}
                    headingLevel={5}
                    link={(pole) => ({ key: pole.slug, href: `/poles/${pole.slug}`, title: pole.name })}
                  >
                    {(pole) => (
                      <>
                        <p className="hint">
                          {pole.area}
                          {pole.seat ? ` — siège à ${pole.seat.name}` : null}
                          {pole.departments.length > 1
                            ? ` — ${pole.departments.map((d) => `${d.name} (${d.code})`).join(", ")}`
                            : null}
                        </p>
                        <p>
                          <span className="visually-hidden">Axes de travail : </span>
                          {pole.axes.join(" · ")}
                        </p>
                      </>
                    )}
                  </CardList>
                </section>
              ))}
            </section>
          ))
        )}
      </section>
    </div>
  );
}

