/**
 * Mentorships: the state machine and who may do what. Pure functions, no
 * database: the models ask these before every write.
 */
import type { MentorshipInitiator, MentorshipStatus, SkillLevel, VolunteerStatus } from "./vocabulary";

export const MENTORSHIP_STATUS_LABELS: Record<MentorshipStatus, string> = {
  demande: "Demande en attente",
  acceptee: "En cours",
  refusee: "Déclinée",
  annulee: "Annulée",
  terminee: "Terminée",
  arretee: "Arrêtée",
};

export const VOLUNTEER_STATUS_LABELS: Record<VolunteerStatus, string> = {
  "chef-entreprise": "Chef d'entreprise indépendant",
  salarie: "Salarié ou salariée",
  retraite: "Retraité ou retraitée",
  etudiant: "Étudiant ou étudiante",
  "demandeur-emploi": "En recherche d'emploi",
  autre: "Autre situation",
};

export const SKILL_LEVEL_LABELS: Record<SkillLevel, string> = {
  notions: "Notions",
  confirme: "Confirmé",
  expert: "Expert",
};

/** The two sides of a mentorship; the animation team watches without acting. */
export type MentorshipSide = "porteur" | "benevole";

export const OPEN_STATUSES = ["demande", "acceptee"] as const satisfies readonly MentorshipStatus[];
export const ENDED_STATUSES = ["terminee", "arretee"] as const satisfies readonly MentorshipStatus[];

export type MentorshipRef = {
  status: MentorshipStatus;
  initiatedBy: MentorshipInitiator;
  holderId: number;
  volunteerId: number;
};

/** Which side `userId` is on, or null when they are neither the holder nor the volunteer. */
export function sideOf(userId: number, m: Pick<MentorshipRef, "holderId" | "volunteerId">): MentorshipSide | null {
  if (userId === m.volunteerId) return "benevole";
  if (userId === m.holderId) return "porteur";
  return null;
}

/** The side that must answer a request: the one that did not send it (an animator's request goes to the volunteer). */
export function addresseeOf(m: Pick<MentorshipRef, "initiatedBy">): MentorshipSide {
  return m.initiatedBy === "benevole" ? "porteur" : "benevole";
}

export type Decision = { ok: true } | { ok: false; status: 403 | 409; message: string };

const ALLOWED: Decision = { ok: true };
function refused(status: 403 | 409, message: string): Decision {
  return { ok: false, status, message };
}

/** Accept or decline: only the addressee, only while the request is pending. */
export function canRespond(userId: number, m: MentorshipRef): Decision {
  const side = sideOf(userId, m);
  if (side === null || side !== addresseeOf(m)) {
    return refused(403, "Cette demande ne vous est pas adressée.");
  }
  if (m.status !== "demande") return refused(409, "Cette demande a déjà reçu une réponse.");
  return ALLOWED;
}

/** Withdraw a pending request: the side that sent it. */
export function canCancel(userId: number, m: MentorshipRef): Decision {
  const side = sideOf(userId, m);
  if (side === null || (side !== m.initiatedBy && !(m.initiatedBy === "animateur" && side === "porteur"))) {
    return refused(403, "Seule la personne qui a envoyé la demande peut l'annuler.");
  }
  if (m.status !== "demande") return refused(409, "Cette demande a déjà reçu une réponse.");
  return ALLOWED;
}

/** Log a session, or end the mentorship: either side, while it runs. */
export function canActOnActive(userId: number, m: MentorshipRef): Decision {
  if (sideOf(userId, m) === null) return refused(403, "Vous ne participez pas à cet accompagnement.");
  if (m.status !== "acceptee") return refused(409, "Cet accompagnement n'est pas en cours.");
  return ALLOWED;
}

/** Feedback: each side once, after the end. */
export function canGiveFeedback(userId: number, m: MentorshipRef, alreadyGiven: boolean): Decision {
  if (sideOf(userId, m) === null) return refused(403, "Vous ne participez pas à cet accompagnement.");
  if (!isEnded(m.status)) return refused(409, "L'avis se donne à la fin de l'accompagnement.");
  if (alreadyGiven) return refused(409, "Vous avez déjà donné votre avis sur cet accompagnement.");
  return ALLOWED;
}

export function isEnded(status: MentorshipStatus): boolean {
  return (ENDED_STATUSES as readonly string[]).includes(status);
}

export function isOpen(status: MentorshipStatus): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

/**
 * Capacity is checked at acceptance: active mentorships against the volunteer's
 * maximum. `self` says whether the volunteer is the one accepting (the message speaks to them).
 */
export function capacityCheck(active: number, max: number, paused: boolean, self: boolean): Decision {
  if (paused) {
    return refused(
      409,
      self
        ? "Votre accompagnement est en pause : reprenez-le dans votre profil avant d'accepter une demande."
        : "Ce ou cette bénévole a mis son accompagnement en pause : la demande ne peut pas être acceptée maintenant.",
    );
  }
  if (active >= max) {
    const followed = `${active} projet${active > 1 ? "s" : ""} sur ${max} possible${max > 1 ? "s" : ""}`;
    return refused(
      409,
      self
        ? `Capacité atteinte : vous suivez déjà ${followed}. Terminez un accompagnement ou augmentez votre capacité dans votre profil.`
        : `Capacité atteinte : ce ou cette bénévole suit déjà ${followed}. La demande reste en attente jusqu'à ce qu'une place se libère.`,
    );
  }
  return ALLOWED;
}

/** When the mentorship should end, from its acceptance and planned length (calendar months). */
export function plannedEnd(acceptedAt: Date, plannedMonths: number): Date {
  const end = new Date(acceptedAt);
  end.setUTCMonth(end.getUTCMonth() + plannedMonths);
  return end;
}

/** "1 h 30", "45 min", "12 h". */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, "0")}`;
}

/** Hours with one decimal, for the track record: 90 min → "1,5". */
export function minutesToHoursLabel(minutes: number): string {
  return new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 }).format(minutes / 60);
}
