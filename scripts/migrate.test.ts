import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { removeDatabaseFiles, TEST_DB_DIR } from "#tests/setup/test-database";

const run = promisify(execFile);

const MIGRATION_FILES = fs.readdirSync("db/migrations").filter((f) => f.endsWith(".sql"));

/** `npm run db:migrate` as the operator runs it: its own process, DATABASE_URL from the environment. */
function migrate(databaseUrl: string) {
  return run(process.execPath, ["--import", "tsx", "scripts/migrate.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production" },
  });
}

function rowCount(file: string, table: string): number {
  const client = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (client.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
  } finally {
    client.close();
  }
}

describe("npm run db:migrate", () => {
  const file = path.join(TEST_DB_DIR, `migrate-${process.pid}-${Date.now()}`, "maillon.db");
  afterEach(() => {
    removeDatabaseFiles(file);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it("creates the database, applies every migration and the reference data, exits 0 and says so; a second run has nothing to do", async () => {
    expect(MIGRATION_FILES.length).toBeGreaterThan(0);
    expect(fs.existsSync(file)).toBe(false);

    const first = await migrate(file);
    expect(first.stdout).toContain(`${MIGRATION_FILES.length} migrations appliquées`);
    expect(first.stdout.trim().split("\n")).toHaveLength(1);
    expect(rowCount(file, "__drizzle_migrations")).toBe(MIGRATION_FILES.length);
    for (const table of ["users", "projects", "clubs", "pledges"]) expect(rowCount(file, table)).toBe(0);
    expect(rowCount(file, "communes")).toBeGreaterThan(30_000);
    expect(rowCount(file, "skills")).toBeGreaterThan(0);

    const second = await migrate(file);
    expect(second.stdout).toContain("aucune migration en attente");
    expect(rowCount(file, "__drizzle_migrations")).toBe(MIGRATION_FILES.length);
  }, 60_000);

  it("stops with a non-zero exit and a message naming DATABASE_URL when it is empty", async () => {
    const failure = await migrate("").then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).not.toBe(0);
    expect(failure?.stderr).toMatch(/DATABASE_URL/);
  }, 60_000);
});
