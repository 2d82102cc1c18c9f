import { describe, expect, it } from "vitest";
import { canEditProject, canSeeProjectContact, canViewProject, checkPublishable, needRemoval, type ProjectViewer } from "./project";

const OWNER = 7;
const viewer = (overrides: Partial<ProjectViewer> = {}): ProjectViewer => ({
  userId: 99,
  isAdmin: false,
  isTerritoryStaff: false,
  isMentor: false,
  isPoleMember: false,
  ...overrides,
});

describe("project visibility", () => {
  it("shows drafts to the holder, the territory's team and admins only", () => {
    const draft = { ownerId: OWNER, status: "brouillon" as const };
    expect(canViewProject(viewer({ userId: OWNER }), draft)).toBe(true);
    expect(canViewProject(viewer({ isTerritoryStaff: true }), draft)).toBe(true);
    expect(canViewProject(viewer({ isAdmin: true }), draft)).toBe(true);
    expect(canViewProject(viewer(), draft)).toBe(false);
    expect(canViewProject(viewer({ userId: null }), draft)).toBe(false);
    expect(canViewProject(viewer({ isMentor: true }), draft)).toBe(false);
    expect(canViewProject(viewer({ isPoleMember: true }), draft)).toBe(false);
  });

  it("shows published and closed projects to everyone, contacts only to those involved", () => {
    for (const status of ["publie", "clos"] as const) {
      expect(canViewProject(viewer({ userId: null }), { ownerId: OWNER, status })).toBe(true);
    }
    const published = { ownerId: OWNER, status: "publie" as const };
    expect(canSeeProjectContact(viewer(), published)).toBe(false);
    expect(canSeeProjectContact(viewer({ isMentor: true }), published)).toBe(true);
    expect(canSeeProjectContact(viewer({ userId: OWNER }), published)).toBe(true);
    expect(canSeeProjectContact(viewer({ isTerritoryStaff: true }), published)).toBe(true);
    expect(canSeeProjectContact(viewer({ isPoleMember: true }), published)).toBe(true);
  });

  it("never shows the holder's contact to a visitor, whatever else is claimed", () => {
    const published = { ownerId: OWNER, status: "publie" as const };
    expect(canSeeProjectContact(viewer({ userId: null }), published)).toBe(false);
    expect(canSeeProjectContact(viewer({ userId: null, isPoleMember: true }), published)).toBe(false);
  });

  it("lets only the holder edit, and not once closed", () => {
    expect(canEditProject(viewer({ userId: OWNER }), { ownerId: OWNER, status: "publie" })).toBe(true);
    expect(canEditProject(viewer({ userId: OWNER }), { ownerId: OWNER, status: "clos" })).toBe(false);
    expect(canEditProject(viewer({ isAdmin: true }), { ownerId: OWNER, status: "brouillon" })).toBe(false);
  });
});

describe("publishing", () => {
  const draft = { ownerId: OWNER, status: "brouillon" as const, seeksPartners: false };
  it("needs a skill, money or partners", () => {
    expect(checkPublishable(draft, 0, false)).toMatchObject({ ok: false });
    expect(checkPublishable(draft, 1, false).ok).toBe(true);
    expect(checkPublishable(draft, 0, true).ok).toBe(true);
    expect(checkPublishable({ ...draft, seeksPartners: true }, 0, false).ok).toBe(true);
    expect(checkPublishable({ ...draft, status: "publie" }, 1, false)).toMatchObject({ ok: false });
  });

  it("closes rather than deletes a need with a mentorship history", () => {
    expect(needRemoval(true)).toBe("close");
    expect(needRemoval(false)).toBe("delete");
  });
});
