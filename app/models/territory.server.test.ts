import { beforeAll, describe, expect, it } from "vitest";
import { createTestAnimator, createTestTerritory, createTestUser } from "#seeds/factories";
import { getDb, type Db } from "~/utils/db.server";
import {
  findTerritoriesForCommune,
  getTerritoryBySlug,
  listTerritoriesWithCounts,
  type Territory,
} from "./territory.server";

const SAINT_JEAN = "17347";
const MAZERAY = "17226";
const ESSOUVERT = "17277";
const MAUBEUGE = "59392";
const PARIS = "75056";

describe("territory model", () => {
  let db: Db;
  let saintonge: Territory;
  let overlap: Territory;
  let empty: Territory;

  beforeAll(async () => {
    db = getDb();
    // Names fix the listing order: A, B, C.
    saintonge = createTestTerritory(db, {
      slug: "a-saintonge",
      name: "A — Saintonge",
      communeCodes: [SAINT_JEAN, MAZERAY, ESSOUVERT],
      axes: [{ name: "Premier axe", description: "Un" }, { name: "Deuxième axe" }],
    });
    // Shares Essouvert with the first one, and reaches into the Nord.
    overlap = createTestTerritory(db, {
      slug: "b-chevauchement",
      name: "B — Chevauchement",
      departmentCodes: ["59", "17"],
      communeCodes: [ESSOUVERT, MAUBEUGE],
    });
    empty = createTestTerritory(db, { slug: "c-vide", name: "C — Vide", communeCodes: [PARIS] });

    await createTestUser(db, { communeCode: SAINT_JEAN, roles: ["porteur"] });
    await createTestUser(db, { communeCode: MAZERAY, roles: ["porteur", "benevole"] });
    await createTestUser(db, { communeCode: ESSOUVERT, roles: ["epargnant"] });
    await createTestUser(db, { communeCode: MAUBEUGE, roles: ["benevole"] });
    await createTestUser(db, { communeCode: MAUBEUGE, roles: ["benevole", "epargnant"] });
    // Not counted: outside every perimeter, or without a self-service role.
    await createTestUser(db, { communeCode: "33063", roles: ["porteur"] });
    await createTestAnimator(db, saintonge.id, {
      communeCode: SAINT_JEAN,
      displayName: "Zoé Animatrice",
    });
    await createTestAnimator(db, saintonge.id, {
      communeCode: SAINT_JEAN,
      displayName: "Alain Animateur",
    });
    await createTestUser(db, { communeCode: SAINT_JEAN, roles: ["admin"] });
  });

  it("counts the people of each perimeter by role, in one listing", () => {
    const list = listTerritoriesWithCounts(db).filter((t) =>
      [saintonge.id, overlap.id, empty.id].includes(t.id),
    );
    expect(list.map((t) => [t.slug, t.counts])).toEqual([
      ["a-saintonge", { holders: 2, volunteers: 1, savers: 1 }],
      ["b-chevauchement", { holders: 0, volunteers: 2, savers: 2 }],
      ["c-vide", { holders: 0, volunteers: 0, savers: 0 }],
    ]);
  });

  it("lists axes in order and departments with their names", () => {
    const [a, b] = listTerritoriesWithCounts(db).filter((t) =>
      [saintonge.id, overlap.id].includes(t.id),
    );
    expect(a?.axes.map((x) => [x.position, x.name, x.description])).toEqual([
      [0, "Premier axe", "Un"],
      [1, "Deuxième axe", ""],
    ]);
    expect(a?.axes.map((x) => x.theme)).toEqual(["autre", "autre"]);
    expect(a?.departments).toEqual([{ code: "17", name: "Charente-Maritime", regionCode: "75" }]);
    expect(b?.departments).toEqual([
      { code: "17", name: "Charente-Maritime", regionCode: "75" },
      { code: "59", name: "Nord", regionCode: "32" },
    ]);
  });

  it("gives one pôle's page: counts, commune count, animators by name", () => {
    const detail = getTerritoryBySlug(db, "a-saintonge");
    expect(detail).toMatchObject({
      id: saintonge.id,
      name: "A — Saintonge",
      communeCount: 3,
      counts: { holders: 2, volunteers: 1, savers: 1 },
      contactEmail: null,
      address: null,
    });
    expect(detail?.animators.map((a) => a.displayName)).toEqual([
      "Alain Animateur",
      "Zoé Animatrice",
    ]);
    expect(getTerritoryBySlug(db, "c-vide")?.counts).toEqual({
      holders: 0,
      volunteers: 0,
      savers: 0,
    });
  });

  it("returns undefined for an unknown slug", () => {
    expect(getTerritoryBySlug(db, "nulle-part")).toBeUndefined();
  });

  it("finds the pôles whose perimeter holds a commune", () => {
    expect(findTerritoriesForCommune(db, ESSOUVERT).map((t) => t.slug)).toEqual([
      "a-saintonge",
      "b-chevauchement",
    ]);
    expect(findTerritoriesForCommune(db, MAUBEUGE).map((t) => t.slug)).toEqual(["b-chevauchement"]);
    expect(findTerritoriesForCommune(db, "33063")).toEqual([]);
  });

  it("lists pôles in French alphabetical order, not SQLite's byte order (capitals, then accents)", () => {
    const AJACCIO = "2A004";
    for (const [slug, name] of [["fr-valorizons", "PTCE Valorizons"], ["fr-sud", "Pôle Sud Aquitaine"], ["fr-vals", "PTCE des Vals"], ["fr-ecrin", "Écrin des coopérations"], ["fr-cooperation", "Pôle de Coopération"]]) {
      createTestTerritory(db, { slug, name, communeCodes: [AJACCIO] });
    }
    expect(findTerritoriesForCommune(db, AJACCIO).map((t) => t.name)).toEqual([
      "Écrin des coopérations",
      "Pôle de Coopération",
      "Pôle Sud Aquitaine",
      "PTCE des Vals",
      "PTCE Valorizons",
    ]);
  });
});
