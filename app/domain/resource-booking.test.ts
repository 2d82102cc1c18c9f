import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parisLocalInput, parisWallTime, toParisLocalInput, weekdayOfIsoDate } from "./paris-time";
import {
  checkBookingPeriod,
  checkDayRanges,
  closureHit,
  openHoursProblem,
  overlaps,
  parseTimeOfDay,
  periodDays,
  termsProblem,
  type OpenRange,
  type Period,
} from "./resource-booking";

const H = 60;
/** The instant of a Paris wall-clock time, « 2026-03-02T09:00 ». */
const at = (local: string) => {
  const d = parisLocalInput(local);
  if (!d) throw new Error(`no such Paris time ${local}`);
  return d.getTime();
};
const period = (from: string, to: string): Period => ({ startsAt: at(from), endsAt: at(to) });
/** Monday to Friday 9 h – 12 h 30 and 14 h – 18 h. */
const OFFICE: OpenRange[] = [0, 1, 2, 3, 4].flatMap((weekday) => [
  { weekday, opensAt: 9 * H, closesAt: 12 * H + 30 },
  { weekday, opensAt: 14 * H, closesAt: 18 * H },
]);
const ALWAYS: OpenRange[] = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, opensAt: 0, closesAt: 24 * H }));
const NOW = new Date("2026-01-05T08:00:00Z");
const free = { openHours: OFFICE, closures: [], accepted: [] };

describe("open hours", () => {
  it("reads an input « 00:00 » as midnight at the end of the day when it closes a range", () => {
    expect(parseTimeOfDay("09:30")).toBe(570);
    expect(parseTimeOfDay("00:00", true)).toBe(1440);
    expect(parseTimeOfDay("00:00")).toBe(0);
    expect(parseTimeOfDay("25:00")).toBeNull();
    expect(parseTimeOfDay("9h")).toBeNull();
  });

  it("refuses a day with a range closing before it opens, more than two ranges, or ranges that overlap", () => {
    expect(checkDayRanges([{ opensAt: 9 * H, closesAt: 12 * H }, { opensAt: 14 * H, closesAt: 18 * H }])).toBeNull();
    expect(checkDayRanges([{ opensAt: 12 * H, closesAt: 9 * H }])).toMatch(/après l'ouverture/);
    expect(checkDayRanges([{ opensAt: 9 * H, closesAt: 13 * H }, { opensAt: 12 * H, closesAt: 18 * H }])).toMatch(/chevauchent/);
    expect(checkDayRanges([1, 2, 3].map((i) => ({ opensAt: i * H, closesAt: i * H + 30 })))).toMatch(/Deux plages au plus/);
  });
});

describe("a booking request", () => {
  it("is accepted inside one open range of a weekday", () => {
    expect(checkBookingPeriod(period("2026-03-02T09:00", "2026-03-02T12:30"), free, NOW)).toEqual({ ok: true });
  });

  it("is refused when it runs over the lunch break, with the day's hours in the message", () => {
    const check = checkBookingPeriod(period("2026-03-02T11:00", "2026-03-02T15:00"), free, NOW);
    expect(check).toEqual({ ok: false, field: "startsAt", message: "La période sort des horaires d'ouverture du lundi 2 mars 2026 : 9 h – 12 h 30, 14 h – 18 h." });
  });

  it("is refused on a day the resource never opens", () => {
    const check = checkBookingPeriod(period("2026-03-07T10:00", "2026-03-07T11:00"), free, NOW);
    expect(check).toMatchObject({ ok: false, message: "La ressource n'est pas ouverte le samedi (7 mars 2026)." });
  });

  it("is refused when it ends before it starts, or starts in the past", () => {
    expect(checkBookingPeriod(period("2026-03-02T10:00", "2026-03-02T09:00"), free, NOW)).toMatchObject({ ok: false, field: "endsAt" });
    expect(checkBookingPeriod(period("2026-01-05T09:00", "2026-01-05T10:00"), free, new Date("2026-01-05T09:30:00Z"))).toMatchObject({
      ok: false,
      field: "startsAt",
      message: "Ce moment est déjà passé : choisissez un début à venir.",
    });
  });

  it("may span several days when the resource is open across midnight, and not when it closes in between", () => {
    const van = { openHours: ALWAYS, closures: [], accepted: [] };
    expect(checkBookingPeriod(period("2026-03-06T18:00", "2026-03-09T08:00"), van, NOW)).toEqual({ ok: true });
    const weekdaysOnly = { openHours: ALWAYS.filter((r) => r.weekday < 5), closures: [], accepted: [] };
    expect(checkBookingPeriod(period("2026-03-06T18:00", "2026-03-09T08:00"), weekdaysOnly, NOW)).toMatchObject({ ok: false, message: /samedi/ });
    expect(checkBookingPeriod(period("2026-03-02T17:00", "2026-03-03T10:00"), free, NOW)).toMatchObject({ ok: false });
  });

  it("ending at midnight does not touch the next day", () => {
    const fridays = { openHours: [{ weekday: 4, opensAt: 20 * H, closesAt: 24 * H }], closures: [], accepted: [] };
    expect(checkBookingPeriod(period("2026-03-06T20:00", "2026-03-07T00:00"), fridays, NOW)).toEqual({ ok: true });
  });

  it("is refused in a closed period, named in the message", () => {
    const closures = [{ startsOn: "2026-12-24", endsOn: "2027-01-02", reason: "congés de fin d'année" }];
    const check = checkBookingPeriod(period("2026-12-28T09:00", "2026-12-28T10:00"), { ...free, closures }, NOW);
    expect(check).toMatchObject({ ok: false, message: "La ressource est fermée du 24 décembre 2026 au 2 janvier 2027 (congés de fin d'année)." });
    expect(closureHit(period("2027-01-04T09:00", "2027-01-04T10:00"), closures)).toBeNull();
    // Inclusive at both ends, in Paris days: 23:30 on the 23rd is 22:30 UTC, still outside.
    expect(closureHit(period("2026-12-23T22:00", "2026-12-23T23:30"), closures)).toBeNull();
    expect(closureHit(period("2027-01-02T09:00", "2027-01-02T10:00"), closures)).not.toBeNull();
  });

  it("is refused when it meets an accepted booking, and accepted right after one ends", () => {
    const accepted = [period("2026-03-02T09:00", "2026-03-02T11:00")];
    expect(checkBookingPeriod(period("2026-03-02T10:00", "2026-03-02T12:00"), { ...free, accepted }, NOW)).toMatchObject({
      ok: false,
      message: "Ce créneau est déjà réservé du 2 mars 2026 à 09:00 au 2 mars 2026 à 11:00 : choisissez une autre période.",
    });
    expect(checkBookingPeriod(period("2026-03-02T11:00", "2026-03-02T12:00"), { ...free, accepted }, NOW)).toEqual({ ok: true });
  });
});

describe("Paris wall clock on the days clocks change", () => {
  // 29 March 2026: 02:00 CET becomes 03:00 CEST. 25 October 2026: 03:00 CEST becomes 02:00 CET.
  const SUNDAY_9_TO_18 = { openHours: [{ weekday: 6, opensAt: 9 * H, closesAt: 18 * H }], closures: [], accepted: [] };

  it("reads datetime-local values in the offset of that day, and refuses the hour skipped in March", () => {
    expect(new Date(at("2026-03-28T10:00")).toISOString()).toBe("2026-03-28T09:00:00.000Z");
    expect(new Date(at("2026-03-29T10:00")).toISOString()).toBe("2026-03-29T08:00:00.000Z");
    expect(parisLocalInput("2026-03-29T02:30")).toBeNull();
    expect(parisLocalInput("2026-02-30T10:00")).toBeNull();
    expect(parisLocalInput("2026-10-25T02:30")!.toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(toParisLocalInput(new Date("2026-10-25T01:30:00Z"))).toBe("2026-10-25T02:30");
  });

  it("judges the Sunday of the spring change by its summer hours: 18 h – 19 h CEST is after closing", () => {
    // 16:00Z is 18:00 in Paris that afternoon (UTC+2); read at UTC+1 it would seem 17:00 and pass.
    expect(checkBookingPeriod({ startsAt: Date.parse("2026-03-29T16:00:00Z"), endsAt: Date.parse("2026-03-29T17:00:00Z") }, SUNDAY_9_TO_18, NOW)).toMatchObject({ ok: false });
    expect(checkBookingPeriod({ startsAt: Date.parse("2026-03-29T15:00:00Z"), endsAt: Date.parse("2026-03-29T16:00:00Z") }, SUNDAY_9_TO_18, NOW)).toEqual({ ok: true });
  });

  it("judges the Sunday of the autumn change by its winter hours: 8 h – 9 h CET is before opening", () => {
    expect(checkBookingPeriod({ startsAt: Date.parse("2026-10-25T08:00:00Z"), endsAt: Date.parse("2026-10-25T09:00:00Z") }, SUNDAY_9_TO_18, NOW)).toEqual({ ok: true });
    expect(checkBookingPeriod({ startsAt: Date.parse("2026-10-25T07:00:00Z"), endsAt: Date.parse("2026-10-25T08:30:00Z") }, SUNDAY_9_TO_18, NOW)).toMatchObject({ ok: false });
  });

  it("counts both passes through the repeated hour of October", () => {
    // 00:30Z–01:30Z is 02:30 CEST → 03:00 = 02:00 CET → 02:30 CET: every wall-clock minute of 2 h – 3 h.
    const days = periodDays({ startsAt: Date.parse("2026-10-25T00:30:00Z"), endsAt: Date.parse("2026-10-25T01:30:00Z") });
    expect(days).toEqual([
      { day: "2026-10-25", weekday: 6, from: 150, to: 180 },
      { day: "2026-10-25", weekday: 6, from: 120, to: 150 },
    ]);
    const night = [{ weekday: 6, opensAt: 2 * H + 15, closesAt: 4 * H }];
    expect(openHoursProblem({ startsAt: Date.parse("2026-10-25T00:30:00Z"), endsAt: Date.parse("2026-10-25T01:30:00Z") }, night)).not.toBeNull();
  });
});

describe("terms", () => {
  it("asks for the amount the terms name", () => {
    expect(termsProblem({ terms: "participation", costCents: null, depositCents: null })?.field).toBe("costEuros");
    expect(termsProblem({ terms: "caution", costCents: null, depositCents: null })?.field).toBe("depositEuros");
    expect(termsProblem({ terms: "gratuit", costCents: 500, depositCents: null })?.field).toBe("costEuros");
    expect(termsProblem({ terms: "gratuit", costCents: null, depositCents: 10000 })).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------------
// Properties

const QUARTER = 15 * 60_000;
/** Days around both clock changes of 2026 and an ordinary week. */
const DAYS = ["2026-03-27", "2026-03-28", "2026-03-29", "2026-03-30", "2026-06-10", "2026-10-24", "2026-10-25", "2026-10-26"];

const openHoursArb = fc
  .array(
    fc.record({ weekday: fc.integer({ min: 0, max: 6 }), opensAt: fc.integer({ min: 0, max: 95 }), length: fc.integer({ min: 1, max: 96 }) }),
    { maxLength: 10 },
  )
  .map((rows) =>
    rows.map((r) => ({ weekday: r.weekday, opensAt: r.opensAt * 15, closesAt: Math.min(96, r.opensAt + r.length) * 15 })),
  );

const periodArb = fc
  .record({ day: fc.constantFrom(...DAYS), startQuarter: fc.integer({ min: 0, max: 95 }), quarters: fc.integer({ min: 1, max: 4 * 40 }) })
  .map(({ day, startQuarter, quarters }) => {
    const startsAt = Date.parse(`${day}T00:00:00Z`) - 2 * 3_600_000 + startQuarter * QUARTER;
    return { startsAt, endsAt: startsAt + quarters * QUARTER };
  });

/** The oracle: every quarter of an hour of the period, read on the Paris clock, inside a range of its weekday. */
function openEveryQuarter(p: Period, ranges: readonly OpenRange[]): boolean {
  for (let t = p.startsAt; t < p.endsAt; t += QUARTER) {
    const { day, minutes } = parisWallTime(t);
    const weekday = weekdayOfIsoDate(day);
    if (!ranges.some((r) => r.weekday === weekday && r.opensAt <= minutes && minutes < r.closesAt)) return false;
  }
  return true;
}

describe("properties", () => {
  it("a period passes the open hours exactly when every one of its minutes lies in an open range of its Paris weekday", () => {
    fc.assert(
      fc.property(periodArb, openHoursArb, (p, ranges) => {
        expect(openHoursProblem(p, ranges) === null).toBe(openEveryQuarter(p, ranges));
      }),
      { numRuns: 300 },
    );
  });

  it("accepted bookings never overlap, whatever the sequence of requests, accepts and cancellations", () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant("request" as const), start: fc.integer({ min: 0, max: 200 }), length: fc.integer({ min: 1, max: 30 }) }),
      fc.record({ kind: fc.constant("accept" as const), index: fc.nat() }),
      fc.record({ kind: fc.constant("cancel" as const), index: fc.nat() }),
    );
    const base = Date.parse("2026-06-01T00:00:00Z");
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const bookings: (Period & { status: "demandee" | "acceptee" | "annulee" })[] = [];
        for (const o of ops) {
          if (o.kind === "request") {
            bookings.push({ startsAt: base + o.start * QUARTER, endsAt: base + (o.start + o.length) * QUARTER, status: "demandee" });
            continue;
          }
          const b = bookings.length > 0 ? bookings[o.index % bookings.length]! : undefined;
          if (!b) continue;
          if (o.kind === "cancel") b.status = "annulee";
          else if (b.status === "demandee") {
            const accepted = bookings.filter((x) => x !== b && x.status === "acceptee");
            if (checkBookingPeriod(b, { openHours: ALWAYS, closures: [], accepted }, new Date(base)).ok) b.status = "acceptee";
          }
          const accepted = bookings.filter((x) => x.status === "acceptee");
          for (const x of accepted) for (const y of accepted) if (x !== y) expect(overlaps(x, y)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
