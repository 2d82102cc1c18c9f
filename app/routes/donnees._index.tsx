import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { API_BASE, API_LISTS, DEFAULT_PER_PAGE, MAX_PER_PAGE } from "~/domain/open-data-api";
import { OPEN_DATA_LICENCE, OPEN_DATA_MAX_AGE_S, OPEN_DATA_TABLES } from "~/domain/open-data";
import { authorize } from "~/guards/authorize.server";
import { readOpenDataset, siteBaseUrl } from "~/utils/open-data.server";
import { useFormat, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaText(matches).openData;
  return [{ title: t.metaTitle }, { name: "description", content: t.metaDescription }];
};

export function loader({ request }: LoaderFunctionArgs) {
  authorize(request, "donnees._index");
  const dataset = readOpenDataset()!;
  return {
    baseUrl: siteBaseUrl(),
    counts: Object.fromEntries(OPEN_DATA_TABLES.map((t) => [t.name, dataset[t.name].length])) as Record<string, number>,
    poles: dataset.poles.map((p) => ({ slug: String(p.slug), name: String(p.name) })).sort((a, b) => a.name.localeCompare(b.name, "fr")),
  };
}

export default function OpenData() {
  const { baseUrl, counts, poles } = useLoaderData<typeof loader>();
  const t = useT().openData;
  const format = useFormat();
  return (
    <div className="container narrow">
      <h1>{t.title}</h1>
      <p>{t.intro}</p>

      <h2>{t.publishedTitle}</h2>
      <ul>
        {OPEN_DATA_TABLES.map((table) => (
          <li key={table.name}>
            <strong>{table.title}</strong> ({format.integer(counts[table.name] ?? 0)}) : {table.description}
          </li>
        ))}
      </ul>
      <p>{t.neverPublished}</p>

      <h2>{t.licenceTitle}</h2>
      <p>
        {t.licenceBefore} <a href={OPEN_DATA_LICENCE.url}>{OPEN_DATA_LICENCE.title}</a> {t.licenceSpdx}{" "}
        <code>{OPEN_DATA_LICENCE.spdx}</code>
        {t.licenceAfter(baseUrl)}
      </p>

      <h2>{t.updatesTitle}</h2>
      <p>
        {t.updatesBefore(format.integer(OPEN_DATA_MAX_AGE_S / 60))} <code>{"Cache-Control"}</code>
        {t.updatesMiddle} <code>{"ETag"}</code> {t.updatesAfter}
      </p>

      <h2>{t.packagesTitle}</h2>
      <p>
        {t.packagesBefore} <a href="https://specs.frictionlessdata.io/data-package/">{"Frictionless Data Package"}</a>{" "}
        {t.packagesMiddle} <code>{"datapackage.json"}</code> {t.packagesAfter}
      </p>
      <ul>
        <li>
          <a href="/donnees/maillon.zip" download>
            {t.allPoles}
          </a>
        </li>
      </ul>
      <details>
        <summary>{t.onePole(poles.length, format.integer(poles.length))}</summary>
        <ul>
          {poles.map((p) => (
            <li key={p.slug}>
              <a href={`/donnees/poles/${p.slug}.zip`} download>
                {p.name}
              </a>
            </li>
          ))}
        </ul>
      </details>

      <h2>{t.apiTitle}</h2>
      <p>
        {t.apiVersioned}
        <code>{API_BASE}</code>
        {t.apiOpenApi} <a href={`${API_BASE}/openapi.json`}>{`${API_BASE}/openapi.json`}</a>
        {t.apiPaged} <code>{"?page="}</code> {t.apiPage} <code>{"?per_page="}</code> {t.apiPerPage(MAX_PER_PAGE, DEFAULT_PER_PAGE)}{" "}
        <code>{"?pole="}</code> {t.apiPole}
        <code>{"data"}</code>
        {t.apiTotal}
        <code>{"meta"}</code>
        {t.apiLinks}
        <code>{"links"}</code>
        {t.apiLinkHeader} <code>{"Link"}</code>
        {t.apiFields}
      </p>
      <ul>
        {Object.keys(API_LISTS).map((segment) => (
          <li key={segment}>
            <a href={`${API_BASE}/${segment}`}>
              <code>
                {API_BASE}/{segment}
              </code>
            </a>
          </li>
        ))}
      </ul>
      <p>
        {t.example} <code>{`curl "${baseUrl}${API_BASE}/poles?per_page=10&page=2"`}</code>
      </p>

      <h2>{t.fieldsTitle}</h2>
      {OPEN_DATA_TABLES.map((table) => (
        <details key={table.name}>
          <summary>
            {table.title} (<code>{`${table.name}.csv`}</code>)
          </summary>
          <p>{table.description}</p>
          <dl>
            {table.fields.map((f) => (
              <div key={f.name}>
                <dt>
                  <code>{f.name}</code> — {t.types[f.type]}
                  {f.required ? t.required : ""}
                </dt>
                <dd>
                  {f.description}
                  {f.values ? t.values(Object.entries(f.values).map(([v, label]) => `${v} (${label})`).join(", ")) : ""}
                </dd>
              </div>
            ))}
          </dl>
        </details>
      ))}
    </div>
  );
}
