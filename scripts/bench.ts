/**
 * `npm run bench [-- --scale 0.1] [-- --json]`: the matcher's benchmark.
 *
 * Generates the synthetic national data set (scripts/bench-data.ts, fixed seed)
 * into tmp/, in a child process so its memory does not count, then measures in
 * this process, through the same API the routes use:
 *  - suggest mentors for one need (top 10) over 1,000 random open needs, and a
 *    naive baseline on the same needs: one SQL query scoring every volunteer
 *    with the skill (same filters and formula), with the agreement of both;
 *  - suggest clubs for one project (top 10) over 1,000 random published projects;
 *  - the global round over every open need: wall time, total, greedy total;
 *  - on 1,000 random needs, the round against an independent exact solver
 *    (HiGHS LP on EVERY eligible edge, found by brute force without the index);
 *  - peak RSS.
 * Prints a table; with --json, one JSON object on the last line.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  DISTANCE_HALF_KM,
  evaluateMentor,
  LEVEL_VALUE,
  POINT_UNCERTAINTY_KM,
  PRIORITY_FACTOR,
  RECENCY_HALF_LIFE_DAYS,
  TRACK_RECORD_FULL_AT,
  UNRATED_RATING_VALUE,
  type PreparedNeed,
  type PreparedVolunteer,
} from "~/domain/matching";
import { DAY_MS } from "~/domain/paris-time";
import { matchingStore, weightsOfNeed } from "~/models/matching-store.server";
import {
  runGlobalRound,
  suggestClubsForProject,
  suggestMentorsForNeed,
  suggestNeedsForVolunteer,
  suggestProjectsForClub,
} from "~/models/matching.server";
import { openDatabase, type Db } from "~/utils/db.server";
import { BENCH_NOW, parseBenchScale, rng, type BenchScale } from "./bench-data";

type Args = { scale: BenchScale; json: boolean; reuse: boolean; seed: number; samples: number; naiveSamples: number | undefined };

function parseArgs(argv: readonly string[]): Args {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const scale = parseBenchScale(value("--scale"));
  return { scale, json: argv.includes("--json"), reuse: argv.includes("--reuse"), seed: Number(value("--seed") ?? 42), samples: Number(value("--samples") ?? 1000),
    naiveSamples: value("--naive-samples") === undefined ? undefined : Number(value("--naive-samples")),
  };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

function timeEach<T>(items: readonly T[], fn: (item: T) => unknown): { p50: number; p95: number; mean: number } {
  const times: number[] = [];
  for (const item of items) {
    const t = performance.now();
    fn(item);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), mean: times.reduce((s, x) => s + x, 0) / times.length };
}

function pickSample<T>(items: readonly T[], count: number, seed: number): T[] {
  const r = rng(seed);
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(r() * pool.length), 1)[0] as T);
  return out;
}

/** The naive baseline: one query, every volunteer having the skill scored in SQL. */
function naiveStatement(db: Db) {
  // The generated data set gives no pôle weights of its own: every need scores with the defaults.
  const w = matchingStore(db).defaultWeights.mentor;
  return {
    statement: db.$client.prepare(`
      with n as (
        select ps.id, ps.skill_id, p.id as pid, p.owner_id, p.remote_ok as premote, p.activity_domain_id as dom,
          case ps.priority when 'haute' then :pHigh when 'moyenne' then :pMedium else :pLow end as pf,
          c.latitude as lat, c.longitude as lon,
          case c.point_source when 'postal' then :uPostal when 'department' then :uDepartment else 0 end as pu
        from project_skill_needs ps join projects p on p.id = ps.project_id join communes c on c.code = p.commune_code
        where ps.id = :need and ps.status = 'ouvert' and p.status = 'publie'
      ),
      cand as (
        select vs.user_id as id, vs.level, vp.radius_km, vp.remote_ok as vremote, vp.max_mentorships as mx, vp.last_active_at as la,
          (select count(*) from mentorships m where m.volunteer_id = vs.user_id and m.status = 'acceptee') as act,
          (select count(*) from mentorships m where m.volunteer_id = vs.user_id and m.status = 'terminee') as done,
          (select avg(f.rating) from mentorship_feedback f join mentorships m on m.id = f.mentorship_id
            where m.volunteer_id = vs.user_id and f.author_id <> vs.user_id) as rating,
          case when c.latitude is null or n.lat is null then null else
            2 * 6371.0088 * asin(min(1, sqrt(pow(sin(radians(n.lat - c.latitude) / 2), 2)
              + cos(radians(c.latitude)) * cos(radians(n.lat)) * pow(sin(radians(n.lon - c.longitude) / 2), 2)))) end as d,
          exists(select 1 from volunteer_domains vd where vd.user_id = vs.user_id and vd.activity_domain_id = n.dom) as shared,
          -- A distance is never scored closer than the two points' uncertainty (ADR 013).
          n.pu + case c.point_source when 'postal' then :uPostal when 'department' then :uDepartment else 0 end as u,
          n.pf, n.premote
        from n join volunteer_skills vs on vs.skill_id = n.skill_id
        join volunteer_profiles vp on vp.user_id = vs.user_id
        join users u on u.id = vs.user_id
        join communes c on c.code = u.commune_code
        where vp.paused = 0 and vs.user_id <> n.owner_id
          and not exists (select 1 from mentorships m where m.project_id = n.pid and m.volunteer_id = vs.user_id and m.status = 'refusee')
          and not exists (select 1 from mentorships m where m.need_id = n.id and m.volunteer_id = vs.user_id and m.status in ('demande', 'acceptee'))
      )
      select id, round(100 * (
          :wSkill * ((case level when 'notions' then :lNotions when 'confirme' then :lConfirmed else :lExpert end) * pf)
        + :wDist * (case when d is null then 0 else 1 / (1 + max(d, u) / :distanceHalfKm) end)
        + :wDom * shared
        + :wCap * ((mx - act) * 1.0 / mx)
        + :wTrack * (0.5 * min(1, done * 1.0 / :trackFullAt) + 0.5 * coalesce((rating - 1) / 4.0, :unrated))
        + :wRec * pow(0.5, max(0, (:now - la) * 1.0 / :dayMs) / :halfLifeDays)
      )) as h
      from cand
      where act < mx and ((d is not null and d <= radius_km) or (vremote = 1 and premote = 1))
      order by h desc, id asc limit 10`),
    params: {
      wSkill: w.skillLevel,
      wDist: w.distance,
      wDom: w.sharedDomain,
      wCap: w.capacity,
      wTrack: w.trackRecord,
      wRec: w.recency,
      uPostal: POINT_UNCERTAINTY_KM.postal,
      uDepartment: POINT_UNCERTAINTY_KM.department,
      pHigh: PRIORITY_FACTOR.haute,
      pMedium: PRIORITY_FACTOR.moyenne,
      pLow: PRIORITY_FACTOR.basse,
      lNotions: LEVEL_VALUE.notions,
      lConfirmed: LEVEL_VALUE.confirme,
      lExpert: LEVEL_VALUE.expert,
      distanceHalfKm: DISTANCE_HALF_KM,
      trackFullAt: TRACK_RECORD_FULL_AT,
      unrated: UNRATED_RATING_VALUE,
      halfLifeDays: RECENCY_HALF_LIFE_DAYS,
      dayMs: DAY_MS,
      now: BENCH_NOW.getTime(),
    },
  };
}

/**
 * The independent check: the subset's eligible edges, found by brute force
 * with the reference evaluation (no index, no pruning: every volunteer having
 * the need's skill goes through `evaluateMentor`), solved as an LP by HiGHS.
 * The bipartite constraint matrix is totally unimodular, so the LP optimum is
 * the integer optimum (we also check the solution is 0/1).
 *
 * Each need keeps only its best N eligible edges, N = the number of needs in
 * the subset (by weight desc, then volunteer id asc). This loses no optimum:
 * take an optimal assignment where need n holds an edge outside its top N.
 * The other N − 1 needs hold at most N − 1 volunteers, so one of n's top-N
 * volunteers u is assigned to none of them; moving n to u frees a unit of
 * capacity elsewhere, uses one of u's (u had ≥ 1 left: capacities are ≥ 1 for
 * every volunteer with an eligible edge, and only n could have been using it —
 * it was not) and does not lower the total (u's edge weighs at least as much
 * as any edge outside the top N). Repeating for every such need (each move
 * strictly reduces the number of out-of-top-N edges) gives an optimal
 * assignment inside the kept edges. At national scale this keeps ≤ 1,000
 * edges a need instead of ~17,000, so the verifier's memory stays bounded.
 */
async function highsOptimum(db: Db, needIds: readonly number[]) {
  const store = matchingStore(db);
  const nowMs = BENCH_NOW.getTime();
  const keep = needIds.length;
  const bySkill = new Map<number, PreparedVolunteer[]>();
  for (const v of store.volunteers.slots) {
    if (!v) continue;
    for (const skill of v.skills.map((packed) => packed >> 2)) {
      const list = bySkill.get(skill) ?? [];
      list.push(v);
      bySkill.set(skill, list);
    }
  }
  const colNeed: number[] = [];
  const colVolunteer: number[] = [];
  const colWeight: number[] = [];
  const volunteerRow = new Map<number, number>();
  const capacities: number[] = [];
  let eligibleEdges = 0;
  needIds.forEach((id, row) => {
    const need = store.needs.getById(id) as PreparedNeed;
    const w = weightsOfNeed(store, need).mentor;
    const found: { v: PreparedVolunteer; h: number }[] = [];
    for (const v of bySkill.get(need.skillId) ?? []) {
      const e = evaluateMentor(v, need, w, nowMs);
      if (!e.ok || e.match.hundredths <= 0) continue;
      found.push({ v, h: e.match.hundredths });
    }
    eligibleEdges += found.length;
    found.sort((a, b) => b.h - a.h || a.v.id - b.v.id);
    for (const { v, h } of found.slice(0, keep)) {
      let vr = volunteerRow.get(v.id);
      if (vr === undefined) {
        vr = volunteerRow.size;
        volunteerRow.set(v.id, vr);
        capacities.push(v.maxMentorships - v.activeMentorships);
      }
      colNeed.push(row);
      colVolunteer.push(vr);
      colWeight.push(h);
    }
  });
  const numCols = colWeight.length;
  const numRows = needIds.length + capacities.length;
  const starts = new Int32Array(numCols + 1);
  const indices = new Int32Array(numCols * 2);
  const values = new Float64Array(numCols * 2).fill(1);
  for (let j = 0; j < numCols; j++) {
    starts[j + 1] = 2 * (j + 1);
    indices[2 * j] = colNeed[j] as number;
    indices[2 * j + 1] = needIds.length + (colVolunteer[j] as number);
  }
  // Imported here: only the verifier child needs it (its module alone costs ~15 MB).
  const { default: loadHighs } = await import("highs");
  const highs = await loadHighs();
  const t = performance.now();
  const result = highs.withModel(
    {
      numCols,
      numRows,
      sense: highs.constants.objectiveSense.maximize,
      colCost: Float64Array.from(colWeight),
      colLower: new Float64Array(numCols),
      colUpper: new Float64Array(numCols).fill(1),
      rowLower: new Float64Array(numRows).fill(-highs.infinity),
      rowUpper: Float64Array.from([...needIds.map(() => 1), ...capacities]),
      matrix: { format: "csc", numRows, numCols, starts, indices, values },
    },
    (model) => {
      model.options.set({ output_flag: false });
      model.run();
      const x = model.getSolution().colValue;
      let fractional = 0;
      for (let j = 0; j < numCols; j++) {
        const v = x[j] ?? 0;
        if (Math.abs(v - Math.round(v)) > 1e-6) fractional++;
      }
      return { status: model.getModelStatus() as number | string, objective: model.getObjectiveValue(), fractional };
    },
  );
  return { ...result, edges: numCols, eligibleEdges, seconds: (performance.now() - t) / 1000 };
}

/** Child mode: `--verify-subset <db> <need ids json>` prints HiGHS's optimum as JSON. */
async function verifySubset(file: string, needIdsFile: string): Promise<void> {
  const db = openDatabase(file);
  const needIds = JSON.parse(fs.readFileSync(needIdsFile, "utf8")) as number[];
  const result = await highsOptimum(db, needIds);
  const statusName = result.status === 7 ? "Optimal" : `status ${result.status}`;
  console.log(JSON.stringify({ ...result, status: statusName, rssMb: process.resourceUsage().maxRSS / 1024 }));
  db.$client.close();
}

async function main(): Promise<void> {
  const verify = process.argv.indexOf("--verify-subset");
  if (verify >= 0) return verifySubset(process.argv[verify + 1] ?? "", process.argv[verify + 2] ?? "");
  const args = parseArgs(process.argv.slice(2));
  const log = (line: string) => console.log(line);
  // Progress on stderr (the last stdout line stays the JSON).
  const started = performance.now();
  const progress = (what: string) => console.error(`[bench ${((performance.now() - started) / 1000).toFixed(1)} s] ${what}`);
  const file = path.resolve(`tmp/bench-s${args.scale}-seed${args.seed}.db`);

  // 1. Data, in a child process (its memory is not the matcher's). `--reuse` keeps a data set
  // generated earlier with the same scale and seed (its summary sits beside it): for iterating.
  const summaryFile = `${file}.summary.json`;
  let data: { seconds: number; openNeeds: number; mentorships: number };
  if (args.reuse && fs.existsSync(file) && fs.existsSync(summaryFile)) {
    data = JSON.parse(fs.readFileSync(summaryFile, "utf8")) as typeof data;
  } else {
    fs.rmSync(summaryFile, { force: true });
    const generated = spawnSync(
      process.execPath,
      ["--import", "tsx", "scripts/bench-data.ts", "--scale", String(args.scale), "--out", file, "--seed", String(args.seed)],
      { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
    );
    if (generated.status !== 0) throw new Error(`data generation failed (${generated.status})`);
    const line = generated.stdout.trim().split("\n").pop() ?? "{}";
    data = JSON.parse(line) as typeof data;
    fs.writeFileSync(summaryFile, line);
  }

  progress("data ready");
  // 2. The index, built on first use as in the app.
  const db = openDatabase(file);
  let t = performance.now();
  const store = matchingStore(db);
  const indexSeconds = (performance.now() - t) / 1000;

  const openNeedIds = [...store.needs.all()].map((n) => n.id).sort((a, b) => a - b);
  const needSample = pickSample(openNeedIds, args.samples, args.seed + 1);
  const opts = { limit: 10, now: BENCH_NOW };

  progress("index built");
  // 3. Suggest: warm up, then time; the naive baseline on the same needs.
  for (const id of needSample.slice(0, 50)) suggestMentorsForNeed(db, id, opts);
  const suggest = timeEach(needSample, (id) => suggestMentorsForNeed(db, id, opts));
  progress(`suggest p50 ${suggest.p50.toFixed(3)} ms, p95 ${suggest.p95.toFixed(3)} ms; naive baseline`);
  const naive = naiveStatement(db);
  const naiveResults = new Map<number, { id: number; h: number }[]>();
  // The baseline scores every volunteer with the skill (≈ 1.5 s a need at national scale):
  // there it runs on the sample's first `naiveSamples` needs (default 100) instead of all.
  const naiveSample = needSample.slice(0, args.naiveSamples ?? (args.scale === "national" ? 100 : needSample.length));
  const naiveTimes = timeEach(naiveSample, (id) =>
    naiveResults.set(id, naive.statement.all({ ...naive.params, need: id }) as { id: number; h: number }[]),
  );
  // Same top 10, same scores? (Outside the timed loops.)
  let agree = 0;
  for (const id of naiveSample) {
    const a = suggestMentorsForNeed(db, id, opts).map((s) => `${s.volunteerId}:${Math.round(s.score * 100)}`);
    const b = (naiveResults.get(id) ?? []).map((row) => `${row.id}:${row.h}`);
    if (a.join() === b.join()) agree++;
  }
  naiveResults.clear();

  progress("suggest and naive done");
  // 4. Clubs.
  const projectIds = [...store.projects.keys()].sort((a, b) => a - b);
  const projectSample = pickSample(projectIds, args.samples, args.seed + 2);
  for (const id of projectSample.slice(0, 50)) suggestClubsForProject(db, id, opts);
  const clubs = timeEach(projectSample, (id) => suggestClubsForProject(db, id, opts));
  const clubsWithSuggestions = projectSample.filter((id) => suggestClubsForProject(db, id, opts).length > 0).length;

  // Also the other directions (reported in the table only).
  const volunteerSample = pickSample([...store.volunteers.all()].map((v) => v.id).sort((a, b) => a - b), args.samples, args.seed + 4);
  const needsForVolunteer = timeEach(volunteerSample, (id) => suggestNeedsForVolunteer(db, id, opts));
  const clubIds = store.clubs.map((c) => c.id).sort((a, b) => a - b);
  const projectsForClub = timeEach(clubIds, (id) => suggestProjectsForClub(db, id, opts));

  progress("clubs and other directions done");
  // 5. The global round.
  t = performance.now();
  const round = runGlobalRound(db, { now: BENCH_NOW });
  const roundSeconds = (performance.now() - t) / 1000;

  progress(`global round done in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  // 6. A 1,000-need subset against HiGHS, in a child process: the verifier's
  // memory (every edge, the LP) is not the matcher's.
  const subset = pickSample(openNeedIds, 1000, args.seed + 3).sort((a, b) => a - b);
  t = performance.now();
  const subsetRound = runGlobalRound(db, { now: BENCH_NOW, needIds: subset });
  const subsetSeconds = (performance.now() - t) / 1000;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  const subsetFile = `${file}.subset.json`;
  fs.writeFileSync(subsetFile, JSON.stringify(subset));
  progress("subset round done; HiGHS verifier");
  const verifier = spawnSync(process.execPath, ["--import", "tsx", "scripts/bench.ts", "--verify-subset", file, subsetFile], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 1 << 20,
  });
  fs.rmSync(subsetFile, { force: true });
  if (verifier.status !== 0) throw new Error(`HiGHS verifier failed (${verifier.status})`);
  const exact = JSON.parse(verifier.stdout.trim().split("\n").pop() ?? "{}") as Awaited<ReturnType<typeof highsOptimum>> & { rssMb: number };
  const gap = Math.round(exact.objective - subsetRound.total * 100) / 100;

  const result = {
    suggest_p95_ms: round3(suggest.p95),
    suggest_p50_ms: round3(suggest.p50),
    naive_p95_ms: round3(naiveTimes.p95),
    speedup_vs_naive: Math.round((naiveTimes.p95 / suggest.p95) * 10) / 10,
    clubs_p95_ms: round3(clubs.p95),
    round_s: round3(roundSeconds),
    round_total: round.total,
    greedy_total: round.greedyTotal,
    exact_subset_gap: gap,
    rss_mb: Math.round(rssMb),
  };

  const rows: [string, string][] = [
    [
      "machine",
      `${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, Node ${process.version}, load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")}`,
    ],
    ["data", `scale ${args.scale}, seed ${args.seed}: ${store.volunteers.size} volunteers with skills, ${store.projects.size} published projects, ${openNeedIds.length} open needs, ${store.clubs.length} investing clubs, ${data.mentorships} mentorships (generated in ${data.seconds.toFixed(1)} s)`],
    ["index build", `${indexSeconds.toFixed(2)} s`],
    ["suggest mentors, top 10", `p50 ${suggest.p50.toFixed(3)} ms · p95 ${suggest.p95.toFixed(3)} ms (${needSample.length} needs)`],
    ["naive SQL baseline", `p50 ${naiveTimes.p50.toFixed(2)} ms · p95 ${naiveTimes.p95.toFixed(2)} ms · speed-up at p95 ×${result.speedup_vs_naive}`],
    ["naive = index (top 10, ids and scores)", `${agree} / ${naiveSample.length}`],
    ["suggest clubs, top 10", `p50 ${clubs.p50.toFixed(3)} ms · p95 ${clubs.p95.toFixed(3)} ms (${clubsWithSuggestions} of ${projectSample.length} projects get clubs)`],
    ["needs for a volunteer, top 10", `p50 ${needsForVolunteer.p50.toFixed(3)} ms · p95 ${needsForVolunteer.p95.toFixed(3)} ms (${volunteerSample.length} volunteers)`],
    ["projects for a club, top 10", `p50 ${projectsForClub.p50.toFixed(3)} ms · p95 ${projectsForClub.p95.toFixed(3)} ms (${clubIds.length} clubs)`],
    [
      "global round",
      `${roundSeconds.toFixed(2)} s · ${round.stats.needs} needs · ${round.assignments.length} matched · total ${round.total} vs greedy ${round.greedyTotal} (+${(round.total - round.greedyTotal).toFixed(2)})`,
    ],
    ["round internals", `${round.stats.components} components (largest ${round.stats.largestComponent} needs) · ${round.stats.iterations} certification pass(es) · ${round.stats.edgesUsed} edges fetched`],
    [
      "1,000-need subset",
      `round ${subsetRound.total} in ${subsetSeconds.toFixed(2)} s · HiGHS LP ${(exact.objective / 100).toFixed(2)} (${exact.status}, ${exact.eligibleEdges} eligible edges by brute force, best ${subset.length} per need kept: ${exact.edges}, ${exact.fractional} fractional, ${exact.seconds.toFixed(1)} s) · gap ${gap}`,
    ],
    ["peak RSS", `${result.rss_mb} MB (matcher process; HiGHS verifier child: ${Math.round(exact.rssMb)} MB)`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  log("");
  for (const [k, v] of rows) log(`${k.padEnd(width)}  ${v}`);
  log("");
  if (args.json) log(JSON.stringify(result));
  db.$client.close();
  if (!fs.existsSync(file)) throw new Error("bench database vanished");
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
