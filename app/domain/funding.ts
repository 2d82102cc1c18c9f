/**
 * A project's funding stops at its goal: what savers pledge, clubs commit and the cagnotte gives
 * together never exceeds the amount the holder seeks. The holder raises the goal to receive more;
 * a cancelled pledge frees its share again.
 */
import { formatEuros } from "./format";

export type FundingTotals = {
  /** The funding need's amount; null when the project seeks no money. */
  needCents: number | null;
  /** Active pledges + club commitments + cagnotte allocations. */
  raisedCents: number;
};

/** Who adds money, for the French message. */
export type ContributionSource = "pledge" | "club" | "cagnotte";

export type ContributionCheck = { ok: true } | { ok: false; reason: "no-need" | "goal-reached" | "above-remaining"; message: string };

/** What is still sought (0 once the goal is reached); null when the project seeks no money. */
export function remainingCents(t: FundingTotals): number | null {
  return t.needCents === null ? null : Math.max(0, t.needCents - t.raisedCents);
}

export function isGoalReached(t: FundingTotals): boolean {
  const remaining = remainingCents(t);
  return remaining !== null && remaining === 0;
}

const WHAT: Readonly<Record<ContributionSource, string>> = {
  pledge: "votre promesse",
  club: "l'engagement du club",
  cagnotte: "l'attribution",
};

const RECEIVES: Readonly<Record<ContributionSource, string>> = {
  pledge: "il ne reçoit plus de promesses",
  club: "il ne reçoit plus d'engagement",
  cagnotte: "il ne reçoit plus d'attribution de la cagnotte",
};

/** May `amountCents` more go to the project? Never beyond its goal. */
export function checkContributionFits(amountCents: number, t: FundingTotals, source: ContributionSource): ContributionCheck {
  const remaining = remainingCents(t);
  if (remaining === null || t.needCents === null) {
    return { ok: false, reason: "no-need", message: "Ce projet ne recherche pas de financement pour l'instant." };
  }
  if (remaining === 0) {
    return {
      ok: false,
      reason: "goal-reached",
      message: `Ce projet a atteint son objectif de ${formatEuros(t.needCents)} : ${RECEIVES[source]}.`,
    };
  }
  if (amountCents > remaining) {
    return {
      ok: false,
      reason: "above-remaining",
      message: `Il reste ${formatEuros(remaining)} à trouver pour ce projet (objectif ${formatEuros(t.needCents)}) : ${WHAT[source]} ne peut pas dépasser ce montant.`,
    };
  }
  return { ok: true };
}
