/**
 * Shared resources of a pôle and their bookings: the rules, without storage.
 *
 * Open hours are Paris wall-clock ranges per weekday (0 = Monday), in minutes from midnight
 * (closesAt up to 1440, midnight at the end of the day); closed periods are whole Paris days,
 * inclusive. A period asked for is made of instants (UTC ms): every minute of it must fall inside an
 * open range of its own Paris day and weekday — a booking may run over several days when the
 * resource is open across (ranges reaching midnight on one day and starting at midnight the next).
 * Two accepted bookings of one resource never overlap: periods are half-open, [start, end).
 */
import { formatDateTime, formatIsoDate } from "./format";
import { isStaffOf, type Actor } from "./permissions";
import { addIsoDays, parisWallTime, weekdayOfIsoDate, WEEKDAY_LABELS } from "./paris-time";
import type { BookingStatus, ResourceKind, ResourceTerms } from "./vocabulary";

export type OpenRange = { weekday: number; opensAt: number; closesAt: number };
export type Closure = { startsOn: string; endsOn: string; reason: string };
export type Period = { startsAt: number; endsAt: number };
export type BookingField = "startsAt" | "endsAt";
export type BookingCheck = { ok: true } | { ok: false; field: BookingField; message: string };

export const RESOURCE_KIND_LABELS: Record<ResourceKind, string> = {
  local: "Local",
  materiel: "Matériel",
  vehicule: "Véhicule",
  competence: "Compétence",
};

export const RESOURCE_TERMS_LABELS: Record<ResourceTerms, string> = {
  gratuit: "Gratuit",
  participation: "Participation aux frais",
  caution: "Contre une caution",
};

export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  demandee: "En attente de réponse",
  acceptee: "Acceptée",
  refusee: "Déclinée",
  annulee: "Annulée",
};

/** Ranges a weekday may hold at most (a morning and an afternoon). */
export const MAX_RANGES_PER_DAY = 2;
/** The longest booking asked for at once. */
export const MAX_BOOKING_DAYS = 31;
const DAY_MINUTES = 24 * 60;
const MINUTE_MS = 60_000;

/** 540 → « 9 h », 750 → « 12 h 30 », 1440 → « 24 h ». */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, "0")}`;
}

/** « 9 h – 12 h 30, 14 h – 18 h » for the ranges of one day, in order. */
function formatDayRanges(ranges: readonly OpenRange[]): string {
  return [...ranges]
    .sort((a, b) => a.opensAt - b.opensAt)
    .map((r) => `${formatMinutes(r.opensAt)} – ${formatMinutes(r.closesAt)}`)
    .join(", ");
}

/** « 09:30 » (an input of type time) → 570; « 00:00 » as a closing time means midnight at the end of the day (1440). */
export function parseTimeOfDay(value: string, closing = false): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const h = Number(match[1]);
  const m = Number(match[2]);
  if (h > 24 || m > 59 || (h === 24 && m > 0)) return null;
  const minutes = h * 60 + m;
  return closing && minutes === 0 ? DAY_MINUTES : minutes;
}

/** 570 → « 09:30 », what a time input shows; 1440 → « 00:00 ». */
export function timeOfDayInput(minutes: number): string {
  const m = minutes % DAY_MINUTES;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

/** Why a day's ranges cannot be kept (null when they can): each closes after it opens, at most two, not overlapping. */
export function checkDayRanges(ranges: readonly { opensAt: number; closesAt: number }[]): string | null {
  if (ranges.length > MAX_RANGES_PER_DAY) return `Deux plages au plus par jour.`;
  for (const r of ranges) {
    if (r.opensAt < 0 || r.closesAt > DAY_MINUTES || r.closesAt <= r.opensAt) return "La fermeture doit venir après l'ouverture, le même jour.";
  }
  const sorted = [...ranges].sort((a, b) => a.opensAt - b.opensAt);
  for (let i = 1; i < sorted.length; i += 1) {
    if (sorted[i]!.opensAt < sorted[i - 1]!.closesAt) return "Les deux plages se chevauchent : la seconde doit commencer après la fin de la première.";
  }
  return null;
}

/** The union of a weekday's ranges, merged where they touch: [opens, closes] in order. */
function mergedRanges(ranges: readonly OpenRange[], weekday: number): [number, number][] {
  const day = ranges.filter((r) => r.weekday === weekday).sort((a, b) => a.opensAt - b.opensAt);
  const merged: [number, number][] = [];
  for (const r of day) {
    const last = merged[merged.length - 1];
    if (last && r.opensAt <= last[1]) last[1] = Math.max(last[1], r.closesAt);
    else merged.push([r.opensAt, r.closesAt]);
  }
  return merged;
}

/** Minutes Paris is ahead of UTC at this instant (60 in winter, 120 in summer). */
function parisOffset(instant: number): number {
  const { day, minutes } = parisWallTime(instant);
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) + minutes * MINUTE_MS - Math.floor(instant / MINUTE_MS) * MINUTE_MS) / MINUTE_MS);
}

/** The period cut where Paris changes its clocks, so that in each piece the wall clock runs straight. */
function steadyPieces(period: Period): Period[] {
  const pieces: Period[] = [];
  let start = period.startsAt;
  while (parisOffset(start) !== parisOffset(period.endsAt - MINUTE_MS) && period.endsAt - start > MINUTE_MS) {
    // The first minute with the new offset, by halving (whole minutes from the start).
    let lo = 0;
    let hi = Math.floor((period.endsAt - MINUTE_MS - start) / MINUTE_MS);
    const before = parisOffset(start);
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (parisOffset(start + mid * MINUTE_MS) === before) lo = mid;
      else hi = mid;
    }
    const change = start + hi * MINUTE_MS;
    pieces.push({ startsAt: start, endsAt: change });
    start = change;
  }
  pieces.push({ startsAt: start, endsAt: period.endsAt });
  return pieces;
}

/**
 * The Paris days a period touches, each with the wall-clock minutes [from, to) it covers that day.
 * A period ending exactly at midnight does not touch the next day. Where the clocks change inside the
 * period, each side is read on its own clock (the hour repeated in October counts twice, the hour
 * skipped in March not at all).
 */
export function periodDays(period: Period): { day: string; weekday: number; from: number; to: number }[] {
  const days: { day: string; weekday: number; from: number; to: number }[] = [];
  for (const piece of steadyPieces(period)) {
    const first = parisWallTime(piece.startsAt);
    const last = parisWallTime(Math.max(piece.startsAt, piece.endsAt - MINUTE_MS));
    for (let day = first.day; day <= last.day; day = addIsoDays(day, 1)) {
      const from = day === first.day ? first.minutes : 0;
      const to = day === last.day ? last.minutes + 1 : DAY_MINUTES;
      days.push({ day, weekday: weekdayOfIsoDate(day), from, to });
    }
  }
  return days;
}

/** Is every minute of the period inside an open range of its Paris weekday? Null when so, else why not. */
export function openHoursProblem(period: Period, ranges: readonly OpenRange[]): string | null {
  for (const d of periodDays(period)) {
    const merged = mergedRanges(ranges, d.weekday);
    if (merged.some(([opens, closes]) => opens <= d.from && d.to <= closes)) continue;
    const label = WEEKDAY_LABELS[d.weekday]!;
    if (merged.length === 0) return `La ressource n'est pas ouverte le ${label} (${formatIsoDate(d.day)}).`;
    return `La période sort des horaires d'ouverture du ${label} ${formatIsoDate(d.day)} : ${formatDayRanges(ranges.filter((r) => r.weekday === d.weekday))}.`;
  }
  return null;
}

/** The closed period the booking falls into, if any. */
export function closureHit(period: Period, closures: readonly Closure[]): Closure | null {
  const days = periodDays(period).map((d) => d.day);
  return closures.find((c) => days.some((day) => c.startsOn <= day && day <= c.endsOn)) ?? null;
}

/** « du 24 décembre 2026 au 2 janvier 2027 (congés de fin d'année) », or « le 1er mai … » for one day. */
function formatClosure(c: Closure): string {
  const when = c.startsOn === c.endsOn ? `le ${formatIsoDate(c.startsOn)}` : `du ${formatIsoDate(c.startsOn)} au ${formatIsoDate(c.endsOn)}`;
  return c.reason ? `${when} (${c.reason})` : when;
}

/** Half-open periods [start, end) share at least one instant. */
export function overlaps(a: Period, b: Period): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

/** « du 3 mars 2026 à 09:00 au 3 mars 2026 à 12:00 ». */
export function formatPeriod(p: Period): string {
  return `du ${formatDateTime(p.startsAt)} au ${formatDateTime(p.endsAt)}`;
}

export const OVERLAP_MESSAGE = "Ce créneau est déjà réservé";

/** The message for a period that meets an accepted booking. */
export function overlapMessage(taken: Period): string {
  return `${OVERLAP_MESSAGE} ${formatPeriod(taken)} : choisissez une autre période.`;
}

/**
 * May this period be asked for (and accepted)? In order: it ends after it starts, is not past, is
 * not longer than a month, lies in the open hours, outside the closed periods, and meets no
 * accepted booking. The first reason found, at its field.
 */
export function checkBookingPeriod(
  period: Period,
  resource: { openHours: readonly OpenRange[]; closures: readonly Closure[]; accepted: readonly Period[] },
  now: Date | number,
): BookingCheck {
  if (period.endsAt <= period.startsAt) return { ok: false, field: "endsAt", message: "La fin doit venir après le début." };
  if (period.startsAt < Number(now)) return { ok: false, field: "startsAt", message: "Ce moment est déjà passé : choisissez un début à venir." };
  if (period.endsAt - period.startsAt > MAX_BOOKING_DAYS * DAY_MINUTES * MINUTE_MS) {
    return { ok: false, field: "endsAt", message: `Une réservation dure au plus ${MAX_BOOKING_DAYS} jours.` };
  }
  const hours = openHoursProblem(period, resource.openHours);
  if (hours) return { ok: false, field: "startsAt", message: hours };
  const closed = closureHit(period, resource.closures);
  if (closed) return { ok: false, field: "startsAt", message: `La ressource est fermée ${formatClosure(closed)}.` };
  const taken = resource.accepted.find((b) => overlaps(period, b));
  if (taken) return { ok: false, field: "startsAt", message: overlapMessage(taken) };
  return { ok: true };
}

/** Why the terms and amounts do not agree (null when they do), and at which field. */
export function termsProblem(r: { terms: ResourceTerms; costCents: number | null; depositCents: number | null }): { field: "costEuros" | "depositEuros"; message: string } | null {
  if (r.terms === "participation" && (r.costCents === null || r.costCents <= 0)) {
    return { field: "costEuros", message: "Indiquez le montant de la participation demandée." };
  }
  if (r.terms === "caution" && (r.depositCents === null || r.depositCents <= 0)) {
    return { field: "depositEuros", message: "Indiquez le montant de la caution." };
  }
  if (r.terms === "gratuit" && r.costCents !== null && r.costCents > 0) {
    return { field: "costEuros", message: "Une ressource gratuite ne demande pas de participation : choisissez « Participation aux frais » ou videz le montant." };
  }
  if (r.terms === "caution" && r.costCents !== null && r.costCents > 0) {
    return { field: "costEuros", message: "Avec une participation, choisissez « Participation aux frais » : la caution s'y ajoute." };
  }
  return null;
}

/** Who answers the requests of a resource: its owner, the organisation's confirmed representatives, the pôle's animation team. */
export function mayManageResource(actor: Actor | null, resource: { ownerId: number; territoryId: number; representativeIds: readonly number[] }): boolean {
  if (!actor) return false;
  return actor.userId === resource.ownerId || resource.representativeIds.includes(actor.userId) || isStaffOf(actor, resource.territoryId);
}
