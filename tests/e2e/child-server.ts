/**
 * A production server of our own for the tests that stop or kill it (tests/e2e/operations.spec.ts):
 * `node server.js` as `npm run serve` runs it, on a free port, with its own copy of the demo base.
 * The copy is taken from the e2e server's base (seeded by playwright.config.ts) with SQLite's backup
 * API, while that server runs: the very way `npm run db:backup` copies a live base.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import Database from "better-sqlite3";
import { DEMO_PASSWORD, E2E_DATABASE, EXEMPT_CLIENT_ADDRESS } from "./fixtures";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** A consistent copy of the demo base (the e2e server's, live), in tmp/, for one test. */
export async function demoBaseCopy(label: string): Promise<string> {
  const file = path.resolve(`tmp/${label}-${process.pid}-${randomBytes(3).toString("hex")}.db`);
  const source = new Database(E2E_DATABASE, { fileMustExist: true, timeout: 5000 });
  try {
    await source.backup(file, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  return file;
}

export function removeBase(file: string): void {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
}

export type ChildServer = {
  url: string;
  child: ChildProcess;
  /** What the server printed on stderr so far. */
  stderr: () => string;
  stdout: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

/** Starts `node server.js` on `databaseFile` and resolves once it answers. */
export async function startServer(databaseFile: string, port?: number, env: Record<string, string> = {}): Promise<ChildServer> {
  const listenOn = port ?? (await freePort());
  const url = `http://127.0.0.1:${listenOn}`;
  const child = spawn(process.execPath, ["server.js"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseFile,
      PORT: String(listenOn),
      HOST: "127.0.0.1",
      TRUST_PROXY: "1",
      SIGN_IN_LIMIT_EXEMPT: EXEMPT_CLIENT_ADDRESS,
      COOKIE_SECURE: "0",
      PUBLIC_URL: url,
      OUTBOX_DIR: `tmp/child-outbox-${listenOn}`,
      BACKUP_INTERVAL_HOURS: "0",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  let gone = false;
  void exited.then(() => (gone = true));
  for (let i = 0; i < 300; i++) {
    if (gone) throw new Error(`server.js exited before answering:\n${err}`);
    if (out.includes("Maillon en service")) return { url, child, exited, stderr: () => err, stdout: () => out };
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill("SIGKILL");
  throw new Error(`server.js did not start in 15 s:\n${err}`);
}

/** Headers of a same-site form POST from the test client address. */
export function formHeaders(url: string, cookie?: string): Record<string, string> {
  return {
    "Content-Type": "application/x-www-form-urlencoded",
    Origin: url,
    "X-Forwarded-For": EXEMPT_CLIENT_ADDRESS,
    ...(cookie ? { Cookie: cookie } : {}),
  };
}

/** Signs a demo account in; returns its session cookie (`name=value`). */
export async function signInDemo(url: string, email: string): Promise<string> {
  const response = await fetch(`${url}/connexion`, {
    method: "POST",
    redirect: "manual",
    headers: formHeaders(url),
    body: new URLSearchParams({ email, password: DEMO_PASSWORD, redirectTo: "/espace" }),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith("maillon_session="));
  if (response.status !== 302 || !cookie) throw new Error(`sign-in of ${email} failed: ${response.status}`);
  return cookie;
}

/** A plain HTTP request on a connection of its own, as a new visitor opens one. */
export function requestOnNewConnection(url: string, pathname: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${url}${pathname}`, { agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
  });
}
