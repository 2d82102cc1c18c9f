/**
 * The governance of a pôle: its bodies (équipe d'animation, groupe
 * opérationnel, comité de pilotage…), the people holding a seat for a mandate,
 * and the decisions each body records. Dates are Paris calendar days (YYYY-MM-DD).
 */
import type { GovernanceBodyKind } from "./vocabulary";

export const GOVERNANCE_BODY_KIND_LABELS: Record<GovernanceBodyKind, string> = {
  "equipe-animation": "Équipe d'animation",
  "groupe-operationnel": "Groupe opérationnel",
  "comite-pilotage": "Comité de pilotage",
  assemblee: "Assemblée",
  bureau: "Bureau",
  autre: "Autre instance",
};

/** What each kind of body usually does, as a hint in the form (seed 004: the executive and the decision-making bodies). */
export const GOVERNANCE_BODY_KIND_HINTS: Record<GovernanceBodyKind, string> = {
  "equipe-animation": "Anime le réseau au quotidien.",
  "groupe-operationnel": "Instance exécutive : met en œuvre les orientations.",
  "comite-pilotage": "Instance décisionnelle : fixe les orientations.",
  assemblee: "Réunit l'ensemble des membres.",
  bureau: "Prépare et suit les décisions entre deux réunions.",
  autre: "",
};

export type MandateDates = { startsOn: string; endsOn: string | null };

/** A mandate is current on `today` when it has started and not ended (its last day included). */
export function isMandateCurrent(mandate: MandateDates, today: string): boolean {
  return mandate.startsOn <= today && (mandate.endsOn === null || mandate.endsOn >= today);
}

/** An end date is acceptable when it is not before the start. */
export function endsAfterStart(startsOn: string, endsOn: string | null): boolean {
  return endsOn === null || endsOn >= startsOn;
}

export type VoteCounts = { votesFor: number | null; votesAgainst: number | null; votesAbstain: number | null };

/** Did the vote carry? More for than against (abstentions do not count), or null without a vote. */
export function voteCarried(v: VoteCounts): boolean | null {
  if (v.votesFor === null && v.votesAgainst === null && v.votesAbstain === null) return null;
  return (v.votesFor ?? 0) > (v.votesAgainst ?? 0);
}
