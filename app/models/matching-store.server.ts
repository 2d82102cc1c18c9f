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
  compileClubWeights,
  compileMentorWeights,
  fundableProjectRejection,
  MentorIndex,
  NeedIndex,
  prepareClub,
  prepareFundableProject,
  prepareNeed,
  prepareProject,
  prepareVolunteer,
  weightPoleByCommune,
  weightsByTerritoryFromRows,
  DEFAULT_MATCHING_WEIGHTS,
  type ClubInput,
  type CommunePoints,
  type CompiledClubWeights,
  type CompiledMentorWeights,
  type FundableProjectInput,
  type GeoPoint,
  type MatchingWeights,
  type NeedInput,
  type PreparedClub,
  type PreparedNeed,
  type PreparedFundableProject,
  type PreparedProject,
  type VolunteerInput,
  POINT_UNCERTAINTY_KM,
} from "~/domain/matching";
import type { CommunePointSource, SkillLevel } from "~/domain/vocabulary";
import { LEDGER_DIRECTION } from "~/domain/clubs/ledger";
import type { Db } from "~/utils/db.server";

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

// ---------------------------------------------------------------------------
// Loaders (raw SQL: bulk reads of a few hundred thousand rows)

/** `where <column> in (ids)` through json_each: no bound-parameter limit. */
function idFilter(column: string, ids: readonly number[] | null): { clause: string; params: string[] } {
  return ids === null ? { clause: "", params: [] } : { clause: ` and ${column} in (select value from json_each(?))`, params: [JSON.stringify(ids)] };
}

/** A commune's point; an approximate one carries its uncertainty, so scores and explanations allow for it. */
function communePoint(latitude: number, longitude: number, source: CommunePointSource | null): GeoPoint {
  const uncertaintyKm = source === null ? 0 : POINT_UNCERTAINTY_KM[source];
  return uncertaintyKm === 0 ? { latitude, longitude } : { latitude, longitude, uncertaintyKm };
}

function loadReference(client: Client) {
  const points = new Map<string, GeoPoint | null>();
  const departmentOf = new Map<string, string>();
  const departments = new Map<string, string>(); // one string per department, not per commune
  const sql = "select code, latitude, longitude, department_code, point_source from communes";
  for (const row of client.prepare(sql).raw().iterate()) {
    const [code, latitude, longitude, department, source] = row as [string, number | null, number | null, string, CommunePointSource | null];
    points.set(code, latitude === null || longitude === null ? null : communePoint(latitude, longitude, source));
    let dep = departments.get(department);
    if (dep === undefined) departments.set(department, (dep = department));
    departmentOf.set(code, dep);
  }
  const names = (sql: string) =>
    new Map((client.prepare(sql).raw().all() as [number, string][]).map(([id, name]) => [id, name]));
  return {
    points,
    departmentOf,
    communeCodes: new Map([...points.keys()].map((code) => [code, code])),
    interner: new ArrayInterner(),
    skillNames: names("select id, name from skills"),
    domainNames: names("select id, name from activity_domains"),
  };
}

function compileWeightSet(territoryId: number | null, weights: MatchingWeights): WeightSet {
  return { territoryId, weights, mentor: compileMentorWeights(weights.mentor), club: compileClubWeights(weights.club) };
}

const DEFAULT_WEIGHT_SET = compileWeightSet(null, DEFAULT_MATCHING_WEIGHTS);

function loadWeights(client: Client): Map<number, WeightSet> {
  const rows = client.prepare("select territory_id as territoryId, key, value from matching_weights").all() as {
    territoryId: number;
    key: string;
    value: number;
  }[];
  return new Map([...weightsByTerritoryFromRows(rows)].map(([id, weights]) => [id, compileWeightSet(id, weights)]));
}

function loadPerimeters(client: Client): Map<number, Set<string>> {
  const perimeters = new Map<number, Set<string>>();
  for (const [territoryId, code] of client
    .prepare("select territory_id, commune_code from territory_communes")
    .raw()
    .iterate() as Iterable<[number, string]>) {
    let s = perimeters.get(territoryId);
    if (!s) perimeters.set(territoryId, (s = new Set()));
    s.add(code);
  }
  return perimeters;
}

/** The weights that score for a pôle: its own, else the platform's defaults. */
export function weightsOfTerritory(store: MatchingStore, territoryId: number): WeightSet {
  return store.weightsByTerritory.get(territoryId) ?? store.defaultWeights;
}

/** The weights that score a need: those of the pôle its project's commune belongs to (see `weightPoleByCommune`). */
export function weightsOfNeed(store: MatchingStore, need: PreparedNeed): WeightSet {
  return store.weightsByCommune.get(need.project.communeCode) ?? store.defaultWeights;
}

/**
 * Volunteer profiles with their skills, domains, load and history, one row per
 * person (correlated subqueries on indexed keys), handed over one at a time so
 * that 100,000 profiles never sit twice in memory. `ids` null = all.
 * A profile without skills cannot match anything yet: it is skipped, not refused.
 */
export function forEachVolunteer(
  client: Client,
  ids: readonly number[] | null,
  visit: (v: VolunteerInput) => void,
  /** Canonical commune codes: one string per commune instead of one per person. */
  communeCodes?: ReadonlyMap<string, string>,
): void {
  const f = idFilter("vp.user_id", ids);
  const rows = client
    .prepare(
      `select vp.user_id, u.display_name, u.commune_code, vp.radius_km, vp.remote_ok, vp.max_mentorships, vp.paused, vp.last_active_at,
         (select group_concat(s.skill_id || ':' || s.level) from volunteer_skills s where s.user_id = vp.user_id),
         (select group_concat(d.activity_domain_id) from volunteer_domains d where d.user_id = vp.user_id),
         (select count(*) from mentorships m where m.volunteer_id = vp.user_id and m.status = 'acceptee'),
         (select count(*) from mentorships m where m.volunteer_id = vp.user_id and m.status = 'terminee'),
         -- feedback the volunteer received, not what they wrote about the holder
         (select avg(fb.rating) from mentorships m join mentorship_feedback fb on fb.mentorship_id = m.id
           where m.volunteer_id = vp.user_id and fb.author_id <> vp.user_id)
       from volunteer_profiles vp join users u on u.id = vp.user_id where 1 = 1${f.clause} order by vp.user_id`,
    )
    .raw()
    .iterate(...f.params) as Iterable<
    [number, string, string, number, number, number, number, number, string | null, string | null, number, number, number | null]
  >;
  for (const [id, displayName, communeCode, radiusKm, remoteOk, maxMentorships, paused, lastActiveAt, skills, domains, active, completed, rating] of rows) {
    if (!skills) continue;
    visit({
      id,
      displayName,
      communeCode: communeCodes?.get(communeCode) ?? communeCode,
      radiusKm,
      remoteOk: remoteOk === 1,
      maxMentorships,
      activeMentorships: active,
      paused: paused === 1,
      skills: skills.split(",").map((pair) => {
        const [skillId, level] = pair.split(":");
        return { skillId: Number(skillId), level: level as SkillLevel };
      }),
      domainIds: domains ? domains.split(",").map(Number) : [],
      completedMentorships: completed,
      averageRating: rating,
      lastActiveAt,
    });
  }
}

const PRIORITIES: Readonly<Record<string, "haute" | "moyenne" | "basse">> = { haute: "haute", moyenne: "moyenne", basse: "basse" };

type ProjectRow = [number, number, string, string, string, number, string, number, string];

/** Published projects with their open needs, funding, commitments and mentorship state. */
export function loadProjects(
  client: Client,
  ids: readonly number[] | null,
  ref: { points: CommunePoints; departmentOf: Map<string, string>; skillNames: Map<number, string>; domainNames: Map<number, string> },
): { projects: { prepared: PreparedProject; fundable: PreparedFundableProject }[]; needs: NeedInput[] } {
  const f = idFilter("p.id", ids);
  const rows = client
    .prepare(
      `select p.id, p.owner_id, p.title, p.stage, p.legal_form, p.activity_domain_id, p.commune_code, p.remote_ok, p.status
       from projects p where p.status = 'publie'${f.clause} order by p.id`,
    )
    .raw()
    .all(...f.params) as ProjectRow[];
  const declined = new Map<number, number[]>();
  const followed = new Set<number>();
  const openByNeed = new Map<number, number[]>();
  const fm = idFilter("project_id", ids);
  for (const [projectId, needId, volunteerId, status] of client
    .prepare(
      `select project_id, need_id, volunteer_id, status from mentorships
       where status in ('refusee', 'demande', 'acceptee')${fm.clause}`,
    )
    .raw()
    .iterate(...fm.params) as Iterable<[number, number, number, string]>) {
    if (status === "refusee") push(declined, projectId, volunteerId);
    else push(openByNeed, needId, volunteerId);
    if (status === "acceptee") followed.add(projectId);
  }
  const funding = new Map<number, { amountCents: number; kind: "capital" | "pret" | "don"; companyCapitalCents: number | null }>();
  for (const [projectId, amountCents, kind, companyCapitalCents] of client
    .prepare(`select project_id, amount_cents, kind, company_capital_cents from project_funding_needs where 1 = 1${fm.clause}`)
    .raw()
    .iterate(...fm.params) as Iterable<[number, number, "capital" | "pret" | "don", number | null]>) {
    funding.set(projectId, { amountCents, kind, companyCapitalCents });
  }
  const commitments = new Map<number, { clubId: number; amountCents: number }[]>();
  for (const [projectId, clubId, amountCents] of client
    .prepare(`select project_id, club_id, sum(amount_cents) from club_commitments where 1 = 1${fm.clause} group by project_id, club_id`)
    .raw()
    .iterate(...fm.params) as Iterable<[number, number, number]>) {
    push(commitments, projectId, { clubId, amountCents });
  }
  // Direct pledges and the cagnotte count toward the goal as clubs' commitments do.
  const otherRaised = new Map<number, number>();
  for (const [projectId, amountCents] of client
    .prepare(
      `select project_id, sum(amount_cents) from (
         select project_id, amount_cents from pledges where status = 'actif'${fm.clause}
         union all select project_id, amount_cents from cagnotte_allocations where 1 = 1${fm.clause}
       ) group by project_id`,
    )
    .raw()
    .iterate(...fm.params, ...fm.params) as Iterable<[number, number]>) {
    otherRaised.set(projectId, amountCents);
  }
  const needs: NeedInput[] = [];
  const fn = idFilter("n.project_id", ids);
  for (const [id, projectId, skillId, priority] of client
    .prepare(
      `select n.id, n.project_id, n.skill_id, n.priority from project_skill_needs n join projects p on p.id = n.project_id
       where n.status = 'ouvert' and p.status = 'publie'${fn.clause} order by n.id`,
    )
    .raw()
    .iterate(...fn.params) as Iterable<[number, number, number, "haute" | "moyenne" | "basse"]>) {
    needs.push({
      id,
      projectId,
      skillId,
      skillName: ref.skillNames.get(skillId) ?? `Compétence ${skillId}`,
      priority: PRIORITIES[priority] ?? priority, // one string per value, not per row
      status: "ouvert",
      openVolunteerIds: openByNeed.get(id) ?? [],
    });
  }
  const projects = rows.map(([id, ownerId, title, stage, legalForm, domainId, communeCode, remoteOk, status]) => {
    const domainName = ref.domainNames.get(domainId) ?? "";
    const prepared = prepareProject(
      {
        id,
        ownerId,
        title,
        communeCode,
        remoteOk: remoteOk === 1,
        activityDomainId: domainId,
        activityDomainName: domainName,
        status: status as "publie",
        declinedVolunteerIds: declined.get(id) ?? [],
      },
      ref.points,
    );
    const fundableInput: FundableProjectInput = {
      id,
      ownerId,
      title,
      status: status as "publie",
      stage: stage as FundableProjectInput["stage"],
      legalForm,
      activityDomainId: domainId,
      activityDomainName: domainName,
      communeCode,
      departmentCode: ref.departmentOf.get(communeCode) ?? "",
      funding: funding.get(id) ?? null,
      commitments: commitments.get(id) ?? [],
      otherRaisedCents: otherRaised.get(id) ?? 0,
      mentorFollows: followed.has(id),
    };
    return { prepared, fundable: prepareFundableProject(fundableInput, ref.points) };
  });
  return { projects, needs };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Investing clubs with areas, sectors, members, money, past decisions and a point. */
function loadClubs(
  client: Client,
  ref: { points: CommunePoints; departmentOf: Map<string, string>; perimeters: Map<number, Set<string>> },
): MatchingStore["clubById"] {
  const rows = client
    .prepare(
      `select id, territory_id, name, status, started_on, investing_ends_on, renewed_on, ticket_min_cents, ticket_max_cents, max_stake_bps
       from clubs where status = 'en-epargne' order by id`,
    )
    .raw()
    .all() as [number, number, string, ClubInput["status"], string | null, string | null, string | null, number, number, number][];
  const areas = new Map<number, { departments: string[]; communes: string[] }>();
  for (const [clubId, department, commune] of client
    .prepare("select club_id, department_code, commune_code from club_areas")
    .raw()
    .iterate() as Iterable<[number, string | null, string | null]>) {
    let a = areas.get(clubId);
    if (!a) areas.set(clubId, (a = { departments: [], communes: [] }));
    if (department) a.departments.push(department);
    if (commune) a.communes.push(commune);
  }
  const sectors = new Map<number, number[]>();
  for (const [clubId, domainId] of client.prepare("select club_id, activity_domain_id from club_sectors").raw().iterate() as Iterable<[number, number]>) {
    push(sectors, clubId, domainId);
  }
  const members = new Map<number, { userId: number; communeCode: string }[]>();
  for (const [clubId, userId, communeCode] of client
    .prepare("select m.club_id, m.user_id, u.commune_code from club_members m join users u on u.id = m.user_id where m.status = 'actif'")
    .raw()
    .iterate() as Iterable<[number, number, string]>) {
    push(members, clubId, { userId, communeCode });
  }
  // Balance with the same directions as the club ledger (app/domain/clubs/ledger.ts).
  const incoming = Object.entries(LEDGER_DIRECTION)
    .filter(([, d]) => d === "in")
    .map(([k]) => `'${k}'`)
    .join(", ");
  const balance = new Map(
    client
      .prepare(
        `select club_id, sum(case when kind in (${incoming}) then amount_cents else -amount_cents end) from club_ledger_entries group by club_id`,
      )
      .raw()
      .all() as [number, number][],
  );
  const decided = new Map<number, number[]>();
  for (const [clubId, projectId] of client
    .prepare(
      `select club_id, project_id from club_deals where stage in ('engage', 'refuse')
       union select club_id, project_id from club_commitments`,
    )
    .raw()
    .iterate() as Iterable<[number, number]>) {
    push(decided, clubId, projectId);
  }
  const { perimeters } = ref;
  const clubs: MatchingStore["clubById"] = new Map();
  for (const [id, territoryId, name, status, startedOn, investingEndsOn, renewedOn, ticketMinCents, ticketMaxCents, maxStakeBps] of rows) {
    const area = areas.get(id) ?? { departments: [], communes: [] };
    const perimeter = perimeters.get(territoryId) ?? new Set<string>();
    const memberList = members.get(id) ?? [];
    const prepared = prepareClub({
      id,
      name,
      status,
      startedOn,
      investingEndsOn,
      renewedOn,
      ticketMinCents,
      ticketMaxCents,
      maxStakeBps,
      sectorIds: sectors.get(id) ?? [],
      areaDepartmentCodes: area.departments,
      areaCommuneCodes: area.communes,
      perimeterCommuneCodes: perimeter,
      availableCents: balance.get(id) ?? 0,
      point:
        centroid(memberList.map((m) => ref.points.get(m.communeCode) ?? null)) ??
        centroid([...perimeter].map((c) => ref.points.get(c) ?? null)),
      memberUserIds: memberList.map((m) => m.userId),
      decidedProjectIds: decided.get(id) ?? [],
    });
    const departments = new Set<string>(area.departments);
    for (const c of area.communes.length + area.departments.length > 0 ? area.communes : perimeter) {
      const d = ref.departmentOf.get(c);
      if (d) departments.add(d);
    }
    clubs.set(id, { ...prepared, territoryId, departments });
  }
  return clubs;
}

/** Mean of the known points (plain average of coordinates: fine at a club's scale). */
function centroid(points: readonly (GeoPoint | null)[]): GeoPoint | null {
  let lat = 0;
  let lon = 0;
  let n = 0;
  for (const p of points) {
    if (!p) continue;
    lat += p.latitude;
    lon += p.longitude;
    n++;
  }
  return n === 0 ? null : { latitude: lat / n, longitude: lon / n };
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
