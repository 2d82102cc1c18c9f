/**
 * fast-check generators shared by the matcher's tests: a small region of
 * communes (plus a far-away one and one without a point), volunteers,
 * projects and needs with every flag the filters look at.
 */
import fc from "fast-check";
import { DAY_MS } from "../paris-time";
import type { GeoPoint } from "./geo";
import type { CommunePoints, NeedInput, ProjectInput, VolunteerInput } from "./types";

export const NOW = new Date("2026-03-15T10:00:00Z");

/** 16 communes within ~150 km of each other, Réunion, and a Pacific commune without a point. */
export function makePoints(seedPoints: readonly GeoPoint[]): Map<string, GeoPoint | null> {
  const points = new Map<string, GeoPoint | null>();
  seedPoints.forEach((p, i) => points.set(`c${i}`, p));
  points.set("reunion", { latitude: -21.1151, longitude: 55.5364 });
  points.set("pacific", null);
  return points;
}

/** A commune's own centre. */
export const exactPointArb: fc.Arbitrary<GeoPoint> = fc.record({
  latitude: fc.double({ min: 45, max: 46.2, noNaN: true }),
  longitude: fc.double({ min: -1, max: 0.8, noNaN: true }),
});

/** Mostly a commune's own centre; sometimes a point known only to its postal sector or its department. */
export const pointArb: fc.Arbitrary<GeoPoint> = fc
  .tuple(exactPointArb, fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constantFrom(10, 60) }))
  .map(([p, uncertaintyKm]) => (uncertaintyKm === 0 ? p : { ...p, uncertaintyKm }));

export const pointsArb: fc.Arbitrary<Map<string, GeoPoint | null>> = fc
  .array(pointArb, { minLength: 16, maxLength: 16 })
  .map(makePoints);

export const COMMUNE_CODES = [...Array.from({ length: 16 }, (_, i) => `c${i}`), "reunion", "pacific"];
export const communeArb = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...COMMUNE_CODES.slice(0, 16)) },
  { weight: 1, arbitrary: fc.constantFrom("reunion", "pacific") },
);

export const SKILL_IDS = [1, 2, 3, 4] as const;
export const levelArb = fc.constantFrom("notions" as const, "confirme" as const, "expert" as const);

export const volunteerArb = (id: number): fc.Arbitrary<VolunteerInput> =>
  fc
    .record({
      communeCode: communeArb,
      radiusKm: fc.oneof(fc.integer({ min: 0, max: 150 }), fc.constantFrom(0, 5, 30, 1000, 2000)),
      remoteOk: fc.boolean(),
      maxMentorships: fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 6, arbitrary: fc.integer({ min: 1, max: 4 }) }),
      activeMentorships: fc.integer({ min: 0, max: 2 }),
      pausedRoll: fc.integer({ min: 0, max: 9 }),
      skills: fc.uniqueArray(fc.record({ skillId: fc.constantFrom(...SKILL_IDS), level: levelArb }), {
        minLength: 1,
        maxLength: 4,
        selector: (s) => s.skillId,
      }),
      domainIds: fc.uniqueArray(fc.integer({ min: 1, max: 3 }), { maxLength: 3 }),
      completedMentorships: fc.integer({ min: 0, max: 6 }),
      averageRating: fc.option(fc.double({ min: 1, max: 5, noNaN: true }), { nil: null }),
      lastActiveDaysAgo: fc.integer({ min: -3, max: 800 }),
    })
    .map(({ pausedRoll, lastActiveDaysAgo, ...v }) => ({
      id,
      displayName: `Bénévole ${id}`,
      ...v,
      activeMentorships: Math.min(v.activeMentorships, v.maxMentorships + 1),
      paused: pausedRoll === 0,
      lastActiveAt: new Date(NOW.getTime() - lastActiveDaysAgo * DAY_MS),
    }));

export const volunteersArb = (count: { min: number; max: number }): fc.Arbitrary<VolunteerInput[]> =>
  fc
    .integer(count)
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => volunteerArb(i + 1))))
    .map((vs) => [...vs]);

export const projectArb = (id: number, volunteerIds: readonly number[]): fc.Arbitrary<ProjectInput> =>
  fc.record({
    id: fc.constant(id),
    ownerId: fc.oneof(fc.constant(10_000 + id), ...(volunteerIds.length ? [fc.constantFrom(...volunteerIds)] : [])),
    title: fc.constant(`Projet ${id}`),
    communeCode: communeArb,
    remoteOk: fc.boolean(),
    activityDomainId: fc.integer({ min: 1, max: 3 }),
    activityDomainName: fc.constant("Bâtiment"),
    status: fc.oneof({ weight: 6, arbitrary: fc.constant("publie" as const) }, { weight: 1, arbitrary: fc.constantFrom("brouillon" as const, "clos" as const) }),
    declinedVolunteerIds: volunteerIds.length ? fc.uniqueArray(fc.constantFrom(...volunteerIds), { maxLength: 3 }) : fc.constant([]),
  });

export const needArb = (id: number, projectId: number, volunteerIds: readonly number[]): fc.Arbitrary<NeedInput> =>
  fc.record({
    id: fc.constant(id),
    projectId: fc.constant(projectId),
    skillId: fc.constantFrom(...SKILL_IDS),
    skillName: fc.constant("Comptabilité"),
    priority: fc.constantFrom("haute" as const, "moyenne" as const, "basse" as const),
    status: fc.oneof({ weight: 6, arbitrary: fc.constant("ouvert" as const) }, { weight: 1, arbitrary: fc.constantFrom("pourvu" as const, "clos" as const) }),
    openVolunteerIds: volunteerIds.length ? fc.uniqueArray(fc.constantFrom(...volunteerIds), { maxLength: 2 }) : fc.constant([]),
  });

export type World = {
  points: CommunePoints;
  volunteers: VolunteerInput[];
  projects: ProjectInput[];
  needs: NeedInput[];
};

/** A whole small world: volunteers, a few projects with 1–3 needs each. */
export const worldArb = (volunteerCount = { min: 1, max: 30 }, projectCount = { min: 1, max: 4 }): fc.Arbitrary<World> =>
  fc.tuple(pointsArb, volunteersArb(volunteerCount), fc.integer(projectCount)).chain(([points, volunteers, nProjects]) => {
    const ids = volunteers.map((v) => v.id);
    return fc
      .tuple(
        ...Array.from({ length: nProjects }, (_, p) =>
          fc.tuple(
            projectArb(p + 1, ids),
            fc.integer({ min: 1, max: 3 }).chain((k) =>
              fc.tuple(...Array.from({ length: k }, (_, j) => needArb((p + 1) * 10 + j, p + 1, ids))),
            ),
          ),
        ),
      )
      .map((pairs) => ({
        points,
        volunteers,
        projects: pairs.map(([project]) => project),
        needs: pairs.flatMap(([, needs]) => needs),
      }));
  });
