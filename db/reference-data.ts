import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { ACTIVITY_DOMAINS, SKILLS, foldForSearch } from "../app/domain/catalog";
import { COMMUNE_POINT_SOURCES, type CommunePointSource } from "../app/domain/vocabulary";
import * as schema from "./schema";

// Relative to the working directory, like the migrations: the server bundle lives elsewhere.
const POINTS_FILE = path.resolve("db/data/commune-points.csv");

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
      // Databases made before the points carried their source (GeoNames points, many shared by
      // several communes) get today's points once.
      if (count("(select 1 from communes where point_source is null and latitude is not null limit 1)") > 0) {
        loadCommunePoints(tx);
      }
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
  const points = readCommunePoints();
  const rows = readEtalab<EtalabCommune[]>("communes")
    .filter((c) => c.type === "commune-actuelle")
    .map((c) => ({
      code: c.code,
      name: c.nom,
      searchName: foldForSearch(c.nom),
      departmentCode: c.departement,
      postalCodes: (c.codesPostaux ?? []).join(" "),
      population: c.population ?? 0,
      latitude: points.get(c.code)?.latitude ?? null,
      longitude: points.get(c.code)?.longitude ?? null,
      pointSource: points.get(c.code)?.pointSource ?? null,
    }));
  const BATCH = 500;
  for (let i = 0; i < rows.length; i += BATCH) {
    tx.insert(schema.communes).values(rows.slice(i, i + BATCH)).onConflictDoNothing().run();
  }
}

type CommunePoint = { latitude: number; longitude: number; pointSource: CommunePointSource };

const isPointSource = (s: string | undefined): s is CommunePointSource => (COMMUNE_POINT_SOURCES as readonly string[]).includes(s ?? "");

/** Points from db/data/commune-points.csv (built by scripts/build-commune-points.ts). */
function readCommunePoints(): Map<string, CommunePoint> {
  const points = new Map<string, CommunePoint>();
  for (const line of fs.readFileSync(POINTS_FILE, "utf8").split("\n")) {
    if (!line || line.startsWith("#") || line.startsWith("code,")) continue;
    const [code, latitude, longitude, source] = line.split(",");
    if (code && latitude && longitude && isPointSource(source)) {
      points.set(code, { latitude: Number(latitude), longitude: Number(longitude), pointSource: source });
    }
  }
  return points;
}

function loadCommunePoints(tx: Pick<AnyDb, "update">): void {
  // A commune the file no longer places loses its old, borrowed point.
  tx.update(schema.communes).set({ latitude: null, longitude: null, pointSource: null }).run();
  for (const [code, point] of readCommunePoints()) {
    tx.update(schema.communes).set(point).where(eq(schema.communes.code, code)).run();
  }
}
