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
import { DAY_MS } from "../paris-time";
import { boundingDegrees, chordSquared, EARTH_RADIUS_KM, haversineKm, haversineKmRaw, KM_PER_DEGREE, scoredDistanceKm, unitVector, type GeoPoint } from "./geo";
import {
  buildMentorMatch,
  compileMentorWeights,
  DISTANCE_HALF_KM,
  forEachSkill,
  mentorPairRejection,
  mentorScoreHundredths,
  RECENCY_HALF_LIFE_DAYS,
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

/**
 * A volunteer's record in the grids: unit vector, squared chord of the radius,
 * capacity and history values, recency at a fixed epoch, domain mask, then
 * slot × 4 + level (the key). Everything the scan needs to bound the pair's
 * score — exact but for the distance — before touching anything else.
 */
const STRIDE = 9;
const R_RECENCY = 6;
const R_MASK = 7;
/** Skill level codes (notions, confirmé, expert): a cell keeps one record list per level. */
const LEVELS = 3;

/**
 * Recency is 2^((lastActive − now) / half-life): stored as 2^((lastActive − epoch) / half-life),
 * it becomes the query's value by one product with 2^((epoch − now) / half-life), with no
 * power per record. The epoch only keeps both factors inside a double's range.
 */
const RECENCY_EPOCH_MS = Date.UTC(2100, 0, 1);
const RECENCY_HALF_LIFE_MS = RECENCY_HALF_LIFE_DAYS * DAY_MS;
const recencyAtEpoch = (lastActiveMs: number) => 2 ** ((lastActiveMs - RECENCY_EPOCH_MS) / RECENCY_HALF_LIFE_MS);
const recencyFactor = (nowMs: number) => 2 ** ((RECENCY_EPOCH_MS - nowMs) / RECENCY_HALF_LIFE_MS) * (1 + 1e-9);

/** Upper bounds of the radius classes, km. Larger radii go to one more grid. */
export const RADIUS_CLASSES = [5, 10, 20, 30, 50, 100, 200, 500, 1000] as const;
/** Cells are as wide as their class's radius, up to this many km (so the floor's cutoff can trim wide classes). */
const MAX_CELL_KM = 50;
/** Remote volunteers' cells, degrees (≈ 55 × 38 km in France). */
const REMOTE_CELL_DEG = 0.5;
/** Per-cell numbers, in one typed array: centre (unit vector), bounding chord, then maxima. */
const META = 9;
const M_X = 0;
const M_Y = 1;
const M_Z = 2;
/** Chord from the centre to the farthest record ever added (never shrinks: stays an upper bound). */
const M_RC = 3;
/** Largest radius chord², capacity value, history value and level code ever added. */
const M_CHORD2 = 4;
const M_CAP = 5;
const M_TRACK = 6;
const M_LEVEL = 7;
const M_RECENCY = 8;
/** Kilometres of arc per unit of chord, over the distance's half value: the distance part of a bound. */
const DISTANCE_SCALE = EARTH_RADIUS_KM / DISTANCE_HALF_KM;
/** Slack on bounding chords: rounding can only widen a bound. */
const CHORD_SLACK = 1e-12;

/** Small integers (< 2²⁸ for cells of ≥ 0.022°): a Map keyed by heap numbers hashes much slower. */
function fineKey(i: number, j: number): number {
  return (i + 8192) * 16384 + (j + 8192);
}

/** `refine` halves a grid's cells while they hold more records than this on average. */
const RECORDS_PER_CELL = 96;
/** …down to this side, degrees (≈ 2.8 km). */
const MIN_CELL_DEG = 0.025;

/**
 * One skill's volunteers on a uniform grid of small cells. Each cell keeps a
 * bounding sphere of its records and the maxima of what scores them, so a
 * query walks the cells nearest first and stops where no record left could
 * reach its list (see `MentorIndex.scan`). Maxima only grow (a removal keeps
 * them): they stay upper bounds whatever the order of changes.
 */
class VolunteerGrid {
  private index = new Map<number, number>();
  /** Cell c's records of level code l at `c * LEVELS + l`: a query reads the experts first and may skip the rest. */
  recs: number[][] = [];
  meta = new Float64Array(64 * META);
  /** Index extents of the cells ever created (never shrink). */
  i0 = Infinity;
  i1 = -Infinity;
  j0 = Infinity;
  j1 = -Infinity;
  /** Maxima over every record ever added. */
  maxChord2 = 0;
  maxCap = 0;
  maxTrack = 0;
  maxLevel = 0;
  maxRecency = 0;
  maxRadiusKm = 0;

  constructor(public cellDeg: number) {}

  latIndex(latitude: number): number {
    return Math.floor(latitude / this.cellDeg);
  }

  lonIndex(longitude: number): number {
    return Math.floor(longitude / this.cellDeg);
  }

  get cellCount(): number {
    return this.recs.length / LEVELS;
  }

  cellAt(i: number, j: number): number {
    return this.index.get(fineKey(i, j)) ?? -1;
  }

  add(p: GeoPoint, radiusKm: number, record: readonly number[]): void {
    const i = this.latIndex(p.latitude);
    const j = this.lonIndex(p.longitude);
    const key = fineKey(i, j);
    let c = this.index.get(key);
    if (c === undefined) {
      c = this.cellCount;
      this.index.set(key, c);
      this.recs.push([], [], []);
      if ((c + 1) * META > this.meta.length) {
        const grown = new Float64Array(this.meta.length * 2);
        grown.set(this.meta);
        this.meta = grown;
      }
      const [cx, cy, cz] = unitVector({ latitude: (i + 0.5) * this.cellDeg, longitude: (j + 0.5) * this.cellDeg });
      this.meta[c * META + M_X] = cx;
      this.meta[c * META + M_Y] = cy;
      this.meta[c * META + M_Z] = cz;
      this.i0 = Math.min(this.i0, i);
      this.i1 = Math.max(this.i1, i);
      this.j0 = Math.min(this.j0, j);
      this.j1 = Math.max(this.j1, j);
    }
    const m = this.meta;
    const b = c * META;
    const dx = (record[0] as number) - (m[b + M_X] as number);
    const dy = (record[1] as number) - (m[b + M_Y] as number);
    const dz = (record[2] as number) - (m[b + M_Z] as number);
    const rc = Math.sqrt(dx * dx + dy * dy + dz * dz) * (1 + 1e-9) + CHORD_SLACK;
    const chord2 = record[3] as number;
    const cap = record[4] as number;
    const track = record[5] as number;
    const level = (record[STRIDE - 1] as number) & 3;
    const recency = record[R_RECENCY] as number;
    m[b + M_RC] = Math.max(m[b + M_RC] as number, rc);
    m[b + M_CHORD2] = Math.max(m[b + M_CHORD2] as number, chord2);
    m[b + M_CAP] = Math.max(m[b + M_CAP] as number, cap);
    m[b + M_TRACK] = Math.max(m[b + M_TRACK] as number, track);
    m[b + M_LEVEL] = Math.max(m[b + M_LEVEL] as number, level);
    m[b + M_RECENCY] = Math.max(m[b + M_RECENCY] as number, recency);
    this.maxChord2 = Math.max(this.maxChord2, chord2);
    this.maxCap = Math.max(this.maxCap, cap);
    this.maxTrack = Math.max(this.maxTrack, track);
    this.maxLevel = Math.max(this.maxLevel, level);
    this.maxRecency = Math.max(this.maxRecency, recency);
    this.maxRadiusKm = Math.max(this.maxRadiusKm, radiusKm);
    const cell = this.recs[c * LEVELS + level] as number[];
    for (const x of record) cell.push(x);
  }

  /**
   * Sized by the data: halves the cells while they hold more than
   * `RECORDS_PER_CELL` records on average (a national index is ten times as
   * dense as a regional one, and a dense cell is read whole), then rebuilds
   * them from the records. `pointOf` gives a record's point by its slot.
   */
  refine(pointOf: (slot: number) => GeoPoint): void {
    let records = 0;
    for (const cell of this.recs) records += cell.length / STRIDE;
    if (this.cellCount === 0 || records / this.cellCount <= RECORDS_PER_CELL || this.cellDeg / 2 < MIN_CELL_DEG) return;
    const old = this.recs;
    this.cellDeg /= 2;
    this.index = new Map();
    this.recs = [];
    this.meta = new Float64Array(64 * META);
    this.i0 = Infinity;
    this.i1 = -Infinity;
    this.j0 = Infinity;
    this.j1 = -Infinity;
    const record: number[] = new Array<number>(STRIDE).fill(0);
    for (const cell of old) {
      for (let i = 0; i < cell.length; i += STRIDE) {
        for (let k = 0; k < STRIDE; k++) record[k] = cell[i + k] as number;
        this.add(pointOf((record[STRIDE - 1] as number) >> 2), this.maxRadiusKm, record);
      }
    }
    this.refine(pointOf);
  }

  remove(p: GeoPoint, recordKey: number): void {
    const c = this.cellAt(this.latIndex(p.latitude), this.lonIndex(p.longitude));
    if (c >= 0) removeRecord(this.recs[c * LEVELS + (recordKey & 3)] as number[], STRIDE, recordKey);
  }
}

class SkillBucket {
  /** Volunteers with a point, by where they live, one grid per radius class (the last: larger radii). */
  readonly local: VolunteerGrid[] = [...RADIUS_CLASSES, 5000].map((r) => new VolunteerGrid(Math.min(r, MAX_CELL_KM) / KM_PER_DEGREE));
  /** Volunteers with a point who accept remote work. */
  readonly remote = new VolunteerGrid(REMOTE_CELL_DEG);

  localFor(radiusKm: number): VolunteerGrid {
    const k = RADIUS_CLASSES.findIndex((r) => radiusKm <= r);
    return this.local[k < 0 ? RADIUS_CLASSES.length : k] as VolunteerGrid;
  }
  /** Records of volunteers who accept remote work and have no point (x is NaN). */
  readonly remoteNoPoint: number[] = [];
}

/** The walk of one grid: a box of cell indices, shrunk as the list's floor rises. */
type Box = { i0: number; i1: number; j0: number; j1: number };

function boxFor(grid: VolunteerGrid, p: GeoPoint, km: number, out: Box): void {
  out.i0 = grid.i0;
  out.i1 = grid.i1;
  out.j0 = grid.j0;
  out.j1 = grid.j1;
  if (!(km < Infinity)) return;
  const { dLat, dLon } = boundingDegrees(p, km);
  out.i0 = Math.max(out.i0, grid.latIndex(p.latitude - dLat));
  out.i1 = Math.min(out.i1, grid.latIndex(p.latitude + dLat));
  if (dLon === null) return;
  const lonLow = p.longitude - dLon;
  const lonHigh = p.longitude + dLon;
  // Across the antimeridian the box keeps every longitude.
  if (lonLow < -180 || lonHigh > 180) return;
  out.j0 = Math.max(out.j0, grid.lonIndex(lonLow));
  out.j1 = Math.min(out.j1, grid.lonIndex(lonHigh));
}

/**
 * The great-circle distance beyond which no record of `grid` can score `floor`
 * hundredths (Infinity when any distance still could): solves the score bound
 * (level, capacity and history at the grid's maxima, domain and recency at 1)
 * for the chord. Only speed depends on its precision: the walk records the
 * bound at the distance it stops at, which is sound by itself.
 */
function cutoffKm(floor: number, rest: number, wDistance: number): number {
  if (floor === -Infinity) return Infinity;
  const allowance = (floor - 0.5 - 1e-6) / 100 - rest;
  if (!(allowance > 0)) return Infinity;
  const chord = Math.max(0, (wDistance / allowance - 1) / DISTANCE_SCALE);
  if (chord >= 2) return Infinity;
  return 2 * EARTH_RADIUS_KM * Math.asin(chord / 2) * (1 + 1e-9) + 1e-9;
}

/** The per-slot columns a scan reads. */
type Columns = {
  ids: Int32Array;
  lat: Float64Array;
  lon: Float64Array;
  radius: Float64Array;
  uncertainty: Float64Array;
  lastActive: Float64Array;
  domains: Int32Array;
  slots: readonly (PreparedVolunteer | null)[];
};

/**
 * One query's scan (see `MentorIndex.scan`): its constants in fields and its
 * loops in methods, not closures, so nothing is allocated per cell or record.
 * The record loops are written out flat: they run millions of times in a
 * national round.
 */
class ScanRun {
  private readonly x: number;
  private readonly y: number;
  private readonly z: number;
  private readonly ownerId: number;
  private readonly declined: ReadonlySet<number>;
  private readonly asked: ReadonlySet<number>;
  private readonly checkSets: boolean;
  private readonly domainId: number;
  private readonly domainBit: number;
  private readonly pf: number;
  private readonly hasPoint: boolean;
  private readonly plat: number;
  private readonly plon: number;
  private readonly pu: number;
  // Upper-bound pieces: the skill part per level (exact), domain and recency at 1.
  private readonly s0: number;
  private readonly s1: number;
  private readonly s2: number;
  private readonly wDomain: number;
  private readonly wRecency: number;
  /** The record's mask bit that may mean a shared domain. */
  private readonly domainTest: number;
  private readonly recencyNow: number;
  private readonly wDistance: number;
  private readonly wCapacity: number;
  private readonly wTrack: number;
  private readonly box: Box = { i0: 0, i1: 0, j0: 0, j1: 0 };
  private readonly ring: number[] = [];

  constructor(
    private readonly col: Columns,
    need: PreparedNeed,
    private readonly w: CompiledMentorWeights,
    private readonly nowMs: number,
    private readonly top: TopK<unknown> | null,
    private readonly visit: SlotVisitor,
  ) {
    const project = need.project;
    const point = project.point;
    this.x = project.x;
    this.y = project.y;
    this.z = project.z;
    this.ownerId = project.ownerId;
    this.declined = project.declinedVolunteerIds;
    this.asked = need.openVolunteerIds;
    this.checkSets = this.declined.size > 0 || this.asked.size > 0;
    this.domainId = project.activityDomainId;
    this.domainBit = this.domainId >= 1 && this.domainId <= MASK_BITS ? 1 << (this.domainId - 1) : 0;
    this.pf = need.priorityFactor;
    this.hasPoint = point !== null;
    this.plat = point?.latitude ?? Number.NaN;
    this.plon = point?.longitude ?? Number.NaN;
    this.pu = point?.uncertaintyKm ?? 0;
    this.s0 = w.skillLevel * skillLevelValue(0, this.pf);
    this.s1 = w.skillLevel * skillLevelValue(1, this.pf);
    this.s2 = w.skillLevel * skillLevelValue(2, this.pf);
    this.wDomain = w.sharedDomain;
    this.wRecency = w.recency;
    this.domainTest = this.domainBit !== 0 ? this.domainBit : 1 << MASK_BITS;
    this.recencyNow = recencyFactor(nowMs);
    this.wDistance = w.distance;
    this.wCapacity = w.capacity;
    this.wTrack = w.trackRecord;
  }

  private levelPart(level: number): number {
    return level >= 2 ? this.s2 : level >= 1 ? this.s1 : this.s0;
  }

  private shares(slot: number): boolean {
    const mask = this.col.domains[slot] as number;
    if (this.domainBit !== 0) return (mask & this.domainBit) !== 0;
    return (mask & (1 << MASK_BITS)) !== 0 && (this.col.slots[slot]?.domainIds.includes(this.domainId) ?? false);
  }

  /** Records of one cell of a local grid (volunteers whose own radius may reach the project). */
  localCell(cell: number[]): void {
    const { x, y, z, s0, s1, s2, wDistance, wCapacity, wTrack, wDomain, wRecency, domainTest, recencyNow, top, ownerId, checkSets, declined, asked, plat, plon, pu, pf, w, nowMs } = this;
    const { ids, lat, lon, radius, uncertainty, lastActive } = this.col;
    for (let i = 0; i < cell.length; i += STRIDE) {
      const dx = (cell[i] as number) - x;
      const dy = (cell[i + 1] as number) - y;
      const dz = (cell[i + 2] as number) - z;
      const c2 = dx * dx + dy * dy + dz * dz;
      // Beyond the radius: out at once, without touching anything else.
      if (!(c2 <= (cell[i + 3] as number))) continue;
      const entry = cell[i + STRIDE - 1] as number;
      const slot = entry >> 2;
      const level = entry & 3;
      if (top !== null) {
        const ub =
          (level === 2 ? s2 : level === 1 ? s1 : s0) +
          wDistance / (1 + Math.sqrt(c2) * DISTANCE_SCALE) +
          wCapacity * (cell[i + 4] as number) +
          wTrack * (cell[i + 5] as number) +
          ((cell[i + R_MASK] as number) & domainTest ? wDomain : 0) +
          wRecency * Math.min(1, (cell[i + R_RECENCY] as number) * recencyNow);
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
      const h = scoreHundredths(level, pf, scored, this.shares(slot), cell[i + 4] as number, cell[i + 5] as number, lastActive[slot] as number, w, nowMs);
      this.visit(slot, level, d, false, h);
    }
  }

  /** Records of volunteers who accept remote work, for a project that does. */
  remoteCell(remote: number[]): void {
    const { x, y, z, s0, s1, s2, wDistance, wCapacity, wTrack, wDomain, wRecency, domainTest, recencyNow, top, ownerId, checkSets, declined, asked, plat, plon, pu, pf, w, nowMs, hasPoint } = this;
    const { ids, lat, lon, radius, uncertainty, lastActive } = this.col;
    for (let i = 0; i < remote.length; i += STRIDE) {
      const entry = remote[i + STRIDE - 1] as number;
      const slot = entry >> 2;
      const level = entry & 3;
      const vx = remote[i] as number;
      const located = hasPoint && vx === vx; // NaN ≠ NaN: no point
      let chordLength = 0;
      let d: number | null = null;
      if (located) {
        const dx = vx - x;
        const dy = (remote[i + 1] as number) - y;
        const dz = (remote[i + 2] as number) - z;
        const c2 = dx * dx + dy * dy + dz * dz;
        chordLength = Math.sqrt(c2);
        if (c2 <= (remote[i + 3] as number)) {
          // Within the radius, or at its very edge: decide exactly as the local grid did.
          d = haversineKmRaw(lat[slot] as number, lon[slot] as number, plat, plon);
          if (d <= (radius[slot] as number)) continue;
        }
      }
      if (top !== null) {
        const ub =
          (level === 2 ? s2 : level === 1 ? s1 : s0) +
          wDistance / (1 + chordLength * DISTANCE_SCALE) +
          wCapacity * (remote[i + 4] as number) +
          wTrack * (remote[i + 5] as number) +
          ((remote[i + R_MASK] as number) & domainTest ? wDomain : 0) +
          wRecency * Math.min(1, (remote[i + R_RECENCY] as number) * recencyNow);
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
      const h = scoreHundredths(level, pf, scored, this.shares(slot), remote[i + 4] as number, remote[i + 5] as number, lastActive[slot] as number, w, nowMs);
      this.visit(slot, level, d, true, h);
    }
  }

  /** Lower bound of the chord from the project to any record of cell `c`. */
  private nearestChord(m: Float64Array, c: number): number {
    const b = c * META;
    const dx = (m[b + M_X] as number) - this.x;
    const dy = (m[b + M_Y] as number) - this.y;
    const dz = (m[b + M_Z] as number) - this.z;
    const lb = Math.sqrt(dx * dx + dy * dy + dz * dz) - (m[b + M_RC] as number) - CHORD_SLACK;
    return lb > 0 ? lb : 0;
  }

  /**
   * Reads cell `c` unless nothing in it can be eligible (radius), level by
   * level from the experts down, until the bound of the levels left (the
   * cell's with that level's skill part, recorded) cannot reach the floor.
   */
  private consider(grid: VolunteerGrid, c: number, radiusCheck: boolean, remote: boolean): void {
    const m = grid.meta;
    const b = c * META;
    const lb = this.nearestChord(m, c);
    if (radiusCheck && lb * lb > (m[b + M_CHORD2] as number)) return;
    const top = this.top;
    const rest =
      this.wDistance / (1 + lb * DISTANCE_SCALE) +
      this.wCapacity * (m[b + M_CAP] as number) +
      this.wTrack * (m[b + M_TRACK] as number) +
      this.wDomain +
      this.wRecency * Math.min(1, (m[b + M_RECENCY] as number) * this.recencyNow);
    for (let level = m[b + M_LEVEL] as number; level >= 0; level--) {
      const cell = grid.recs[c * LEVELS + level] as number[];
      if (cell.length === 0) continue;
      if (top !== null) {
        // Lower levels score less: this bound covers every record left in the cell.
        const h = Math.round((this.levelPart(level) + rest) * 100 + 1e-6);
        if (h < top.floor) {
          if (h > 0) top.skip(h);
          return;
        }
      }
      if (remote) this.remoteCell(cell);
      else this.localCell(cell);
    }
  }

  /**
   * Walks `grid` around the project's point in rings of cells, nearest first,
   * up to `searchKm` (Infinity: the whole grid), the box shrinking as the
   * list's floor rises. `radiusCheck`: a cell whose nearest chord exceeds every
   * radius in it holds nothing eligible.
   */
  walk(grid: VolunteerGrid, p: GeoPoint, searchKm: number, radiusCheck: boolean, remote: boolean): void {
    if (grid.cellCount === 0) return;
    const top = this.top;
    const box = this.box;
    // The bound of any record of the grid but for its distance part.
    const rest =
      this.levelPart(grid.maxLevel) +
      this.wCapacity * grid.maxCap +
      this.wTrack * grid.maxTrack +
      this.wDomain +
      this.wRecency * Math.min(1, grid.maxRecency * this.recencyNow);
    let floorSeen = top === null ? -Infinity : top.floor;
    let km = Math.min(searchKm, cutoffKm(floorSeen, rest, this.wDistance));
    boxFor(grid, p, km, box);
    if ((box.i1 - box.i0 + 1) * (box.j1 - box.j0 + 1) > 4 * grid.cellCount + 64) {
      // A box with far more places than the grid has cells: every cell, each checked by its bound.
      for (let c = 0; c < grid.cellCount; c++) this.consider(grid, c, radiusCheck, remote);
      return;
    }
    const ring = this.ring;
    const ci = grid.latIndex(p.latitude);
    const cj = grid.lonIndex(p.longitude);
    for (let k = 0; ; k++) {
      if (top !== null && top.floor !== floorSeen) {
        floorSeen = top.floor;
        km = Math.min(searchKm, cutoffKm(floorSeen, rest, this.wDistance));
        boxFor(grid, p, km, box);
      }
      const { i0, i1, j0, j1 } = box;
      if (i0 > i1 || j0 > j1 || k > Math.max(ci - i0, i1 - ci, cj - j0, j1 - cj)) break;
      ring.length = 0;
      const ja = Math.max(cj - k, j0);
      const jb = Math.min(cj + k, j1);
      for (let side = 0; side < (k === 0 ? 1 : 2); side++) {
        const i = side === 0 ? ci - k : ci + k;
        if (i < i0 || i > i1) continue;
        for (let j = ja; j <= jb; j++) {
          const c = grid.cellAt(i, j);
          if (c >= 0) ring.push(c);
        }
      }
      if (k > 0) {
        const ia = Math.max(ci - k + 1, i0);
        const ib = Math.min(ci + k - 1, i1);
        for (let side = 0; side < 2; side++) {
          const j = side === 0 ? cj - k : cj + k;
          if (j < j0 || j > j1) continue;
          for (let i = ia; i <= ib; i++) {
            const c = grid.cellAt(i, j);
            if (c >= 0) ring.push(c);
          }
        }
      }
      for (let r = 0; r < ring.length; r++) this.consider(grid, ring[r] as number, radiusCheck, remote);
    }
    // What lies beyond the last box is at least `km` away: its bound at that distance covers it.
    if (top !== null && km < searchKm) {
      const chord = 2 * Math.sin(Math.min(Math.PI / 2, km / (2 * EARTH_RADIUS_KM))) * (1 - 1e-9);
      const h = Math.round((rest + this.wDistance / (1 + chord * DISTANCE_SCALE)) * 100 + 1e-6);
      if (h > 0) top.skip(h);
    }
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
    index.refine();
    return index;
  }

  /** After a bulk load: sizes each grid's cells by its density (see `VolunteerGrid.refine`). */
  refine(): void {
    const pointOf = (slot: number): GeoPoint => (this.slots[slot] as PreparedVolunteer).point as GeoPoint;
    for (const bucket of this.buckets.values()) {
      for (const grid of bucket.local) grid.refine(pointOf);
      bucket.remote.refine(pointOf);
    }
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
    const record = [x, y, z, this.chord2[slot] as number, volunteerCapacityValue(v), volunteerTrackRecordValue(v), recencyAtEpoch(v.lastActiveMs), this.domains[slot] as number, 0];
    forEachSkill(v, (skillId, level) => {
      let bucket = this.buckets.get(skillId);
      if (!bucket) this.buckets.set(skillId, (bucket = new SkillBucket()));
      record[STRIDE - 1] = pack(slot, level);
      if (v.point) bucket.localFor(v.radiusKm).add(v.point, v.radiusKm, record);
      if (v.remoteOk) {
        if (v.point) bucket.remote.add(v.point, v.radiusKm, record);
        else for (const value of record) bucket.remoteNoPoint.push(value);
      }
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
      if (v.point) bucket.localFor(v.radiusKm).remove(v.point, entry);
      if (v.remoteOk) {
        if (v.point) bucket.remote.remove(v.point, entry);
        else removeRecord(bucket.remoteNoPoint, STRIDE, entry);
      }
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
   * The scan behind every query. Each grid is walked in rings of cells around
   * the project, nearest first. With a `top` list: a candidate whose score
   * cannot reach the list's floor is dropped before any trig or filter (its
   * upper bound takes the skill part exactly, a distance no shorter than the
   * chord, asin x ≥ x, domain and recency at their maximum, and the exact
   * capacity and history values); a cell whose bound (the same with its
   * bounding sphere's nearest chord and its maxima) cannot reach it is skipped
   * unread; and the walk stops at the distance beyond which the grid's maxima
   * cannot reach it. Every bound dropped is recorded with `skip`, so the
   * round's certificate stays sound; the list itself is exact whatever the order.
   */
  private scan(need: PreparedNeed, w: CompiledMentorWeights, nowMs: number, top: TopK<unknown> | null, visit: SlotVisitor): void {
    const project = need.project;
    if (!need.open || !project.published) return;
    const bucket = this.buckets.get(need.skillId);
    if (!bucket) return;
    const run = new ScanRun(this.columns(), need, w, nowMs, top, visit);
    const point = project.point;
    if (point) for (const grid of bucket.local) run.walk(grid, point, grid.maxRadiusKm * PREFILTER_SLACK + 1e-6, true, false);
    if (project.remoteOk) {
      if (point) run.walk(bucket.remote, point, Infinity, false, true);
      else for (const cell of bucket.remote.recs) run.remoteCell(cell); // every level, unbounded
      run.remoteCell(bucket.remoteNoPoint);
    }
  }

  private columns(): Columns {
    return { ids: this.ids, lat: this.lat, lon: this.lon, radius: this.radius, uncertainty: this.uncertainty, lastActive: this.lastActive, domains: this.domains, slots: this.slots };
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
