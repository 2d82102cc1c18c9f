import { describe, expect, it } from "vitest";
import { checkCommitment, stakeRoomCents, type CommitmentInput } from "./commitment";

const base: CommitmentInput = {
  amountCents: 200_000,
  availableCents: 300_000,
  committedToProjectCents: 0,
  maxStakeBps: 3300,
  companyCapitalCents: 1_000_000,
  needCents: 2_000_000,
  raisedCents: 0,
};

describe("commitment checks", () => {
  it("refuses more than the project still seeks, saying what remains", () => {
    const check = checkCommitment({ ...base, raisedCents: 1_900_000, amountCents: 150_000 });
    expect(check).toMatchObject({ ok: false, reason: "goal" });
    expect(!check.ok && check.message).toMatch(/^Il reste 1\u202f000,00\u00a0€ à trouver pour ce projet .* l'engagement du club ne peut pas dépasser ce montant\.$/);
    expect(checkCommitment({ ...base, raisedCents: 1_800_000, amountCents: 200_000 })).toEqual({ ok: true });
  });

  it("accepts an amount within the money available and the stake cap", () => {
    expect(checkCommitment(base)).toEqual({ ok: true });
  });

  it("refuses more than the money available, with the amounts in the message", () => {
    const check = checkCommitment({ ...base, amountCents: 300_001 });
    expect(check).toMatchObject({ ok: false, reason: "money" });
    if (!check.ok) expect(check.message).toContain("dépasse l'argent disponible");
  });

  it("refuses to take the club above its maximum stake, counting earlier commitments", () => {
    expect(stakeRoomCents({ ...base, committedToProjectCents: 200_000 })).toBe(130_000);
    const check = checkCommitment({ ...base, committedToProjectCents: 200_000, amountCents: 150_000 });
    expect(check).toMatchObject({ ok: false, reason: "stake" });
    if (!check.ok) expect(check.message).toMatch(/part maximale de 33 %/);
    expect(checkCommitment({ ...base, committedToProjectCents: 200_000, amountCents: 130_000 }).ok).toBe(true);
  });

  it("uses the amount sought as the base when the capital is unknown", () => {
    expect(stakeRoomCents({ ...base, companyCapitalCents: null })).toBe(660_000);
  });

  it("refuses a project without a funding need, and a zero or fractional amount", () => {
    expect(checkCommitment({ ...base, needCents: null, companyCapitalCents: null })).toMatchObject({ reason: "no-need" });
    expect(checkCommitment({ ...base, amountCents: 0 })).toMatchObject({ reason: "amount" });
    expect(checkCommitment({ ...base, amountCents: 10.5 })).toMatchObject({ reason: "amount" });
  });
});
