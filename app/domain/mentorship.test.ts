import { describe, expect, it } from "vitest";
import type { MentorshipStatus } from "./vocabulary";
import {
  addresseeOf,
  canActOnActive,
  canCancel,
  canGiveFeedback,
  canRespond,
  capacityCheck,
  formatDuration,
  minutesToHoursLabel,
  plannedEnd,
  sideOf,
  type MentorshipRef,
} from "./mentorship";

const HOLDER = 1;
const VOLUNTEER = 2;
const STRANGER = 3;

function ref(status: MentorshipStatus, initiatedBy: MentorshipRef["initiatedBy"] = "porteur"): MentorshipRef {
  return { status, initiatedBy, holderId: HOLDER, volunteerId: VOLUNTEER };
}

describe("who answers a request", () => {
  it("is the side that did not send it", () => {
    expect(addresseeOf({ initiatedBy: "porteur" })).toBe("benevole");
    expect(addresseeOf({ initiatedBy: "benevole" })).toBe("porteur");
    expect(addresseeOf({ initiatedBy: "animateur" })).toBe("benevole");
    expect(sideOf(STRANGER, ref("demande"))).toBeNull();
  });

  it.each([
    ["porteur", VOLUNTEER, true],
    ["porteur", HOLDER, false],
    ["benevole", HOLDER, true],
    ["benevole", VOLUNTEER, false],
  ] as const)("a request from the %s may be answered by user %i: %s", (initiatedBy, userId, allowed) => {
    expect(canRespond(userId, ref("demande", initiatedBy)).ok).toBe(allowed);
  });

  it("refuses strangers with 403 and answered requests with 409", () => {
    expect(canRespond(STRANGER, ref("demande"))).toMatchObject({ ok: false, status: 403 });
    for (const status of ["acceptee", "refusee", "annulee", "terminee", "arretee"] as const) {
      expect(canRespond(VOLUNTEER, ref(status))).toMatchObject({ ok: false, status: 409 });
    }
  });

  it("lets only the sender cancel, while pending", () => {
    expect(canCancel(HOLDER, ref("demande")).ok).toBe(true);
    expect(canCancel(VOLUNTEER, ref("demande")).ok).toBe(false);
    expect(canCancel(VOLUNTEER, ref("demande", "benevole")).ok).toBe(true);
    expect(canCancel(HOLDER, ref("acceptee"))).toMatchObject({ ok: false, status: 409 });
  });
});

describe("a running mentorship", () => {
  it("takes sessions and an end from either side only while accepted", () => {
    expect(canActOnActive(HOLDER, ref("acceptee")).ok).toBe(true);
    expect(canActOnActive(VOLUNTEER, ref("acceptee")).ok).toBe(true);
    expect(canActOnActive(STRANGER, ref("acceptee"))).toMatchObject({ status: 403 });
    expect(canActOnActive(HOLDER, ref("demande"))).toMatchObject({ status: 409 });
    expect(canActOnActive(HOLDER, ref("terminee"))).toMatchObject({ status: 409 });
  });

  it("takes each side's feedback once, after the end", () => {
    expect(canGiveFeedback(VOLUNTEER, ref("terminee"), false).ok).toBe(true);
    expect(canGiveFeedback(VOLUNTEER, ref("arretee"), false).ok).toBe(true);
    expect(canGiveFeedback(VOLUNTEER, ref("terminee"), true)).toMatchObject({ status: 409 });
    expect(canGiveFeedback(VOLUNTEER, ref("acceptee"), false)).toMatchObject({ status: 409 });
    expect(canGiveFeedback(STRANGER, ref("terminee"), false)).toMatchObject({ status: 403 });
  });
});

describe("capacity", () => {
  it("accepts below the maximum, refuses at it or during a pause, in French", () => {
    expect(capacityCheck(1, 2, false, true).ok).toBe(true);
    expect(capacityCheck(2, 2, false, true)).toMatchObject({
      ok: false,
      message: "Capacité atteinte : vous suivez déjà 2 projets sur 2 possibles. Terminez un accompagnement ou augmentez votre capacité dans votre profil.",
    });
    expect(capacityCheck(1, 1, false, false)).toMatchObject({ ok: false, message: expect.stringMatching(/^Capacité atteinte : ce ou cette bénévole suit déjà 1 projet sur 1 possible\./) });
    expect(capacityCheck(0, 0, false, true).ok).toBe(false);
    expect(capacityCheck(0, 3, true, true)).toMatchObject({ ok: false, message: expect.stringMatching(/en pause/) });
  });
});

describe("durations", () => {
  it("plans the end in calendar months and formats time the French way", () => {
    expect(plannedEnd(new Date("2026-01-31T10:00:00Z"), 24).toISOString()).toBe("2028-01-31T10:00:00.000Z");
    expect(formatDuration(45)).toBe("45 min");
    expect(formatDuration(90)).toBe("1 h 30");
    expect(formatDuration(120)).toBe("2 h");
    expect(minutesToHoursLabel(90)).toBe("1,5");
    expect(minutesToHoursLabel(0)).toBe("0");
  });
});
