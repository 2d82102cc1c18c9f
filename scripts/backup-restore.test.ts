import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, describe, expect, inject, it } from "vitest";
import { backupIfDue } from "~/background.server";
import { backupDatabase, knownMigrations, listBackups } from "~/utils/backup.server";
import { getDb } from "~/utils/db.server";
import { TEST_DB_DIR } from "#tests/setup/test-database";
import { readBase } from "#tests/setup/read-base";

const run = promisify(execFile);

const dir = fs.mkdtempSync(path.join(TEST_DB_DIR, "backup-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A base of its own in its own folder (backups land in `backups/` beside it). */
function freshBase(name: string): string {
  const file = path.join(dir, name, "maillon.db");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.copyFileSync(inject("templateDatabase"), file);
  return file;
}

/** The environment without the BACKUP_* variables the scheduled-backup test sets in this process. */
function withoutBackupSettings(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith("BACKUP_")));
}

/** An npm script as the operator runs it: its own process, DATABASE_URL from the environment. */
async function npmScript(script: "db-backup" | "db-restore", databaseUrl: string, args: string[] = [], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", `scripts/${script}.ts`, ...args], {
      env: { ...withoutBackupSettings(process.env), DATABASE_URL: databaseUrl, NODE_ENV: "production", ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const integrity = (file: string) => readBase(file, (c) => c.pragma("integrity_check", { simple: true }));
const writtenRows = (file: string) =>
  readBase(file, (c) => (c.prepare("SELECT n FROM burst_writes ORDER BY n").all() as { n: number }[]).map((r) => r.n));

/** Another process writing as fast as it can; `acked` is the last number whose commit has returned. */
function startWriter(file: string) {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/setup/write-burst.ts", file]);
  const state = { acked: 0, stderr: "" };
  let buffer = "";
  child.stdout.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split("\n");
    buffer = lines.pop()!;
    if (lines.length > 0) state.acked = Number(lines.at(-1));
  });
  child.stderr.on("data", (chunk: Buffer) => (state.stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const waitFor = async (n: number) => {
    for (let i = 0; i < 400 && state.acked < n; i++) await new Promise((r) => setTimeout(r, 25));
    expect(state.acked, state.stderr).toBeGreaterThanOrEqual(n);
  };
  return { state, waitFor, stop: async () => (child.kill("SIGKILL"), await exited) };
}

describe("npm run db:backup and npm run db:restore", () => {
  it("copies the base while another process writes, with every write acknowledged before it began; the copy restores intact", async () => {
    const file = freshBase("burst");
    const setup = new Database(file);
    setup.exec("CREATE TABLE burst_writes (n INTEGER PRIMARY KEY, written_at TEXT NOT NULL)");
    setup.close();

    const writer = startWriter(file);
    try {
      await writer.waitFor(300);
      const ackedBefore = writer.state.acked;
      const backup = await npmScript("db-backup", file);
      expect(backup.code, backup.stderr).toBe(0);
      // The writer went on during the backup: the copy was taken under a burst, not after it.
      const ackedAfter = writer.state.acked;
      expect(ackedAfter).toBeGreaterThan(ackedBefore);

      const [copy] = listBackups(path.join(path.dirname(file), "backups"), file);
      expect(copy, backup.stdout).toBeDefined();
      expect(backup.stdout).toContain(`écrite dans ${copy!.file}`);
      expect(fs.existsSync(`${copy!.file}-wal`)).toBe(false);
      expect(integrity(copy!.file)).toBe("ok");
      const inCopy = writtenRows(copy!.file);
      // Every acknowledged write up to the start, in order and without holes (what came later may be there too).
      expect(inCopy.slice(0, ackedBefore)).toEqual(Array.from({ length: ackedBefore }, (_, i) => i + 1));
      expect(inCopy.length).toBeLessThanOrEqual(ackedAfter + 20);

      // The writer still has the base open, as a running server does: the restore refuses, nothing moves.
      const refused = await npmScript("db-restore", file, [copy!.file]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/est ouverte par un autre processus \(le serveur est-il en marche \?\)/);
      expect(fs.readdirSync(path.dirname(file)).filter((f) => f.includes("before-restore") || f.includes("restoring"))).toEqual([]);

      await writer.stop();
      const lastWritten = writtenRows(file).at(-1)!;
      expect(lastWritten).toBeGreaterThanOrEqual(writer.state.acked);

      const restored = await npmScript("db-restore", file, [copy!.file]);
      expect(restored.code, restored.stderr).toBe(0);
      expect(restored.stdout).toMatch(/restaurée depuis .* \(intégrité : ok, \d+ migrations\)\. La base remplacée est conservée dans /);
      expect(integrity(file)).toBe("ok");
      expect(writtenRows(file)).toEqual(inCopy);
      expect(fs.existsSync(`${file}-wal`) && fs.statSync(`${file}-wal`).size > 0).toBe(false);
      // The base it replaced, with every write the writer made, is kept aside.
      const aside = fs.readdirSync(path.dirname(file)).find((f) => f.startsWith("maillon.db.before-restore-"));
      expect(aside).toBeDefined();
      expect(writtenRows(path.join(path.dirname(file), aside!)).at(-1)).toBe(lastWritten);
      // The server opens the restored base in WAL mode, as always.
      expect(readBase(file, (c) => c.pragma("journal_mode", { simple: true }))).toBe("wal");
    } finally {
      await writer.stop();
    }
  }, 60_000);

  it("refuses a backup written by a newer version, a damaged file and a missing one, leaving the base as it was", async () => {
    const file = freshBase("refusals");
    const before = fs.readFileSync(file);
    const newer = path.join(dir, "refusals", "newer.db");
    fs.copyFileSync(file, newer);
    const client = new Database(newer);
    client.prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('future', ?)").run(Math.max(...knownMigrations()) + 1000);
    client.close();
    const damaged = path.join(dir, "refusals", "damaged.db");
    fs.writeFileSync(damaged, Buffer.concat([before.subarray(0, 4096 * 3), Buffer.alloc(4096 * 20, 0x5a)]));

    const cases: [string[], RegExp][] = [
      [[newer], /vient d'une version plus récente de Maillon : \d+ migrations enregistrées, dont 1 que cette version ne connaît pas/],
      [[damaged], /(est endommagé|n'est pas une base SQLite lisible)/],
      [[path.join(dir, "absent.db")], /^Fichier introuvable : /],
      [[], /^Indiquez la sauvegarde à restaurer/],
    ];
    const outcomes = await Promise.all(cases.map(([args]) => npmScript("db-restore", file, args)));
    cases.forEach(([args, message], i) => {
      expect(outcomes[i]!.code, args.join(" ")).toBe(1);
      expect(outcomes[i]!.stderr, args.join(" ")).toMatch(message);
    });
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(["damaged.db", "maillon.db", "newer.db"]);
  }, 60_000);

  it("keeps the last BACKUP_KEEP backups, named by their UTC time, deleting the oldest", async () => {
    const file = freshBase("keep");
    const client = new Database(file);
    const backups = path.join(dir, "keep", "backups");
    try {
      for (const day of ["2026-11-28", "2026-11-29", "2026-11-30", "2026-12-01"]) {
        await backupDatabase(client, { dir: backups, keep: 2, now: new Date(`${day}T03:00:00.000Z`) });
      }
    } finally {
      client.close();
    }
    expect(fs.readdirSync(backups).sort()).toEqual(["maillon-2026-11-30T030000.000Z.db", "maillon-2026-12-01T030000.000Z.db"]);
    const viaScript = await npmScript("db-backup", file, [], { BACKUP_KEEP: "1" });
    expect(viaScript.code, viaScript.stderr).toBe(0);
    expect(viaScript.stdout).toMatch(/\(\d+,\d Mo, \d+ ms\) ; 2 anciennes supprimées ; 1 conservée\.$/m);
    expect(fs.readdirSync(backups)).toHaveLength(1);
  }, 60_000);
});

describe("the server's scheduled backup", () => {
  it("backs its base up when the newest backup is older than BACKUP_INTERVAL_HOURS, and not before", async () => {
    const backups = path.join(dir, "scheduled");
    process.env.BACKUP_DIR = backups;
    process.env.BACKUP_INTERVAL_HOURS = "24";
    process.env.BACKUP_KEEP = "14";
    (globalThis as { maillonEnv?: unknown }).maillonEnv = undefined;
    const db = getDb();
    const t0 = new Date("2026-12-02T02:00:00.000Z");
    const first = await backupIfDue(t0);
    expect(first).toBe(path.join(backups, `${path.basename(db.$client.name, ".db")}-2026-12-02T020000.000Z.db`));
    expect(await backupIfDue(new Date(t0.getTime() + 23 * 3_600_000))).toBeNull();
    expect(await backupIfDue(new Date(t0.getTime() + 24 * 3_600_000))).not.toBeNull();
    expect(listBackups(backups, db.$client.name)).toHaveLength(2);
    expect(integrity(first!)).toBe("ok");

    process.env.BACKUP_INTERVAL_HOURS = "0";
    (globalThis as { maillonEnv?: unknown }).maillonEnv = undefined;
    expect(await backupIfDue(new Date(t0.getTime() + 96 * 3_600_000))).toBeNull();
  });
});
