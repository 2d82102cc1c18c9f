import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GOVERNANCE_BODY_KINDS } from "./vocabulary";
import { endsAfterStart, GOVERNANCE_BODY_KIND_LABELS, isMandateCurrent, voteCarried } from "./governance";

describe("vote results", () => {
  it("a vote carries with more for than against", () => {
    expect(voteCarried({ votesFor: 5, votesAgainst: 4, votesAbstain: 10 })).toBe(true);
    expect(voteCarried({ votesFor: 4, votesAgainst: 4, votesAbstain: 0 })).toBe(false);
    expect(voteCarried({ votesFor: null, votesAgainst: null, votesAbstain: null })).toBeNull();
  });
});

describe("mandates", () => {
  it("are current from their first to their last day", () => {
    const m = { startsOn: "2025-01-01", endsOn: "2025-12-31" };
    expect(isMandateCurrent(m, "2024-12-31")).toBe(false);
    expect(isMandateCurrent(m, "2025-01-01")).toBe(true);
    expect(isMandateCurrent(m, "2025-12-31")).toBe(true);
    expect(isMandateCurrent(m, "2026-01-01")).toBe(false);
    expect(isMandateCurrent({ startsOn: "2025-01-01", endsOn: null }, "2099-01-01")).toBe(true);
  });

  it("property: a mandate is current on its start and end days whenever its dates are ordered", () => {
    const day = fc.date({ min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [startsOn, endsOn] = a <= b ? [a, b] : [b, a];
        expect(endsAfterStart(startsOn, endsOn)).toBe(true);
        expect(isMandateCurrent({ startsOn, endsOn }, startsOn)).toBe(true);
        expect(isMandateCurrent({ startsOn, endsOn }, endsOn)).toBe(true);
        if (a !== b) expect(endsAfterStart(endsOn, startsOn)).toBe(false);
      }),
    );
  });

  it("labels every kind of body", () => {
    for (const kind of GOVERNANCE_BODY_KINDS) expect(GOVERNANCE_BODY_KIND_LABELS[kind].length).toBeGreaterThan(3);
  });
});
