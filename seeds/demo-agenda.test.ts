import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Db } from "~/utils/db.server";
import { seedDemo } from "./demo";

const NOW = new Date("2026-03-02T09:00:00Z");

describe("seedDemoAgenda", () => {
  let db: Db;
  beforeAll(async () => {
    db = getDb();
    await seedDemo(db, NOW);
  });

  it("announces events in both active pôles: a full workshop with a waiting list, a members-only group meeting, a past one with attendance, an online one", () => {
    const rows = db.$client
      .prepare(
        `select t.slug, e.title, e.capacity, e.visibility, e.online_url as online, e.starts_at as startsAt,
           (select count(*) from event_registrations r where r.event_id = e.id and r.status = 'inscrit') as registered,
           (select count(*) from event_registrations r where r.event_id = e.id and r.status = 'attente') as waiting,
           (select count(*) from event_registrations r where r.event_id = e.id and r.attended = 1) as attended
         from events e join territories t on t.id = e.territory_id`,
      )
      .all() as { slug: string; title: string; capacity: number | null; visibility: string; online: string | null; startsAt: number; registered: number; waiting: number; attended: number }[];
    expect(rows.length).toBeGreaterThanOrEqual(6);
    expect(new Set(rows.map((r) => r.slug))).toEqual(new Set(["vals-de-saintonge", "sambre-avesnois"]));
    expect(rows.some((r) => r.capacity !== null && r.registered === r.capacity && r.waiting > 0)).toBe(true);
    expect(rows.some((r) => r.visibility === "membres" && /Ronde saintongeaise/.test(r.title))).toBe(true);
    expect(rows.some((r) => r.startsAt < NOW.getTime() && r.attended > 0)).toBe(true);
    expect(rows.some((r) => r.online !== null)).toBe(true);
  });
});
