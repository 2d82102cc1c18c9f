import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { LedgerKind } from "../vocabulary";
import {
  checkMovement,
  ledgerBalance,
  ledgerTotals,
  memberShares,
  splitProRata,
  type LedgerMovement,
} from "./ledger";

const KINDS: LedgerKind[] = ["cotisation", "investissement", "remboursement", "dividende", "frais", "retrait"];

const movementArb: fc.Arbitrary<LedgerMovement> = fc.record({
  kind: fc.constantFrom(...KINDS),
  amountCents: fc.oneof(fc.integer({ min: 1, max: 2_000_000 }), fc.integer({ min: -100, max: 100 }), fc.double()),
  memberUserId: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
});

/** Applies what the rules accept, as the treasurer's form would. */
function apply(sequence: LedgerMovement[]): LedgerMovement[] {
  const ledger: LedgerMovement[] = [];
  for (const m of sequence) if (checkMovement(ledger, m).ok) ledger.push(m);
  return ledger;
}

describe("the club ledger", () => {
  it("balances after any sequence of operations: in − out, never negative, shares add up, all integer cents", () => {
    fc.assert(
      fc.property(fc.array(movementArb, { maxLength: 60 }), (sequence) => {
        const ledger = apply(sequence);
        const totals = ledgerTotals(ledger);
        const balance = ledgerBalance(ledger);
        expect(balance).toBe(totals.inCents - totals.outCents);
        expect(totals.inCents).toBe(totals.cotisation + totals.remboursement + totals.dividende);
        expect(totals.outCents).toBe(totals.investissement + totals.frais + totals.retrait);
        expect(balance).toBeGreaterThanOrEqual(0);
        for (const m of ledger) expect(Number.isSafeInteger(m.amountCents) && m.amountCents > 0).toBe(true);
        const shares = memberShares(ledger);
        for (const s of shares) {
          expect(Number.isSafeInteger(s.balanceShareCents)).toBe(true);
          expect(s.contributedCents).toBeGreaterThanOrEqual(0);
        }
        if (ledger.some((m) => m.kind === "cotisation")) {
          expect(shares.reduce((sum, s) => sum + s.balanceShareCents, 0)).toBe(balance);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("refuses money out beyond the balance, and floats or non-positive amounts", () => {
    const ledger: LedgerMovement[] = [{ kind: "cotisation", amountCents: 10_000, memberUserId: 1 }];
    expect(checkMovement(ledger, { kind: "investissement", amountCents: 10_001 })).toMatchObject({ ok: false, field: "amount" });
    expect(checkMovement(ledger, { kind: "investissement", amountCents: 10_000 }).ok).toBe(true);
    expect(checkMovement(ledger, { kind: "cotisation", amountCents: 12.5, memberUserId: 1 }).ok).toBe(false);
    expect(checkMovement(ledger, { kind: "cotisation", amountCents: 0, memberUserId: 1 }).ok).toBe(false);
    expect(checkMovement(ledger, { kind: "cotisation", amountCents: 100 })).toMatchObject({ ok: false, field: "member" });
    expect(checkMovement(ledger, { kind: "retrait", amountCents: 10_001, memberUserId: 1 }).ok).toBe(false);
    expect(checkMovement(ledger, { kind: "retrait", amountCents: 1, memberUserId: 2 }).ok).toBe(false);
  });

  it("gives each member a share pro rata to net savings, to the cent", () => {
    const ledger: LedgerMovement[] = [
      { kind: "cotisation", amountCents: 100, memberUserId: 1 },
      { kind: "cotisation", amountCents: 100, memberUserId: 2 },
      { kind: "cotisation", amountCents: 100, memberUserId: 3 },
      { kind: "frais", amountCents: 1 },
    ];
    const shares = memberShares(ledger);
    expect(shares.map((s) => s.balanceShareCents)).toEqual([100, 100, 99]);
    expect(shares.map((s) => s.shareBps)).toEqual([3333, 3333, 3333]);
  });

  it("splits exactly, whatever the weights", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.array(fc.integer({ min: 1, max: 1e9 }), { minLength: 1, maxLength: 20 }),
        (total, weights) => {
          const parts = splitProRata(total, new Map(weights.map((w, i) => [i + 1, w])));
          expect([...parts.values()].reduce((a, b) => a + b, 0)).toBe(total);
        },
      ),
    );
  });
});
