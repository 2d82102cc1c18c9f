import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { API_BASE, API_LISTS, DEFAULT_PER_PAGE, MAX_PER_PAGE } from "~/domain/open-data-api";
import { OPEN_DATA_LICENCE, OPEN_DATA_MAX_AGE_S, OPEN_DATA_TABLES } from "~/domain/open-data";
import { formatInteger } from "~/domain/format";
import { authorize } from "~/guards/authorize.server";
import { readOpenDataset, siteBaseUrl } from "~/utils/open-data.server";

export const meta: MetaFunction = () => [
  { title: "Données ouvertes — Maillon" },
  { name: "description", content: "Les données publiques de Maillon sous Licence Ouverte 2.0 : API JSON et paquets CSV à télécharger." },
];

export function loader({ request }: LoaderFunctionArgs) {
  authorize(request, "donnees._index");
  const dataset = readOpenDataset()!;
  return {
    baseUrl: siteBaseUrl(),
    counts: Object.fromEntries(OPEN_DATA_TABLES.map((t) => [t.name, dataset[t.name].length])) as Record<string, number>,
    poles: dataset.poles.map((p) => ({ slug: String(p.slug), name: String(p.name) })).sort((a, b) => a.name.localeCompare(b.name, "fr")),
  };
}

const TYPE_LABELS = { integer: "entier", number: "nombre", string: "texte", boolean: "booléen", datetime: "date et heure", date: "date" } as const;

export default function OpenData() {
  const { baseUrl, counts, poles } = useLoaderData<typeof loader>();
  return (
    <div className="container narrow">
      <h1>Données ouvertes</h1>
      <p>
        Maillon publie les informations publiques des pôles territoriaux de coopération économique qu'il
        accueille, pour que chacun puisse les réutiliser : collectivités, chercheurs, journalistes, autres
        plateformes. Aucune donnée personnelle n'en fait partie.
      </p>

      <h2>Ce qui est publié</h2>
      <ul>
        {OPEN_DATA_TABLES.map((t) => (
          <li key={t.name}>
            <strong>{t.title}</strong> ({formatInteger(counts[t.name] ?? 0)}) : {t.description}
          </li>
        ))}
      </ul>
      <p>
        Ne sont jamais publiés : le nom, l'adresse électronique ou le téléphone d'une personne (porteurs de
        projet, bénévoles, épargnants, auteurs, organisateurs, prêteurs), les brouillons, les rendez-vous
        réservés aux membres, les clubs d'investisseurs, les promesses de soutien ni les accompagnements.
      </p>

      <h2>Licence et mention de la source</h2>
      <p>
        Les données sont publiées sous la <a href={OPEN_DATA_LICENCE.url}>{OPEN_DATA_LICENCE.title}</a>{" "}
        (identifiant SPDX <code>{OPEN_DATA_LICENCE.spdx}</code>) : vous pouvez les copier, les modifier, les
        rediffuser et les exploiter, y compris commercialement, à condition de mentionner leur source et la
        date de leur dernière mise à jour, par exemple : « Source : Maillon ({baseUrl}), données du … ».
      </p>

      <h2>Mise à jour</h2>
      <p>
        Les réponses de l'API et les paquets sont produits à la demande, à partir de l'état de la plateforme
        au moment où vous les demandez. Ils peuvent être gardés en cache {OPEN_DATA_MAX_AGE_S / 60} minutes
        (en-tête <code>Cache-Control</code>) ; l'en-tête <code>ETag</code> permet de redemander sans tout
        retélécharger (réponse 304 si rien n'a changé).
      </p>

      <h2>Paquets à télécharger</h2>
      <p>
        Chaque paquet est une archive ZIP au format <a href="https://specs.frictionlessdata.io/data-package/">Frictionless Data Package</a> :
        un fichier CSV par table (UTF-8, séparateur virgule, une ligne d'en-tête), le fichier{" "}
        <code>datapackage.json</code> qui décrit le schéma de chacun (types, champs obligatoires, clés), les
        pôles et les organisations en GeoJSON (au centre de leur commune), un fichier README qui explique
        chaque champ et la licence.
      </p>
      <ul>
        <li>
          <a href="/donnees/maillon.zip" download>
            Tous les pôles (maillon.zip)
          </a>
        </li>
      </ul>
      <details>
        <summary>Le paquet d'un seul pôle ({formatInteger(poles.length)} pôles)</summary>
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

      <h2>L'API JSON</h2>
      <p>
        L'API est versionnée (<code>{API_BASE}</code>) et décrite au format OpenAPI 3.1 :{" "}
        <a href={`${API_BASE}/openapi.json`}>{API_BASE}/openapi.json</a>. Chaque liste est paginée :{" "}
        <code>?page=</code> (à partir de 1) et <code>?per_page=</code> (de 1 à {MAX_PER_PAGE}, {DEFAULT_PER_PAGE} par
        défaut) ; <code>?pole=</code> suivi du nom court d'un pôle la restreint à ce pôle. La réponse donne les
        objets (<code>data</code>), le total (<code>meta</code>) et les liens vers les pages voisines (
        <code>links</code>, et l'en-tête <code>Link</code>). Les champs sont ceux des fichiers CSV.
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
        Exemple : <code>curl &quot;{baseUrl}{API_BASE}/poles?per_page=10&amp;page=2&quot;</code>
      </p>

      <h2>Les champs de chaque table</h2>
      {OPEN_DATA_TABLES.map((t) => (
        <details key={t.name}>
          <summary>
            {t.title} (<code>{t.name}.csv</code>)
          </summary>
          <p>{t.description}</p>
          <dl>
            {t.fields.map((f) => (
              <div key={f.name}>
                <dt>
                  <code>{f.name}</code> — {TYPE_LABELS[f.type]}
                  {f.required ? ", obligatoire" : ""}
                </dt>
                <dd>
                  {f.description}
                  {f.values ? ` Valeurs : ${Object.entries(f.values).map(([v, label]) => `${v} (${label})`).join(", ")}.` : ""}
                </dd>
              </div>
            ))}
          </dl>
        </details>
      ))}
    </div>
  );
}
