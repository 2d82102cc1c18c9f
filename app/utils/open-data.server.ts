/**
 * The answers of open data (/api/v1/…, /donnees/…zip): the dataset read now, and a response that
 * carries a weak ETag, answers 304 to a matching If-None-Match, and may be kept by any cache for
 * OPEN_DATA_MAX_AGE_S. The ETag is the page cache's own (server/page-cache.js: W/"SHA-1 of the body,
 * base64url"), so a client gets the same tag whether the answer came from the cache or was rendered.
 */
import { createHash } from "node:crypto";
import { API_BASE, API_LISTS, apiPage, linkHeader, parsePageQuery, type ApiList } from "~/domain/open-data-api";
import { buildDataset, OPEN_DATA_MAX_AGE_S, poleSubset, type OpenDataset } from "~/domain/open-data";
import { packageFiles, zipFiles, type PackageMeta } from "~/domain/open-data-files";
import { openDataPoleId, readOpenDataSources } from "~/models/open-data.server";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

export function siteBaseUrl(): string {
  return getEnv().PUBLIC_URL.replace(/\/+$/, "");
}

/** Everything published, or one pôle's part (undefined for an unknown slug). */
export function readOpenDataset(poleSlug?: string | null, options: { computedFigures?: boolean } = {}): OpenDataset | undefined {
  const db = getDb();
  const dataset = buildDataset(readOpenDataSources(db, new Date(), options), siteBaseUrl());
  if (!poleSlug) return dataset;
  const poleId = openDataPoleId(db, poleSlug);
  return poleId === undefined ? undefined : poleSubset(dataset, poleId);
}

export function weakEtag(body: string | Uint8Array): string {
  return `W/"${createHash("sha1").update(body).digest("base64url")}"`;
}

/** Whether an If-None-Match header names this tag (weak comparison, RFC 9110 § 13.1.2) or `*`. */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = etag.replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t.replace(/^W\//, "") === bare;
  });
}

/** A public, cacheable answer, or its 304. */
export function publicDataResponse(request: Request, body: string | Uint8Array, headers: Record<string, string>): Response {
  const etag = weakEtag(body);
  const common = {
    ETag: etag,
    "Cache-Control": `public, max-age=${OPEN_DATA_MAX_AGE_S}`,
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "ETag, Link",
    "X-Content-Type-Options": "nosniff",
  };
  if (matchesEtag(request.headers.get("If-None-Match"), etag)) return new Response(null, { status: 304, headers: common });
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : new Uint8Array(body);
  return new Response(bytes, { status: 200, headers: { ...headers, ...common, "Content-Length": String(bytes.length) } });
}

export function apiError(status: 400 | 404, message: string): Response {
  return Response.json(
    { error: message },
    { status, headers: { "Cache-Control": "no-cache", "Access-Control-Allow-Origin": "*", "X-Content-Type-Options": "nosniff" } },
  );
}

/** GET /api/v1/<list>?page=&per_page=&pole= */
export function apiListResponse(request: Request, list: ApiList): Response {
  const url = new URL(request.url);
  const parsed = parsePageQuery(url.searchParams);
  if (!parsed.ok) return apiError(400, parsed.message);
  const dataset = readOpenDataset(parsed.query.pole, { computedFigures: list === "indicator-values" });
  if (!dataset) return apiError(404, "Aucun pôle ne porte ce nom court.");
  const page = apiPage(dataset[API_LISTS[list]], parsed.query, `${siteBaseUrl()}${API_BASE}/${list}`);
  return publicDataResponse(request, JSON.stringify(page), {
    "Content-Type": "application/json; charset=utf-8",
    Link: linkHeader(page.links),
  });
}

function packageResponse(request: Request, dataset: OpenDataset, meta: PackageMeta): Response {
  const zip = zipFiles(packageFiles(dataset, meta));
  return publicDataResponse(request, zip, {
    "Content-Type": "application/zip",
    "Content-Disposition": `attachment; filename="${meta.name}.zip"`,
  });
}

/** GET /donnees/maillon.zip */
export function installPackageResponse(request: Request): Response {
  const dataset = readOpenDataset()!;
  return packageResponse(request, dataset, {
    name: "maillon",
    title: "Maillon — données ouvertes de tous les pôles",
    description: "Les pôles territoriaux de coopération économique de Maillon, leurs organisations membres, projets publiés, agenda public, ressources partagées et besoins non couverts.",
    baseUrl: siteBaseUrl(),
  });
}

/** GET /donnees/poles/:slug.zip, or undefined for an unknown pôle. */
export function polePackageResponse(request: Request, slug: string): Response | undefined {
  const dataset = /^[a-z0-9-]{1,100}$/.test(slug) ? readOpenDataset(slug) : undefined;
  const pole = dataset?.poles[0];
  if (!dataset || !pole) return undefined;
  return packageResponse(request, dataset, {
    name: `maillon-${slug}`,
    title: `${String(pole.name)} — données ouvertes (Maillon)`,
    description: `Le pôle ${String(pole.name)} sur Maillon : ses organisations membres, les projets publiés de son périmètre, son agenda public, ses ressources partagées et ses besoins non couverts.`,
    baseUrl: siteBaseUrl(),
  });
}
