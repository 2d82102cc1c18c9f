import fs from "node:fs";
import path from "node:path";
import { inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

/**
 * Where test databases live: in memory when the machine has a tmpfs (/dev/shm), else in the
 * git-ignored tmp/. Still real SQLite files, with the same pragmas; on a virtual disk every commit's
 * fsync (synchronous = FULL) made the unit tests wait on the disk, for no durability they test.
 */
export const TEST_DB_DIR = ramDirectory("maillon-tests") ?? path.resolve("tmp");

function ramDirectory(name: string): string | null {
  try {
    const dir = path.join("/dev/shm", name);
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
    return dir;
  } catch {
    return null;
  }
}

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
