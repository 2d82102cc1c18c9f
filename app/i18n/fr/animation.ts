/** The words of the animation pages: the pôle team's dashboard, matching rounds, organisations, weights, governance, impact. */
import { CLUB_CRITERION_HINTS, MENTOR_CRITERION_HINTS } from "~/domain/matching/weights";

const s = (count: number) => (count > 1 ? "s" : "");

export const animation = {
  header: {
    noPole: "Vous ne faites partie de l'équipe d'animation d'aucun pôle pour l'instant. Demandez à un administrateur de vous y ajouter.",
    back: "← Animation du pôle",
    eyebrow: (pole: string) => `Animation du pôle · ${pole}`,
  },
  index: {
    metaTitle: "Animation du pôle — Maillon",
    otherPole: "Ces propositions concernent des projets d'un autre pôle.",
    sendingReport: (sent: number, sentText: string, skipped: number, skippedText: string) =>
      `${sentText} proposition${s(sent)} envoyée${s(sent)}` +
      (skipped > 0
        ? `, ${skippedText} ignorée${s(skipped)} car devenue${s(skipped)} impossible${s(skipped)} depuis le calcul (besoin pourvu, demande déjà en cours ou déclinée, bénévole complet ou en pause)`
        : "") +
      ". Les bénévoles les retrouvent dans leur espace pour y répondre.",
    roundTitle: "Tour proposé",
    roundPairs: (count: number, formatted: string) => `${formatted} mise${s(count)} en relation proposée${s(count)}, score total`,
    roundAfter: (greedy: string) =>
      ` (un choix besoin par besoin, du meilleur score au moins bon, obtiendrait ${greedy}). Chaque bénévole reçoit au plus autant de propositions qu'il lui reste de places.`,
    toSend: "Propositions à envoyer aux bénévoles",
    pairFor: (skill: string) => ` pour « ${skill} » —`,
    priority: (label: string) => `(priorité ${label.toLowerCase()})`,
    send: "Envoyer ces propositions",
    unmatched: "Besoins sans proposition",
    unmatchedIntro: "Aucun bénévole disponible ne remplit les conditions (compétence, distance, places libres) pour :",
    title: "Animation du pôle",
    now: "En ce moment",
    openNeeds: (count: number) => (count > 1 ? "besoins ouverts" : "besoin ouvert"),
    availableVolunteers: (count: number) => (count > 1 ? "bénévoles disponibles" : "bénévole disponible"),
    pendingRequests: (count: number) => (count > 1 ? "demandes en attente" : "demande en attente"),
    organisationRequests: (count: number) => (count > 1 ? "demandes d'organisations à confirmer" : "demande d'organisation à confirmer"),
    projects: "Projets du pôle",
    weights: "Pondérations du calcul",
    organisations: "Organisations du pôle",
    governance: "Gouvernance du pôle",
    impact: "Indicateurs d'impact",
    bulletin: "Relire les articles du bulletin",
    round: "Tour de mise en relation",
    roundIntro:
      "Maillon cherche un bénévole pour chaque besoin ouvert du pôle en même temps, de façon à obtenir le meilleur score total sans dépasser les places de chacun. Rien n'est envoyé tant que vous n'avez pas validé.",
    propose: "Proposer un tour de mise en relation",
  },
  organisations: {
    metaTitle: "Organisations du pôle — Animation — Maillon",
    badId: "Cette demande n'existe pas : rechargez la page.",
    poleConfirmed: (organisation: string) => `${organisation} est désormais membre du pôle.`,
    poleDeclined: (organisation: string) => `La demande de ${organisation} est refusée.`,
    representativeConfirmed: (person: string, organisation: string) => `${person} représente désormais ${organisation}.`,
    representativeDeclined: (person: string, organisation: string) =>
      `La demande de ${person} pour représenter ${organisation} est refusée.`,
    confirm: "Confirmer",
    decline: "Refuser",
    decideLabel: (action: string, what: string) => `${action} : ${what}`,
    title: "Organisations du pôle",
    members: (count: number, formatted: string) => `${formatted} organisation${s(count)} membre${s(count)} —`,
    directory: "les voir dans l'annuaire",
    joining: "Organisations qui demandent à rejoindre le pôle",
    noRequest: "Aucune demande en attente.",
    isNew: "nouvelle inscription",
    otherPole: "déjà membre d'un autre pôle",
    requestedOn: (date: string) => `demandé le ${date}`,
    representing: "Personnes qui demandent à représenter une organisation",
    representativeRequestedOn: (date: string) => `Demandé le ${date}`,
    personFor: (person: string, organisation: string) => `${person} pour ${organisation}`,
  },
  weights: {
    metaTitle: "Pondérations du calcul — Maillon",
    reset: "Les valeurs par défaut sont rétablies. Les prochaines suggestions et les prochains tours en tiennent compte.",
    saved: "Les pondérations sont enregistrées. Les prochaines suggestions et les prochains tours en tiennent compte.",
    mentorHints: MENTOR_CRITERION_HINTS,
    clubHints: CLUB_CRITERION_HINTS,
    byDefault: (hint: string, value: string) => `${hint} Par défaut : ${value}.`,
    title: "Pondérations du calcul",
    titleOf: (pole: string) => `Pondérations du calcul — ${pole}`,
    intro:
      "Chaque critère compte selon son poids : seuls les rapports entre poids importent (un critère de poids 4 pèse deux fois plus qu'un critère de poids 2 ; 0 l'ignore). Ces réglages valent pour les projets et les clubs de ce pôle seulement ; chaque pôle a les siens.",
    own: "Ce pôle a ses propres pondérations.",
    defaults: "Ce pôle utilise pour l'instant les valeurs par défaut de Maillon.",
    mentorLegend: "Accompagnement : bénévoles et besoins des projets",
    clubLegend: "Financement : clubs d'épargnants et projets",
    range: (max: string) => `Des nombres de 0 à ${max}, au moins un supérieur à 0.`,
    submit: "Enregistrer les pondérations",
    resetButton: "Rétablir les valeurs par défaut",
  },
};
