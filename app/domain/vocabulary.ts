/**
 * The words of the domain: every closed list of slugs that people, projects,
 * clubs and votes can take. The database stores these slugs (db/schema builds
 * its enum columns from them); forms validate against them; what people read
 * for each slug lives next to the rules that use it (project.ts, mentorship.ts,
 * clubs/labels.ts). Nothing here knows about storage, so the browser can load it.
 */

// People

/** The five roles; an `animateur` is also tied to a pôle through its animation team. */
export const ROLES = ["porteur", "benevole", "epargnant", "animateur", "admin"] as const;
export type Role = (typeof ROLES)[number];

// ACCOMPAGNER: volunteers and mentorships

export const VOLUNTEER_STATUSES = [
  "chef-entreprise",
  "salarie",
  "retraite",
  "etudiant",
  "demandeur-emploi",
  "autre",
] as const;
export const SKILL_LEVELS = ["notions", "confirme", "expert"] as const;
export type VolunteerStatus = (typeof VOLUNTEER_STATUSES)[number];
export type SkillLevel = (typeof SKILL_LEVELS)[number];

/**
 * demande → acceptee → terminee | arretee; demande → refusee | annulee.
 * A refusal removes the (project, volunteer) pair from suggestions.
 */
export const MENTORSHIP_STATUSES = ["demande", "acceptee", "refusee", "annulee", "terminee", "arretee"] as const;
/** Who asked first: the holder, the volunteer, or the animation team on their behalf. */
export const MENTORSHIP_INITIATORS = ["porteur", "benevole", "animateur"] as const;
export type MentorshipStatus = (typeof MENTORSHIP_STATUSES)[number];
export type MentorshipInitiator = (typeof MENTORSHIP_INITIATORS)[number];

/** Default planned length (Initiative France / Réseau Entreprendre practice: about two years). */
export const DEFAULT_MENTORSHIP_MONTHS = 24;

// CRÉER: projects and their needs

/** The five ways to create an activity. */
export const PROJECT_KINDS = [
  "a-son-compte",
  "entreprendre-a-plusieurs",
  "commerce-artisanat",
  "service",
  "produit-innovation",
] as const;
export const PROJECT_STAGES = ["idee", "creation", "developpement"] as const;
export const LEGAL_FORMS = [
  "a-definir",
  "micro-entreprise",
  "ei",
  "eurl",
  "sarl",
  "sas",
  "sasu",
  "sa",
  "scop",
  "scic",
  "association",
  "cae",
] as const;
export const PROJECT_STATUSES = ["brouillon", "publie", "clos"] as const;
export const NEED_PRIORITIES = ["haute", "moyenne", "basse"] as const;
export const NEED_STATUSES = ["ouvert", "pourvu", "clos"] as const;
export const FUNDING_KINDS = ["capital", "pret", "don"] as const;

export type ProjectKind = (typeof PROJECT_KINDS)[number];
export type ProjectStage = (typeof PROJECT_STAGES)[number];
export type LegalForm = (typeof LEGAL_FORMS)[number];
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export type NeedPriority = (typeof NEED_PRIORITIES)[number];
export type NeedStatus = (typeof NEED_STATUSES)[number];
export type FundingKind = (typeof FUNDING_KINDS)[number];

// FINANCER: savers' clubs (CIGALES)

/**
 * A club is an indivision of 5 to 20 members that saves monthly and invests,
 * for 5 years (renewable once), in local companies.
 * en-constitution → en-epargne (saving and investing) → en-gestion (no new
 * investments) → liquide.
 */
export const CLUB_STATUSES = ["en-constitution", "en-epargne", "en-gestion", "liquide"] as const;
export const DECISION_RULES = ["majorite-simple", "majorite-qualifiee", "unanimite"] as const;
export const CLUB_MEMBER_ROLES = ["membre", "gerant", "tresorier", "secretaire"] as const;
export const CLUB_MEMBER_STATUSES = ["invite", "demande", "actif", "parti"] as const;
/** Money in (contribution, repayment, dividend) and out (investment, fee, withdrawal). */
export const LEDGER_KINDS = ["cotisation", "investissement", "remboursement", "dividende", "frais", "retrait"] as const;
export const INSTRUMENTS = ["capital", "compte-courant", "pret"] as const;
/** A club's pipeline for one project: repéré → étudié → vote → engagé | refusé. */
export const DEAL_STAGES = ["repere", "etudie", "vote", "engage", "refuse"] as const;

export type ClubStatus = (typeof CLUB_STATUSES)[number];
export type DecisionRule = (typeof DECISION_RULES)[number];
export type ClubMemberRole = (typeof CLUB_MEMBER_ROLES)[number];
export type ClubMemberStatus = (typeof CLUB_MEMBER_STATUSES)[number];
export type LedgerKind = (typeof LEDGER_KINDS)[number];
export type Instrument = (typeof INSTRUMENTS)[number];
export type DealStage = (typeof DEAL_STAGES)[number];

// FINANCER: votes and direct pledges

export const VOTE_STATUSES = ["ouvert", "clos"] as const;
export const VOTE_OUTCOMES = ["adopte", "rejete", "sans-quorum"] as const;
export const BALLOT_CHOICES = ["pour", "contre", "abstention"] as const;
export const PLEDGE_STATUSES = ["actif", "annule"] as const;

export type VoteStatus = (typeof VOTE_STATUSES)[number];
export type VoteOutcome = (typeof VOTE_OUTCOMES)[number];
export type BallotChoice = (typeof BALLOT_CHOICES)[number];
export type PledgeStatus = (typeof PLEDGE_STATUSES)[number];

// Geography

/**
 * Where a commune's point comes from (db/data/commune-points.csv). `ign`, `deleguees` and `geonames`
 * place the commune itself; `postal` (a commune sharing the postal code) and `department` (the
 * department's centre) only approximate it, so a distance to it is not shown as such.
 */
export const COMMUNE_POINT_SOURCES = ["ign", "deleguees", "geonames", "postal", "department"] as const;
export type CommunePointSource = (typeof COMMUNE_POINT_SOURCES)[number];

// Messages: notifications in the app and by e-mail

/**
 * What a person can be told. Each kind has its own e-mail choice in /compte/notifications;
 * `securite` (password, address, sign-up attempts) is always sent at once and cannot be turned off.
 */
export const NOTIFICATION_KINDS = [
  "demande-accompagnement",
  "reponse-accompagnement",
  "suivi-accompagnement",
  "suggestion-besoin",
  "vote-club",
  "vie-club",
  "invitation-club",
  "demande-club",
  "reponse-club",
  "projet-soutenu",
  "promesse-recue",
  "partenariat",
  "moderation",
  "vie-pole",
  "agenda",
  "reservation",
  "besoin-territoire",
  "suivi-activite",
  "securite",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** How often a kind reaches the person by e-mail (in the app, always). */
export const EMAIL_FREQUENCIES = ["immediat", "quotidien", "hebdomadaire", "jamais"] as const;
export type EmailFrequency = (typeof EMAIL_FREQUENCIES)[number];

/** An outgoing e-mail in the queue: waiting (again, after a failed try), being sent, sent, or given up after 5 tries. */
export const MAIL_STATUSES = ["pending", "sending", "sent", "failed"] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/** Single-use links sent by e-mail: a password reset, a new account's address, a changed address. */
export const EMAIL_TOKEN_PURPOSES = ["reinitialisation", "inscription", "changement-adresse"] as const;
export type EmailTokenPurpose = (typeof EMAIL_TOKEN_PURPOSES)[number];

// The pôle: organisations, working groups, governance

/**
 * What an organisation is. The first five are structures of the social and solidarity
 * economy (loi ESS 2014, art. 1); a pôle must count at least one of them (décret 2015-431).
 */
export const ORGANISATION_KINDS = [
  "association",
  "cooperative",
  "mutuelle",
  "fondation",
  "societe-ess",
  "entreprise",
  "collectivite",
  "recherche",
  "formation",
  "financeur",
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/**
 * Themes shared by every pôle, so that axes named each pôle's own way can be compared and
 * filtered across pôles (an axis has one theme; `autre` when none fits). Labels: app/domain/poles.ts.
 */
export const AXIS_THEMES = [
  "alimentation",
  "mobilite",
  "emploi-insertion",
  "habitat-energie",
  "dechets-reemploi",
  "culture",
  "numerique",
  "creation-activites",
  "services-personne",
  "services-entreprises",
  "finance-solidaire",
  "cooperation-ess",
  "autre",
] as const;
export type AxisTheme = (typeof AXIS_THEMES)[number];

/** A request that the animation team (or a group's coordinator) answers: asked, then confirmed or declined. */
export const MEMBERSHIP_STATUSES = ["demandee", "confirmee", "refusee"] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

export const GOVERNANCE_BODY_KINDS = [
  "equipe-animation",
  "groupe-operationnel",
  "comite-pilotage",
  "assemblee",
  "bureau",
  "autre",
] as const;
export type GovernanceBodyKind = (typeof GOVERNANCE_BODY_KINDS)[number];

// Mentoring as a signal for savers, and partnerships between projects

/** How strongly a mentor recommends the holder's project. */
export const ENDORSEMENT_LEVELS = ["vivement", "recommande", "avec-reserves"] as const;
export type EndorsementLevel = (typeof ENDORSEMENT_LEVELS)[number];
/** Written by the mentor, shown on the project page only once the holder agrees. */
export const ENDORSEMENT_STATUSES = ["proposee", "publiee", "refusee"] as const;
export type EndorsementStatus = (typeof ENDORSEMENT_STATUSES)[number];

/** A proposal to join a project or an organisation that seeks partners. */
export const PARTNERSHIP_PROPOSAL_STATUSES = ["envoyee", "acceptee", "declinee"] as const;
export type PartnershipProposalStatus = (typeof PARTNERSHIP_PROPOSAL_STATUSES)[number];

// The pôle's life: agenda, bulletin, shared resources, unmet needs

/** Who sees an event: everyone, or the pôle's members only. */
export const EVENT_VISIBILITIES = ["public", "membres"] as const;
export type EventVisibility = (typeof EVENT_VISIBILITIES)[number];
export const EVENT_STATUSES = ["prevu", "annule"] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
/** A place taken, a place on the waiting list, or given back (the row stays, so one row per person). */
export const REGISTRATION_STATUSES = ["inscrit", "attente", "annule"] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** An article of the bulletin: waiting for the team, sent back for changes, published, refused. */
export const ARTICLE_STATUSES = ["soumis", "a-revoir", "publie", "refuse"] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const RESOURCE_KINDS = ["local", "materiel", "vehicule", "competence"] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
/** On what terms it is lent: free, for a contribution, against a deposit (cost and deposit may both apply). */
export const RESOURCE_TERMS = ["gratuit", "participation", "caution"] as const;
export type ResourceTerms = (typeof RESOURCE_TERMS)[number];
export const BOOKING_STATUSES = ["demandee", "acceptee", "refusee", "annulee"] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** Where the animation team stands on an unmet need of the territory. */
export const UNMET_NEED_STATUSES = ["ouvert", "a-l-etude", "repondu", "non-retenu"] as const;
export type UnmetNeedStatus = (typeof UNMET_NEED_STATUSES)[number];

// Impact: the indicators a pôle reports on, and the holders' follow-ups

/**
 * What a computed indicator counts in Maillon's data (the definitions: app/domain/impact.ts). A pôle
 * chooses among them; an indicator entered by the animation team has none.
 */
export const IMPACT_METRICS = [
  "projets-deposes",
  "projets-lances",
  "accompagnements-actifs",
  "heures-accompagnement",
  "euros-promis",
  "euros-engages-clubs",
  "euros-cagnotte",
  "emplois-crees",
  "besoins-repondus",
  "organisations-adherentes",
  "participation-evenements",
  "survie-3-ans",
] as const;
export type ImpactMetric = (typeof IMPACT_METRICS)[number];

/** How an indicator's figures are kept: a count, integer cents, minutes (shown as hours), a whole percentage. */
export const INDICATOR_UNITS = ["nombre", "euros", "heures", "pourcentage"] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];
export const INDICATOR_PERIODS = ["mois", "trimestre", "annee"] as const;
export type IndicatorPeriod = (typeof INDICATOR_PERIODS)[number];
/** Computed from Maillon's data, or entered by the animation team with a supporting note. */
export const INDICATOR_SOURCES = ["calcule", "saisi"] as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];

/** The 13 domains of social impact of the VALOR'ESS frame (UDES), as Maillon names them (labels: app/domain/impact.ts). */
export const VALORESS_DOMAINS = [
  "developpement-savoirs",
  "sante",
  "insertion-professionnelle",
  "emploi",
  "lien-social",
  "acces-droits",
  "autonomie",
  "environnement",
  "developpement-territorial",
  "dynamique-economique",
  "culture",
  "mobilite",
  "gouvernance-democratique",
] as const;
export type ValoressDomain = (typeof VALORESS_DOMAINS)[number];

/** When a holder is asked how the launched activity is doing: 6, 12 and 36 months after its launch. */
export const FOLLOW_UP_MILESTONES = [6, 12, 36] as const;
export type FollowUpMilestone = (typeof FOLLOW_UP_MILESTONES)[number];
/** The yearly turnover the holder declares, in bands. */
export const TURNOVER_BANDS = ["aucun", "moins-10k", "10k-50k", "50k-150k", "150k-500k", "plus-500k"] as const;
export type TurnoverBand = (typeof TURNOVER_BANDS)[number];
