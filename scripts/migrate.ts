/**
 * `npm run db:migrate`: brings the database named by DATABASE_URL up to date
 * (pending migrations, then the reference data), exactly as the server does
 * when it opens it, and says what it did in one line.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { openDatabase, type Db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

export type MigrationReport = {
  file: string;
  /** Migrations applied by this run. */
  applied: number;
  /** Migrations recorded in the database afterwards. */
  total: number;
  elapsedMs: number;
};

/** Migrations already recorded in the file (0 for a file that does not exist yet). */
function recordedMigrations(file: string): number {
  if (file === ":memory:" || !fs.existsSync(file)) return 0;
  const client = new Database(file, { readonly: true });
  try {
    const table = client
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
      .get();
    if (!table) return 0;
    return (client.prepare("SELECT count(*) AS n FROM __drizzle_migrations").get() as { n: number }).n;
  } finally {
    client.close();
  }
}

/** Opens the database (applying migrations and reference data) and reports what changed. */
export function openMigratedDatabase(file: string): { db: Db; report: MigrationReport } {
  const started = performance.now();
  const before = recordedMigrations(file);
  const db = openDatabase(file);
  const total = db.$client.prepare("SELECT count(*) AS n FROM __drizzle_migrations").get() as { n: number };
  return {
    db,
    report: { file, applied: total.n - before, total: total.n, elapsedMs: Math.round(performance.now() - started) },
  };
}

/** What the operator reads in the terminal. */
export function describeMigration(report: MigrationReport): string {
  const applied =
    report.applied === 0
      ? "aucune migration en attente"
      : `${report.applied} migration${report.applied > 1 ? "s" : ""} appliquée${report.applied > 1 ? "s" : ""}`;
  return `Base ${report.file} à jour (${applied}, ${report.total} au total ; référentiels chargés) en ${report.elapsedMs} ms.`;
}

function main(): void {
  const { db, report } = openMigratedDatabase(getEnv().DATABASE_URL);
  db.$client.close();
  console.log(describeMigration(report));
}

// Run only as a script: scripts/db-setup.ts imports this module for openMigratedDatabase.
const isMain =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  try {
    main();
  } catch (error: unknown) {
    console.error(error);
    process.exitCode = 1;
  }
}
