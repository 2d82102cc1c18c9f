import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  clubCriteria,
  compileClubWeights,
  evaluateClub,
  prepareClub,
  prepareFundableProject,
  type ClubInput,
  type ClubRejection,
  type FundableProjectInput,
  ACCOMPANIED_VALUE,
  ACCOMPANIED_WITHOUT_HOURS_VALUE,
  NOT_ACCOMPANIED,
} from "./club";
import type { Accompaniment } from "./types";
import { ENDORSEMENT_LEVELS, type EndorsementLevel } from "../vocabulary";
import { parisIsoDate } from "../paris-time";
import { DEFAULT_CLUB_WEIGHTS } from "./weights";

const points = new Map([
  ["17347", { latitude: 45.9462, longitude: -0.5208 }], // Saint-Jean-d'Angély
  ["17306", { latitude: 45.7456, longitude: -0.6339 }], // Saintes
  ["59392", { latitude: 50.2775, longitude: 3.9734 }], // Maubeuge
]);
const today = "2026-03-15";
const w = compileClubWeights(DEFAULT_CLUB_WEIGHTS);

const club: ClubInput = {
  id: 7,
  name: "Cigale des Vals",
  status: "en-epargne",
  startedOn: "2023-01-10",
  investingEndsOn: null,
  renewedOn: null,
  ticketMinCents: 50_000,
  ticketMaxCents: 500_000,
  sectorIds: [1],
  areaDepartmentCodes: [],
  areaCommuneCodes: [],
  perimeterCommuneCodes: new Set(["17347", "17306"]),
  availableCents: 1_230_000,
  point: { latitude: 45.9, longitude: -0.55 },
  memberUserIds: [100, 101],
  decidedProjectIds: [],
};

const project: FundableProjectInput = {
  id: 3,
  ownerId: 50,
  title: "Conserverie solidaire",
  status: "publie",
  stage: "creation",
  legalForm: "scic",
  activityDomainId: 1,
  activityDomainName: "Bâtiment",
  communeCode: "17306",
  departmentCode: "17",
  funding: { amountCents: 800_000, kind: "capital" },
  commitments: [],
  accompaniment: NOT_ACCOMPANIED,
};

const accompanied = (minutes: number, levels: EndorsementLevel[] = []): Accompaniment => ({
  mentorCount: 1,
  skillNames: ["Comptabilité"],
  minutes,
  endorsements: levels.map((level, i) => ({ mentorName: `Bénévole ${i + 1}`, level })),
});

function evaluate(c: Partial<ClubInput> = {}, p: Partial<FundableProjectInput> = {}, day = today) {
  return evaluateClub(prepareClub({ ...club, ...c }), prepareFundableProject({ ...project, ...p }, points), w, day);
}

describe("club hard filters", () => {
  it("accepts the reference pair", () => {
    const e = evaluate();
    expect(e.ok).toBe(true);
  });

  it.each<[string, Partial<ClubInput>, Partial<FundableProjectInput>, ClubRejection, string?]>([
    ["draft project", {}, { status: "brouillon" }, "project-not-published"],
    ["no funding need", {}, { funding: null }, "no-funding-need"],
    ["a gift is not an investment", {}, { funding: { amountCents: 100_000, kind: "don" } }, "donation-only"],
    ["idea stage", {}, { stage: "idee" }, "stage-not-eligible"],
    ["sole trader", {}, { legalForm: "ei" }, "legal-form-not-eligible"],
    ["micro-entreprise", {}, { legalForm: "micro-entreprise" }, "legal-form-not-eligible"],
    ["legal form to be decided", {}, { legalForm: "a-definir" }, "legal-form-not-eligible"],
    ["club still forming", { status: "en-constitution" }, {}, "club-not-investing"],
    ["club managing its holdings", { status: "en-gestion" }, {}, "club-not-investing"],
    ["five years are over", { startedOn: "2020-01-10" }, {}, "outside-investing-period"],
    ["explicit end passed", { investingEndsOn: "2026-03-14" }, {}, "outside-investing-period"],
    ["not started yet", { startedOn: "2026-04-01" }, {}, "outside-investing-period"],
    ["outside the pôle perimeter", {}, { communeCode: "59392", departmentCode: "59" }, "outside-area"],
    ["outside the club's departments", { areaDepartmentCodes: ["59"] }, {}, "outside-area"],
    ["already refused or invested", { decidedProjectIds: [3] }, {}, "already-decided"],
    ["a member's own project", { memberUserIds: [50] }, {}, "own-member"],
    ["fully funded", {}, { commitments: [{ clubId: 9, amountCents: 800_000 }] }, "fully-funded"],
  ])("refuses: %s", (_name, c, p, reason) => {
    expect(evaluate(c, p)).toEqual({ ok: false, reason });
  });

  it.each<[string, Partial<ClubInput>, Partial<FundableProjectInput>]>([
    ["association by apport avec droit de reprise", {}, { legalForm: "association" }],
    ["SCOP, developing", {}, { legalForm: "scop", stage: "developpement" }],
    ["SASU with a loan", {}, { legalForm: "sasu", funding: { amountCents: 300_000, kind: "pret" } }],
    ["department area", { areaDepartmentCodes: ["17"] }, {}],
    ["commune area", { areaCommuneCodes: ["17306"] }, { communeCode: "17306" }],
    ["renewed club", { startedOn: "2019-01-01", renewedOn: "2024-01-01" }, {}],
    ["last day of the period", { investingEndsOn: today }, {}],
  ])("accepts: %s", (_name, c, p) => {
    expect(evaluate(c, p).ok).toBe(true);
  });

  it("uses the Paris calendar day", () => {
    // 23:30 UTC on 14 March is already the 15th in Paris (UTC+1).
    expect(parisIsoDate(Date.parse("2026-03-14T23:30:00Z"))).toBe("2026-03-15");
  });
});

describe("club soft criteria", () => {
  it("scores the reference pair and explains it", () => {
    const e = evaluate({}, { accompaniment: accompanied(90, ["vivement"]), commitments: [{ clubId: 9, amountCents: 200_000 }] });
    if (!e.ok) throw new Error(e.reason);
    const byKey = Object.fromEntries(clubCriteria(e.match, w).map((c) => [c.key, c.value]));
    expect(byKey).toMatchObject({ sector: 1, ticket: round4(500_000 / 600_000), availableMoney: 1, accompanied: 1, coInvestment: 0.5 });
  });

  it.each<[string, Accompaniment, number]>([
    ["nobody accompanies", NOT_ACCOMPANIED, 0],
    ["accompanied, no session logged yet", accompanied(0), ACCOMPANIED_WITHOUT_HOURS_VALUE],
    ["accompanied with hours logged", accompanied(840), ACCOMPANIED_VALUE],
    ["recommended with reserves only", accompanied(840, ["avec-reserves"]), ACCOMPANIED_VALUE],
    ["recommended", accompanied(840, ["recommande"]), 1],
    ["warmly recommended", accompanied(60, ["avec-reserves", "vivement"]), 1],
    // The mentorship was stopped after the holder published the endorsement: it still counts.
    ["recommended, mentorship since stopped", { ...NOT_ACCOMPANIED, endorsements: [{ mentorName: "Claire", level: "recommande" }] }, 1],
  ])("« accompagné / recommandé »: %s", (_name, accompaniment, value) => {
    const e = evaluate({}, { accompaniment });
    if (!e.ok) throw new Error(e.reason);
    expect(e.match.values.accompanied).toBe(value);
  });

  it("being accompanied, then recommended, never lowers the score", () => {
    const steps = [NOT_ACCOMPANIED, accompanied(0), accompanied(600), accompanied(600, ["avec-reserves"]), accompanied(600, ["recommande"])];
    const scores = steps.map((accompaniment) => {
      const e = evaluate({}, { accompaniment });
      return e.ok ? e.match.hundredths : -1;
    });
    expect([...scores].sort((a, b) => a - b)).toEqual(scores);
    expect(scores[4]).toBeGreaterThan(scores[0]!);
  });

  it("the stake cap shrinks the usable ticket", () => {
    // 33 % of a 10 000 € capital = 3 300 €, below the club's 5 000 € maximum.
    const e = evaluate({ maxStakeBps: 3300 }, { funding: { amountCents: 800_000, kind: "capital", companyCapitalCents: 1_000_000 } });
    if (!e.ok) throw new Error(e.reason);
    expect(e.match.values.ticket).toBeCloseTo(330_000 / 800_000, 10);
  });

  it("more money available never lowers the score; a bigger remaining amount never raises availability", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 0, max: 5_000_000 }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const s = (available: number) => {
          const e = evaluate({ availableCents: available });
          return e.ok ? e.match.score : -1;
        };
        expect(s(high)).toBeGreaterThanOrEqual(s(low));
      }),
    );
  });

  it("every value stays in [0, 1] and the score in [0, 100]", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 1, max: 2_000_000 }),
        fc.integer({ min: 0, max: 3_000_000 }),
        fc.integer({ min: -100_000, max: 3_000_000 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.array(fc.constantFrom(...ENDORSEMENT_LEVELS), { maxLength: 3 }),
        (amount, min, extra, available, mentorCount, minutes, levels) => {
          const accompaniment = { ...accompanied(minutes, levels), mentorCount };
          const e = evaluate(
            { ticketMinCents: min, ticketMaxCents: min + extra, availableCents: available, sectorIds: [] },
            { funding: { amountCents: amount, kind: "capital" }, accompaniment },
          );
          if (!e.ok) throw new Error(e.reason);
          for (const c of clubCriteria(e.match, w)) {
            expect(c.value).toBeGreaterThanOrEqual(0);
            expect(c.value).toBeLessThanOrEqual(1);
          }
          expect(e.match.score).toBeGreaterThanOrEqual(0);
          expect(e.match.score).toBeLessThanOrEqual(100);
        },
      ),
    );
  });
});

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
