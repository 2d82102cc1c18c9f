/**
 * The matcher's inputs read from SQLite: reference data (commune points, skills, domains), weights,
 * perimeters, volunteers, projects with their needs and funding, clubs. Raw SQL on the store's
 * connection: bulk reads of a few hundred thousand rows. `matching-store.server.ts` decides when.
 */
import type Database from "better-sqlite3";
import {
  ArrayInterner,
  compileClubWeights,
  compileMentorWeights,
  prepareClub,
  prepareFundableProject,
  prepareProject,
  weightsByTerritoryFromRows,
  DEFAULT_MATCHING_WEIGHTS,
  NOT_ACCOMPANIED,
  POINT_UNCERTAINTY_KM,
  type Accompaniment,
  type ClubInput,
  type CommunePoints,
  type FundableProjectInput,
  type GeoPoint,
  type MatchingWeights,
  type NeedInput,
  type PreparedFundableProject,
  type PreparedProject,
  type VolunteerInput,
} from "~/domain/matching";
import type { CommunePointSource, EndorsementLevel, SkillLevel } from "~/domain/vocabulary";
import { ENDORSABLE_STATUSES } from "~/domain/endorsement";
import { LEDGER_DIRECTION } from "~/domain/clubs/ledger";
import type { StoredClub, WeightSet } from "./matching-store.server";

type Client = Database.Database;

/** `where <column> in (ids)` through json_each: no bound-parameter limit. */
function idFilter(column: string, ids: readonly number[] | null): { clause: string; params: string[] } {
  return ids === null ? { clause: "", params: [] } : { clause: ` and ${column} in (select value from json_each(?))`, params: [JSON.stringify(ids)] };
}

/** A commune's point; an approximate one carries its uncertainty, so scores and explanations allow for it. */
function communePoint(latitude: number, longitude: number, source: CommunePointSource | null): GeoPoint {
  const uncertaintyKm = source === null ? 0 : POINT_UNCERTAINTY_KM[source];
  return uncertaintyKm === 0 ? { latitude, longitude } : { latitude, longitude, uncertaintyKm };
}

export function loadReference(client: Client) {
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

export function compileWeightSet(territoryId: number | null, weights: MatchingWeights): WeightSet {
  return { territoryId, weights, mentor: compileMentorWeights(weights.mentor), club: compileClubWeights(weights.club) };
}

export const DEFAULT_WEIGHT_SET = compileWeightSet(null, DEFAULT_MATCHING_WEIGHTS);

export function loadWeights(client: Client): Map<number, WeightSet> {
  const rows = client.prepare("select territory_id as territoryId, key, value from matching_weights").all() as {
    territoryId: number;
    key: string;
    value: number;
  }[];
  return new Map([...weightsByTerritoryFromRows(rows)].map(([id, weights]) => [id, compileWeightSet(id, weights)]));
}

export function loadPerimeters(client: Client): Map<number, Set<string>> {
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
  const openByNeed = new Map<number, number[]>();
  const fm = idFilter("project_id", ids);
  // One scan of the mentorships: refusals and open pairs for the mentor side, accepted and
  // completed ones for the clubs' « accompagné / recommandé » criterion.
  const accompanying: AccompanyingMentorship[] = [];
  for (const [id, projectId, needId, volunteerId, status] of client
    .prepare(
      `select id, project_id, need_id, volunteer_id, status from mentorships
       where status in ('refusee', 'demande', 'acceptee', 'terminee')${fm.clause} order by id`,
    )
    .raw()
    .all(...fm.params) as [number, number, number, number, string][]) {
    if (status === "refusee") push(declined, projectId, volunteerId);
    else if (status !== "terminee") push(openByNeed, needId, volunteerId);
    if (ACCOMPANYING.has(status)) accompanying.push({ id, projectId, needId, volunteerId });
  }
  const accompaniment = loadAccompaniment(client, ids, accompanying, ref.skillNames);
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
      accompaniment: accompaniment.get(id) ?? NOT_ACCOMPANIED,
    };
    return { prepared, fundable: prepareFundableProject(fundableInput, ref.points) };
  });
  return { projects, needs };
}

const ACCOMPANYING: ReadonlySet<string> = new Set(ENDORSABLE_STATUSES);

type AccompanyingMentorship = { id: number; projectId: number; needId: number; volunteerId: number };

/**
 * Who accompanies each project, from its accepted or completed mentorships (ENDORSABLE_STATUSES,
 * read by the caller's scan, oldest first): distinct volunteers, their skills (each once, oldest
 * mentorship first), the minutes they
 * logged, and the published endorsements (oldest first). Bulk reads without a join per mentorship
 * (a need → skill map, the sessions summed per mentorship): at national scale a join per row costs
 * more than the whole scan. Display names cannot be changed in the app, so an entry is fresh as long
 * as its mentorships, sessions and endorsements are (the store watches those three tables).
 */
export function loadAccompaniment(
  client: Client,
  ids: readonly number[] | null,
  mentorships: readonly AccompanyingMentorship[],
  skillNames: Map<number, string>,
): Map<number, Accompaniment> {
  const result = new Map<number, Accompaniment>();
  const fn = idFilter("project_id", ids);
  const skillOfNeed = new Map(
    client.prepare(`select id, skill_id from project_skill_needs where 1 = 1${fn.clause}`).raw().all(...fn.params) as [number, number][],
  );
  const fm = idFilter("m.project_id", ids);
  const minutesOf = new Map(
    client
      .prepare(
        `select s.mentorship_id, sum(s.duration_minutes) from mentorship_sessions s
         join mentorships m on m.id = s.mentorship_id where 1 = 1${fm.clause} group by s.mentorship_id`,
      )
      .raw()
      .all(...fm.params) as [number, number][],
  );
  // A project has a handful of mentorships: small arrays beat Sets here.
  type Building = { volunteers: number[]; skills: string[]; minutes: number; endorsements: Accompaniment["endorsements"][number][] };
  const byProject = new Map<number, Building>();
  const entry = (projectId: number) => {
    let b = byProject.get(projectId);
    if (!b) byProject.set(projectId, (b = { volunteers: [], skills: [], minutes: 0, endorsements: [] }));
    return b;
  };
  for (const m of mentorships) {
    const b = entry(m.projectId);
    if (!b.volunteers.includes(m.volunteerId)) b.volunteers.push(m.volunteerId);
    const skillId = skillOfNeed.get(m.needId);
    const skill = skillId === undefined ? undefined : (skillNames.get(skillId) ?? `Compétence ${skillId}`);
    if (skill !== undefined && !b.skills.includes(skill)) b.skills.push(skill);
    b.minutes += minutesOf.get(m.id) ?? 0;
  }
  for (const [projectId, mentorName, level] of client
    .prepare(
      // CROSS JOIN keeps the (few) endorsements as the outer loop rather than every mentorship.
      `select m.project_id, u.display_name, e.level from mentorship_endorsements e
       cross join mentorships m on m.id = e.mentorship_id join users u on u.id = m.volunteer_id
       where e.status = 'publiee'${fm.clause} order by m.project_id, e.id`,
    )
    .raw()
    .iterate(...fm.params) as Iterable<[number, string, EndorsementLevel]>) {
    entry(projectId).endorsements.push({ mentorName, level });
  }
  for (const [projectId, b] of byProject) {
    result.set(projectId, { mentorCount: b.volunteers.length, skillNames: b.skills, minutes: b.minutes, endorsements: b.endorsements });
  }
  return result;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Investing clubs with areas, sectors, members, money, past decisions and a point. */
export function loadClubs(
  client: Client,
  ref: { points: CommunePoints; departmentOf: Map<string, string>; perimeters: Map<number, Set<string>> },
): Map<number, StoredClub> {
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
  const clubs: Map<number, StoredClub> = new Map();
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
export function centroid(points: readonly (GeoPoint | null)[]): GeoPoint | null {
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
