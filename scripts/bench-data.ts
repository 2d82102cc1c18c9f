/**
 * Synthetic national data set for the matcher's benchmark, with a fixed seed:
 * 100,000 volunteers, 10,000 projects with 1–4 skill needs, 500 savers' clubs
 * (× --scale), placed on real communes weighted by population, with a history
 * of mentorships (running, completed with feedback, refused, pending), club
 * ledgers, deals and commitments.
 *
 *   tsx scripts/bench-data.ts --scale 0.1 --out tmp/bench-0.1.db [--seed 42]
 *   tsx scripts/bench-data.ts --scale national --out tmp/bench-national.db
 *
 * `--scale national` is the target: 1,000,000 volunteers and 55,500
 * projects, which gives ≈ 100,000 open needs with the same proportions as
 * scale 1 (85 % published × 2.5 needs × 85 % open ≈ 1.8 open needs per project),
 * and 2,775 clubs (the projects' factor, so each club sees the same deal flow).
 *
 * Rows go in through prepared statements in transactions of `BATCH` rows
 * (synchronous off): fast, and the WAL and SQLite's page cache stay bounded
 * whatever the scale. Per-volunteer state is kept in typed arrays.
 */
import fs from "node:fs";
import { DAY_MS } from "~/domain/paris-time";
import { openDatabase } from "~/utils/db.server";

export const BENCH_NOW = new Date("2026-03-15T10:00:00Z");

/** mulberry32: small, fast, and identical on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const int = (r: Rand, min: number, max: number) => min + Math.floor(r() * (max - min + 1));
function pickWeighted<T>(r: Rand, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [item, w] of items) {
    x -= w;
    if (x < 0) return item;
  }
  return (items[items.length - 1] as readonly [T, number])[0];
}
function sample<T>(r: Rand, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(r() * pool.length), 1)[0] as T);
  return out;
}

/** Picks communes in proportion to population (binary search on the cumulative sum). */
class CommunePicker {
  private readonly cumulative: Float64Array;
  constructor(readonly codes: readonly string[], populations: readonly number[]) {
    this.cumulative = new Float64Array(codes.length);
    let sum = 0;
    populations.forEach((p, i) => {
      sum += Math.max(1, p);
      this.cumulative[i] = sum;
    });
  }
  pick(r: Rand): string {
    const x = r() * (this.cumulative[this.cumulative.length - 1] ?? 0);
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] ?? 0) <= x) lo = mid + 1;
      else hi = mid;
    }
    return this.codes[lo] as string;
  }
}

export type BenchDataSummary = {
  file: string;
  volunteers: number;
  projects: number;
  needs: number;
  openNeeds: number;
  clubs: number;
  mentorships: number;
  seconds: number;
};

/** A numeric factor of scale 1, or the national data set. */
export type BenchScale = number | "national";

export function parseBenchScale(text: string | undefined): BenchScale {
  if (text === undefined) return 1;
  if (text === "national") return "national";
  const scale = Number(text);
  if (!(scale > 0 && scale <= 10)) throw new Error(`--scale must be "national" or in (0, 10], got ${text}`);
  return scale;
}

export function benchCounts(scale: BenchScale): { volunteers: number; projects: number; clubs: number } {
  if (scale === "national") return { volunteers: 1_000_000, projects: 55_500, clubs: 2_775 };
  return { volunteers: Math.round(100_000 * scale), projects: Math.round(10_000 * scale), clubs: Math.round(500 * scale) };
}

/** Rows per transaction. */
const BATCH = 50_000;

export function generateBenchData(file: string, scale: BenchScale, seed = 42): BenchDataSummary {
  const started = performance.now();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  const db = openDatabase(file);
  const c = db.$client;
  c.pragma("synchronous = OFF"); // a throwaway file: no need to sync each page while loading
  const r = rng(seed);
  const now = BENCH_NOW.getTime();

  const communes = c
    .prepare("select code, population, department_code from communes where latitude is not null order by code")
    .raw()
    .all() as [string, number, string][];
  const national = new CommunePicker(
    communes.map(([code]) => code),
    communes.map(([, p]) => p),
  );
  const byDepartment = new Map<string, [string, number][]>();
  for (const [code, pop, dep] of communes) {
    const list = byDepartment.get(dep) ?? [];
    list.push([code, pop]);
    byDepartment.set(dep, list);
  }
  const departmentPickers = new Map(
    [...byDepartment].map(([dep, list]) => [dep, new CommunePicker(list.map(([code]) => code), list.map(([, p]) => p))]),
  );
  const departmentOf = new Map(communes.map(([code, , dep]) => [code, dep]));

  const counts = benchCounts(scale);
  const summary: BenchDataSummary = { file, ...counts, needs: 0, openNeeds: 0, mentorships: 0, seconds: 0 };

  const insertUser = c.prepare(
    "insert into users (id, email, display_name, password_hash, commune_code, created_at, updated_at) values (?, ?, ?, 'bench-no-login', ?, ?, ?)",
  );
  const insertRole = c.prepare("insert into user_roles (user_id, role) values (?, ?)");
  const insertProfile = c.prepare(
    `insert into volunteer_profiles (user_id, status, radius_km, remote_ok, max_mentorships, hours_per_month, paused, last_active_at, created_at, updated_at)
     values (?, ?, ?, ?, ?, 4, ?, ?, ?, ?)`,
  );
  const insertSkill = c.prepare("insert into volunteer_skills (user_id, skill_id, level) values (?, ?, ?)");
  const insertDomain = c.prepare("insert into volunteer_domains (user_id, activity_domain_id) values (?, ?)");
  const insertProject = c.prepare(
    `insert into projects (id, owner_id, title, pitch, kind, stage, legal_form, activity_domain_id, commune_code, remote_ok, status, published_at, created_at, updated_at)
     values (?, ?, ?, 'Projet du banc d''essai.', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertNeed = c.prepare(
    "insert into project_skill_needs (id, project_id, skill_id, priority, status, created_at) values (?, ?, ?, ?, ?, ?)",
  );
  const insertFunding = c.prepare(
    "insert into project_funding_needs (project_id, amount_cents, kind, company_capital_cents, created_at) values (?, ?, ?, ?, ?)",
  );
  const insertMentorship = c.prepare(
    `insert or ignore into mentorships (id, project_id, need_id, volunteer_id, initiated_by, status, requested_at, responded_at, ended_at)
     values (?, ?, ?, ?, 'porteur', ?, ?, ?, ?)`,
  );
  const insertFeedback = c.prepare("insert into mentorship_feedback (mentorship_id, author_id, rating, created_at) values (?, ?, ?, ?)");

  const STATUSES = ["chef-entreprise", "salarie", "retraite", "etudiant", "demandeur-emploi", "autre"] as const;
  const RADII = [
    [10, 15],
    [20, 20],
    [30, 30],
    [50, 20],
    [100, 10],
    [200, 5],
  ] as const;
  const LEGAL = [
    ["a-definir", 15],
    ["micro-entreprise", 10],
    ["ei", 8],
    ["eurl", 5],
    ["sarl", 12],
    ["sas", 12],
    ["sasu", 8],
    ["sa", 2],
    ["scop", 8],
    ["scic", 8],
    ["association", 10],
    ["cae", 2],
  ] as const;
  const KINDS = ["a-son-compte", "entreprendre-a-plusieurs", "commerce-artisanat", "service", "produit-innovation"] as const;

  let userId = 0;
  const volunteerIds = new Int32Array(counts.volunteers);
  let volunteerCount = 0;
  const maxOf = new Uint8Array(counts.volunteers + 1); // volunteers are users 1..counts.volunteers
  // Commits every BATCH rows: one transaction of millions of rows would grow the WAL to gigabytes.
  let rows = 0;
  const row = () => {
    if (++rows % BATCH !== 0) return;
    c.exec("commit");
    c.exec("begin");
  };
  const openNeeds: { id: number; projectId: number; ownerId: number }[] = [];
  const publishedProjects: { id: number; ownerId: number; commune: string; eligible: boolean }[] = [];

  c.exec("begin");
  {
    // Volunteers.
    for (let i = 0; i < counts.volunteers; i++) {
      const id = ++userId;
      const commune = national.pick(r);
      insertUser.run(id, `benevole-${id}@bench.exemple.fr`, `Bénévole ${id}`, commune, now, now);
      insertRole.run(id, "benevole");
      const max = pickWeighted(r, [
        [1, 25],
        [2, 40],
        [3, 25],
        [4, 10],
      ] as const);
      maxOf[id] = max;
      const lastActive = now - Math.floor(-Math.log(1 - r()) * 60 * DAY_MS);
      insertProfile.run(
        id,
        STATUSES[int(r, 0, STATUSES.length - 1)],
        pickWeighted(r, RADII),
        r() < 0.15 ? 1 : 0,
        max,
        r() < 0.05 ? 1 : 0,
        lastActive,
        now,
        now,
      );
      const skillCount = pickWeighted(r, [
        [1, 40],
        [2, 40],
        [3, 20],
      ] as const);
      for (const skill of sample(r, [1, 2, 3, 4, 5, 6, 7], skillCount)) {
        insertSkill.run(id, skill, pickWeighted(r, [
          ["notions", 30],
          ["confirme", 45],
          ["expert", 25],
        ] as const));
      }
      for (const d of sample(r, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], int(r, 0, 2))) insertDomain.run(id, d);
      volunteerIds[volunteerCount++] = id;
      row();
    }

    // Projects and their needs.
    let needId = 0;
    for (let p = 1; p <= counts.projects; p++) {
      let ownerId: number;
      if (r() < 0.03) ownerId = volunteerIds[int(r, 0, volunteerCount - 1)] as number;
      else {
        ownerId = ++userId;
        insertUser.run(ownerId, `porteur-${ownerId}@bench.exemple.fr`, `Porteur ${ownerId}`, national.pick(r), now, now);
        insertRole.run(ownerId, "porteur");
      }
      const commune = national.pick(r);
      const status = pickWeighted(r, [
        ["publie", 85],
        ["brouillon", 10],
        ["clos", 5],
      ] as const);
      const stage = pickWeighted(r, [
        ["idee", 30],
        ["creation", 40],
        ["developpement", 30],
      ] as const);
      const legal = pickWeighted(r, LEGAL);
      insertProject.run(
        p,
        ownerId,
        `Projet ${p}`,
        KINDS[int(r, 0, KINDS.length - 1)],
        stage,
        legal,
        int(r, 1, 10),
        commune,
        r() < 0.25 ? 1 : 0,
        status,
        status === "brouillon" ? null : now - int(r, 1, 400) * DAY_MS,
        now,
        now,
      );
      for (const skill of sample(r, [1, 2, 3, 4, 5, 6, 7], int(r, 1, 4))) {
        const needStatus = pickWeighted(r, [
          ["ouvert", 85],
          ["pourvu", 10],
          ["clos", 5],
        ] as const);
        insertNeed.run(++needId, p, skill, pickWeighted(r, [
          ["haute", 40],
          ["moyenne", 40],
          ["basse", 20],
        ] as const), needStatus, now);
        summary.needs++;
        if (status === "publie" && needStatus === "ouvert") {
          openNeeds.push({ id: needId, projectId: p, ownerId });
          summary.openNeeds++;
        }
      }
      if (r() < 0.6) {
        const amount = Math.round(Math.exp(Math.log(200_000) + r() * Math.log(40)) / 100) * 100; // 2 k€ – 80 k€
        const kind = pickWeighted(r, [
          ["capital", 50],
          ["pret", 35],
          ["don", 15],
        ] as const);
        insertFunding.run(p, amount, kind, r() < 0.5 ? null : amount * int(r, 1, 3), now);
        if (status === "publie") {
          const eligible = kind !== "don" && stage !== "idee" && ["sarl", "sas", "sasu", "sa", "scop", "scic", "association"].includes(legal);
          publishedProjects.push({ id: p, ownerId, commune, eligible });
        }
      } else if (status === "publie") publishedProjects.push({ id: p, ownerId, commune, eligible: false });
      row();
    }

    // Mentorship history.
    let mentorshipId = 0;
    const addMentorship = (need: { id: number; projectId: number; ownerId: number }, volunteer: number, status: string) => {
      if (need.ownerId === volunteer) return;
      const ended = status === "terminee" ? now - int(r, 30, 700) * DAY_MS : null;
      const info = insertMentorship.run(++mentorshipId, need.projectId, need.id, volunteer, status, now - 800 * DAY_MS, now - 790 * DAY_MS, ended);
      if (info.changes === 0) return;
      summary.mentorships++;
      if (status === "terminee" && r() < 0.8) insertFeedback.run(mentorshipId, need.ownerId, int(r, 3, 5), now);
    };
    const randomNeed = () => openNeeds[int(r, 0, openNeeds.length - 1)] as (typeof openNeeds)[number];
    for (const v of volunteerIds) {
      const x = r();
      if (x < 0.25 && (maxOf[v] ?? 0) > 0) addMentorship(randomNeed(), v, "acceptee");
      if (r() < 0.2) for (let k = int(r, 1, 3); k > 0; k--) addMentorship(randomNeed(), v, "terminee");
      if (r() < 0.03) addMentorship(randomNeed(), v, "refusee");
      if (r() < 0.03) addMentorship(randomNeed(), v, "demande");
      row();
    }

    generateClubs(c, r, counts.clubs, {
      now,
      national,
      departmentPickers,
      departmentOf,
      publishedProjects,
      nextUserId: () => ++userId,
      row,
    });
  }
  c.exec("commit");
  c.pragma("wal_checkpoint(TRUNCATE)");
  c.exec("analyze");
  c.close();
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

function generateClubs(
  c: ReturnType<typeof openDatabase>["$client"],
  r: Rand,
  count: number,
  ctx: {
    now: number;
    national: CommunePicker;
    departmentPickers: Map<string, CommunePicker>;
    departmentOf: Map<string, string>;
    publishedProjects: { id: number; ownerId: number; commune: string; eligible: boolean }[];
    nextUserId: () => number;
    row: () => void;
  },
): void {
  const { now } = ctx;
  const insertUser = c.prepare(
    "insert into users (id, email, display_name, password_hash, commune_code, created_at, updated_at) values (?, ?, ?, 'bench-no-login', ?, ?, ?)",
  );
  const insertTerritory = c.prepare(
    "insert into territories (id, slug, name, area, description, created_at) values (?, ?, ?, ?, 'Pôle du banc d''essai.', ?)",
  );
  const insertPerimeter = c.prepare("insert into territory_communes (territory_id, commune_code) values (?, ?)");
  const insertClub = c.prepare(
    `insert into clubs (id, territory_id, name, status, ticket_min_cents, ticket_max_cents, started_on, investing_ends_on, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertArea = c.prepare("insert into club_areas (club_id, department_code, commune_code) values (?, ?, ?)");
  const insertSector = c.prepare("insert into club_sectors (club_id, activity_domain_id) values (?, ?)");
  const insertMember = c.prepare(
    "insert into club_members (club_id, user_id, role, status, monthly_savings_cents, joined_at, created_at) values (?, ?, ?, 'actif', ?, ?, ?)",
  );
  const insertLedger = c.prepare(
    "insert into club_ledger_entries (club_id, kind, amount_cents, member_user_id, project_id, occurred_on, recorded_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const insertCommitment = c.prepare(
    "insert into club_commitments (club_id, project_id, amount_cents, instrument, committed_at) values (?, ?, ?, 'capital', ?)",
  );
  const insertDeal = c.prepare(
    "insert or ignore into club_deals (club_id, project_id, stage, created_at, updated_at) values (?, ?, ?, ?, ?)",
  );

  // One pôle per department that gets a club, its perimeter the whole department.
  const territoryOf = new Map<string, number>();
  const perimeterOf = new Map<string, string[]>();
  for (const [code, dep] of ctx.departmentOf) {
    const list = perimeterOf.get(dep) ?? [];
    list.push(code);
    perimeterOf.set(dep, list);
  }
  const eligibleByDepartment = new Map<string, { id: number; ownerId: number; commune: string }[]>();
  for (const p of ctx.publishedProjects) {
    if (!p.eligible) continue;
    const dep = ctx.departmentOf.get(p.commune) ?? "";
    const list = eligibleByDepartment.get(dep) ?? [];
    list.push(p);
    eligibleByDepartment.set(dep, list);
  }

  for (let id = 1; id <= count; id++) {
    const home = ctx.national.pick(r);
    const dep = ctx.departmentOf.get(home) ?? "";
    let territoryId = territoryOf.get(dep);
    if (territoryId === undefined) {
      territoryId = territoryOf.size + 1;
      territoryOf.set(dep, territoryId);
      insertTerritory.run(territoryId, `pole-bench-${dep.toLowerCase()}`, `Pôle ${dep}`, `Département ${dep}`, now);
      for (const code of perimeterOf.get(dep) ?? []) insertPerimeter.run(territoryId, code);
    }
    const status = pickWeighted(r, [
      ["en-epargne", 80],
      ["en-constitution", 10],
      ["en-gestion", 10],
    ] as const);
    const startYear = int(r, 2021, 2025);
    const startedOn = `${startYear}-${String(int(r, 1, 12)).padStart(2, "0")}-01`;
    const ticketMin = int(r, 3, 10) * 10_000;
    const ticketMax = int(r, 2, 10) * 100_000;
    insertClub.run(id, territoryId, `Cigale ${id}`, status, ticketMin, ticketMax, startedOn, `${startYear + 5}${startedOn.slice(4)}`, now, now);
    const areaKind = r();
    const picker = ctx.departmentPickers.get(dep) as CommunePicker;
    if (areaKind < 0.4) insertArea.run(id, dep, null);
    else if (areaKind < 0.6) for (const code of new Set(Array.from({ length: 10 }, () => picker.pick(r)))) insertArea.run(id, null, code);
    for (const d of sample(r, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], int(r, 0, 3))) insertSector.run(id, d);

    const members: number[] = [];
    for (let k = int(r, 5, 20); k > 0; k--) {
      const userId = ctx.nextUserId();
      insertUser.run(userId, `epargnant-${userId}@bench.exemple.fr`, `Épargnant ${userId}`, picker.pick(r), now, now);
      insertMember.run(id, userId, members.length === 0 ? "gerant" : "membre", int(r, 8, 60) * 100, now, now);
      members.push(userId);
    }
    const gerant = members[0] as number;
    // Monthly savings since the start, as one line per member: enough for the balance.
    const months = Math.max(1, (2026 - startYear) * 12);
    for (const m of members) insertLedger.run(id, "cotisation", int(r, 15, 35) * 100 * months, m, null, startedOn, gerant, now);
    // Some past investments (commitment + the « investissement » line the club model writes).
    const local = eligibleByDepartment.get(dep) ?? [];
    if (status !== "en-constitution" && local.length > 0 && r() < 0.3) {
      for (const p of sample(r, local, int(r, 1, 2))) {
        if (members.includes(p.ownerId)) continue;
        const amount = int(r, ticketMin / 100, ticketMax / 100) * 100;
        insertCommitment.run(id, p.id, amount, now - 60 * DAY_MS);
        insertDeal.run(id, p.id, "engage", now, now);
        insertLedger.run(id, "investissement", amount, null, p.id, "2025-06-01", gerant, now);
      }
    }
    if (local.length > 0 && r() < 0.2) insertDeal.run(id, (local[int(r, 0, local.length - 1)] as { id: number }).id, "refuse", now, now);
    ctx.row();
  }
}

// CLI
if (process.argv[1]?.endsWith("bench-data.ts")) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const scale = parseBenchScale(arg("--scale"));
  const out = arg("--out") ?? `tmp/bench-${scale}.db`;
  const summary = generateBenchData(out, scale, Number(arg("--seed") ?? 42));
  console.log(JSON.stringify(summary));
}
