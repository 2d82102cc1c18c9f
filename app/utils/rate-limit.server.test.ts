import { afterEach, describe, expect, it } from "vitest";
import { takeWrite, tooManyWritesMessage } from "./rate-limit.server";

const globalForEnv = globalThis as unknown as { maillonEnv?: unknown };
function limits(perPerson: string, perAddress: string) {
  process.env.RATE_LIMIT_WRITES = perPerson;
  process.env.RATE_LIMIT_WRITES_PER_ADDRESS = perAddress;
  globalForEnv.maillonEnv = undefined;
}
afterEach(() => limits("0", "0"));

const t0 = 1_800_000_000_000;

describe("the sliding window of writes", () => {
  it("lets N writes through in any window of S seconds, refuses the next until the oldest leaves it", () => {
    limits("3/10", "0");
    const me = { userId: 1, clientAddress: null };
    expect([0, 1000, 2000].map((ms) => takeWrite(me, t0 + ms))).toEqual([null, null, null]);
    expect(takeWrite(me, t0 + 2500)).toEqual({ retryAfterSeconds: 8 });
    expect(takeWrite(me, t0 + 9_999)).toEqual({ retryAfterSeconds: 1 });
    expect(takeWrite(me, t0 + 10_001)).toBeNull();
    // A refused write is not counted: the window holds 1000, 2000, 10001.
    expect(takeWrite(me, t0 + 10_500)).toEqual({ retryAfterSeconds: 1 });
    expect(takeWrite(me, t0 + 11_001)).toBeNull();
  });

  it("counts a person and an address apart, and refuses when either is full, counting neither", () => {
    limits("2/60", "3/60");
    expect(takeWrite({ userId: 7, clientAddress: "203.0.113.1" }, t0)).toBeNull();
    expect(takeWrite({ userId: 7, clientAddress: "203.0.113.2" }, t0)).toBeNull();
    expect(takeWrite({ userId: 7, clientAddress: "203.0.113.1" }, t0)).toEqual({ retryAfterSeconds: 60 });
    expect(takeWrite({ userId: 8, clientAddress: "203.0.113.1" }, t0)).toBeNull();
    expect(takeWrite({ userId: 9, clientAddress: "203.0.113.1" }, t0)).toBeNull();
    expect(takeWrite({ userId: null, clientAddress: "203.0.113.1" }, t0)).toEqual({ retryAfterSeconds: 60 });
    expect(takeWrite({ userId: null, clientAddress: null }, t0)).toBeNull();
  });

  it("forgets every window once it has passed, for 20,000 writers (past 10,000 keys the old ones are swept)", () => {
    limits("1/1", "0");
    for (let i = 0; i < 20_000; i++) takeWrite({ userId: i, clientAddress: null }, t0);
    expect(takeWrite({ userId: 19_999, clientAddress: null }, t0 + 500)).toEqual({ retryAfterSeconds: 1 });
    for (let i = 0; i < 20_000; i++) expect(takeWrite({ userId: i, clientAddress: null }, t0 + 5_000)).toBeNull();
  });

  it("says in French how long to wait and that nothing was stored", () => {
    expect(tooManyWritesMessage(1)).toBe("Vous avez envoyé beaucoup de formulaires en peu de temps : patientez 1 seconde, puis réessayez. Rien n'a été enregistré.");
    expect(tooManyWritesMessage(300)).toContain("patientez 5 minutes");
  });
});
