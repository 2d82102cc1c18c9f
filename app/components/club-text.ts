/** Sentences of the clubs pages built from a club's figures, in the page's language. */
import type { Formats } from "~/domain/format";
import type { VoteRule } from "~/domain/clubs/vote";
import type { Messages } from "~/i18n/messages";

/** A club's voting rule, quorum included (what `describeRule` says in French for mail). */
export function ruleText(t: Messages["clubs"], rule: VoteRule): string {
  const quorum = t.rule.quorum(rule.quorumPct);
  switch (rule.decisionRule) {
    case "majorite-simple":
      return t.rule.simple(quorum);
    case "majorite-qualifiee":
      return t.rule.qualified(rule.qualifiedMajorityPct, quorum);
    case "unanimite":
      return t.rule.unanimity(quorum);
  }
}

/** A share in basis points, as a percentage with up to two decimals. */
export function percentOfBps(t: Messages["clubs"], format: Formats, bps: number): string {
  return t.percent(new Intl.NumberFormat(format.intlTag, { maximumFractionDigits: 2 }).format(bps / 100));
}
