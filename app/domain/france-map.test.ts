import { geoPath } from "d3-geo";
import { describe, expect, it } from "vitest";
import {
  departmentShapes,
  isOverseas,
  layoutDepartmentsMap,
  layoutFranceMap,
  metropolitanProjection,
  type DepartmentFeature,
} from "./france-map";
import { absolutePoints } from "./svg-path-points";

/** A square department of `size` degrees whose south-west corner is (lon, lat). */
function square(code: string, lon: number, lat: number, size = 1): DepartmentFeature {
  const ring = [
    [lon, lat],
    [lon, lat + size],
    [lon + size, lat + size],
    [lon + size, lat],
    [lon, lat],
  ];
  return { type: "Feature", properties: { code, nom: `Département ${code}` }, geometry: { type: "Polygon", coordinates: [ring] } };
}

const FEATURES = [
  square("29", -5, 47.5, 1.5),
  square("67", 7, 48),
  square("13", 4.5, 43),
  square("59", 2.5, 50),
  square("971", -61.8, 15.9, 0.8),
  square("974", 55.2, -21.4, 0.6),
];

describe("layoutFranceMap", () => {
  const layout = layoutFranceMap(FEATURES);

  it("writes compact relative path data that draws the same points as d3's own", () => {
    const projection = metropolitanProjection().fitExtent(
      [
        [150, 8],
        [632, 552],
      ],
      { type: "FeatureCollection", features: FEATURES.filter((f) => !isOverseas(f.properties.code)) } as never,
    );
    const reference = absolutePoints(geoPath(projection)(FEATURES[1] as never)!);
    const compact = layout.shape(FEATURES[1]!);
    expect(compact).toMatch(/^M[\d.]+ [\d.]+l/);
    expect(compact.length).toBeLessThan(geoPath(projection)(FEATURES[1] as never)!.length);
    expect(absolutePoints(compact)).toEqual(reference);
  });

  it("puts five labelled insets in a column, overseas departments inside theirs", () => {
    expect(layout.insets.map((i) => i.name)).toEqual(["Guadeloupe", "Martinique", "Guyane", "La Réunion", "Mayotte"]);
    const guadeloupe = layout.insets[0]!;
    for (const [x, y] of absolutePoints(layout.shape(FEATURES[4]!))) {
      expect(x).toBeGreaterThanOrEqual(guadeloupe.x);
      expect(x).toBeLessThanOrEqual(guadeloupe.x + guadeloupe.width);
      expect(y).toBeGreaterThanOrEqual(guadeloupe.y);
      expect(y).toBeLessThanOrEqual(guadeloupe.y + guadeloupe.height);
    }
    const [x, y] = layout.project(-61.4, 16.3)!;
    expect(x).toBeLessThan(guadeloupe.x + guadeloupe.width);
    expect(y).toBeLessThan(guadeloupe.y + guadeloupe.height);
  });

  it("keeps north up and west left on the metropolitan map", () => {
    const [brestX] = layout.project(-4.5, 48.4)!;
    const [strasbourgX] = layout.project(7.7, 48.6)!;
    const [, lilleY] = layout.project(3, 50.6)!;
    const [, marseilleY] = layout.project(5.4, 43.3)!;
    expect(brestX).toBeLessThan(strasbourgX);
    expect(lilleY).toBeLessThan(marseilleY);
  });

  it("gives every department a shape, in the order given", () => {
    expect(departmentShapes(layout, FEATURES).map((s) => s.code)).toEqual(["29", "67", "13", "59", "971", "974"]);
  });
});

describe("layoutDepartmentsMap", () => {
  it("fits the chosen departments to the frame and keeps only neighbours reaching into it", () => {
    const map = layoutDepartmentsMap(FEATURES, ["59"], { width: 200, height: 200 })!;
    expect(map.shown.map((s) => s.code)).toEqual(["59"]);
    for (const [x, y] of absolutePoints(map.shown[0]!.d)) {
      expect(x).toBeGreaterThanOrEqual(7.9);
      expect(x).toBeLessThanOrEqual(192.1);
      expect(y).toBeGreaterThanOrEqual(7.9);
      expect(y).toBeLessThanOrEqual(192.1);
    }
    expect(map.context.map((s) => s.code)).not.toContain("13");
  });

  it("answers null when no chosen department is known", () => {
    expect(layoutDepartmentsMap(FEATURES, ["2A"], { width: 200, height: 200 })).toBeNull();
  });
});
