/**
 * The commune points the app builds at start: each commune at the centre of its own outline, so a
 * distance between two communes is the distance between their centres.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshTestDatabasePath, removeDatabaseFiles } from "#tests/setup/test-database";
import { haversineKm } from "~/domain/matching/geo";
import { openDatabase, type Db } from "~/utils/db.server";
import { ensureReferenceData } from "./reference-data";

let file: string;
let db: Db;

beforeAll(() => {
  file = freshTestDatabasePath("reference-data");
  db = openDatabase(file);
});
afterAll(() => {
  db.$client.close();
  removeDatabaseFiles(file);
});

function pointOf(code: string) {
  const row = db.get<{ latitude: number; longitude: number; source: string | null }>(
    sql`select latitude, longitude, point_source as source from communes where code = ${code}`,
  );
  if (!row) throw new Error(`no commune ${code}`);
  return row;
}

describe("commune points", () => {
  it("fewer than 50 points are shared by more than one commune", () => {
    const shared = db.get<{ n: number }>(
      sql`select count(*) as n from (select 1 from communes where latitude is not null group by latitude, longitude having count(*) > 1)`,
    );
    expect(shared?.n).toBeLessThan(50);
  });

  it("puts Assevent 3 to 5 km from Maubeuge, centre to centre", () => {
    const km = haversineKm(pointOf("59021"), pointOf("59392"));
    expect(km).toBeGreaterThan(3);
    expect(km).toBeLessThan(5);
  });

  it("places a commune nouvelle at the mean of its communes déléguées", () => {
    // Montaigu-Vendée (85146), formed in 2019 from five communes that each had their own centre in 2018.
    expect(pointOf("85146").source).toBe("deleguees");
  });

  it("says where every point comes from, and places nearly every commune by its own centre", () => {
    const bySource = db.all<{ source: string | null; n: number }>(
      sql`select point_source as source, count(*) as n from communes where latitude is not null group by point_source`,
    );
    const count = (s: string) => bySource.find((r) => r.source === s)?.n ?? 0;
    expect(bySource.some((r) => r.source === null)).toBe(false);
    expect(count("ign") + count("deleguees") + count("geonames")).toBeGreaterThan(34_800);
    expect(count("postal") + count("department")).toBeLessThan(100);
  });

  it("gives a database built before the points had a source today's points, once", () => {
    const maubeuge = pointOf("59392");
    // As the old points file had it: Assevent borrowing Maubeuge's point.
    db.run(sql`update communes set latitude = ${maubeuge.latitude}, longitude = ${maubeuge.longitude}, point_source = null`);
    ensureReferenceData(db);
    const assevent = pointOf("59021");
    expect(assevent.source).toBe("ign");
    expect(haversineKm(assevent, maubeuge)).toBeGreaterThan(3);
  });
});
