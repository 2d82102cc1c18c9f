/**
 * The files of an open-data package: one CSV per table (UTF-8, comma, one header row, RFC 4180),
 * its Frictionless `datapackage.json` (a TableSchema per CSV), the pôles and organisations as
 * GeoJSON (a point at the centre of their commune), a README explaining each field and a LICENSE,
 * zipped (fflate) with a fixed date so that the same data gives the same bytes, hence the same ETag.
 *
 * Pure: the dataset and the site's address are passed in.
 */
import { stringify } from "csv-stringify/sync";
import { strToU8, zipSync } from "fflate";
import { OPEN_DATA_LICENCE, OPEN_DATA_MAX_AGE_S, OPEN_DATA_TABLES, type FieldSpec, type OpenDataset, type OpenRecord, type OpenValue, type TableSpec } from "./open-data";

export type PackageMeta = {
  /** `maillon`, or `maillon-<pole slug>`: the package's Frictionless name and its file's. */
  name: string;
  title: string;
  description: string;
  /** The site's address, without a trailing slash. */
  baseUrl: string;
};

/** A value as a CSV cell: empty for null, `true`/`false`, numbers as JavaScript writes them. */
function cell(value: OpenValue): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "true" : "false";
  return String(value);
}

export function toOpenCsv(spec: TableSpec, records: readonly OpenRecord[]): string {
  const header = spec.fields.map((f) => f.name);
  const rows = records.map((r) => header.map((name) => cell(r[name] ?? null)));
  return stringify([header, ...rows], { record_delimiter: "windows", quoted_match: /^\s|\s$/ });
}

/** The Frictionless field descriptor of a field spec. */
function schemaField(f: FieldSpec): Record<string, unknown> {
  const constraints: Record<string, unknown> = {};
  if (f.required) constraints.required = true;
  if (f.unique) constraints.unique = true;
  if (f.values) constraints.enum = Object.keys(f.values);
  return {
    name: f.name,
    type: f.type,
    ...(f.format ? { format: f.format } : {}),
    description: f.description,
    ...(Object.keys(constraints).length > 0 ? { constraints } : {}),
  };
}

export function tableSchema(spec: TableSpec): Record<string, unknown> {
  return {
    fields: spec.fields.map(schemaField),
    missingValues: [""],
    primaryKey: spec.primaryKey.length === 1 ? spec.primaryKey[0] : [...spec.primaryKey],
    ...(spec.foreignKeys.length > 0
      ? { foreignKeys: spec.foreignKeys.map((fk) => ({ fields: fk.field, reference: { resource: fk.resource, fields: fk.reference } })) }
      : {}),
  };
}

export function dataPackage(meta: PackageMeta): Record<string, unknown> {
  return {
    profile: "data-package",
    name: meta.name,
    title: meta.title,
    description: meta.description,
    homepage: `${meta.baseUrl}/donnees`,
    licenses: [{ name: OPEN_DATA_LICENCE.spdx, title: OPEN_DATA_LICENCE.title, path: OPEN_DATA_LICENCE.url }],
    sources: [{ title: "Maillon", path: meta.baseUrl }],
    resources: [
      ...OPEN_DATA_TABLES.map((spec) => ({
        name: spec.name,
        title: spec.title,
        description: spec.description,
        path: `data/${spec.name}.csv`,
        profile: "tabular-data-resource",
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        dialect: { delimiter: ",", header: true, lineTerminator: "\r\n" },
        schema: tableSchema(spec),
      })),
      ...(["poles", "organisations"] as const).map((name) => ({
        name: `${name}_geojson`,
        title: `${OPEN_DATA_TABLES.find((t) => t.name === name)!.title} (carte)`,
        description: "Les mêmes lignes que le fichier CSV, en points GeoJSON (RFC 7946) au centre de leur commune.",
        path: `data/${name}.geojson`,
        format: "geojson",
        mediatype: "application/geo+json",
        encoding: "utf-8",
      })),
    ],
  };
}

type Point = { latitude: OpenValue; longitude: OpenValue };

/** Records as a FeatureCollection; a record whose commune has no point has a null geometry. */
export function toGeoJson(records: readonly OpenRecord[], pointOf: (r: OpenRecord) => Point | undefined): Record<string, unknown> {
  return {
    type: "FeatureCollection",
    features: records.map((r) => {
      const p = pointOf(r);
      const located = p && typeof p.latitude === "number" && typeof p.longitude === "number";
      return {
        type: "Feature",
        id: r.id,
        geometry: located ? { type: "Point", coordinates: [p.longitude, p.latitude] } : null,
        properties: r,
      };
    }),
  };
}

function fieldLine(f: FieldSpec): string {
  const flags = [f.type, f.required ? "obligatoire" : "peut être vide", ...(f.unique ? ["unique"] : [])].join(", ");
  const values = f.values
    ? `\n${Object.entries(f.values)
        .map(([value, label]) => `  - \`${value}\` : ${label}`)
        .join("\n")}`
    : "";
  return `- \`${f.name}\` (${flags}) : ${f.description}${values}`;
}

export function readme(meta: PackageMeta): string {
  const tables = OPEN_DATA_TABLES.map((spec) => {
    const keys = [
      `Clé primaire : ${spec.primaryKey.map((k) => `\`${k}\``).join(" + ")}.`,
      ...spec.foreignKeys.map((fk) => `\`${fk.field}\` renvoie à \`${fk.reference}\` de \`${fk.resource}.csv\`.`),
    ].join(" ");
    return `### \`data/${spec.name}.csv\` — ${spec.title}\n\n${spec.description}\n\n${keys}\n\n${spec.fields.map(fieldLine).join("\n")}\n`;
  }).join("\n");
  return `# ${meta.title}

${meta.description}

Source : Maillon, ${meta.baseUrl} — page « Données ouvertes » : ${meta.baseUrl}/donnees.
Licence : ${OPEN_DATA_LICENCE.title} (SPDX \`${OPEN_DATA_LICENCE.spdx}\`), voir le fichier LICENSE.
Mention à faire figurer quand vous réutilisez ces données : « Source : Maillon (${meta.baseUrl}) ».

## Contenu

- \`datapackage.json\` : la description du paquet au format Frictionless Data (Data Package), avec le
  schéma (Table Schema) de chaque fichier CSV : types, champs obligatoires, clés primaires et étrangères.
- \`data/*.csv\` : un fichier par table, en UTF-8, séparateur virgule, une ligne d'en-tête, fins de ligne CRLF.
  Une cellule vide signifie « non renseigné ». Les dates sont en UTC, au format ISO 8601
  (\`2026-03-02T09:00:00Z\`), les jours au format \`AAAA-MM-JJ\` ; les booléens valent \`true\` ou \`false\` ; les montants sont en euros.
- \`data/poles.geojson\` et \`data/organisations.geojson\` : les pôles (à leur commune siège) et les
  organisations, en points GeoJSON placés au centre de leur commune (pas à leur adresse).

## Mise à jour

Le paquet est produit à la demande à partir de la base de Maillon : il reflète l'état de la plateforme au
moment du téléchargement (les réponses peuvent être gardées en cache ${OPEN_DATA_MAX_AGE_S / 60} minutes).

## Données personnelles

Aucune donnée personnelle n'est publiée : ni nom de personne, ni adresse électronique, ni numéro de
téléphone. Les porteurs de projet, auteurs de besoins, organisateurs et prêteurs de ressources
n'apparaissent pas ; pour joindre un pôle ou une organisation, passez par sa page sur Maillon.

## Les fichiers et leurs champs

${tables}`;
}

export function licence(meta: PackageMeta): string {
  return `${OPEN_DATA_LICENCE.title}
SPDX-License-Identifier: ${OPEN_DATA_LICENCE.spdx}
Texte complet : ${OPEN_DATA_LICENCE.url}

Producteur : Maillon (${meta.baseUrl}), pour les pôles territoriaux de coopération économique qui y publient.

En résumé (le texte complet fait foi) : vous êtes libre de réutiliser ces données — les reproduire, les
copier, les adapter, les modifier, les extraire et les transformer, les communiquer, les diffuser, les
redistribuer, les publier et les exploiter, y compris à des fins commerciales, seules ou combinées avec
d'autres informations — à condition de mentionner leur paternité : la source (« Maillon ») et la date de
leur dernière mise à jour, par exemple par un lien vers ${meta.baseUrl}/donnees.

La réutilisation ne doit pas induire en erreur sur le contenu des données, leur source ni leur date de
mise à jour. Les données sont mises à disposition telles quelles, sans garantie ; elles ne comprennent
aucune donnée à caractère personnel.

Cette licence est compatible avec les licences Open Government Licence (OGL), Creative Commons
Attribution 2.0 (CC-BY 2.0) et Open Data Commons Attribution (ODC-BY).
`;
}

/** Every file of the package, by its path in the zip. */
export function packageFiles(dataset: OpenDataset, meta: PackageMeta): Record<string, string> {
  const communes = new Map(dataset.communes.map((c) => [c.code, { latitude: c.latitude ?? null, longitude: c.longitude ?? null }]));
  const at = (field: string) => (r: OpenRecord) => (typeof r[field] === "string" ? communes.get(r[field] as string) : undefined);
  const files: Record<string, string> = {
    "datapackage.json": `${JSON.stringify(dataPackage(meta), null, 2)}\n`,
    "README.md": readme(meta),
    LICENSE: licence(meta),
  };
  for (const spec of OPEN_DATA_TABLES) files[`data/${spec.name}.csv`] = toOpenCsv(spec, dataset[spec.name]);
  files["data/poles.geojson"] = `${JSON.stringify(toGeoJson(dataset.poles, at("seat_commune_code")))}\n`;
  files["data/organisations.geojson"] = `${JSON.stringify(toGeoJson(dataset.organisations, at("commune_code")))}\n`;
  return files;
}

/** The zip's entries carry this date, not the time of the download: same data, same bytes. */
const ENTRY_DATE = new Date("2020-01-01T00:00:00Z");

/** The package as a zip, `datapackage.json` at its root (as Frictionless expects of a zipped package). */
export function zipFiles(files: Record<string, string>): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const [path, text] of Object.entries(files)) entries[path] = strToU8(text);
  return zipSync(entries, { level: 6, mtime: ENTRY_DATE });
}
