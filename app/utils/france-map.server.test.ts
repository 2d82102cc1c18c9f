import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { absolutePoints } from "~/domain/svg-path-points";
import { DEPARTMENT_TOPOLOGY_FILE, departmentFeatures, departmentsMap, franceMap } from "./france-map.server";

describe("the committed department outlines", () => {
  it("weigh less than 150 KB and hold the 101 departments with their code and name", () => {
    expect(fs.statSync(DEPARTMENT_TOPOLOGY_FILE).size).toBeLessThan(150 * 1024);
    const features = departmentFeatures();
    const codes = features.map((f) => f.properties.code);
    expect(new Set(codes).size).toBe(101);
    expect(codes).toEqual(expect.arrayContaining(["01", "2A", "2B", "59", "95", "971", "972", "973", "974", "976"]));
    expect(features.find((f) => f.properties.code === "17")?.properties.nom).toBe("Charente-Maritime");
    expect(features.every((f) => f.geometry !== null)).toBe(true);
  });
});

describe("franceMap", () => {
  const map = franceMap();

  it("is projected once per process", () => {
    expect(franceMap()).toBe(map);
  });

  it("draws every department inside the view box, overseas ones inside their inset", () => {
    expect(map.departments).toHaveLength(101);
    for (const department of map.departments) {
      const points = absolutePoints(department.d);
      expect(points.length, department.code).toBeGreaterThan(3);
      const inset = map.insets.find((i) => i.code === department.code);
      const [x0, y0, x1, y1] = inset
        ? [inset.x, inset.y, inset.x + inset.width, inset.y + inset.height]
        : [140, 0, map.width, map.height];
      const xs = points.map(([x]) => x);
      const ys = points.map(([, y]) => y);
      expect(Math.min(...xs), department.code).toBeGreaterThanOrEqual(x0 - 0.1);
      expect(Math.max(...xs), department.code).toBeLessThanOrEqual(x1 + 0.1);
      expect(Math.min(...ys), department.code).toBeGreaterThanOrEqual(y0 - 0.1);
      expect(Math.max(...ys), department.code).toBeLessThanOrEqual(y1 + 0.1);
    }
  });

  it("projects a commune's point on the metropolitan map or into its department's inset", () => {
    const lille = map.project(3.06, 50.63)!;
    const marseille = map.project(5.37, 43.3)!;
    const brest = map.project(-4.49, 48.39)!;
    const strasbourg = map.project(7.75, 48.58)!;
    expect(lille[1]).toBeLessThan(marseille[1]);
    expect(brest[0]).toBeLessThan(strasbourg[0]);
    expect(lille[0]).toBeGreaterThan(140);

    const pointeAPitre = map.project(-61.53, 16.24)!;
    const guadeloupe = map.insets.find((i) => i.code === "971")!;
    expect(pointeAPitre[0]).toBeGreaterThan(guadeloupe.x);
    expect(pointeAPitre[0]).toBeLessThan(guadeloupe.x + guadeloupe.width);
    expect(pointeAPitre[1]).toBeGreaterThan(guadeloupe.y);
    expect(pointeAPitre[1]).toBeLessThan(guadeloupe.y + guadeloupe.height);

    const saintDenis = map.project(55.45, -20.88)!;
    const reunion = map.insets.find((i) => i.code === "974")!;
    expect(saintDenis[1]).toBeGreaterThan(reunion.y);
    expect(saintDenis[1]).toBeLessThan(reunion.y + reunion.height);
  });
});

describe("departmentsMap", () => {
  it("fits a pôle's departments to the small frame, with their neighbours around", () => {
    const nord = departmentsMap(["59"])!;
    expect(nord.shown.map((d) => d.code)).toEqual(["59"]);
    expect(nord.context.map((d) => d.code)).toEqual(expect.arrayContaining(["62", "02"]));
    expect(nord.context.map((d) => d.code)).not.toContain("13");
    const [x, y] = nord.project(3.97, 50.28)!; // Maubeuge
    expect(x).toBeGreaterThan(0);
    expect(x).toBeLessThan(nord.width);
    expect(y).toBeGreaterThan(0);
    expect(y).toBeLessThan(nord.height);
    expect(departmentsMap(["59"])).toBe(nord);
  });

  it("draws an overseas department alone, and answers null for unknown codes", () => {
    expect(departmentsMap(["974"])!.context).toEqual([]);
    expect(departmentsMap(["99"])).toBeNull();
  });
});
