import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { greedyRound, listProvider, runExactRound, solveBMatching, type CandidateList } from "./round";

type Edge = { volunteer: number; weight: number };
type Instance = { capacities: number[]; edges: Edge[][] };

/** Exhaustive search: every need picks one of its candidates or nobody. */
function bruteForceOptimum({ capacities, edges }: Instance): number {
  const used = capacities.map(() => 0);
  let best = 0;
  const visit = (need: number, total: number) => {
    if (need === edges.length) {
      best = Math.max(best, total);
      return;
    }
    visit(need + 1, total);
    for (const e of edges[need] ?? []) {
      if ((used[e.volunteer] ?? 0) >= (capacities[e.volunteer] ?? 0)) continue;
      used[e.volunteer] = (used[e.volunteer] ?? 0) + 1;
      visit(need + 1, total + e.weight);
      used[e.volunteer] = (used[e.volunteer] ?? 0) - 1;
    }
  };
  visit(0, 0);
  return best;
}

/** Random instances of these sizes: capacity 0..3, weights 1..maxWeight (ties likely). */
function instancesOf(size: { needs: [number, number]; volunteers: [number, number]; maxWeight: number }): fc.Arbitrary<Instance> {
  return fc
    .record({ needs: fc.integer({ min: size.needs[0], max: size.needs[1] }), volunteers: fc.integer({ min: size.volunteers[0], max: size.volunteers[1] }) })
    .chain(({ needs, volunteers }) =>
      fc.record({
        capacities: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: volunteers, maxLength: volunteers }),
        edges: fc.array(
          fc
            .uniqueArray(fc.integer({ min: 0, max: volunteers - 1 }), { maxLength: volunteers })
            .chain((vols) => fc.tuple(...vols.map((v) => fc.integer({ min: 1, max: size.maxWeight }).map((weight) => ({ volunteer: v, weight }))))),
          { minLength: needs, maxLength: needs },
        ),
      }),
    );
}

/** Small enough for brute force: up to 7 needs, 5 volunteers. */
const instanceArb = instancesOf({ needs: [0, 7], volunteers: [1, 5], maxWeight: 40 });

function fullLists(inst: Instance): CandidateList[] {
  const p = listProvider(inst.edges, inst.capacities);
  return inst.edges.map((_, n) => p.candidates(n, Infinity));
}

function checkFeasible(inst: Instance, assignment: Int32Array, assignedWeight: Int32Array): void {
  const used = inst.capacities.map(() => 0);
  assignment.forEach((u, n) => {
    if (u < 0) {
      expect(assignedWeight[n]).toBe(0);
      return;
    }
    used[u] = (used[u] ?? 0) + 1;
    const edge = inst.edges[n]?.find((e) => e.volunteer === u);
    expect(edge, `need ${n} matched to a non-candidate ${u}`).toBeDefined();
    expect(assignedWeight[n]).toBe(edge?.weight);
  });
  used.forEach((count, u) => expect(count).toBeLessThanOrEqual(inst.capacities[u] ?? 0));
}

describe("solveBMatching", () => {
  it("equals the brute-force optimum and never exceeds a capacity", () => {
    fc.assert(
      fc.property(instanceArb, (inst) => {
        const solution = solveBMatching(fullLists(inst), inst.capacities);
        checkFeasible(inst, solution.assignment, solution.assignedWeight);
        expect(solution.total).toBe(bruteForceOptimum(inst));
      }),
      { numRuns: 400 },
    );
  });

  it("returns a dual certificate: feasible on every edge, same objective (strong duality)", () => {
    fc.assert(
      fc.property(instanceArb, (inst) => {
        const s = solveBMatching(fullLists(inst), inst.capacities);
        inst.edges.forEach((list, n) =>
          list.forEach((e) => {
            expect((s.needDual[n] ?? 0) + (s.volunteerDual[e.volunteer] ?? 0)).toBeGreaterThanOrEqual(e.weight);
          }),
        );
        let dual = 0;
        s.needDual.forEach((b) => {
          expect(b).toBeGreaterThanOrEqual(0);
          dual += b;
        });
        s.volunteerDual.forEach((a, u) => {
          expect(a).toBeGreaterThanOrEqual(0);
          dual += a * (inst.capacities[u] ?? 0);
        });
        expect(dual).toBe(s.total);
      }),
      { numRuns: 300 },
    );
  });

  it("prefers the exact optimum where greedy is fooled", () => {
    // Greedy takes need 0 ↔ A (10) and leaves need 1 with nobody; the optimum is 9 + 9.
    const inst: Instance = {
      capacities: [1, 1],
      edges: [
        [
          { volunteer: 0, weight: 10 },
          { volunteer: 1, weight: 9 },
        ],
        [{ volunteer: 0, weight: 9 }],
      ],
    };
    const p = listProvider(inst.edges, inst.capacities);
    expect(runExactRound(p).total).toBe(18);
    expect(greedyRound(p).total).toBe(10);
  });
});

describe("runExactRound (certified pruning)", () => {
  it("reaches the full optimum whatever the initial number of candidates", () => {
    fc.assert(
      fc.property(instanceArb, fc.integer({ min: 1, max: 4 }), (inst, initialLimit) => {
        const p = listProvider(inst.edges, inst.capacities);
        const r = runExactRound(p, { initialLimit });
        checkFeasible(inst, r.assignment, r.assignedWeight);
        expect(r.total).toBe(bruteForceOptimum(inst));
      }),
      { numRuns: 400 },
    );
  });

  it("after growing lists in place (needs taken out and put back, not solved again), equals a solve of the full graph from scratch and its duals cover every edge", () => {
    // Larger than brute force allows: 10–60 needs competing for 3–20 volunteers, so that the
    // needs taken out free contended slots and chains of moves follow.
    const largeArb = instancesOf({ needs: [10, 60], volunteers: [3, 20], maxWeight: 60 });
    let regrown = 0;
    fc.assert(
      fc.property(largeArb, fc.integer({ min: 1, max: 2 }), (inst, initialLimit) => {
        const r = runExactRound(listProvider(inst.edges, inst.capacities), { initialLimit });
        if (r.iterations > 1) regrown++;
        checkFeasible(inst, r.assignment, r.assignedWeight);
        expect(r.total).toBe(solveBMatching(fullLists(inst), inst.capacities).total);
        inst.edges.forEach((list, n) =>
          list.forEach((e) => expect((r.needDual[n] ?? 0) + (r.volunteerDual[e.volunteer] ?? 0)).toBeGreaterThanOrEqual(e.weight)),
        );
        r.volunteerDual.forEach((a) => expect(a).toBeGreaterThanOrEqual(0));
        r.needDual.forEach((b) => expect(b).toBeGreaterThanOrEqual(0));
      }),
      { numRuns: 300 },
    );
    expect(regrown).toBeGreaterThan(100);
  });

  it("fetches fewer edges than the full graph when capacity is plentiful", () => {
    // 50 needs, 60 volunteers of capacity 3, everyone compatible: top-4 lists suffice.
    const edges = Array.from({ length: 50 }, (_, n) =>
      Array.from({ length: 60 }, (_, u) => ({ volunteer: u, weight: 100 + ((n * 7 + u * 13) % 50) })),
    );
    const inst: Instance = { capacities: Array.from({ length: 60 }, () => 3), edges };
    const r = runExactRound(listProvider(inst.edges, inst.capacities));
    const full = solveBMatching(fullLists(inst), inst.capacities);
    expect(r.total).toBe(full.total);
    expect(r.fetchedEdges).toBeLessThan(50 * 60);
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(instanceArb, (inst) => {
        const a = runExactRound(listProvider(inst.edges, inst.capacities), { initialLimit: 2 });
        const b = runExactRound(listProvider(inst.edges, inst.capacities), { initialLimit: 2 });
        expect([...a.assignment]).toEqual([...b.assignment]);
      }),
      { numRuns: 100 },
    );
  });
});

describe("greedyRound", () => {
  it("is feasible and never beats the exact round", () => {
    fc.assert(
      fc.property(instanceArb, (inst) => {
        const p = listProvider(inst.edges, inst.capacities);
        const g = greedyRound(p, 1);
        checkFeasible(inst, g.assignment, g.assignedWeight);
        expect(g.total).toBeLessThanOrEqual(runExactRound(p).total);
      }),
      { numRuns: 300 },
    );
  });

  it("equals greedy on the full lists even when it starts with short ones", () => {
    fc.assert(
      fc.property(instanceArb, (inst) => {
        const p = listProvider(inst.edges, inst.capacities);
        expect(greedyRound(p, 1).total).toBe(greedyRound(p, Infinity).total);
      }),
      { numRuns: 200 },
    );
  });
});
