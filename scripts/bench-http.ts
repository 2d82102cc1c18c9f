/**
 * `npm run bench:http`: HTTP throughput and latency of the production server on
 * the demo data, measured with autocannon over loopback (a benchmark, not a test).
 *
 * It builds nothing: run `npm run build` first. It starts `server.js` on a
 * throwaway copy of the demo database, signs in a demo account for the pages
 * behind a session, then loads each page for a fixed time.
 *   npm run bench:http [-- --duration 10 --connections 50 --json]
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import autocannon from "autocannon";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
};
const DURATION_S = option("duration", 10);
const CONNECTIONS = option("connections", 50);
const PORT = option("port", 3299);
const JSON_OUTPUT = args.includes("--json");
const BASE = `http://127.0.0.1:${PORT}`;
const DB = path.resolve("tmp/bench-http.db");

function run(command: string, commandArgs: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { env, stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}`))));
  });
}

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${BASE}/`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("server did not start");
}

async function signIn(email: string, password: string): Promise<string> {
  const response = await fetch(`${BASE}/connexion`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: BASE },
    body: new URLSearchParams({ email, password, redirectTo: "/espace" }),
  });
  const cookie = response.headers.get("set-cookie");
  if (response.status !== 302 || !cookie) throw new Error(`sign-in failed: ${response.status}`);
  return cookie.split(";")[0]!;
}

type Row = { page: string; rps: number; p50: number; p97_5: number; p99: number; errors: number; non2xx: number };

async function load(page: string, headers: Record<string, string> = {}): Promise<Row> {
  const result = await autocannon({
    url: `${BASE}${page}`,
    connections: CONNECTIONS,
    duration: DURATION_S,
    headers,
  });
  return {
    page,
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
  const env = { ...process.env, DATABASE_URL: DB, PORT: String(PORT), HOST: "127.0.0.1", COOKIE_SECURE: "0" };
  await run("npx", ["tsx", "scripts/db-setup.ts"], env);
  let server: ChildProcess | undefined;
  try {
    server = spawn("node", ["server.js"], { env: { ...env, NODE_ENV: "production" }, stdio: "ignore" });
    await waitForServer();
    const cookie = await signIn("benevole@exemple.fr", "maillon-demo-2026");
    const rows: Row[] = [];
    for (const page of ["/", "/poles", "/poles/vals-de-saintonge", "/clubs", "/api/communes?q=saint%20jean"]) {
      rows.push(await load(page));
    }
    // Pages behind a session, as the demo volunteer (the matcher's suggestions run on each request).
    for (const page of ["/espace", "/projets", "/benevoles/projets"]) {
      rows.push({ ...(await load(page, { Cookie: cookie })), page: `${page} (connecté)` });
    }

    console.log(`\n${CONNECTIONS} connections, ${DURATION_S} s per page, loopback, ${new Date().toISOString()}`);
    console.table(rows);
    if (JSON_OUTPUT) console.log(JSON.stringify({ connections: CONNECTIONS, duration_s: DURATION_S, pages: rows }));
  } finally {
    server?.kill("SIGTERM");
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
