import { describe, expect, it } from "vitest";
import { DEFAULT_MATCHING_WEIGHTS, weightPoleByCommune, weightsByTerritoryFromRows, weightsFromRows } from "./weights";

describe("weights per pôle", () => {
  it("groups stored rows into one set per pôle that has rows, defaults for the keys it did not set", () => {
    const sets = weightsByTerritoryFromRows([
      { territoryId: 2, key: "mentor.distance", value: 9 },
      { territoryId: 1, key: "club.ticket", value: 0 },
      { territoryId: 2, key: "club.sector", value: 7 },
    ]);
    expect([...sets.keys()].sort()).toEqual([1, 2]);
    expect(sets.get(2)).toEqual({
      mentor: { ...DEFAULT_MATCHING_WEIGHTS.mentor, distance: 9 },
      club: { ...DEFAULT_MATCHING_WEIGHTS.club, sector: 7 },
    });
    expect(sets.get(1)?.club.ticket).toBe(0);
    expect(sets.get(1)?.mentor).toEqual(DEFAULT_MATCHING_WEIGHTS.mentor);
    expect(weightsByTerritoryFromRows([]).size).toBe(0);
  });

  it("reads a weight stored under its former name, unless the new name is stored too", () => {
    expect(weightsFromRows([{ key: "club.mentorFollows", value: 6 }]).club.accompanied).toBe(6);
    for (const rows of [
      [{ key: "club.mentorFollows", value: 6 }, { key: "club.accompanied", value: 4 }],
      [{ key: "club.accompanied", value: 4 }, { key: "club.mentorFollows", value: 6 }],
    ]) {
      expect(weightsFromRows(rows).club.accompanied).toBe(4);
    }
  });

  it("a commune takes the weights of the oldest pôle with weights of its own whose perimeter holds it", () => {
    const perimeters = new Map([
      [1, ["a", "b"]],
      [2, ["b", "c"]],
      [3, ["c", "d"]],
    ]);
    // Pôle 1 has no weights of its own: « a » uses the defaults, « b » takes pôle 2's.
    expect(Object.fromEntries(weightPoleByCommune(perimeters, [3, 2]))).toEqual({ b: 2, c: 2, d: 3 });
    expect(Object.fromEntries(weightPoleByCommune(perimeters, [3, 2, 1]))).toEqual({ a: 1, b: 1, c: 2, d: 3 });
    expect(weightPoleByCommune(perimeters, []).size).toBe(0);
    // A pôle with weights but no perimeter yet holds no commune.
    expect(weightPoleByCommune(perimeters, [9]).size).toBe(0);
  });
});
