/**
 * The department outlines of the map, loaded from the committed TopoJSON
 * (db/data/departements.topo.json, built by scripts/build-department-map.ts) and projected
 * once per process; the small maps of a pôle's departments are cached by department set.
 */
import fs from "node:fs";
import path from "node:path";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import {
  departmentShapes,
  layoutDepartmentsMap,
  layoutFranceMap,
  type DepartmentFeature,
  type DepartmentProperties,
  type DepartmentShape,
  type FranceMapLayout,
  type MapInset,
} from "~/domain/france-map";

export const DEPARTMENT_TOPOLOGY_FILE = path.resolve("db/data/departements.topo.json");

type DepartmentTopology = Topology<{ departements: GeometryCollection<DepartmentProperties> }>;

export type ProjectedFranceMap = {
  width: number;
  height: number;
  insets: MapInset[];
  departments: DepartmentShape[];
  project: FranceMapLayout["project"];
  /** How long loading and projecting took, in milliseconds (docs/performance.md). */
  buildMs: number;
};

let features: DepartmentFeature[] | undefined;
let projected: ProjectedFranceMap | undefined;
const smallMaps = new Map<string, SmallDepartmentsMap | null>();

/** The 101 departments as GeoJSON features, read once. */
export function departmentFeatures(): DepartmentFeature[] {
  if (!features) {
    const topology = JSON.parse(fs.readFileSync(DEPARTMENT_TOPOLOGY_FILE, "utf8")) as DepartmentTopology;
    const collection = feature(topology, topology.objects.departements);
    features = collection.features.map((f) => ({
      type: "Feature",
      properties: { code: f.properties.code, nom: f.properties.nom },
      geometry: f.geometry as DepartmentFeature["geometry"],
    }));
  }
  return features;
}

/** The whole map: every department's outline, the overseas insets and the projection of a point. */
export function franceMap(): ProjectedFranceMap {
  if (!projected) {
    const started = performance.now();
    const all = departmentFeatures();
    const layout = layoutFranceMap(all);
    const departments = departmentShapes(layout, all);
    projected = {
      width: layout.width,
      height: layout.height,
      insets: layout.insets,
      departments,
      project: layout.project,
      buildMs: performance.now() - started,
    };
  }
  return projected;
}

export type SmallDepartmentsMap = NonNullable<ReturnType<typeof layoutDepartmentsMap>> & {
  width: number;
  height: number;
};

export const SMALL_MAP_SIZE = { width: 240, height: 200 };

/** A small map of these departments (a pôle's) and their neighbours; null when none is known. */
export function departmentsMap(codes: readonly string[]): SmallDepartmentsMap | null {
  const key = [...codes].sort().join(",");
  if (!smallMaps.has(key)) {
    const layout = layoutDepartmentsMap(departmentFeatures(), codes, SMALL_MAP_SIZE);
    smallMaps.set(key, layout ? { ...layout, ...SMALL_MAP_SIZE } : null);
  }
  return smallMaps.get(key) ?? null;
}
