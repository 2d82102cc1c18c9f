/**
 * May a club commit this amount to this company? Never more than the money it
 * has, never above its maximum stake (clubs stay minority shareholders), and
 * never beyond what the project still seeks.
 */
import { formatEuros } from "../format";
import { checkContributionFits } from "../funding";

export type CommitmentInput = {
  amountCents: number;
  /** The club's ledger balance. */
  availableCents: number;
  /** What this club has already committed to this project. */
  committedToProjectCents: number;
  /** Maximum stake in one company, basis points (3300 = 33 %). */
  maxStakeBps: number;
  /** The project's share capital after the round, when known. */
  companyCapitalCents: number | null;
  /** The project's funding need, when it has one. */
  needCents: number | null;
  /** What every source (pledges, clubs, cagnotte) has already raised toward the need. */
  raisedCents: number;
};

export type CommitmentCheck =
  | { ok: true }
  | { ok: false; reason: "amount" | "no-need" | "money" | "stake" | "goal"; message: string };

/** The base of the stake: the company's capital when known, else the amount sought. */
export function stakeBaseCents(input: Pick<CommitmentInput, "companyCapitalCents" | "needCents">): number | null {
  return input.companyCapitalCents ?? input.needCents;
}

/** The most this club may still commit to the project under its stake cap (never negative). */
export function stakeRoomCents(input: CommitmentInput): number {
  const base = stakeBaseCents(input);
  if (base === null) return 0;
  const cap = Math.floor((input.maxStakeBps * base) / 10_000);
  return Math.max(0, cap - input.committedToProjectCents);
}

export function formatPercentBps(bps: number): string {
  return `${new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 }).format(bps / 100)} %`;
}

export function checkCommitment(input: CommitmentInput): CommitmentCheck {
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0) {
    return { ok: false, reason: "amount", message: "Le montant doit être supérieur à 0 €." };
  }
  const base = stakeBaseCents(input);
  if (input.needCents === null || base === null) {
    return {
      ok: false,
      reason: "no-need",
      message: "Ce projet n'a pas de besoin de financement : le club ne peut pas s'y engager.",
    };
  }
  if (input.amountCents > input.availableCents) {
    return {
      ok: false,
      reason: "money",
      message: `Le club ne dispose que de ${formatEuros(input.availableCents)} : un engagement de ${formatEuros(input.amountCents)} dépasse l'argent disponible.`,
    };
  }
  const room = stakeRoomCents(input);
  if (input.amountCents > room) {
    const what = input.companyCapitalCents !== null ? "du capital de l'entreprise" : "du besoin de financement";
    return {
      ok: false,
      reason: "stake",
      message: `Avec ${formatEuros(input.amountCents)}, le club dépasserait sa part maximale de ${formatPercentBps(input.maxStakeBps)} ${what} (${formatEuros(base)}) : il peut encore engager au plus ${formatEuros(room)}.`,
    };
  }
  const fits = checkContributionFits(input.amountCents, { needCents: input.needCents, raisedCents: input.raisedCents }, "club");
  if (!fits.ok) return { ok: false, reason: "goal", message: fits.message };
  return { ok: true };
}
