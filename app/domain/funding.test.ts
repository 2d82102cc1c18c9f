import { describe, expect, it } from "vitest";
import { checkContributionFits, isGoalReached, remainingCents } from "./funding";

const NBSP = "\u00a0";
const NNBSP = "\u202f";

describe("funding that stops at its goal", () => {
  const need = { needCents: 800_000, raisedCents: 650_000 };

  it("knows what remains, never below zero", () => {
    expect(remainingCents(need)).toBe(150_000);
    expect(remainingCents({ needCents: 800_000, raisedCents: 900_000 })).toBe(0);
    expect(remainingCents({ needCents: null, raisedCents: 0 })).toBeNull();
    expect(isGoalReached({ needCents: 800_000, raisedCents: 800_000 })).toBe(true);
    expect(isGoalReached(need)).toBe(false);
  });

  it("takes what fits exactly, refuses a cent more and says what remains", () => {
    expect(checkContributionFits(150_000, need, "pledge")).toEqual({ ok: true });
    expect(checkContributionFits(150_001, need, "pledge")).toEqual({
      ok: false,
      reason: "above-remaining",
      message: `Il reste 1${NNBSP}500,00${NBSP}€ à trouver pour ce projet (objectif 8${NNBSP}000,00${NBSP}€) : votre promesse ne peut pas dépasser ce montant.`,
    });
    expect(checkContributionFits(800_050, { needCents: 800_000, raisedCents: 0 }, "pledge").ok).toBe(false);
  });

  it("refuses everything once the goal is reached, and when there is no goal", () => {
    const reached = checkContributionFits(1_000, { needCents: 800_000, raisedCents: 800_000 }, "club");
    expect(reached).toMatchObject({ ok: false, reason: "goal-reached" });
    expect(!reached.ok && reached.message).toMatch(/a atteint son objectif .* il ne reçoit plus d'engagement/);
    expect(checkContributionFits(1_000, { needCents: null, raisedCents: 0 }, "cagnotte")).toMatchObject({ ok: false, reason: "no-need" });
  });
});
