/**
 * For the tests of a data migration: an in-memory database migrated up to, and not including, the
 * migration under test, so a test can fill it as it stood then and apply the rest.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterAll } from "vitest";

export const MIGRATIONS = path.resolve("db/migrations");

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A copy of the migrations folder that stops just before `tag`. */
function migrationsBefore(tag: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "maillon-migrations-"));
  folders.push(dir);
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, "meta/_journal.json"), "utf8")) as { entries: { idx: number; tag: string }[] };
  const stop = journal.entries.findIndex((e) => e.tag === tag);
  if (stop <= 0) throw new Error(`Migration ${tag} is not in the journal (or is the first one)`);
  const entries = journal.entries.slice(0, stop);
  fs.mkdirSync(path.join(dir, "meta"));
  fs.writeFileSync(path.join(dir, "meta/_journal.json"), JSON.stringify({ ...journal, entries }));
  for (const e of entries) fs.copyFileSync(path.join(MIGRATIONS, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  return dir;
}

/** The database as it stood before `tag`; `migrateRest()` then applies every migration left. */
export function databaseBeforeMigration(tag: string) {
  const client = new Database(":memory:");
  client.pragma("foreign_keys = ON");
  const db = drizzle({ client });
  migrate(db, { migrationsFolder: migrationsBefore(tag) });
  return { client, db, migrateRest: () => migrate(db, { migrationsFolder: MIGRATIONS }) };
}
