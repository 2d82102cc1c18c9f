/**
 * The directory of pôles (/poles) with its GET filters, and a pôle's page: real loaders, real SQLite.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createTestTerritory } from "#seeds/factories";
import * as poleIndex from "~/routes/poles._index";
import * as polePage from "~/routes/poles.$slug";
import { getDb } from "~/utils/db.server";
import { epciMemberCodes } from "~/utils/epci.server";
import { get } from "./helpers";

type Directory = {
  total: number;
  shown: number;
  filters: Record<string, string | undefined>;
  counts: Record<string, number>;
  points: { slug: string; x: number; y: number; place: string }[];
  map: { departments: { code: string; d: string }[] };
  regions: { name: string; departments: { code: string; name: string; poles: { slug: string }[] }[] }[];
  choices: { regions: { value: string }[]; departments: { value: string }[]; themes: { value: string }[] };
};

const slugs = { saintonge: "", nord: "", calais: "", music: "" };

beforeAll(() => {
  const db = getDb();
  slugs.saintonge = createTestTerritory(db, {
    name: "Pôle A de Saintonge",
    seatCommuneCode: "17347",
    departmentCodes: ["17"],
    axes: [{ name: "Épargne de proximité", theme: "finance-solidaire" }],
  }).slug;
  slugs.nord = createTestTerritory(db, {
    name: "Pôle B du Nord",
    seatCommuneCode: "59392",
    departmentCodes: ["59"],
    communeCodes: epciMemberCodes(["200043396"]),
    axes: [
      { name: "Alimentation durable", theme: "alimentation" },
      { name: "Mobilité", theme: "mobilite", groups: [{ slug: "transport", name: "Transport solidaire" }] },
    ],
  }).slug;
  slugs.calais = createTestTerritory(db, {
    name: "Pôle C de Calais",
    seatCommuneCode: "62193",
    departmentCodes: ["62"],
    communeCodes: [],
    axes: [{ name: "Circuits courts", theme: "alimentation" }],
  }).slug;
  slugs.music = createTestTerritory(db, {
    name: "Pôle D des musiques",
    seatCommuneCode: null,
    perimeterNote: "Ancienne région Poitou-Charentes",
    departmentCodes: ["17", "86"],
    communeCodes: [],
    axes: [{ name: "Scène locale", theme: "culture" }],
  }).slug;
});

async function directory(query = ""): Promise<Directory> {
  const page = await get(poleIndex.loader, `/poles${query}`, null);
  expect(page.status).toBe(200);
  return page.data as Directory;
}

describe("/poles", () => {
  it("shows every pôle on the map and in the list, grouped by region then department", async () => {
    const page = await directory();
    expect(page.total).toBe(4);
    expect(page.shown).toBe(4);
    expect(page.map.departments).toHaveLength(101);
    expect(page.points.map((p) => p.slug).sort()).toEqual([slugs.calais, slugs.nord, slugs.saintonge].sort());
    expect(page.points.find((p) => p.slug === slugs.nord)?.place).toBe("Maubeuge");
    expect(page.counts).toEqual({ "17": 2, "59": 1, "62": 1, "86": 1 });
    expect(page.regions.map((r) => r.name)).toEqual(["Hauts-de-France", "Nouvelle-Aquitaine"]);
    const hdf = page.regions[0]!;
    expect(hdf.departments.map((d) => `${d.name} (${d.code})`)).toEqual(["Nord (59)", "Pas-de-Calais (62)"]);
    const na = page.regions[1]!;
    expect(na.departments.map((d) => [d.code, d.poles.map((p) => p.slug)])).toEqual([
      ["17", [slugs.saintonge, slugs.music]],
      ["86", [slugs.music]],
    ]);
    expect(page.choices.themes.map((t) => t.value)).toEqual(["alimentation", "mobilite", "culture", "finance-solidaire"]);
  });

  it("filters map and list alike by region, department and axis theme, from the URL", async () => {
    const byRegion = await directory("?region=32");
    expect(byRegion.shown).toBe(2);
    expect(byRegion.counts).toEqual({ "59": 1, "62": 1 });
    expect(byRegion.points.map((p) => p.slug).sort()).toEqual([slugs.calais, slugs.nord].sort());

    const byDepartment = await directory("?departement=86");
    expect(byDepartment.regions).toHaveLength(1);
    expect(byDepartment.regions[0]!.departments.map((d) => d.code)).toEqual(["86"]);
    expect(byDepartment.points).toEqual([]);

    const byTheme = await directory("?axe=alimentation");
    expect(byTheme.filters.theme).toBe("alimentation");
    expect(byTheme.points.map((p) => p.slug).sort()).toEqual([slugs.calais, slugs.nord].sort());

    const combined = await directory("?region=32&departement=59&axe=mobilite");
    expect(combined.points.map((p) => p.slug)).toEqual([slugs.nord]);

    const none = await directory("?region=75&axe=mobilite");
    expect(none.shown).toBe(0);
    expect(none.regions).toEqual([]);
    expect(none.total).toBe(4);
  });

  it("ignores values nobody can choose instead of failing", async () => {
    const page = await directory("?region=%3Cscript%3E&departement=999&axe=inconnu&region=");
    expect(page.filters).toEqual({ region: undefined, department: undefined, theme: undefined });
    expect(page.shown).toBe(4);
  });
});

describe("/poles/:slug", () => {
  it("shows the pôle's axes and groups, territory, figures, contact and a JSON-LD Organization", async () => {
    const page = await get(polePage.loader, `/poles/${slugs.nord}`, null, { slug: slugs.nord });
    expect(page.status).toBe(200);
    const data = page.data as {
      territory: { name: string };
      axes: { name: string; theme: string; groups: { slug: string }[] }[];
      epcis: string[];
      figures: Record<string, number>;
      map: { shown: { code: string }[]; seat: { name: string } | null } | null;
      jsonLd: string;
    };
    expect(data.axes.map((a) => [a.name, a.theme])).toEqual([
      ["Alimentation durable", "alimentation"],
      ["Mobilité", "mobilite"],
    ]);
    expect(data.axes[1]!.groups.map((g) => g.slug)).toEqual(["transport"]);
    expect(data.epcis).toEqual(["CA Maubeuge Val de Sambre"]);
    expect(data.figures).toEqual({ publishedProjects: 0, activeMentorships: 0, clubs: 0, committedCents: 0 });
    expect(data.map?.shown.map((d) => d.code)).toEqual(["59"]);
    expect(data.map?.seat?.name).toBe("Maubeuge");
    const jsonLd = JSON.parse(data.jsonLd) as Record<string, unknown>;
    expect(jsonLd).toMatchObject({ "@type": "Organization", name: "Pôle B du Nord" });
    expect(jsonLd.url).toMatch(new RegExp(`^https?://[^/]+/poles/${slugs.nord}$`));
    expect(jsonLd.areaServed).toEqual([{ "@type": "AdministrativeArea", name: "CA Maubeuge Val de Sambre" }]);
  });

  it("says the perimeter note of a pôle without communes, and answers 404 for an unknown slug", async () => {
    const page = await get(polePage.loader, `/poles/${slugs.music}`, null, { slug: slugs.music });
    const data = page.data as { territory: { perimeterNote: string; communeCount: number }; epcis: string[]; map: { shown: unknown[] } };
    expect(data.territory.perimeterNote).toBe("Ancienne région Poitou-Charentes");
    expect(data.territory.communeCount).toBe(0);
    expect(data.epcis).toEqual([]);
    expect(data.map.shown).toHaveLength(2);
    expect((await get(polePage.loader, "/poles/inconnu", null, { slug: "inconnu" })).status).toBe(404);
  });
});
