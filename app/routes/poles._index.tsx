import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { FranceMap } from "~/components/france-map";
import { CardList } from "~/components/ui/card-list";
import { round1 } from "~/domain/france-map";
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
import { useFormat, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: metaText(matches).poles.directory.metaTitle }];

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
  const { poles, vocabulary, common } = useT();
  const t = poles.directory;
  const format = useFormat();
  const filtered = Boolean(filters.region || filters.department || filters.theme);
  const summary = filtered
    ? t.summaryFiltered(shown, format.integer(shown), format.integer(total))
    : t.summaryAll(format.integer(total));
  const themes = choices.themes.map((choice) => ({ value: choice.value, label: vocabulary.axisTheme[choice.value] }));
  return (
    <div className="container">
      <h1>{t.title}</h1>
      <p>{t.intro}</p>

      <Form
        method="get"
        className="pole-filters"
        aria-labelledby="filtres-titre"
        key={`${filters.region}-${filters.department}-${filters.theme}`}
      >
        <h2 id="filtres-titre" className="visually-hidden">
          {t.filtersTitle}
        </h2>
        <FilterSelect
          name={POLE_FILTER_FIELDS.region}
          label={t.region}
          value={filters.region}
          options={choices.regions}
          all={t.allRegions}
        />
        <FilterSelect
          name={POLE_FILTER_FIELDS.department}
          label={t.department}
          value={filters.department}
          options={choices.departments}
          all={t.allDepartments}
        />
        <FilterSelect
          name={POLE_FILTER_FIELDS.theme}
          label={t.theme}
          value={filters.theme}
          options={themes}
          all={t.allThemes}
        />
        <button type="submit" className="button">
          {common.filter}
        </button>
        {filtered ? <a href="/poles">{t.seeAll}</a> : null}
      </Form>
      <p aria-live="polite">{summary}</p>

      <section aria-labelledby="carte-titre">
        <h2 id="carte-titre">{t.mapTitle}</h2>
        <FranceMap
          {...map}
          counts={counts}
          points={points}
          title={filtered ? t.mapTitleFiltered : t.mapTitle}
          description={t.mapDescription(summary)}
        />
      </section>

      <section aria-labelledby="liste-titre">
        <h2 id="liste-titre">{t.listTitle}</h2>
        {regions.length === 0 ? (
          <p>
            {t.noneMatch} <a href="/poles">{t.seeAll}</a>
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
                          {pole.seat ? t.seat(pole.seat.name) : null}
                          {pole.departments.length > 1
                            ? ` — ${pole.departments.map((d) => `${d.name} (${d.code})`).join(", ")}`
                            : null}
                        </p>
                        <p>
                          <span className="visually-hidden">{t.axes}</span>
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

