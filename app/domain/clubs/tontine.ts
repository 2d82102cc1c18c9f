/**
 * A tontine: every month each member pays the same contribution and one
 * member, in the agreed order, receives the whole pot. Plain data in, results out.
 */
import { parisIsoDate } from "../paris-time";
import { addMonthsIso } from "./lifecycle";

export const MAX_TONTINE_MEMBERS = 24;

export type TontineTurn = { turn: number; userId: number; date: string; potCents: number; status: "passe" | "en-cours" | "a-venir" };

/** Month index (0-based) of `today` in a circle that started on `startsOn`, or -1 before it starts. */
export function monthsSince(startsOn: string, today: string): number {
  if (today < startsOn) return -1;
  const [y1, m1, d1] = startsOn.split("-").map(Number) as [number, number, number];
  const [y2, m2, d2] = today.split("-").map(Number) as [number, number, number];
  let months = (y2 - y1) * 12 + (m2 - m1);
  if (d2 < d1) months -= 1;
  return months;
}

/** The order of turns with dates and pot; the current month's turn is « en cours ». */
export function tontineSchedule(
  tontine: { startsOn: string; contributionCents: number },
  members: readonly { userId: number; turn: number }[],
  now: Date,
): TontineTurn[] {
  const ordered = [...members].sort((a, b) => a.turn - b.turn);
  const potCents = tontine.contributionCents * ordered.length;
  const current = monthsSince(tontine.startsOn, parisIsoDate(now));
  return ordered.map((m, index) => ({
    turn: index + 1,
    userId: m.userId,
    date: addMonthsIso(tontine.startsOn, index),
    potCents,
    status: index < current ? "passe" : index === current ? "en-cours" : "a-venir",
  }));
}
