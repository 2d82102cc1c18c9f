/**
 * `npm run bench:http`: Maillon's server against the stock Remix handler, in the same run, on the
 * same build and the same database, loaded with autocannon over loopback (a benchmark, not a test).
 *
 * It builds nothing: run `npm run build` first. It seeds a throwaway copy of the demo database, starts
 * `server.js` (page cache, compression, security layer) and `scripts/stock-server.js`
 * (`@remix-run/express` alone), signs in a demo volunteer, then loads each page on one server and then
 * the other, as a browser asks for it (Accept-Encoding: gzip, br).
 *   npm run bench:http [-- --duration 10 --connections 50 --json]
 * With --json the last line is one JSON object: list_rps, list_ratio, list_p99_ms, espace_ratio,
 * espace_p99_ms, rss_mb (Maillon's peak resident memory), and every row.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
};
const DURATION_S = option("duration", 10);
const CONNECTIONS = option("connections", 50);
const PORT = option("port", 3299);
const STOCK_PORT = PORT + 1;
const JSON_OUTPUT = args.includes("--json");
const DB = path.resolve("tmp/bench-http.db");
const BROWSER_HEADERS = { "Accept-Encoding": "gzip, deflate, br", Accept: "text/html" };

type Server = { name: "maillon" | "stock"; base: string; process: ChildProcess };

function run(command: string, commandArgs: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { env, stdio: ["ignore", "ignore", "inherit"] });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}`))));
  });
}

async function waitFor(base: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${base}/`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${base} did not start`);
}

async function start(name: Server["name"], script: string, port: number, env: NodeJS.ProcessEnv): Promise<Server> {
  const child = spawn("node", [script], { env: { ...env, PORT: String(port), NODE_ENV: "production" }, stdio: ["ignore", "ignore", "inherit"] });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(base);
  return { name, base, process: child };
}

async function signIn(base: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${base}/connexion`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base },
    body: new URLSearchParams({ email, password, redirectTo: "/espace" }),
  });
  const cookie = response.headers.get("set-cookie");
  if (response.status !== 302 || !cookie) throw new Error(`sign-in failed: ${response.status}`);
  return cookie.split(";")[0]!;
}

/** Peak resident memory of a process (VmHWM), in MB. */
function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

type Row = { page: string; server: Server["name"]; rps: number; p50: number; p97_5: number; p99: number; errors: number; non2xx: number };

async function load(server: Server, page: string, label: string, headers: Record<string, string>): Promise<Row> {
  // Warm-up, the same for both servers: the JIT, the first render, the connections.
  await autocannon({ url: `${server.base}${page}`, connections: 10, amount: 200, headers: { ...BROWSER_HEADERS, ...headers } });
  const result = await autocannon({
    url: `${server.base}${page}`,
    connections: CONNECTIONS,
    duration: DURATION_S,
    headers: { ...BROWSER_HEADERS, ...headers },
  });
  return {
    page: label,
    server: server.name,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

async function main(): Promise<void> {
  if (!fs.existsSync("build/server/index.js")) throw new Error("run `npm run build` first");
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(DB + suffix, { force: true });
  // One mail worker (Maillon's); the write limits stay as configured: the bench only reads. No backups of a throwaway base.
  const env = { ...process.env, DATABASE_URL: DB, HOST: "127.0.0.1", COOKIE_SECURE: "0", OUTBOX_DIR: "tmp/bench-http-outbox", BACKUP_INTERVAL_HOURS: "0" };
  await run("npx", ["tsx", "scripts/db-setup.ts"], env);
  const projectId = (new Database(DB, { readonly: true }).prepare("SELECT id FROM projects WHERE status = 'publie' ORDER BY id LIMIT 1").get() as { id: number }).id;

  const servers: Server[] = [];
  try {
    const maillon = await start("maillon", "server.js", PORT, { ...env, PUBLIC_URL: `http://127.0.0.1:${PORT}` });
    servers.push(maillon);
    const stock = await start("stock", "scripts/stock-server.js", STOCK_PORT, { ...env, MAIL_WORKER: "0", PUBLIC_URL: `http://127.0.0.1:${STOCK_PORT}` });
    servers.push(stock);
    // Sessions live in the database: one sign-in serves both servers.
    const cookie = await signIn(maillon.base, "benevole@exemple.fr", "maillon-demo-2026");

    const pages: { page: string; label: string; headers: Record<string, string> }[] = [
      { page: "/", label: "/", headers: {} },
      { page: "/projets", label: "/projets", headers: {} },
      { page: "/poles", label: "/poles", headers: {} },
      { page: `/projets/${projectId}`, label: "/projets/:id", headers: {} },
      { page: "/espace", label: "/espace (connecté)", headers: { Cookie: cookie } },
    ];
    const rows: Row[] = [];
    for (const { page, label, headers } of pages) {
      for (const server of [stock, maillon]) rows.push(await load(server, page, label, headers));
    }

    const row = (label: string, name: Server["name"]) => rows.find((r) => r.page === label && r.server === name)!;
    const ratio = (label: string) => Math.round((row(label, "maillon").rps / Math.max(1, row(label, "stock").rps)) * 100) / 100;
    const summary = {
      connections: CONNECTIONS,
      duration_s: DURATION_S,
      list_rps: row("/projets", "maillon").rps,
      list_ratio: ratio("/projets"),
      list_p99_ms: row("/projets", "maillon").p99,
      espace_ratio: ratio("/espace (connecté)"),
      espace_p99_ms: row("/espace (connecté)", "maillon").p99,
      rss_mb: peakRssMb(maillon.process.pid!),
      stock_rss_mb: peakRssMb(stock.process.pid!),
      rows,
    };
    console.log(`\n${CONNECTIONS} connections, ${DURATION_S} s per page and server, loopback, ${new Date().toISOString()}`);
    console.table(rows);
    console.table(pages.map(({ label }) => ({ page: label, ratio: ratio(label) })));
    if (rows.some((r) => r.errors > 0 || r.non2xx > 0)) console.warn("Some answers were errors or not 2xx: see the table.");
    if (JSON_OUTPUT) console.log(JSON.stringify(summary));
  } finally {
    for (const server of servers) server.process.kill("SIGTERM");
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
