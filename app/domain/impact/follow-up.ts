/** When a holder is asked how the launched activity is doing: 6, 12 and 36 months after its launch. */
import { FOLLOW_UP_MILESTONES, type FollowUpMilestone } from "../vocabulary";

/** YYYY-MM-DD plus `months` calendar months (the 31st becomes the month's last day). */
export function addIsoMonths(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/** The day of each milestone. */
export function milestoneDay(launchedOn: string, milestone: FollowUpMilestone): string {
  return addIsoMonths(launchedOn, milestone);
}

/** The milestones reached by `today`. */
export function reachedMilestones(launchedOn: string, today: string): FollowUpMilestone[] {
  return FOLLOW_UP_MILESTONES.filter((m) => milestoneDay(launchedOn, m) <= today);
}

/**
 * The milestone to ask about today: the latest one reached, if it has no answer yet (an older
 * unanswered one is not asked again once a later one is reached). Null when nothing is to ask.
 */
export function milestoneToAsk(launchedOn: string, today: string, answered: ReadonlySet<number>): FollowUpMilestone | null {
  const latest = reachedMilestones(launchedOn, today).at(-1);
  return latest !== undefined && !answered.has(latest) ? latest : null;
}

export const MILESTONE_LABELS: Readonly<Record<FollowUpMilestone, string>> = { 6: "6 mois", 12: "1 an", 36: "3 ans" };
