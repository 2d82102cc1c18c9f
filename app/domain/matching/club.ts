/**
 * Savers' club (CIGALES) ↔ project scoring: hard filters from the club's rules
 * and the law (eligible legal forms, investing period, territory), then soft
 * criteria weighted like the mentor side.
 */
import { assertFiniteNumber, MatchingInputError } from "./errors";
import { explainClub, type ClubExplanationFacts } from "./explain";
import { approximationOf, haversineKm, isValidPoint, scoredDistanceKm, uncertaintyKm, type GeoPoint } from "./geo";
import { CLUB_CRITERIA, CLUB_CRITERION_LABELS, validateClubWeights, type ClubCriterionKey, type ClubWeights } from "./weights";
import type { Accompaniment, CommunePoints, Criterion } from "./types";
import { RECOMMENDING_LEVELS } from "../endorsement";
import { ENDORSEMENT_LEVELS, type ClubStatus, type FundingKind, type LegalForm, type ProjectStage, type ProjectStatus } from "../vocabulary";

/**
 * Forms a club can invest in: companies with share capital (SARL, SAS, SASU,
 * SA), cooperatives (SCOP, SCIC) and associations through an « apport avec
 * droit de reprise ». Not sole traders (EI, micro-entreprise), not an EURL
 * (a one-member SARL: it would have to open its capital first), not a CAE
 * contract, not « à définir ».
 */
export const CLUB_ELIGIBLE_LEGAL_FORMS: ReadonlySet<string> = new Set<LegalForm>([
  "sarl",
  "sas",
  "sasu",
  "sa",
  "scop",
  "scic",
  "association",
]);

/**
 * Stages a club can invest in: a company being created or developing. At the
 * idea stage there is no structure to hold a stake yet.
 */
export const CLUB_ELIGIBLE_STAGES: ReadonlySet<ProjectStage> = new Set(["creation", "developpement"]);
/** Funding kinds a club can answer: capital (or current account) and loans; never a gift. */
export const CLUB_ELIGIBLE_FUNDING: ReadonlySet<FundingKind> = new Set(["capital", "pret"]);
/** Investing period when the club gives no end date: 5 years from its start (or renewal). */
export const INVESTING_YEARS = 5;
/** Distance at which the club proximity value halves. */
export const CLUB_DISTANCE_HALF_KM = 25;
/** Other clubs already committed at which the co-investment value is full. */
export const CO_INVESTORS_FULL_AT = 2;
/** Value of the sector criterion when the club states no preference. */
export const NO_SECTOR_PREFERENCE_VALUE = 0.5;
/** « Accompagné / recommandé »: a volunteer accompanies the project and has logged hours of follow-up. */
export const ACCOMPANIED_VALUE = 0.5;
/** A volunteer accompanies the project, no session logged yet (the mentorship has just begun). */
export const ACCOMPANIED_WITHOUT_HOURS_VALUE = 0.25;

export const NOT_ACCOMPANIED: Accompaniment = Object.freeze({ mentorCount: 0, skillNames: [], minutes: 0, endorsements: [] });

/**
 * 0 without a mentor; ½ accompanied with hours logged (¼ before the first session); 1 when a
 * published endorsement recommends the project without reserve (« vivement » or « recommandé »).
 * An endorsement « avec des réserves » adds nothing to the value (the explanation says it).
 */
export function accompanimentValue(a: Accompaniment): number {
  if (a.endorsements.some((e) => RECOMMENDING_LEVELS.has(e.level))) return 1;
  if (a.mentorCount === 0) return 0;
  return a.minutes > 0 ? ACCOMPANIED_VALUE : ACCOMPANIED_WITHOUT_HOURS_VALUE;
}

export type ClubInput = {
  id: number;
  name: string;
  status: ClubStatus;
  /** ISO dates (YYYY-MM-DD). */
  startedOn: string | null;
  investingEndsOn: string | null;
  renewedOn: string | null;
  ticketMinCents: number;
  ticketMaxCents: number;
  /** Maximum stake in one company, basis points (3300 = 33 %): clubs stay minority shareholders. */
  maxStakeBps?: number;
  sectorIds: readonly number[];
  areaDepartmentCodes: readonly string[];
  areaCommuneCodes: readonly string[];
  /** The pôle's perimeter: the club's area when it names none. */
  perimeterCommuneCodes: ReadonlySet<string>;
  /** Ledger balance minus commitments not yet paid out, in cents. */
  availableCents: number;
  /** Where the club meets (its members' centre), for the distance criterion. */
  point: GeoPoint | null;
  memberUserIds: readonly number[];
  /** Projects this club refused or already invested in: never suggested again. */
  decidedProjectIds: readonly number[];
};

export type FundableProjectInput = {
  id: number;
  ownerId: number;
  title: string;
  status: ProjectStatus;
  stage: ProjectStage;
  legalForm: string;
  activityDomainId: number;
  activityDomainName: string;
  communeCode: string;
  departmentCode: string;
  funding: { amountCents: number; kind: FundingKind; companyCapitalCents?: number | null } | null;
  /** Commitments already made by clubs. */
  commitments: readonly { clubId: number; amountCents: number }[];
  /** Active direct pledges and cagnotte allocations: they count toward the goal too. */
  otherRaisedCents?: number;
  /** Volunteers accompanying the project, their hours and published endorsements. */
  accompaniment: Accompaniment;
};

export type PreparedClub = Omit<ClubInput, "sectorIds" | "areaDepartmentCodes" | "areaCommuneCodes" | "memberUserIds" | "decidedProjectIds"> & {
  sectorIds: ReadonlySet<number>;
  areaDepartmentCodes: ReadonlySet<string>;
  areaCommuneCodes: ReadonlySet<string>;
  hasAreas: boolean;
  memberUserIds: ReadonlySet<number>;
  decidedProjectIds: ReadonlySet<number>;
  /** Last day of the investing period (inclusive), null when open-ended. */
  investingEnd: string | null;
};

export type PreparedFundableProject = FundableProjectInput & {
  point: GeoPoint | null;
  /** Everything raised so far: clubs' commitments, direct pledges and the cagnotte. */
  committedCents: number;
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkIsoDate(field: string, value: string | null): void {
  if (value !== null && !ISO_DATE.test(value)) throw new MatchingInputError(field, `date ISO attendue, reçu « ${value} »`);
}

function addYears(isoDate: string, years: number): string {
  return `${String(Number(isoDate.slice(0, 4)) + years).padStart(4, "0")}${isoDate.slice(4)}`;
}

export function prepareClub(c: ClubInput): PreparedClub {
  const f = `club[${String(c.id)}]`;
  if (!Number.isInteger(c.id) || c.id <= 0) throw new MatchingInputError(`${f}.id`, "identifiant invalide");
  assertFiniteNumber(`${f}.ticketMinCents`, c.ticketMinCents);
  assertFiniteNumber(`${f}.ticketMaxCents`, c.ticketMaxCents);
  if (c.ticketMinCents <= 0) throw new MatchingInputError(`${f}.ticketMinCents`, "le ticket minimum doit être positif");
  if (c.ticketMaxCents < c.ticketMinCents) {
    throw new MatchingInputError(`${f}.ticketMaxCents`, "le ticket maximum est inférieur au minimum");
  }
  assertFiniteNumber(`${f}.availableCents`, c.availableCents);
  if (c.maxStakeBps !== undefined && !(Number.isInteger(c.maxStakeBps) && c.maxStakeBps > 0 && c.maxStakeBps <= 10_000)) {
    throw new MatchingInputError(`${f}.maxStakeBps`, `part maximale hors de 1..10000 points de base (${String(c.maxStakeBps)})`);
  }
  checkIsoDate(`${f}.startedOn`, c.startedOn);
  checkIsoDate(`${f}.investingEndsOn`, c.investingEndsOn);
  checkIsoDate(`${f}.renewedOn`, c.renewedOn);
  if (c.point && !isValidPoint(c.point)) throw new MatchingInputError(`${f}.point`, "point invalide");
  const base = c.renewedOn ?? c.startedOn;
  return {
    ...c,
    sectorIds: new Set(c.sectorIds),
    areaDepartmentCodes: new Set(c.areaDepartmentCodes),
    areaCommuneCodes: new Set(c.areaCommuneCodes),
    hasAreas: c.areaDepartmentCodes.length + c.areaCommuneCodes.length > 0,
    memberUserIds: new Set(c.memberUserIds),
    decidedProjectIds: new Set(c.decidedProjectIds),
    investingEnd: c.investingEndsOn ?? (base ? addYears(base, INVESTING_YEARS) : null),
  };
}

export function prepareFundableProject(p: FundableProjectInput, points: CommunePoints): PreparedFundableProject {
  const f = `project[${String(p.id)}]`;
  if (!points.has(p.communeCode)) throw new MatchingInputError(`${f}.communeCode`, `commune inconnue « ${p.communeCode} »`);
  if (p.funding) {
    assertFiniteNumber(`${f}.funding.amountCents`, p.funding.amountCents);
    if (p.funding.amountCents <= 0) throw new MatchingInputError(`${f}.funding.amountCents`, "le montant recherché doit être positif");
  }
  let committedCents = 0;
  for (const [i, c] of p.commitments.entries()) {
    assertFiniteNumber(`${f}.commitments[${i}].amountCents`, c.amountCents);
    committedCents += c.amountCents;
  }
  if (p.otherRaisedCents !== undefined) assertFiniteNumber(`${f}.otherRaisedCents`, p.otherRaisedCents);
  const a = p.accompaniment;
  if (!Number.isInteger(a.mentorCount) || a.mentorCount < 0) {
    throw new MatchingInputError(`${f}.accompaniment.mentorCount`, `entier positif attendu, reçu ${String(a.mentorCount)}`);
  }
  assertFiniteNumber(`${f}.accompaniment.minutes`, a.minutes);
  if (a.minutes < 0) throw new MatchingInputError(`${f}.accompaniment.minutes`, "la durée de suivi ne peut pas être négative");
  for (const [i, e] of a.endorsements.entries()) {
    if (!(ENDORSEMENT_LEVELS as readonly string[]).includes(e.level)) {
      throw new MatchingInputError(`${f}.accompaniment.endorsements[${i}].level`, `niveau inconnu « ${String(e.level)} »`);
    }
  }
  committedCents += p.otherRaisedCents ?? 0;
  return { ...p, point: points.get(p.communeCode) ?? null, committedCents };
}

export type ClubRejection =
  | "project-not-published"
  | "no-funding-need"
  | "donation-only"
  | "stage-not-eligible"
  | "legal-form-not-eligible"
  | "club-not-investing"
  | "outside-investing-period"
  | "outside-area"
  | "already-decided"
  | "own-member"
  | "fully-funded";

export function isInvestingOn(c: PreparedClub, today: string): boolean {
  if (c.status !== "en-epargne") return false;
  if (c.startedOn !== null && today < c.startedOn) return false;
  return c.investingEnd === null || today <= c.investingEnd;
}

/** Club areas (departments or communes); without any, the pôle's perimeter. */
export function isInClubArea(c: PreparedClub, p: { communeCode: string; departmentCode: string }): boolean {
  if (!c.hasAreas) return c.perimeterCommuneCodes.has(p.communeCode);
  return c.areaDepartmentCodes.has(p.departmentCode) || c.areaCommuneCodes.has(p.communeCode);
}

/** Project-side filters, independent of the club: checked once per project. */
export function fundableProjectRejection(p: PreparedFundableProject): ClubRejection | null {
  if (p.status !== "publie") return "project-not-published";
  if (!p.funding) return "no-funding-need";
  if (!CLUB_ELIGIBLE_FUNDING.has(p.funding.kind)) return "donation-only";
  if (!CLUB_ELIGIBLE_STAGES.has(p.stage)) return "stage-not-eligible";
  if (!CLUB_ELIGIBLE_LEGAL_FORMS.has(p.legalForm)) return "legal-form-not-eligible";
  if (p.funding.amountCents - p.committedCents <= 0) return "fully-funded";
  return null;
}

export function clubRejection(c: PreparedClub, p: PreparedFundableProject, today: string): ClubRejection | null {
  const projectSide = fundableProjectRejection(p);
  if (projectSide) return projectSide;
  if (c.status !== "en-epargne") return "club-not-investing";
  if (!isInvestingOn(c, today)) return "outside-investing-period";
  if (!isInClubArea(c, p)) return "outside-area";
  if (c.decidedProjectIds.has(p.id)) return "already-decided";
  if (c.memberUserIds.has(p.ownerId)) return "own-member";
  return null;
}

export type CompiledClubWeights = { readonly raw: ClubWeights } & Readonly<Record<ClubCriterionKey, number>>;

export function compileClubWeights(weights: ClubWeights): CompiledClubWeights {
  validateClubWeights(weights);
  const sum = CLUB_CRITERIA.reduce((s, k) => s + weights[k], 0);
  const scaled = Object.fromEntries(CLUB_CRITERIA.map((k) => [k, (100 * weights[k]) / sum])) as Record<ClubCriterionKey, number>;
  return { raw: { ...weights }, ...scaled };
}

export type ClubMatch = {
  clubId: number;
  projectId: number;
  score: number;
  hundredths: number;
  values: Record<ClubCriterionKey, number>;
  facts: ClubExplanationFacts;
};

/** Share of the remaining amount one ticket can cover; below the club's minimum, how close it gets. */
export function ticketValue(remainingCents: number, min: number, max: number): number {
  if (remainingCents < min) return remainingCents / min;
  return Math.min(1, max / remainingCents);
}

/** Whether the club has the money for the ticket it would write. */
export function availableMoneyValue(availableCents: number, remainingCents: number, max: number): number {
  const ticket = Math.min(max, remainingCents);
  return availableCents <= 0 ? 0 : Math.min(1, availableCents / ticket);
}

export function clubDistanceValue(distanceKm: number | null): number {
  return distanceKm === null ? 0 : 1 / (1 + distanceKm / CLUB_DISTANCE_HALF_KM);
}

export type ClubEvaluation = { ok: true; match: ClubMatch } | { ok: false; reason: ClubRejection };

export function evaluateClub(
  c: PreparedClub,
  p: PreparedFundableProject,
  w: CompiledClubWeights,
  today: string,
): ClubEvaluation {
  const reason = clubRejection(c, p, today);
  if (reason) return { ok: false, reason };
  const amount = p.funding?.amountCents ?? 0;
  const remainingCents = amount - p.committedCents;
  const others = p.commitments.filter((x) => x.clubId !== c.id);
  const otherClubs = new Set(others.map((x) => x.clubId)).size;
  const distanceKm = c.point && p.point ? haversineKm(c.point, p.point) : null;
  // The stake cap (on the company's capital when known, else the amount sought) can shrink the ticket.
  const stakeBase = p.funding?.companyCapitalCents ?? amount;
  const stakeCap = c.maxStakeBps === undefined ? Infinity : Math.floor((c.maxStakeBps * stakeBase) / 10_000);
  const usableMax = Math.max(0, Math.min(c.ticketMaxCents, stakeCap));
  const sectorPreferred = c.sectorIds.size === 0 ? null : c.sectorIds.has(p.activityDomainId);
  const values: Record<ClubCriterionKey, number> = {
    sector: sectorPreferred === null ? NO_SECTOR_PREFERENCE_VALUE : sectorPreferred ? 1 : 0,
    ticket: ticketValue(remainingCents, c.ticketMinCents, usableMax),
    availableMoney: availableMoneyValue(c.availableCents, remainingCents, Math.max(usableMax, 1)),
    distance: clubDistanceValue(scoredDistanceKm(distanceKm, uncertaintyKm(c.point, p.point))),
    accompanied: accompanimentValue(p.accompaniment),
    coInvestment: Math.min(1, otherClubs / CO_INVESTORS_FULL_AT),
  };
  let raw = 0;
  for (const key of CLUB_CRITERIA) raw += w[key] * values[key];
  const hundredths = Math.round(raw * 100);
  return {
    ok: true,
    match: {
      clubId: c.id,
      projectId: p.id,
      score: hundredths / 100,
      hundredths,
      values,
      facts: {
        sectorName: p.activityDomainName,
        sectorPreferred,
        ticketMinCents: c.ticketMinCents,
        ticketMaxCents: c.ticketMaxCents,
        remainingCents,
        availableCents: Math.max(0, c.availableCents),
        distanceKm,
        approximation: approximationOf(c.point, p.point),
        accompaniment: p.accompaniment,
        otherClubs,
        otherClubsCents: others.reduce((s, x) => s + x.amountCents, 0),
      },
    },
  };
}

export function clubCriteria(m: ClubMatch, w: CompiledClubWeights): Criterion[] {
  return CLUB_CRITERIA.map((key) => ({
    key,
    label: CLUB_CRITERION_LABELS[key],
    value: Math.round(m.values[key] * 10_000) / 10_000,
    weight: w.raw[key],
    points: Math.round(w[key] * m.values[key] * 100) / 100,
  }));
}

export function clubExplanation(m: ClubMatch): string {
  return explainClub(m.facts);
}

/** Higher score first, then the lower id of the other side. */
export function compareClubMatchesForProject(a: ClubMatch, b: ClubMatch): number {
  return b.hundredths - a.hundredths || a.clubId - b.clubId;
}

export function compareClubMatchesForClub(a: ClubMatch, b: ClubMatch): number {
  return b.hundredths - a.hundredths || a.projectId - b.projectId;
}
