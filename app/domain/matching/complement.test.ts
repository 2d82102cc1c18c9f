import { describe, expect, it } from "vitest";
import { COMPLEMENT_RADIUS_KM, keywords, phrases, scoreComplement, stem, suggestComplements, type ComplementCandidate, type ComplementSide } from "./complement";

const NOW = new Date("2026-06-01T10:00:00Z");
const SAINT_JEAN = { latitude: 45.9456, longitude: -0.5197 };
// A point about 8 km east of Saint-Jean-d'Angély.
const MAZERAY = { latitude: 45.9206, longitude: -0.4199 };

const epicerie: ComplementSide = {
  seeks: "Des producteurs locaux de légumes, fromages et farines, et un atelier de transformation pour les conserves.",
  brings: "Un local commercial en centre-bourg, une clientèle fidèle et une vitrine pour les produits des fermes voisines.",
  title: "Épicerie vrac et produits locaux",
  about: "Une épicerie sans emballage qui vend les légumes, fromages et farines des fermes voisines.",
  domainName: "Alimentation et agriculture durable",
  neededSkills: ["Comptabilité", "Communication"],
  communeCode: "17347",
  point: SAINT_JEAN,
};

function candidate(overrides: Partial<ComplementCandidate> = {}): ComplementCandidate {
  return {
    kind: "project",
    id: 9,
    name: "Maraîchage bio en coopérative",
    hasOffer: true,
    seeks: "Une associée maraîchère, des épiceries, des cantines et des restaurants pour nos légumes.",
    brings: "Des légumes bio de saison, des paniers hebdomadaires et un atelier de transformation des surplus.",
    title: "Maraîchage bio en coopérative",
    about: "Trois maraîchers qui s'installent ensemble et livrent paniers et cantines.",
    domainName: "Alimentation et agriculture durable",
    neededSkills: [],
    communeCode: "17226",
    point: MAZERAY,
    updatedAt: new Date("2026-05-20T10:00:00Z"),
    ...overrides,
  };
}

describe("words that meet", () => {
  it("folds accents and plurals so that « locaux » meets « local » and « maraîchères » meets « maraîcher »", () => {
    expect(stem("locaux")).toBe(stem("local"));
    expect(stem("maraicheres")).toBe(stem("maraicher"));
    expect([...keywords("Des Ateliers partagés")]).toEqual(["atelier", "partag"]);
  });

  it("leaves out the words every offer uses (associé, projet, cherche…)", () => {
    expect(keywords("Nous cherchons un associé pour le projet")).toEqual(new Set());
  });

  it("cuts a text into phrases at its punctuation, without a leading « et » or « ou »", () => {
    expect(phrases("Un local, une vitrine et des clients. Et des amis ; ou des voisins")).toEqual(["Un local", "une vitrine et des clients", "des amis", "des voisins"]);
  });
});

describe("a complement and its explanation", () => {
  it("quotes what the seeker seeks and what the candidate brings, with the distance", () => {
    const s = scoreComplement(epicerie, candidate(), NOW)!;
    expect(s.explanation).toBe(
      "Cherche : un atelier de transformation pour les conserves — ce projet apporte : des paniers hebdomadaires et un atelier de transformation des surplus, à 8 km",
    );
    expect(s.distanceKm).toBeGreaterThan(7);
    expect(s.distanceKm).toBeLessThan(9);
    expect(s.reasons[0], JSON.stringify(s.reasons)).toBe("Réciproque : ce projet cherche des épiceries, que vous apportez.");
    expect(s.reasons).toContain("Même secteur : Alimentation et agriculture durable.");
    expect(s.score).toBeGreaterThan(0);
    expect(s.score).toBeLessThanOrEqual(100);
  });

  it("names a skill the seeker needs that the candidate brings", () => {
    const agency = candidate({
      kind: "organisation",
      id: 4,
      name: "Agence Tisserand",
      seeks: "",
      brings: "",
      title: "Agence Tisserand",
      about: "De la communication et du graphisme pour les commerces",
      hasOffer: false,
      domainName: null,
    });
    const s = scoreComplement(epicerie, agency, NOW)!;
    expect(s.explanation).toBe("Cherche la compétence communication — cette organisation propose : de la communication et du graphisme pour les commerces, à 8 km");
  });

  it("suggests a candidate that only seeks what the seeker brings, saying so", () => {
    const bakery = candidate({ brings: "Du pain au levain cuit au feu de bois.", title: "Boulangerie", about: "", seeks: "Une vitrine en centre-bourg pour vendre notre pain." });
    const s = scoreComplement({ ...epicerie, neededSkills: [] }, bakery, NOW)!;
    expect(s.explanation).toBe("Ce projet cherche : une vitrine en centre-bourg pour vendre notre pain — que vous apportez (un local commercial en centre-bourg), à 8 km");
  });

  it("suggests nothing when nothing they write meets, even in the same sector", () => {
    const unrelated = candidate({ seeks: "Un expert en fiscalité.", brings: "Des cours de yoga.", title: "Studio de yoga", about: "" });
    expect(scoreComplement({ ...epicerie, neededSkills: [] }, unrelated, NOW)).toBeNull();
  });

  it("leaves out what lies beyond the territory's reach", () => {
    const far = candidate({ point: { latitude: 50.2775, longitude: 3.9734 }, communeCode: "59392" }); // Maubeuge
    expect(scoreComplement(epicerie, far, NOW)).toBeNull();
    expect(COMPLEMENT_RADIUS_KM).toBeLessThan(500);
  });

  it("counts a fresh offer more than a year-old one, a near one more than a far one, an offer more than a bare description", () => {
    const fresh = scoreComplement(epicerie, candidate(), NOW)!.score;
    const old = scoreComplement(epicerie, candidate({ updatedAt: new Date("2025-05-01T10:00:00Z") }), NOW)!.score;
    const farther = scoreComplement(epicerie, candidate({ point: { latitude: 46.16, longitude: -1.15 }, communeCode: "17300" }), NOW)!.score; // La Rochelle, ~55 km
    const bare = scoreComplement(epicerie, candidate({ hasOffer: false }), NOW)!.score;
    expect(old).toBeLessThan(fresh);
    expect(farther).toBeLessThan(fresh);
    expect(bare).toBeLessThan(fresh);
  });
});

describe("the list of complements", () => {
  it("orders by score, then distance, then id, and keeps the best few", () => {
    const list = suggestComplements(
      epicerie,
      [
        candidate({ id: 3, updatedAt: new Date("2025-01-01T00:00:00Z") }),
        candidate({ id: 2 }),
        candidate({ id: 1 }),
        candidate({ id: 7, seeks: "", brings: "Des cours de yoga.", title: "Yoga", about: "" }),
      ],
      NOW,
      2,
    );
    expect(list.map((s) => s.candidate.id)).toEqual([1, 2]);
  });

  it("gives the same answer for the same facts", () => {
    const cs = [candidate({ id: 1 }), candidate({ id: 2, kind: "organisation" })];
    expect(suggestComplements(epicerie, cs, NOW)).toEqual(suggestComplements(epicerie, cs, NOW));
  });
});
