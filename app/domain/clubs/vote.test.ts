import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkBallot, quorumNeeded, settledOutcome, voteOutcome, type VoteRule } from "./vote";

const simple: VoteRule = { decisionRule: "majorite-simple", qualifiedMajorityPct: 66, quorumPct: 50 };
const qualified: VoteRule = { decisionRule: "majorite-qualifiee", qualifiedMajorityPct: 66, quorumPct: 50 };
const unanimous: VoteRule = { decisionRule: "unanimite", qualifiedMajorityPct: 66, quorumPct: 50 };

describe("vote outcome", () => {
  it("fails without quorum, whatever the ballots", () => {
    expect(quorumNeeded(10, 50)).toBe(5);
    expect(voteOutcome(simple, 10, { pour: 4, contre: 0, abstention: 0 })).toBe("sans-quorum");
    expect(voteOutcome(simple, 10, { pour: 4, contre: 0, abstention: 1 })).toBe("adopte");
    // A quorum of 0 % still needs one ballot.
    expect(voteOutcome({ ...simple, quorumPct: 0 }, 10, { pour: 0, contre: 0, abstention: 0 })).toBe("sans-quorum");
  });

  it("applies majorité simple: more pour than contre, a tie fails", () => {
    expect(voteOutcome(simple, 6, { pour: 3, contre: 2, abstention: 1 })).toBe("adopte");
    expect(voteOutcome(simple, 6, { pour: 2, contre: 2, abstention: 2 })).toBe("rejete");
  });

  it("applies majorité qualifiée with its threshold over pour + contre", () => {
    expect(voteOutcome(qualified, 6, { pour: 4, contre: 2, abstention: 0 })).toBe("adopte"); // 66.7 %
    expect(voteOutcome(qualified, 6, { pour: 3, contre: 2, abstention: 1 })).toBe("rejete"); // 60 %
    expect(voteOutcome({ ...qualified, qualifiedMajorityPct: 75 }, 8, { pour: 6, contre: 2, abstention: 0 })).toBe("adopte");
  });

  it("applies unanimité: one contre or one abstention is enough to fail", () => {
    expect(voteOutcome(unanimous, 5, { pour: 5, contre: 0, abstention: 0 })).toBe("adopte");
    expect(voteOutcome(unanimous, 5, { pour: 3, contre: 0, abstention: 0 })).toBe("adopte");
    expect(voteOutcome(unanimous, 5, { pour: 4, contre: 0, abstention: 1 })).toBe("rejete");
    expect(voteOutcome(unanimous, 5, { pour: 4, contre: 1, abstention: 0 })).toBe("rejete");
  });

  it("settles early only when no remaining ballot can change the result", () => {
    expect(settledOutcome(simple, 5, { pour: 3, contre: 0, abstention: 0 })).toBe("adopte");
    expect(settledOutcome(simple, 5, { pour: 2, contre: 0, abstention: 0 })).toBeNull();
    expect(settledOutcome(unanimous, 5, { pour: 2, contre: 1, abstention: 0 })).toBe("rejete");
    fc.assert(
      fc.property(
        fc.constantFrom(simple, qualified, unanimous),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 100 }),
        fc.array(fc.constantFrom("pour" as const, "contre" as const, "abstention" as const, null), { maxLength: 20 }),
        (rule, eligible, quorumPct, choices) => {
          const r = { ...rule, quorumPct };
          const cast = choices.slice(0, eligible);
          const counts = { pour: 0, contre: 0, abstention: 0 };
          const prefix = Math.floor(cast.length / 2);
          for (const c of cast.slice(0, prefix)) if (c) counts[c] += 1;
          const settled = settledOutcome(r, eligible, counts);
          if (settled === null) return;
          const final = { ...counts };
          for (const c of cast.slice(prefix)) if (c) final[c] += 1;
          expect(voteOutcome(r, eligible, final)).toBe(settled);
        },
      ),
    );
  });
});

describe("who may vote", () => {
  const openedAt = new Date("2026-03-01T10:00:00Z");
  const vote = { status: "ouvert" as const, deadline: new Date("2026-03-15T10:00:00Z"), openedAt };
  const now = new Date("2026-03-02T10:00:00Z");
  const member = { status: "actif", joinedAt: new Date("2026-01-01T00:00:00Z") };

  it("lets an active member vote once, before the deadline", () => {
    expect(checkBallot({ vote, member, alreadyVoted: false, now }).ok).toBe(true);
    expect(checkBallot({ vote, member, alreadyVoted: true, now })).toMatchObject({ ok: false, status: 409 });
    expect(checkBallot({ vote, member, alreadyVoted: false, now: vote.deadline })).toMatchObject({ ok: false });
  });

  it("refuses non-members, pending members and those who joined after the opening", () => {
    expect(checkBallot({ vote, member: null, alreadyVoted: false, now })).toMatchObject({ ok: false, status: 403 });
    expect(checkBallot({ vote, member: { ...member, status: "invite" }, alreadyVoted: false, now })).toMatchObject({ status: 403 });
    expect(
      checkBallot({ vote, member: { status: "actif", joinedAt: new Date("2026-03-01T11:00:00Z") }, alreadyVoted: false, now }),
    ).toMatchObject({ status: 403 });
  });
});
