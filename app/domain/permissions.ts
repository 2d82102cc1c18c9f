/**
 * Who may do what, as pure predicates over the person asking (an `Actor`) and
 * the facts of the object concerned. The guards call them for every request
 * (through the permission table in app/guards/permissions.ts), and the model
 * functions that change state call them again, so that a route written
 * tomorrow cannot forget a check.
 */
import type { Role } from "./vocabulary";
import type { ClubPermissions } from "./clubs/lifecycle";

/** The person asking, as far as permissions are concerned. */
export type Actor = {
  userId: number;
  roles: readonly Role[];
  /** Pôles whose animation team lists this person. */
  staffTerritoryIds: readonly number[];
};

export function isAdmin(actor: Actor | null): boolean {
  return !!actor && actor.roles.includes("admin");
}

/** Holds `role`; an admin holds every role. */
export function hasRole(actor: Actor | null, role: Role): boolean {
  return !!actor && (actor.roles.includes(role) || actor.roles.includes("admin"));
}

/**
 * On the animation team of this pôle: an `animateur` whom the pôle's team
 * lists, or an admin. The one answer to "is this person staff of that pôle?".
 */
export function isStaffOf(actor: Actor | null, territoryId: number): boolean {
  return isAdmin(actor) || (!!actor && actor.roles.includes("animateur") && actor.staffTerritoryIds.includes(territoryId));
}

/** Staff of at least one of these pôles (e.g. those whose perimeter holds a project's commune). */
export function isStaffOfAny(actor: Actor | null, territoryIds: readonly number[]): boolean {
  return isAdmin(actor) || territoryIds.some((id) => isStaffOf(actor, id));
}

/** Whom a rule lets in before looking at any object. */
export type Audience = "everyone" | "visitor" | "user" | Role;

/**
 * On which objects a rule applies:
 * - `any`: every object the person may see;
 * - `own`: objects the person owns (the holder of a project, the author of a
 *   pledge, a party to a mentorship, the person's own account or profile, a
 *   confirmed representative of an organisation, the author of an article);
 * - `pole`: objects of a pôle whose animation team the person belongs to;
 * - `member`: a club the person is an active member of, holding `office`'s
 *   permission when the rule names one.
 */
export type Scope = "any" | "own" | "pole" | "member";

export type ClubOffice = Exclude<keyof ClubPermissions, "isMember">;

/** The kind of object whose scope a rule checks; the guard of that kind checks it. */
export type ObjectKind = "account" | "project" | "pledge" | "mentorship" | "club" | "invitation" | "pole" | "organisation" | "resource" | "article";

export type Rule = {
  who: readonly Audience[];
  /** Whose objects `scope` speaks of; absent when the scope is `any`. */
  on?: ObjectKind;
  /** One scope, or several of which any one suffices. */
  scope: Scope | readonly Scope[];
  office?: ClubOffice;
  /** What a person refused by the scope reads (French). */
  refusal?: string;
};

/** What the scope of a rule looks at in an object. */
export type ObjectFacts = {
  ownerIds?: readonly number[];
  territoryIds?: readonly number[];
  /** What the person asking may do in the club concerned. */
  club?: ClubPermissions;
};

/** Does the rule's audience let this person (null: a visitor) in? */
export function admits(actor: Actor | null, who: readonly Audience[]): boolean {
  return who.some((audience) => {
    if (audience === "everyone") return true;
    if (audience === "visitor") return actor === null;
    if (audience === "user") return actor !== null;
    return hasRole(actor, audience);
  });
}

function inOneScope(actor: Actor | null, scope: Scope, rule: Rule, facts: ObjectFacts): boolean {
  switch (scope) {
    case "any":
      return true;
    case "own":
      return !!actor && (facts.ownerIds ?? []).includes(actor.userId);
    case "pole":
      return isStaffOfAny(actor, facts.territoryIds ?? []);
    case "member":
      return !!facts.club && (rule.office ? facts.club.isMember && facts.club[rule.office] : facts.club.isMember);
  }
}

/** Does the rule's scope reach this object for this person? */
export function inScope(actor: Actor | null, rule: Rule, facts: ObjectFacts): boolean {
  const scopes: readonly Scope[] = typeof rule.scope === "string" ? [rule.scope] : rule.scope;
  return scopes.some((scope) => inOneScope(actor, scope, rule, facts));
}

/** Both checks of a rule: its audience, then its scope on the object. */
export function allows(actor: Actor | null, rule: Rule, facts: ObjectFacts = {}): boolean {
  return admits(actor, rule.who) && inScope(actor, rule, facts);
}

/** The rule's scope on an object of `kind`; a rule about another kind of object leaves this one alone. */
export function reaches(actor: Actor | null, rule: Rule, kind: ObjectKind, facts: ObjectFacts): boolean {
  return rule.on !== kind || inScope(actor, rule, facts);
}
