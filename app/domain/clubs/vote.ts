/**
 * A club's vote on an investment: the outcome follows the club's decision rule
 * and quorum. Plain data in, results out; `now` is always passed in.
 */
import type { BallotChoice, DecisionRule, VoteOutcome, VoteStatus } from "../vocabulary";

export type VoteRule = {
  decisionRule: DecisionRule;
  /** For majorité qualifiée: share of « pour » among pour + contre, in percent. */
  qualifiedMajorityPct: number;
  /** Share of eligible members who must cast a ballot (abstentions count), in percent. */
  quorumPct: number;
};

export type BallotCounts = Record<BallotChoice, number>;

export type VoteTally = BallotCounts & {
  cast: number;
  eligible: number;
  /** Ballots needed for the quorum (at least one). */
  quorumNeeded: number;
  quorumReached: boolean;
};

export function countBallots(choices: readonly BallotChoice[]): BallotCounts {
  const counts: BallotCounts = { pour: 0, contre: 0, abstention: 0 };
  for (const c of choices) counts[c] += 1;
  return counts;
}

/** ⌈eligible × quorum %⌉ ballots, never fewer than one: a vote nobody cast has no quorum. */
export function quorumNeeded(eligible: number, quorumPct: number): number {
  return Math.max(1, Math.ceil((eligible * quorumPct) / 100));
}

export function tally(rule: VoteRule, eligible: number, counts: BallotCounts): VoteTally {
  const cast = counts.pour + counts.contre + counts.abstention;
  const needed = quorumNeeded(eligible, rule.quorumPct);
  return { ...counts, cast, eligible, quorumNeeded: needed, quorumReached: cast >= needed };
}

/** The result if the vote closed now with these ballots. */
export function voteOutcome(rule: VoteRule, eligible: number, counts: BallotCounts): VoteOutcome {
  const t = tally(rule, eligible, counts);
  if (!t.quorumReached) return "sans-quorum";
  const { pour, contre } = counts;
  switch (rule.decisionRule) {
    case "majorite-simple":
      return pour > contre ? "adopte" : "rejete";
    case "majorite-qualifiee":
      return pour > 0 && pour * 100 >= rule.qualifiedMajorityPct * (pour + contre) ? "adopte" : "rejete";
    case "unanimite":
      // Every ballot must say « pour »: an abstention or a « contre » breaks unanimity.
      return pour > 0 && pour === t.cast ? "adopte" : "rejete";
  }
}

/**
 * The outcome when no ballot still to come can change it, else null. Tries
 * every way the members who have not voted could still vote or stay silent
 * (at most 20 members: a few thousand cases).
 */
export function settledOutcome(rule: VoteRule, eligible: number, counts: BallotCounts): VoteOutcome | null {
  const remaining = Math.max(0, eligible - counts.pour - counts.contre - counts.abstention);
  let seen: VoteOutcome | null = null;
  for (let p = 0; p <= remaining; p += 1) {
    for (let c = 0; c <= remaining - p; c += 1) {
      for (let a = 0; a <= remaining - p - c; a += 1) {
        const outcome = voteOutcome(rule, eligible, {
          pour: counts.pour + p,
          contre: counts.contre + c,
          abstention: counts.abstention + a,
        });
        if (seen === null) seen = outcome;
        else if (seen !== outcome) return null;
      }
    }
  }
  return seen;
}

export type VoteState = { status: VoteStatus; deadline: Date };

/** A vote closes at its deadline, when everyone has voted, or as soon as its result cannot change. */
export function shouldClose(rule: VoteRule, vote: VoteState & { eligible: number }, counts: BallotCounts, now: Date) {
  if (vote.status !== "ouvert") return false;
  const cast = counts.pour + counts.contre + counts.abstention;
  return now.getTime() >= vote.deadline.getTime() || cast >= vote.eligible || settledOutcome(rule, vote.eligible, counts) !== null;
}

export type BallotCheck = { ok: true } | { ok: false; status: 403 | 409; message: string };

/** Who may cast a ballot: an active member of this club, who was a member when it opened, once, before the deadline. */
export function checkBallot(input: {
  vote: VoteState & { openedAt: Date };
  member: { status: string; joinedAt: Date | null } | null;
  alreadyVoted: boolean;
  now: Date;
}): BallotCheck {
  const { vote, member, alreadyVoted, now } = input;
  if (!member || member.status !== "actif") {
    return { ok: false, status: 403, message: "Seuls les membres actifs du club votent." };
  }
  if (member.joinedAt && member.joinedAt.getTime() > vote.openedAt.getTime()) {
    return { ok: false, status: 403, message: "Vous avez rejoint le club après l'ouverture de ce vote : vous ne pouvez pas y prendre part." };
  }
  if (alreadyVoted) return { ok: false, status: 409, message: "Vous avez déjà voté : chaque membre vote une seule fois." };
  if (vote.status !== "ouvert" || now.getTime() >= vote.deadline.getTime()) {
    return { ok: false, status: 409, message: "Ce vote est clos." };
  }
  return { ok: true };
}

/** Plain-language statement of the rule, shown beside every vote. */
export function describeRule(rule: VoteRule): string {
  const quorum = `quorum : ${rule.quorumPct} % des membres doivent voter (abstentions comprises)`;
  switch (rule.decisionRule) {
    case "majorite-simple":
      return `Majorité simple : plus de « pour » que de « contre » ; ${quorum}.`;
    case "majorite-qualifiee":
      return `Majorité qualifiée : au moins ${rule.qualifiedMajorityPct} % de « pour » parmi les « pour » et les « contre » ; ${quorum}.`;
    case "unanimite":
      return `Unanimité : tous les votants se prononcent « pour » (une abstention empêche l'unanimité) ; ${quorum}.`;
  }
}
