/**
 * In-memory indexes so that suggesting for one need (or one volunteer) looks
 * only at plausible pairs instead of every volunteer having the skill.
 *
 * Volunteers: per skill, one uniform lat/lon grid per radius class (cell side =
 * the class's largest radius), so the cells that can hold a volunteer whose own
 * radius reaches the project are a 3×3-to-5 block around it; plus, per skill,
 * the list of volunteers who accept remote work. Every pair found is then put
 * through the same hard filters and the same scoring code as `evaluateMentor`,
 * so the index can only change speed, never results.
 *
 * Needs (for « Projets pour moi »): per skill, a grid of open needs of
 * published projects and the list of those whose project accepts remote work.
 *
 * Both support upsert/remove, so the adapter can apply small changes in place.
 */
import { boundingDegrees, chordSquared, haversineKm, KM_PER_DEGREE, type GeoPoint } from "./geo";
import {
  buildMentorMatch,
  mentorPairRejection,
  mentorScoreHundredths,
  type CompiledMentorWeights,
  type MentorMatch,
  type PreparedNeed,
  type PreparedVolunteer,
} from "./mentor";
import type { CandidateList } from "./round";
import { TopK } from "./top-k";

/** Upper bounds of the radius classes, km. Larger radii go to a class scanned whole. */
export const RADIUS_CLASSES = [5, 10, 20, 30, 50, 100, 200, 500, 1000] as const;
/** Slack on the chord prefilter: it may let a few extra pairs through, never drop one. */
const PREFILTER_SLACK = 1 + 1e-6;

function cellKey(latCell: number, lonCell: number): number {
  return (latCell + 50_000) * 100_000 + (lonCell + 50_000);
}

/** A uniform lat/lon grid of integer entries. */
class PointGrid {
  readonly cells = new Map<number, number[]>();
  count = 0;

  constructor(readonly cellDeg: number) {}

  private keyOf(p: GeoPoint): number {
    return cellKey(Math.floor(p.latitude / this.cellDeg), Math.floor(p.longitude / this.cellDeg));
  }

  add(p: GeoPoint, entry: number): void {
    const key = this.keyOf(p);
    const cell = this.cells.get(key);
    if (cell) cell.push(entry);
    else this.cells.set(key, [entry]);
    this.count++;
  }

  remove(p: GeoPoint, entry: number): void {
    const key = this.keyOf(p);
    const cell = this.cells.get(key);
    if (!cell) return;
    const i = cell.indexOf(entry);
    if (i < 0) return;
    cell[i] = cell[cell.length - 1] as number;
    cell.pop();
    if (cell.length === 0) this.cells.delete(key);
    this.count--;
  }

  /** Calls `visit` for every entry in cells that may lie within `radiusKm` of `p`. */
  forEachNear(p: GeoPoint, radiusKm: number, visit: (entry: number) => void): void {
    if (this.count === 0) return;
    const { dLat, dLon } = boundingDegrees(p, radiusKm);
    const lat0 = Math.floor((p.latitude - dLat) / this.cellDeg);
    const lat1 = Math.floor((p.latitude + dLat) / this.cellDeg);
    const lonLow = dLon === null ? -Infinity : p.longitude - dLon;
    const lonHigh = dLon === null ? Infinity : p.longitude + dLon;
    const blockCells = dLon === null ? Infinity : (lat1 - lat0 + 1) * (Math.floor(lonHigh / this.cellDeg) - Math.floor(lonLow / this.cellDeg) + 1);
    // Near a pole, across the antimeridian, or when the block outnumbers the cells: scan all.
    if (lonLow < -180 || lonHigh > 180 || blockCells > this.cells.size) {
      for (const cell of this.cells.values()) for (const e of cell) visit(e);
      return;
    }
    const lon0 = Math.floor(lonLow / this.cellDeg);
    const lon1 = Math.floor(lonHigh / this.cellDeg);
    for (let la = lat0; la <= lat1; la++) {
      for (let lo = lon0; lo <= lon1; lo++) {
        const cell = this.cells.get(cellKey(la, lo));
        if (cell) for (const e of cell) visit(e);
      }
    }
  }
}

type RadiusClassGrid = { maxRadiusKm: number; grid: PointGrid };

class SkillBucket {
  readonly classes: RadiusClassGrid[] = RADIUS_CLASSES.map((r) => ({ maxRadiusKm: r, grid: new PointGrid(r / KM_PER_DEGREE) }));
  /** Radii above the last class: one coarse grid scanned whole. */
  readonly wide = new PointGrid(10);
  /** Entries of volunteers who accept remote work (with or without a point). */
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

export class MentorIndex {
  /** Volunteers by slot; a slot is a stable small integer (the round's volunteer index). */
  readonly slots: (PreparedVolunteer | null)[] = [];
  private readonly slotById = new Map<number, number>();
  private readonly freeSlots: number[] = [];
  private readonly chord2 = new Map<number, number>();
  private readonly buckets = new Map<number, SkillBucket>();

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

  /** Remaining capacity at a slot (0 when empty, paused or full): the round's capacities. */
  capacityAt(slot: number): number {
    const v = this.slots[slot];
    if (!v || v.paused) return 0;
    return Math.max(0, v.maxMentorships - v.activeMentorships);
  }

  /** Adds or replaces a volunteer. Paused and full volunteers are kept by id but not indexed. */
  upsert(v: PreparedVolunteer): void {
    let slot = this.slotById.get(v.id);
    if (slot !== undefined) this.unindex(slot);
    else {
      slot = this.freeSlots.pop() ?? this.slots.length;
      this.slotById.set(v.id, slot);
    }
    this.slots[slot] = v;
    if (v.paused || v.activeMentorships >= v.maxMentorships) return;
    this.chord2.set(slot, chordSquared(v.radiusKm * PREFILTER_SLACK + 1e-6));
    for (const [skillId, level] of v.skillLevels) {
      let bucket = this.buckets.get(skillId);
      if (!bucket) this.buckets.set(skillId, (bucket = new SkillBucket()));
      if (v.point) bucket.gridFor(v.radiusKm).add(v.point, pack(slot, level));
      if (v.remoteOk) bucket.remote.push(pack(slot, level));
    }
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
    if (!v || !this.chord2.has(slot)) return;
    this.chord2.delete(slot);
    for (const [skillId, level] of v.skillLevels) {
      const bucket = this.buckets.get(skillId);
      if (!bucket) continue;
      const entry = pack(slot, level);
      if (v.point) bucket.gridFor(v.radiusKm).remove(v.point, entry);
      if (v.remoteOk) {
        const i = bucket.remote.indexOf(entry);
        if (i >= 0) {
          bucket.remote[i] = bucket.remote[bucket.remote.length - 1] as number;
          bucket.remote.pop();
        }
      }
    }
  }

  /**
   * Every pair (volunteer, need) passing all hard filters, in no particular
   * order. Same filters as `evaluateMentor`.
   */
  forEachEligible(need: PreparedNeed, visit: PairVisitor): void {
    const project = need.project;
    if (!need.open || !project.published) return;
    const bucket = this.buckets.get(need.skillId);
    if (!bucket) return;
    const accept = (slot: number, levelCode: number, distanceKm: number | null, remote: boolean) => {
      const v = this.slots[slot];
      if (!v || mentorPairRejection(v, need) !== null) return;
      visit(v, slot, levelCode, distanceKm, remote);
    };
    const point = project.point;
    if (point) {
      const { x, y, z } = project;
      const scan = (entry: number) => {
        const slot = entry >> 2;
        const v = this.slots[slot];
        if (!v?.point) return;
        const dx = v.x - x;
        const dy = v.y - y;
        const dz = v.z - z;
        if (dx * dx + dy * dy + dz * dz > (this.chord2.get(slot) ?? 0)) return;
        const d = haversineKm(v.point, point);
        if (d <= v.radiusKm) accept(slot, entry & 3, d, false);
      };
      for (const c of bucket.classes) c.grid.forEachNear(point, c.maxRadiusKm, scan);
      bucket.wide.forEachNear(point, Infinity, scan);
    }
    if (project.remoteOk) {
      for (const entry of bucket.remote) {
        const slot = entry >> 2;
        const v = this.slots[slot];
        if (!v) continue;
        const d = v.point && point ? haversineKm(v.point, point) : null;
        if (d !== null && d <= v.radiusKm) continue; // already found through the grid
        accept(slot, entry & 3, d, true);
      }
    }
  }

  /** The best `limit` mentors for a need, best first (score desc, volunteer id asc). */
  topMentors(need: PreparedNeed, limit: number, w: CompiledMentorWeights, nowMs: number): MentorMatch[] {
    const top = new TopK<FoundPair>(limit);
    this.forEachEligible(need, (volunteer, slot, levelCode, distanceKm, remote) => {
      const h = mentorScoreHundredths(volunteer, need, levelCode, distanceKm, w, nowMs);
      if (top.admits(h, volunteer.id)) top.offer(h, volunteer.id, () => ({ volunteer, slot, levelCode, distanceKm, remote }));
      else top.skip(h);
    });
    return top
      .result()
      .map(({ item }) =>
        buildMentorMatch(item.volunteer, need, item.levelCode, { distanceKm: item.distanceKm, remote: item.remote }, w, nowMs),
      );
  }

  /** A need's candidates for the round: slots and integer weights, best first. */
  roundCandidates(need: PreparedNeed, limit: number, w: CompiledMentorWeights, nowMs: number): CandidateList {
    const top = new TopK<number>(limit);
    this.forEachEligible(need, (volunteer, slot, levelCode, distanceKm) => {
      const h = mentorScoreHundredths(volunteer, need, levelCode, distanceKm, w, nowMs);
      if (h <= 0) return; // a zero-weight edge cannot raise the total
      if (top.admits(h, volunteer.id)) top.offer(h, volunteer.id, () => slot);
      else top.skip(h);
    });
    const kept = top.result();
    return {
      volunteers: Int32Array.from(kept, (e) => e.item),
      weights: Int32Array.from(kept, (e) => e.h),
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
    if (n.project.point) bucket.grid.add(n.project.point, slot);
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
    for (const [skillId, levelCode] of v.skillLevels) {
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

  /** The best `limit` needs for a volunteer, best first (score desc, need id asc). */
  topNeeds(v: PreparedVolunteer, limit: number, w: CompiledMentorWeights, nowMs: number): MentorMatch[] {
    const top = new TopK<FoundNeedPair>(limit);
    this.forEachEligible(v, (pair) => {
      const h = mentorScoreHundredths(v, pair.need, pair.levelCode, pair.distanceKm, w, nowMs);
      top.offer(h, pair.need.id, () => pair);
    });
    return top
      .result()
      .map(({ item }) =>
        buildMentorMatch(v, item.need, item.levelCode, { distanceKm: item.distanceKm, remote: item.remote }, w, nowMs),
      );
  }
}
