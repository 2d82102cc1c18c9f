/**
 * Mentors' endorsements of the projects they accompany: who may write one,
 * who decides its publication, and in which states. Pure functions: the model
 * (app/models/endorsement.server.ts) asks them again inside its transaction.
 *
 * The rules, in short:
 * - only the volunteer of the mentorship writes it, while the mentorship runs
 *   (`acceptee`) or once it is completed (`terminee`); not on a request, a
 *   declined or cancelled one, nor on one stopped before its term;
 * - one endorsement per mentorship; the mentor may revise it at any time in
 *   those states. Whatever it was (awaiting, published, declined), a revision
 *   goes back to the holder: it leaves the project page until the holder agrees
 *   to the new text, since the holder agreed to words, not to a person;
 * - only the holder of the project publishes or declines it, once per version.
 */
import { sideOf, type Decision, type MentorshipRef } from "./mentorship";
import type { EndorsementLevel, EndorsementStatus, MentorshipStatus } from "./vocabulary";

/** In the mentor's voice, as the form and the project page say it. */
export const ENDORSEMENT_LEVEL_LABELS: Readonly<Record<EndorsementLevel, string>> = {
  vivement: "Je le recommande vivement",
  recommande: "Je le recommande",
  "avec-reserves": "Je le recommande avec des réserves",
};

export const ENDORSEMENT_STATUS_LABELS: Readonly<Record<EndorsementStatus, string>> = {
  proposee: "En attente de l'accord du porteur ou de la porteuse",
  publiee: "Publiée sur la page du projet",
  refusee: "Non publiée : le porteur ou la porteuse a décliné",
};

/** Mentorship states in which the mentor writes or revises an endorsement. */
export const ENDORSABLE_STATUSES = ["acceptee", "terminee"] as const satisfies readonly MentorshipStatus[];

/** Levels that recommend the project without reserve: the club criterion's full value. */
export const RECOMMENDING_LEVELS: ReadonlySet<EndorsementLevel> = new Set(["vivement", "recommande"]);

export function isEndorsable(status: MentorshipStatus): boolean {
  return (ENDORSABLE_STATUSES as readonly string[]).includes(status);
}

const ALLOWED: Decision = { ok: true };

const NOT_ENDORSABLE: Readonly<Record<Exclude<MentorshipStatus, (typeof ENDORSABLE_STATUSES)[number]>, string>> = {
  demande: "L'accompagnement n'a pas encore commencé : la recommandation s'écrit une fois la demande acceptée.",
  refusee: "Cette demande a été déclinée : il n'y a pas d'accompagnement à recommander.",
  annulee: "Cette demande a été annulée : il n'y a pas d'accompagnement à recommander.",
  arretee: "Cet accompagnement a été arrêté avant son terme : il ne donne pas lieu à une recommandation.",
};

/** Write or revise the endorsement: the mentorship's volunteer, while it runs or once completed. */
export function canWriteEndorsement(userId: number, m: MentorshipRef): Decision {
  const side = sideOf(userId, m);
  if (side === null) return { ok: false, status: 403, message: "Vous ne participez pas à cet accompagnement." };
  if (side === "porteur") {
    return {
      ok: false,
      status: 403,
      message: "Seul le ou la bénévole qui vous accompagne peut écrire une recommandation : on ne se recommande pas soi-même.",
    };
  }
  if (!isEndorsable(m.status)) return { ok: false, status: 409, message: NOT_ENDORSABLE[m.status as keyof typeof NOT_ENDORSABLE] };
  return ALLOWED;
}

/** Publish or decline: the project's holder, once per version the mentor wrote. */
export function canDecideEndorsement(userId: number, m: MentorshipRef, endorsement: { status: EndorsementStatus } | null): Decision {
  const side = sideOf(userId, m);
  if (side === null) return { ok: false, status: 403, message: "Vous ne participez pas à cet accompagnement." };
  if (side === "benevole") {
    return {
      ok: false,
      status: 403,
      message: "Seule la personne qui porte le projet accepte ou décline la publication de votre recommandation.",
    };
  }
  if (!endorsement) return { ok: false, status: 409, message: "Aucune recommandation n'attend votre accord pour cet accompagnement." };
  if (endorsement.status !== "proposee") {
    return { ok: false, status: 409, message: "Vous avez déjà répondu pour cette recommandation." };
  }
  return ALLOWED;
}
