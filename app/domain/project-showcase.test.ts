import { describe, expect, it } from "vitest";
import {
  hasFilters,
  NO_FILTERS,
  pageCount,
  pageLinks,
  pageOffset,
  parsePage,
  parseShowcaseFilters,
  SHOWCASE_MAX_PAGE,
  showcaseSearch,
} from "./project-showcase";

const CHOICES = {
  poles: ["vals-de-saintonge", "sambre-avesnois"],
  domains: ["batiment", "tic"],
  skills: ["comptabilite", "marketing"],
};

const parse = (query: string) => parseShowcaseFilters(new URLSearchParams(query), CHOICES);

describe("the showcase's filters in the URL", () => {
  it("reads every filter it knows", () => {
    expect(parse("pole=sambre-avesnois&secteur=tic&competence=marketing&financement=1&etape=creation&page=3")).toEqual({
      pole: "sambre-avesnois",
      domain: "tic",
      skill: "marketing",
      funding: true,
      stage: "creation",
      page: 3,
    });
  });

  it("is empty without a query", () => {
    expect(parse("")).toEqual(NO_FILTERS);
    expect(hasFilters(parse(""))).toBe(false);
  });

  it("drops values that do not exist instead of failing (an old or forged link still opens)", () => {
    expect(parse("pole=pole-inconnu&secteur=%00&competence=x&etape=fini&financement=peut-etre")).toEqual(NO_FILTERS);
  });

  it("treats the empty « Tous les pôles » choice of the form as no filter", () => {
    expect(parse("pole=&secteur=&competence=&etape=")).toEqual(NO_FILTERS);
  });

  it("takes the checkbox's value and its usual spellings for the funding filter", () => {
    for (const v of ["1", "on", "oui", "true", " OUI "]) expect(parse(`financement=${encodeURIComponent(v)}`).funding, v).toBe(true);
    for (const v of ["", "0", "non"]) expect(parse(`financement=${v}`).funding, v).toBe(false);
  });

  it("keeps the page a whole number between 1 and the cap", () => {
    expect(parsePage(null)).toBe(1);
    for (const bad of ["abc", "-1", "0", "1.5", "1e3", "%00", "x".repeat(300), "99999999"]) {
      expect(parsePage(bad), bad).toBe(1);
    }
    expect(parsePage("7")).toBe(7);
    expect(parsePage("5000")).toBe(SHOWCASE_MAX_PAGE);
  });
});

describe("links that keep the filters", () => {
  const filters = parse("etape=idee&pole=vals-de-saintonge&financement=on");

  it("writes one address per view, in a fixed order, page 1 left out", () => {
    expect(showcaseSearch(filters)).toBe("?pole=vals-de-saintonge&financement=1&etape=idee");
    expect(showcaseSearch(filters, { page: 2 })).toBe("?pole=vals-de-saintonge&financement=1&etape=idee&page=2");
    expect(showcaseSearch(NO_FILTERS)).toBe("");
  });

  it("reads back what it writes", () => {
    const full = parse("pole=sambre-avesnois&secteur=tic&competence=marketing&financement=1&etape=creation&page=3");
    expect(parse(showcaseSearch(full).slice(1))).toEqual(full);
  });

  it("offers no pagination for a single page", () => {
    expect(pageLinks(filters, 0)).toEqual([]);
    expect(pageLinks(filters, 12)).toEqual([]);
  });

  it("offers the first, the last and the pages around the current one, each keeping the filters", () => {
    const onFive = { ...filters, page: 5 };
    const links = pageLinks(onFive, 12 * 10);
    expect(links.map((l) => (l === null ? "…" : l.page))).toEqual([1, "…", 3, 4, 5, 6, 7, "…", 10]);
    expect(links.find((l) => l?.current)?.page).toBe(5);
    for (const l of links) if (l) expect(l.search).toContain("pole=vals-de-saintonge&financement=1&etape=idee");
  });

  it("marks the last page current when the page asked is past the end", () => {
    const links = pageLinks({ ...filters, page: 40 }, 30);
    expect(links.map((l) => l?.page)).toEqual([1, 2, 3]);
    expect(links.find((l) => l?.current)?.page).toBe(3);
  });

  it("counts pages and offsets", () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(12)).toBe(1);
    expect(pageCount(13)).toBe(2);
    expect(pageOffset(1)).toBe(0);
    expect(pageOffset(3)).toBe(24);
  });
});
