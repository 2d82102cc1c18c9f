import { asc, count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  mentorshipEndorsements,
  mentorshipFeedback,
  mentorships,
  mentorshipSessions,
  projectFundingNeeds,
  projects,
  projectSkillNeeds,
  userRoles,
  volunteerProfiles,
} from "#db/schema";
import { MENTORSHIP_STATUSES, PROJECT_STATUSES } from "~/domain/vocabulary";
import { freshTestDatabasePath, removeDatabaseFiles } from "#tests/setup/test-database";
import { findUserByEmail } from "~/models/user.server";
import { getTrackRecord } from "~/models/volunteer.server";
import { getDb, openDatabase, type Db } from "~/utils/db.server";
import { seedDemo } from "./demo";

const NOW = new Date("2026-03-02T09:00:00Z");

function journeySnapshot(db: Db) {
  return {
    projects: db.select({ title: projects.title, status: projects.status, owner: projects.ownerId }).from(projects).orderBy(asc(projects.id)).all(),
    mentorships: db
      .select({ need: mentorships.needId, volunteer: mentorships.volunteerId, status: mentorships.status })
      .from(mentorships)
      .orderBy(asc(mentorships.id))
      .all(),
    endorsements: db.select().from(mentorshipEndorsements).orderBy(asc(mentorshipEndorsements.id)).all(),
  };
}

describe("demo journeys (CRÉER and ACCOMPAGNER)", () => {
  let db: Db;

  beforeAll(async () => {
    db = getDb();
    await seedDemo(db, NOW);
  });

  it("gives every volunteer a profile", () => {
    const benevoles = db.select({ n: count() }).from(userRoles).where(eq(userRoles.role, "benevole")).get()!.n;
    const profiles = db.select({ n: count() }).from(volunteerProfiles).get()!.n;
    expect(profiles).toBe(benevoles);
  });

  it("has 30 to 40 projects in every status, with needs and some funding needs", () => {
    const rows = db.select({ status: projects.status, n: count() }).from(projects).groupBy(projects.status).all();
    const total = rows.reduce((n, r) => n + r.n, 0);
    expect(total).toBeGreaterThanOrEqual(30);
    expect(total).toBeLessThanOrEqual(40);
    for (const status of PROJECT_STATUSES) expect(rows.find((r) => r.status === status)?.n ?? 0, status).toBeGreaterThan(0);
    const withoutNeeds = db
      .select({ id: projects.id })
      .from(projects)
      .where(sql`not exists (select 1 from ${projectSkillNeeds} where ${projectSkillNeeds.projectId} = ${projects.id})`)
      .all();
    expect(withoutNeeds).toEqual([]);
    expect(db.select({ n: count() }).from(projectFundingNeeds).get()!.n).toBeGreaterThanOrEqual(5);
  });

  it("has mentorships in every state, with sessions and feedback", () => {
    const rows = db.select({ status: mentorships.status, n: count() }).from(mentorships).groupBy(mentorships.status).all();
    for (const status of MENTORSHIP_STATUSES) expect(rows.find((r) => r.status === status)?.n ?? 0, status).toBeGreaterThan(0);
    expect(db.select({ n: count() }).from(mentorshipSessions).get()!.n).toBeGreaterThan(10);
    expect(db.select({ n: count() }).from(mentorshipFeedback).get()!.n).toBeGreaterThan(4);
  });

  it("never puts a volunteer over capacity", () => {
    const over = db.all<{ id: number }>(sql`
      select p.user_id as id from volunteer_profiles p
      where (select count(*) from mentorships m where m.volunteer_id = p.user_id and m.status = 'acceptee') > p.max_mentorships`);
    expect(over).toEqual([]);
  });

  it("gives the demo volunteer a track record", () => {
    const monique = findUserByEmail(db, "benevole@exemple.fr")!;
    const record = getTrackRecord(db, monique.id);
    expect(record.minutesMentored).toBeGreaterThan(0);
    expect(record.active + record.completed + record.stopped).toBeGreaterThan(0);
  });

  it("leaves the demo holder an offer of help to answer", () => {
    const holder = findUserByEmail(db, "porteur@exemple.fr")!;
    const offers = db
      .select({ id: mentorships.id })
      .from(mentorships)
      .innerJoin(projects, eq(projects.id, mentorships.projectId))
      .where(sql`${projects.ownerId} = ${holder.id} and ${mentorships.status} = 'demande' and ${mentorships.initiatedBy} = 'benevole'`)
      .all();
    expect(offers.length).toBeGreaterThanOrEqual(1);
  });

  it("has a published endorsement on a project clubs can fund, and one waiting for the demo holder", async () => {
    const rows = db
      .select({ status: mentorshipEndorsements.status, projectId: mentorships.projectId, ownerId: projects.ownerId })
      .from(mentorshipEndorsements)
      .innerJoin(mentorships, eq(mentorships.id, mentorshipEndorsements.mentorshipId))
      .innerJoin(projects, eq(projects.id, mentorships.projectId))
      .all();
    const holder = findUserByEmail(db, "porteur@exemple.fr")!;
    expect(rows.filter((r) => r.status === "publiee")).toHaveLength(1);
    expect(rows.filter((r) => r.status === "proposee" && r.ownerId === holder.id)).toHaveLength(1);
    // The published one counts for a demo club: suggested to it, recommended in the explanation.
    const published = rows.find((r) => r.status === "publiee")!;
    const { suggestClubsForProject } = await import("~/models/matching.server");
    const clubs = suggestClubsForProject(db, published.projectId, { now: NOW });
    expect(clubs.length).toBeGreaterThan(0);
    expect(clubs[0]!.explanation).toMatch(/vivement recommandé par/);
  });

  // Its duration is printed by `npm run db:seed` (« Démo créée en … ms »), not asserted: a timed test fails on a busy machine.
  it("is deterministic", async () => {
    const file = freshTestDatabasePath("journeys-twin");
    const twin = openDatabase(file);
    try {
      await seedDemo(twin, NOW);
      expect(journeySnapshot(twin)).toEqual(journeySnapshot(db));
    } finally {
      twin.$client.close();
      removeDatabaseFiles(file);
    }
  });
});
