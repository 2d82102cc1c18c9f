import { describe, expect, it } from "vitest";
import { describeAccompaniment, explainClub, explainMentor, sayNames, type ClubExplanationFacts, type MentorExplanationFacts } from "./explain";

const NNBSP = "\u202f"; // thousands separator in fr-FR
const NBSP = "\u00a0"; // before €

const mentorBase: MentorExplanationFacts = {
  skillName: "Comptabilité",
  level: "expert",
  priority: "haute",
  distanceKm: 12.3,
  approximation: null,
  remote: false,
  sameCommune: false,
  activeMentorships: 1,
  maxMentorships: 3,
  sharedDomainName: null,
  completedMentorships: 0,
  averageRating: null,
  daysSinceActive: 20,
};

describe("explainMentor", () => {
  it.each<[string, Partial<MentorExplanationFacts>, string]>([
    ["an expert for a top-priority need, 12 km away, one mentorship of three", {}, "Comptabilité (expert) couvre le besoin prioritaire · à 12 km · 1 accompagnement en cours sur 3"],
    [
      "medium priority, confirmed level",
      { level: "confirme", priority: "moyenne" },
      "Comptabilité (confirmé) couvre un besoin de priorité moyenne · à 12 km · 1 accompagnement en cours sur 3",
    ],
    [
      "low priority, notions",
      { level: "notions", priority: "basse", skillName: "Marketing" },
      "Marketing (notions) couvre un besoin secondaire · à 12 km · 1 accompagnement en cours sur 3",
    ],
    ["same commune", { distanceKm: 0, sameCommune: true }, "Comptabilité (expert) couvre le besoin prioritaire · dans la même commune · 1 accompagnement en cours sur 3"],
    ["under one km", { distanceKm: 0.4 }, "Comptabilité (expert) couvre le besoin prioritaire · à moins d'un km · 1 accompagnement en cours sur 3"],
    [
      "remote, far away, thousands formatted",
      { distanceKm: 1234.4, remote: true },
      `Comptabilité (expert) couvre le besoin prioritaire · à distance (1${NNBSP}234 km) · 1 accompagnement en cours sur 3`,
    ],
    ["remote, commune without a point", { distanceKm: null, remote: true }, "Comptabilité (expert) couvre le besoin prioritaire · à distance · 1 accompagnement en cours sur 3"],
    ["no load", { activeMentorships: 0, maxMentorships: 2 }, "Comptabilité (expert) couvre le besoin prioritaire · à 12 km · aucun accompagnement en cours sur 2"],
    ["plural load", { activeMentorships: 2, maxMentorships: 5 }, "Comptabilité (expert) couvre le besoin prioritaire · à 12 km · 2 accompagnements en cours sur 5"],
    [
      "shared domain",
      { sharedDomainName: "Bâtiment" },
      "Comptabilité (expert) couvre le besoin prioritaire · à 12 km · 1 accompagnement en cours sur 3 · même domaine : Bâtiment",
    ],
    [
      "track record with a decimal comma",
      { completedMentorships: 3, averageRating: 4.25 },
      "Comptabilité (expert) couvre le besoin prioritaire · à 12 km · 1 accompagnement en cours sur 3 · 3 accompagnements menés (note moyenne 4,3/5)",
    ],
    [
      "one mentorship, unrated",
      { completedMentorships: 1 },
      "Comptabilité (expert) couvre le besoin prioritaire · à 12 km · 1 accompagnement en cours sur 3 · 1 accompagnement mené",
    ],
    ["rounded as people say it: 4 km", { distanceKm: 3.6 }, "Comptabilité (expert) couvre le besoin prioritaire · à 4 km · 1 accompagnement en cours sur 3"],
    ["rounded as people say it: 586 km", { distanceKm: 585.5 }, "Comptabilité (expert) couvre le besoin prioritaire · à 586 km · 1 accompagnement en cours sur 3"],
    [
      "a commune placed at its postal sector's point, close by: no distance claimed",
      { distanceKm: 0, approximation: "postal" },
      "Comptabilité (expert) couvre le besoin prioritaire · même secteur postal · 1 accompagnement en cours sur 3",
    ],
    [
      "a commune placed approximately, far away: an approximate distance, said so",
      { distanceKm: 587, approximation: "postal" },
      "Comptabilité (expert) couvre le besoin prioritaire · à environ 590 km (commune placée approximativement) · 1 accompagnement en cours sur 3",
    ],
    [
      "a commune placed at its department's centre: never a precise distance",
      { distanceKm: 0.2, approximation: "department" },
      "Comptabilité (expert) couvre le besoin prioritaire · distance incertaine (commune placée au centre de son département) · 1 accompagnement en cours sur 3",
    ],
    ["active this week", { daysSinceActive: 2 }, "Comptabilité (expert) couvre le besoin prioritaire · à 12 km · 1 accompagnement en cours sur 3 · actif cette semaine"],
    [
      "inactive for months",
      { daysSinceActive: 200 },
      "Comptabilité (expert) couvre le besoin prioritaire · à 12 km · 1 accompagnement en cours sur 3 · dernière activité il y a 6 mois",
    ],
  ])("%s", (_name, facts, expected) => {
    expect(explainMentor({ ...mentorBase, ...facts })).toBe(expected);
  });
});

const clubBase: ClubExplanationFacts = {
  sectorName: "Bâtiment",
  sectorPreferred: true,
  ticketMinCents: 50_000,
  ticketMaxCents: 500_000,
  remainingCents: 800_000,
  availableCents: 1_230_000,
  distanceKm: 14.2,
  approximation: null,
  accompaniment: { mentorCount: 0, skillNames: [], minutes: 0, endorsements: [] },
  otherClubs: 0,
  otherClubsCents: 0,
};

describe("explainClub", () => {
  const tail = `ticket de 500${NBSP}€ à 5${NNBSP}000${NBSP}€ pour 8${NNBSP}000${NBSP}€ recherchés · 12${NNBSP}300${NBSP}€ disponibles`;
  it.each<[string, Partial<ClubExplanationFacts>, string]>([
    ["preferred sector", {}, `Secteur Bâtiment parmi ses préférences · ${tail} · à 14 km`],
    ["other sector", { sectorPreferred: false }, `Secteur Bâtiment hors de ses préférences · ${tail} · à 14 km`],
    ["no preference, no distance", { sectorPreferred: null, distanceKm: null }, `Secteur Bâtiment (aucune préférence de secteur) · ${tail}`],
    [
      "accompanied and recommended",
      {
        accompaniment: {
          mentorCount: 2,
          skillNames: ["Gestion administrative", "Comptabilité"],
          minutes: 840,
          endorsements: [{ mentorName: "Claire Martin", level: "recommande" }],
        },
      },
      `Secteur Bâtiment parmi ses préférences · ${tail} · à 14 km · accompagné par 2 bénévoles (gestion administrative, comptabilité), 14 h de suivi ; recommandé par Claire Martin`,
    ],
    [
      "one co-investor",
      { otherClubs: 1, otherClubsCents: 200_000 },
      `Secteur Bâtiment parmi ses préférences · ${tail} · à 14 km · 1 autre club engagé (2${NNBSP}000${NBSP}€)`,
    ],
    [
      "two co-investors",
      { otherClubs: 2, otherClubsCents: 450_000 },
      `Secteur Bâtiment parmi ses préférences · ${tail} · à 14 km · 2 autres clubs engagés (4${NNBSP}500${NBSP}€)`,
    ],
  ])("%s", (_name, facts, expected) => {
    expect(explainClub({ ...clubBase, ...facts })).toBe(expected);
  });
});

describe("describeAccompaniment", () => {
  const none = { mentorCount: 0, skillNames: [], minutes: 0, endorsements: [] };
  it.each<[string, Partial<ClubExplanationFacts["accompaniment"]>, string | null]>([
    ["nobody", {}, null],
    ["one mentor, no session yet", { mentorCount: 1, skillNames: ["Comptabilité"] }, "accompagné par 1 bénévole (comptabilité), pas encore de rencontre notée"],
    ["hours with a decimal", { mentorCount: 1, skillNames: ["Marketing"], minutes: 90 }, "accompagné par 1 bénévole (marketing), 1,5 h de suivi"],
    [
      "every level, in order",
      {
        mentorCount: 3,
        skillNames: ["Fiscalité"],
        minutes: 600,
        endorsements: [
          { mentorName: "Paul", level: "avec-reserves" },
          { mentorName: "Claire", level: "recommande" },
          { mentorName: "Nadia", level: "vivement" },
          { mentorName: "Luc", level: "recommande" },
        ],
      },
      "accompagné par 3 bénévoles (fiscalité), 10 h de suivi ; vivement recommandé par Nadia ; recommandé par Claire et Luc ; recommandé avec des réserves par Paul",
    ],
    ["recommended by a mentor whose mentorship stopped since", { endorsements: [{ mentorName: "Claire", level: "vivement" }] }, "vivement recommandé par Claire"],
  ])("%s", (_name, facts, expected) => {
    expect(describeAccompaniment({ ...none, ...facts })).toBe(expected);
  });

  it("joins names the French way", () => {
    expect(sayNames([])).toBe("");
    expect(sayNames(["Claire"])).toBe("Claire");
    expect(sayNames(["Claire", "Paul", "Nadia"])).toBe("Claire, Paul et Nadia");
  });
});
