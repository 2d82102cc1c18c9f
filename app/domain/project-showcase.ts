/**
 * The public showcase of projects (/projets): its filters as they travel in the URL, read
 * tolerantly (an unknown value is dropped, never an error: a shared or old link still opens), and
 * the links that keep them (pagination, « retirer ce filtre »). Pure.
 */
import { pageCount as pagesFor, pageLinks as linksFor, pageOffset as offsetFor, type PageLink } from "./pagination";
import { PROJECT_STAGES, type ProjectStage } from "./vocabulary";

/** Cards per page of the showcase. */
export const SHOWCASE_PAGE_SIZE = 12;
/** Beyond this page a link is surely forged: the page is clamped, the query stays cheap. */
export const SHOWCASE_MAX_PAGE = 1000;

/** The URL's parameter for each filter (French: people read and share these addresses). */
export const SHOWCASE_PARAMS = {
  pole: "pole",
  domain: "secteur",
  skill: "competence",
  funding: "financement",
  stage: "etape",
  page: "page",
} as const;

export type ShowcaseFilters = {
  /** A pôle's slug: projects whose commune lies in its perimeter. */
  pole: string | null;
  /** An activity domain's slug. */
  domain: string | null;
  /** A skill's slug: projects with an open need of it. */
  skill: string | null;
  /** Only projects with a funding need not yet reached. */
  funding: boolean;
  stage: ProjectStage | null;
  /** 1-based. */
  page: number;
};

/** The slugs a filter may take; anything else is ignored. */
export type ShowcaseChoices = {
  poles: readonly string[];
  domains: readonly string[];
  skills: readonly string[];
};

export const NO_FILTERS: ShowcaseFilters = { pole: null, domain: null, skill: null, funding: false, stage: null, page: 1 };

type Params = Pick<URLSearchParams, "get">;

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  if (value === null) return null;
  const v = value.trim();
  return (allowed as readonly string[]).includes(v) ? (v as T) : null;
}

/** A whole page number from 1 to SHOWCASE_MAX_PAGE; anything else is page 1. */
export function parsePage(value: string | null): number {
  if (value === null || !/^\s*\d{1,7}\s*$/.test(value)) return 1;
  const n = Number(value);
  return n < 1 ? 1 : Math.min(n, SHOWCASE_MAX_PAGE);
}

/** The filters of a /projets address, keeping only values that exist. */
export function parseShowcaseFilters(params: Params, choices: ShowcaseChoices): ShowcaseFilters {
  const funding = params.get(SHOWCASE_PARAMS.funding);
  return {
    pole: oneOf(params.get(SHOWCASE_PARAMS.pole), choices.poles),
    domain: oneOf(params.get(SHOWCASE_PARAMS.domain), choices.domains),
    skill: oneOf(params.get(SHOWCASE_PARAMS.skill), choices.skills),
    funding: funding !== null && ["1", "oui", "on", "true"].includes(funding.trim().toLowerCase()),
    stage: oneOf(params.get(SHOWCASE_PARAMS.stage), PROJECT_STAGES),
    page: parsePage(params.get(SHOWCASE_PARAMS.page)),
  };
}

/** Is any filter (other than the page) set? */
export function hasFilters(f: ShowcaseFilters): boolean {
  return f.pole !== null || f.domain !== null || f.skill !== null || f.funding || f.stage !== null;
}

/**
 * The query string of these filters (« ?pole=vals-de-saintonge&financement=1&page=2 », or "" with
 * none), in a fixed order so that one view has one address. Page 1 is left out.
 */
export function showcaseSearch(f: ShowcaseFilters, changes: Partial<ShowcaseFilters> = {}): string {
  const v = { ...f, ...changes };
  const search = new URLSearchParams();
  if (v.pole) search.set(SHOWCASE_PARAMS.pole, v.pole);
  if (v.domain) search.set(SHOWCASE_PARAMS.domain, v.domain);
  if (v.skill) search.set(SHOWCASE_PARAMS.skill, v.skill);
  if (v.funding) search.set(SHOWCASE_PARAMS.funding, "1");
  if (v.stage) search.set(SHOWCASE_PARAMS.stage, v.stage);
  if (v.page > 1) search.set(SHOWCASE_PARAMS.page, String(v.page));
  const text = search.toString();
  return text ? `?${text}` : "";
}

export function pageCount(total: number, pageSize: number = SHOWCASE_PAGE_SIZE): number {
  return pagesFor(total, pageSize);
}

/** Rows to skip for a page. */
export function pageOffset(page: number, pageSize: number = SHOWCASE_PAGE_SIZE): number {
  return offsetFor(page, pageSize);
}

/** The pages to offer, each link keeping the filters (see app/domain/pagination.ts). */
export function pageLinks(f: ShowcaseFilters, total: number, pageSize: number = SHOWCASE_PAGE_SIZE): (PageLink | null)[] {
  return linksFor(f.page, total, pageSize, (page) => showcaseSearch(f, { page }));
}
