import { describe, expect, it } from "vitest";
import { explainClub, explainMentor, type ClubExplanationFacts, type MentorExplanationFacts } from "./explain";

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
  mentorFollows: false,
  otherClubs: 0,
  otherClubsCents: 0,
};

describe("explainClub", () => {
  const tail = `ticket de 500${NBSP}€ à 5${NNBSP}000${NBSP}€ pour 8${NNBSP}000${NBSP}€ recherchés · 12${NNBSP}300${NBSP}€ disponibles`;
  it.each<[string, Partial<ClubExplanationFacts>, string]>([
    ["preferred sector", {}, `Secteur Bâtiment parmi ses préférences · ${tail} · à 14 km`],
    ["other sector", { sectorPreferred: false }, `Secteur Bâtiment hors de ses préférences · ${tail} · à 14 km`],
    ["no preference, no distance", { sectorPreferred: null, distanceKm: null }, `Secteur Bâtiment (aucune préférence de secteur) · ${tail}`],
    ["followed by a mentor", { mentorFollows: true }, `Secteur Bâtiment parmi ses préférences · ${tail} · à 14 km · suivi par un bénévole`],
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
