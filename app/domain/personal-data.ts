/**
 * What a person may take away and erase: the vocabulary of the personal-data export and of account
 * deletion. The models gather the rows; this file says what each part means and how a deleted account
 * is shown.
 */

/** The name shown wherever a deleted account appears: ledgers, logs, ballots, articles. */
export const DELETED_DISPLAY_NAME = "Membre parti";

/** What replaces the person's e-mail address wherever others' records quoted it. */
export const REDACTED_ADDRESS = "[adresse supprimée]";

/** What replaces the person's name in the messages others received about them. */
export const REDACTED_NAME = "un membre parti";

/**
 * The deleted account's e-mail column: unique, and not an address (no « @ »), so no form can sign in
 * with it and no mail can be sent to it.
 */
export function deletedAccountEmail(userId: number): string {
  return `compte-supprime-${userId}`;
}

/**
 * Columns never exported: secrets that would let someone act as the person, or that protect the site
 * (a session's id is half of its cookie).
 */
export function isSecretColumn(table: string, column: string): boolean {
  return /hash|token|secret/i.test(column) || (table === "sessions" && column === "id");
}

/**
 * The export's « lisez-moi »: for each part of the file (a table of the database), what it holds.
 * A test fails when a table holding rows about a person has no entry here.
 */
export const EXPORT_PARTS: Record<string, string> = {
  users: "Votre compte : adresse électronique, nom affiché, commune, dates de création et de modification.",
  user_roles: "Les rôles que vous avez choisis (porteur, bénévole, épargnant…) ou reçus (animation, administration).",
  territory_staff: "Les pôles dont vous faites partie de l'équipe d'animation.",
  sessions: "Vos connexions ouvertes : date de début, d'expiration, appareil déclaré (jamais le jeton de connexion).",
  sign_in_addresses: "Les adresses réseau depuis lesquelles vous vous êtes connecté ces 90 derniers jours.",
  sign_in_failures: "Les tentatives de connexion échouées sur votre adresse ces dernières minutes, et leur adresse réseau.",
  email_tokens: "Les liens envoyés par courriel (inscription, mot de passe, changement d'adresse) encore en attente, sans leur secret.",
  volunteer_profiles: "Votre profil de bénévole : disponibilité, rayon d'action, capacité, statut.",
  volunteer_skills: "Les compétences que vous proposez, avec leur niveau.",
  volunteer_domains: "Les domaines d'activité qui vous intéressent.",
  projects: "Les projets que vous portez.",
  project_skill_needs: "Les besoins de compétences de vos projets.",
  project_funding_needs: "Les besoins de financement de vos projets.",
  mentorships: "Les accompagnements où vous êtes bénévole.",
  mentorships_of_my_projects: "Les accompagnements de vos projets, côté porteur.",
  mentorship_sessions: "Les séances d'accompagnement que vous avez notées (date, durée, compte rendu).",
  mentorship_feedback: "Les avis que vous avez laissés à la fin d'un accompagnement.",
  mentorship_endorsements: "Les recommandations de projets que vous avez rédigées comme bénévole.",
  club_members: "Vos adhésions aux clubs d'épargnants : rôle, statut, épargne mensuelle déclarée.",
  club_accompanying_members: "Les projets que vous suivez pour votre club.",
  club_ledger_entries: "Les écritures du journal de caisse de vos clubs qui vous concernent (vos cotisations et retraits) ou que vous avez saisies.",
  club_ballots: "Vos bulletins dans les votes de vos clubs.",
  club_votes: "Les votes que vous avez ouverts dans vos clubs.",
  club_meetings: "Les réunions de club que vous avez programmées.",
  pledges: "Vos promesses de soutien à des projets, en centimes.",
  cagnotte_donations: "Vos dons à la cagnotte solidaire, en centimes.",
  cagnotte_allocations: "Les attributions de la cagnotte que vous avez décidées (équipe d'animation).",
  cagnotte_goals: "Les objectifs de cagnotte que vous avez créés.",
  tontines: "Les tontines que vous avez créées.",
  tontine_members: "Votre place dans les tontines.",
  pole_members: "Vos adhésions aux pôles.",
  working_group_members: "Les groupes de travail dont vous êtes membre.",
  working_groups: "Les groupes de travail que vous coordonnez.",
  body_mandates: "Vos mandats dans les instances de gouvernance.",
  body_decisions: "Les décisions d'instance que vous avez consignées.",
  charter_versions: "Les versions de charte que vous avez publiées.",
  charter_acceptances: "Vos adhésions aux chartes des pôles.",
  organisations: "Les organisations que vous avez inscrites.",
  organisation_representatives: "Les organisations que vous représentez.",
  partnership_proposals: "Les propositions d'association que vous avez envoyées.",
  events: "Les rendez-vous que vous organisez.",
  event_registrations: "Vos inscriptions aux rendez-vous, listes d'attente et présences.",
  calendar_feed_tokens: "L'existence de votre flux d'agenda personnel (sans son adresse secrète).",
  articles: "Les articles du bulletin que vous avez proposés ou relus.",
  uploaded_images: "Les images que vous avez envoyées : leurs caractéristiques et leur adresse sur le site.",
  shared_resources: "Les ressources que vous partagez.",
  resource_bookings: "Vos demandes de réservation de ressources.",
  unmet_needs: "Les besoins du territoire que vous avez signalés ou qualifiés.",
  unmet_need_supports: "Les besoins que vous soutenez.",
  unmet_need_comments: "Vos commentaires sur les besoins du territoire.",
  unmet_need_links: "Les liens entre besoins et projets que vous avez établis.",
  notifications: "Vos notifications.",
  notification_preferences: "Vos choix d'envoi par courriel, par sorte de notification.",
  digest_settings: "Vos réglages de récapitulatif quotidien ou hebdomadaire.",
  indicator_values: "Les chiffres d'impact que vous avez saisis pour un pôle (équipe d'animation).",
  project_follow_ups: "Vos réponses aux suivis de vos projets après leur lancement : emplois, chiffre d'affaires, activité.",
  outgoing_mails: "Les courriels que Maillon vous a envoyés ou va vous envoyer (les messages de sécurité sans leur contenu).",
};

/** The file's own explanation, at its top. */
export function exportReadme(generatedAt: string): Record<string, unknown> {
  return {
    titre: "Vos données sur Maillon",
    genereLe: generatedAt,
    format:
      "Un objet JSON. « compte » est votre compte ; « parties » rassemble, table par table, les lignes de la base qui vous concernent, telles qu'elles sont enregistrées (dates en UTC au format ISO 8601, montants en centimes d'euro).",
    horsExport:
      "Ne figurent pas ici les mots de passe (seule une empreinte est gardée, jamais exportée), les jetons de connexion et les adresses secrètes, ni ce que d'autres personnes ont écrit sur des objets partagés.",
    parties: EXPORT_PARTS,
    droits:
      "Vous pouvez corriger ces données depuis votre compte, ou supprimer votre compte depuis la page « Mes données ». Pour toute question : l'équipe d'animation de votre pôle.",
  };
}

/** Something that must be settled by hand before the account can go. */
export type DeletionBlocker = {
  /** What to do, in one French sentence. */
  message: string;
  /** Where to do it. */
  href: string;
};
