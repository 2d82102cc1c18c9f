/**
 * The migration that turned a project's « Je cherche des associés » flag and note into its
 * partnership offer: a seeking project keeps seeking, its note becomes what it seeks; the others
 * get no offer.
 */
import { describe, expect, it } from "vitest";
import { databaseBeforeMigration } from "#tests/setup/migration-before";

const TAG = "0010_partnership_offers_from_projects";

describe(`migration ${TAG}`, () => {
  it("gives every project that sought partners an open offer seeking what its note said", () => {
    const { client, migrateRest } = databaseBeforeMigration(TAG);
    client.exec(`
      insert into departments (code, name, region_code) values ('17', 'Charente-Maritime', '75');
      insert into communes (code, name, search_name, department_code, postal_codes) values ('17347', 'Saint-Jean-d''Angély', 'saint jean d angely', '17', '17400');
      insert into activity_domains (slug, name, position) values ('batiment', 'Bâtiment', 1);
      insert into users (email, display_name, password_hash, commune_code, created_at, updated_at) values ('p@exemple.fr', 'P', 'x', '17347', 0, 0);
    `);
    const project = client.prepare(
      `insert into projects (owner_id, title, pitch, kind, stage, activity_domain_id, commune_code, seeks_partners, partners_note, status, created_at, updated_at)
       values (1, ?, 'Un résumé.', 'service', 'idee', 1, '17347', ?, ?, 'publie', 0, 42) returning id`,
    );
    const noted = (project.get("Avec une note", 1, "  Un associé au capital.  ") as { id: number }).id;
    const bare = (project.get("Sans note", 1, "") as { id: number }).id;
    const alone = (project.get("Seul", 0, "Une note oubliée") as { id: number }).id;

    migrateRest();
    const offers = client.prepare("select project_id as projectId, brings, seeks, open, updated_at as updatedAt from partnership_offers order by project_id").all();
    expect(offers).toEqual([
      { projectId: noted, brings: "", seeks: "Un associé au capital.", open: 1, updatedAt: 42 },
      { projectId: bare, brings: "", seeks: "Des associés pour entreprendre à plusieurs.", open: 1, updatedAt: 42 },
    ]);
    expect(offers.map((o) => (o as { projectId: number }).projectId)).not.toContain(alone);
  });
});
