import { describe, expect, it } from "vitest";
import { compileClubWeights, prepareClub, prepareFundableProject, NOT_ACCOMPANIED, type ClubInput } from "./club";
import { MatchingInputError } from "./errors";
import { compileMentorWeights, prepareNeed, prepareProject, prepareVolunteer } from "./mentor";
import type { VolunteerInput } from "./types";
import { DEFAULT_CLUB_WEIGHTS, DEFAULT_MENTOR_WEIGHTS, validateWeightValue, weightsFromRows } from "./weights";

const points = new Map([
  ["17347", { latitude: 45.9462, longitude: -0.5208 }],
  ["98735", null], // a Pacific commune without a point: valid, remote only
]);

const volunteer: VolunteerInput = {
  id: 1,
  displayName: "Monique",
  communeCode: "17347",
  radiusKm: 30,
  remoteOk: false,
  maxMentorships: 2,
  activeMentorships: 0,
  paused: false,
  skills: [{ skillId: 6, level: "expert" }],
  domainIds: [1],
  completedMentorships: 0,
  averageRating: null,
  lastActiveAt: new Date("2026-03-01"),
};

/** Runs `fn` and returns the MatchingInputError it must throw. */
function refusal(fn: () => unknown): MatchingInputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof MatchingInputError) return e;
    throw e;
  }
  throw new Error("expected a MatchingInputError");
}

describe("bad input is refused with a clear error", () => {
  it.each<[string, Partial<VolunteerInput>, string, RegExp]>([
    ["unknown commune", { communeCode: "99999" }, "volunteer[1].communeCode", /commune inconnue « 99999 »/],
    ["negative capacity", { maxMentorships: -1 }, "volunteer[1].maxMentorships", /entier positif ou nul/],
    ["negative active count", { activeMentorships: -2 }, "volunteer[1].activeMentorships", /entier positif ou nul/],
    ["fractional capacity", { maxMentorships: 1.5 }, "volunteer[1].maxMentorships", /entier/],
    ["empty skills", { skills: [] }, "volunteer[1].skills", /au moins une compétence/],
    ["unknown level", { skills: [{ skillId: 6, level: "gourou" as never }] }, "volunteer[1].skills[0].level", /niveau inconnu/],
    ["NaN radius", { radiusKm: Number.NaN }, "volunteer[1].radiusKm", /nombre fini/],
    ["negative radius", { radiusKm: -5 }, "volunteer[1].radiusKm", /rayon négatif/],
    ["rating out of range", { averageRating: 7 }, "volunteer[1].averageRating", /hors de 1..5/],
    ["invalid date", { lastActiveAt: new Date("not a date") }, "volunteer[1].lastActiveAt", /date invalide/],
  ])("volunteer: %s", (_name, patch, field, message) => {
    const e = refusal(() => prepareVolunteer({ ...volunteer, ...patch }, points));
    expect(e.field).toBe(field);
    expect(e.message).toMatch(message);
  });

  it("accepts a commune without a point (remote only)", () => {
    expect(prepareVolunteer({ ...volunteer, communeCode: "98735" }, points).point).toBeNull();
  });

  it("refuses a project in an unknown commune and a need with an unknown priority", () => {
    expect(
      refusal(() =>
        prepareProject({ id: 2, ownerId: 3, title: "P", communeCode: "00000", remoteOk: false, activityDomainId: 1, status: "publie" }, points),
      ).field,
    ).toBe("project[2].communeCode");
    const project = prepareProject(
      { id: 2, ownerId: 3, title: "P", communeCode: "17347", remoteOk: false, activityDomainId: 1, status: "publie" },
      points,
    );
    expect(
      refusal(() =>
        prepareNeed({ id: 4, projectId: 2, skillId: 6, skillName: "X", priority: "urgente" as never, status: "ouvert" }, project),
      ).field,
    ).toBe("need[4].priority");
  });

  it.each<[string, Record<string, number>, string]>([
    ["NaN weight", { distance: Number.NaN }, "mentor.distance"],
    ["negative weight", { capacity: -1 }, "mentor.capacity"],
    ["infinite weight", { recency: Infinity }, "mentor.recency"],
    ["absurd weight", { skillLevel: 5000 }, "mentor.skillLevel"],
  ])("mentor weights: %s", (_name, patch, field) => {
    const e = refusal(() => compileMentorWeights({ ...DEFAULT_MENTOR_WEIGHTS, ...patch }));
    expect(e.field).toBe(field);
    expect(e.message).toMatch(/poids/);
  });

  it("refuses weights that are all zero", () => {
    const zero = { skillLevel: 0, distance: 0, sharedDomain: 0, capacity: 0, trackRecord: 0, recency: 0 };
    expect(refusal(() => compileMentorWeights(zero)).message).toMatch(/au moins un poids/);
    expect(refusal(() => compileClubWeights({ ...DEFAULT_CLUB_WEIGHTS, ticket: Number.NaN })).field).toBe("club.ticket");
  });

  it("refuses a stored NaN or negative weight instead of scoring with it", () => {
    expect(refusal(() => weightsFromRows([{ key: "mentor.distance", value: Number.NaN }])).field).toBe("mentor.distance");
    expect(refusal(() => weightsFromRows([{ key: "club.sector", value: -3 }])).field).toBe("club.sector");
    expect(weightsFromRows([{ key: "mentor.distance", value: 7 }]).mentor.distance).toBe(7);
    expect(() => validateWeightValue("x", "3")).toThrow(MatchingInputError);
  });

  it.each<[string, Partial<ClubInput>, string]>([
    ["zero minimum ticket", { ticketMinCents: 0 }, "club[7].ticketMinCents"],
    ["maximum below minimum", { ticketMinCents: 1000, ticketMaxCents: 500 }, "club[7].ticketMaxCents"],
    ["NaN money", { availableCents: Number.NaN }, "club[7].availableCents"],
    ["malformed date", { startedOn: "15/03/2026" }, "club[7].startedOn"],
  ])("club: %s", (_name, patch, field) => {
    const base: ClubInput = {
      id: 7,
      name: "C",
      status: "en-epargne",
      startedOn: null,
      investingEndsOn: null,
      renewedOn: null,
      ticketMinCents: 100,
      ticketMaxCents: 1000,
      sectorIds: [],
      areaDepartmentCodes: [],
      areaCommuneCodes: [],
      perimeterCommuneCodes: new Set(),
      availableCents: 0,
      point: null,
      memberUserIds: [],
      decidedProjectIds: [],
    };
    expect(refusal(() => prepareClub({ ...base, ...patch })).field).toBe(field);
  });

  it("refuses a funding need of zero", () => {
    const e = refusal(() =>
      prepareFundableProject(
        {
          id: 3,
          ownerId: 1,
          title: "P",
          status: "publie",
          stage: "creation",
          legalForm: "sas",
          activityDomainId: 1,
          activityDomainName: "Bâtiment",
          communeCode: "17347",
          departmentCode: "17",
          funding: { amountCents: 0, kind: "capital" },
          commitments: [],
          accompaniment: NOT_ACCOMPANIED,
        },
        points,
      ),
    );
    expect(e.field).toBe("project[3].funding.amountCents");
  });
});
