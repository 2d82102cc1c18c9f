import fs from "node:fs";
import path from "node:path";

/** Where test databases live (git-ignored). */
export const TEST_DB_DIR = path.resolve("tmp");
/** Migrated database with reference data, built once per run and copied for each test file. */
export const TEMPLATE_DB = path.join(TEST_DB_DIR, "vitest-template.db");

export function freshTestDatabasePath(label: string): string {
  fs.mkdirSync(TEST_DB_DIR, { recursive: true });
  const file = path.join(TEST_DB_DIR, `${label}-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.db`);
  fs.copyFileSync(TEMPLATE_DB, file);
  return file;
}

export function removeDatabaseFiles(file: string): void {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
}
