/**
 * The matcher's API for routes and models: suggestions in both directions for
 * mentoring and for club funding, the animation team's global round, and
 * each pôle's weights. Scoring lives in ~/domain/matching (pure); data and
 * indexes in ./matching-store.server.ts. See docs/matching.md.
 *
 * Whose weights score a pair: a need's, those of its project's pôle (by the
 * project's commune, `weightsOfNeed`); a club's, those of the club's pôle; a
 * round for a pôle, that pôle's. A pôle without weights of its own uses the
 * platform's defaults.
 */
import {
  clubCriteria,
  clubExplanation,
  compareClubMatchesForClub,
  compareClubMatchesForProject,
  daysSince,
  evaluateClub,
  evaluateMentor,
  explainMentor,
  greedyRound,
  isInvestingOn,
  isWeightKey,
  MatchingInputError,
  mentorCriteria,
  runExactRound,
  validateWeightValue,
  weightsFromRows,
  CLUB_CRITERIA,
  CLUB_CRITERION_HINTS,
  CLUB_CRITERION_LABELS,
  DEFAULT_CLUB_WEIGHTS,
  DEFAULT_MENTOR_WEIGHTS,
  LEGACY_WEIGHT_KEYS,
  MENTOR_CRITERIA,
  MENTOR_CRITERION_HINTS,
  MENTOR_CRITERION_LABELS,
  type CandidateList,
  type ClubMatch,
  type CompiledMentorWeights,
  type Criterion,
  type MatchingWeights,
  type MentorMatch,
  type PreparedNeed,
  type PreparedVolunteer,
  type RoundProvider,
  type WeightKey,
  approximationOf,
  describeDistance,
} from "~/domain/matching";
import { parisIsoDate } from "~/domain/paris-time";
import type { NeedPriority, SkillLevel } from "~/domain/vocabulary";
import { and, eq } from "drizzle-orm";
import { matchingWeights } from "#db/schema";
import { writeTransaction, type Db, type Reader } from "~/utils/db.server";
import { matchingStore, weightsOfNeed, weightsOfTerritory, type MatchingStore } from "./matching-store.server";

export { MatchingInputError };
export type { Criterion };

const DEFAULT_LIMIT = 10;

export type MentorSuggestion = {
  volunteerId: number;
  displayName: string;
  /** 0..100. */
  score: number;
  criteria: Criterion[];
  explanation: string;
  /** Great-circle km between communes, one decimal; null when a commune has no point. */
  distanceKm: number | null;
  /** The distance as the explanation says it: « à 4 km », « dans la même commune », « même secteur postal ». */
  distanceText: string;
  skillLevel: SkillLevel;
  activeMentorships: number;
  maxMentorships: number;
  /** True when the pair holds only because both accept remote work. */
  remote: boolean;
};

export type NeedSuggestion = {
  needId: number;
  projectId: number;
  projectTitle: string;
  skillName: string;
  priority: NeedPriority;
  score: number;
  criteria: Criterion[];
  explanation: string;
  distanceKm: number | null;
  distanceText: string;
  remote: boolean;
  skillLevel: SkillLevel;
};

export type ClubSuggestion = {
  clubId: number;
  clubName: string;
  score: number;
  criteria: Criterion[];
  explanation: string;
  availableCents: number;
};

export type ProjectForClubSuggestion = {
  projectId: number;
  projectTitle: string;
  /** The funding need's amount. */
  amountCents: number;
  /** What is still sought once clubs' commitments are deducted. */
  remainingCents: number;
  score: number;
  criteria: Criterion[];
  explanation: string;
};

export type SuggestOptions = { limit?: number; now?: Date };

function limitOf(opts: SuggestOptions | undefined): number {
  const limit = opts?.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 0) throw new MatchingInputError("limit", `entier positif attendu, reçu ${String(limit)}`);
  return limit;
}

function nowMsOf(opts: { now?: Date } | undefined): number {
  const ms = (opts?.now ?? new Date()).getTime();
  if (!Number.isFinite(ms)) throw new MatchingInputError("now", "date invalide");
  return ms;
}

const roundKm = (km: number | null) => (km === null ? null : Math.round(km * 10) / 10);

function mentorDistanceText(v: PreparedVolunteer, n: PreparedNeed, m: MentorMatch): string {
  return describeDistance(m.distanceKm, m.remote, v.communeCode === n.project.communeCode, approximationOf(v.point, n.project.point));
}

function mentorExplanation(store: MatchingStore, v: PreparedVolunteer, n: PreparedNeed, m: MentorMatch, nowMs: number): string {
  return explainMentor({
    skillName: n.skillName,
    level: m.level,
    priority: n.priority,
    distanceKm: m.distanceKm,
    approximation: approximationOf(v.point, n.project.point),
    remote: m.remote,
    sameCommune: v.communeCode === n.project.communeCode,
    activeMentorships: v.activeMentorships,
    maxMentorships: v.maxMentorships,
    sharedDomainName: v.domainIds.includes(n.project.activityDomainId)
      ? (n.project.activityDomainName ?? store.domainNames.get(n.project.activityDomainId) ?? null)
      : null,
    completedMentorships: v.completedMentorships,
    averageRating: v.averageRating,
    daysSinceActive: daysSince(v.lastActiveMs, nowMs),
  });
}

function toMentorSuggestion(
  store: MatchingStore,
  v: PreparedVolunteer,
  need: PreparedNeed,
  m: MentorMatch,
  w: CompiledMentorWeights,
  nowMs: number,
): MentorSuggestion {
  return {
    volunteerId: v.id,
    displayName: v.displayName,
    score: m.score,
    criteria: mentorCriteria(v, need, m, w, nowMs),
    explanation: mentorExplanation(store, v, need, m, nowMs),
    distanceKm: roundKm(m.distanceKm),
    distanceText: mentorDistanceText(v, need, m),
    skillLevel: m.level,
    activeMentorships: v.activeMentorships,
    maxMentorships: v.maxMentorships,
    remote: m.remote,
  };
}

/**
 * Best mentors for one skill need, best first. Empty when the need is not open
 * or its project not published (or unknown).
 */
export function suggestMentorsForNeed(db: Db, needId: number, opts?: SuggestOptions): MentorSuggestion[] {
  const limit = limitOf(opts);
  const nowMs = nowMsOf(opts);
  const store = matchingStore(db);
  const need = store.needs.getById(needId);
  if (!need || limit === 0) return [];
  const w = weightsOfNeed(store, need).mentor;
  return store.volunteers
    .topMentors(need, limit, w, nowMs)
    .map((m) => toMentorSuggestion(store, store.volunteers.getById(m.volunteerId) as PreparedVolunteer, need, m, w, nowMs));
}

/**
 * One pair's score and explanation, exactly as the suggestions score it, or,
 * with `territoryId`, as that pôle's round scores it (a pair the round
 * proposed). Null when a hard filter rejects the pair or either side is unknown.
 */
export function explainMentorPair(
  db: Db,
  needId: number,
  volunteerId: number,
  opts?: { now?: Date; territoryId?: number },
): MentorSuggestion | null {
  const nowMs = nowMsOf(opts);
  const store = matchingStore(db);
  const need = store.needs.getById(needId);
  const v = store.volunteers.getById(volunteerId);
  if (!need || !v) return null;
  const w = (opts?.territoryId === undefined ? weightsOfNeed(store, need) : weightsOfTerritory(store, opts.territoryId)).mentor;
  const e = evaluateMentor(v, need, w, nowMs);
  return e.ok ? toMentorSuggestion(store, v, need, e.match, w, nowMs) : null;
}

/** « Projets pour moi »: open needs of published projects that fit a volunteer, best first. */
export function suggestNeedsForVolunteer(db: Db, volunteerId: number, opts?: SuggestOptions): NeedSuggestion[] {
  const limit = limitOf(opts);
  const nowMs = nowMsOf(opts);
  const store = matchingStore(db);
  const v = store.volunteers.getById(volunteerId);
  if (!v || limit === 0) return [];
  // Each need is scored with its own pôle's weights, as it is on the project's side.
  const weightsOf = (need: PreparedNeed) => weightsOfNeed(store, need).mentor;
  return store.needs.topNeeds(v, limit, weightsOf, nowMs).map((m) => {
    const need = store.needs.getById(m.needId) as PreparedNeed;
    return {
      needId: need.id,
      projectId: need.projectId,
      projectTitle: need.project.title,
      skillName: need.skillName,
      priority: need.priority,
      score: m.score,
      criteria: mentorCriteria(v, need, m, weightsOf(need), nowMs),
      explanation: mentorExplanation(store, v, need, m, nowMs),
      distanceKm: roundKm(m.distanceKm),
      distanceText: mentorDistanceText(v, need, m),
      remote: m.remote,
      skillLevel: m.level,
    };
  });
}

/** Clubs that could invest in a project, best first; each club scores with its own pôle's weights. */
export function suggestClubsForProject(db: Db, projectId: number, opts?: SuggestOptions): ClubSuggestion[] {
  const limit = limitOf(opts);
  const store = matchingStore(db);
  const fundable = store.projects.get(projectId)?.fundable;
  if (!fundable || limit === 0) return [];
  const today = parisIsoDate(nowMsOf(opts));
  const matches: ClubMatch[] = [];
  for (const club of store.clubs) {
    const e = evaluateClub(club, fundable, weightsOfTerritory(store, club.territoryId).club, today);
    if (e.ok) matches.push(e.match);
  }
  return matches
    .sort(compareClubMatchesForProject)
    .slice(0, limit)
    .map((m) => {
      const club = store.clubById.get(m.clubId);
      return {
        clubId: m.clubId,
        clubName: club?.name ?? "",
        score: m.score,
        criteria: clubCriteria(m, club ? weightsOfTerritory(store, club.territoryId).club : store.defaultWeights.club),
        explanation: clubExplanation(m),
        availableCents: m.facts.availableCents,
      };
    });
}

/** A club's deal flow: projects it could invest in, best first, scored with the club's pôle's weights. */
export function suggestProjectsForClub(db: Db, clubId: number, opts?: SuggestOptions): ProjectForClubSuggestion[] {
  const limit = limitOf(opts);
  const store = matchingStore(db);
  const club = store.clubById.get(clubId);
  const today = parisIsoDate(nowMsOf(opts));
  if (!club || limit === 0 || !isInvestingOn(club, today)) return [];
  const w = weightsOfTerritory(store, club.territoryId).club;
  const matches: ClubMatch[] = [];
  for (const department of club.departments) {
    for (const projectId of store.fundableByDepartment.get(department) ?? []) {
      const fundable = store.projects.get(projectId)?.fundable;
      if (!fundable) continue;
      const e = evaluateClub(club, fundable, w, today);
      if (e.ok) matches.push(e.match);
    }
  }
  return matches
    .sort(compareClubMatchesForClub)
    .slice(0, limit)
    .map((m) => {
      const project = store.projects.get(m.projectId);
      return {
        projectId: m.projectId,
        projectTitle: project?.fundable?.title ?? project?.prepared.title ?? "",
        amountCents: project?.fundable?.funding?.amountCents ?? 0,
        remainingCents: m.facts.remainingCents,
        score: m.score,
        criteria: clubCriteria(m, w),
        explanation: clubExplanation(m),
      };
    });
}

// ---------------------------------------------------------------------------
// Global round

export type GlobalRoundResult = {
  assignments: { needId: number; volunteerId: number; score: number }[];
  /** Σ scores of the assignments: the exact optimum. */
  total: number;
  /** Σ scores of a greedy pass, for comparison. */
  greedyTotal: number;
  unmatchedNeedIds: number[];
  /** How the optimum was reached (for the animation team's curiosity and the bench). */
  stats: { needs: number; components: number; largestComponent: number; iterations: number; edgesUsed: number };
};

/**
 * Proposes one mentor per open need (of published projects, within the pôle's
 * perimeter when `territoryId` is given), maximising the total score under
 * every volunteer's remaining capacity. Exact; see docs/matching.md. A pôle's
 * round scores with that pôle's weights; a round over every need scores each
 * with its own pôle's, as its suggestions do.
 */
export function runGlobalRound(
  db: Db,
  opts: { territoryId?: number; now?: Date; needIds?: readonly number[] } = {},
): GlobalRoundResult {
  const nowMs = nowMsOf(opts);
  const store = matchingStore(db);
  const needs = roundNeeds(db, store, opts);
  const poleWeights = opts.territoryId === undefined ? null : weightsOfTerritory(store, opts.territoryId).mentor;
  const provider = cachedProvider(store, needs, (need) => poleWeights ?? weightsOfNeed(store, need).mentor, nowMs);
  const exact = runExactRound(provider);
  const greedy = greedyRound(provider);
  const assignments: GlobalRoundResult["assignments"] = [];
  const unmatchedNeedIds: number[] = [];
  needs.forEach((need, i) => {
    const slot = exact.assignment[i] ?? -1;
    const volunteer = slot >= 0 ? store.volunteers.slots[slot] : null;
    if (volunteer) assignments.push({ needId: need.id, volunteerId: volunteer.id, score: (exact.assignedWeight[i] ?? 0) / 100 });
    else unmatchedNeedIds.push(need.id);
  });
  return {
    assignments,
    total: exact.total / 100,
    greedyTotal: greedy.total / 100,
    unmatchedNeedIds,
    stats: {
      needs: needs.length,
      components: exact.components,
      largestComponent: exact.largestComponent,
      iterations: exact.iterations,
      edgesUsed: exact.fetchedEdges,
    },
  };
}

function roundNeeds(db: Db, store: MatchingStore, opts: { territoryId?: number; needIds?: readonly number[] }): PreparedNeed[] {
  let needs = opts.needIds
    ? opts.needIds.flatMap((id) => {
        const n = store.needs.getById(id);
        return n ? [n] : [];
      })
    : [...store.needs.all()];
  needs = needs.filter((n) => n.open && n.project.published);
  if (opts.territoryId !== undefined) {
    const perimeter = new Set(
      (db.$client.prepare("select commune_code from territory_communes where territory_id = ?").raw().all(opts.territoryId) as [string][]).map(
        ([c]) => c,
      ),
    );
    needs = needs.filter((n) => perimeter.has(n.project.communeCode));
  }
  return needs.sort((a, b) => a.id - b.id);
}

/**
 * The round's view of the index. Lists are cached per need so that the exact
 * round and the greedy pass share one scan of each neighbourhood.
 */
function cachedProvider(
  store: MatchingStore,
  needs: readonly PreparedNeed[],
  weightsOf: (need: PreparedNeed) => CompiledMentorWeights,
  nowMs: number,
): RoundProvider {
  const cache: (CandidateList | undefined)[] = [];
  return {
    needCount: needs.length,
    volunteerCount: store.volunteers.slots.length,
    capacity: (slot) => store.volunteers.capacityAt(slot),
    candidates(n, limit) {
      const cached = cache[n];
      if (cached && (cached.complete || cached.volunteers.length >= limit)) return sliceList(cached, limit);
      const need = needs[n] as PreparedNeed;
      const list = store.volunteers.roundCandidates(need, limit, weightsOf(need), nowMs);
      cache[n] = list;
      return list;
    },
  };
}

function sliceList(list: CandidateList, limit: number): CandidateList {
  if (list.volunteers.length <= limit) return list;
  const volunteers = Array.prototype.slice.call(list.volunteers, 0, limit) as number[];
  const weights = Array.prototype.slice.call(list.weights, 0, limit) as number[];
  return { volunteers, weights, complete: false, nextWeight: list.weights[limit] ?? -Infinity };
}

// ---------------------------------------------------------------------------
// Weights, per pôle

function storedWeightRows(q: Reader, territoryId: number): { key: string; value: number }[] {
  return q
    .select({ key: matchingWeights.key, value: matchingWeights.value })
    .from(matchingWeights)
    .where(eq(matchingWeights.territoryId, territoryId))
    .all();
}

/**
 * The weights that score for this pôle: its own where it set them, the
 * platform's defaults elsewhere. Throws MatchingInputError on a stored invalid value.
 */
export function getMatchingWeights(db: Db, territoryId: number): MatchingWeights {
  return weightsFromRows(storedWeightRows(db, territoryId));
}

/** True when the pôle has set weights of its own (false: it uses the platform's defaults). */
export function hasOwnMatchingWeights(db: Db, territoryId: number): boolean {
  return storedWeightRows(db, territoryId).length > 0;
}

export type WeightDescription = {
  key: WeightKey;
  side: "mentor" | "club";
  label: string;
  /** What the criterion measures, in French. */
  hint: string;
  value: number;
  defaultValue: number;
};

/** Every weight of the pôle with its French label and default, for its animation team's settings page. */
export function describeMatchingWeights(db: Db, territoryId: number): WeightDescription[] {
  const current = getMatchingWeights(db, territoryId);
  return [
    ...MENTOR_CRITERIA.map((k) => ({
      key: `mentor.${k}` as WeightKey,
      side: "mentor" as const,
      label: MENTOR_CRITERION_LABELS[k],
      hint: MENTOR_CRITERION_HINTS[k],
      value: current.mentor[k],
      defaultValue: DEFAULT_MENTOR_WEIGHTS[k],
    })),
    ...CLUB_CRITERIA.map((k) => ({
      key: `club.${k}` as WeightKey,
      side: "club" as const,
      label: CLUB_CRITERION_LABELS[k],
      hint: CLUB_CRITERION_HINTS[k],
      value: current.club[k],
      defaultValue: DEFAULT_CLUB_WEIGHTS[k],
    })),
  ];
}

/**
 * Stores one weight of the pôle (`mentor.distance`, `club.ticket`…). Refuses
 * unknown keys, non-finite or out-of-range values, and a change that would
 * leave every weight of a side at zero.
 */
export function setMatchingWeight(db: Db, territoryId: number, key: string, value: number, now: Date = new Date()): MatchingWeights {
  if (!isWeightKey(key)) throw new MatchingInputError(key, "clé de poids inconnue");
  validateWeightValue(key, value);
  return setMatchingWeights(db, territoryId, { [key]: value }, now);
}

/**
 * Stores several weights of the pôle at once, all or nothing: the resulting
 * set is checked as a whole (so moving the only positive weight of a side
 * elsewhere works). Other pôles' weights are untouched.
 */
export function setMatchingWeights(
  db: Db,
  territoryId: number,
  values: Partial<Record<WeightKey, number>>,
  now: Date = new Date(),
): MatchingWeights {
  const entries = Object.entries(values) as [string, number][];
  for (const [key, value] of entries) {
    if (!isWeightKey(key)) throw new MatchingInputError(key, "clé de poids inconnue");
    validateWeightValue(key, value);
  }
  return writeTransaction(db, (tx) => {
    const rows = storedWeightRows(tx, territoryId);
    const next = weightsFromRows([...rows.filter((r) => !(r.key in values)), ...entries.map(([key, value]) => ({ key, value }))]);
    for (const [key, value] of entries) {
      tx.insert(matchingWeights)
        .values({ territoryId, key, value, updatedAt: now })
        .onConflictDoUpdate({ target: [matchingWeights.territoryId, matchingWeights.key], set: { value, updatedAt: now } })
        .run();
    }
    // A weight saved under its new name replaces the one stored under its former name.
    for (const [legacy, renamed] of Object.entries(LEGACY_WEIGHT_KEYS)) {
      if (renamed in values) {
        tx.delete(matchingWeights).where(and(eq(matchingWeights.territoryId, territoryId), eq(matchingWeights.key, legacy))).run();
      }
    }
    return next;
  });
}

/** The pôle back to the platform's defaults (its own rows go); other pôles keep theirs. */
export function resetMatchingWeights(db: Db, territoryId: number): MatchingWeights {
  db.delete(matchingWeights).where(eq(matchingWeights.territoryId, territoryId)).run();
  return getMatchingWeights(db, territoryId);
}
