import { describe, expect, it } from "vitest";
import { dueDigests, emailFrequencyFor, groupDigest } from "./notifications";
import { parisClock } from "./paris-time";

describe("the digest clock, in Paris time", () => {
  const settings = { hour: 8, weekday: 1, lastDailyOn: null, lastWeeklyOn: null };

  it("reads the Paris hour and weekday, summer and winter", () => {
    expect(parisClock(new Date("2026-07-06T06:30:00Z"))).toEqual({ day: "2026-07-06", hour: 8, weekday: 1 });
    expect(parisClock(new Date("2026-12-07T07:30:00Z"))).toEqual({ day: "2026-12-07", hour: 8, weekday: 1 });
    expect(parisClock(new Date("2026-12-06T23:30:00Z"))).toEqual({ day: "2026-12-07", hour: 0, weekday: 1 });
  });

  it("sends the daily digest once a day from the chosen hour", () => {
    expect(dueDigests(settings, new Date("2026-12-07T06:59:00Z")).daily).toBe(false); // 7:59 in Paris
    expect(dueDigests(settings, new Date("2026-12-07T07:00:00Z")).daily).toBe(true);
    expect(dueDigests({ ...settings, lastDailyOn: "2026-12-07" }, new Date("2026-12-07T15:00:00Z")).daily).toBe(false);
    expect(dueDigests({ ...settings, lastDailyOn: "2026-12-07" }, new Date("2026-12-08T07:00:00Z")).daily).toBe(true);
  });

  it("sends the weekly digest on the chosen weekday only", () => {
    expect(dueDigests(settings, new Date("2026-12-07T09:00:00Z")).weekly).toBe(true); // a Monday
    expect(dueDigests(settings, new Date("2026-12-08T09:00:00Z")).weekly).toBe(false);
    expect(dueDigests({ ...settings, lastWeeklyOn: "2026-12-07" }, new Date("2026-12-07T19:00:00Z")).weekly).toBe(false);
  });
});

describe("e-mail choices", () => {
  it("always sends security messages at once, and at once by default", () => {
    expect(emailFrequencyFor("securite", "jamais")).toBe("immediat");
    expect(emailFrequencyFor("vote-club", undefined)).toBe("immediat");
    expect(emailFrequencyFor("vote-club", "quotidien")).toBe("quotidien");
  });

  it("groups a digest by project or club, in the order things happened", () => {
    const at = (h: number) => new Date(Date.UTC(2026, 11, 7, h));
    const groups = groupDigest([
      { groupKey: "club:1", groupLabel: "Cigale des Vals", title: "Vote décidé", body: "", link: "/c", createdAt: at(10) },
      { groupKey: "projet:2", groupLabel: "Ressourcerie", title: "Demande", body: "", link: "/p", createdAt: at(8) },
      { groupKey: "club:1", groupLabel: "Cigale des Vals", title: "Vote ouvert", body: "", link: "/c", createdAt: at(9) },
    ]);
    expect(groups.map((g) => [g.label, g.items.map((i) => i.title)])).toEqual([
      ["Ressourcerie", ["Demande"]],
      ["Cigale des Vals", ["Vote ouvert", "Vote décidé"]],
    ]);
  });
});
