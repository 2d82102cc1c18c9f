/**
 * Open data through the real loaders, against the seeded demo in real SQLite: the packages unzip to
 * a Frictionless data package whose every CSV validates against its TableSchema, the API pages and
 * caches as documented, and nothing personal appears in any answer or file. The headers as they go
 * out of the real server (page cache, cache policy, compression) are checked over HTTP by
 * tests/e2e/open-data.spec.ts.
 */
import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { indicators, indicatorValues, territories, users } from "#db/schema";
import { seedDemo } from "#seeds/demo";
import * as openapi from "~/routes/api.v1.openapi[.json]";
import * as communesApi from "~/routes/api.v1.communes";
import * as eventsApi from "~/routes/api.v1.events";
import * as organisationsApi from "~/routes/api.v1.organisations";
import * as polesApi from "~/routes/api.v1.poles";
import * as projectsApi from "~/routes/api.v1.projects";
import * as resourcesApi from "~/routes/api.v1.resources";
import * as needsApi from "~/routes/api.v1.unmet-needs";
import * as indicatorsApi from "~/routes/api.v1.indicators";
import * as indicatorValuesApi from "~/routes/api.v1.indicator-values";
import * as openDataPage from "~/routes/donnees._index";
import * as installZip from "~/routes/donnees.maillon[.zip]";
import * as poleZip from "~/routes/donnees.poles.$slug[.zip]";
import { getDb, type Db } from "~/utils/db.server";
import { cookieFor } from "./helpers";

const NOW = new Date("2026-03-02T09:00:00Z");
type Loader = (args: never) => unknown;
const LISTS: Record<string, Loader> = {
  poles: polesApi.loader,
  organisations: organisationsApi.loader,
  projects: projectsApi.loader,
  events: eventsApi.loader,
  resources: resourcesApi.loader,
  "unmet-needs": needsApi.loader,
  communes: communesApi.loader,
  indicators: indicatorsApi.loader,
  "indicator-values": indicatorValuesApi.loader,
};

let db: Db;

beforeAll(async () => {
  db = getDb();
  await seedDemo(db, NOW);
});

async function fetchFrom(loader: Loader, path: string, init: { headers?: Record<string, string>; params?: Record<string, string>; as?: number } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const cookie = init.as === undefined ? null : cookieFor(init.as);
  if (cookie) headers.set("Cookie", cookie);
  const request = new Request(`http://localhost${path}`, { headers });
  return (await (loader as (args: unknown) => unknown)({ request, params: init.params ?? {}, context: {} })) as Response;
}

async function json(loader: Loader, path: string) {
  const response = await fetchFrom(loader, path);
  expect(response.status, path).toBe(200);
  return (await response.json()) as { data: Record<string, unknown>[]; meta: { total: number; total_pages: number; page: number }; links: Record<string, string | null> };
}

async function unzip(response: Response): Promise<Record<string, string>> {
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toBe("application/zip");
  const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

// ---------------------------------------------------------------------------------------------------
// A small Table Schema validator. The npm `tableschema` package (frictionless-js) has had no release
// since 2020 and pulls an old dependency tree; the checks a consumer relies on here are few: each
// CSV's header names the schema's fields in order, every cell casts to its field's type (integer,
// number, boolean, datetime, string with format uri), required cells are filled, enum and unique
// constraints hold, the primary key is unique and each foreign key resolves in the resource it names.
// It returns the problems as sentences, so a failure says which file, row and field.

type SchemaField = { name: string; type: string; format?: string; constraints?: { required?: boolean; unique?: boolean; enum?: string[] } };
type Schema = { fields: SchemaField[]; primaryKey: string | string[]; foreignKeys?: { fields: string; reference: { resource: string; fields: string } }[]; missingValues: string[] };
type Resource = { name: string; path: string; profile?: string; schema?: Schema };

const CASTS: Record<string, (v: string) => unknown> = {
  integer: (v) => (/^-?\d+$/.test(v) ? Number(v) : undefined),
  number: (v) => (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(v) ? Number(v) : undefined),
  boolean: (v) => (v === "true" ? true : v === "false" ? false : undefined),
  date: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) ? v : undefined),
  datetime: (v) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(v) && !Number.isNaN(Date.parse(v)) ? v : undefined),
  string: (v) => v,
};

function validatePackage(files: Record<string, string>): string[] {
  const descriptor = JSON.parse(files["datapackage.json"]!) as { resources: Resource[] };
  const tabular = descriptor.resources.filter((r) => r.profile === "tabular-data-resource");
  const problems: string[] = [];
  const tables = new Map<string, Record<string, unknown>[]>();
  for (const resource of tabular) {
    const text = files[resource.path];
    if (text === undefined) {
      problems.push(`${resource.path}: missing from the zip`);
      continue;
    }
    const schema = resource.schema!;
    const [header, ...rows] = parse(text, { relax_column_count: false }) as string[][];
    const names = schema.fields.map((f) => f.name);
    if (JSON.stringify(header) !== JSON.stringify(names)) problems.push(`${resource.path}: header ${JSON.stringify(header)} is not ${JSON.stringify(names)}`);
    const records: Record<string, unknown>[] = [];
    const seen = new Map<string, Set<string>>();
    rows.forEach((row, i) => {
      const record: Record<string, unknown> = {};
      schema.fields.forEach((field, j) => {
        const raw = row[j] ?? "";
        const where = `${resource.path} row ${i + 2} field ${field.name}`;
        if (schema.missingValues.includes(raw)) {
          if (field.constraints?.required) problems.push(`${where}: required but empty`);
          record[field.name] = null;
          return;
        }
        const value = CASTS[field.type]!(raw);
        if (value === undefined) problems.push(`${where}: "${raw}" is not a ${field.type}`);
        if (field.format === "uri" && !/^https?:\/\/\S+$/.test(raw)) problems.push(`${where}: "${raw}" is not a uri`);
        if (field.constraints?.enum && !field.constraints.enum.includes(raw)) problems.push(`${where}: "${raw}" is not one of ${field.constraints.enum.join(", ")}`);
        if (field.constraints?.unique) {
          const values = seen.get(field.name) ?? new Set<string>();
          if (values.has(raw)) problems.push(`${where}: "${raw}" is not unique`);
          values.add(raw);
          seen.set(field.name, values);
        }
        record[field.name] = value;
      });
      records.push(record);
    });
    const key = [schema.primaryKey].flat();
    const keys = records.map((r) => JSON.stringify(key.map((k) => r[k])));
    if (new Set(keys).size !== keys.length) problems.push(`${resource.path}: primary key ${key.join(" + ")} is not unique`);
    tables.set(resource.name, records);
  }
  for (const resource of tabular) {
    for (const fk of resource.schema!.foreignKeys ?? []) {
      const target = new Set((tables.get(fk.reference.resource) ?? []).map((r) => r[fk.reference.fields]));
      (tables.get(resource.name) ?? []).forEach((r, i) => {
        const value = r[fk.fields];
        if (value !== null && !target.has(value)) problems.push(`${resource.path} row ${i + 2}: ${fk.fields} ${String(value)} has no row in ${fk.reference.resource}`);
      });
    }
  }
  return problems;
}

describe("the package of the whole install", () => {
  let files: Record<string, string>;
  beforeAll(async () => {
    files = await unzip(await fetchFrom(installZip.loader, "/donnees/maillon.zip"));
  });

  it("holds datapackage.json, LICENSE, a README and a CSV per table, with the pôles and organisations as GeoJSON", () => {
    expect(Object.keys(files)).toEqual(expect.arrayContaining(["datapackage.json", "LICENSE", "README.md", "data/poles.geojson", "data/organisations.geojson"]));
    const csvs = Object.keys(files).filter((name) => name.endsWith(".csv"));
    expect(csvs.length).toBeGreaterThanOrEqual(5);
    expect(csvs).toEqual(expect.arrayContaining(["data/poles.csv", "data/organisations.csv", "data/projects.csv", "data/events.csv", "data/resources.csv", "data/unmet_needs.csv"]));
    const descriptor = JSON.parse(files["datapackage.json"]!);
    expect(descriptor.licenses[0].name).toBe("etalab-2.0");
    expect(files.LICENSE).toContain("SPDX-License-Identifier: etalab-2.0");
    expect(files["README.md"]).toContain("`support_count`");
  });

  it("every CSV validates against its TableSchema: types, required fields, primary keys, foreign keys", () => {
    expect(validatePackage(files)).toEqual([]);
    // Not empty tables: the demo publishes some of everything.
    for (const name of ["poles", "organisations", "organisation_poles", "projects", "project_poles", "events", "resources", "unmet_needs", "communes", "indicators", "indicator_values"]) {
      expect(files[`data/${name}.csv`]!.trim().split("\r\n").length, name).toBeGreaterThan(1);
    }
  });

  it("the validator catches a bad type, a duplicate key and a foreign key that resolves nowhere", () => {
    const lines = files["data/events.csv"]!.split("\r\n");
    const [header, first] = [lines[0]!, lines[1]!];
    const poleIdAt = header.split(",").indexOf("pole_id");
    const cells = parse(first)[0] as string[];
    const dangling = cells.map((c, i) => (i === poleIdAt ? "999999" : c));
    const broken = { ...files, "data/events.csv": [header, first, first, dangling.map((c) => JSON.stringify(c)).join(","), ""].join("\r\n") };
    const problems = validatePackage(broken).join("\n");
    expect(problems).toContain("primary key id is not unique");
    expect(problems).toContain("pole_id 999999 has no row in poles");
    const badType = { ...files, "data/poles.csv": files["data/poles.csv"]!.replace(/\r\n(\d+),/, "\r\nun,") };
    expect(validatePackage(badType).join("\n")).toContain('"un" is not a integer');
  });

  it("the GeoJSON places each pôle and organisation at its commune's centre", () => {
    const poles = JSON.parse(files["data/poles.geojson"]!);
    const csvPoles = files["data/poles.csv"]!.trim().split("\r\n").length - 1;
    expect(poles.type).toBe("FeatureCollection");
    expect(poles.features).toHaveLength(csvPoles);
    const organisations = JSON.parse(files["data/organisations.geojson"]!);
    const located = organisations.features.filter((f: { geometry: unknown }) => f.geometry !== null);
    expect(located.length).toBeGreaterThan(0);
    for (const f of located) {
      const [lon, lat] = f.geometry.coordinates;
      // Metropolitan France and the overseas departments stay within these bounds.
      expect(lat).toBeGreaterThan(-22);
      expect(lat).toBeLessThan(52);
      expect(lon).toBeGreaterThan(-62);
      expect(lon).toBeLessThan(56);
    }
  });

  it("is the same bytes for the same data (a stable ETag), and a new ETag once the data changed", async () => {
    const first = await fetchFrom(installZip.loader, "/donnees/maillon.zip");
    const again = await fetchFrom(installZip.loader, "/donnees/maillon.zip");
    expect(again.headers.get("ETag")).toBe(first.headers.get("ETag"));
    const unchanged = await fetchFrom(installZip.loader, "/donnees/maillon.zip", { headers: { "If-None-Match": first.headers.get("ETag")! } });
    expect(unchanged.status).toBe(304);
    const pole = db.select().from(territories).limit(1).get()!;
    db.update(territories).set({ area: `${pole.area} ` }).where(eq(territories.id, pole.id)).run();
    try {
      const changed = await fetchFrom(installZip.loader, "/donnees/maillon.zip", { headers: { "If-None-Match": first.headers.get("ETag")! } });
      expect(changed.status).toBe(200);
      expect(changed.headers.get("ETag")).not.toBe(first.headers.get("ETag"));
    } finally {
      db.update(territories).set({ area: pole.area }).where(eq(territories.id, pole.id)).run();
    }
  });
});

describe("a pôle's package", () => {
  it("validates on its own: every foreign key resolves inside it", async () => {
    const files = await unzip(await fetchFrom(poleZip.loader, "/donnees/poles/vals-de-saintonge.zip", { params: { slug: "vals-de-saintonge" } }));
    expect(validatePackage(files)).toEqual([]);
    expect(files["data/poles.csv"]!.trim().split("\r\n")).toHaveLength(2);
    expect(JSON.parse(files["datapackage.json"]!).name).toBe("maillon-vals-de-saintonge");
  });

  it("holds the pôle's indicators and their figures, entered with their note and computed, in euros and hours", async () => {
    const pole = db.select().from(territories).where(eq(territories.slug, "vals-de-saintonge")).get()!;
    const chosen = db.select().from(indicators).where(eq(indicators.territoryId, pole.id)).all();
    expect(chosen.length).toBeGreaterThan(0);
    const files = await unzip(await fetchFrom(poleZip.loader, "/donnees/poles/vals-de-saintonge.zip", { params: { slug: "vals-de-saintonge" } }));
    const published = parse(files["data/indicators.csv"]!, { columns: true }) as Record<string, string>[];
    expect(published.map((i) => Number(i.id)).sort()).toEqual(chosen.map((i) => i.id).sort());
    const inEuros = chosen.find((i) => i.unit === "euros" && i.target !== null);
    if (inEuros) expect(published.find((i) => Number(i.id) === inEuros.id)!.target).toBe(String(inEuros.target! / 100));
    const values = parse(files["data/indicator_values.csv"]!, { columns: true }) as Record<string, string>[];
    const entered = db.select().from(indicatorValues).all().filter((v) => chosen.some((i) => i.id === v.indicatorId));
    expect(entered.length).toBeGreaterThan(0);
    for (const v of entered) {
      const row = values.find((r) => Number(r.indicator_id) === v.indicatorId && r.period_start === v.periodStart);
      expect(row, `${v.indicatorId} ${v.periodStart}`).toBeDefined();
      expect(row!.note).toBe(v.note);
    }
    const computedIds = new Set(chosen.filter((i) => i.metric !== null).map((i) => String(i.id)));
    expect(values.filter((r) => computedIds.has(r.indicator_id ?? "")).length).toBeGreaterThan(0);
  });

  it("answers a plain-text French 404 for an unknown or malformed pôle", async () => {
    for (const slug of ["pole-inconnu", "%00", "x".repeat(300)]) {
      const response = await fetchFrom(poleZip.loader, `/donnees/poles/${slug}.zip`, { params: { slug } });
      expect(response.status, slug).toBe(404);
      expect(await response.text()).toBe("Pôle introuvable");
    }
  });
});

describe("the API", () => {
  it("describes itself in a valid OpenAPI 3.1 document naming every list", async () => {
    const response = await fetchFrom(openapi.loader, "/api/v1/openapi.json");
    expect(response.status).toBe(200);
    const doc = JSON.parse(await response.text());
    expect(doc.openapi).toBe("3.1.0");
    const paths = Object.keys(doc.paths);
    expect(paths.length).toBeGreaterThanOrEqual(5);
    expect(paths).toEqual(expect.arrayContaining(Object.keys(LISTS).map((l) => `/${l}`)));
    // Every $ref points at a schema the document defines.
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]!);
    for (const ref of refs) expect(doc.components.schemas[ref], ref).toBeDefined();
  });

  it("each documented item schema names exactly the fields the list answers", async () => {
    const doc = JSON.parse(await (await fetchFrom(openapi.loader, "/api/v1/openapi.json")).text());
    for (const [list, loader] of Object.entries(LISTS)) {
      const ref: string = doc.paths[`/${list}`].get.responses["200"].content["application/json"].schema.properties.data.items.$ref;
      const schema = doc.components.schemas[ref.split("/").pop()!];
      const page = await json(loader, `/api/v1/${list}?per_page=1`);
      expect(Object.keys(page.data[0]!).sort(), list).toEqual(Object.keys(schema.properties).sort());
    }
  });

  it("answers the same indicator values as the package, computed figures included", async () => {
    const files = await unzip(await fetchFrom(installZip.loader, "/donnees/maillon.zip"));
    const inPackage = (parse(files["data/indicator_values.csv"]!, { columns: true }) as Record<string, string>[]).filter((v) => v.note === "");
    expect(inPackage.length).toBeGreaterThan(0);
    const page = await json(indicatorValuesApi.loader, "/api/v1/indicator-values?per_page=200");
    expect(page.meta.total).toBe(files["data/indicator_values.csv"]!.trim().split("\r\n").length - 1);
    expect(page.data.filter((v) => v.note === null)).toHaveLength(inPackage.length);
  });

  it("lists the 20 and more pôles of the demo", async () => {
    const page = await json(polesApi.loader, "/api/v1/poles");
    expect(page.meta.total).toBeGreaterThanOrEqual(20);
    expect(page.data.length).toBeGreaterThanOrEqual(20);
    expect(page.data[0]).toMatchObject({ id: expect.any(Number), slug: expect.any(String), url: expect.stringMatching(/^https?:\/\/.+\/poles\//) });
  });

  it("pages with ?page= and ?per_page=, each page linking to the next, all pages together giving every object once", async () => {
    const first = await json(polesApi.loader, "/api/v1/poles?per_page=7");
    expect(first.data).toHaveLength(7);
    expect(first.links.prev).toBeNull();
    const seen = first.data.map((p) => p.id);
    let next = first.links.next;
    let pages = 1;
    while (next) {
      const url = new URL(next);
      const page = await json(polesApi.loader, url.pathname + url.search);
      seen.push(...page.data.map((p) => p.id));
      expect(page.links.prev).not.toBeNull();
      next = page.links.next;
      pages++;
    }
    expect(pages).toBe(first.meta.total_pages);
    expect(seen).toHaveLength(first.meta.total);
    expect(new Set(seen).size).toBe(first.meta.total);
    const response = await fetchFrom(polesApi.loader, "/api/v1/poles?per_page=7&page=2");
    expect(response.headers.get("Link")).toMatch(/<[^>]+page=3&per_page=7>; rel="next"/);
  });

  it("refuses a malformed page in French (400) and an unknown pôle (404), as JSON", async () => {
    for (const query of ["page=0", "page=abc", "per_page=201", "per_page=-1", "pole=%00"]) {
      const response = await fetchFrom(polesApi.loader, `/api/v1/poles?${query}`);
      expect(response.status, query).toBe(400);
      expect((await response.json()).error).toMatch(/^Le paramètre/);
    }
    const unknown = await fetchFrom(eventsApi.loader, "/api/v1/events?pole=pole-inconnu");
    expect(unknown.status).toBe(404);
  });

  it("?pole= keeps one pôle's objects", async () => {
    const pole = db.select().from(territories).where(eq(territories.slug, "vals-de-saintonge")).get()!;
    const all = await json(eventsApi.loader, "/api/v1/events?per_page=200");
    const ofPole = await json(eventsApi.loader, "/api/v1/events?per_page=200&pole=vals-de-saintonge");
    expect(ofPole.data.length).toBeGreaterThan(0);
    expect(ofPole.data.length).toBeLessThan(all.data.length);
    expect(ofPole.data.every((e) => e.pole_id === pole.id)).toBe(true);
  });

  it("answers with a weak ETag and Cache-Control public, and 304 to If-None-Match", async () => {
    const response = await fetchFrom(polesApi.loader, "/api/v1/poles");
    const etag = response.headers.get("ETag")!;
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(response.headers.get("Cache-Control")).toBe("public, max-age=300");
    expect(response.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    const unchanged = await fetchFrom(polesApi.loader, "/api/v1/poles", { headers: { "If-None-Match": `"other", ${etag}` } });
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe("");
    const otherPage = await fetchFrom(polesApi.loader, "/api/v1/poles?page=2&per_page=5", { headers: { "If-None-Match": etag } });
    expect(otherPage.status).toBe(200);
  });
});

describe("nothing personal", () => {
  const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/;
  /** French numbers, national or international, spaced, dotted or not; not part of a longer run of digits (SIRET). */
  const PHONE = /(?<![\d])(?:\+33[\s.]?|0)[1-9](?:[\s.-]?\d{2}){4}(?![\d])/;

  async function everyText(): Promise<Map<string, string>> {
    const texts = new Map<string, string>();
    const install = await unzip(await fetchFrom(installZip.loader, "/donnees/maillon.zip"));
    for (const [name, text] of Object.entries(install)) texts.set(`maillon.zip/${name}`, text);
    for (const { slug } of db.select({ slug: territories.slug }).from(territories).all()) {
      const files = await unzip(await fetchFrom(poleZip.loader, `/donnees/poles/${slug}.zip`, { params: { slug } }));
      for (const [name, text] of Object.entries(files)) texts.set(`${slug}.zip/${name}`, text);
    }
    for (const [list, loader] of Object.entries(LISTS)) {
      let path: string | null = `/api/v1/${list}?per_page=200`;
      while (path) {
        const response = await fetchFrom(loader, path);
        const text = await response.text();
        texts.set(path, text);
        const next = (JSON.parse(text) as { links: { next: string | null } }).links.next;
        path = next ? new URL(next).pathname + new URL(next).search : null;
      }
    }
    texts.set("/api/v1/openapi.json", await (await fetchFrom(openapi.loader, "/api/v1/openapi.json")).text());
    return texts;
  }

  it("no e-mail address, phone number or person's name appears in any API answer or package file", async () => {
    const people = db.select({ email: users.email, displayName: users.displayName }).from(users).all();
    expect(people.length).toBeGreaterThan(100);
    const forbidden = [...new Set(people.flatMap((p) => [p.email, p.displayName]))];
    const texts = await everyText();
    expect(texts.size).toBeGreaterThan(20 * 13);
    const found: string[] = [];
    for (const [where, text] of texts) {
      for (const word of forbidden) if (text.includes(word)) found.push(`${where}: « ${word} »`);
      const email = text.match(EMAIL);
      if (email) found.push(`${where}: e-mail « ${email[0]} »`);
      const phone = text.match(PHONE);
      if (phone) found.push(`${where}: phone « ${phone[0]} »`);
    }
    expect(found).toEqual([]);
  });

  it("the patterns it looks for would find an address, a phone number and a name", () => {
    expect("écrire à jeanne.martin@exemple.fr").toMatch(EMAIL);
    for (const phone of ["05 46 32 04 72", "0546320472", "+33 5 46 32 04 72", "06.12.34.56.78"]) expect(phone).toMatch(PHONE);
    expect("SIRET 12345678901234").not.toMatch(PHONE);
  });

  it("a signed-in person gets the same public answer as a visitor", async () => {
    const someone = db.select({ id: users.id }).from(users).limit(1).get()!;
    const visitor = await fetchFrom(polesApi.loader, "/api/v1/poles");
    const signedIn = await fetchFrom(polesApi.loader, "/api/v1/poles", { as: someone.id });
    expect(await signedIn.text()).toBe(await visitor.text());
  });
});

describe("the /donnees page", () => {
  it("links to the packages, the API and its OpenAPI file, and states the licence", async () => {
    const data = (await (openDataPage.loader as (args: unknown) => unknown)({
      request: new Request("http://localhost/donnees"),
      params: {},
      context: {},
    })) as { counts: Record<string, number>; poles: { slug: string }[] };
    expect(data.poles.length).toBeGreaterThanOrEqual(20);
    expect(data.counts.projects).toBeGreaterThan(0);
  });
});
