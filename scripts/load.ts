/**
 * `npm run load`: a load test of the production server, not part of `npm test` (it lasts a minute).
 *
 * It builds nothing: run `npm run build` first. It seeds a fresh copy of the demo base, starts
 * `server.js` as in production (its limits as the environment sets them), signs the demo people in,
 * then drives virtual users over loopback with autocannon, one instance per kind of use, all at once:
 * browsing, signing in, the matcher's pages (suggestions a volunteer and a holder see), mentorship
 * requests, pledges and club votes — the real forms, with the Origin the server expects and session
 * cookies. It reports per kind the requests, rate, latency and answers (429 apart from the other
 * 4xx), scans the server's stderr for SQLITE_BUSY, and fails on any 5xx or SQLITE_BUSY. Last line: JSON.
 *   npm run load [-- --duration 60 --connections 200 --port 3336]
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  const value = i >= 0 ? Number(args[i + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const DURATION_S = option("duration", 60);
const CONNECTIONS = option("connections", 200);
const PORT = option("port", 3336);
const BASE = `http://127.0.0.1:${PORT}`;
const DB = path.resolve("tmp/load.db");
const SERVER_LOG = path.resolve("tmp/load-server.log");
const PASSWORD = "maillon-demo-2026";

/** Share of the virtual users per kind of use (a pôle's site is mostly read). */
const MIX = { browse: 0.45, suggest: 0.15, signin: 0.05, mentor: 0.1, pledge: 0.15, vote: 0.1 } as const;
type Kind = keyof typeof MIX;

/** Each person signs in from an address of their own (the server trusts X-Forwarded-For, as behind a proxy). */
let addressCounter = 0;
function nextAddress(): string {
  addressCounter += 1;
  return `10.${(addressCounter >> 16) & 255}.${(addressCounter >> 8) & 255}.${addressCounter & 255}`;
}

function formPost(body: Record<string, string>, cookie?: string, address = nextAddress()) {
  return {
    method: "POST" as const,
    body: new URLSearchParams(body).toString(),
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: BASE,
      "x-forwarded-for": address,
      ...(cookie ? { cookie } : {}),
    },
  };
}

async function waitForServer(server: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (server.exitCode !== null) throw new Error(`server.js exited (${server.exitCode}); see ${SERVER_LOG}`);
    try {
      if ((await fetch(`${BASE}/`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("server did not start");
}

type Person = { id: number; email: string; cookie: string; address: string };

async function signIn(person: { id: number; email: string }): Promise<Person> {
  const address = nextAddress();
  const response = await fetch(`${BASE}/connexion`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: BASE, "X-Forwarded-For": address },
    body: new URLSearchParams({ email: person.email, password: PASSWORD, redirectTo: "/espace" }),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith("maillon_session="));
  if (response.status !== 302 || !cookie) throw new Error(`sign-in of ${person.email} failed: ${response.status}`);
  return { ...person, cookie, address };
}

/** Who does what in the demo, read from the fresh base. */
function readDemo(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const all = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[];
    const withRole = (role: string) =>
      all<{ id: number; email: string }>("SELECT u.id, u.email FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role = ? ORDER BY u.id", role);
    const published = all<{ id: number; ownerId: number }>("SELECT id, owner_id AS ownerId FROM projects WHERE status = 'publie' ORDER BY id");
    const openNeeds = all<{ projectId: number; needId: number; ownerId: number; email: string }>(
      `SELECT p.id AS projectId, n.id AS needId, p.owner_id AS ownerId, u.email
       FROM project_skill_needs n JOIN projects p ON p.id = n.project_id JOIN users u ON u.id = p.owner_id
       WHERE p.status = 'publie' AND n.status = 'ouvert' ORDER BY n.id`,
    );
    const funded = all<{ projectId: number; ownerId: number }>(
      `SELECT p.id AS projectId, p.owner_id AS ownerId FROM projects p JOIN project_funding_needs f ON f.project_id = p.id
       WHERE p.status = 'publie' ORDER BY p.id`,
    );
    const openVotes = all<{ voteId: number; clubId: number; userId: number; email: string }>(
      `SELECT v.id AS voteId, v.club_id AS clubId, u.id AS userId, u.email FROM club_votes v
       JOIN club_members m ON m.club_id = v.club_id AND m.status = 'actif' JOIN users u ON u.id = m.user_id
       WHERE v.status = 'ouvert' ORDER BY v.id, u.id`,
    );
    return { volunteers: withRole("benevole"), savers: withRole("epargnant"), published, openNeeds, funded, openVotes };
  } finally {
    db.close();
  }
}

type Row = {
  kind: Kind;
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p97_5: number;
  p99: number;
  s2xx: number;
  s3xx: number;
  s4xx: number;
  s429: number;
  s5xx: number;
  errors: number;
  timeouts: number;
};

function rowOf(kind: Kind, connections: number, result: autocannon.Result): Row {
  const stats = (result as autocannon.Result & { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
  const s429 = stats["429"]?.count ?? 0;
  return {
    kind,
    connections,
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    s2xx: result["2xx"],
    s3xx: result["3xx"],
    s4xx: result["4xx"] - s429,
    s429,
    s5xx: result["5xx"],
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

function cycle<T>(items: T[]): () => T {
  if (items.length === 0) throw new Error("the demo base lacks what this load needs");
  let i = 0;
  return () => items[i++ % items.length]!;
}

async function main(): Promise<void> {
  if (!fs.existsSync("build/server/index.js")) throw new Error("run `npm run build` first");
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(DB + suffix, { force: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: DB,
    PORT: String(PORT),
    HOST: "127.0.0.1",
    PUBLIC_URL: BASE,
    COOKIE_SECURE: "0",
    TRUST_PROXY: "1",
    OUTBOX_DIR: "tmp/load-outbox",
    BACKUP_INTERVAL_HOURS: "0",
  };
  const setup = spawnSync(process.execPath, ["--import", "tsx", "scripts/db-setup.ts"], { env, stdio: "inherit" });
  if (setup.status !== 0) throw new Error("db:setup failed");
  const demo = readDemo(DB);

  const log = fs.openSync(SERVER_LOG, "w");
  const server = spawn(process.execPath, ["server.js"], { env, stdio: ["ignore", log, log] });
  const rows: Row[] = [];
  try {
    await waitForServer(server);
    // Everyone who writes signs in first (sessions as real people have them).
    const holderIds = new Set(demo.openNeeds.map((n) => n.ownerId));
    const ownerById = new Map(demo.published.map((p) => [p.id, p.ownerId]));
    const toSign = new Map<number, string>();
    for (const v of demo.volunteers.slice(0, 20)) toSign.set(v.id, v.email);
    for (const s of demo.savers) toSign.set(s.id, s.email);
    for (const n of demo.openNeeds) toSign.set(n.ownerId, n.email);
    for (const v of demo.openVotes) toSign.set(v.userId, v.email);
    const people = new Map<number, Person>();
    for (const [id, email] of toSign) people.set(id, await signIn({ id, email }));
    const person = (id: number) => people.get(id)!;

    const nextProject = cycle(demo.published.map((p) => p.id));
    const nextSuggestion = cycle([
      ...demo.volunteers.slice(0, 20).map((v) => ({ path: "/benevoles/projets", cookie: person(v.id).cookie })),
      ...[...holderIds].flatMap((ownerId) =>
        demo.published.filter((p) => p.ownerId === ownerId).map((p) => ({ path: `/projets/${p.id}`, cookie: person(ownerId).cookie })),
      ),
    ]);
    const nextSignIn = cycle([...toSign.values()]);
    const nextVolunteer = cycle(demo.volunteers.map((v) => v.id));
    const nextNeed = cycle(demo.openNeeds);
    const pledgers = demo.funded.flatMap((f) => demo.savers.filter((s) => s.id !== f.ownerId).map((s) => ({ projectId: f.projectId, saverId: s.id })));
    const nextPledge = cycle(pledgers.filter((p) => ownerById.get(p.projectId) !== p.saverId));
    const nextBallot = cycle(demo.openVotes);
    let pledgeCount = 0;

    const requestsFor: Record<Kind, autocannon.Request[]> = {
      browse: [
        { method: "GET", path: "/" },
        { method: "GET", path: "/projets" },
        { method: "GET", path: "/poles" },
        { method: "GET", setupRequest: (req) => ({ ...req, path: `/projets/${nextProject()}` }) },
      ],
      suggest: [
        {
          method: "GET",
          setupRequest: (req) => {
            const s = nextSuggestion();
            return { ...req, path: s.path, headers: { cookie: s.cookie } };
          },
        },
      ],
      signin: [{ setupRequest: (req) => ({ ...req, path: "/connexion", ...formPost({ email: nextSignIn(), password: PASSWORD, redirectTo: "/espace" }) }) }],
      mentor: [
        {
          setupRequest: (req) => {
            const need = nextNeed();
            const holder = person(need.ownerId);
            return {
              ...req,
              path: `/projets/${need.projectId}`,
              ...formPost(
                { intent: "request", needId: String(need.needId), volunteerId: String(nextVolunteer()), message: "Bonjour, votre profil correspond à notre besoin." },
                holder.cookie,
                holder.address,
              ),
            };
          },
        },
      ],
      pledge: [
        {
          setupRequest: (req) => {
            const p = nextPledge();
            const saver = person(p.saverId);
            pledgeCount += 1;
            return {
              ...req,
              path: `/projets/${p.projectId}/soutenir`,
              ...formPost({ amount: "10", kind: "don", message: `Soutien de charge n° ${pledgeCount}` }, saver.cookie, saver.address),
            };
          },
        },
      ],
      vote: [
        {
          setupRequest: (req) => {
            const b = nextBallot();
            const member = person(b.userId);
            return { ...req, path: `/clubs/${b.clubId}/votes/${b.voteId}`, ...formPost({ choice: "pour" }, member.cookie, member.address) };
          },
        },
      ],
    };

    const kinds = Object.keys(MIX) as Kind[];
    const split = kinds.map((kind) => Math.max(1, Math.round(CONNECTIONS * MIX[kind])));
    console.log(`\nCharge : ${CONNECTIONS} utilisateurs virtuels pendant ${DURATION_S} s sur ${BASE} (${kinds.map((k, i) => `${k} ${split[i]}`).join(", ")})…`);
    const results = await Promise.all(
      kinds.map((kind, i) =>
        autocannon({ url: BASE, connections: split[i]!, duration: DURATION_S, requests: requestsFor[kind], timeout: 10 }),
      ),
    );
    kinds.forEach((kind, i) => rows.push(rowOf(kind, split[i]!, results[i]!)));
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    fs.closeSync(log);
  }

  const stderr = fs.readFileSync(SERVER_LOG, "utf8");
  const sqliteBusy = (stderr.match(/SQLITE_BUSY|database is locked/g) ?? []).length;
  const sum = (key: keyof Row) => rows.reduce((total, row) => total + (row[key] as number), 0);
  const total = {
    requests: sum("requests"),
    rps: sum("rps"),
    s2xx: sum("s2xx"),
    s3xx: sum("s3xx"),
    s4xx: sum("s4xx"),
    s429: sum("s429"),
    s5xx: sum("s5xx"),
    errors: sum("errors"),
    timeouts: sum("timeouts"),
  };
  const ok = total.s5xx === 0 && sqliteBusy === 0;
  console.log(`\n${new Date().toISOString()} · ${os.cpus().length} cœurs ${os.cpus()[0]?.model ?? ""} · Node ${process.version} · loopback`);
  console.table(rows);
  console.log(
    `Total : ${total.requests} requêtes, ${total.rps} req/s ; 2xx ${total.s2xx}, 3xx ${total.s3xx}, 4xx ${total.s4xx}, 429 ${total.s429}, 5xx ${total.s5xx}, ` +
      `erreurs ${total.errors}, délais dépassés ${total.timeouts} ; SQLITE_BUSY dans le journal du serveur : ${sqliteBusy}. ${ok ? "OK" : "ÉCHEC : 0 5xx et 0 SQLITE_BUSY attendus."}`,
  );
  console.log(
    JSON.stringify({
      date: new Date().toISOString(),
      machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? "", node: process.version },
      duration_s: DURATION_S,
      connections: CONNECTIONS,
      kinds: rows,
      total,
      sqlite_busy: sqliteBusy,
      ok,
    }),
  );
  if (!ok) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
