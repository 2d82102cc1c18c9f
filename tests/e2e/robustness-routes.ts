/**
 * The table the robustness tests are generated from (robustness.spec.ts): one
 * entry per route module of app/routes/, saying which paths it serves, which of
 * their parameters are ids or slugs, what each kind of person gets on GET, and
 * for its forms: a plausible form that the generic cases corrupt (with the
 * fields that hold numbers or free text), the form with one bad field whose
 * French message and kept values are checked, and the refusals that no generic
 * case can express (someone else's object, a forbidden intent, an id of
 * another club…).
 *
 * Demo objects (seeds/demo.ts): project 1 (published) and 2 (draft) belong to
 * porteur@, project 3 (published) and 6 (draft) to others; skill needs 1-2 are
 * project 1's, 5 is project 3's; club 2 is the épargnant's (gérant), club 1 is
 * not; vote 4 is club 2's, vote 1 club 1's; mentorship 1 pairs porteur@ and
 * benevole@, mentorship 3 neither; tontine 1 has none of the demo accounts.
 */

export type Who = "visiteur" | "porteur" | "benevole" | "epargnant" | "animation" | "admin";
export type SignedIn = Exclude<Who, "visiteur">;
export type Form = Record<string, string | string[]>;

/** The demo account each kind of person signs in with (password DEMO_PASSWORD). */
export const ACCOUNTS: Record<SignedIn, string> = {
  porteur: "porteur@exemple.fr",
  benevole: "benevole@exemple.fr",
  epargnant: "epargnant@exemple.fr", // gérant of club 2 « Cigale des Vals »
  animation: "animation.saintonge@exemple.fr", // animates vals-de-saintonge only
  admin: "admin@exemple.fr",
};

/** Sent in place of every id parameter, then of every slug parameter. */
export const MALFORMED_IDS = ["abc", "-1", "0", "1.5", "99999999", "%00", "x".repeat(300)];
export const UNKNOWN_SLUGS = ["pole-inconnu", "%00", "x".repeat(300)];
/** Sent in every free-text field, and in one refusal. */
export const HUGE = "x".repeat(100 * 1024);
/** Any refusal that names the problem: bad input, not yours, not found, not possible now. */
export const REFUSED = [400, 403, 404, 409];

/** What a GET answers: a status, a redirect to sign-in, or a redirect elsewhere on the site. */
export type GetOutcome = 200 | 403 | 404 | "connexion" | { to: RegExp };

/** A POST the route must refuse, stating the behaviour, e.g. "someone else's project". */
export type Refusal = {
  name: string;
  as: SignedIn;
  form: Form;
  /** Allowed statuses; the default is 400. */
  status?: number | number[];
  /** Another path than the route's own (another person's object). */
  path?: string;
};

export type PostSpec = {
  /** Tables whose row counts must not change after a refused POST. */
  tables: string[];
  /** Who posts the corrupted forms; a visitor always does. */
  as: SignedIn[];
  /** A visitor's POST: "connexion" (sign-in required) or a status. */
  visitor: "connexion" | number;
  /** A plausible form (right field names, one value already wrong) that the generic cases corrupt. */
  form: Form;
  /** Fields holding numbers (text and a negative number are sent in them). */
  numbers?: string[];
  /** Fields holding free text (100 kB is sent in them). */
  texts?: string[];
  /** Status of the generic refusals for this route when not 400. */
  status?: number | number[];
  /** No "no body"/"unknown intent" case: an empty POST is a legitimate action here. */
  emptyIsValid?: boolean;
  /** One bad field: 400, a French message at that field, every other typed value kept. */
  fieldMessage?: { as: Who; field: string; form: Record<string, string> };
  /** What no generic case expresses: other people's objects, forbidden intents. */
  refusals?: Refusal[];
};

export type RouteSpec = {
  /** The module in app/routes/. */
  module: string;
  /** Path with {param} placeholders. */
  path: string;
  /** A valid value for each placeholder (a demo object). */
  params?: Record<string, string>;
  /** Which params are numeric ids (malformed ids are sent) and which are slugs (unknown slugs). */
  ids?: string[];
  slugs?: string[];
  /** GET answers for each kind of person (omitted = not exercised). */
  get: Partial<Record<Who, GetOutcome>>;
  post?: PostSpec;
};

export const ROUTES: RouteSpec[] = [

  // The pôle's life. Demo: events 1-6 (2 members-only, 4 past), articles 1-3 and 5 published, 4 sent back to
  // benevole@, 6 waiting; resources 1-7 (2 and 4 are benevole@'s); unmet needs 1-7. Their forms are covered by
  // app/route-tests/{agenda,bulletin,resources,unmet-needs}.test.ts; here, what every GET answers.
  { module: "agenda._index.tsx", path: "/agenda", get: { visiteur: 200, porteur: 200 } },
  { module: "agenda.nouveau.tsx", path: "/agenda/nouveau", get: { visiteur: "connexion", animation: 200 } },
  { module: "agenda.$id._index.tsx", path: "/agenda/{id}", params: { id: "1" }, ids: ["id"], get: { visiteur: 200, porteur: 200 } },
  { module: "agenda.$id[.ics].ts", path: "/agenda/{id}.ics", params: { id: "1" }, get: { visiteur: 200 } },
  { module: "agenda.$id.modifier.tsx", path: "/agenda/{id}/modifier", params: { id: "1" }, ids: ["id"], get: { visiteur: "connexion", animation: 200 } },
  { module: "agenda.$id.inscrits[.csv].ts", path: "/agenda/{id}/inscrits.csv", params: { id: "1" }, get: { visiteur: "connexion" } },
  // Machine-read resources answer an unknown token or image with a plain-text 404 (route tests: agenda, bulletin).
  { module: "agenda.flux.$token[.ics].ts", path: "/agenda/flux/{token}.ics", params: { token: "jeton-inconnu" }, get: {} },
  { module: "poles.$slug_.agenda[.ics].ts", path: "/poles/{slug}/agenda.ics", params: { slug: "vals-de-saintonge" }, get: { visiteur: 200 } },
  { module: "bulletin._index.tsx", path: "/bulletin", get: { visiteur: 200, benevole: 200 } },
  { module: "bulletin.proposer.tsx", path: "/bulletin/proposer", get: { visiteur: "connexion", benevole: 200 } },
  { module: "bulletin.moderation.tsx", path: "/bulletin/moderation", get: { visiteur: "connexion", animation: 200 } },
  { module: "bulletin.$id._index.tsx", path: "/bulletin/{id}", params: { id: "1" }, ids: ["id"], get: { visiteur: 200, porteur: 200 } },
  { module: "bulletin.$id.modifier.tsx", path: "/bulletin/{id}/modifier", params: { id: "4" }, ids: ["id"], get: { visiteur: "connexion", benevole: 200 } },
  { module: "poles.$slug_.bulletin.tsx", path: "/poles/{slug}/bulletin", params: { slug: "vals-de-saintonge" }, slugs: ["slug"], get: { visiteur: 200 } },
  { module: "poles.$slug_.bulletin[.]rss.ts", path: "/poles/{slug}/bulletin.rss", params: { slug: "vals-de-saintonge" }, get: { visiteur: 200 } },
  { module: "poles.$slug_.bulletin[.]atom.ts", path: "/poles/{slug}/bulletin.atom", params: { slug: "vals-de-saintonge" }, get: { visiteur: 200 } },
  { module: "images.$id.ts", path: "/images/{id}", params: { id: "99999999" }, get: {} },
  { module: "ressources._index.tsx", path: "/ressources", get: { visiteur: 200, benevole: 200 } },
  { module: "ressources.proposer.tsx", path: "/ressources/proposer", get: { visiteur: "connexion", benevole: 200 } },
  { module: "ressources.reservations.tsx", path: "/ressources/reservations", get: { visiteur: "connexion", benevole: 200 } },
  { module: "ressources.$id._index.tsx", path: "/ressources/{id}", params: { id: "2" }, ids: ["id"], get: { visiteur: 200, porteur: 200 } },
  { module: "ressources.$id.modifier.tsx", path: "/ressources/{id}/modifier", params: { id: "2" }, ids: ["id"], get: { visiteur: "connexion", benevole: 200 } },
  { module: "besoins._index.tsx", path: "/besoins", get: { visiteur: 200, porteur: 200 } },
  { module: "besoins.nouveau.tsx", path: "/besoins/nouveau", get: { visiteur: "connexion", porteur: 200 } },
  { module: "besoins.$id.tsx", path: "/besoins/{id}", params: { id: "1" }, ids: ["id"], get: { visiteur: 200, porteur: 200, animation: 200 } },
  { module: "_index.tsx", path: "/", get: { visiteur: 200, porteur: 200 } },
  { module: "accompagner.tsx", path: "/accompagner", get: { visiteur: 200, benevole: 200 } },
  { module: "creer.tsx", path: "/creer", get: { visiteur: 200, porteur: 200 } },
  { module: "financer.tsx", path: "/financer", get: { visiteur: 200, epargnant: 200 } },
  { module: "poles._index.tsx", path: "/poles", get: { visiteur: 200 } },
  { module: "impact.tsx", path: "/impact", get: { visiteur: 200, porteur: 200 } },
  { module: "impact[.csv].ts", path: "/impact.csv", get: { visiteur: 200 } },
  { module: "poles.$slug_.impact.tsx", path: "/poles/{slug}/impact", params: { slug: "vals-de-saintonge" }, slugs: ["slug"], get: { visiteur: 200, animation: 200 } },
  { module: "poles.$slug_.impact[.csv].ts", path: "/poles/{slug}/impact.csv", params: { slug: "vals-de-saintonge" }, get: { visiteur: 200 } },
  {
    module: "poles.$slug.tsx",
    path: "/poles/{slug}",
    params: { slug: "vals-de-saintonge" },
    slugs: ["slug"],
    get: { visiteur: 200, porteur: 200 },
  },
  {
    module: "poles.$slug_.charte.tsx",
    path: "/poles/{slug}/charte",
    params: { slug: "vals-de-saintonge" },
    slugs: ["slug"],
    get: { visiteur: 200, porteur: 200, animation: 200 },
    post: {
      tables: ["charter_versions", "charter_acceptances", "pole_members"],
      as: ["animation"],
      visitor: "connexion",
      form: { intent: "publish", body: "trop court", changeNote: "" },
      texts: ["body", "changeNote"],
      status: [400, 403, 409],
      refusals: [
        { as: "porteur", name: "publishing the charter without being on the animation team", form: { intent: "publish", body: "x".repeat(80) }, status: 403 },
        { as: "animation", name: "publishing another pôle's charter", path: "/poles/sambre-avesnois/charte", form: { intent: "publish", body: "x".repeat(80) }, status: 403 },
        { as: "porteur", name: "joining a pôle one is already a member of", form: { intent: "join", version: "2", accept: "on" }, status: 409 },
        { as: "porteur", name: "accepting a version that is not the one in force", form: { intent: "accept", version: "1", accept: "on" }, status: 409 },
      ],
      fieldMessage: { as: "animation", field: "body", form: { intent: "publish", body: "Trop court.", changeNote: "Une note de changement" } },
    },
  },
  {
    module: "poles.$slug_.modifier.tsx",
    path: "/poles/{slug}/modifier",
    params: { slug: "vals-de-saintonge" },
    slugs: ["slug"],
    get: { visiteur: "connexion", porteur: 403, animation: 200 },
    post: {
      tables: ["territories", "territory_axes"],
      as: ["animation"],
      visitor: "connexion",
      form: { intent: "axis", name: "x", description: "", theme: "mobilite" },
      texts: ["name", "description"],
      status: [400, 403, 404],
      refusals: [
        { as: "porteur", name: "editing a pôle's page without being on its animation team", form: { intent: "presentation", description: "x".repeat(60) }, status: 403 },
        { as: "animation", name: "editing another pôle's page", path: "/poles/sambre-avesnois/modifier", form: { intent: "presentation", description: "x".repeat(60) }, status: 403 },
        { as: "animation", name: "removing an axis that holds working groups", form: { intent: "remove-axis", axisId: "5" }, status: 409 },
        { as: "animation", name: "changing an axis that does not exist", form: { intent: "axis", axisId: "99999", name: "Axe", theme: "autre" }, status: 404 },
      ],
      fieldMessage: { as: "animation", field: "website", form: { intent: "presentation", description: "Un pôle qui réunit les acteurs de son territoire pour coopérer.", website: "javascript:alert(1)", phone: "05 46 32 00 00" } },
    },
  },
  {
    module: "poles.$slug_.groupes._index.tsx",
    path: "/poles/{slug}/groupes",
    params: { slug: "vals-de-saintonge" },
    slugs: ["slug"],
    get: { visiteur: 200, animation: 200 },
    post: {
      tables: ["working_groups"],
      as: ["animation"],
      visitor: "connexion",
      form: { intent: "create", axisId: "abc", name: "Nouveau groupe", purpose: "" },
      numbers: ["axisId"],
      texts: ["name", "purpose"],
      status: [400, 403],
      refusals: [
        { as: "porteur", name: "creating a group without being on the animation team", form: { intent: "create", axisId: "1", name: "Groupe" }, status: 403 },
        { as: "animation", name: "creating a group in another pôle", path: "/poles/sambre-avesnois/groupes", form: { intent: "create", axisId: "1", name: "Groupe" }, status: 403 },
        { as: "animation", name: "creating a group under an axis that does not exist", form: { intent: "create", axisId: "99999", name: "Groupe" } },
      ],
      fieldMessage: { as: "animation", field: "name", form: { intent: "create", axisId: "1", name: "x", purpose: "Se retrouver" } },
    },
  },
  {
    module: "poles.$slug_.groupes.$groupSlug.tsx",
    path: "/poles/{slug}/groupes/{groupSlug}",
    params: { slug: "vals-de-saintonge", groupSlug: "ronde-saintongeaise" },
    slugs: ["slug", "groupSlug"],
    get: { visiteur: 200, porteur: 200, benevole: 200, animation: 200 },
    post: {
      tables: ["working_groups", "working_group_members", "working_group_links"],
      as: ["animation"],
      visitor: "connexion",
      form: { intent: "edit", axisId: "abc", purpose: "", links: "" },
      numbers: ["axisId"],
      texts: ["purpose", "links"],
      status: [400, 403, 409],
      refusals: [
        { as: "porteur", name: "editing a group without being on the animation team", form: { intent: "edit", axisId: "1", purpose: "x" }, status: 403 },
        { as: "animation", name: "editing a group of another pôle", path: "/poles/sambre-avesnois/groupes/ronde-saintongeaise", form: { intent: "edit", axisId: "1" }, status: [403, 404] },
        { as: "porteur", name: "answering a request without coordinating the group", form: { intent: "answer", requestId: "1", decision: "accepter" }, status: 403 },
        { as: "benevole", name: "joining a group one coordinates", form: { intent: "join" }, status: 409 },
      ],
      fieldMessage: { as: "animation", field: "links", form: { intent: "edit", axisId: "1", purpose: "Préparer la course", links: "Piège | javascript:alert(1)" } },
    },
  },
  { module: "api.communes.ts", path: "/api/communes?q=saint", get: { visiteur: 200 } },
  // Open data: public, the same for everyone; bad queries answer a French JSON 400 (app/route-tests/open-data.test.ts).
  { module: "donnees._index.tsx", path: "/donnees", get: { visiteur: 200, porteur: 200 } },
  { module: "donnees.maillon[.zip].ts", path: "/donnees/maillon.zip", get: { visiteur: 200 } },
  // Unknown pôles get a plain-text 404, like the other downloads (app/route-tests/open-data.test.ts).
  { module: "donnees.poles.$slug[.zip].ts", path: "/donnees/poles/{slug}.zip", params: { slug: "vals-de-saintonge" }, get: { visiteur: 200 } },
  { module: "api.v1.openapi[.json].ts", path: "/api/v1/openapi.json", get: { visiteur: 200 } },
  { module: "api.v1.poles.ts", path: "/api/v1/poles?page=2&per_page=5", get: { visiteur: 200, porteur: 200 } },
  { module: "api.v1.organisations.ts", path: "/api/v1/organisations?pole=vals-de-saintonge", get: { visiteur: 200 } },
  { module: "api.v1.projects.ts", path: "/api/v1/projects", get: { visiteur: 200 } },
  { module: "api.v1.events.ts", path: "/api/v1/events", get: { visiteur: 200 } },
  { module: "api.v1.resources.ts", path: "/api/v1/resources", get: { visiteur: 200 } },
  { module: "api.v1.unmet-needs.ts", path: "/api/v1/unmet-needs", get: { visiteur: 200 } },
  { module: "api.v1.communes.ts", path: "/api/v1/communes", get: { visiteur: 200 } },
  { module: "api.v1.indicators.ts", path: "/api/v1/indicators", get: { visiteur: 200 } },
  { module: "api.v1.indicator-values.ts", path: "/api/v1/indicator-values?pole=vals-de-saintonge", get: { visiteur: 200 } },
  {
    // Internal decisions are hidden from visitors; the page itself is public.
    module: "poles.$slug_.gouvernance.tsx",
    path: "/poles/{slug}/gouvernance",
    params: { slug: "vals-de-saintonge" },
    slugs: ["slug"],
    get: { visiteur: 200, porteur: 200, animation: 200 },
  },
  { module: "organisations._index.tsx", path: "/organisations?q=cigales&type=association&pole=vals-de-saintonge&departement=17&page=abc", get: { visiteur: 200, porteur: 200 } },
  {
    module: "organisations.nouvelle.tsx",
    path: "/organisations/nouvelle",
    get: { visiteur: "connexion", porteur: 200 },
    post: {
      tables: ["organisations", "organisation_poles", "organisation_representatives"],
      as: ["porteur"],
      visitor: "connexion",
      form: { name: "Association robuste", kind: "association", siret: "abc", nafCode: "88.99B", commune: "Saint-Jean-d'Angély (17400)", territoryId: "1", position: "Présidente", description: "" },
      numbers: ["territoryId"],
      texts: ["name", "siret", "nafCode", "commune", "position", "description"],
      // A SIRET with a wrong Luhn key: the French message at the field, everything typed kept, nothing stored.
      fieldMessage: { as: "porteur", field: "siret", form: { name: "Association robuste", kind: "association", siret: "732 829 320 00075", nafCode: "8899B", commune: "Saint-Jean-d'Angély (17400)", territoryId: "1", position: "Présidente", description: "Notre présentation" } },
    },
  },
  {
    // Demo: epargnant@ is the confirmed treasurer of « Association des Cigales de Saintonge » (Vals de Saintonge).
    module: "organisations.$slug._index.tsx",
    path: "/organisations/{slug}",
    params: { slug: "cigales-de-saintonge" },
    slugs: ["slug"],
    get: { visiteur: 200, porteur: 200 },
    post: {
      tables: ["organisation_representatives"],
      as: ["porteur"],
      visitor: "connexion",
      form: { intent: "represent", position: "x" },
      texts: ["position"],
      refusals: [{ as: "epargnant", name: "asking to represent an organisation one already represents", form: { intent: "represent", position: "Trésorier" }, status: 409 }],
      fieldMessage: { as: "porteur", field: "position", form: { intent: "represent", position: "x" } },
    },
  },
  {
    module: "organisations.$slug.modifier.tsx",
    path: "/organisations/{slug}/modifier",
    params: { slug: "cigales-de-saintonge" },
    slugs: ["slug"],
    get: { visiteur: "connexion", epargnant: 200, animation: 200, admin: 200, porteur: 403, benevole: 403 },
    post: {
      tables: ["organisations", "organisation_poles"],
      as: ["epargnant", "animation"],
      visitor: "connexion",
      form: { name: "Association des Cigales de Saintonge", kind: "association", siret: "abc", nafCode: "94.99Z", commune: "Saint-Jean-d'Angély (17400)", description: "", website: "", contactEmail: "" },
      texts: ["name", "siret", "nafCode", "commune", "description", "website", "contactEmail"],
      refusals: [
        { as: "porteur", name: "an organisation the person does not represent", form: { name: "Reprise" }, status: 403 },
        { as: "animation", name: "an organisation of another pôle only", path: "/organisations/sambre-renov-insertion/modifier", form: { name: "Reprise" }, status: 403 },
        { as: "epargnant", name: "joining a pôle with an id that is not a number", form: { intent: "join-pole", territoryId: "abc" } },
        { as: "epargnant", name: "joining a pôle it already belongs to", form: { intent: "join-pole", territoryId: "1" }, status: 409 },
        { as: "epargnant", name: "joining a pôle that does not exist", form: { intent: "join-pole", territoryId: "99999999" } },
      ],
      fieldMessage: { as: "epargnant", field: "nafCode", form: { name: "Association des Cigales de Saintonge", kind: "association", nafCode: "88.99Z", commune: "Saint-Jean-d'Angély (17400)", description: "Notre présentation" } },
    },
  },

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
      form: { email: "personne@exemple.fr", password: "pas-le-bon-mot-de-passe" },
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
      form: { email: "robustesse@exemple.fr", displayName: "Robuste", password: "", commune: "Saint-Jean-d'Angély (17400)", roles: "porteur" },
      texts: ["email", "displayName", "commune"],
      fieldMessage: { as: "visiteur", field: "email", form: { email: "pas-une-adresse", displayName: "Camille Robuste", password: "cigale-marais-brouette-2026", commune: "Saint-Jean-d'Angély (17400)", roles: "porteur" } },
    },
  },
  {
    // A link mailed at sign-up: an unknown token gets the French « lien pas valable » page, whatever is posted.
    module: "inscription_.$token.tsx",
    path: "/inscription/{token}",
    params: { token: "lien-inconnu-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" },
    get: { visiteur: 404, porteur: 404 },
    post: { tables: ["users", "user_roles", "email_tokens"], as: ["porteur"], visitor: 404, status: 404, form: { confirmer: "1" }, texts: ["confirmer"], emptyIsValid: true },
  },
  {
    module: "mot-de-passe-oublie._index.tsx",
    path: "/mot-de-passe-oublie",
    get: { visiteur: 200, porteur: 200 },
    post: {
      tables: ["email_tokens", "outgoing_mails"],
      as: [],
      visitor: 400,
      form: { email: "pas-une-adresse" },
      texts: ["email"],
      fieldMessage: { as: "visiteur", field: "email", form: { email: "pas-une-adresse" } },
    },
  },
  {
    module: "mot-de-passe-oublie.$token.tsx",
    path: "/mot-de-passe-oublie/{token}",
    params: { token: "lien-inconnu-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" },
    get: { visiteur: 404, porteur: 404 },
    post: { tables: ["users", "sessions", "email_tokens"], as: [], visitor: 404, status: 404, form: { password: "une phrase assez longue" }, texts: ["password"] },
  },
  {
    module: "compte_.adresse.$token.tsx",
    path: "/compte/adresse/{token}",
    params: { token: "lien-inconnu-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" },
    get: { visiteur: 404, porteur: 404 },
    post: { tables: ["users", "email_tokens"], as: ["porteur"], visitor: 404, status: 404, form: { confirmer: "1" }, texts: ["confirmer"], emptyIsValid: true },
  },
  {
    module: "deconnexion.tsx",
    path: "/deconnexion",
    // Sign-out is a POST; a GET just goes home.
    get: { visiteur: { to: /^\/$/ }, porteur: { to: /^\/$/ } },
  },
  {
    module: "langue.tsx",
    path: "/langue",
    // Choosing a language is a POST from the footer; a GET just goes home.
    get: { visiteur: { to: /^\/$/ }, porteur: { to: /^\/$/ } },
  },
  { module: "espace.tsx", path: "/espace", get: { visiteur: "connexion", porteur: 200, benevole: 200, epargnant: 200, animation: 200 } },
  {
    module: "notifications.tsx",
    path: "/notifications",
    get: { visiteur: "connexion", porteur: 200, benevole: 200, epargnant: 200, animation: 200, admin: 200 },
    post: {
      tables: ["notifications"],
      as: ["benevole"],
      visitor: "connexion",
      form: { intent: "open", id: "abc" },
      status: [400, 404],
      refusals: [{ as: "benevole", name: "a notification that is not the person's", form: { intent: "open", id: "99999999" }, status: 404 }],
    },
  },
  {
    module: "compte_.notifications.tsx",
    path: "/compte/notifications",
    get: { visiteur: "connexion", porteur: 200, benevole: 200 },
    post: {
      tables: ["notification_preferences", "digest_settings"],
      as: ["benevole"],
      visitor: "connexion",
      form: { "email.vote-club": "parfois", hour: "25", weekday: "1" },
      // Only radios and selects: nothing typed to keep, so no field-message case.
      numbers: ["hour", "weekday"],
    },
  },
  {
    module: "desabonnement.$token.tsx",
    path: "/desabonnement/{token}",
    params: { token: "jeton-inconnu" },
    slugs: ["token"],
    get: { visiteur: 404, porteur: 404 },
    post: {
      tables: ["notification_preferences"],
      as: ["porteur"],
      visitor: 404,
      form: { "List-Unsubscribe": "One-Click" },
      status: 404,
      emptyIsValid: true,
    },
  },
  {
    module: "compte.tsx",
    path: "/compte",
    get: { visiteur: "connexion", porteur: 200 },
    post: {
      tables: ["users", "user_roles", "email_tokens"],
      as: ["porteur"],
      visitor: "connexion",
      form: { intent: "password", currentPassword: "faux", newPassword: "", confirmPassword: "autre" },
      texts: ["newPassword"],
      refusals: [
        { as: "porteur", name: "an unknown role", form: { intent: "roles", roles: ["porteur", "admin"] } },
        { as: "porteur", name: "no role at all", form: { intent: "roles" } },
        { as: "porteur", name: "a malformed new address", form: { intent: "email", newEmail: "pas-une-adresse", currentPassword: "faux" } },
        { as: "porteur", name: "a new address with a wrong password", form: { intent: "email", newEmail: "ailleurs@exemple.fr", currentPassword: "faux" } },
        // Someone else's session: app/route-tests/sessions.test.ts closes a real one of another person's and sees it refused.
        { as: "porteur", name: "a session id that is not one of the person's", form: { intent: "sign-out-session", sessionId: "a".repeat(24) }, status: 404 },
        { as: "porteur", name: "no session id", form: { intent: "sign-out-session" }, status: 404 },
      ],
    },
  },
  {
    module: "compte_.donnees.tsx",
    path: "/compte/donnees",
    get: { visiteur: "connexion", porteur: 200, epargnant: 200 },
    post: {
      tables: ["users", "sessions", "club_members", "pledges"],
      as: ["epargnant"],
      visitor: "connexion",
      form: { currentPassword: "faux" },
      refusals: [
        { as: "epargnant", name: "the box not ticked", form: { currentPassword: "faux" } },
        { as: "epargnant", name: "a wrong password", form: { currentPassword: "faux", understood: "on" } },
      ],
    },
  },
  { module: "compte_.donnees[.json].ts", path: "/compte/donnees.json", get: { visiteur: "connexion", porteur: 200 } },
  { module: "mentions-legales.tsx", path: "/mentions-legales", get: { visiteur: 200, porteur: 200 } },
  { module: "confidentialite.tsx", path: "/confidentialite", get: { visiteur: 200 } },
  { module: "accessibilite.tsx", path: "/accessibilite", get: { visiteur: 200 } },
  { module: "benevoles._index.tsx", path: "/benevoles", get: { visiteur: "connexion", benevole: { to: /^\/benevoles\/(profil|projets)$/ }, porteur: 403 } },
  {
    module: "benevoles.profil.tsx",
    path: "/benevoles/profil",
    get: { visiteur: "connexion", benevole: 200, porteur: 403 },
    post: {
      tables: ["volunteer_profiles", "volunteer_skills", "volunteer_domains"],
      as: ["benevole"],
      visitor: "connexion",
      form: { status: "retraite", commune: "Saint-Jean-d'Angély (17400)", radiusKm: "abc", maxMentorships: "2", hoursPerMonth: "4", bio: "" },
      numbers: ["radiusKm", "maxMentorships", "hoursPerMonth"],
      texts: ["bio", "commune"],
      refusals: [{ as: "porteur", name: "the form of another role", form: { status: "retraite" }, status: 403 }],
      fieldMessage: { as: "benevole", field: "radiusKm", form: { commune: "Saint-Jean-d'Angély (17400)", radiusKm: "loin", hoursPerMonth: "4", bio: "Comptable retraitée" } },
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
      form: { needId: "abc", message: "Bonjour" },
      numbers: ["needId"],
      texts: ["message"],
      refusals: [
        { as: "benevole", name: "a need that does not exist", form: { needId: "99999999" }, status: REFUSED },
        { as: "benevole", name: "a need of someone else's draft", form: { needId: "12" }, status: REFUSED },
      ],
    },
  },
  {
    module: "projets._index.tsx",
    path: "/projets",
    get: { visiteur: 200, porteur: 200, benevole: 200, animation: 200 },
  },
  {
    module: "projets.nouveau.tsx",
    path: "/projets/nouveau",
    get: { visiteur: "connexion", porteur: 200, epargnant: 403 },
    post: {
      tables: ["projects"],
      as: ["porteur"],
      visitor: "connexion",
      form: { title: "Projet robuste", pitch: "", kind: "entreprise", stage: "idee", legalForm: "sas", activityDomainId: "abc", commune: "Saint-Jean-d'Angély (17400)", jobsExpected: "2" },
      numbers: ["activityDomainId", "jobsExpected"],
      texts: ["title", "pitch", "description"],
      refusals: [{ as: "epargnant", name: "a person without the porteur role", form: { title: "Projet" }, status: 403 }],
      fieldMessage: { as: "porteur", field: "jobsExpected", form: { title: "Projet robuste", pitch: "Un résumé de plus de dix caractères.", kind: "entreprise", legalForm: "sas", commune: "Saint-Jean-d'Angély (17400)", jobsExpected: "douze" } },
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
      form: { intent: "request", needId: "abc", volunteerId: "5", message: "Bonjour" },
      numbers: ["needId", "volunteerId"],
      texts: ["message"],
      refusals: [
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
        { as: "porteur", name: "proposing to join one's own project", form: { intent: "propose", message: "Bonjour, je voudrais m'associer à ce projet." }, status: 403 },
        { as: "porteur", name: "handing over a project without being on its pôle's team", form: { intent: "handOver", newHolderId: "5" }, status: 403 },
        { as: "benevole", name: "proposing to a project that seeks no partners", path: "/projets/3", form: { intent: "propose", message: "Bonjour, je voudrais m'associer à ce projet." }, status: 404 },
        { as: "benevole", name: "a proposal with a 100 kB message", form: { intent: "propose", message: HUGE } },
        { as: "benevole", name: "a proposal coming with someone else's project", form: { intent: "propose", message: "Bonjour, je voudrais m'associer à ce projet.", fromProjectId: "3" } },
        { as: "benevole", name: "a proposal whose project id is not a number", form: { intent: "propose", message: "Bonjour, je voudrais m'associer à ce projet.", fromProjectId: "abc" } },
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
      form: { title: "Épicerie", pitch: "", kind: "entreprise", stage: "idee", legalForm: "sas", activityDomainId: "abc", jobsExpected: "2" },
      numbers: ["activityDomainId", "jobsExpected"],
      texts: ["title", "pitch", "description"],
      refusals: [
        { as: "porteur", name: "someone else's project", path: "/projets/3/modifier", form: { title: "Piraté" }, status: 403 },
        { as: "porteur", name: "someone else's draft", path: "/projets/6/modifier", form: { title: "Piraté" }, status: 404 },
      ],
    },
  },
  {
    // Demo project 1 (porteur@) seeks partners and has proposal 1 waiting (seeds/demo-partnerships.ts).
    module: "projets.$id.associes.tsx",
    path: "/projets/{id}/associes",
    params: { id: "1" },
    ids: ["id"],
    get: { visiteur: "connexion", porteur: 200, benevole: 403 },
    post: {
      tables: ["partnership_offers", "partnership_proposals", "projects", "notifications"],
      as: ["porteur"],
      visitor: "connexion",
      form: { intent: "save", brings: "", seeks: "Un associé pour la vente au marché.", open: "on" },
      texts: ["brings", "seeks"],
      fieldMessage: { as: "porteur", field: "brings", form: { intent: "save", brings: "Rien", seeks: "Un associé pour la vente au marché.", open: "on" } },
      refusals: [
        { as: "porteur", name: "someone else's project", path: "/projets/3/associes", form: { intent: "save", brings: "Un atelier partagé.", seeks: "Un associé pour la vente." }, status: 403 },
        { as: "porteur", name: "someone else's draft", path: "/projets/6/associes", form: { intent: "save", brings: "Un atelier partagé.", seeks: "Un associé pour la vente." }, status: 404 },
        { as: "porteur", name: "answering a proposal that does not exist", form: { intent: "answer", proposalId: "99999999", decision: "accepter" }, status: 404 },
        { as: "porteur", name: "an answer that is neither accept nor decline", form: { intent: "answer", proposalId: "1", decision: "peut-etre" } },
        { as: "porteur", name: "declining without saying why", form: { intent: "answer", proposalId: "1", decision: "decliner", reply: "" } },
        { as: "porteur", name: "an answer with a 100 kB reply", form: { intent: "answer", proposalId: "1", decision: "accepter", reply: HUGE } },
        { as: "benevole", name: "answering someone else's proposals", form: { intent: "answer", proposalId: "1", decision: "accepter" }, status: 403 },
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
      form: { skillId: "abc", priority: "haute", hoursPerMonth: "4", expectation: "" },
      numbers: ["skillId", "hoursPerMonth"],
      texts: ["expectation"],
      refusals: [{ as: "porteur", name: "someone else's project", path: "/projets/3/besoins/nouveau", form: { skillId: "1" }, status: 403 }],
      fieldMessage: { as: "porteur", field: "hoursPerMonth", form: { priority: "haute", hoursPerMonth: "beaucoup", expectation: "Une aide sur la comptabilité" } },
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
      form: { intent: "save", skillId: "abc", priority: "haute", hoursPerMonth: "4", expectation: "" },
      numbers: ["skillId", "hoursPerMonth"],
      texts: ["expectation"],
      refusals: [
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
      // The page holds two forms (save, remove): each names its intent, as the real ones do.
      form: { intent: "save", amount: "abc", kind: "don", companyCapital: "1000" },
      numbers: ["amount", "companyCapital"],
      refusals: [{ as: "porteur", name: "someone else's project", path: "/projets/3/financement", form: { intent: "remove" }, status: 403 }],
      fieldMessage: { as: "porteur", field: "amount", form: { intent: "save", amount: "mille", kind: "don" } },
    },
  },
  {
    // Demo: project 1 is porteur@'s, launched, its follow-ups reached; project 3 is someone else's.
    module: "projets.$id.suivi.tsx",
    path: "/projets/{id}/suivi",
    params: { id: "1" },
    ids: ["id"],
    get: { visiteur: "connexion", porteur: 200, epargnant: 403 },
    post: {
      tables: ["project_follow_ups"],
      as: ["porteur"],
      visitor: "connexion",
      form: { intent: "answer", milestone: "6", jobsCreated: "abc", turnoverBand: "aucun", stillActive: "oui", comment: "Bien" },
      numbers: ["jobsCreated"],
      texts: ["comment"],
      refusals: [
        { as: "porteur", name: "someone else's project", path: "/projets/3/suivi", form: { intent: "answer", milestone: "6", jobsCreated: "1", turnoverBand: "aucun", stillActive: "oui" }, status: 403 },
        { as: "porteur", name: "a milestone not in the list", form: { intent: "answer", milestone: "24", jobsCreated: "1", turnoverBand: "aucun", stillActive: "oui" } },
      ],
      fieldMessage: { as: "porteur", field: "jobsCreated", form: { intent: "answer", milestone: "6", jobsCreated: "-2", turnoverBand: "aucun", stillActive: "oui", comment: "Bien" } },
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
      form: { amount: "abc", kind: "don", message: "Courage" },
      numbers: ["amount"],
      texts: ["message"],
      refusals: [
        { as: "epargnant", name: "cancelling someone else's pledge", form: { intent: "cancel-pledge", pledgeId: "1" }, status: 404 },
        { as: "epargnant", name: "cancelling a pledge with a malformed id", form: { intent: "cancel-pledge", pledgeId: "1.5" }, status: 404 },
        { as: "epargnant", name: "cancelling a pledge with no id", form: { intent: "cancel-pledge" }, status: 404 },
      ],
      fieldMessage: { as: "epargnant", field: "amount", form: { amount: "douze", kind: "don", message: "Courage à vous" } },
    },
  },
  {
    module: "accompagnements.$id.tsx",
    path: "/accompagnements/{id}",
    params: { id: "1" },
    ids: ["id"],
    get: { visiteur: "connexion", porteur: 200, benevole: 200, epargnant: 404 },
    post: {
      tables: ["mentorships", "mentorship_sessions", "mentorship_feedback", "mentorship_endorsements"],
      as: ["porteur", "benevole"],
      visitor: "connexion",
      form: { intent: "session", heldOn: "2026-01-01", durationMinutes: "abc", notes: "" },
      numbers: ["durationMinutes"],
      texts: ["notes"],
      refusals: [
        { as: "benevole", name: "someone else's mentorship", path: "/accompagnements/3", form: { intent: "cancel" }, status: 404 },
        { as: "epargnant", name: "a mentorship they are not part of", form: { intent: "end", outcome: "arretee" }, status: 404 },
        { as: "benevole", name: "a feedback rating out of range", form: { intent: "feedback", rating: "9" } },
        {
          as: "porteur",
          name: "a holder endorsing their own project",
          form: { intent: "endorse", workedOn: "Le prévisionnel et la trésorerie.", progress: "Un budget tenu chaque mois désormais.", level: "vivement" },
          status: 403,
        },
        { as: "benevole", name: "a mentor publishing their own endorsement", form: { intent: "decide-endorsement", decision: "publier" }, status: 403 },
        { as: "benevole", name: "an endorsement level that does not exist", form: { intent: "endorse", workedOn: "Le prévisionnel et la trésorerie.", progress: "Un budget tenu chaque mois désormais.", level: "parfait" } },
      ],
      fieldMessage: { as: "benevole", field: "durationMinutes", form: { intent: "session", heldOn: "2026-01-01", durationMinutes: "une heure", topic: "Point budget", notes: "Notes de la rencontre" } },
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
      form: { intent: "donate", amount: "abc", donorName: "Anonyme", message: "" },
      numbers: ["amount"],
      texts: ["donorName", "message"],
      status: [400, 403],
      refusals: [
        { as: "epargnant", name: "allocating without being on the animation team", form: { intent: "allocate", projectId: "1", amount: "10" }, status: 403 },
        { as: "animation", name: "allocating in another pôle's pot", path: "/cagnotte/sambre-avesnois", form: { intent: "allocate", projectId: "1", amount: "10" }, status: 403 },
        { as: "animation", name: "allocating to a project id that is not a number", form: { intent: "allocate", projectId: "abc", amount: "10" } },
        { as: "animation", name: "allocating to a project of another pôle", form: { intent: "allocate", projectId: "22", amount: "10" }, status: REFUSED },
        { as: "animation", name: "allocating to someone else's draft", form: { intent: "allocate", projectId: "6", amount: "10" }, status: REFUSED },
      ],
      fieldMessage: { as: "epargnant", field: "amount", form: { intent: "donate", amount: "dix", donorName: "Camille", message: "Pour le pôle" } },
    },
  },
  {
    module: "admin.courriels.tsx",
    path: "/admin/courriels",
    get: { visiteur: "connexion", admin: 200, animation: 403, porteur: 403 },
    post: {
      tables: ["outgoing_mails"],
      as: ["admin"],
      visitor: "connexion",
      form: { intent: "retry", mailId: "abc" },
      numbers: ["mailId"],
      refusals: [
        { as: "admin", name: "a message that is not failed (or none)", form: { intent: "retry", mailId: "99999999" }, status: 409 },
        { as: "animation", name: "a pôle's animation team, not the platform admin", form: { intent: "retry", mailId: "1" }, status: 403 },
        { as: "porteur", name: "a person who is not the admin", form: { intent: "retry", mailId: "1" }, status: 403 },
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
      form: { pairs: "abc" },
      texts: ["pairs"],
      refusals: [
        { as: "animation", name: "another pôle", path: "/animation?pole=sambre-avesnois", form: { pairs: "1:5" }, status: 403 },
        { as: "animation", name: "an unknown pôle", path: "/animation?pole=%00", form: { pairs: "1:5" }, status: 404 },
        { as: "porteur", name: "a person outside the animation team", form: { pairs: "1:5" }, status: 403 },
      ],
    },
  },
  {
    module: "animation.impact.tsx",
    path: "/animation/impact",
    get: { visiteur: "connexion", animation: 200, admin: 200, porteur: 403 },
    post: {
      tables: ["indicators", "indicator_values"],
      as: ["animation"],
      visitor: "connexion",
      form: { intent: "save", source: "saisi", name: "Tonnes réemployées", unit: "nombre", definition: "Pesées de la ressourcerie du pôle.", baseline: "abc", period: "trimestre" },
      numbers: ["baseline", "target"],
      texts: ["name", "definition"],
      refusals: [
        { as: "animation", name: "another pôle", path: "/animation/impact?pole=sambre-avesnois", form: { intent: "remove", indicatorId: "1" }, status: 403 },
        { as: "porteur", name: "a person outside the animation team", form: { intent: "remove", indicatorId: "1" }, status: 403 },
        { as: "animation", name: "a figure for a computed indicator", form: { intent: "value", indicatorId: "1", day: "2026-01-15", value: "3", note: "Comptage de l'équipe." } },
      ],
      fieldMessage: { as: "animation", field: "target", form: { intent: "save", source: "saisi", name: "Tonnes réemployées", unit: "nombre", definition: "Pesées de la ressourcerie du pôle.", baseline: "0", target: "douze", targetDate: "2026-12-31", period: "trimestre" } },
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
      form: { "mentor.skills": "abc", "club.sector": "1" },
      numbers: ["mentor.skills", "club.sector"],
      refusals: [
        { as: "animation", name: "another pôle", path: "/animation/ponderations?pole=sambre-avesnois", form: { intent: "reset" }, status: 403 },
        { as: "porteur", name: "a person outside the animation team", form: { intent: "reset" }, status: 403 },
      ],
    },
  },
  {
    // Demo: the Ressourcerie des Vals and Monique Girard (benevole@) wait for the Vals de Saintonge team.
    module: "animation.organisations.tsx",
    path: "/animation/organisations",
    get: { visiteur: "connexion", animation: 200, admin: 200, porteur: 403 },
    post: {
      tables: ["organisation_poles", "organisation_representatives"],
      as: ["animation"],
      visitor: "connexion",
      form: { intent: "confirm-pole", organisationId: "abc" },
      numbers: ["organisationId"],
      refusals: [
        { as: "animation", name: "another pôle", path: "/animation/organisations?pole=sambre-avesnois", form: { intent: "confirm-pole", organisationId: "1" }, status: 403 },
        { as: "porteur", name: "a person outside the animation team", form: { intent: "confirm-pole", organisationId: "1" }, status: 403 },
        { as: "animation", name: "an organisation that asked nothing of this pôle", form: { intent: "confirm-pole", organisationId: "99999999" }, status: 404 },
        { as: "animation", name: "an organisation of another pôle", form: { intent: "decline-pole", organisationId: "10" }, status: 404 },
        { as: "animation", name: "a request already answered", form: { intent: "confirm-pole", organisationId: "1" }, status: 409 },
        { as: "animation", name: "a representative request with no person", form: { intent: "confirm-representative", organisationId: "2" } },
        { as: "animation", name: "a person who asked nothing", form: { intent: "confirm-representative", organisationId: "2", userId: "4" }, status: 404 },
      ],
    },
  },
  {
    // Demo bodies: 1-3 are Vals de Saintonge's, 4-6 Sambre-Avesnois's; mandate 13 sits in body 4.
    module: "animation.gouvernance.tsx",
    path: "/animation/gouvernance",
    get: { visiteur: "connexion", animation: 200, admin: 200, porteur: 403 },
    post: {
      tables: ["governance_bodies", "body_mandates", "body_decisions"],
      as: ["animation"],
      visitor: "connexion",
      form: { intent: "add-decision", bodyId: "1", decidedOn: "2026-01-15", subject: "Objet robuste", decision: "Décision robuste", votesFor: "abc", votesAgainst: "1", votesAbstain: "0" },
      numbers: ["bodyId", "votesFor", "votesAgainst", "votesAbstain"],
      texts: ["subject", "decision"],
      refusals: [
        { as: "animation", name: "another pôle", path: "/animation/gouvernance?pole=sambre-avesnois", form: { intent: "add-body", kind: "bureau", name: "Bureau" }, status: 403 },
        { as: "porteur", name: "a person outside the animation team", form: { intent: "add-body", kind: "bureau", name: "Bureau" }, status: 403 },
        { as: "animation", name: "a decision for a body of another pôle", form: { intent: "add-decision", bodyId: "4", decidedOn: "2026-01-15", subject: "Objet", decision: "Décision" }, status: 404 },
        { as: "animation", name: "renaming a body of another pôle", form: { intent: "edit-body", bodyId: "4", kind: "bureau", name: "Bureau" }, status: 404 },
        { as: "animation", name: "ending a mandate of another pôle", form: { intent: "end-mandate", mandateId: "13", endsOn: "2030-01-01" }, status: 404 },
        { as: "animation", name: "a mandate ending before it starts", form: { intent: "add-mandate", bodyId: "1", userId: "1", position: "Membre", startsOn: "2026-01-10", endsOn: "2026-01-01" } },
        { as: "animation", name: "a seat for a person outside the pôle", form: { intent: "add-mandate", bodyId: "1", userId: "2", position: "Membre", startsOn: "2026-01-01" } },
        { as: "animation", name: "only part of a vote", form: { intent: "add-decision", bodyId: "1", decidedOn: "2026-01-15", subject: "Objet", decision: "Décision", votesFor: "3" } },
        { as: "animation", name: "a body of an unknown type", form: { intent: "add-body", kind: "conseil-secret", name: "Conseil" } },
      ],
      fieldMessage: { as: "animation", field: "votesFor", form: { intent: "add-decision", bodyId: "1", decidedOn: "2026-01-15", subject: "Objet robuste", decision: "Décision robuste", votesFor: "huit", votesAgainst: "1", votesAbstain: "0" } },
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
      form: { name: "Club robuste", territoryId: "abc", ticketMin: "100", ticketMax: "1000", decisionRule: "majorite", quorumPct: "50", maxStakePct: "10", description: "" },
      numbers: ["territoryId", "ticketMin", "ticketMax", "quorumPct", "maxStakePct"],
      texts: ["name", "description", "communes"],
      refusals: [{ as: "porteur", name: "a person without the épargnant role", form: { name: "Club" }, status: 403 }],
      fieldMessage: { as: "epargnant", field: "quorumPct", form: { name: "Club robuste", territoryId: "1", ticketMin: "100", ticketMax: "1000", quorumPct: "cinquante", maxStakePct: "10", description: "Présentation du club" } },
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
      form: { intent: "lifecycle", action: "abc" },
      refusals: [{ as: "porteur", name: "changing the stage of a club they do not run", form: { intent: "lifecycle", action: "demarrer" }, status: 403 }],
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
      form: { intent: "add-meeting", date: "abc", time: "18:00", place: "Mairie", agenda: "", projectId: "abc" },
      numbers: ["projectId"],
      texts: ["place", "agenda"],
      refusals: [
        { as: "epargnant", name: "accepting a request with a malformed member id", form: { intent: "accept-request", userId: "1.5" } },
        { as: "epargnant", name: "accepting a request with no member id", form: { intent: "accept-request" } },
        { as: "epargnant", name: "accepting a person who never asked", form: { intent: "accept-request", userId: "4" }, status: [400, 404, 409] },
        { as: "epargnant", name: "naming an officer who is not a member", form: { intent: "set-officer", userId: "4", role: "tresorier" }, status: [400, 404, 409] },
        { as: "epargnant", name: "savings as text", form: { intent: "set-savings", monthlySavings: "beaucoup" } },
        { as: "epargnant", name: "a meeting about someone else's draft", form: { intent: "add-meeting", date: "2030-01-01", time: "18:00", place: "Mairie", projectId: "6" }, status: REFUSED },
        { as: "epargnant", name: "the members of another club", path: "/clubs/1/membres", form: { intent: "leave" }, status: 403 },
      ],
      fieldMessage: { as: "epargnant", field: "date", form: { intent: "add-meeting", date: "demain", time: "18:00", place: "Salle des fêtes", agenda: "Ordre du jour" } },
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
      form: { decisionRule: "majorite", quorumPct: "abc", maxStakePct: "10", ticketMin: "100", ticketMax: "1000", description: "" },
      numbers: ["quorumPct", "maxStakePct", "ticketMin", "ticketMax"],
      texts: ["description", "communes"],
      refusals: [{ as: "epargnant", name: "the settings of another club", path: "/clubs/1/parametres", form: { decisionRule: "majorite" }, status: 403 }],
      fieldMessage: { as: "epargnant", field: "maxStakePct", form: { quorumPct: "50", maxStakePct: "beaucoup", ticketMin: "100", ticketMax: "1000", description: "Présentation du club" } },
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
      form: { intent: "open-vote", dealId: "abc", amount: "1000", instrument: "capital", deadline: "2030-01-01" },
      numbers: ["dealId", "amount"],
      refusals: [
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
      form: { kind: "cotisation", amount: "abc", memberUserId: "6", occurredOn: "2026-01-01", note: "" },
      numbers: ["amount", "memberUserId"],
      texts: ["note"],
      refusals: [
        { as: "epargnant", name: "the treasury of another club", path: "/clubs/1/tresorerie", form: { kind: "frais", amount: "10" }, status: 403 },
        { as: "epargnant", name: "a contribution from someone who is not a member", form: { kind: "cotisation", amount: "10", memberUserId: "4", occurredOn: "2026-01-01" }, status: REFUSED },
      ],
      fieldMessage: { as: "epargnant", field: "amount", form: { kind: "cotisation", amount: "abc", memberUserId: "6", occurredOn: "2026-01-01", note: "Ma note" } },
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
      form: { choice: "abc" },
      refusals: [
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
      form: { intent: "create", name: "Tontine robuste", territoryId: "abc", contribution: "20", startsOn: "2027-01-01", description: "" },
      numbers: ["territoryId", "contribution"],
      texts: ["name", "description"],
      fieldMessage: { as: "epargnant", field: "contribution", form: { intent: "create", name: "Tontine robuste", territoryId: "1", contribution: "douze", startsOn: "2027-01-01", description: "Ma présentation" } },
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
      form: {},
      // POST /tontines/:id is "join": an empty body is the real form. Only bad ids are exercised.
      emptyIsValid: true,
    },
  },
];
