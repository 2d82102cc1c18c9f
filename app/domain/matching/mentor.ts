/**
 * Volunteer ↔ skill-need scoring: hard filters, then a weighted sum of soft
 * criteria in [0, 1]. Inputs are validated once when "prepared"; scoring a
 * prepared pair allocates nothing until the pair is kept.
 */
import { DAY_MS } from "../paris-time";
import { assertFiniteNumber, assertNonNegativeInteger, MatchingInputError } from "./errors";
import { haversineKm, isValidPoint, scoredDistanceKm, uncertaintyKm, unitVector, type GeoPoint } from "./geo";
import {
  MENTOR_CRITERIA,
  MENTOR_CRITERION_LABELS,
  validateMentorWeights,
  type MentorCriterionKey,
  type MentorWeights,
} from "./weights";
import type { CommunePoints, Criterion, NeedInput, ProjectInput, VolunteerInput } from "./types";
import { NEED_PRIORITIES, SKILL_LEVELS, type NeedPriority, type SkillLevel } from "../vocabulary";

// ---------------------------------------------------------------------------
// Scoring constants (documented in docs/matching.md)

/** Skill level on a 0..1 scale: notions is a start, expert covers it fully. */
export const LEVEL_VALUE: Readonly<Record<SkillLevel, number>> = { notions: 1 / 3, confirme: 2 / 3, expert: 1 };
/** Priority weighs 5/3/1 (Together-style high/medium/low), scaled to the top priority. */
export const PRIORITY_FACTOR: Readonly<Record<NeedPriority, number>> = { haute: 1, moyenne: 3 / 5, basse: 1 / 5 };
/** Distance at which the proximity value halves: 1 / (1 + d / 15 km). */
export const DISTANCE_HALF_KM = 15;
/** Activity value halves every 90 days without activity. */
export const RECENCY_HALF_LIFE_DAYS = 90;
/** Completed mentorships at which the experience part is full. */
export const TRACK_RECORD_FULL_AT = 3;
/** Experience value for someone never rated: neutral, neither rewarded nor punished. */
export const UNRATED_RATING_VALUE = 0.5;

// ---------------------------------------------------------------------------
// Prepared inputs

export const LEVEL_CODE: Readonly<Record<SkillLevel, number>> = { notions: 0, confirme: 1, expert: 2 };
export const LEVEL_BY_CODE: readonly SkillLevel[] = SKILL_LEVELS;

export type PreparedVolunteer = {
  readonly id: number;
  readonly displayName: string;
  readonly communeCode: string;
  /** The commune's point, shared with every volunteer of that commune. */
  readonly point: GeoPoint | null;
  readonly radiusKm: number;
  readonly remoteOk: boolean;
  readonly maxMentorships: number;
  readonly activeMentorships: number;
  readonly paused: boolean;
  /**
   * Skills packed as skillId × 4 + level code (0 notions, 1 confirmé, 2 expert).
   * Kept small on purpose: a national index holds 100,000 of these objects.
   */
  readonly skills: readonly number[];
  /** A tiny array rather than a Set, for the same reason. */
  readonly domainIds: readonly number[];
  readonly completedMentorships: number;
  readonly averageRating: number | null;
  readonly lastActiveMs: number;
};

export type PreparedNeed = {
  readonly id: number;
  readonly projectId: number;
  readonly skillId: number;
  readonly skillName: string;
  readonly priority: NeedPriority;
  readonly priorityFactor: number;
  readonly open: boolean;
  readonly project: PreparedProject;
  readonly openVolunteerIds: ReadonlySet<number>;
};

export type PreparedProject = {
  readonly id: number;
  readonly ownerId: number;
  readonly title: string;
  readonly communeCode: string;
  readonly point: GeoPoint | null;
  readonly x: number;
  readonly y: number;
  readonly z: number;
  readonly remoteOk: boolean;
  readonly activityDomainId: number;
  readonly activityDomainName: string | null;
  readonly published: boolean;
  readonly declinedVolunteerIds: ReadonlySet<number>;
};

function resolvePoint(field: string, communeCode: string, points: CommunePoints): GeoPoint | null {
  if (typeof communeCode !== "string" || !points.has(communeCode)) {
    throw new MatchingInputError(field, `commune inconnue « ${String(communeCode)} »`);
  }
  const point = points.get(communeCode) ?? null;
  if (point && !isValidPoint(point)) {
    throw new MatchingInputError(field, `point invalide pour la commune ${communeCode}`);
  }
  return point;
}

function assertId(field: string, value: unknown): asserts value is number {
  if (typeof value !== "number" || !Number.isInteger(value) || value <= 0) {
    throw new MatchingInputError(field, `identifiant entier positif attendu, reçu ${String(value)}`);
  }
}

function toMs(field: string, value: Date | number): number {
  const ms = value instanceof Date ? value.getTime() : value;
  if (typeof ms !== "number" || !Number.isFinite(ms)) throw new MatchingInputError(field, "date invalide");
  return ms;
}

/**
 * Shares identical small arrays between prepared volunteers: 100,000 people
 * have only a few thousand distinct skill sets and a few dozen domain sets, and
 * two arrays per person would be most of the index's memory.
 */
export class ArrayInterner {
  private readonly arrays = new Map<string, readonly number[]>();

  intern(values: number[]): readonly number[] {
    const key = values.join(",");
    let shared = this.arrays.get(key);
    if (!shared) this.arrays.set(key, (shared = Object.freeze(values)));
    return shared;
  }
}

/** Validates a volunteer and precomputes what scoring needs. Throws `MatchingInputError`. */
export function prepareVolunteer(v: VolunteerInput, points: CommunePoints, interner?: ArrayInterner): PreparedVolunteer {
  const f = `volunteer[${String(v.id)}]`;
  assertId(`${f}.id`, v.id);
  const point = resolvePoint(`${f}.communeCode`, v.communeCode, points);
  assertFiniteNumber(`${f}.radiusKm`, v.radiusKm);
  if (v.radiusKm < 0) throw new MatchingInputError(`${f}.radiusKm`, `rayon négatif (${v.radiusKm} km)`);
  assertNonNegativeInteger(`${f}.maxMentorships`, v.maxMentorships);
  assertNonNegativeInteger(`${f}.activeMentorships`, v.activeMentorships);
  assertNonNegativeInteger(`${f}.completedMentorships`, v.completedMentorships);
  if (!Array.isArray(v.skills) || v.skills.length === 0) {
    throw new MatchingInputError(`${f}.skills`, "au moins une compétence est requise");
  }
  const best = new Map<number, number>();
  for (const [i, s] of v.skills.entries()) {
    assertId(`${f}.skills[${i}].skillId`, s.skillId);
    if (!(SKILL_LEVELS as readonly string[]).includes(s.level)) {
      throw new MatchingInputError(`${f}.skills[${i}].level`, `niveau inconnu « ${String(s.level)} »`);
    }
    best.set(s.skillId, Math.max(best.get(s.skillId) ?? 0, LEVEL_CODE[s.level as SkillLevel]));
  }
  for (const [i, d] of v.domainIds.entries()) assertId(`${f}.domainIds[${i}]`, d);
  if (v.averageRating !== null) {
    assertFiniteNumber(`${f}.averageRating`, v.averageRating);
    if (v.averageRating < 1 || v.averageRating > 5) {
      throw new MatchingInputError(`${f}.averageRating`, `note moyenne hors de 1..5 (${v.averageRating})`);
    }
  }
  return {
    id: v.id,
    displayName: v.displayName,
    communeCode: v.communeCode,
    point,
    radiusKm: v.radiusKm,
    remoteOk: v.remoteOk,
    maxMentorships: v.maxMentorships,
    activeMentorships: v.activeMentorships,
    paused: v.paused,
    skills: share([...best].map(([skillId, code]) => skillId * 4 + code).sort((a, b) => a - b), interner),
    domainIds: share([...new Set(v.domainIds)].sort((a, b) => a - b), interner),
    completedMentorships: v.completedMentorships,
    averageRating: v.averageRating,
    lastActiveMs: toMs(`${f}.lastActiveAt`, v.lastActiveAt),
  };
}

function share(values: number[], interner: ArrayInterner | undefined): readonly number[] {
  return interner ? interner.intern(values) : values;
}

export function prepareProject(p: ProjectInput, points: CommunePoints): PreparedProject {
  const f = `project[${String(p.id)}]`;
  assertId(`${f}.id`, p.id);
  assertId(`${f}.ownerId`, p.ownerId);
  assertId(`${f}.activityDomainId`, p.activityDomainId);
  const point = resolvePoint(`${f}.communeCode`, p.communeCode, points);
  const [x, y, z] = point ? unitVector(point) : [Number.NaN, Number.NaN, Number.NaN];
  return {
    id: p.id,
    ownerId: p.ownerId,
    title: p.title,
    communeCode: p.communeCode,
    point,
    x,
    y,
    z,
    remoteOk: p.remoteOk,
    activityDomainId: p.activityDomainId,
    activityDomainName: p.activityDomainName ?? null,
    published: p.status === "publie",
    declinedVolunteerIds: p.declinedVolunteerIds?.length ? new Set(p.declinedVolunteerIds) : EMPTY_IDS,
  };
}

export function prepareNeed(n: NeedInput, project: PreparedProject): PreparedNeed {
  const f = `need[${String(n.id)}]`;
  assertId(`${f}.id`, n.id);
  assertId(`${f}.skillId`, n.skillId);
  if (n.projectId !== project.id) {
    throw new MatchingInputError(`${f}.projectId`, `le besoin appartient au projet ${n.projectId}, pas ${project.id}`);
  }
  if (!(NEED_PRIORITIES as readonly string[]).includes(n.priority)) {
    throw new MatchingInputError(`${f}.priority`, `priorité inconnue « ${String(n.priority)} »`);
  }
  return {
    id: n.id,
    projectId: n.projectId,
    skillId: n.skillId,
    skillName: n.skillName,
    priority: n.priority,
    priorityFactor: PRIORITY_FACTOR[n.priority],
    open: n.status === "ouvert",
    project,
    openVolunteerIds: n.openVolunteerIds?.length ? new Set(n.openVolunteerIds) : EMPTY_IDS,
  };
}

/** The volunteer's level code for a skill, −1 when they do not have it. */
export function levelCodeOf(v: PreparedVolunteer, skillId: number): number {
  for (const packed of v.skills) if (packed >> 2 === skillId) return packed & 3;
  return -1;
}

/** Calls `fn` for each of the volunteer's skills with its level code. */
export function forEachSkill(v: PreparedVolunteer, fn: (skillId: number, levelCode: number) => void): void {
  for (const packed of v.skills) fn(packed >> 2, packed & 3);
}

/** Need-independent values of a volunteer (the index caches them in typed arrays). */
export function volunteerCapacityValue(v: PreparedVolunteer): number {
  return capacityValue(v.activeMentorships, v.maxMentorships);
}

export function volunteerTrackRecordValue(v: PreparedVolunteer): number {
  return trackRecordValue(v.completedMentorships, v.averageRating);
}

const EMPTY_IDS: ReadonlySet<number> = new Set();

// ---------------------------------------------------------------------------
// Criterion values, each in [0, 1]

/** Remaining share of the declared capacity: spreads mentorships across people. */
export function capacityValue(active: number, max: number): number {
  return max <= 0 ? 0 : Math.max(0, max - active) / max;
}

/** Half from mentorships completed (full at 3), half from the mean rating (neutral when unrated). */
export function trackRecordValue(completed: number, averageRating: number | null): number {
  const done = Math.min(1, completed / TRACK_RECORD_FULL_AT);
  const rating = averageRating === null ? UNRATED_RATING_VALUE : (averageRating - 1) / 4;
  return 0.5 * done + 0.5 * rating;
}

export function distanceValue(distanceKm: number | null): number {
  return distanceKm === null ? 0 : 1 / (1 + distanceKm / DISTANCE_HALF_KM);
}

export function recencyValue(lastActiveMs: number, nowMs: number): number {
  const days = Math.max(0, (nowMs - lastActiveMs) / DAY_MS);
  return 0.5 ** (days / RECENCY_HALF_LIFE_DAYS);
}

export function skillLevelValue(levelCode: number, priorityFactor: number): number {
  return (levelCode + 1) / 3 * priorityFactor;
}

// ---------------------------------------------------------------------------
// Weights normalised once per call

export type CompiledMentorWeights = {
  readonly raw: MentorWeights;
  /** Each weight × 100 / Σ weights: multiplying a value gives its points. */
  readonly skillLevel: number;
  readonly distance: number;
  readonly sharedDomain: number;
  readonly capacity: number;
  readonly trackRecord: number;
  readonly recency: number;
};

export function compileMentorWeights(weights: MentorWeights): CompiledMentorWeights {
  validateMentorWeights(weights);
  const sum = MENTOR_CRITERIA.reduce((s, k) => s + weights[k], 0);
  const scale = (k: MentorCriterionKey) => (100 * weights[k]) / sum;
  return {
    raw: { ...weights },
    skillLevel: scale("skillLevel"),
    distance: scale("distance"),
    sharedDomain: scale("sharedDomain"),
    capacity: scale("capacity"),
    trackRecord: scale("trackRecord"),
    recency: scale("recency"),
  };
}

// ---------------------------------------------------------------------------
// Hard filters

export type MentorRejection =
  | "need-not-open"
  | "project-not-published"
  | "own-project"
  | "paused"
  | "no-capacity"
  | "missing-skill"
  | "declined"
  | "already-open"
  | "too-far";

/** Where the pair stands geographically: `null` when no geography allows it. */
export type MentorGeo = { distanceKm: number | null; remote: boolean };

/**
 * Within the volunteer's radius of the project's commune, or both accept remote
 * work (then the distance still counts as a soft criterion when known).
 */
export function mentorGeo(v: PreparedVolunteer, p: PreparedProject): MentorGeo | null {
  const distanceKm = v.point && p.point ? haversineKm(v.point, p.point) : null;
  if (distanceKm !== null && distanceKm <= v.radiusKm) return { distanceKm, remote: false };
  if (v.remoteOk && p.remoteOk) return { distanceKm, remote: true };
  return null;
}

/** Filters that do not depend on geography, cheapest first. */
export function mentorPairRejection(v: PreparedVolunteer, n: PreparedNeed): MentorRejection | null {
  if (!n.open) return "need-not-open";
  if (!n.project.published) return "project-not-published";
  if (v.paused) return "paused";
  if (v.activeMentorships >= v.maxMentorships) return "no-capacity";
  if (levelCodeOf(v, n.skillId) < 0) return "missing-skill";
  if (n.project.ownerId === v.id) return "own-project";
  if (n.project.declinedVolunteerIds.has(v.id)) return "declined";
  if (n.openVolunteerIds.has(v.id)) return "already-open";
  return null;
}

// ---------------------------------------------------------------------------
// Scores

/**
 * Score of an eligible pair in [0, 100], rounded to the hundredth. The global
 * round works on these exact hundredths (as integers), so what it optimises is
 * what people see.
 */
export function mentorScoreHundredths(
  v: PreparedVolunteer,
  n: PreparedNeed,
  levelCode: number,
  distanceKm: number | null,
  w: CompiledMentorWeights,
  nowMs: number,
): number {
  return scoreHundredths(
    levelCode,
    n.priorityFactor,
    scoredDistanceKm(distanceKm, uncertaintyKm(v.point, n.project.point)),
    v.domainIds.includes(n.project.activityDomainId),
    volunteerCapacityValue(v),
    volunteerTrackRecordValue(v),
    v.lastActiveMs,
    w,
    nowMs,
  );
}

/**
 * The one scoring formula, on plain numbers: the reference evaluation and the
 * index's typed-array scan both call it, so they agree to the last bit.
 */
export function scoreHundredths(
  levelCode: number,
  priorityFactor: number,
  distanceKm: number | null,
  sharedDomain: boolean,
  capacity: number,
  trackRecord: number,
  lastActiveMs: number,
  w: CompiledMentorWeights,
  nowMs: number,
): number {
  const raw =
    w.skillLevel * skillLevelValue(levelCode, priorityFactor) +
    w.distance * distanceValue(distanceKm) +
    w.sharedDomain * (sharedDomain ? 1 : 0) +
    w.capacity * capacity +
    w.trackRecord * trackRecord +
    w.recency * recencyValue(lastActiveMs, nowMs);
  return Math.round(raw * 100);
}

export type MentorMatch = {
  volunteerId: number;
  needId: number;
  projectId: number;
  /** 0..100, two decimals. */
  score: number;
  /** `score` × 100 as an integer: the round's edge weight and the ranking key. */
  hundredths: number;
  level: SkillLevel;
  distanceKm: number | null;
  /** True when the pair holds only through remote work. */
  remote: boolean;
};

export type MentorEvaluation = { ok: true; match: MentorMatch } | { ok: false; reason: MentorRejection };

/** The reference evaluation of one pair: every hard filter, then the score. */
export function evaluateMentor(
  v: PreparedVolunteer,
  n: PreparedNeed,
  w: CompiledMentorWeights,
  nowMs: number,
): MentorEvaluation {
  const reason = mentorPairRejection(v, n);
  if (reason) return { ok: false, reason };
  const geo = mentorGeo(v, n.project);
  if (!geo) return { ok: false, reason: "too-far" };
  const levelCode = levelCodeOf(v, n.skillId);
  return { ok: true, match: buildMentorMatch(v, n, levelCode, geo, w, nowMs) };
}

export function buildMentorMatch(
  v: PreparedVolunteer,
  n: PreparedNeed,
  levelCode: number,
  geo: MentorGeo,
  w: CompiledMentorWeights,
  nowMs: number,
): MentorMatch {
  const hundredths = mentorScoreHundredths(v, n, levelCode, geo.distanceKm, w, nowMs);
  return {
    volunteerId: v.id,
    needId: n.id,
    projectId: n.projectId,
    score: hundredths / 100,
    hundredths,
    level: LEVEL_BY_CODE[levelCode] ?? "notions",
    distanceKm: geo.distanceKm,
    remote: geo.remote,
  };
}

/** Per-criterion breakdown of a kept pair, for display. */
export function mentorCriteria(
  v: PreparedVolunteer,
  n: PreparedNeed,
  m: MentorMatch,
  w: CompiledMentorWeights,
  nowMs: number,
): Criterion[] {
  const values: Record<MentorCriterionKey, number> = {
    skillLevel: skillLevelValue(LEVEL_CODE[m.level], n.priorityFactor),
    distance: distanceValue(scoredDistanceKm(m.distanceKm, uncertaintyKm(v.point, n.project.point))),
    sharedDomain: v.domainIds.includes(n.project.activityDomainId) ? 1 : 0,
    capacity: volunteerCapacityValue(v),
    trackRecord: volunteerTrackRecordValue(v),
    recency: recencyValue(v.lastActiveMs, nowMs),
  };
  return MENTOR_CRITERIA.map((key) => ({
    key,
    label: MENTOR_CRITERION_LABELS[key],
    value: round4(values[key]),
    weight: w.raw[key],
    points: Math.round(w[key] * values[key] * 100) / 100,
  }));
}

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

export function daysSince(lastActiveMs: number, nowMs: number): number {
  return Math.max(0, Math.floor((nowMs - lastActiveMs) / DAY_MS));
}

/** Ranking order: higher score first, then lower volunteer id (stable across runs). */
export function compareMatches(a: { hundredths: number; volunteerId: number }, b: { hundredths: number; volunteerId: number }): number {
  return b.hundredths - a.hundredths || a.volunteerId - b.volunteerId;
}
