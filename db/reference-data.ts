import fs from "node:fs";
import { createRequire } from "node:module";
import { sql } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { ACTIVITY_DOMAINS, SKILLS, foldForSearch } from "../app/domain/catalog";
import * as schema from "./schema";

type AnyDb = BetterSQLite3Database<typeof schema>;

type EtalabCommune = {
  code: string;
  nom: string;
  departement: string;
  type: string;
  codesPostaux?: string[];
  population?: number;
};
type EtalabDepartment = { code: string; nom: string; region: string };

const require = createRequire(import.meta.url);

function readEtalab<T>(name: string): T {
  const file = require.resolve(`@etalab/decoupage-administratif/data/${name}.json`);
  return JSON.parse(fs.readFileSync(file, "utf8")) as T;
}

/**
 * Fills the reference tables every database needs (departments, communes,
 * skills, activity domains). Idempotent: only missing rows are inserted, so it
 * runs at every start for a few cheap counts.
 */
export function ensureReferenceData(db: AnyDb): void {
  const count = (table: string) =>
    db.get<{ n: number }>(sql.raw(`select count(*) as n from ${table}`)).n;

  db.transaction(
    (tx) => {
      if (count("skills") < SKILLS.length) {
        SKILLS.forEach((skill, position) =>
          tx.insert(schema.skills).values({ ...skill, position }).onConflictDoNothing().run(),
        );
      }
      if (count("activity_domains") < ACTIVITY_DOMAINS.length) {
        ACTIVITY_DOMAINS.forEach((domain, position) =>
          tx
            .insert(schema.activityDomains)
            .values({ ...domain, position })
            .onConflictDoNothing()
            .run(),
        );
      }
      if (count("communes") === 0) loadCommunes(tx);
    },
    { behavior: "immediate" },
  );
}

function loadCommunes(tx: Pick<AnyDb, "insert">): void {
  for (const d of readEtalab<EtalabDepartment[]>("departements")) {
    tx.insert(schema.departments)
      .values({ code: d.code, name: d.nom, regionCode: d.region })
      .onConflictDoNothing()
      .run();
  }
  const rows = readEtalab<EtalabCommune[]>("communes")
    .filter((c) => c.type === "commune-actuelle")
    .map((c) => ({
      code: c.code,
      name: c.nom,
      searchName: foldForSearch(c.nom),
      departmentCode: c.departement,
      postalCodes: (c.codesPostaux ?? []).join(" "),
      population: c.population ?? 0,
    }));
  const BATCH = 500;
  for (let i = 0; i < rows.length; i += BATCH) {
    tx.insert(schema.communes).values(rows.slice(i, i + BATCH)).onConflictDoNothing().run();
  }
}
