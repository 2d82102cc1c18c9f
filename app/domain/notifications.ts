/**
 * What people are told, and when their e-mail digests go out. Pure: the kinds' French names, the
 * e-mail choices, and the digest clock in Europe/Paris.
 */
import { parisClock } from "./paris-time";
import type { EmailFrequency, NotificationKind } from "./vocabulary";

export const NOTIFICATION_KIND_LABELS: Readonly<Record<NotificationKind, { label: string; hint: string }>> = {
  "demande-accompagnement": { label: "Demandes d'accompagnement", hint: "Une personne vous demande de l'accompagner, ou propose de vous aider." },
  "reponse-accompagnement": { label: "Réponses à vos demandes", hint: "Votre demande d'accompagnement est acceptée ou déclinée." },
  "suivi-accompagnement": { label: "Suivi des accompagnements", hint: "Une rencontre notée, un accompagnement terminé, un avis à donner." },
  "suggestion-besoin": { label: "Bénévoles suggérés", hint: "Un ou une bénévole correspond à un besoin ouvert de votre projet." },
  "vote-club": { label: "Votes de vos clubs", hint: "Un vote ouvert, qui ferme bientôt, ou décidé." },
  "vie-club": { label: "Vie de vos clubs", hint: "Une cotisation à verser, un engagement pris par le club." },
  "invitation-club": { label: "Invitations à un club", hint: "Un club d'épargnants vous invite à le rejoindre." },
  "demande-club": { label: "Demandes d'adhésion à votre club", hint: "Un épargnant demande à rejoindre un club que vous gérez." },
  "reponse-club": { label: "Réponses à vos demandes d'adhésion", hint: "Votre demande à rejoindre un club est acceptée ou refusée." },
  "projet-soutenu": { label: "Projets que vous soutenez", hint: "Un projet que vous soutenez atteint son objectif ou sa date." },
  "promesse-recue": { label: "Promesses reçues", hint: "Un épargnant promet de soutenir votre projet : contactez-le pour le virement." },
  partenariat: { label: "Propositions d'association", hint: "Une personne propose de s'associer à votre projet, ou répond à votre proposition." },
  moderation: { label: "Vos contributions", hint: "Ce que vous avez proposé est publié, à revoir ou refusé." },
  "vie-pole": { label: "Vie de vos pôles", hint: "Un groupe de travail vous répond, un membre rejoint le pôle, une demande à examiner." },
  agenda: { label: "Rencontres et inscriptions", hint: "Une place se libère pour vous, une rencontre change d'heure ou est annulée." },
  reservation: { label: "Ressources partagées", hint: "Une demande de réservation à examiner, ou la réponse à la vôtre." },
  "besoin-territoire": { label: "Besoins du territoire", hint: "Un besoin que vous avez signalé ou soutenu est étudié, trouve une réponse ou devient un projet." },
  "suivi-activite": { label: "Suivi de votre activité", hint: "Six mois, un an et trois ans après le lancement de votre projet : les emplois créés et où en est l'activité." },
  securite: { label: "Sécurité du compte", hint: "Mot de passe, adresse e-mail : toujours envoyé, sans délai." },
};

export const EMAIL_FREQUENCY_LABELS: Readonly<Record<EmailFrequency, string>> = {
  immediat: "Immédiatement",
  quotidien: "Résumé quotidien",
  hebdomadaire: "Résumé hebdomadaire",
  jamais: "Jamais",
};

/** Kinds a person chooses for (security messages always go out at once). */
export const CHOOSABLE_KINDS = (Object.keys(NOTIFICATION_KIND_LABELS) as NotificationKind[]).filter((k) => k !== "securite");

/** The e-mail choice that applies: security is always immediate; no choice made means immediate. */
export function emailFrequencyFor(kind: NotificationKind, chosen: EmailFrequency | undefined): EmailFrequency {
  if (kind === "securite") return "immediat";
  return chosen ?? "immediat";
}

export type DigestClock = { hour: number; weekday: number; lastDailyOn: string | null; lastWeeklyOn: string | null };

/**
 * Which digests are due now: the daily one once a Paris day from the chosen hour, the weekly one once
 * a week from that hour on the chosen weekday. A server down at the hour sends it when it is back,
 * the same day.
 */
export function dueDigests(settings: DigestClock, now: Date): { daily: boolean; weekly: boolean } {
  const clock = parisClock(now);
  const pastHour = clock.hour >= settings.hour;
  return {
    daily: pastHour && settings.lastDailyOn !== clock.day,
    weekly: pastHour && clock.weekday === settings.weekday && settings.lastWeeklyOn !== clock.day,
  };
}

export type DigestItem = { groupKey: string; groupLabel: string; title: string; body: string; link: string; createdAt: Date };

/** Items grouped by project or club, groups in the order of their first item, items oldest first. */
export function groupDigest(items: readonly DigestItem[]): { label: string; items: DigestItem[] }[] {
  const groups = new Map<string, { label: string; items: DigestItem[] }>();
  for (const item of [...items].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
    const group = groups.get(item.groupKey) ?? { label: item.groupLabel, items: [] };
    group.items.push(item);
    groups.set(item.groupKey, group);
  }
  return [...groups.values()];
}
