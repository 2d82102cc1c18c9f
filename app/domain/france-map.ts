/**
 * The map of France drawn without tiles: department outlines projected to SVG path strings.
 * Metropolitan France uses a conformal conic projection close to Lambert-93; each overseas
 * department sits in its own inset, with its own projection, in a column on the left.
 * Pure: the outlines are passed in (app/utils/france-map.server.ts loads the committed TopoJSON).
 */
import {
  geoBounds,
  geoConicConformal,
  geoMercator,
  geoPath,
  type GeoPermissibleObjects,
  type GeoProjection,
} from "d3-geo";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";

export type DepartmentProperties = { code: string; nom: string };
export type DepartmentFeature = Feature<Polygon | MultiPolygon | null, DepartmentProperties>;

/** The overseas departments, in the order of their insets (top to bottom). */
export const OVERSEAS_DEPARTMENTS = [
  { code: "971", name: "Guadeloupe" },
  { code: "972", name: "Martinique" },
  { code: "973", name: "Guyane" },
  { code: "974", name: "La Réunion" },
  { code: "976", name: "Mayotte" },
] as const;

const OVERSEAS_CODES = new Set<string>(OVERSEAS_DEPARTMENTS.map((d) => d.code));

export function isOverseas(departmentCode: string): boolean {
  return OVERSEAS_CODES.has(departmentCode);
}

export const MAP_WIDTH = 640;
export const MAP_HEIGHT = 560;

/** Where metropolitan France is fitted, right of the insets column. */
const METRO_EXTENT: [[number, number], [number, number]] = [
  [150, 8],
  [632, 552],
];
const INSET_X = 8;
const INSET_WIDTH = 124;
const INSET_SLOT = 108;
const INSET_BOX = 84;
const INSET_TOP = 10;
const INSET_PADDING = 6;

export type MapInset = {
  code: string;
  name: string;
  /** The frame of the inset, in map units. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Where its label is written (text baseline, centred). */
  labelX: number;
  labelY: number;
};

export type DepartmentShape = { code: string; name: string; d: string };

export type FranceMapLayout = {
  width: number;
  height: number;
  insets: MapInset[];
  /** (longitude, latitude) → map units, in the overseas inset holding the point, else the metropolitan map. */
  project: (longitude: number, latitude: number) => [number, number] | null;
  /** Outlines as compact SVG path data (relative commands, one decimal). */
  shape: (feature: DepartmentFeature) => string;
};

type Placed = { projection: GeoProjection; bounds: [[number, number], [number, number]] };

function collection(features: DepartmentFeature[]): FeatureCollection {
  return { type: "FeatureCollection", features } as FeatureCollection;
}

/** The metropolitan projection of domain.md: conic conformal, parallels 44° and 49°, centred on 3° E. */
export function metropolitanProjection(): GeoProjection {
  return geoConicConformal().parallels([44, 49]).rotate([-3, 0]).precision(0);
}

/**
 * Lays the map out: fits the metropolitan projection and one Mercator per overseas department
 * to their frames. `features` are the 101 departments (an absent overseas department leaves
 * its inset empty).
 */
export function layoutFranceMap(features: DepartmentFeature[]): FranceMapLayout {
  const byCode = new Map(features.map((f) => [f.properties.code, f]));
  const metro = features.filter((f) => !isOverseas(f.properties.code));
  const metroProjection = metropolitanProjection().fitExtent(METRO_EXTENT, collection(metro));

  const insets: MapInset[] = [];
  const placed = new Map<string, Placed>();
  OVERSEAS_DEPARTMENTS.forEach(({ code, name }, i) => {
    const y = INSET_TOP + i * INSET_SLOT;
    insets.push({
      code,
      name,
      x: INSET_X,
      y,
      width: INSET_WIDTH,
      height: INSET_BOX,
      labelX: INSET_X + INSET_WIDTH / 2,
      labelY: y + INSET_BOX + 15,
    });
    const feature = byCode.get(code);
    if (!feature?.geometry) return;
    const projection = geoMercator()
      .precision(0)
      .fitExtent(
        [
          [INSET_X + INSET_PADDING, y + INSET_PADDING],
          [INSET_X + INSET_WIDTH - INSET_PADDING, y + INSET_BOX - INSET_PADDING],
        ],
        feature as GeoPermissibleObjects,
      );
    const [[west, south], [east, north]] = geoBounds(feature as GeoPermissibleObjects);
    // A margin of half a degree: a commune centre on a small island stays in its inset.
    placed.set(code, { projection, bounds: [[west - 0.5, south - 0.5], [east + 0.5, north + 0.5]] });
  });

  function projectionFor(longitude: number, latitude: number): GeoProjection {
    for (const { projection, bounds } of placed.values()) {
      const [[west, south], [east, north]] = bounds;
      if (longitude >= west && longitude <= east && latitude >= south && latitude <= north) return projection;
    }
    return metroProjection;
  }

  return {
    width: MAP_WIDTH,
    height: MAP_HEIGHT,
    insets,
    project(longitude, latitude) {
      return projectionFor(longitude, latitude)([longitude, latitude]);
    },
    shape(feature) {
      const projection = placed.get(feature.properties.code)?.projection ?? metroProjection;
      return pathData(projection, feature);
    },
  };
}

/**
 * A small map of some departments (a pôle's), fitted to a frame of its own, with their
 * neighbours drawn for context. Overseas departments get a Mercator, others the conic.
 */
export function layoutDepartmentsMap(
  features: DepartmentFeature[],
  codes: readonly string[],
  size: { width: number; height: number },
): { shown: DepartmentShape[]; context: DepartmentShape[]; project: FranceMapLayout["project"] } | null {
  const wanted = new Set(codes);
  const chosen = features.filter((f) => wanted.has(f.properties.code) && f.geometry);
  if (chosen.length === 0) return null;
  const overseas = chosen.every((f) => isOverseas(f.properties.code));
  const pool = features.filter((f) => f.geometry && isOverseas(f.properties.code) === overseas);
  const padding = 8;
  const projection = (overseas ? geoMercator().precision(0) : metropolitanProjection()).fitExtent(
    [
      [padding, padding],
      [size.width - padding, size.height - padding],
    ],
    collection(chosen),
  );
  const path = geoPath(projection);
  // Neighbours whose outline reaches into the frame.
  const near = (f: DepartmentFeature) => {
    const [[x0, y0], [x1, y1]] = path.bounds(f as GeoPermissibleObjects);
    return x1 >= 0 && x0 <= size.width && y1 >= 0 && y0 <= size.height;
  };
  const toShape = (f: DepartmentFeature): DepartmentShape => ({
    code: f.properties.code,
    name: f.properties.nom,
    d: pathData(projection, f),
  });
  return {
    shown: chosen.map(toShape),
    context: pool.filter((f) => !wanted.has(f.properties.code) && near(f)).map(toShape),
    project(longitude, latitude) {
      return projection([longitude, latitude]);
    },
  };
}

/** A coordinate rounded to a tenth of a unit, as the outlines are. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Tenths of a unit as the shortest SVG number: 12.3, -.4, 7. */
function formatTenths(tenths: number): string {
  const negative = tenths < 0;
  const abs = Math.abs(tenths);
  const whole = Math.floor(abs / 10);
  const fraction = abs % 10;
  const text = fraction === 0 ? String(whole) : whole === 0 ? `.${fraction}` : `${whole}.${fraction}`;
  return negative ? `-${text}` : text;
}

/**
 * A d3 path context writing relative commands in tenths of a unit: the first point absolute,
 * then deltas, zero-length segments skipped. About half the size of d3's default output.
 */
class CompactPath {
  private out = "";
  private x = 0;
  private y = 0;
  private startX = 0;
  private startY = 0;
  private started = false;
  private lastCommand = "";

  private pair(dx: number, dy: number): string {
    const a = formatTenths(dx);
    const b = formatTenths(dy);
    return b.startsWith("-") ? `${a}${b}` : `${a} ${b}`;
  }

  private emit(command: string, dx: number, dy: number) {
    const pair = this.pair(dx, dy);
    if (command === this.lastCommand) this.out += pair.startsWith("-") ? pair : ` ${pair}`;
    else this.out += command + pair;
    this.lastCommand = command;
  }

  moveTo(x: number, y: number) {
    const X = Math.round(x * 10);
    const Y = Math.round(y * 10);
    if (!this.started) {
      this.out += `M${this.pair(X, Y)}`;
      this.lastCommand = "M";
      this.started = true;
    } else {
      this.emit("m", X - this.x, Y - this.y);
    }
    // After m, further pairs would be read as lineto: force the next command letter.
    this.lastCommand = "m";
    this.x = this.startX = X;
    this.y = this.startY = Y;
  }

  lineTo(x: number, y: number) {
    const X = Math.round(x * 10);
    const Y = Math.round(y * 10);
    if (X === this.x && Y === this.y) return;
    this.emit("l", X - this.x, Y - this.y);
    this.x = X;
    this.y = Y;
  }

  closePath() {
    this.out += "z";
    this.lastCommand = "z";
    this.x = this.startX;
    this.y = this.startY;
  }

  beginPath() {}

  arc() {}

  toString() {
    return this.out;
  }
}

function pathData(projection: GeoProjection, feature: DepartmentFeature): string {
  if (!feature.geometry) return "";
  const context = new CompactPath();
  geoPath(projection, context).pointRadius(0)(feature as GeoPermissibleObjects);
  return context.toString();
}

/** The shapes of every department, in the order given. */
export function departmentShapes(layout: FranceMapLayout, features: DepartmentFeature[]): DepartmentShape[] {
  return features.map((f) => ({ code: f.properties.code, name: f.properties.nom, d: layout.shape(f) }));
}
