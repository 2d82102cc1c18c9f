/**
 * The migration that gave each pôle its own weights, applied to a database
 * holding the one set every pôle shared before: each pôle keeps that set as
 * its own, so no ranking moves on the day of the migration.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterAll, describe, expect, it } from "vitest";

const MIGRATIONS = path.resolve("db/migrations");
const TAG = "0003_weights_per_pole";

/** A copy of the migrations folder that stops just before the one under test. */
function migrationsBefore(tag: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "maillon-migrations-"));
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, "meta/_journal.json"), "utf8")) as { entries: { idx: number; tag: string }[] };
  const stop = journal.entries.findIndex((e) => e.tag === tag);
  expect(stop).toBeGreaterThan(0);
  const entries = journal.entries.slice(0, stop);
  fs.mkdirSync(path.join(dir, "meta"));
  fs.writeFileSync(path.join(dir, "meta/_journal.json"), JSON.stringify({ ...journal, entries }));
  for (const e of entries) fs.copyFileSync(path.join(MIGRATIONS, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  return dir;
}

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});

function databaseBefore() {
  const client = new Database(":memory:");
  client.pragma("foreign_keys = ON");
  const db = drizzle({ client });
  const folder = migrationsBefore(TAG);
  folders.push(folder);
  migrate(db, { migrationsFolder: folder });
  const territory = client.prepare(
    "insert into territories (slug, name, area, description, created_at) values (?, ?, 'Territoire', 'Un pôle.', 0) returning id",
  );
  const saintonge = (territory.get("vals-de-saintonge", "PTCE Vals de Saintonge") as { id: number }).id;
  const sambre = (territory.get("sambre-avesnois", "PTCE Sambre-Avesnois") as { id: number }).id;
  return { client, db, saintonge, sambre };
}

const rows = (client: Database.Database) =>
  client.prepare("select territory_id as territoryId, key, value from matching_weights order by territory_id, key").all();

describe(`migration ${TAG}`, () => {
  it("gives every pôle the set they all shared, and a pôle's rows go with the pôle", () => {
    const { client, db, saintonge, sambre } = databaseBefore();
    const insert = client.prepare("insert into matching_weights (key, value, updated_at) values (?, ?, 1)");
    insert.run("mentor.distance", 9);
    insert.run("club.ticket", 0);
    migrate(db, { migrationsFolder: MIGRATIONS });
    expect(rows(client)).toEqual([
      { territoryId: saintonge, key: "club.ticket", value: 0 },
      { territoryId: saintonge, key: "mentor.distance", value: 9 },
      { territoryId: sambre, key: "club.ticket", value: 0 },
      { territoryId: sambre, key: "mentor.distance", value: 9 },
    ]);
    // One key per pôle, once.
    expect(() => client.prepare("insert into matching_weights values (?, 'mentor.distance', 1, 1)").run(sambre)).toThrow(/UNIQUE/);
    client.prepare("delete from territories where id = ?").run(sambre);
    expect(rows(client)).toEqual([
      { territoryId: saintonge, key: "club.ticket", value: 0 },
      { territoryId: saintonge, key: "mentor.distance", value: 9 },
    ]);
    client.close();
  });

  it("leaves every pôle on the defaults when nobody had changed a weight", () => {
    const { client, db } = databaseBefore();
    migrate(db, { migrationsFolder: MIGRATIONS });
    expect(rows(client)).toEqual([]);
    client.close();
  });
});
