/**
 * The permission table: for every route module (named after its file in
 * app/routes/) and every action intent, who may do it and on which objects.
 * `authorize()` refuses whatever the table does not list (default deny), and
 * app/guards/authorization.test.ts fails when a route module has no entry.
 *
 * A form without an `intent` field means the route's only action, or `submit`
 * where the route has several.
 * Scopes (see app/domain/permissions.ts): `any` every object the person may
 * see, `own` the person's own, `pole` objects of a pôle they animate,
 * `member` a club they belong to (with an office when `office` is named).
 */
import type { Rule } from "~/domain/permissions";

export type RouteRules = {
  loader?: Rule;
  actions?: Readonly<Record<string, Rule>>;
};

const everyone = { who: ["everyone"], scope: "any" } as const satisfies Rule;
const visitors = { who: ["visitor"], scope: "any" } as const satisfies Rule;
const signedIn = { who: ["user"], scope: "any" } as const satisfies Rule;
const ownAccount = { who: ["user"], scope: "own", on: "account" } as const satisfies Rule;

const projectHolder = {
  who: ["user"],
  on: "project",
  scope: "own",
  refusal: "Seule la personne qui porte ce projet peut le modifier.",
} as const satisfies Rule;

const mentorshipParty = {
  who: ["user"],
  on: "mentorship",
  scope: "own",
  refusal: "Seules les deux personnes de l'accompagnement peuvent faire cela.",
} as const satisfies Rule;

const clubMember = {
  who: ["user"],
  on: "club",
  scope: "member",
  refusal: "Cette page est réservée aux membres actifs du club.",
} as const satisfies Rule;

const platformAdmin = {
  who: ["admin"],
  scope: "any",
  refusal: "Cette page est réservée à l'administration de la plateforme.",
} as const satisfies Rule;

const poleAnimation = {
  who: ["animateur"],
  on: "pole",
  scope: "pole",
  refusal: "Vous ne faites pas partie de l'équipe d'animation de ce pôle.",
} as const satisfies Rule;

/** An organisation's page is edited by its confirmed representatives and by the animation team of one of its pôles. */
const organisationEditor = {
  who: ["user"],
  on: "organisation",
  scope: ["own", "pole"],
  refusal: "Seuls les représentants confirmés de l'organisation et l'équipe d'animation de ses pôles peuvent la modifier.",
} as const satisfies Rule;

const needTeam = { ...poleAnimation, refusal: "Seule l'équipe d'animation du pôle qualifie les besoins de son territoire." } as const satisfies Rule;
/** A shared resource is changed by the person who lends it, its organisation's confirmed representatives and its pôle's team. */
const resourceManager = {
  who: ["user"],
  on: "resource",
  scope: ["own", "pole"],
  refusal: "Seuls la personne qui prête cette ressource, les représentants de son organisation et l'équipe d'animation du pôle la modifient.",
} as const satisfies Rule;

const articleAuthor = {
  who: ["user"],
  on: "article",
  scope: "own",
  refusal: "Seule la personne qui a écrit cet article peut le modifier.",
} as const satisfies Rule;

const bulletinTeam = { ...poleAnimation, refusal: "Seule l'équipe d'animation du pôle publie son bulletin." } as const satisfies Rule;

export const PERMISSIONS = {
  _index: { loader: everyone },
  "api.communes": { loader: everyone },
  // Open data (/donnees): public objects only, for anyone, signed in or not.
  "donnees._index": { loader: everyone },
  "donnees.maillon[.zip]": { loader: everyone },
  "donnees.poles.$slug[.zip]": { loader: everyone },
  "api.v1.openapi[.json]": { loader: everyone },
  "api.v1.poles": { loader: everyone },
  "api.v1.organisations": { loader: everyone },
  "api.v1.projects": { loader: everyone },
  "api.v1.events": { loader: everyone },
  "api.v1.resources": { loader: everyone },
  "api.v1.unmet-needs": { loader: everyone },
  "api.v1.communes": { loader: everyone },
  "api.v1.indicators": { loader: everyone },
  "api.v1.indicator-values": { loader: everyone },
  accompagner: { loader: everyone },
  creer: { loader: everyone },
  financer: { loader: everyone },
  "poles._index": { loader: everyone },
  // Impact: public figures; the pôle's animation team chooses its indicators and enters the figures Maillon cannot compute.
  impact: { loader: everyone },
  "impact[.csv]": { loader: everyone },
  "poles.$slug_.impact": { loader: everyone },
  "poles.$slug_.impact[.csv]": { loader: everyone },
  // What the site says of itself: who publishes it, what it keeps, how accessible it is.
  "mentions-legales": { loader: everyone },
  confidentialite: { loader: everyone },
  accessibilite: { loader: everyone },
  "poles.$slug": { loader: everyone },
  "poles.$slug_.charte": {
    loader: everyone,
    actions: {
      join: signedIn,
      accept: signedIn,
      leave: signedIn,
      publish: { ...poleAnimation, refusal: "Seule l'équipe d'animation du pôle publie sa charte." },
    },
  },
  "poles.$slug_.modifier": {
    loader: poleAnimation,
    actions: {
      presentation: { ...poleAnimation, refusal: "Seule l'équipe d'animation du pôle modifie sa page." },
      axis: { ...poleAnimation, refusal: "Seule l'équipe d'animation du pôle modifie ses axes." },
      "remove-axis": { ...poleAnimation, refusal: "Seule l'équipe d'animation du pôle modifie ses axes." },
    },
  },
  "poles.$slug_.groupes._index": {
    loader: everyone,
    actions: { create: { ...poleAnimation, refusal: "Seule l'équipe d'animation du pôle crée ses groupes de travail." } },
  },
  "poles.$slug_.groupes.$groupSlug": {
    loader: everyone,
    actions: {
      // Members of the pôle only: the model refuses the others with a French message.
      join: signedIn,
      leave: signedIn,
      // The group's coordinator or the pôle's animation team: the model checks which (app/domain/pole-membership.ts).
      answer: signedIn,
      edit: { ...poleAnimation, refusal: "Seule l'équipe d'animation du pôle modifie ses groupes de travail." },
    },
  },
  // Internal decisions are shown only to the pôle's members and animation team (app/models/governance.server.ts).
  "poles.$slug_.gouvernance": { loader: everyone },
  // The agenda: members-only events are shown (and 404 to others) only to the pôle's members and team.
  // Who organises (the pôle's team, or a working group's coordinator for its events) is checked by
  // app/models/event.server.ts with app/domain/agenda.ts, for pages and actions alike.
  "agenda._index": { loader: everyone, actions: { "renew-feed": ownAccount } },
  "agenda.nouveau": { loader: signedIn, actions: { submit: signedIn } },
  "agenda.$id._index": { loader: everyone, actions: { register: signedIn, unregister: signedIn, attendance: signedIn } },
  "agenda.$id.modifier": { loader: signedIn, actions: { save: signedIn, "cancel-event": signedIn } },
  "agenda.$id.inscrits[.csv]": { loader: signedIn },
  "agenda.$id[.ics]": { loader: everyone },
  // The secret token is the proof: calendar apps fetch it without a session.
  "agenda.flux.$token[.ics]": { loader: everyone },
  "poles.$slug_.agenda[.ics]": { loader: everyone },

  // Member organisations: a public directory; an organisation waiting for its first pôle is seen only by those concerned.
  "organisations._index": { loader: everyone },
  "organisations.nouvelle": { loader: signedIn, actions: { submit: signedIn } },
  "organisations.$slug._index": { loader: everyone, actions: { represent: signedIn } },
  "organisations.$slug.modifier": { loader: organisationEditor, actions: { submit: organisationEditor, "join-pole": organisationEditor } },

  // Unmet needs of the territory: anyone signed in posts, supports and comments; the pôle's team qualifies and links answers.
  "besoins._index": { loader: everyone },
  "besoins.nouveau": { loader: signedIn, actions: { submit: signedIn } },
  "besoins.$id": {
    loader: everyone,
    actions: {
      support: signedIn,
      comment: signedIn,
      qualify: needTeam,
      draft: needTeam,
      "link-project": needTeam,
      "link-group": needTeam,
      unlink: needTeam,
    },
  },
  // Shared resources of the pôles: offered by members, booked by members (app/models/resource-booking.server.ts checks
  // membership, and who answers: the owner, the organisation's representatives or the pôle's team).
  "ressources._index": { loader: everyone },
  "ressources.proposer": { loader: signedIn, actions: { submit: signedIn } },
  "ressources.reservations": { loader: signedIn, actions: { answer: signedIn, cancel: signedIn } },
  "ressources.$id._index": { loader: everyone, actions: { request: signedIn } },
  "ressources.$id.modifier": { loader: resourceManager, actions: { submit: resourceManager } },

  connexion: { loader: visitors, actions: { submit: everyone } },
  inscription: { loader: visitors, actions: { submit: visitors } },
  // Links sent by e-mail: the token is the proof, whoever opens it (app/models/account.server.ts).
  "inscription_.$token": { loader: everyone, actions: { submit: everyone } },
  "mot-de-passe-oublie._index": { loader: everyone, actions: { submit: everyone } },
  "mot-de-passe-oublie.$token": { loader: everyone, actions: { submit: everyone } },
  "compte_.adresse.$token": { loader: everyone, actions: { submit: everyone } },
  deconnexion: { loader: everyone, actions: { submit: everyone } },
  langue: { loader: everyone, actions: { submit: everyone } },
  compte: {
    loader: ownAccount,
    actions: { roles: ownAccount, password: ownAccount, "sign-out-session": ownAccount, "sign-out-others": ownAccount, email: ownAccount },
  },
  espace: { loader: ownAccount },
  notifications: { loader: ownAccount, actions: { open: ownAccount, "read-all": ownAccount } },
  "compte_.notifications": { loader: ownAccount, actions: { submit: ownAccount } },
  "compte_.donnees": { loader: ownAccount, actions: { submit: ownAccount } },
  "compte_.donnees[.json]": { loader: ownAccount },
  "desabonnement.$token": { loader: everyone, actions: { submit: everyone } },

  // The public showcase; a signed-in person also finds their own projects and partners near them.
  "projets._index": { loader: everyone },
  "projets.nouveau": { loader: { who: ["porteur"], scope: "any" }, actions: { submit: { who: ["porteur"], scope: "any" } } },
  "projets.$id._index": {
    // Drafts are hidden from all but their holder, their pôle's animation team and admins (app/domain/project.ts).
    loader: everyone,
    actions: {
      publish: { ...projectHolder, refusal: "Seule la personne qui porte ce projet peut faire cela." },
      close: { ...projectHolder, refusal: "Seule la personne qui porte ce projet peut faire cela." },
      request: { ...projectHolder, refusal: "Seule la personne qui porte ce projet peut faire cela." },
      offer: { who: ["benevole"], scope: "any" },
      // Anyone signed in proposes to join a project that seeks partners (the model refuses its holder).
      propose: signedIn,
      // When its holder leaves or can no longer carry it, the pôle's team hands the project over.
      handOver: {
        who: ["animateur"],
        on: "project",
        scope: "pole",
        refusal: "Seule l'équipe d'animation du pôle confie un projet à une autre personne.",
      },
    },
  },
  "projets.$id.modifier": { loader: projectHolder, actions: { submit: projectHolder } },
  // « M'associer avec d'autres »: the holder says what the project brings and seeks, and answers proposals.
  "projets.$id.associes": { loader: projectHolder, actions: { save: projectHolder, answer: projectHolder } },
  "projets.$id.besoins.nouveau": { loader: projectHolder, actions: { save: projectHolder } },
  "projets.$id.besoins.$needId": { loader: projectHolder, actions: { save: projectHolder, remove: projectHolder } },
  // The follow-ups of a launched activity (6, 12 and 36 months): the holder answers.
  "projets.$id.suivi": { loader: projectHolder, actions: { launch: projectHolder, answer: projectHolder } },
  "projets.$id.financement": { loader: projectHolder, actions: { save: projectHolder, remove: projectHolder } },
  "projets.$id.soutenir": {
    loader: signedIn,
    actions: {
      submit: { who: ["epargnant"], scope: "any" },
      "cancel-pledge": { who: ["user"], scope: "own", on: "pledge", refusal: "Promesse introuvable." },
    },
  },

  "benevoles._index": { loader: { who: ["benevole"], scope: "own", on: "account" } },
  "benevoles.profil": { loader: { who: ["benevole"], scope: "own", on: "account" }, actions: { submit: { who: ["benevole"], scope: "own", on: "account" } } },
  "benevoles.projets": { loader: { who: ["benevole"], scope: "own", on: "account" }, actions: { submit: { who: ["benevole"], scope: "any" } } },
  "accompagnements.$id": {
    // The animation team of the project's pôle reads the mentorship; only its two parties act on it.
    loader: { who: ["user"], scope: ["own", "pole"], on: "mentorship" },
    actions: {
      respond: mentorshipParty,
      cancel: mentorshipParty,
      session: mentorshipParty,
      end: mentorshipParty,
      feedback: mentorshipParty,
      // Which party: the mentor writes an endorsement, the holder decides its publication
      // (app/models/endorsement.server.ts checks it, with a French refusal for the other side).
      endorse: mentorshipParty,
      "decide-endorsement": mentorshipParty,
    },
  },

  "admin.courriels": { loader: platformAdmin, actions: { retry: platformAdmin } },
  "animation._index": { loader: poleAnimation, actions: { submit: poleAnimation } },
  "animation.impact": {
    loader: poleAnimation,
    actions: {
      save: { ...poleAnimation, refusal: "Seule l'équipe d'animation du pôle choisit ses indicateurs." },
      value: { ...poleAnimation, refusal: "Seule l'équipe d'animation du pôle saisit ses chiffres." },
      remove: { ...poleAnimation, refusal: "Seule l'équipe d'animation du pôle choisit ses indicateurs." },
    },
  },
  "animation.ponderations": { loader: poleAnimation, actions: { submit: poleAnimation, reset: poleAnimation } },
  "animation.organisations": {
    loader: poleAnimation,
    actions: {
      "confirm-pole": poleAnimation,
      "decline-pole": poleAnimation,
      "confirm-representative": poleAnimation,
      "decline-representative": poleAnimation,
    },
  },
  "animation.gouvernance": {
    loader: poleAnimation,
    actions: {
      "add-body": poleAnimation,
      "edit-body": poleAnimation,
      "add-mandate": poleAnimation,
      "end-mandate": poleAnimation,
      "add-decision": poleAnimation,
    },
  },
  // The bulletin: members of a pôle propose articles (the model checks membership), its team publishes them.
  "bulletin._index": { loader: everyone },
  "bulletin.proposer": { loader: signedIn, actions: { submit: signedIn } },
  // Published articles are public; before that, only their author and the pôle's team (app/domain/bulletin.ts).
  "bulletin.$id._index": { loader: everyone },
  "bulletin.$id.modifier": { loader: articleAuthor, actions: { submit: articleAuthor } },
  "bulletin.moderation": {
    loader: bulletinTeam,
    actions: { publish: bulletinTeam, "request-changes": bulletinTeam, refuse: bulletinTeam },
  },
  "poles.$slug_.bulletin": { loader: everyone },
  "poles.$slug_.bulletin[.]rss": { loader: everyone },
  "poles.$slug_.bulletin[.]atom": { loader: everyone },
  // Images are public: their article decides who sees the page that shows them.
  "images.$id": { loader: everyone },
  "cagnotte.$slug": {
    loader: everyone,
    actions: {
      donate: signedIn,
      allocate: { ...poleAnimation, refusal: "Seule l'équipe d'animation du pôle gère la cagnotte." },
      "set-goal": { ...poleAnimation, refusal: "Seule l'équipe d'animation du pôle gère la cagnotte." },
    },
  },

  "clubs._index": { loader: everyone, actions: { submit: { who: ["epargnant"], scope: "any" } } },
  "clubs.$id._index": {
    loader: everyone,
    actions: {
      "request-to-join": { who: ["epargnant"], scope: "any" },
      // The invitation is the person's own: the model refuses anyone not invited.
      "accept-invitation": { who: ["user"], scope: "own", on: "invitation" },
      "decline-invitation": { who: ["user"], scope: "own", on: "invitation" },
      lifecycle: { ...clubMember, office: "changeLifecycle", refusal: "Seul le gérant du club fait changer le club d'étape." },
    },
  },
  "clubs.$id.membres": {
    loader: clubMember,
    actions: {
      "set-savings": clubMember,
      leave: clubMember,
      invite: { ...clubMember, office: "manageMembers", refusal: "Seul le gérant invite de nouveaux membres." },
      "accept-request": { ...clubMember, office: "manageMembers", refusal: "Seul le gérant répond aux demandes." },
      "decline-request": { ...clubMember, office: "manageMembers", refusal: "Seul le gérant répond aux demandes." },
      "set-officer": { ...clubMember, office: "manageMembers", refusal: "Seul le gérant nomme les responsables du club." },
      "add-meeting": { ...clubMember, office: "scheduleMeetings", refusal: "Seuls le gérant et le secrétaire planifient les réunions." },
    },
  },
  "clubs.$id.parametres": {
    loader: { ...clubMember, office: "manageMembers", refusal: "Seul le gérant du club modifie ses paramètres." },
    actions: { submit: { ...clubMember, office: "manageMembers", refusal: "Seul le gérant du club modifie ses paramètres." } },
  },
  "clubs.$id.tresorerie": {
    loader: clubMember,
    actions: {
      submit: { ...clubMember, office: "recordLedger", refusal: "Seuls le trésorier et le gérant inscrivent les mouvements du club." },
    },
  },
  "clubs.$id.projets": {
    loader: clubMember,
    actions: {
      follow: { ...clubMember, office: "studyDeals" },
      study: { ...clubMember, office: "studyDeals" },
      "open-vote": { ...clubMember, office: "openVotes", refusal: "Seul le gérant du club ouvre un vote." },
      drop: { ...clubMember, office: "openVotes", refusal: "Seul le gérant décide de ne pas donner suite." },
      "set-accompanying": { ...clubMember, office: "openVotes", refusal: "Seul le gérant nomme les membres accompagnateurs." },
    },
  },
  "clubs.$id.votes.$voteId": {
    loader: clubMember,
    actions: {
      submit: clubMember,
      close: { ...clubMember, office: "openVotes", refusal: "Seul le gérant clôt un vote." },
    },
  },

  "tontines._index": { loader: signedIn, actions: { create: signedIn } },
  "tontines.$id": { loader: signedIn, actions: { submit: signedIn } },
} as const satisfies Record<string, RouteRules>;

export type RouteId = keyof typeof PERMISSIONS;

/** The intent a form names; when it names none, the route's only action, or `submit`. */
export function intentOf(form: FormData, rules: RouteRules): string {
  const intent = form.get("intent");
  if (typeof intent === "string" && intent !== "") return intent;
  const intents = Object.keys(rules.actions ?? {});
  return intents.length === 1 ? intents[0]! : "submit";
}
