import fs from "node:fs";
import path from "node:path";
import { inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

/** Where test databases live (git-ignored). */
export const TEST_DB_DIR = path.resolve("tmp");

/**
 * Migrated database with reference data, built once per run by the global
 * setup and copied for each test file; named after the run's process so two
 * runs in one checkout do not delete each other's template.
 */
export function templateDatabasePathFor(pid: number): string {
  return path.join(TEST_DB_DIR, `vitest-template-${pid}.db`);
}

export function freshTestDatabasePath(label: string): string {
  fs.mkdirSync(TEST_DB_DIR, { recursive: true });
  const file = path.join(TEST_DB_DIR, `${label}-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.db`);
  fs.copyFileSync(inject("templateDatabase"), file);
  return file;
}

export function removeDatabaseFiles(file: string): void {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
}
