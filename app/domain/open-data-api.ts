/**
 * The JSON API of open data, version 1: which list each path serves, how a page of it is asked for
 * (`?page=` from 1, `?per_page=` from 1 to 200, `?pole=<slug>`), the envelope of an answer (data,
 * meta, links) and the OpenAPI 3.1 description of it all, built from the table specs so that the
 * documentation cannot drift from the answers. Pure.
 */
import { OPEN_DATA_LICENCE, OPEN_DATA_MAX_AGE_S, OPEN_DATA_TABLES, type FieldSpec, type OpenRecord, type TableName } from "./open-data";

export const API_BASE = "/api/v1";
export const DEFAULT_PER_PAGE = 50;
export const MAX_PER_PAGE = 200;

/** The lists of the API: path segment → table. Link tables are folded into their objects' lists by `?pole=`. */
export const API_LISTS = {
  poles: "poles",
  organisations: "organisations",
  projects: "projects",
  events: "events",
  resources: "resources",
  "unmet-needs": "unmet_needs",
  communes: "communes",
  indicators: "indicators",
  "indicator-values": "indicator_values",
} as const satisfies Record<string, TableName>;
export type ApiList = keyof typeof API_LISTS;

export type PageQuery = { page: number; perPage: number; pole: string | null };

/** The page asked for, or the French sentence saying what is wrong with the query. */
export function parsePageQuery(params: URLSearchParams): { ok: true; query: PageQuery } | { ok: false; message: string } {
  const whole = (name: string, fallback: number, max: number): number | string => {
    const raw = params.get(name);
    if (raw === null || raw === "") return fallback;
    if (!/^\d{1,6}$/.test(raw) || Number(raw) < 1 || Number(raw) > max) return `Le paramètre ${name} doit être un nombre entier de 1 à ${max}.`;
    return Number(raw);
  };
  const page = whole("page", 1, 100_000);
  if (typeof page === "string") return { ok: false, message: page };
  const perPage = whole("per_page", DEFAULT_PER_PAGE, MAX_PER_PAGE);
  if (typeof perPage === "string") return { ok: false, message: perPage };
  const pole = params.get("pole");
  if (pole !== null && !/^[a-z0-9-]{1,100}$/.test(pole)) return { ok: false, message: "Le paramètre pole doit être le nom court d'un pôle (lettres minuscules, chiffres, tirets)." };
  return { ok: true, query: { page, perPage, pole } };
}

export type ApiPage = {
  data: OpenRecord[];
  meta: { page: number; per_page: number; total: number; total_pages: number; licence: string; licence_url: string };
  links: { self: string; first: string; last: string; prev: string | null; next: string | null };
};

/** One page of a list, with links to its neighbours (absolute, keeping the `pole` filter). */
export function apiPage(records: readonly OpenRecord[], query: PageQuery, listUrl: string): ApiPage {
  const totalPages = Math.max(1, Math.ceil(records.length / query.perPage));
  const link = (page: number) => {
    const search = new URLSearchParams();
    if (query.pole) search.set("pole", query.pole);
    search.set("page", String(page));
    search.set("per_page", String(query.perPage));
    return `${listUrl}?${search.toString()}`;
  };
  const start = (query.page - 1) * query.perPage;
  return {
    data: records.slice(start, start + query.perPage),
    meta: {
      page: query.page,
      per_page: query.perPage,
      total: records.length,
      total_pages: totalPages,
      licence: OPEN_DATA_LICENCE.spdx,
      licence_url: OPEN_DATA_LICENCE.url,
    },
    links: {
      self: link(query.page),
      first: link(1),
      last: link(totalPages),
      prev: query.page > 1 ? link(Math.min(query.page - 1, totalPages)) : null,
      next: query.page < totalPages ? link(query.page + 1) : null,
    },
  };
}

/** The same links as an RFC 8288 `Link` header. */
export function linkHeader(links: ApiPage["links"]): string {
  return (["first", "prev", "next", "last"] as const)
    .filter((rel) => links[rel])
    .map((rel) => `<${links[rel]}>; rel="${rel}"`)
    .join(", ");
}

// ---------------------------------------------------------------------------------------------------
// OpenAPI 3.1

function jsonSchemaOf(f: FieldSpec): Record<string, unknown> {
  const base =
    f.type === "datetime"
      ? { type: "string", format: "date-time" }
      : f.type === "date"
        ? { type: "string", format: "date" }
      : f.type === "string" && f.format === "uri"
        ? { type: "string", format: "uri" }
        : { type: f.type };
  const withEnum = f.values ? { ...base, enum: Object.keys(f.values) } : base;
  return f.required ? { ...withEnum, description: f.description } : { ...withEnum, type: [withEnum.type, "null"], description: f.description };
}

export function openApiDocument(baseUrl: string): Record<string, unknown> {
  const schemas: Record<string, unknown> = {
    Error: { type: "object", required: ["error"], properties: { error: { type: "string", description: "Ce qui ne va pas, en français." } } },
    Links: {
      type: "object",
      required: ["self", "first", "last", "prev", "next"],
      properties: {
        self: { type: "string", format: "uri" },
        first: { type: "string", format: "uri" },
        last: { type: "string", format: "uri" },
        prev: { type: ["string", "null"], format: "uri" },
        next: { type: ["string", "null"], format: "uri" },
      },
    },
    Meta: {
      type: "object",
      required: ["page", "per_page", "total", "total_pages", "licence", "licence_url"],
      properties: {
        page: { type: "integer", minimum: 1 },
        per_page: { type: "integer", minimum: 1, maximum: MAX_PER_PAGE },
        total: { type: "integer", minimum: 0, description: "Nombre d'objets de la liste (toutes pages)." },
        total_pages: { type: "integer", minimum: 1 },
        licence: { type: "string", const: OPEN_DATA_LICENCE.spdx },
        licence_url: { type: "string", format: "uri" },
      },
    },
  };
  const paths: Record<string, unknown> = {};
  for (const [segment, table] of Object.entries(API_LISTS)) {
    const spec = OPEN_DATA_TABLES.find((t) => t.name === table)!;
    const schemaName = table.replace(/(^|_)(\w)/g, (_m, _u, c: string) => c.toUpperCase());
    schemas[schemaName] = {
      type: "object",
      description: spec.description,
      required: spec.fields.map((f) => f.name),
      properties: Object.fromEntries(spec.fields.map((f) => [f.name, jsonSchemaOf(f)])),
    };
    paths[`/${segment}`] = {
      get: {
        operationId: `list_${table}`,
        summary: spec.title,
        description: `${spec.description} Liste paginée, dans l'ordre des identifiants ; \`pole\` la restreint à un pôle.`,
        parameters: [
          { name: "page", in: "query", schema: { type: "integer", minimum: 1, default: 1 } },
          { name: "per_page", in: "query", schema: { type: "integer", minimum: 1, maximum: MAX_PER_PAGE, default: DEFAULT_PER_PAGE } },
          { name: "pole", in: "query", description: "Nom court (slug) d'un pôle.", schema: { type: "string", pattern: "^[a-z0-9-]{1,100}$" } },
          { name: "If-None-Match", in: "header", description: "L'ETag d'une réponse précédente : 304 si rien n'a changé.", schema: { type: "string" } },
        ],
        responses: {
          "200": {
            description: "Une page de la liste.",
            headers: {
              ETag: { schema: { type: "string" }, description: "Étiquette faible de la réponse." },
              "Cache-Control": { schema: { type: "string" }, description: `public, max-age=${OPEN_DATA_MAX_AGE_S}` },
              Link: { schema: { type: "string" }, description: "Pages voisines (RFC 8288)." },
            },
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["data", "meta", "links"],
                  properties: {
                    data: { type: "array", items: { $ref: `#/components/schemas/${schemaName}` } },
                    meta: { $ref: "#/components/schemas/Meta" },
                    links: { $ref: "#/components/schemas/Links" },
                  },
                },
              },
            },
          },
          "304": { description: "Rien n'a changé depuis la réponse dont l'ETag est donné." },
          "400": { description: "Paramètre invalide.", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
          "404": { description: "Pôle inconnu.", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
        },
      },
    };
  }
  paths["/openapi.json"] = {
    get: {
      operationId: "openapi",
      summary: "Ce document",
      responses: { "200": { description: "La description OpenAPI 3.1 de l'API.", content: { "application/json": { schema: { type: "object" } } } } },
    },
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "Maillon — données ouvertes",
      version: "1.0.0",
      description:
        "Les objets publics de Maillon : pôles, organisations membres, projets publiés, agenda public, ressources partagées, besoins non couverts, indicateurs d'impact. " +
        "Aucune donnée personnelle. Réponses paginées, avec ETag et Cache-Control. Paquets CSV à télécharger : " +
        `${baseUrl}/donnees.`,
      license: { name: OPEN_DATA_LICENCE.title, identifier: OPEN_DATA_LICENCE.spdx },
    },
    servers: [{ url: `${baseUrl}${API_BASE}` }],
    paths,
    components: { schemas },
  };
}
