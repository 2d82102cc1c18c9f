/**
 * The matcher's adapter on a real, migrated SQLite database. Data goes in with
 * plain drizzle inserts and updates, through the model functions, and from
 * other connections and processes, and nobody tells the matcher: the change
 * log and `PRAGMA data_version` must keep every answer fresh on their own.
 */
import { execFileSync } from "node:child_process";
import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  clubCommitments,
  clubLedgerEntries,
  clubMembers,
  clubs,
  clubSectors,
  mentorshipFeedback,
  mentorships,
  projectFundingNeeds,
  projects,
  projectSkillNeeds,
  territoryCommunes,
  volunteerDomains,
  volunteerProfiles,
  volunteerSkills,
} from "#db/schema";
import type { SkillLevel } from "~/domain/vocabulary";
import { createTestTerritory, createTestUser } from "#seeds/factories";
import { CLUB_CRITERIA, DEFAULT_MATCHING_WEIGHTS, MENTOR_CRITERIA } from "~/domain/matching";
import { getDb, type Db } from "~/utils/db.server";
import {
  describeMatchingWeights,
  explainMentorPair,
  getMatchingWeights,
  hasOwnMatchingWeights,
  MatchingInputError,
  resetMatchingWeights,
  runGlobalRound,
  setMatchingWeight,
  setMatchingWeights,
  suggestClubsForProject,
  suggestMentorsForNeed,
  suggestNeedsForVolunteer,
  suggestProjectsForClub,
} from "./matching.server";
import { matchingStore } from "./matching-store.server";
import { requestMentorship, respondToRequest } from "./mentorship.server";
import { saveVolunteerProfile, type VolunteerProfileInput } from "./volunteer.server";

const NOW = new Date("2026-03-15T10:00:00Z");
const SAINT_JEAN = "17347";
const MATHA = "17224"; // ~18 km
const SAINTES = "17415"; // ~23 km
const NIORT = "79191"; // ~45 km
const PARIS = "75056";
const COMPTA = 6;
const MARKETING = 1;
const BATIMENT = 1;

let db: Db;

type VolunteerOptions = {
  communeCode?: string;
  radiusKm?: number;
  remoteOk?: boolean;
  maxMentorships?: number;
  paused?: boolean;
  skills?: [number, SkillLevel][];
  domains?: number[];
  lastActiveAt?: Date;
};

async function addVolunteer(o: VolunteerOptions = {}): Promise<number> {
  const user = await createTestUser(db, { roles: ["benevole"], communeCode: o.communeCode ?? SAINT_JEAN });
  db.insert(volunteerProfiles)
    .values({
      userId: user.id,
      status: "retraite",
      radiusKm: o.radiusKm ?? 30,
      remoteOk: o.remoteOk ?? false,
      maxMentorships: o.maxMentorships ?? 2,
      paused: o.paused ?? false,
      lastActiveAt: o.lastActiveAt ?? NOW,
      createdAt: NOW,
      updatedAt: NOW,
    })
    .run();
  for (const [skillId, level] of o.skills ?? [[COMPTA, "expert"]]) db.insert(volunteerSkills).values({ userId: user.id, skillId, level }).run();
  for (const d of o.domains ?? []) db.insert(volunteerDomains).values({ userId: user.id, activityDomainId: d }).run();
  return user.id;
}

type ProjectOptions = {
  communeCode?: string;
  status?: "brouillon" | "publie" | "clos";
  remoteOk?: boolean;
  stage?: "idee" | "creation" | "developpement";
  legalForm?: "scic" | "sas" | "ei" | "association";
  ownerId?: number;
};

async function addProject(o: ProjectOptions = {}): Promise<number> {
  const ownerId = o.ownerId ?? (await createTestUser(db, { roles: ["porteur"] })).id;
  return db
    .insert(projects)
    .values({
      ownerId,
      title: `Projet ${Math.random().toString(36).slice(2, 7)}`,
      pitch: "Un projet de test.",
      kind: "service",
      stage: o.stage ?? "creation",
      legalForm: o.legalForm ?? "scic",
      activityDomainId: BATIMENT,
      communeCode: o.communeCode ?? SAINT_JEAN,
      remoteOk: o.remoteOk ?? false,
      status: o.status ?? "publie",
      publishedAt: NOW,
      createdAt: NOW,
      updatedAt: NOW,
    })
    .returning({ id: projects.id })
    .get().id;
}

function addNeed(projectId: number, skillId = COMPTA, priority: "haute" | "moyenne" | "basse" = "haute"): number {
  return db.insert(projectSkillNeeds).values({ projectId, skillId, priority, createdAt: NOW }).returning({ id: projectSkillNeeds.id }).get().id;
}

function addMentorship(projectId: number, needId: number, volunteerId: number, status: "demande" | "acceptee" | "refusee" | "terminee"): number {
  return db
    .insert(mentorships)
    .values({ projectId, needId, volunteerId, status, initiatedBy: "porteur", requestedAt: NOW })
    .returning({ id: mentorships.id })
    .get().id;
}

const ids = (list: { volunteerId: number }[]) => list.map((s) => s.volunteerId);

beforeAll(() => {
  db = getDb();
});

describe("suggestMentorsForNeed", () => {
  it("ranks eligible volunteers, explains them, and applies every hard filter", async () => {
    const expertNear = await addVolunteer({ communeCode: MATHA, domains: [BATIMENT] });
    const beginnerNear = await addVolunteer({ communeCode: SAINT_JEAN, skills: [[COMPTA, "notions"]] });
    const tooFar = await addVolunteer({ communeCode: NIORT, radiusKm: 30 });
    const remoteFar = await addVolunteer({ communeCode: PARIS, remoteOk: true });
    const otherSkill = await addVolunteer({ skills: [[MARKETING, "expert"]] });
    const paused = await addVolunteer({ paused: true });
    const projectId = await addProject({ ownerId: undefined });
    const needId = addNeed(projectId);

    // Other tests of the file leave volunteers around Saint-Jean too: rank this test's own among all of them.
    const mine = [expertNear, beginnerNear, tooFar, remoteFar, otherSkill, paused];
    const suggestions = suggestMentorsForNeed(db, needId, { now: NOW, limit: 100 });
    expect(ids(suggestions).filter((id) => mine.includes(id))).toEqual([expertNear, beginnerNear]);
    const first = suggestions.find((s) => s.volunteerId === expertNear);
    expect(first?.explanation).toBe(
      "Comptabilité (expert) couvre le besoin prioritaire · à 18 km · aucun accompagnement en cours sur 2 · même domaine : Bâtiment · actif cette semaine",
    );
    expect(first?.skillLevel).toBe("expert");
    expect(first?.distanceKm).toBeGreaterThan(17.5);
    expect(first?.distanceKm).toBeLessThan(18.5);
    expect(first?.criteria.map((c) => c.key)).toEqual(["skillLevel", "distance", "sharedDomain", "capacity", "trackRecord", "recency"]);
    expect(first?.criteria.reduce((s, c) => s + c.points, 0)).toBeCloseTo(first?.score ?? 0, 1);
    for (const excluded of [tooFar, remoteFar, otherSkill, paused]) expect(ids(suggestions)).not.toContain(excluded);

    // The project accepts remote work: the Parisian who does too appears, marked remote.
    db.update(projects).set({ remoteOk: true }).where(eq(projects.id, projectId)).run();
    const remote = suggestMentorsForNeed(db, needId, { now: NOW, limit: 100 }).find((s) => s.volunteerId === remoteFar);
    expect(remote?.remote).toBe(true);
    expect(remote?.explanation).toMatch(/à distance \(3\d\d km\)/);
  });

  it("drops a declined pair, a full volunteer and a paused one as soon as the database says so", async () => {
    const a = await addVolunteer({ maxMentorships: 1 });
    const b = await addVolunteer();
    const c = await addVolunteer();
    const projectId = await addProject({ communeCode: SAINTES });
    const needId = addNeed(projectId);
    const other = await addProject({ communeCode: SAINTES });
    const otherNeed = addNeed(other);
    expect(ids(suggestMentorsForNeed(db, needId, { now: NOW }))).toEqual(expect.arrayContaining([a, b, c]));

    addMentorship(other, otherNeed, a, "acceptee"); // a is now full (1 of 1)
    addMentorship(projectId, needId, b, "refusee"); // b declined this project
    db.update(volunteerProfiles).set({ paused: true }).where(eq(volunteerProfiles.userId, c)).run();

    const after = ids(suggestMentorsForNeed(db, needId, { now: NOW }));
    for (const gone of [a, b, c]) expect(after).not.toContain(gone);
    // b declined this project only: still suggested for the other one.
    expect(ids(suggestMentorsForNeed(db, otherNeed, { now: NOW }))).toContain(b);
  });

  it("hides the volunteer already asked for this need and never offers someone their own project", async () => {
    const asked = await addVolunteer();
    const owner = await addVolunteer();
    const projectId = await addProject({ ownerId: owner });
    const needId = addNeed(projectId);
    addMentorship(projectId, needId, asked, "demande");
    const list = ids(suggestMentorsForNeed(db, needId, { now: NOW, limit: 100 }));
    expect(list).not.toContain(asked);
    expect(list).not.toContain(owner);
  });

  it("sees a new profile at once, and drafts or filled needs are never suggested", async () => {
    const projectId = await addProject({ communeCode: NIORT });
    const needId = addNeed(projectId, MARKETING);
    expect(suggestMentorsForNeed(db, needId, { now: NOW })).toEqual([]);
    const newcomer = await addVolunteer({ communeCode: NIORT, skills: [[MARKETING, "confirme"]] });
    expect(ids(suggestMentorsForNeed(db, needId, { now: NOW }))).toEqual([newcomer]);

    db.update(projects).set({ status: "brouillon" }).where(eq(projects.id, projectId)).run();
    expect(suggestMentorsForNeed(db, needId, { now: NOW })).toEqual([]);
    expect(suggestNeedsForVolunteer(db, newcomer, { now: NOW }).map((s) => s.needId)).not.toContain(needId);

    db.update(projects).set({ status: "publie" }).where(eq(projects.id, projectId)).run();
    expect(suggestNeedsForVolunteer(db, newcomer, { now: NOW }).map((s) => s.needId)).toContain(needId);
    db.update(projectSkillNeeds).set({ status: "pourvu" }).where(eq(projectSkillNeeds.id, needId)).run();
    expect(suggestMentorsForNeed(db, needId, { now: NOW })).toEqual([]);
  });

  it("counts track record from feedback written by the project holder", async () => {
    const v = await addVolunteer({ communeCode: NIORT });
    const projectId = await addProject({ communeCode: NIORT });
    const needId = addNeed(projectId);
    const past = await addProject({ communeCode: NIORT });
    const pastNeed = addNeed(past);
    const m = addMentorship(past, pastNeed, v, "terminee");
    const holder = db.select({ ownerId: projects.ownerId }).from(projects).where(eq(projects.id, past)).get()?.ownerId ?? 0;
    db.insert(mentorshipFeedback).values({ mentorshipId: m, authorId: holder, rating: 5, createdAt: NOW }).run();
    const s = suggestMentorsForNeed(db, needId, { now: NOW }).find((x) => x.volunteerId === v);
    expect(s?.explanation).toContain("1 accompagnement mené (note moyenne 5/5)");
  });

  it("refuses a bad limit with a clear error", () => {
    expect(() => suggestMentorsForNeed(db, 1, { limit: -1 })).toThrow(MatchingInputError);
  });
});

describe("distances in explanations", () => {
  it("puts a mentor in Assevent 4 km from a project in Maubeuge, not « à moins d'un km »", async () => {
    const mentor = await addVolunteer({ communeCode: "59021" });
    const needId = addNeed(await addProject({ communeCode: "59392" }));
    const s = suggestMentorsForNeed(db, needId, { now: NOW, limit: 100 }).find((x) => x.volunteerId === mentor);
    expect(s?.explanation).toContain(" · à 4 km · ");
    expect(s?.distanceText).toBe("à 4 km");
  });

  it("says « même secteur postal », not « moins d'un km », between two communes sharing an approximate point", async () => {
    // Communes placed approximately, with another commune at the very same point.
    const sharing = db.$client
      .prepare(
        `select a.code as a, b.code as b from communes a join communes b
           on a.latitude = b.latitude and a.longitude = b.longitude and a.code < b.code
         where a.point_source in ('postal', 'department') or b.point_source in ('postal', 'department')
         limit 5`,
      )
      .all() as { a: string; b: string }[];
    expect(sharing.length).toBeGreaterThan(0);
    for (const { a, b } of sharing) {
      const mentor = await addVolunteer({ communeCode: a, radiusKm: 200 });
      const needId = addNeed(await addProject({ communeCode: b }));
      const s = explainMentorPair(db, needId, mentor, { now: NOW });
      expect(s?.explanation, `${a} → ${b}`).toMatch(/ · (même secteur postal|distance incertaine \(commune placée au centre de son département\)) · /);
      expect(s?.explanation).not.toContain("moins d'un km");
      // Scored as if the two were as far apart as the uncertainty allows, not 0 km.
      expect(s?.criteria.find((c) => c.key === "distance")?.value).toBeLessThan(0.61);
    }
  });
});

describe("suggestNeedsForVolunteer", () => {
  it("lists open needs of published projects within reach, best first, never their own", async () => {
    const v = await addVolunteer({ communeCode: "17300", radiusKm: 20, skills: [[COMPTA, "expert"], [MARKETING, "notions"]] });
    const near = await addProject({ communeCode: "17300" });
    const high = addNeed(near, COMPTA, "haute");
    const low = addNeed(near, MARKETING, "basse");
    const own = await addProject({ communeCode: "17300", ownerId: v });
    addNeed(own, COMPTA);
    const far = await addProject({ communeCode: PARIS });
    addNeed(far, COMPTA);
    const list = suggestNeedsForVolunteer(db, v, { now: NOW });
    expect(list.map((s) => s.needId)).toEqual([high, low]);
    expect(list[0]).toMatchObject({ projectId: near, skillName: "Comptabilité", priority: "haute", remote: false });
  });

  it("is empty for a paused volunteer", async () => {
    const v = await addVolunteer({ paused: true });
    expect(suggestNeedsForVolunteer(db, v, { now: NOW })).toEqual([]);
  });
});

describe("clubs", () => {
  it("suggests investing clubs of the territory for an eligible project, and the project to the club", async () => {
    const territory = createTestTerritory(db, { communeCodes: [SAINT_JEAN, MATHA] });
    const manager = await createTestUser(db, { roles: ["epargnant"], communeCode: MATHA });
    const insertClub = (name: string, status: "en-epargne" | "en-gestion") =>
      db
        .insert(clubs)
        .values({ territoryId: territory.id, name, status, startedOn: "2025-01-01", investingEndsOn: "2030-01-01", createdAt: NOW, updatedAt: NOW })
        .returning({ id: clubs.id })
        .get().id;
    const club = insertClub("Cigale de Matha", "en-epargne");
    const managing = insertClub("Cigale en gestion", "en-gestion");
    db.insert(clubMembers).values({ clubId: club, userId: manager.id, role: "gerant", status: "actif", createdAt: NOW }).run();
    db.insert(clubSectors).values({ clubId: club, activityDomainId: BATIMENT }).run();
    db.insert(clubLedgerEntries)
      .values({ clubId: club, kind: "cotisation", amountCents: 420_000, occurredOn: "2026-01-05", recordedBy: manager.id, createdAt: NOW })
      .run();

    const projectId = await addProject({ communeCode: SAINT_JEAN, legalForm: "scic" });
    db.insert(projectFundingNeeds).values({ projectId, amountCents: 800_000, kind: "capital", createdAt: NOW }).run();
    const idea = await addProject({ communeCode: SAINT_JEAN, stage: "idee" });
    db.insert(projectFundingNeeds).values({ projectId: idea, amountCents: 800_000, kind: "capital", createdAt: NOW }).run();

    const forProject = suggestClubsForProject(db, projectId, { now: NOW });
    expect(forProject.map((c) => c.clubId)).toEqual([club]);
    expect(forProject.map((c) => c.clubId)).not.toContain(managing);
    expect(forProject[0]?.availableCents).toBe(420_000);
    expect(forProject[0]?.explanation).toMatch(/^Secteur Bâtiment parmi ses préférences · ticket de 500\s€ à 5\s000\s€ pour 8\s000\s€ recherchés · 4\s200\s€ disponibles/u);
    expect(suggestClubsForProject(db, idea, { now: NOW })).toEqual([]);

    const flow = suggestProjectsForClub(db, club, { now: NOW });
    expect(flow.map((p) => p.projectId)).toEqual([projectId]);
    expect(flow[0]?.amountCents).toBe(800_000);

    // Once the club has committed, the project leaves its deal flow.
    db.insert(clubCommitments).values({ clubId: club, projectId, amountCents: 100_000, instrument: "capital", committedAt: NOW }).run();
    expect(suggestProjectsForClub(db, club, { now: NOW })).toEqual([]);
    // After its investing period, nothing.
    expect(suggestClubsForProject(db, projectId, { now: new Date("2031-01-01") })).toEqual([]);
  });
});

describe("runGlobalRound", () => {
  it("respects capacities, beats or equals greedy, and stays within the pôle", async () => {
    const territory = createTestTerritory(db, { communeCodes: ["16015"] }); // Angoulême
    const volunteers = [
      await addVolunteer({ communeCode: "16015", maxMentorships: 1, skills: [[COMPTA, "expert"], [MARKETING, "expert"]] }),
      await addVolunteer({ communeCode: "16015", maxMentorships: 1, skills: [[COMPTA, "notions"]] }),
    ];
    const p1 = await addProject({ communeCode: "16015" });
    const p2 = await addProject({ communeCode: "16015" });
    const needs = [addNeed(p1, COMPTA, "haute"), addNeed(p2, MARKETING, "haute"), addNeed(p2, COMPTA, "basse")];
    const result = runGlobalRound(db, { territoryId: territory.id, now: NOW });
    expect(result.stats.needs).toBe(3);
    expect(result.total).toBeGreaterThanOrEqual(result.greedyTotal);
    const load = new Map<number, number>();
    for (const a of result.assignments) {
      expect(needs).toContain(a.needId);
      expect(volunteers).toContain(a.volunteerId);
      load.set(a.volunteerId, (load.get(a.volunteerId) ?? 0) + 1);
    }
    for (const count of load.values()) expect(count).toBeLessThanOrEqual(1);
    // The expert must take the Marketing need (only they have it), the beginner the priority Comptabilité.
    expect(result.assignments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ needId: needs[1], volunteerId: volunteers[0] }),
        expect.objectContaining({ needId: needs[0], volunteerId: volunteers[1] }),
      ]),
    );
    expect(result.unmatchedNeedIds).toEqual([needs[2]]);
  });
});

describe("weights", () => {
  it("reads defaults, stores a change of the pôle's that reorders its suggestions, and refuses bad values", async () => {
    const pole = createTestTerritory(db, { communeCodes: ["33063", "33281"] }); // Bordeaux, Mérignac
    expect(getMatchingWeights(db, pole.id).mentor.distance).toBe(3);
    expect(describeMatchingWeights(db, pole.id).find((w) => w.key === "mentor.distance")).toMatchObject({ label: "Proximité", defaultValue: 3 });
    const near = await addVolunteer({ communeCode: "33063", skills: [[COMPTA, "notions"]] }); // Bordeaux
    const farExpert = await addVolunteer({ communeCode: "33281", radiusKm: 60, skills: [[COMPTA, "expert"]] }); // Mérignac
    const projectId = await addProject({ communeCode: "33063" });
    const needId = addNeed(projectId);
    expect(ids(suggestMentorsForNeed(db, needId, { now: NOW }))[0]).toBe(farExpert);
    setMatchingWeight(db, pole.id, "mentor.skillLevel", 0, NOW);
    setMatchingWeight(db, pole.id, "mentor.distance", 50, NOW);
    expect(ids(suggestMentorsForNeed(db, needId, { now: NOW }))[0]).toBe(near);
    expect(() => setMatchingWeight(db, pole.id, "mentor.distance", Number.NaN)).toThrow(MatchingInputError);
    expect(() => setMatchingWeight(db, pole.id, "mentor.speed", 1)).toThrow(/clé de poids inconnue/);
    resetMatchingWeights(db, pole.id);
    expect(ids(suggestMentorsForNeed(db, needId, { now: NOW }))[0]).toBe(farExpert);
  });

  it("sets several weights as one checked set, all or nothing, and resets to the defaults", () => {
    const pole = createTestTerritory(db, { communeCodes: ["44109"] }); // Nantes
    const zeros = Object.fromEntries(MENTOR_CRITERIA.map((k) => [`mentor.${k}`, 0]));
    // Every mentor weight at zero: refused, nothing stored.
    expect(() => setMatchingWeights(db, pole.id, zeros, NOW)).toThrow(/au moins un poids/);
    expect(getMatchingWeights(db, pole.id)).toEqual(DEFAULT_MATCHING_WEIGHTS);
    expect(hasOwnMatchingWeights(db, pole.id)).toBe(false);
    // Moving the only positive weight elsewhere in one call works (one at a time it could not).
    setMatchingWeights(db, pole.id, { ...zeros, "mentor.skillLevel": 1 }, NOW);
    const moved = setMatchingWeights(db, pole.id, { "mentor.skillLevel": 0, "mentor.distance": 2 }, NOW);
    expect(moved.mentor).toMatchObject({ skillLevel: 0, distance: 2, recency: 0 });
    expect(() => setMatchingWeights(db, pole.id, { "mentor.distance": 2, "mentor.speed": 1 } as never, NOW)).toThrow(/clé de poids inconnue/);
    expect(getMatchingWeights(db, pole.id)).toEqual(moved);
    expect(hasOwnMatchingWeights(db, pole.id)).toBe(true);
    expect(resetMatchingWeights(db, pole.id)).toEqual(DEFAULT_MATCHING_WEIGHTS);
    expect(hasOwnMatchingWeights(db, pole.id)).toBe(false);
  });

  it("explains one pair exactly as the suggestions do, and refuses a pair a hard filter rejects", async () => {
    const v = await addVolunteer({ communeCode: MATHA });
    const tooFar = await addVolunteer({ communeCode: NIORT, radiusKm: 10 });
    const needId = addNeed(await addProject());
    const suggested = suggestMentorsForNeed(db, needId, { now: NOW, limit: 500 }).find((s) => s.volunteerId === v);
    expect(explainMentorPair(db, needId, v, { now: NOW })).toEqual(suggested);
    expect(explainMentorPair(db, needId, tooFar, { now: NOW })).toBeNull();
    expect(explainMentorPair(db, 999_999, v, { now: NOW })).toBeNull();
  });
});

describe("weights per pôle", () => {
  /** Distance only: the nearest volunteer comes first, whatever their level. */
  const NEAREST_FIRST = { "mentor.skillLevel": 0, "mentor.distance": 50 } as const;

  /** A pôle around `town` with one need, a beginner in town and an expert a few km away. */
  async function poleWithNeed(town: string, neighbour: string) {
    const pole = createTestTerritory(db, { communeCodes: [town, neighbour] });
    const near = await addVolunteer({ communeCode: town, maxMentorships: 1, skills: [[COMPTA, "notions"]] });
    const expert = await addVolunteer({ communeCode: neighbour, maxMentorships: 1, radiusKm: 60, skills: [[COMPTA, "expert"]] });
    const needId = addNeed(await addProject({ communeCode: town }));
    const first = () => ids(suggestMentorsForNeed(db, needId, { now: NOW }))[0];
    const roundPick = () => runGlobalRound(db, { territoryId: pole.id, now: NOW }).assignments.find((a) => a.needId === needId)?.volunteerId;
    return { pole, near, expert, needId, first, roundPick };
  }

  it("a pôle's weights change its suggestions and its round, not another pôle's; its reset touches only its own", async () => {
    const a = await poleWithNeed("38185", "38151"); // Grenoble, Échirolles
    const b = await poleWithNeed("69123", "69266"); // Lyon, Villeurbanne
    for (const p of [a, b]) {
      expect(p.first()).toBe(p.expert);
      expect(p.roundPick()).toBe(p.expert);
    }

    setMatchingWeights(db, a.pole.id, NEAREST_FIRST, NOW);
    expect(a.first()).toBe(a.near);
    expect(a.roundPick()).toBe(a.near);
    expect(b.first()).toBe(b.expert);
    expect(b.roundPick()).toBe(b.expert);
    expect(getMatchingWeights(db, b.pole.id)).toEqual(DEFAULT_MATCHING_WEIGHTS);

    // The round's pairs are explained with the same weights as the round scored them.
    const pair = runGlobalRound(db, { territoryId: a.pole.id, now: NOW }).assignments.find((x) => x.needId === a.needId);
    expect(explainMentorPair(db, a.needId, a.near, { now: NOW, territoryId: a.pole.id })?.score).toBe(pair?.score);

    // From the volunteer's side, a need scores as it does on its project's side.
    const fromNeed = suggestMentorsForNeed(db, a.needId, { now: NOW }).find((s) => s.volunteerId === a.expert);
    const fromVolunteer = suggestNeedsForVolunteer(db, a.expert, { now: NOW }).find((s) => s.needId === a.needId);
    expect(fromVolunteer?.score).toBe(fromNeed?.score);
    expect(fromVolunteer?.criteria).toEqual(fromNeed?.criteria);

    const bWeights = setMatchingWeights(db, b.pole.id, { "mentor.recency": 4 }, NOW);
    expect(resetMatchingWeights(db, a.pole.id)).toEqual(DEFAULT_MATCHING_WEIGHTS);
    expect(a.first()).toBe(a.expert);
    expect(a.roundPick()).toBe(a.expert);
    expect(getMatchingWeights(db, b.pole.id)).toEqual(bWeights);
    expect(hasOwnMatchingWeights(db, b.pole.id)).toBe(true);
    resetMatchingWeights(db, b.pole.id);
  });

  it("where perimeters overlap, the oldest pôle with weights of its own scores the project", async () => {
    const older = createTestTerritory(db, { communeCodes: ["59350"] }); // Lille
    const p = await poleWithNeed("59350", "59512"); // a newer pôle: Lille, Roubaix
    // The older pôle has no weights of its own: the newer one's apply.
    setMatchingWeights(db, p.pole.id, NEAREST_FIRST, NOW);
    expect(p.first()).toBe(p.near);
    // Once the older pôle sets its own, they win, whatever the newer pôle set.
    setMatchingWeights(db, older.id, { "mentor.recency": 2 }, NOW);
    expect(p.first()).toBe(p.expert);
    // Its round still scores with the pôle's own weights.
    expect(p.roundPick()).toBe(p.near);
    // A perimeter change is seen too: without Lille, the older pôle no longer scores there.
    db.delete(territoryCommunes).where(eq(territoryCommunes.territoryId, older.id)).run();
    expect(p.first()).toBe(p.near);
    resetMatchingWeights(db, older.id);
    resetMatchingWeights(db, p.pole.id);
  });

  it("a club scores with its own pôle's weights, from the project's side and from the club's", async () => {
    const town = "13055"; // Marseille
    const pole = createTestTerritory(db, { communeCodes: [town] });
    const other = createTestTerritory(db, { communeCodes: [town] });
    const club = (territoryId: number, name: string) =>
      db
        .insert(clubs)
        .values({ territoryId, name, status: "en-epargne", startedOn: "2025-01-01", investingEndsOn: "2030-01-01", createdAt: NOW, updatedAt: NOW })
        .returning({ id: clubs.id })
        .get().id;
    const mine = club(pole.id, "Cigale du Vieux-Port");
    const theirs = club(other.id, "Cigale de la Canebière");
    const projectId = await addProject({ communeCode: town, legalForm: "scic" });
    db.insert(projectFundingNeeds).values({ projectId, amountCents: 800_000, kind: "capital", createdAt: NOW }).run();
    const scores = () => new Map(suggestClubsForProject(db, projectId, { now: NOW }).map((c) => [c.clubId, c.score]));
    const before = scores();
    expect(before.get(mine)).toBe(before.get(theirs));

    // Only the ticket counts for the first pôle's clubs: its club scores on that alone.
    const ticketOnly = Object.fromEntries(CLUB_CRITERIA.map((k) => [`club.${k}`, k === "ticket" ? 1 : 0]));
    setMatchingWeights(db, pole.id, ticketOnly, NOW);
    const after = scores();
    expect(after.get(mine)).not.toBe(before.get(mine));
    expect(after.get(theirs)).toBe(before.get(theirs));
    const flow = suggestProjectsForClub(db, mine, { now: NOW }).find((p) => p.projectId === projectId);
    expect(flow?.score).toBe(after.get(mine));
    expect(flow?.criteria.filter((c) => c.weight > 0).map((c) => c.key)).toEqual(["ticket"]);
    resetMatchingWeights(db, pole.id);
    expect(scores()).toEqual(before);
  });
});

describe("freshness", () => {
  it("applies small changes in place and rebuilds after another connection writes", async () => {
    const store = matchingStore(db);
    const builds = store.stats.fullBuilds;
    const v = await addVolunteer({ communeCode: "35238" }); // Rennes
    const projectId = await addProject({ communeCode: "35238" });
    const needId = addNeed(projectId);
    expect(ids(suggestMentorsForNeed(db, needId, { now: NOW }))).toEqual([v]);
    expect(matchingStore(db).stats.fullBuilds).toBe(builds);

    // Another process pauses the volunteer: data_version moves, the index rebuilds.
    const other = new Database(db.$client.name);
    other.prepare("update volunteer_profiles set paused = 1 where user_id = ?").run(v);
    other.close();
    expect(suggestMentorsForNeed(db, needId, { now: NOW })).toEqual([]);
    expect(matchingStore(db).stats.fullBuilds).toBe(builds + 1);
  });

  it("sees writes made through the model functions by the next suggestion, without a rebuild", async () => {
    const v = await addVolunteer({ communeCode: "67482", skills: [[COMPTA, "expert"]] }); // Strasbourg
    const projectId = await addProject({ communeCode: "67482" });
    const marketingNeed = addNeed(projectId, MARKETING);
    const accountingNeed = addNeed(projectId, COMPTA);
    expect(ids(suggestMentorsForNeed(db, accountingNeed, { now: NOW }))).toEqual([v]);
    expect(suggestMentorsForNeed(db, marketingNeed, { now: NOW })).toEqual([]);
    const builds = matchingStore(db).stats.fullBuilds;

    // The volunteer adds a skill to their profile: they are proposed for it.
    const profile: VolunteerProfileInput = {
      status: "retraite",
      skills: [
        { skillId: COMPTA, level: "expert" },
        { skillId: MARKETING, level: "confirme" },
      ],
      domainIds: [],
      communeCode: "67482",
      radiusKm: 30,
      remoteOk: false,
      maxMentorships: 2,
      hoursPerMonth: 4,
      bio: "",
      paused: false,
    };
    saveVolunteerProfile(db, v, profile, NOW);
    expect(ids(suggestMentorsForNeed(db, marketingNeed, { now: NOW }))).toEqual([v]);

    // The holder asks them for the Comptabilité need and they accept: the need is filled.
    const asked = requestMentorship(db, { needId: accountingNeed, volunteerId: v, initiatedBy: "porteur", message: "" }, NOW);
    expect(asked.ok).toBe(true);
    expect(ids(suggestMentorsForNeed(db, accountingNeed, { now: NOW }))).toEqual([]); // already asked
    expect(respondToRequest(db, asked.ok ? asked.id : 0, v, "accepter", "", NOW)).toMatchObject({ ok: true });
    const other = await addVolunteer({ communeCode: "67482", skills: [[COMPTA, "expert"]] });
    expect(suggestMentorsForNeed(db, accountingNeed, { now: NOW })).toEqual([]);
    expect(suggestNeedsForVolunteer(db, other, { now: NOW }).map((s) => s.needId)).not.toContain(accountingNeed);

    // The volunteer pauses: gone from the other need too.
    expect(ids(suggestMentorsForNeed(db, marketingNeed, { now: NOW }))).toEqual([v]);
    saveVolunteerProfile(db, v, { ...profile, paused: true }, NOW);
    expect(suggestMentorsForNeed(db, marketingNeed, { now: NOW })).toEqual([]);
    // All of it went through the change log, row by row.
    expect(matchingStore(db).stats.fullBuilds).toBe(builds);
  });

  it("sees a commit from another process by the next suggestion", async () => {
    const v = await addVolunteer({ communeCode: "31555" }); // Toulouse
    const projectId = await addProject({ communeCode: "31555" });
    const needId = addNeed(projectId);
    expect(ids(suggestMentorsForNeed(db, needId, { now: NOW }))).toEqual([v]);
    const builds = matchingStore(db).stats.fullBuilds;
    // A separate Node process, with its own connection and none of our triggers, pauses the volunteer.
    execFileSync(process.execPath, [
      "-e",
      "const D = require('better-sqlite3'); const c = new D(process.argv[1]); c.prepare('update volunteer_profiles set paused = 1 where user_id = ?').run(Number(process.argv[2])); c.close();",
      db.$client.name,
      String(v),
    ]);
    expect(suggestMentorsForNeed(db, needId, { now: NOW })).toEqual([]);
    expect(matchingStore(db).stats.fullBuilds).toBe(builds + 1);
  });

  it("takes back what a rolled-back transaction showed", async () => {
    const v = await addVolunteer({ communeCode: "44109" }); // Nantes
    const projectId = await addProject({ communeCode: "44109" });
    const needId = addNeed(projectId);
    expect(() =>
      db.transaction(() => {
        db.update(volunteerProfiles).set({ paused: true }).where(eq(volunteerProfiles.userId, v)).run();
        expect(suggestMentorsForNeed(db, needId, { now: NOW })).toEqual([]);
        throw new Error("rollback");
      }),
    ).toThrow("rollback");
    expect(ids(suggestMentorsForNeed(db, needId, { now: NOW }))).toEqual([v]);
  });
});
