import { describe, expect, it } from "vitest";
import { canDecideEndorsement, canWriteEndorsement, isEndorsable } from "./endorsement";
import type { MentorshipRef } from "./mentorship";
import { MENTORSHIP_STATUSES, type EndorsementStatus, type MentorshipStatus } from "./vocabulary";

const HOLDER = 1;
const VOLUNTEER = 2;
const STRANGER = 3;

function ref(status: MentorshipStatus): MentorshipRef {
  return { status, initiatedBy: "porteur", holderId: HOLDER, volunteerId: VOLUNTEER };
}

describe("writing an endorsement", () => {
  it("is for the volunteer, while the mentorship runs or once it is completed", () => {
    expect(canWriteEndorsement(VOLUNTEER, ref("acceptee"))).toEqual({ ok: true });
    expect(canWriteEndorsement(VOLUNTEER, ref("terminee"))).toEqual({ ok: true });
  });

  it.each<MentorshipStatus>(["demande", "refusee", "annulee", "arretee"])("is refused on a mentorship « %s », with a reason", (status) => {
    const d = canWriteEndorsement(VOLUNTEER, ref(status));
    expect(d).toMatchObject({ ok: false, status: 409 });
    expect(d.ok ? "" : d.message).toMatch(/accompagnement|demande/);
  });

  it("is refused to the holder (nobody endorses themself) and to anyone else, whatever the state", () => {
    for (const status of MENTORSHIP_STATUSES) {
      const holder = canWriteEndorsement(HOLDER, ref(status));
      expect(holder).toMatchObject({ ok: false, status: 403 });
      expect(holder.ok ? "" : holder.message).toMatch(/on ne se recommande pas soi-même/);
      expect(canWriteEndorsement(STRANGER, ref(status))).toMatchObject({ ok: false, status: 403 });
    }
  });

  it("knows which states are endorsable", () => {
    expect(MENTORSHIP_STATUSES.filter(isEndorsable)).toEqual(["acceptee", "terminee"]);
  });
});

describe("deciding its publication", () => {
  const pending = { status: "proposee" as EndorsementStatus };

  it("is for the holder, once per version", () => {
    expect(canDecideEndorsement(HOLDER, ref("acceptee"), pending)).toEqual({ ok: true });
    // Written while the mentorship ran: the holder still answers after it ended or stopped.
    expect(canDecideEndorsement(HOLDER, ref("arretee"), pending)).toEqual({ ok: true });
    for (const status of ["publiee", "refusee"] as const) {
      expect(canDecideEndorsement(HOLDER, ref("terminee"), { status })).toMatchObject({ ok: false, status: 409 });
    }
    expect(canDecideEndorsement(HOLDER, ref("terminee"), null)).toMatchObject({ ok: false, status: 409 });
  });

  it("is refused to the mentor who wrote it and to anyone else", () => {
    const mentor = canDecideEndorsement(VOLUNTEER, ref("acceptee"), pending);
    expect(mentor).toMatchObject({ ok: false, status: 403 });
    expect(mentor.ok ? "" : mentor.message).toMatch(/personne qui porte le projet/);
    expect(canDecideEndorsement(STRANGER, ref("acceptee"), pending)).toMatchObject({ ok: false, status: 403 });
  });
});
