/**
 * In-memory indexes so that suggesting for one need (or one volunteer) looks
 * only at plausible pairs instead of every volunteer having the skill.
 *
 * Volunteers: per skill, one uniform lat/lon grid per radius class (cell side =
 * the class's largest radius), so the cells that can hold a volunteer whose own
 * radius reaches the project are a 3×3-to-5 block around it; plus, per skill,
 * the records of volunteers who accept remote work. A cell stores flat records
 * (unit vector, radius chord, capacity and history values, slot): the scan
 * rejects out-of-radius pairs and pairs whose score bound cannot make the list
 * without leaving the cell's memory. Survivors go through the same pair filters
 * and the same scoring function as `evaluateMentor`, so the index can only
 * change speed, never results (a property test compares it with brute force).
 *
 * Needs (for « Projets pour moi »): per skill, a grid of open needs of
 * published projects and the list of those whose project accepts remote work.
 *
 * Both support upsert/remove, so the adapter can apply small changes in place.
 */
import { boundingDegrees, chordSquared, EARTH_RADIUS_KM, haversineKm, haversineKmRaw, KM_PER_DEGREE, scoredDistanceKm, unitVector, type GeoPoint } from "./geo";
import {
  buildMentorMatch,
  compileMentorWeights,
  DISTANCE_HALF_KM,
  forEachSkill,
  mentorPairRejection,
  mentorScoreHundredths,
  scoreHundredths,
  skillLevelValue,
  volunteerCapacityValue,
  volunteerTrackRecordValue,
  type CompiledMentorWeights,
  type MentorMatch,
  type PreparedNeed,
  type PreparedVolunteer,
} from "./mentor";
import type { CandidateList } from "./round";
import { TopK } from "./top-k";
import { DEFAULT_MENTOR_WEIGHTS } from "./weights";

/** Upper bounds of the radius classes, km. Larger radii go to a class scanned whole. */
export const RADIUS_CLASSES = [5, 10, 20, 30, 50, 100, 200, 500, 1000] as const;
/** Slack on the chord prefilter: it may let a few extra pairs through, never drop one. */
const PREFILTER_SLACK = 1 + 1e-6;

function cellKey(latCell: number, lonCell: number): number {
  return (latCell + 50_000) * 100_000 + (lonCell + 50_000);
}

/**
 * Fixed-size records of numbers in one flat array; the last number of each
 * record is its key. Scans read records sequentially, which the CPU prefetches.
 */
export function removeRecord(list: number[], stride: number, key: number): boolean {
  for (let i = stride - 1; i < list.length; i += stride) {
    if (list[i] !== key) continue;
    const start = i - (stride - 1);
    const last = list.length - stride;
    for (let k = 0; k < stride; k++) list[start + k] = list[last + k] as number;
    list.length = last;
    return true;
  }
  return false;
}

/** A uniform lat/lon grid of fixed-size number records (see `removeRecord`). */
class PointGrid {
  readonly cells = new Map<number, number[]>();
  count = 0;

  constructor(
    readonly cellDeg: number,
    readonly stride = 1,
  ) {}

  private keyOf(p: GeoPoint): number {
    return cellKey(Math.floor(p.latitude / this.cellDeg), Math.floor(p.longitude / this.cellDeg));
  }

  add(p: GeoPoint, record: readonly number[]): void {
    const key = this.keyOf(p);
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = []));
    for (const x of record) cell.push(x);
    this.count++;
  }

  remove(p: GeoPoint, recordKey: number): void {
    const key = this.keyOf(p);
    const cell = this.cells.get(key);
    if (!cell || !removeRecord(cell, this.stride, recordKey)) return;
    if (cell.length === 0) this.cells.delete(key);
    this.count--;
  }

  /** Calls `visit` for every entry in cells that may lie within `radiusKm` of `p`. */
  forEachNear(p: GeoPoint, radiusKm: number, visit: (entry: number) => void): void {
    const cells: number[][] = [];
    this.collectNear(p, radiusKm, cells);
    for (const cell of cells) for (const e of cell) visit(e);
  }

  /** Appends to `out` the cells that may hold entries within `radiusKm` of `p` (no callback: hot loops inline). */
  collectNear(p: GeoPoint, radiusKm: number, out: number[][]): void {
    if (this.count === 0) return;
    const { dLat, dLon } = boundingDegrees(p, radiusKm);
    const lat0 = Math.floor((p.latitude - dLat) / this.cellDeg);
    const lat1 = Math.floor((p.latitude + dLat) / this.cellDeg);
    const lonLow = dLon === null ? -Infinity : p.longitude - dLon;
    const lonHigh = dLon === null ? Infinity : p.longitude + dLon;
    const blockCells = dLon === null ? Infinity : (lat1 - lat0 + 1) * (Math.floor(lonHigh / this.cellDeg) - Math.floor(lonLow / this.cellDeg) + 1);
    // Near a pole, across the antimeridian, or when the block outnumbers the cells: scan all.
    if (lonLow < -180 || lonHigh > 180 || blockCells > this.cells.size) {
      for (const cell of this.cells.values()) out.push(cell);
      return;
    }
    const lon0 = Math.floor(lonLow / this.cellDeg);
    const lon1 = Math.floor(lonHigh / this.cellDeg);
    for (let la = lat0; la <= lat1; la++) {
      for (let lo = lon0; lo <= lon1; lo++) {
        const cell = this.cells.get(cellKey(la, lo));
        if (cell) out.push(cell);
      }
    }
  }
}

type RadiusClassGrid = { maxRadiusKm: number; grid: PointGrid };

/**
 * A volunteer's record in the grids: unit vector, squared chord of the radius,
 * capacity and history values, then slot × 4 + level (the key). Everything the
 * scan needs before deciding to look closer, in one cache line.
 */
const STRIDE = 7;

class SkillBucket {
  readonly classes: RadiusClassGrid[] = RADIUS_CLASSES.map((r) => ({
    maxRadiusKm: r,
    grid: new PointGrid(r / KM_PER_DEGREE, STRIDE),
  }));
  /** Radii above the last class: one coarse grid scanned whole. */
  readonly wide = new PointGrid(10, STRIDE);
  /** Records of volunteers who accept remote work (with or without a point; x is NaN without). */
  readonly remote: number[] = [];

  gridFor(radiusKm: number): PointGrid {
    return this.classes.find((c) => radiusKm <= c.maxRadiusKm)?.grid ?? this.wide;
  }
}

/** Entries pack a slot and a level code: slot × 4 + level. */
const pack = (slot: number, level: number) => slot * 4 + level;

/** A candidate pair as found by the index, before scoring. */
export type FoundPair = { volunteer: PreparedVolunteer; slot: number; levelCode: number; distanceKm: number | null; remote: boolean };
/** Positional form of `FoundPair`: the hot loop allocates nothing per pair. */
export type PairVisitor = (volunteer: PreparedVolunteer, slot: number, levelCode: number, distanceKm: number | null, remote: boolean) => void;
/** What the scan hands over: the slot, and the pair's facts and exact score. */
type SlotVisitor = (slot: number, levelCode: number, distanceKm: number | null, remote: boolean, hundredths: number) => void;

/** Domains with an id below this fit a bit mask; others fall back to the volunteer's array. */
const MASK_BITS = 30;

function domainMask(ids: readonly number[]): number {
  let mask = 0;
  for (const id of ids) mask |= id >= 1 && id <= MASK_BITS ? 1 << (id - 1) : 1 << MASK_BITS;
  return mask;
}

/**
 * Volunteers by skill and place. Every field the scan reads lives in a typed
 * array indexed by slot: with 100,000 people, touching each person's object
 * would cost a cache miss per candidate, far more than the arithmetic.
 *
 * Invariant: only available volunteers (not paused, capacity left) are in the
 * grids, each under the skills they have — so the scan need not re-check
 * those filters; it checks the pair filters (own project, declined, already
 * asked) and geography, then scores with the shared formula.
 */
export class MentorIndex {
  /** Volunteers by slot; a slot is a stable small integer (the round's volunteer index). */
  readonly slots: (PreparedVolunteer | null)[] = [];
  private readonly slotById = new Map<number, number>();
  private readonly freeSlots: number[] = [];
  private readonly buckets = new Map<number, SkillBucket>();
  private ids = new Int32Array(1024);
  private lat = new Float64Array(1024);
  private lon = new Float64Array(1024);
  private radius = new Float64Array(1024);
  /** The uncertainty of each volunteer's point (0 for a commune's own centre). */
  private uncertainty = new Float64Array(1024);
  /** Squared chord of the radius with slack; 0 = not indexed. */
  private chord2 = new Float64Array(1024);
  private lastActive = new Float64Array(1024);
  private domains = new Int32Array(1024);

  static build(volunteers: Iterable<PreparedVolunteer>): MentorIndex {
    const index = new MentorIndex();
    for (const v of volunteers) index.upsert(v);
    return index;
  }

  get size(): number {
    return this.slotById.size;
  }

  getById(id: number): PreparedVolunteer | null {
    const slot = this.slotById.get(id);
    return slot === undefined ? null : (this.slots[slot] ?? null);
  }

  slotOf(id: number): number | undefined {
    return this.slotById.get(id);
  }

  /** Every volunteer held, in slot order. */
  *all(): Iterable<PreparedVolunteer> {
    for (const v of this.slots) if (v) yield v;
  }

  /** Remaining capacity at a slot (0 when empty, paused or full): the round's capacities. */
  capacityAt(slot: number): number {
    const v = this.slots[slot];
    if (!v || v.paused) return 0;
    return Math.max(0, v.maxMentorships - v.activeMentorships);
  }

  private ensureSlot(slot: number): void {
    if (slot < this.ids.length) return;
    const size = Math.max(slot + 1, this.ids.length * 2);
    const grow = <A extends Float64Array | Int32Array>(a: A): A => {
      const b = new (a.constructor as new (n: number) => A)(size);
      b.set(a);
      return b;
    };
    this.ids = grow(this.ids);
    this.lat = grow(this.lat);
    this.lon = grow(this.lon);
    this.radius = grow(this.radius);
    this.uncertainty = grow(this.uncertainty);
    this.chord2 = grow(this.chord2);
    this.lastActive = grow(this.lastActive);
    this.domains = grow(this.domains);
  }

  /** Adds or replaces a volunteer. Paused and full volunteers are kept by id but not indexed. */
  upsert(v: PreparedVolunteer): void {
    let slot = this.slotById.get(v.id);
    if (slot !== undefined) this.unindex(slot);
    else {
      slot = this.freeSlots.pop() ?? this.slots.length;
      this.slotById.set(v.id, slot);
    }
    this.ensureSlot(slot);
    this.slots[slot] = v;
    if (v.paused || v.activeMentorships >= v.maxMentorships) return;
    this.ids[slot] = v.id;
    const [x, y, z] = v.point ? unitVector(v.point) : [Number.NaN, Number.NaN, Number.NaN];
    this.lat[slot] = v.point?.latitude ?? Number.NaN;
    this.lon[slot] = v.point?.longitude ?? Number.NaN;
    this.radius[slot] = v.radiusKm;
    this.uncertainty[slot] = v.point?.uncertaintyKm ?? 0;
    this.chord2[slot] = chordSquared(v.radiusKm * PREFILTER_SLACK + 1e-6);
    this.lastActive[slot] = v.lastActiveMs;
    this.domains[slot] = domainMask(v.domainIds);
    const record = [x, y, z, this.chord2[slot] as number, volunteerCapacityValue(v), volunteerTrackRecordValue(v), 0];
    forEachSkill(v, (skillId, level) => {
      let bucket = this.buckets.get(skillId);
      if (!bucket) this.buckets.set(skillId, (bucket = new SkillBucket()));
      record[STRIDE - 1] = pack(slot, level);
      if (v.point) bucket.gridFor(v.radiusKm).add(v.point, record);
      if (v.remoteOk) for (const value of record) bucket.remote.push(value);
    });
  }

  remove(id: number): void {
    const slot = this.slotById.get(id);
    if (slot === undefined) return;
    this.unindex(slot);
    this.slots[slot] = null;
    this.slotById.delete(id);
    this.freeSlots.push(slot);
  }

  private unindex(slot: number): void {
    const v = this.slots[slot];
    if (!v || this.chord2[slot] === 0) return;
    this.chord2[slot] = 0;
    forEachSkill(v, (skillId, level) => {
      const bucket = this.buckets.get(skillId);
      if (!bucket) return;
      const entry = pack(slot, level);
      if (v.point) bucket.gridFor(v.radiusKm).remove(v.point, entry);
      if (v.remoteOk) removeRecord(bucket.remote, STRIDE, entry);
    });
  }

  /**
   * Every pair (volunteer, need) passing all hard filters, in no particular
   * order. Same filters as `evaluateMentor`.
   */
  forEachEligible(need: PreparedNeed, visit: PairVisitor): void {
    const w = compileMentorWeights(DEFAULT_MENTOR_WEIGHTS);
    this.scan(need, w, 0, null, (slot, level, d, remote) => visit(this.slots[slot] as PreparedVolunteer, slot, level, d, remote));
  }

  /**
   * The scan behind every query. With a `top` list, a candidate whose score
   * cannot reach the list's floor is dropped before any trig or filter: its
   * upper bound takes the skill part exactly, a distance no shorter than the
   * chord (asin x ≥ x), domain and recency at their maximum, and the exact
   * capacity and history values. The bound is recorded with `skip`, so the
   * round's certificate stays sound.
   */
  private scan(need: PreparedNeed, w: CompiledMentorWeights, nowMs: number, top: TopK<unknown> | null, visit: SlotVisitor): void {
    const project = need.project;
    if (!need.open || !project.published) return;
    const bucket = this.buckets.get(need.skillId);
    if (!bucket) return;
    const point = project.point;
    const { x, y, z, ownerId } = project;
    const declined = project.declinedVolunteerIds;
    const asked = need.openVolunteerIds;
    const checkSets = declined.size > 0 || asked.size > 0;
    const domainId = project.activityDomainId;
    const domainBit = domainId >= 1 && domainId <= MASK_BITS ? 1 << (domainId - 1) : 0;
    const pf = need.priorityFactor;
    const { ids, lat, lon, radius, uncertainty, lastActive, domains, slots } = this;
    const plat = point?.latitude ?? Number.NaN;
    const plon = point?.longitude ?? Number.NaN;
    const pu = point?.uncertaintyKm ?? 0;
    // Upper-bound pieces: the skill part per level (exact), domain and recency at 1.
    const s0 = w.skillLevel * skillLevelValue(0, pf);
    const s1 = w.skillLevel * skillLevelValue(1, pf);
    const s2 = w.skillLevel * skillLevelValue(2, pf);
    const fixedPart = w.sharedDomain + w.recency;
    const distanceScale = EARTH_RADIUS_KM / DISTANCE_HALF_KM;

    const bounding = top !== null;
    const wDistance = w.distance;
    const wCapacity = w.capacity;
    const wTrack = w.trackRecord;
    const shares = (slot: number): boolean => {
      const mask = domains[slot] as number;
      if (domainBit !== 0) return (mask & domainBit) !== 0;
      return (mask & (1 << MASK_BITS)) !== 0 && (slots[slot]?.domainIds.includes(domainId) ?? false);
    };
    // The loops below are written out flat (no per-entry closures): they run
    // millions of times in a national round.

    if (point) {
      const cells: number[][] = [];
      for (const c of bucket.classes) c.grid.collectNear(point, c.maxRadiusKm, cells);
      bucket.wide.collectNear(point, Infinity, cells);
      for (const cell of cells) {
        for (let i = 0; i < cell.length; i += STRIDE) {
          const dx = (cell[i] as number) - x;
          const dy = (cell[i + 1] as number) - y;
          const dz = (cell[i + 2] as number) - z;
          const c2 = dx * dx + dy * dy + dz * dz;
          // Beyond the radius: out at once, without touching anything else.
          if (!(c2 <= (cell[i + 3] as number))) continue;
          const entry = cell[i + 6] as number;
          const slot = entry >> 2;
          const level = entry & 3;
          if (bounding) {
            const ub =
              (level === 2 ? s2 : level === 1 ? s1 : s0) +
              wDistance / (1 + Math.sqrt(c2) * distanceScale) +
              wCapacity * (cell[i + 4] as number) +
              wTrack * (cell[i + 5] as number) +
              fixedPart;
            const h = Math.round(ub * 100 + 1e-6);
            if (h < top.floor) {
              if (h > 0) top.skip(h);
              continue;
            }
          }
          const id = ids[slot] as number;
          if (id === ownerId || (checkSets && (declined.has(id) || asked.has(id)))) continue;
          const d = haversineKmRaw(lat[slot] as number, lon[slot] as number, plat, plon);
          if (d > (radius[slot] as number)) continue;
          const scored = scoredDistanceKm(d, (uncertainty[slot] as number) + pu);
          const h = scoreHundredths(level, pf, scored, shares(slot), cell[i + 4] as number, cell[i + 5] as number, lastActive[slot] as number, w, nowMs);
          visit(slot, level, d, false, h);
        }
      }
    }
    if (project.remoteOk) {
      const remote = bucket.remote;
      for (let i = 0; i < remote.length; i += STRIDE) {
        const entry = remote[i + 6] as number;
        const slot = entry >> 2;
        const level = entry & 3;
        const vx = remote[i] as number;
        const located = point !== null && vx === vx; // NaN ≠ NaN: no point
        let chordLength = 0;
        let d: number | null = null;
        if (located) {
          const dx = vx - x;
          const dy = (remote[i + 1] as number) - y;
          const dz = (remote[i + 2] as number) - z;
          const c2 = dx * dx + dy * dy + dz * dz;
          chordLength = Math.sqrt(c2);
          if (c2 <= (remote[i + 3] as number)) {
            // Within the radius, or at its very edge: decide exactly as the grid did.
            d = haversineKmRaw(lat[slot] as number, lon[slot] as number, plat, plon);
            if (d <= (radius[slot] as number)) continue;
          }
        }
        if (bounding) {
          const ub =
            (level === 2 ? s2 : level === 1 ? s1 : s0) +
            wDistance / (1 + chordLength * distanceScale) +
            wCapacity * (remote[i + 4] as number) +
            wTrack * (remote[i + 5] as number) +
            fixedPart;
          const h = Math.round(ub * 100 + 1e-6);
          if (h < top.floor) {
            if (h > 0) top.skip(h);
            continue;
          }
        }
        const id = ids[slot] as number;
        if (id === ownerId || (checkSets && (declined.has(id) || asked.has(id)))) continue;
        if (located && d === null) d = haversineKmRaw(lat[slot] as number, lon[slot] as number, plat, plon);
        const scored = scoredDistanceKm(d, (uncertainty[slot] as number) + pu);
        const h = scoreHundredths(level, pf, scored, shares(slot), remote[i + 4] as number, remote[i + 5] as number, lastActive[slot] as number, w, nowMs);
        visit(slot, level, d, true, h);
      }
    }
  }

  /** The best `limit` mentors for a need, best first (score desc, volunteer id asc). */
  topMentors(need: PreparedNeed, limit: number, w: CompiledMentorWeights, nowMs: number): MentorMatch[] {
    const top = new TopK<{ slot: number; levelCode: number; distanceKm: number | null; remote: boolean }>(limit);
    const ids = this.ids;
    this.scan(need, w, nowMs, top, (slot, levelCode, distanceKm, remote, h) => {
      const id = ids[slot] as number;
      if (top.admits(h, id)) top.offer(h, id, () => ({ slot, levelCode, distanceKm, remote }));
      else top.skip(h);
    });
    return top.result().map(({ item }) => {
      const v = this.slots[item.slot] as PreparedVolunteer;
      return buildMentorMatch(v, need, item.levelCode, { distanceKm: item.distanceKm, remote: item.remote }, w, nowMs);
    });
  }

  /**
   * A need's candidates for the round: slots and integer weights, best first.
   * `nextWeight` may be an upper bound of the best left-out weight (never less):
   * enough for the round's certificate, which only needs "no left-out edge is heavier".
   */
  roundCandidates(need: PreparedNeed, limit: number, w: CompiledMentorWeights, nowMs: number): CandidateList {
    const top = new TopK<number>(limit);
    const ids = this.ids;
    this.scan(need, w, nowMs, top, (slot, _level, _d, _remote, h) => {
      if (h <= 0) return; // a zero-weight edge cannot raise the total
      const id = ids[slot] as number;
      if (top.admits(h, id)) top.offer(h, id, () => slot);
      else top.skip(h);
    });
    const kept = top.result();
    return {
      // Plain arrays: thousands of tiny typed arrays cost more than their contents.
      volunteers: kept.map((e) => e.item),
      weights: kept.map((e) => e.h),
      complete: top.complete,
      nextWeight: top.bestLeftOut,
    };
  }
}

// ---------------------------------------------------------------------------
// Needs, for « Projets pour moi »

/** Grid cell side for needs: about 28 km. */
const NEED_CELL_DEG = 0.25;

class NeedBucket {
  readonly grid = new PointGrid(NEED_CELL_DEG);
  readonly remote: number[] = [];
}

export type FoundNeedPair = { need: PreparedNeed; levelCode: number; distanceKm: number | null; remote: boolean };

export class NeedIndex {
  readonly slots: (PreparedNeed | null)[] = [];
  private readonly slotById = new Map<number, number>();
  private readonly slotsByProject = new Map<number, number[]>();
  private readonly freeSlots: number[] = [];
  private readonly buckets = new Map<number, NeedBucket>();

  static build(needs: Iterable<PreparedNeed>): NeedIndex {
    const index = new NeedIndex();
    for (const n of needs) index.add(n);
    return index;
  }

  get size(): number {
    return this.slotById.size;
  }

  getById(id: number): PreparedNeed | null {
    const slot = this.slotById.get(id);
    return slot === undefined ? null : (this.slots[slot] ?? null);
  }

  /** All needs held, in slot order. */
  *all(): Iterable<PreparedNeed> {
    for (const n of this.slots) if (n) yield n;
  }

  /** Only open needs of published projects are indexed for search; others are kept by id. */
  add(n: PreparedNeed): void {
    if (this.slotById.has(n.id)) this.removeNeed(n.id);
    const slot = this.freeSlots.pop() ?? this.slots.length;
    this.slots[slot] = n;
    this.slotById.set(n.id, slot);
    const list = this.slotsByProject.get(n.projectId);
    if (list) list.push(slot);
    else this.slotsByProject.set(n.projectId, [slot]);
    if (!n.open || !n.project.published) return;
    let bucket = this.buckets.get(n.skillId);
    if (!bucket) this.buckets.set(n.skillId, (bucket = new NeedBucket()));
    if (n.project.point) bucket.grid.add(n.project.point, [slot]);
    if (n.project.remoteOk) bucket.remote.push(slot);
  }

  private removeNeed(id: number): void {
    const slot = this.slotById.get(id);
    if (slot === undefined) return;
    const n = this.slots[slot];
    if (n) {
      const bucket = this.buckets.get(n.skillId);
      if (bucket && n.open && n.project.published) {
        if (n.project.point) bucket.grid.remove(n.project.point, slot);
        const i = bucket.remote.indexOf(slot);
        if (i >= 0) {
          bucket.remote[i] = bucket.remote[bucket.remote.length - 1] as number;
          bucket.remote.pop();
        }
      }
      const list = this.slotsByProject.get(n.projectId);
      if (list) {
        list.splice(list.indexOf(slot), 1);
        if (list.length === 0) this.slotsByProject.delete(n.projectId);
      }
    }
    this.slots[slot] = null;
    this.slotById.delete(id);
    this.freeSlots.push(slot);
  }

  /** Drops every need of a project (before re-adding its current ones). */
  removeProject(projectId: number): void {
    const slots = [...(this.slotsByProject.get(projectId) ?? [])];
    for (const slot of slots) {
      const n = this.slots[slot];
      if (n) this.removeNeed(n.id);
    }
  }

  needsOfProject(projectId: number): PreparedNeed[] {
    return (this.slotsByProject.get(projectId) ?? []).flatMap((s) => (this.slots[s] ? [this.slots[s] as PreparedNeed] : []));
  }

  /** Every open need the volunteer passes all hard filters for. */
  forEachEligible(v: PreparedVolunteer, visit: (pair: FoundNeedPair) => void): void {
    if (v.paused || v.activeMentorships >= v.maxMentorships) return;
    for (const packed of v.skills) {
      const skillId = packed >> 2;
      const levelCode = packed & 3;
      const bucket = this.buckets.get(skillId);
      if (!bucket) continue;
      const accept = (need: PreparedNeed, distanceKm: number | null, remote: boolean) => {
        if (mentorPairRejection(v, need) === null) visit({ need, levelCode, distanceKm, remote });
      };
      const point = v.point;
      if (point) {
        bucket.grid.forEachNear(point, v.radiusKm * PREFILTER_SLACK + 1e-6, (slot) => {
          const need = this.slots[slot];
          const p = need?.project.point;
          if (!need || !p) return;
          const d = haversineKm(point, p);
          if (d <= v.radiusKm) accept(need, d, false);
        });
      }
      if (v.remoteOk) {
        for (const slot of bucket.remote) {
          const need = this.slots[slot];
          if (!need) continue;
          const p = need.project.point;
          const d = p && point ? haversineKm(point, p) : null;
          if (d !== null && d <= v.radiusKm) continue; // found through the grid
          accept(need, d, true);
        }
      }
    }
  }

  /**
   * The best `limit` needs for a volunteer, best first (score desc, need id asc).
   * `w` may depend on the need (each pôle scores its projects with its own
   * weights), so a pair scores the same seen from either side.
   */
  topNeeds(
    v: PreparedVolunteer,
    limit: number,
    w: CompiledMentorWeights | ((need: PreparedNeed) => CompiledMentorWeights),
    nowMs: number,
  ): MentorMatch[] {
    const weightsOf = typeof w === "function" ? w : () => w;
    const top = new TopK<FoundNeedPair>(limit);
    this.forEachEligible(v, (pair) => {
      const h = mentorScoreHundredths(v, pair.need, pair.levelCode, pair.distanceKm, weightsOf(pair.need), nowMs);
      top.offer(h, pair.need.id, () => pair);
    });
    return top
      .result()
      .map(({ item }) =>
        buildMentorMatch(v, item.need, item.levelCode, { distanceKm: item.distanceKm, remote: item.remote }, weightsOf(item.need), nowMs),
      );
  }
}
