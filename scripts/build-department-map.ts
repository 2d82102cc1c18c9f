/**
 * Builds db/data/departements.topo.json, the department outlines of the map of /poles: the 101
 * departments (overseas included) as a small TopoJSON, properties `code` and `nom`.
 * Run once by a developer when the source or the map layout changes; the output is committed:
 *   npx tsx scripts/build-department-map.ts [path/to/departements-avec-outre-mer.geojson]
 * (default: ../shared/geo/departements-avec-outre-mer.geojson, beside the checkout).
 *
 * Source: « Contours des départements : IGN — Admin Express COG 2018, Licence Ouverte 2.0 », as
 * converted to GeoJSON by the france-geojson project (ADR 016).
 *
 * Steps: topology (shared borders become shared arcs, so neighbours stay seamless), Visvalingam
 * simplification weighted by the area each triangle covers ON THE DRAWN MAP (app/domain/france-map.ts
 * layout: an island of Mayotte, drawn large in its inset, keeps its detail while the Landes coast,
 * drawn small, loses what no one would see), tiny islands dropped, then quantized.
 */
import fs from "node:fs";
import path from "node:path";
import { quantize } from "topojson-client";
import { topology } from "topojson-server";
import { filter, filterWeight, presimplify, simplify } from "topojson-simplify";
import type { Topology } from "topojson-specification";
import { layoutFranceMap, type DepartmentFeature } from "../app/domain/france-map";

const SOURCE = process.argv[2] ?? path.resolve("../shared/geo/departements-avec-outre-mer.geojson");
const OUTPUT = path.resolve("db/data/departements.topo.json");
/** Square map units (the map is 640 × 560): a point covering less is dropped. */
const MIN_TRIANGLE_AREA = 0.9;
/** Islands smaller than this on the map (square units) are dropped. */
const MIN_RING_AREA = 3;
const QUANTIZATION = 1e5;

type Source = { type: "FeatureCollection"; features: DepartmentFeature[] };

const source = JSON.parse(fs.readFileSync(SOURCE, "utf8")) as Source;
const features: DepartmentFeature[] = source.features.map((f) => ({
  type: "Feature",
  id: f.properties.code,
  properties: { code: f.properties.code, nom: f.properties.nom },
  geometry: f.geometry,
}));
const layout = layoutFranceMap(features);

function onMap(point: number[]): [number, number] {
  return layout.project(point[0]!, point[1]!) ?? [0, 0];
}

/** Area of the triangle once drawn (map units²). */
function drawnTriangleArea(triangle: number[][]): number {
  const [a, b, c] = triangle.map(onMap) as [[number, number], [number, number], [number, number]];
  return Math.abs((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])) / 2;
}

/** Area of a ring once drawn (map units²). */
function drawnRingArea(ring: number[][]): number {
  const points = ring.map(onMap);
  let twice = 0;
  for (let i = 0, n = points.length - 1; i < n; i++) {
    const [x0, y0] = points[i]!;
    const [x1, y1] = points[i + 1]!;
    twice += x0 * y1 - x1 * y0;
  }
  return Math.abs(twice) / 2;
}

const raw = topology({ departements: { type: "FeatureCollection", features } as never });
const weighted = presimplify(raw as never, drawnTriangleArea as never);
const simplified = simplify(weighted, MIN_TRIANGLE_AREA);
const filtered = filter(simplified, filterWeight(simplified, MIN_RING_AREA, drawnRingArea as never));
const output = quantize(filtered, QUANTIZATION) as Topology;

const json = JSON.stringify(output);
fs.writeFileSync(OUTPUT, `${json}\n`);
const points = (output.arcs as number[][][]).reduce((sum, arc) => sum + arc.length, 0);
console.log(
  `${path.relative(process.cwd(), OUTPUT)}: ${features.length} departments, ${output.arcs.length} arcs, ` +
    `${points} points, ${(Buffer.byteLength(json) / 1024).toFixed(1)} KiB`,
);
