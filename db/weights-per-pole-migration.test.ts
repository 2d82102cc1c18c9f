/**
 * The migration that gave each pôle its own weights, applied to a database
 * holding the one set every pôle shared before: each pôle keeps that set as
 * its own, so no ranking moves on the day of the migration.
 */
import type Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { databaseBeforeMigration } from "#tests/setup/migration-before";

const TAG = "0003_weights_per_pole";

function databaseBefore() {
  const { client, migrateRest } = databaseBeforeMigration(TAG);
  const territory = client.prepare(
    "insert into territories (slug, name, area, description, created_at) values (?, ?, 'Territoire', 'Un pôle.', 0) returning id",
  );
  const saintonge = (territory.get("vals-de-saintonge", "PTCE Vals de Saintonge") as { id: number }).id;
  const sambre = (territory.get("sambre-avesnois", "PTCE Sambre-Avesnois") as { id: number }).id;
  return { client, migrateRest, saintonge, sambre };
}

const rows = (client: Database.Database) =>
  client.prepare("select territory_id as territoryId, key, value from matching_weights order by territory_id, key").all();

describe(`migration ${TAG}`, () => {
  it("gives every pôle the set they all shared, and a pôle's rows go with the pôle", () => {
    const { client, migrateRest, saintonge, sambre } = databaseBefore();
    const insert = client.prepare("insert into matching_weights (key, value, updated_at) values (?, ?, 1)");
    insert.run("mentor.distance", 9);
    insert.run("club.ticket", 0);
    migrateRest();
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
    const { client, migrateRest } = databaseBefore();
    migrateRest();
    expect(rows(client)).toEqual([]);
    client.close();
  });
});
