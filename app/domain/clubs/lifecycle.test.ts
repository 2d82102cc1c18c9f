import { describe, expect, it } from "vitest";
import { addMonthsIso, canInvest, clubPermissions, transition, type ClubLife } from "./lifecycle";

const now = new Date("2026-03-02T09:00:00Z");
const constituting: ClubLife = { status: "en-constitution", startedOn: null, investingEndsOn: null, renewedOn: null };
const ready = { activeMembers: 5, hasGerant: true, hasTresorier: true };

describe("club life cycle", () => {
  it("starts only with 5 to 20 active members, a gérant and a trésorier, for 5 years", () => {
    expect(transition(constituting, "activer", { ...ready, activeMembers: 4 }, now)).toMatchObject({ ok: false });
    expect(transition(constituting, "activer", { ...ready, activeMembers: 21 }, now)).toMatchObject({ ok: false });
    expect(transition(constituting, "activer", { ...ready, hasTresorier: false }, now)).toMatchObject({ ok: false });
    expect(transition(constituting, "activer", ready, now)).toEqual({
      ok: true,
      patch: { status: "en-epargne", startedOn: "2026-03-02", investingEndsOn: "2031-03-02" },
    });
  });

  it("goes en gestion, then liquidated, never backwards", () => {
    const saving: ClubLife = { status: "en-epargne", startedOn: "2024-01-01", investingEndsOn: "2029-01-01", renewedOn: null };
    expect(transition(saving, "liquider", ready, now).ok).toBe(false);
    expect(transition(saving, "passer-en-gestion", ready, now)).toEqual({ ok: true, patch: { status: "en-gestion" } });
    const managing: ClubLife = { ...saving, status: "en-gestion" };
    expect(transition(managing, "liquider", ready, now)).toEqual({ ok: true, patch: { status: "liquide" } });
    expect(transition({ ...saving, status: "liquide" }, "activer", ready, now).ok).toBe(false);
  });

  it("renews once, in the last year of the period", () => {
    const early: ClubLife = { status: "en-epargne", startedOn: "2024-01-01", investingEndsOn: "2029-01-01", renewedOn: null };
    expect(transition(early, "renouveler", ready, now).ok).toBe(false);
    const due: ClubLife = { status: "en-gestion", startedOn: "2021-01-01", investingEndsOn: "2026-01-01", renewedOn: null };
    expect(transition(due, "renouveler", ready, now)).toEqual({
      ok: true,
      patch: { status: "en-epargne", investingEndsOn: "2031-03-02", renewedOn: "2026-03-02" },
    });
    expect(transition({ ...due, renewedOn: "2025-01-01" }, "renouveler", ready, now).ok).toBe(false);
  });

  it("invests only while en épargne and within the period", () => {
    expect(canInvest({ status: "en-epargne", startedOn: "2024-01-01", investingEndsOn: "2029-01-01", renewedOn: null }, now)).toBe(true);
    expect(canInvest({ status: "en-epargne", startedOn: "2020-01-01", investingEndsOn: "2025-01-01", renewedOn: null }, now)).toBe(false);
    expect(canInvest({ status: "en-gestion", startedOn: "2024-01-01", investingEndsOn: "2029-01-01", renewedOn: null }, now)).toBe(false);
  });

  it("adds months to dates, clamping to the month's end", () => {
    expect(addMonthsIso("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonthsIso("2026-03-02", -12)).toBe("2025-03-02");
  });

  it("gives offices their powers", () => {
    expect(clubPermissions({ role: "gerant", status: "actif" })).toMatchObject({ openVotes: true, recordLedger: true });
    expect(clubPermissions({ role: "tresorier", status: "actif" })).toMatchObject({ openVotes: false, recordLedger: true });
    expect(clubPermissions({ role: "gerant", status: "invite" })).toMatchObject({ isMember: false, openVotes: false });
    expect(clubPermissions(null).isMember).toBe(false);
  });
});

import { monthsSince, tontineSchedule } from "./tontine";

describe("tontine turns", () => {
  it("gives each member the pot in turn, one month apart", () => {
    const schedule = tontineSchedule(
      { startsOn: "2026-01-05", contributionCents: 5_000 },
      [{ userId: 7, turn: 2 }, { userId: 3, turn: 1 }, { userId: 9, turn: 3 }],
      new Date("2026-02-10T12:00:00Z"),
    );
    expect(schedule.map((t) => [t.userId, t.date, t.status])).toEqual([
      [3, "2026-01-05", "passe"],
      [7, "2026-02-05", "en-cours"],
      [9, "2026-03-05", "a-venir"],
    ]);
    expect(schedule[0]!.potCents).toBe(15_000);
    expect(monthsSince("2026-01-05", "2026-01-04")).toBe(-1);
  });
});
