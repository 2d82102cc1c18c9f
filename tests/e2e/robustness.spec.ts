/**
 * Robustness over real HTTP, route module by route module: malformed ids,
 * unknown slugs, empty or malformed POST bodies, oversized fields, duplicated
 * fields and other people's objects, as a visitor and as each relevant demo
 * account. The rules checked:
 *   - never a 5xx;
 *   - a visitor is sent to /connexion (302), or gets a 404/403, never the page;
 *   - a refused form answers 4xx with an HTML page and no stack trace;
 *   - a refused POST stores nothing (row counts of the relevant tables unchanged).
 * Every POST carries this site's Origin, as a browser would.
 */
import type { APIRequestContext, APIResponse, PlaywrightWorkerArgs } from "@playwright/test";
import fs from "node:fs";
import Database from "better-sqlite3";
import { DEMO_PASSWORD, E2E_DATABASE, expect, test } from "./fixtures";

type Who = "visiteur" | "porteur" | "benevole" | "epargnant" | "animation" | "admin";
type SignedIn = Exclude<Who, "visiteur">;
type Form = Record<string, string | string[]>;

const ACCOUNTS: Record<SignedIn, string> = {
  porteur: "porteur@exemple.fr",
  benevole: "benevole@exemple.fr",
  epargnant: "epargnant@exemple.fr", // gérant of club 2 « Cigale des Vals »
  animation: "animation.saintonge@exemple.fr", // animates vals-de-saintonge only
  admin: "admin@exemple.fr",
};

/*
 * Demo objects (seeds/demo.ts): project 1 (published) and 2 (draft) belong to
 * porteur@, project 3 (published) and 6 (draft) to others; skill needs 1-2 are
 * project 1's, 5 is project 3's; club 2 is the épargnant's (gérant), club 1 is
 * not; vote 4 is club 2's, vote 1 club 1's; mentorship 1 pairs porteur@ and
 * benevole@, mentorship 3 neither; tontine 1 has none of the demo accounts.
 */
const MALFORMED_IDS = ["abc", "-1", "0", "1.5", "99999999", "%00", "x".repeat(300)];
const UNKNOWN_SLUGS = ["pole-inconnu", "%00", "x".repeat(300)];
const HUGE = "x".repeat(100 * 1024);
/** Any refusal that names the problem: bad input, not yours, not found, not possible now. */
const REFUSED = [400, 403, 404, 409];

/** What a GET answers: a status, a redirect to sign-in, or a redirect elsewhere on the site. */
type GetOutcome = 200 | 403 | 404 | "connexion" | { to: RegExp };

type PostCase = {
  /** States the behaviour, e.g. "an unknown intent". */
  name: string;
  form: Form;
  /** Allowed statuses (all refusals); the default is 400. */
  status?: number | number[];
  /** Overrides the route's path (another person's object). */
  path?: string;
};

type RouteSpec = {
  /** The module in app/routes/. */
  module: string;
  /** Path with {param} placeholders. */
  path: string;
  params?: Record<string, string>;
  /** Which params are numeric ids (malformed ids) and which are slugs. */
  ids?: string[];
  slugs?: string[];
  /** GET answers for each kind of person (omitted = not exercised). */
  get: Partial<Record<Who, GetOutcome>>;
  post?: {
    /** Tables whose row counts must not change after a refused POST. */
    tables: string[];
    /** Who posts the bad forms; visitors always get /connexion when a user is required. */
    as: SignedIn[];
    /** A visitor's POST: "connexion" (sign-in required) or a status. */
    visitor: "connexion" | number;
    /** A plausible form (right field names) that the generic cases corrupt. */
    base: Form;
    /** Fields holding numbers (text is sent in them). */
    numbers?: string[];
    /** Fields holding free text (100 kB is sent in them). */
    texts?: string[];
    /** Status of the generic refusals for this route when not 400. */
    status?: number | number[];
    /** Extra cases: someone else's object, an object of another club… */
    extra?: (PostCase & { as: SignedIn })[];
    /** No "no body"/"unknown intent" case: an empty POST is a legitimate action here. */
    emptyIsValid?: boolean;
  };
};

const ROUTES: RouteSpec[] = [
  { module: "_index.tsx", path: "/", get: { visiteur: 200, porteur: 200 } },
  { module: "accompagner.tsx", path: "/accompagner", get: { visiteur: 200, benevole: 200 } },
  { module: "creer.tsx", path: "/creer", get: { visiteur: 200, porteur: 200 } },
  { module: "financer.tsx", path: "/financer", get: { visiteur: 200, epargnant: 200 } },
  { module: "poles._index.tsx", path: "/poles", get: { visiteur: 200 } },
  {
    module: "poles.$slug.tsx",
    path: "/poles/{slug}",
    params: { slug: "vals-de-saintonge" },
    slugs: ["slug"],
    get: { visiteur: 200, porteur: 200 },
  },
  { module: "api.communes.ts", path: "/api/communes?q=saint", get: { visiteur: 200 } },
  {
    module: "connexion.tsx",
    path: "/connexion",
    get: { visiteur: 200 },
    post: {
      tables: ["users"],
      as: [],
      // A wrong password counts towards the sign-in limits: 429 once they are reached.
      visitor: 400,
      status: [400, 429],
      base: { email: "personne@exemple.fr", password: "pas-le-bon-mot-de-passe" },
      texts: ["email", "password"],
      emptyIsValid: false,
    },
  },
  {
    module: "inscription.tsx",
    path: "/inscription",
    get: { visiteur: 200 },
    post: {
      tables: ["users", "user_roles"],
      as: [],
      visitor: 400,
      base: { email: "robustesse@exemple.fr", displayName: "Robuste", password: "", commune: "Saint-Jean-d'Angély (17400)", roles: "porteur" },
      texts: ["email", "displayName", "commune"],
    },
  },
  {
    module: "deconnexion.tsx",
    path: "/deconnexion",
    // Sign-out is a POST; a GET just goes home.
    get: { visiteur: { to: /^\/$/ }, porteur: { to: /^\/$/ } },
  },
  { module: "espace.tsx", path: "/espace", get: { visiteur: "connexion", porteur: 200, benevole: 200, epargnant: 200, animation: 200 } },
  {
    module: "compte.tsx",
    path: "/compte",
    get: { visiteur: "connexion", porteur: 200 },
    post: {
      tables: ["users", "user_roles"],
      as: ["porteur"],
      visitor: "connexion",
      base: { intent: "password", currentPassword: "faux", newPassword: "", confirmPassword: "autre" },
      texts: ["newPassword"],
      extra: [
        { as: "porteur", name: "an unknown role", form: { intent: "roles", roles: ["porteur", "admin"] } },
        { as: "porteur", name: "no role at all", form: { intent: "roles" } },
      ],
    },
  },
  { module: "benevoles._index.tsx", path: "/benevoles", get: { visiteur: "connexion", benevole: { to: /^\/benevoles\/(profil|projets)$/ }, porteur: 403 } },
  {
    module: "benevoles.profil.tsx",
    path: "/benevoles/profil",
    get: { visiteur: "connexion", benevole: 200, porteur: 403 },
    post: {
      tables: ["volunteer_profiles", "volunteer_skills", "volunteer_domains"],
      as: ["benevole"],
      visitor: "connexion",
      base: { status: "retraite", commune: "Saint-Jean-d'Angély (17400)", radiusKm: "abc", maxMentorships: "2", hoursPerMonth: "4", bio: "" },
      numbers: ["radiusKm", "maxMentorships", "hoursPerMonth"],
      texts: ["bio", "commune"],
      extra: [{ as: "porteur", name: "the form of another role", form: { status: "retraite" }, status: 403 }],
    },
  },
  {
    module: "benevoles.projets.tsx",
    path: "/benevoles/projets",
    get: { visiteur: "connexion", benevole: 200, porteur: 403 },
    post: {
      tables: ["mentorships"],
      as: ["benevole"],
      visitor: "connexion",
      base: { needId: "abc", message: "Bonjour" },
      numbers: ["needId"],
      texts: ["message"],
      extra: [
        { as: "benevole", name: "a need that does not exist", form: { needId: "99999999" }, status: REFUSED },
        { as: "benevole", name: "a need of someone else's draft", form: { needId: "12" }, status: REFUSED },
      ],
    },
  },
  {
    module: "projets._index.tsx",
    path: "/projets",
    get: { visiteur: "connexion", porteur: 200, benevole: 200 },
  },
  {
    module: "projets.nouveau.tsx",
    path: "/projets/nouveau",
    get: { visiteur: "connexion", porteur: 200, epargnant: 403 },
    post: {
      tables: ["projects"],
      as: ["porteur"],
      visitor: "connexion",
      base: { title: "Projet robuste", pitch: "", kind: "entreprise", stage: "idee", legalForm: "sas", activityDomainId: "abc", commune: "Saint-Jean-d'Angély (17400)", jobsExpected: "2" },
      numbers: ["activityDomainId", "jobsExpected"],
      texts: ["title", "pitch", "description"],
      extra: [{ as: "epargnant", name: "a person without the porteur role", form: { title: "Projet" }, status: 403 }],
    },
  },
  {
    module: "projets.$id._index.tsx",
    path: "/projets/{id}",
    params: { id: "1" },
    ids: ["id"],
    get: { visiteur: 200, porteur: 200, benevole: 200 },
    post: {
      tables: ["projects", "mentorships"],
      as: ["porteur"],
      visitor: "connexion",
      base: { intent: "request", needId: "abc", volunteerId: "5", message: "Bonjour" },
      numbers: ["needId", "volunteerId"],
      texts: ["message"],
      extra: [
        { as: "porteur", name: "publishing someone else's project", path: "/projets/3", form: { intent: "publish" }, status: 403 },
        { as: "porteur", name: "closing someone else's project", path: "/projets/3", form: { intent: "close" }, status: 403 },
        { as: "porteur", name: "someone else's draft", path: "/projets/6", form: { intent: "publish" }, status: 404 },
        { as: "porteur", name: "a need of another project", form: { intent: "request", needId: "5", volunteerId: "5" }, status: 404 },
        { as: "benevole", name: "asking for help on a project they do not hold", form: { intent: "request", needId: "1", volunteerId: "5" }, status: 403 },
        { as: "benevole", name: "an offer with a need id that is not a number", form: { intent: "offer", needId: "abc" } },
        { as: "benevole", name: "an offer with a need id sent twice", form: { intent: "offer", needId: ["1", "2"] } },
        { as: "benevole", name: "an offer with a 100 kB message", form: { intent: "offer", needId: "1", message: HUGE } },
        { as: "benevole", name: "an offer for a need of another project", form: { intent: "offer", needId: "5" }, status: 404 },
        { as: "porteur", name: "asking a person who is not a bénévole", form: { intent: "request", needId: "1", volunteerId: "6" }, status: REFUSED },
        { as: "epargnant", name: "an offer without the bénévole role", form: { intent: "offer", needId: "1" }, status: 403 },
      ],
    },
  },
  {
    module: "projets.$id.modifier.tsx",
    path: "/projets/{id}/modifier",
    params: { id: "1" },
    ids: ["id"],
    get: { visiteur: "connexion", porteur: 200, benevole: 403 },
    post: {
      tables: ["projects"],
      as: ["porteur"],
      visitor: "connexion",
      base: { title: "Épicerie", pitch: "", kind: "entreprise", stage: "idee", legalForm: "sas", activityDomainId: "abc", jobsExpected: "2" },
      numbers: ["activityDomainId", "jobsExpected"],
      texts: ["title", "pitch", "description"],
      extra: [
        { as: "porteur", name: "someone else's project", path: "/projets/3/modifier", form: { title: "Piraté" }, status: 403 },
        { as: "porteur", name: "someone else's draft", path: "/projets/6/modifier", form: { title: "Piraté" }, status: 404 },
      ],
    },
  },
  {
    module: "projets.$id.besoins.nouveau.tsx",
    path: "/projets/{id}/besoins/nouveau",
    params: { id: "1" },
    ids: ["id"],
    get: { visiteur: "connexion", porteur: 200, benevole: 403 },
    post: {
      tables: ["project_skill_needs"],
      as: ["porteur"],
      visitor: "connexion",
      base: { skillId: "abc", priority: "haute", hoursPerMonth: "4", expectation: "" },
      numbers: ["skillId", "hoursPerMonth"],
      texts: ["expectation"],
      extra: [{ as: "porteur", name: "someone else's project", path: "/projets/3/besoins/nouveau", form: { skillId: "1" }, status: 403 }],
    },
  },
  {
    module: "projets.$id.besoins.$needId.tsx",
    path: "/projets/{id}/besoins/{needId}",
    params: { id: "1", needId: "1" },
    ids: ["id", "needId"],
    get: { visiteur: "connexion", porteur: 200, benevole: 403 },
    post: {
      tables: ["project_skill_needs", "mentorships"],
      as: ["porteur"],
      visitor: "connexion",
      base: { skillId: "abc", priority: "haute", hoursPerMonth: "4", expectation: "" },
      numbers: ["skillId", "hoursPerMonth"],
      texts: ["expectation"],
      extra: [
        { as: "porteur", name: "a need of another project", path: "/projets/1/besoins/5", form: { intent: "remove" }, status: 404 },
        { as: "porteur", name: "someone else's project", path: "/projets/3/besoins/5", form: { intent: "remove" }, status: 403 },
      ],
    },
  },
  {
    module: "projets.$id.financement.tsx",
    path: "/projets/{id}/financement",
    params: { id: "1" },
    ids: ["id"],
    get: { visiteur: "connexion", porteur: 200, epargnant: 403 },
    post: {
      tables: ["project_funding_needs"],
      as: ["porteur"],
      visitor: "connexion",
      base: { amount: "abc", kind: "don", companyCapital: "1000" },
      numbers: ["amount", "companyCapital"],
      extra: [{ as: "porteur", name: "someone else's project", path: "/projets/3/financement", form: { intent: "remove" }, status: 403 }],
    },
  },
  {
    module: "projets.$id.soutenir.tsx",
    path: "/projets/{id}/soutenir",
    params: { id: "3" },
    ids: ["id"],
    get: { visiteur: "connexion", epargnant: 200 },
    post: {
      tables: ["pledges"],
      as: ["epargnant"],
      visitor: "connexion",
      base: { amount: "abc", kind: "don", message: "Courage" },
      numbers: ["amount"],
      texts: ["message"],
      extra: [
        { as: "epargnant", name: "cancelling someone else's pledge", form: { intent: "cancel-pledge", pledgeId: "1" }, status: 404 },
        { as: "epargnant", name: "cancelling a pledge with a malformed id", form: { intent: "cancel-pledge", pledgeId: "1.5" }, status: 404 },
        { as: "epargnant", name: "cancelling a pledge with no id", form: { intent: "cancel-pledge" }, status: 404 },
      ],
    },
  },
  {
    module: "accompagnements.$id.tsx",
    path: "/accompagnements/{id}",
    params: { id: "1" },
    ids: ["id"],
    get: { visiteur: "connexion", porteur: 200, benevole: 200, epargnant: 404 },
    post: {
      tables: ["mentorships", "mentorship_sessions", "mentorship_feedback"],
      as: ["porteur", "benevole"],
      visitor: "connexion",
      base: { intent: "session", heldOn: "2026-01-01", durationMinutes: "abc", notes: "" },
      numbers: ["durationMinutes"],
      texts: ["notes"],
      extra: [
        { as: "benevole", name: "someone else's mentorship", path: "/accompagnements/3", form: { intent: "cancel" }, status: 404 },
        { as: "epargnant", name: "a mentorship they are not part of", form: { intent: "end", outcome: "arretee" }, status: 404 },
        { as: "benevole", name: "a feedback rating out of range", form: { intent: "feedback", rating: "9" } },
      ],
    },
  },
  {
    module: "cagnotte.$slug.tsx",
    path: "/cagnotte/{slug}",
    params: { slug: "vals-de-saintonge" },
    slugs: ["slug"],
    get: { visiteur: 200, epargnant: 200, animation: 200 },
    post: {
      tables: ["cagnotte_donations", "cagnotte_allocations", "cagnotte_goals"],
      as: ["epargnant", "animation"],
      visitor: "connexion",
      base: { intent: "donate", amount: "abc", donorName: "Anonyme", message: "" },
      numbers: ["amount"],
      texts: ["donorName", "message"],
      status: [400, 403],
      extra: [
        { as: "epargnant", name: "allocating without being on the animation team", form: { intent: "allocate", projectId: "1", amount: "10" }, status: 403 },
        { as: "animation", name: "allocating in another pôle's pot", path: "/cagnotte/sambre-avesnois", form: { intent: "allocate", projectId: "1", amount: "10" }, status: 403 },
        { as: "animation", name: "allocating to a project id that is not a number", form: { intent: "allocate", projectId: "abc", amount: "10" } },
        { as: "animation", name: "allocating to a project of another pôle", form: { intent: "allocate", projectId: "22", amount: "10" }, status: REFUSED },
        { as: "animation", name: "allocating to someone else's draft", form: { intent: "allocate", projectId: "6", amount: "10" }, status: REFUSED },
      ],
    },
  },
  {
    module: "animation._index.tsx",
    path: "/animation",
    get: { visiteur: "connexion", animation: 200, porteur: 403 },
    post: {
      tables: ["mentorships"],
      as: ["animation"],
      visitor: "connexion",
      base: { pairs: "abc" },
      texts: ["pairs"],
      extra: [
        { as: "animation", name: "another pôle", path: "/animation?pole=sambre-avesnois", form: { pairs: "1:5" }, status: 403 },
        { as: "animation", name: "an unknown pôle", path: "/animation?pole=%00", form: { pairs: "1:5" }, status: 404 },
        { as: "porteur", name: "a person outside the animation team", form: { pairs: "1:5" }, status: 403 },
      ],
    },
  },
  {
    module: "animation.ponderations.tsx",
    path: "/animation/ponderations",
    get: { visiteur: "connexion", animation: 200, porteur: 403 },
    post: {
      tables: ["matching_weights"],
      as: ["animation"],
      visitor: "connexion",
      base: { "mentor.skills": "abc", "club.sector": "1" },
      numbers: ["mentor.skills", "club.sector"],
      extra: [{ as: "porteur", name: "a person outside the animation team", form: { intent: "reset" }, status: 403 }],
    },
  },
  {
    module: "clubs._index.tsx",
    path: "/clubs",
    get: { visiteur: 200, epargnant: 200 },
    post: {
      tables: ["clubs", "club_members"],
      as: ["epargnant"],
      visitor: "connexion",
      base: { name: "Club robuste", territoryId: "abc", ticketMin: "100", ticketMax: "1000", decisionRule: "majorite", quorumPct: "50", maxStakePct: "10", description: "" },
      numbers: ["territoryId", "ticketMin", "ticketMax", "quorumPct", "maxStakePct"],
      texts: ["name", "description", "communes"],
      extra: [{ as: "porteur", name: "a person without the épargnant role", form: { name: "Club" }, status: 403 }],
    },
  },
  {
    module: "clubs.$id._index.tsx",
    path: "/clubs/{id}",
    params: { id: "2" },
    ids: ["id"],
    get: { visiteur: 200, epargnant: 200 },
    post: {
      tables: ["clubs", "club_members"],
      as: ["epargnant"],
      visitor: "connexion",
      base: { intent: "lifecycle", action: "abc" },
      extra: [{ as: "porteur", name: "changing the stage of a club they do not run", form: { intent: "lifecycle", action: "demarrer" }, status: 403 }],
    },
  },
  {
    module: "clubs.$id.membres.tsx",
    path: "/clubs/{id}/membres",
    params: { id: "2" },
    ids: ["id"],
    get: { visiteur: "connexion", epargnant: 200, porteur: 403 },
    post: {
      tables: ["club_members", "club_meetings"],
      as: ["epargnant"],
      visitor: "connexion",
      base: { intent: "add-meeting", date: "abc", time: "18:00", place: "Mairie", agenda: "", projectId: "abc" },
      numbers: ["projectId"],
      texts: ["place", "agenda"],
      extra: [
        { as: "epargnant", name: "accepting a request with a malformed member id", form: { intent: "accept-request", userId: "1.5" } },
        { as: "epargnant", name: "accepting a request with no member id", form: { intent: "accept-request" } },
        { as: "epargnant", name: "accepting a person who never asked", form: { intent: "accept-request", userId: "4" }, status: [400, 404, 409] },
        { as: "epargnant", name: "naming an officer who is not a member", form: { intent: "set-officer", userId: "4", role: "tresorier" }, status: [400, 404, 409] },
        { as: "epargnant", name: "savings as text", form: { intent: "set-savings", monthlySavings: "beaucoup" } },
        { as: "epargnant", name: "a meeting about someone else's draft", form: { intent: "add-meeting", date: "2030-01-01", time: "18:00", place: "Mairie", projectId: "6" }, status: REFUSED },
        { as: "epargnant", name: "the members of another club", path: "/clubs/1/membres", form: { intent: "leave" }, status: 403 },
      ],
    },
  },
  {
    module: "clubs.$id.parametres.tsx",
    path: "/clubs/{id}/parametres",
    params: { id: "2" },
    ids: ["id"],
    get: { visiteur: "connexion", epargnant: 200, porteur: 403 },
    post: {
      tables: ["clubs", "club_areas", "club_sectors"],
      as: ["epargnant"],
      visitor: "connexion",
      base: { decisionRule: "majorite", quorumPct: "abc", maxStakePct: "10", ticketMin: "100", ticketMax: "1000", description: "" },
      numbers: ["quorumPct", "maxStakePct", "ticketMin", "ticketMax"],
      texts: ["description", "communes"],
      extra: [{ as: "epargnant", name: "the settings of another club", path: "/clubs/1/parametres", form: { decisionRule: "majorite" }, status: 403 }],
    },
  },
  {
    module: "clubs.$id.projets.tsx",
    path: "/clubs/{id}/projets",
    params: { id: "2" },
    ids: ["id"],
    get: { visiteur: "connexion", epargnant: 200, porteur: 403 },
    post: {
      tables: ["club_deals", "club_votes", "club_accompanying_members"],
      as: ["epargnant"],
      visitor: "connexion",
      base: { intent: "open-vote", dealId: "abc", amount: "1000", instrument: "capital", deadline: "2030-01-01" },
      numbers: ["dealId", "amount"],
      extra: [
        { as: "epargnant", name: "following a project id that is not a number", form: { intent: "follow", projectId: "abc" } },
        { as: "epargnant", name: "dropping a deal with a malformed id", form: { intent: "drop", dealId: "1.5" } },
        { as: "epargnant", name: "dropping a deal with no id", form: { intent: "drop" } },
        { as: "epargnant", name: "the projects of another club", path: "/clubs/1/projets", form: { intent: "follow", projectId: "1" }, status: 403 },
        { as: "epargnant", name: "following someone else's draft", form: { intent: "follow", projectId: "6" }, status: REFUSED },
        { as: "epargnant", name: "studying another club's deal", form: { intent: "study", dealId: "1", notes: "Vu" }, status: REFUSED },
        { as: "epargnant", name: "opening a vote on another club's deal", form: { intent: "open-vote", dealId: "1", amount: "1000", instrument: "capital", deadline: "2030-01-01" }, status: REFUSED },
        { as: "epargnant", name: "dropping another club's deal", form: { intent: "drop", dealId: "1" }, status: REFUSED },
        { as: "epargnant", name: "naming a non-member as accompanying member", form: { intent: "set-accompanying", projectId: "3", userIds: "4" }, status: REFUSED },
      ],
    },
  },
  {
    module: "clubs.$id.tresorerie.tsx",
    path: "/clubs/{id}/tresorerie",
    params: { id: "2" },
    ids: ["id"],
    get: { visiteur: "connexion", epargnant: 200, porteur: 403 },
    post: {
      tables: ["club_ledger_entries"],
      as: ["epargnant"],
      visitor: "connexion",
      base: { kind: "cotisation", amount: "abc", memberUserId: "6", occurredOn: "2026-01-01", note: "" },
      numbers: ["amount", "memberUserId"],
      texts: ["note"],
      extra: [
        { as: "epargnant", name: "the treasury of another club", path: "/clubs/1/tresorerie", form: { kind: "frais", amount: "10" }, status: 403 },
        { as: "epargnant", name: "a contribution from someone who is not a member", form: { kind: "cotisation", amount: "10", memberUserId: "4", occurredOn: "2026-01-01" }, status: REFUSED },
      ],
    },
  },
  {
    module: "clubs.$id.votes.$voteId.tsx",
    path: "/clubs/{id}/votes/{voteId}",
    params: { id: "2", voteId: "4" },
    ids: ["id", "voteId"],
    get: { visiteur: "connexion", epargnant: 200, porteur: 403 },
    post: {
      tables: ["club_ballots", "club_votes"],
      as: ["epargnant"],
      visitor: "connexion",
      base: { choice: "abc" },
      extra: [
        { as: "epargnant", name: "a vote of another club through this club", path: "/clubs/2/votes/1", form: { choice: "pour" }, status: 404 },
        { as: "epargnant", name: "a vote of a club they are not in", path: "/clubs/1/votes/1", form: { choice: "pour" }, status: 403 },
      ],
    },
  },
  {
    module: "tontines._index.tsx",
    path: "/tontines",
    get: { visiteur: "connexion", epargnant: 200 },
    post: {
      tables: ["tontines", "tontine_members"],
      as: ["epargnant"],
      visitor: "connexion",
      base: { intent: "create", name: "Tontine robuste", territoryId: "abc", contribution: "20", startsOn: "2027-01-01", description: "" },
      numbers: ["territoryId", "contribution"],
      texts: ["name", "description"],
    },
  },
  {
    module: "tontines.$id.tsx",
    path: "/tontines/{id}",
    params: { id: "1" },
    ids: ["id"],
    get: { visiteur: "connexion", epargnant: 200 },
    post: {
      tables: ["tontine_members"],
      as: ["epargnant"],
      visitor: "connexion",
      base: {},
      // POST /tontines/:id is "join": an empty body is the real form. Only bad ids are exercised.
      emptyIsValid: true,
    },
  },
];

// ---------------------------------------------------------------------------

function fill(path: string, params: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? "");
}

/** Encodes a path segment, except "%00" which is sent raw on purpose. */
function segment(value: string): string {
  return value === "%00" ? value : encodeURIComponent(value);
}

function label(value: string): string {
  return value.length > 20 ? `${value.slice(0, 8)}…(${value.length} chars)` : value;
}

function formBody(form: Form): string {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  }
  return body.toString();
}

function matches(status: number, expected: number | number[] | undefined): boolean {
  const list = expected === undefined ? [400] : Array.isArray(expected) ? expected : [expected];
  return list.includes(status);
}

/** The text a person reads: scripts (where Remix serialises its data) and tags removed. */
function visibleText(html: string): string {
  return html
    .replace(/<script\b[\s\S]*?<\/script>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");
}

/**
 * An HTML page in French without a stack trace anywhere in the body, and no
 * raw error in what the person reads. (Remix's own 404/405 keep the router's
 * "Error: No route matches…" line in their hydration data: not shown, not a stack.)
 */
async function expectCleanHtml(response: APIResponse, what: string) {
  const html = await response.text();
  expect(response.headers()["content-type"] ?? "", `${what}: content type`).toContain("text/html");
  expect(html, `${what}: an HTML page in French`).toContain('<html lang="fr');
  expect(html, `${what}: no stack trace`).not.toMatch(/(^|\n|\\n)\s*at [\w$.<>\[\] ]+ \(?(\/|file:|node:)/);
  expect(visibleText(html), `${what}: no raw error shown`).not.toMatch(/\b\w*Error:/);
}

const dbFile = process.env.E2E_DB_FILE ?? E2E_DATABASE;
let database: Database.Database | undefined;
function countRows(tables: string[]): Record<string, number> {
  database ??= new Database(dbFile, { readonly: true, fileMustExist: true });
  return Object.fromEntries(
    tables.map((t) => [t, (database!.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]),
  );
}

type StorageState = Awaited<ReturnType<APIRequestContext["storageState"]>>;

/** One signed-in session per demo account and worker. */
const signedIn = new Map<SignedIn, StorageState>();

/**
 * Clients of this file never fail a sign-in (except the /connexion cases, which
 * pass their own address): one TEST-NET-1 address per worker is enough, and the
 * fixtures' 203.0.113.0/24 pool is left to the other files.
 */
function workerAddress(): string {
  return `192.0.2.${10 + test.info().parallelIndex}`;
}

async function clientFor(
  who: Who,
  playwright: PlaywrightWorkerArgs["playwright"],
  baseURL: string,
  address: () => string = workerAddress,
): Promise<APIRequestContext> {
  const headers = { "X-Forwarded-For": address(), Origin: new URL(baseURL).origin };
  if (who === "visiteur") return playwright.request.newContext({ baseURL, extraHTTPHeaders: headers });
  let state = signedIn.get(who);
  if (!state) {
    const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: headers });
    const response = await context.post("/connexion", {
      form: { email: ACCOUNTS[who], password: DEMO_PASSWORD },
      maxRedirects: 0,
    });
    expect(response.status(), `sign-in of ${ACCOUNTS[who]}`).toBe(302);
    state = await context.storageState();
    await context.dispose();
    signedIn.set(who, state);
  }
  return playwright.request.newContext({ baseURL, extraHTTPHeaders: headers, storageState: state });
}

async function expectGet(client: APIRequestContext, path: string, expected: GetOutcome | "malformed", who: Who) {
  const response = await client.get(path, { maxRedirects: 0 });
  const status = response.status();
  const what = `GET ${label(path)} as ${who}`;
  expect(status, `${what}: never a 5xx`).toBeLessThan(500);
  if (typeof expected === "object") {
    expect(status, what).toBe(302);
    expect(response.headers()["location"] ?? "", `${what}: redirected`).toMatch(expected.to);
  } else if (expected === "connexion" || (expected === "malformed" && who === "visiteur" && status === 302)) {
    expect(status, what).toBe(302);
    expect(response.headers()["location"] ?? "", `${what}: sent to sign-in`).toMatch(/^\/connexion(\?|$)/);
  } else if (expected === "malformed") {
    expect([403, 404], `${what}: 404 (or 403), got ${status}`).toContain(status);
    await expectCleanHtml(response, what);
  } else {
    expect(status, what).toBe(expected);
    if (status !== 200) await expectCleanHtml(response, what);
  }
}

async function expectRefusedPost(
  client: APIRequestContext,
  path: string,
  form: Form,
  expected: "connexion" | number | number[] | undefined,
  tables: string[],
  what: string,
) {
  const before = countRows(tables);
  const response = await client.post(path, {
    data: formBody(form),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    maxRedirects: 0,
  });
  const status = response.status();
  expect(status, `${what}: never a 5xx`).toBeLessThan(500);
  if (expected === "connexion") {
    expect(status, what).toBe(302);
    expect(response.headers()["location"] ?? "", `${what}: sent to sign-in`).toMatch(/^\/connexion(\?|$)/);
  } else {
    expect(matches(status, expected), `${what}: expected ${JSON.stringify(expected ?? 400)}, got ${status}`).toBe(true);
    await expectCleanHtml(response, what);
  }
  expect(countRows(tables), `${what}: nothing stored`).toEqual(before);
}

/** The generic corruptions of a route's form. */
function genericCases(spec: NonNullable<RouteSpec["post"]>): PostCase[] {
  const cases: PostCase[] = [];
  const status = spec.status;
  if (!spec.emptyIsValid) {
    cases.push({ name: "no body", form: {}, status });
    cases.push({ name: "an unknown intent", form: { ...spec.base, intent: "pirater" }, status });
  }
  const fields = Object.keys(spec.base).filter((f) => f !== "intent");
  if (fields.length > 0) {
    cases.push({ name: "missing fields", form: spec.base.intent ? { intent: spec.base.intent } : { [fields[0]!]: "" }, status });
    cases.push({ name: "every field sent twice", form: Object.fromEntries(Object.entries(spec.base).map(([k, v]) => [k, k === "intent" ? v : [String(v), "autre"]])), status });
  }
  for (const field of spec.numbers ?? []) {
    cases.push({ name: `text in the number field ${field}`, form: { ...spec.base, [field]: "douze" }, status });
    cases.push({ name: `a negative number in ${field}`, form: { ...spec.base, [field]: "-1" }, status });
  }
  for (const field of spec.texts ?? []) {
    cases.push({ name: `100 kB in ${field}`, form: { ...spec.base, [field]: HUGE }, status });
  }
  return cases;
}

test.describe.configure({ mode: "parallel" });

test.afterAll(() => {
  database?.close();
  database = undefined;
});

test("the table covers every route module in app/routes/", async () => {
  const modules = fs.readdirSync("app/routes").filter((f) => /\.(tsx?|jsx?)$/.test(f)).sort();
  expect(ROUTES.map((r) => r.module).sort()).toEqual(modules);
});

/*
 * One GET test and one POST test per route module (the fixtures give every test
 * of a worker its own client address from a small pool: few, fuller tests).
 */
function describeGet(expected: GetOutcome): string {
  return expected === "connexion" ? "/connexion" : typeof expected === "object" ? `a redirect to ${expected.to.source}` : String(expected);
}

for (const route of ROUTES) {
  const params = route.params ?? {};
  const validPath = fill(route.path, params);
  const gets = Object.entries(route.get) as [Who, GetOutcome][];
  const malformed = [
    ...(route.ids ?? []).flatMap((p) => MALFORMED_IDS.map((v) => fill(route.path, { ...params, [p]: segment(v) }))),
    ...(route.slugs ?? []).flatMap((p) => UNKNOWN_SLUGS.map((v) => fill(route.path, { ...params, [p]: segment(v) }))),
  ];

  test(`${route.module} GET ${route.path}: ${gets.map(([who, e]) => `${who} gets ${describeGet(e)}`).join(", ")}${
    malformed.length ? `; ${malformed.length} malformed ids or unknown slugs get 404 (or /connexion for a visitor)` : ""
  }; never a 5xx`, async ({ playwright, baseURL }) => {
    for (const [who, expected] of gets) {
      const client = await clientFor(who, playwright, baseURL!);
      try {
        await expectGet(client, validPath, expected, who);
        for (const path of malformed) await expectGet(client, path, "malformed", who);
      } finally {
        await client.dispose();
      }
    }
  });

  const post = route.post;
  if (!post) continue;
  const cases = genericCases(post);
  const extras = post.extra ?? [];
  const visitorOutcome = post.visitor === "connexion" ? "are sent to /connexion" : `get ${post.visitor}`;
  const signedInPart = post.as.length
    ? `; as ${post.as.join(", ")}: ${cases.length ? `${cases.length} malformed forms get ${JSON.stringify(post.status ?? 400)} in HTML without a stack trace, ` : ""}${route.ids ? "malformed ids get 404, " : ""}`
    : "; ";
  const extraPart = extras.length ? `refused: ${extras.map((c) => `${c.name} (${c.as})`).join(", ")}; ` : "";

  test(`${route.module} POST ${route.path}: a visitor's bad posts ${visitorOutcome}${signedInPart}${extraPart}nothing stored`, async ({
    playwright,
    baseURL,
    newClientAddress,
  }) => {
    // The sign-in and sign-up forms count failures per address: a fresh one for them.
    const visitor = await clientFor("visiteur", playwright, baseURL!, post.visitor === "connexion" ? workerAddress : newClientAddress);
    try {
      for (const c of cases) {
        await expectRefusedPost(visitor, validPath, c.form, post.visitor === "connexion" ? "connexion" : (c.status ?? post.visitor), post.tables, `POST ${validPath} (${c.name}) as visiteur`);
      }
      for (const p of route.ids ?? []) {
        for (const v of MALFORMED_IDS) {
          const path = fill(route.path, { ...params, [p]: segment(v) });
          const response = await visitor.post(path, { form: post.base as Record<string, string>, maxRedirects: 0 });
          expect(response.status(), `POST ${label(path)} as visiteur`).toBeLessThan(500);
          expect([302, 403, 404], `POST ${label(path)} as visiteur`).toContain(response.status());
        }
      }
    } finally {
      await visitor.dispose();
    }

    for (const who of new Set([...post.as, ...extras.map((c) => c.as)])) {
      const client = await clientFor(who, playwright, baseURL!);
      try {
        if (post.as.includes(who)) {
          for (const c of cases) {
            await expectRefusedPost(client, validPath, c.form, c.status, post.tables, `POST ${validPath} (${c.name}) as ${who}`);
          }
          for (const p of route.ids ?? []) {
            for (const v of MALFORMED_IDS) {
              const path = fill(route.path, { ...params, [p]: segment(v) });
              await expectRefusedPost(client, path, post.base, 404, post.tables, `POST ${label(path)} as ${who}`);
            }
          }
        }
        for (const c of extras.filter((e) => e.as === who)) {
          const path = c.path ?? validPath;
          await expectRefusedPost(client, path, c.form, c.status, post.tables, `POST ${path} (${c.name}) as ${who}`);
        }
      } finally {
        await client.dispose();
      }
    }
  });
}

/**
 * The person's side of a refusal: for one bad field per form, the page says
 * what is wrong in French right at that field (its "…-<field>-error" element),
 * and every other value typed is still in the form.
 */
const FIELD_MESSAGES: { who: Who; path: string; form: Record<string, string>; field: string }[] = [
  { who: "visiteur", path: "/inscription", form: { email: "pas-une-adresse", displayName: "Camille Robuste", password: "cigale-marais-brouette-2026", commune: "Saint-Jean-d'Angély (17400)", roles: "porteur" }, field: "email" },
  { who: "porteur", path: "/projets/nouveau", form: { title: "Projet robuste", pitch: "Un résumé de plus de dix caractères.", kind: "entreprise", legalForm: "sas", commune: "Saint-Jean-d'Angély (17400)", jobsExpected: "douze" }, field: "jobsExpected" },
  { who: "porteur", path: "/projets/1/besoins/nouveau", form: { priority: "haute", hoursPerMonth: "beaucoup", expectation: "Une aide sur la comptabilité" }, field: "hoursPerMonth" },
  { who: "porteur", path: "/projets/1/financement", form: { amount: "mille", kind: "don" }, field: "amount" },
  { who: "benevole", path: "/benevoles/profil", form: { commune: "Saint-Jean-d'Angély (17400)", radiusKm: "loin", hoursPerMonth: "4", bio: "Comptable retraitée" }, field: "radiusKm" },
  { who: "benevole", path: "/accompagnements/1", form: { intent: "session", heldOn: "2026-01-01", durationMinutes: "une heure", topic: "Point budget", notes: "Notes de la rencontre" }, field: "durationMinutes" },
  { who: "epargnant", path: "/projets/3/soutenir", form: { amount: "douze", kind: "don", message: "Courage à vous" }, field: "amount" },
  { who: "epargnant", path: "/cagnotte/vals-de-saintonge", form: { intent: "donate", amount: "dix", donorName: "Camille", message: "Pour le pôle" }, field: "amount" },
  { who: "epargnant", path: "/tontines", form: { intent: "create", name: "Tontine robuste", territoryId: "1", contribution: "douze", startsOn: "2027-01-01", description: "Ma présentation" }, field: "contribution" },
  { who: "epargnant", path: "/clubs", form: { name: "Club robuste", territoryId: "1", ticketMin: "100", ticketMax: "1000", quorumPct: "cinquante", maxStakePct: "10", description: "Présentation du club" }, field: "quorumPct" },
  { who: "epargnant", path: "/clubs/2/parametres", form: { quorumPct: "50", maxStakePct: "beaucoup", ticketMin: "100", ticketMax: "1000", description: "Présentation du club" }, field: "maxStakePct" },
  { who: "epargnant", path: "/clubs/2/tresorerie", form: { kind: "cotisation", amount: "abc", memberUserId: "6", occurredOn: "2026-01-01", note: "Ma note" }, field: "amount" },
  { who: "epargnant", path: "/clubs/2/membres", form: { intent: "add-meeting", date: "demain", time: "18:00", place: "Salle des fêtes", agenda: "Ordre du jour" }, field: "date" },
];

function htmlEscaped(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
}

test(`${FIELD_MESSAGES.length} forms: a bad field gets 400 and a French message at that field, and what was typed is kept`, async ({ playwright, baseURL, newClientAddress }) => {
  const clients = new Map<Who, APIRequestContext>();
  try {
    for (const { who, path, form, field } of FIELD_MESSAGES) {
      let client = clients.get(who);
      if (!client) {
        client = await clientFor(who, playwright, baseURL!, who === "visiteur" ? newClientAddress : workerAddress);
        clients.set(who, client);
      }
      const what = `POST ${path} with a bad ${field} as ${who}`;
      const response = await client.post(path, { form, maxRedirects: 0 });
      expect(response.status(), what).toBe(400);
      const html = (await response.text()).replace(/<script\b[\s\S]*?<\/script>/gi, " ");
      const message = new RegExp(`id="[\\w-]*-${field}-error"[^>]*>([^<]+)<`).exec(html)?.[1]?.trim();
      expect(message, `${what}: a message at the field`).toBeTruthy();
      expect(message, `${what}: in French`).toMatch(/[a-zàâçéèêëîïôûù]{2,}.*\s/);
      expect(message, `${what}: not a library's English`).not.toMatch(/\b(Invalid|Expected|Required|received)\b/);
      for (const [name, value] of Object.entries(form)) {
        if (name === "intent" || name === "password" || name === "territoryId" || name === "memberUserId" || name === "kind") continue;
        expect(html, `${what}: keeps ${name}`).toContain(htmlEscaped(value));
      }
    }
  } finally {
    await Promise.all([...clients.values()].map((c) => c.dispose()));
  }
});

/** Route modules that export an action (read from the source, so the list cannot go stale). */
function modulesWithAction(): Set<string> {
  return new Set(
    fs.readdirSync("app/routes").filter((f) => /export (async )?function action\b/.test(fs.readFileSync(`app/routes/${f}`, "utf8"))),
  );
}

test("POST to every page without a form gets 405 with the French error page, as a visitor and signed in", async ({
  playwright,
  baseURL,
}) => {
  const withAction = modulesWithAction();
  const pages = ROUTES.filter((r) => !withAction.has(r.module));
  expect(pages.length).toBeGreaterThan(5);
  for (const who of ["visiteur", "porteur"] as const) {
    const client = await clientFor(who, playwright, baseURL!);
    try {
      for (const route of pages) {
        const path = fill(route.path, route.params ?? {});
        const response = await client.post(path, { form: { intent: "pirater" }, maxRedirects: 0 });
        const what = `POST ${path} (${route.module}) as ${who}`;
        expect(response.status(), what).toBe(405);
        // api.communes is the one JSON endpoint; every page answers with HTML.
        if (route.module !== "api.communes.ts") await expectCleanHtml(response, what);
      }
    } finally {
      await client.dispose();
    }
  }
});

test("POST to every form from a foreign Origin gets 403 and stores nothing, even signed in", async ({ playwright, baseURL }) => {
  const withAction = modulesWithAction();
  const client = await clientFor("epargnant", playwright, baseURL!);
  try {
    for (const route of ROUTES.filter((r) => withAction.has(r.module))) {
      const path = fill(route.path, route.params ?? {});
      const tables = route.post?.tables ?? ["sessions"];
      const before = countRows(tables);
      const response = await client.post(path, {
        form: (route.post?.base ?? {}) as Record<string, string>,
        headers: { Origin: "https://evil.example" },
        maxRedirects: 0,
      });
      expect(response.status(), `POST ${path} from a foreign Origin`).toBe(403);
      expect(countRows(tables), `POST ${path} from a foreign Origin: nothing stored`).toEqual(before);
    }
  } finally {
    await client.dispose();
  }
});

test("unknown URLs under every kind of route get the French 404 page, never a 5xx", async ({ request }) => {
  for (const path of ["/inconnu", "/projets/1/inconnu", "/clubs/2/inconnu", "/clubs/2/votes", "/poles/vals-de-saintonge/x", "/%00", "/projets/%ZZ"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), `GET ${path}`).toBeLessThan(500);
    expect([400, 404], `GET ${path}`).toContain(response.status());
    await expectCleanHtml(response, `GET ${path}`);
  }
});

/**
 * Sends a POST whose body is only partly written when the answer comes back
 * (as a browser still uploading a long form), then the rest, then a GET on the
 * same connection: the statuses read, or the socket error met.
 */
async function postSlowlyThenGet(baseURL: string, path: string, headers: Record<string, string>): Promise<string[]> {
  const net = await import("node:net");
  const url = new URL(baseURL);
  const body = `intent=x&texte=${"x".repeat(200 * 1024)}`;
  return new Promise((resolve) => {
    const socket = net.connect(Number(url.port), url.hostname);
    let received = "";
    const statuses = () => [...received.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => m[1]!);
    socket.on("data", (chunk) => (received += chunk.toString("latin1")));
    socket.on("error", (error: NodeJS.ErrnoException) => resolve([...statuses(), error.code ?? "error"]));
    socket.on("close", () => resolve(statuses()));
    const extra = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join("");
    socket.write(
      `POST ${path} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/x-www-form-urlencoded\r\n${extra}Content-Length: ${body.length}\r\n\r\n${body.slice(0, 1000)}`,
    );
    const waitForAnswer = setInterval(() => {
      if (!received.includes("\r\n\r\n")) return;
      clearInterval(waitForAnswer);
      socket.write(body.slice(1000), () => {
        socket.write(`GET /poles HTTP/1.1\r\nHost: ${url.host}\r\nConnection: close\r\n\r\n`);
      });
    }, 20);
  });
}

test("a POST answered before its 200 kB body is read (visitor sent to /connexion, foreign Origin refused) keeps the connection usable instead of resetting it", async ({ baseURL }) => {
  expect(await postSlowlyThenGet(baseURL!, "/projets/nouveau", { "X-Forwarded-For": workerAddress() })).toEqual(["302", "200"]);
  expect(await postSlowlyThenGet(baseURL!, "/inscription", { "X-Forwarded-For": workerAddress(), Origin: "https://evil.example" })).toEqual(["403", "200"]);
});

test("a POST over 1 MB gets 413 with a French page before any form reads it, nothing stored", async ({ playwright, baseURL }) => {
  const client = await clientFor("epargnant", playwright, baseURL!);
  try {
    const before = countRows(["tontines"]);
    const response = await client.post("/tontines", {
      data: formBody({ intent: "create", name: "Tontine", description: "x".repeat(2 * 1024 * 1024) }),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(413);
    await expectCleanHtml(response, "POST /tontines of 2 MB");
    expect(visibleText(await response.text())).toContain("dépasse 1 Mo");
    expect(countRows(["tontines"])).toEqual(before);
  } finally {
    await client.dispose();
  }
});

test("POST /deconnexion from a foreign Origin is refused with 403 and the session survives", async ({ playwright, baseURL }) => {
  const client = await clientFor("porteur", playwright, baseURL!);
  try {
    const response = await client.post("/deconnexion", { headers: { Origin: "https://evil.example" }, maxRedirects: 0 });
    expect(response.status()).toBe(403);
    expect((await client.get("/espace", { maxRedirects: 0 })).status()).toBe(200);
  } finally {
    await client.dispose();
  }
});
