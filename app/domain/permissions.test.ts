import { describe, expect, it } from "vitest";
import { clubPermissions } from "./clubs/lifecycle";
import { admits, allows, hasRole, isStaffOf, reaches, type Actor, type Rule } from "./permissions";

const actor = (over: Partial<Actor> = {}): Actor => ({ userId: 7, roles: [], staffTerritoryIds: [], ...over });

describe("roles and staff", () => {
  it("an admin holds every role; others only their own", () => {
    expect(hasRole(actor({ roles: ["admin"] }), "epargnant")).toBe(true);
    expect(hasRole(actor({ roles: ["porteur"] }), "epargnant")).toBe(false);
    expect(hasRole(null, "porteur")).toBe(false);
  });

  it("staff of a pôle is an animateur listed by its team, or an admin", () => {
    expect(isStaffOf(actor({ roles: ["animateur"], staffTerritoryIds: [1] }), 1)).toBe(true);
    expect(isStaffOf(actor({ roles: ["animateur"], staffTerritoryIds: [1] }), 2)).toBe(false);
    // Listed by a team without the role: not staff.
    expect(isStaffOf(actor({ roles: ["porteur"], staffTerritoryIds: [1] }), 1)).toBe(false);
    expect(isStaffOf(actor({ roles: ["admin"] }), 2)).toBe(true);
  });
});

describe("rules", () => {
  it("audiences: everyone, visitors only, anyone signed in, a role", () => {
    expect(admits(null, ["everyone"])).toBe(true);
    expect(admits(null, ["visitor"])).toBe(true);
    expect(admits(actor(), ["visitor"])).toBe(false);
    expect(admits(null, ["user"])).toBe(false);
    expect(admits(actor({ roles: ["benevole"] }), ["porteur", "benevole"])).toBe(true);
  });

  it("own: only the owner; pole: only that pôle's team; any: everyone admitted", () => {
    const own: Rule = { who: ["user"], scope: "own", on: "project" };
    expect(allows(actor(), own, { ownerIds: [7] })).toBe(true);
    expect(allows(actor({ roles: ["admin"] }), own, { ownerIds: [8] })).toBe(false);
    const pole: Rule = { who: ["animateur"], scope: "pole", on: "pole" };
    expect(allows(actor({ roles: ["animateur"], staffTerritoryIds: [3] }), pole, { territoryIds: [3] })).toBe(true);
    expect(allows(actor({ roles: ["animateur"], staffTerritoryIds: [3] }), pole, { territoryIds: [4] })).toBe(false);
    expect(allows(actor(), { who: ["user"], scope: "any" })).toBe(true);
  });

  it("several scopes: any one suffices", () => {
    const rule: Rule = { who: ["user"], scope: ["own", "pole"], on: "mentorship" };
    expect(allows(actor(), rule, { ownerIds: [7], territoryIds: [1] })).toBe(true);
    expect(allows(actor({ userId: 9, roles: ["animateur"], staffTerritoryIds: [1] }), rule, { ownerIds: [7], territoryIds: [1] })).toBe(true);
    expect(allows(actor({ userId: 9 }), rule, { ownerIds: [7], territoryIds: [1] })).toBe(false);
  });

  it("member: an active member, with the office's permission when the rule names one", () => {
    const rule: Rule = { who: ["user"], scope: "member", on: "club", office: "recordLedger" };
    expect(allows(actor(), rule, { club: clubPermissions({ role: "tresorier", status: "actif" }) })).toBe(true);
    expect(allows(actor(), rule, { club: clubPermissions({ role: "membre", status: "actif" }) })).toBe(false);
    expect(allows(actor(), rule, { club: clubPermissions({ role: "gerant", status: "parti" }) })).toBe(false);
    expect(allows(actor(), { ...rule, office: undefined }, { club: clubPermissions({ role: "membre", status: "actif" }) })).toBe(true);
  });

  it("a rule about another kind of object leaves this one alone", () => {
    const rule: Rule = { who: ["user"], scope: "own", on: "pledge" };
    expect(reaches(actor(), rule, "project", { ownerIds: [8] })).toBe(true);
    expect(reaches(actor(), rule, "pledge", { ownerIds: [8] })).toBe(false);
  });
});
