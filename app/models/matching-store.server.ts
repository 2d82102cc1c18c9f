/**
 * The matcher's data adapter: loads volunteers, needs, projects and clubs from
 * SQLite into the pure core's indexes, and keeps them current.
 *
 * Freshness, without trusting every caller to remember an invalidation:
 * - on first use, the connection gets TEMP triggers on every table the matcher
 *   reads; each write appends (kind, id) to `temp.matching_changes` in the same
 *   transaction (a rollback takes the entry back with it);
 * - before every read, the adapter applies that change log: the volunteers and
 *   projects named are reloaded by id and replaced in the indexes; any club or
 *   perimeter change reloads the clubs (hundreds of rows) and the perimeters;
 *   weights reload; reference data (communes, skills) rebuilds everything;
 * - `PRAGMA data_version` changes when another connection (another process)
 *   commits: its writes are not in our log, so everything is rebuilt.
 * So a read never serves data older than the last committed write, a write
 * costs one tiny insert into a temp table, and writers call nothing: a model
 * function, raw SQL on this connection and another process are all seen.
 */
import type Database from "better-sqlite3";
import {
  ArrayInterner,
  fundableProjectRejection,
  MentorIndex,
  NeedIndex,
  prepareNeed,
  prepareVolunteer,
  weightPoleByCommune,
  type CompiledClubWeights,
  type CompiledMentorWeights,
  type GeoPoint,
  type MatchingWeights,
  type PreparedClub,
  type PreparedNeed,
  type PreparedFundableProject,
  type PreparedProject,
} from "~/domain/matching";
import type { Db } from "~/utils/db.server";
import { DEFAULT_WEIGHT_SET, forEachVolunteer, loadClubs, loadPerimeters, loadProjects, loadReference, loadWeights } from "./matching-loaders.server";

type Client = Database.Database;

export type ProjectRecord = {
  prepared: PreparedProject;
  /** Kept only when the project is eligible for club investment on its side (funding, stage, legal form). */
  fundable: PreparedFundableProject | null;
};

/** One set of weights, compiled for the scans: a pôle's own, or the platform's defaults (`territoryId` null). */
export type WeightSet = {
  territoryId: number | null;
  weights: MatchingWeights;
  mentor: CompiledMentorWeights;
  club: CompiledClubWeights;
};

/** A club as the store holds it: its pôle scores it with that pôle's weights. */
export type StoredClub = PreparedClub & { territoryId: number; departments: ReadonlySet<string> };

export type MatchingStore = {
  client: Client;
  dataVersion: number;
  points: Map<string, GeoPoint | null>;
  departmentOf: Map<string, string>;
  communeCodes: Map<string, string>;
  interner: ArrayInterner;
  skillNames: Map<number, string>;
  domainNames: Map<number, string>;
  /** Pôle id → its communes (`territory_communes`). */
  perimeters: Map<number, Set<string>>;
  defaultWeights: WeightSet;
  /** Only the pôles that have weights of their own: a handful of entries, not one per pôle. */
  weightsByTerritory: Map<number, WeightSet>;
  /** Communes of those pôles' perimeters → whose weights score a project there (see `weightPoleByCommune`). */
  weightsByCommune: Map<string, WeightSet>;
  volunteers: MentorIndex;
  needs: NeedIndex;
  projects: Map<number, ProjectRecord>;
  /** Club-eligible projects by department, for the deal flow. */
  fundableByDepartment: Map<string, Set<number>>;
  clubs: StoredClub[];
  clubById: Map<number, StoredClub>;
  /** Counters for tests and the bench. */
  stats: { fullBuilds: number; incrementalSyncs: number; volunteerReloads: number; projectReloads: number; clubReloads: number };
};

// ---------------------------------------------------------------------------
// Change log (TEMP triggers)

/** table → [kind, key expression] pairs; `R` stands for NEW or OLD. */
const WATCHED: Record<string, readonly (readonly [string, string])[]> = {
  volunteer_profiles: [["v", "R.user_id"]],
  volunteer_skills: [["v", "R.user_id"]],
  volunteer_domains: [["v", "R.user_id"]],
  users: [["v", "R.id"]],
  mentorships: [
    ["v", "R.volunteer_id"],
    ["p", "R.project_id"],
  ],
  mentorship_feedback: [["v", "(select volunteer_id from main.mentorships where id = R.mentorship_id)"]],
  // The clubs' « accompagné / recommandé » criterion: hours logged and published endorsements.
  mentorship_sessions: [["p", "(select project_id from main.mentorships where id = R.mentorship_id)"]],
  mentorship_endorsements: [["p", "(select project_id from main.mentorships where id = R.mentorship_id)"]],
  projects: [["p", "R.id"]],
  project_skill_needs: [["p", "R.project_id"]],
  project_funding_needs: [["p", "R.project_id"]],
  club_commitments: [
    ["c", "null"],
    ["p", "R.project_id"],
  ],
  pledges: [["p", "R.project_id"]],
  cagnotte_allocations: [["p", "R.project_id"]],
  clubs: [["c", "null"]],
  club_areas: [["c", "null"]],
  club_sectors: [["c", "null"]],
  club_members: [["c", "null"]],
  club_ledger_entries: [["c", "null"]],
  club_deals: [["c", "null"]],
  territory_communes: [["c", "null"]],
  matching_weights: [["w", "null"]],
  communes: [["g", "null"]],
  skills: [["g", "null"]],
  activity_domains: [["g", "null"]],
};

function installChangeLog(client: Client): void {
  const statements = ["create temp table if not exists matching_changes (kind text not null, id integer)"];
  for (const [table, keys] of Object.entries(WATCHED)) {
    for (const [op, rows] of [
      ["insert", ["NEW"]],
      ["update", ["OLD", "NEW"]],
      ["delete", ["OLD"]],
    ] as const) {
      const inserts = rows
        .flatMap((r) => keys.map(([kind, expr]) => `insert into matching_changes values ('${kind}', ${expr.replaceAll("R.", `${r}.`)});`))
        .join(" ");
      statements.push(
        `create temp trigger if not exists matching_${table}_${op} after ${op} on main.${table} begin ${inserts} end`,
      );
    }
  }
  for (const s of statements) client.exec(s);
}

/** The two statements every read runs, prepared once per connection (a prepare costs more than the query). */
type Probes = { dataVersion: Database.Statement; changes: Database.Statement; clear: Database.Statement };
const probes = new WeakMap<Client, Probes>();

function probesOf(client: Client): Probes {
  let p = probes.get(client);
  if (!p) {
    p = {
      dataVersion: client.prepare("pragma data_version").pluck(),
      changes: client.prepare("select distinct kind, id from temp.matching_changes"),
      clear: client.prepare("delete from temp.matching_changes"),
    };
    probes.set(client, p);
  }
  return p;
}

function takeChanges(client: Client): { kind: string; id: number | null }[] {
  const p = probesOf(client);
  const rows = p.changes.all() as { kind: string; id: number | null }[];
  if (rows.length > 0) p.clear.run();
  return rows;
}


/** The weights that score for a pôle: its own, else the platform's defaults. */
export function weightsOfTerritory(store: MatchingStore, territoryId: number): WeightSet {
  return store.weightsByTerritory.get(territoryId) ?? store.defaultWeights;
}

/** The weights that score a need: those of the pôle its project's commune belongs to (see `weightPoleByCommune`). */
export function weightsOfNeed(store: MatchingStore, need: PreparedNeed): WeightSet {
  return store.weightsByCommune.get(need.project.communeCode) ?? store.defaultWeights;
}

// ---------------------------------------------------------------------------
// Building and syncing

const stores = new WeakMap<Client, MatchingStore>();

/** Above this many changed rows, a full reload is cheaper than row-by-row updates. */
const INCREMENTAL_LIMIT = 2_000;

function dataVersion(client: Client): number {
  // Before the change log exists, the cached probes cannot be prepared yet.
  return probes.has(client) ? (probesOf(client).dataVersion.get() as number) : (client.pragma("data_version", { simple: true }) as number);
}

function buildStore(client: Client): MatchingStore {
  installChangeLog(client);
  probesOf(client).clear.run();
  const ref = loadReference(client);
  const store: MatchingStore = {
    client,
    dataVersion: dataVersion(client),
    ...ref,
    perimeters: new Map(),
    defaultWeights: DEFAULT_WEIGHT_SET,
    weightsByTerritory: loadWeights(client),
    weightsByCommune: new Map(),
    volunteers: new MentorIndex(),
    needs: new NeedIndex(),
    projects: new Map(),
    fundableByDepartment: new Map(),
    clubs: [],
    clubById: new Map(),
    stats: { fullBuilds: 1, incrementalSyncs: 0, volunteerReloads: 0, projectReloads: 0, clubReloads: 0 },
  };
  forEachVolunteer(client, null, (v) => store.volunteers.upsert(prepareVolunteer(v, ref.points, ref.interner)), ref.communeCodes);
  store.volunteers.refine();
  reloadProjects(store, null);
  reloadClubs(store);
  return store;
}

function reloadProjects(store: MatchingStore, ids: readonly number[] | null): void {
  const { projects, needs } = loadProjects(store.client, ids, store);
  if (ids === null) {
    store.projects.clear();
    store.fundableByDepartment.clear();
    store.needs = new NeedIndex();
  } else {
    for (const id of ids) {
      const old = store.projects.get(id);
      if (old?.fundable) store.fundableByDepartment.get(old.fundable.departmentCode)?.delete(id);
      store.projects.delete(id);
      store.needs.removeProject(id);
    }
  }
  for (const p of projects) {
    const clubEligible = fundableProjectRejection(p.fundable) === null;
    store.projects.set(p.prepared.id, { prepared: p.prepared, fundable: clubEligible ? p.fundable : null });
    if (clubEligible) {
      let set = store.fundableByDepartment.get(p.fundable.departmentCode);
      if (!set) store.fundableByDepartment.set(p.fundable.departmentCode, (set = new Set()));
      set.add(p.prepared.id);
    }
  }
  for (const n of needs) {
    const project = store.projects.get(n.projectId);
    if (project) store.needs.add(prepareNeed(n, project.prepared));
  }
  store.stats.projectReloads += ids === null ? 1 : ids.length;
}

function reloadVolunteers(store: MatchingStore, ids: readonly number[]): void {
  const seen = new Set<number>();
  forEachVolunteer(
    store.client,
    ids,
    (v) => {
      seen.add(v.id);
      store.volunteers.upsert(prepareVolunteer(v, store.points, store.interner));
    },
    store.communeCodes,
  );
  for (const id of ids) if (!seen.has(id)) store.volunteers.remove(id);
  store.stats.volunteerReloads += ids.length;
}

/** Clubs and perimeters change together (`territory_communes` logs a club change); who scores where follows. */
function reloadClubs(store: MatchingStore): void {
  store.perimeters = loadPerimeters(store.client);
  store.clubById = loadClubs(store.client, store);
  store.clubs = [...store.clubById.values()];
  indexWeightsByCommune(store);
  store.stats.clubReloads++;
}

function reloadWeights(store: MatchingStore): void {
  store.weightsByTerritory = loadWeights(store.client);
  indexWeightsByCommune(store);
}

function indexWeightsByCommune(store: MatchingStore): void {
  const byCommune = new Map<string, WeightSet>();
  for (const [code, territoryId] of weightPoleByCommune(store.perimeters, store.weightsByTerritory.keys())) {
    byCommune.set(code, store.weightsByTerritory.get(territoryId) as WeightSet);
  }
  store.weightsByCommune = byCommune;
}

/** Applies the change log to the indexes; true when something changed. */
function applyChanges(store: MatchingStore, changes: readonly { kind: string; id: number | null }[]): "rebuild" | void {
  const volunteerIds = new Set<number>();
  const projectIds = new Set<number>();
  let clubs = false;
  let weights = false;
  for (const { kind, id } of changes) {
    if (kind === "g") return "rebuild";
    if (kind === "v" && id !== null) volunteerIds.add(id);
    else if (kind === "p" && id !== null) projectIds.add(id);
    else if (kind === "c") clubs = true;
    else if (kind === "w") weights = true;
  }
  if (volunteerIds.size > INCREMENTAL_LIMIT || projectIds.size > INCREMENTAL_LIMIT) return "rebuild";
  if (weights) reloadWeights(store);
  if (volunteerIds.size) reloadVolunteers(store, [...volunteerIds].sort((a, b) => a - b));
  if (projectIds.size) reloadProjects(store, [...projectIds].sort((a, b) => a - b));
  // Projects feed clubs' "decided" lists only through commitments/deals, which log "c" themselves.
  if (clubs) reloadClubs(store);
  store.stats.incrementalSyncs++;
}

/** The current store for this database: built on first use, synced on every call. */
export function matchingStore(db: Db): MatchingStore {
  const client = db.$client;
  let store = stores.get(client);
  if (!store || store.dataVersion !== dataVersion(client)) {
    const previous = store?.stats;
    store = buildStore(client);
    if (previous) store.stats.fullBuilds += previous.fullBuilds;
    stores.set(client, store);
    return store;
  }
  const changes = takeChanges(client);
  if (changes.length > 0 && applyChanges(store, changes) === "rebuild") {
    const previous = store.stats;
    store = buildStore(client);
    store.stats.fullBuilds += previous.fullBuilds;
    stores.set(client, store);
  }
  return store;
}
