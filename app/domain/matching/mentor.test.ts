import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { haversineKm } from "./geo";
import {
  distanceValue,
  compileMentorWeights,
  evaluateMentor,
  mentorCriteria,
  prepareNeed,
  prepareProject,
  prepareVolunteer,
  type MentorMatch,
  type PreparedNeed,
  type PreparedVolunteer,
} from "./mentor";
import { MentorIndex, NeedIndex } from "./mentor-index";
import { COMMUNE_CODES, NOW, exactPointArb, pointArb, volunteerArb, worldArb, makePoints, type World } from "./test-arbitraries";
import type { VolunteerInput } from "./types";
import { DEFAULT_MENTOR_WEIGHTS, MENTOR_CRITERIA, type MentorWeights } from "./weights";

const nowMs = NOW.getTime();
const weights = compileMentorWeights(DEFAULT_MENTOR_WEIGHTS);

function prepared(world: World) {
  const volunteers = world.volunteers.map((v) => prepareVolunteer(v, world.points));
  const projects = new Map(world.projects.map((p) => [p.id, prepareProject(p, world.points)]));
  const needs = world.needs.map((n) => prepareNeed(n, projects.get(n.projectId) as ReturnType<typeof prepareProject>));
  return { volunteers, needs };
}

/** Brute force: every volunteer through the reference evaluation, ranked. */
function bruteForce(volunteers: PreparedVolunteer[], need: PreparedNeed): MentorMatch[] {
  return volunteers
    .flatMap((v) => {
      const e = evaluateMentor(v, need, weights, nowMs);
      return e.ok ? [e.match] : [];
    })
    .sort((a, b) => b.hundredths - a.hundredths || a.volunteerId - b.volunteerId);
}

const weightsArb: fc.Arbitrary<MentorWeights> = fc
  .tuple(...MENTOR_CRITERIA.map(() => fc.integer({ min: 0, max: 10 })))
  .filter((ws) => ws.some((w) => w > 0))
  .map((ws) => Object.fromEntries(MENTOR_CRITERIA.map((k, i) => [k, ws[i] ?? 0])) as MentorWeights);

describe("hard filters", () => {
  it("always hold for every pair the evaluation accepts", () => {
    fc.assert(
      fc.property(worldArb(), (world) => {
        const { volunteers, needs } = prepared(world);
        for (const n of needs) {
          for (const v of volunteers) {
            const e = evaluateMentor(v, n, weights, nowMs);
            if (!e.ok) continue;
            const input = world.volunteers.find((x) => x.id === v.id) as VolunteerInput;
            expect(n.open && n.project.published).toBe(true);
            expect(input.paused).toBe(false);
            expect(input.activeMentorships).toBeLessThan(input.maxMentorships);
            expect(input.skills.some((s) => s.skillId === n.skillId)).toBe(true);
            expect(n.project.ownerId).not.toBe(v.id);
            expect(n.project.declinedVolunteerIds.has(v.id)).toBe(false);
            expect(n.openVolunteerIds.has(v.id)).toBe(false);
            const vp = world.points.get(input.communeCode);
            const pp = world.points.get(n.project.communeCode);
            const d = vp && pp ? haversineKm(vp, pp) : null;
            const withinRadius = d !== null && d <= input.radiusKm;
            expect(withinRadius || (input.remoteOk && n.project.remoteOk)).toBe(true);
            expect(e.match.score).toBeGreaterThanOrEqual(0);
            expect(e.match.score).toBeLessThanOrEqual(100);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it("the index finds exactly the brute-force ranking, for needs and for volunteers", () => {
    fc.assert(
      fc.property(worldArb({ min: 1, max: 40 }), fc.integer({ min: 1, max: 12 }), (world, limit) => {
        const { volunteers, needs } = prepared(world);
        const index = MentorIndex.build(volunteers);
        for (const n of needs) {
          const expected = bruteForce(volunteers, n);
          expect(index.topMentors(n, limit, weights, nowMs)).toEqual(expected.slice(0, limit));
          const round = index.roundCandidates(n, limit, weights, nowMs);
          const positive = expected.filter((m) => m.hundredths > 0);
          expect(Array.from(round.volunteers, (slot) => index.slots[slot]?.id)).toEqual(
            positive.slice(0, limit).map((m) => m.volunteerId),
          );
          // The bound on what was left out may be loose (an upper bound), never too low.
          if (round.complete) expect(positive.length).toBeLessThanOrEqual(limit);
          if (positive.length > limit) {
            expect(round.complete).toBe(false);
            expect(round.nextWeight).toBeGreaterThanOrEqual(positive[limit]?.hundredths ?? Infinity);
          }
        }
        const needIndex = NeedIndex.build(needs);
        for (const v of volunteers) {
          const expected = needs
            .flatMap((n) => {
              const e = evaluateMentor(v, n, weights, nowMs);
              return e.ok ? [e.match] : [];
            })
            .sort((a, b) => b.hundredths - a.hundredths || a.needId - b.needId);
          expect(needIndex.topNeeds(v, limit, weights, nowMs)).toEqual(expected.slice(0, limit));
        }
      }),
      { numRuns: 150 },
    );
  });

  it("with each pôle's own weights, the needs found for a volunteer are the brute-force ranking under each need's weights", () => {
    fc.assert(
      fc.property(worldArb({ min: 1, max: 30 }), weightsArb, fc.integer({ min: 1, max: 12 }), (world, ws, limit) => {
        const { volunteers, needs } = prepared(world);
        const own = compileMentorWeights(ws);
        // Projects in half of the communes belong to a pôle with its own weights; the others use the defaults.
        const ownPerimeter = new Set(COMMUNE_CODES.filter((_, i) => i % 2 === 0));
        const weightsOf = (n: PreparedNeed) => (ownPerimeter.has(n.project.communeCode) ? own : weights);
        const needIndex = NeedIndex.build(needs);
        for (const v of volunteers) {
          const expected = needs
            .flatMap((n) => {
              const e = evaluateMentor(v, n, weightsOf(n), nowMs);
              return e.ok ? [e.match] : [];
            })
            .sort((a, b) => b.hundredths - a.hundredths || a.needId - b.needId);
          expect(needIndex.topNeeds(v, limit, weightsOf, nowMs)).toEqual(expected.slice(0, limit));
        }
      }),
      { numRuns: 100 },
    );
  });

  it("stays exact after volunteers are updated and removed in place", () => {
    fc.assert(
      fc.property(worldArb({ min: 2, max: 25 }), fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), (world, edits) => {
        const { volunteers, needs } = prepared(world);
        const index = MentorIndex.build(volunteers);
        let current = [...volunteers];
        for (const e of edits) {
          const target = current[e % current.length];
          if (!target) continue;
          if (e % 3 === 0) {
            index.remove(target.id);
            current = current.filter((v) => v.id !== target.id);
          } else {
            const input = world.volunteers.find((v) => v.id === target.id) as VolunteerInput;
            const changed = prepareVolunteer(
              { ...input, radiusKm: (e % 7) * 20, paused: e % 5 === 0, remoteOk: e % 2 === 0 },
              world.points,
            );
            index.upsert(changed);
            current = current.map((v) => (v.id === changed.id ? changed : v));
          }
        }
        for (const n of needs) expect(index.topMentors(n, 50, weights, nowMs)).toEqual(bruteForce(current, n).slice(0, 50));
      }),
      { numRuns: 100 },
    );
  });
});

describe("soft criteria", () => {
  it("adding a skill (or a better level of it) never lowers a volunteer's score", () => {
    fc.assert(
      fc.property(
        worldArb({ min: 1, max: 6 }),
        fc.constantFrom("notions" as const, "confirme" as const, "expert" as const),
        weightsArb,
        (world, level, ws) => {
          const w = compileMentorWeights(ws);
          const { needs } = prepared(world);
          for (const input of world.volunteers) {
            for (const n of needs) {
              const before = evaluateMentor(prepareVolunteer(input, world.points), n, w, nowMs);
              const others = input.skills.filter((s) => s.skillId !== n.skillId);
              const current = input.skills.find((s) => s.skillId === n.skillId);
              const rank = { notions: 0, confirme: 1, expert: 2 };
              const best = current && rank[current.level] > rank[level] ? current.level : level;
              const after = evaluateMentor(
                prepareVolunteer({ ...input, skills: [...others, { skillId: n.skillId, level: best }] }, world.points),
                n,
                w,
                nowMs,
              );
              if (before.ok) {
                expect(after.ok).toBe(true);
                if (after.ok) expect(after.match.score).toBeGreaterThanOrEqual(before.match.score);
              }
              // Adding a skill the need does not ask for changes nothing.
              const unrelated = evaluateMentor(
                prepareVolunteer({ ...input, skills: [...input.skills, { skillId: 99, level: "expert" }] }, world.points),
                n,
                w,
                nowMs,
              );
              expect(unrelated).toEqual(before);
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("moving a volunteer further from the project never raises the score (points placed alike)", () => {
    fc.assert(
      fc.property(volunteerArb(1), pointArb, exactPointArb, exactPointArb, (input, projectAt, a, b) => {
        const [near, far] = haversineKm(a, projectAt) <= haversineKm(b, projectAt) ? [a, b] : [b, a];
        const points = makePoints([projectAt, near, far]);
        const project = prepareProject(
          { id: 1, ownerId: 999, title: "P", communeCode: "c0", remoteOk: true, activityDomainId: 1, status: "publie" },
          points,
        );
        const skill = input.skills[0]?.skillId ?? 1;
        const need = prepareNeed({ id: 1, projectId: 1, skillId: skill, skillName: "X", priority: "haute", status: "ouvert" }, project);
        const score = (communeCode: string) => {
          const e = evaluateMentor(prepareVolunteer({ ...input, communeCode }, points), need, weights, nowMs);
          return e.ok ? e.match.score : -Infinity;
        };
        expect(score("c2")).toBeLessThanOrEqual(score("c1"));
      }),
      { numRuns: 500 },
    );
  });

  it("two communes placed at the same approximate point score no closer than the point's uncertainty", () => {
    fc.assert(
      fc.property(volunteerArb(1), exactPointArb, fc.constantFrom(10, 60), (input, at, uncertaintyKm) => {
        const points = makePoints([{ ...at, uncertaintyKm }, at]);
        const project = prepareProject(
          { id: 1, ownerId: 999, title: "P", communeCode: "c0", remoteOk: true, activityDomainId: 1, status: "publie" },
          points,
        );
        const skill = input.skills[0]?.skillId ?? 1;
        const need = prepareNeed({ id: 1, projectId: 1, skillId: skill, skillName: "X", priority: "haute", status: "ouvert" }, project);
        const e = evaluateMentor(prepareVolunteer({ ...input, communeCode: "c1", radiusKm: 100 }, points), need, weights, nowMs);
        if (!e.ok) return;
        const distance = mentorCriteria(prepareVolunteer({ ...input, communeCode: "c1", radiusKm: 100 }, points), need, e.match, weights, nowMs).find(
          (c) => c.key === "distance",
        );
        expect(e.match.distanceKm).toBeLessThan(0.001);
        expect(distance?.value).toBeCloseTo(distanceValue(uncertaintyKm), 4);
      }),
      { numRuns: 200 },
    );
  });

  it("criteria points add up to the score", () => {
    fc.assert(
      fc.property(worldArb({ min: 1, max: 10 }), weightsArb, (world, ws) => {
        const w = compileMentorWeights(ws);
        const { volunteers, needs } = prepared(world);
        for (const n of needs)
          for (const v of volunteers) {
            const e = evaluateMentor(v, n, w, nowMs);
            if (!e.ok) continue;
            const criteria = mentorCriteria(v, n, e.match, w, nowMs);
            const sum = criteria.reduce((s, c) => s + c.points, 0);
            expect(Math.abs(sum - e.match.score)).toBeLessThan(0.05);
            for (const c of criteria) {
              expect(c.value).toBeGreaterThanOrEqual(0);
              expect(c.value).toBeLessThanOrEqual(1);
            }
          }
      }),
      { numRuns: 100 },
    );
  });

  it("gives identical results across runs", () => {
    fc.assert(
      fc.property(worldArb(), (world) => {
        const run = () => {
          const { volunteers, needs } = prepared(world);
          const index = MentorIndex.build(volunteers);
          return needs.map((n) => index.topMentors(n, 10, weights, nowMs));
        };
        expect(run()).toEqual(run());
      }),
      { numRuns: 50 },
    );
  });

  it("ranks an expert nearby above a beginner far away, and explains ties by id", () => {
    const points = makePoints([
      { latitude: 45.9462, longitude: -0.5208 }, // Saint-Jean-d'Angély
      { latitude: 45.9116, longitude: -0.4618 }, // ~6 km
      { latitude: 45.75, longitude: -0.63 }, // ~24 km
    ]);
    const base = {
      displayName: "",
      radiusKm: 50,
      remoteOk: false,
      maxMentorships: 3,
      activeMentorships: 0,
      paused: false,
      domainIds: [],
      completedMentorships: 0,
      averageRating: null,
      lastActiveAt: NOW,
    };
    const project = prepareProject(
      { id: 1, ownerId: 99, title: "P", communeCode: "c0", remoteOk: false, activityDomainId: 1, status: "publie" },
      points,
    );
    const need = prepareNeed({ id: 5, projectId: 1, skillId: 6, skillName: "Comptabilité", priority: "haute", status: "ouvert" }, project);
    const vs = [
      prepareVolunteer({ ...base, id: 3, communeCode: "c2", skills: [{ skillId: 6, level: "notions" }] }, points),
      prepareVolunteer({ ...base, id: 2, communeCode: "c1", skills: [{ skillId: 6, level: "expert" }] }, points),
      prepareVolunteer({ ...base, id: 1, communeCode: "c1", skills: [{ skillId: 6, level: "expert" }] }, points),
    ];
    const ranked = MentorIndex.build(vs).topMentors(need, 10, weights, nowMs);
    expect(ranked.map((m) => m.volunteerId)).toEqual([1, 2, 3]);
    expect(ranked[0]?.score).toBe(ranked[1]?.score);
  });
});
