/**
 * French explanations, built only from the facts that produced the score, so
 * the text can never claim more than the numbers. Parts are joined with « · ».
 */
import { formatInteger, formatOneDecimal, formatWholeEuros, plural } from "../format";
import { minutesToHoursLabel } from "../mentorship";
import type { EndorsementLevel, NeedPriority, SkillLevel } from "../vocabulary";
import { POINT_UNCERTAINTY_KM, type PointApproximation } from "./geo";
import type { Accompaniment } from "./types";

export const SEPARATOR = " · ";

export const LEVEL_LABEL: Readonly<Record<SkillLevel, string>> = {
  notions: "notions",
  confirme: "confirmé",
  expert: "expert",
};

const PRIORITY_PHRASE: Readonly<Record<NeedPriority, string>> = {
  haute: "couvre le besoin prioritaire",
  moyenne: "couvre un besoin de priorité moyenne",
  basse: "couvre un besoin secondaire",
};

export type MentorExplanationFacts = {
  skillName: string;
  level: SkillLevel;
  priority: NeedPriority;
  distanceKm: number | null;
  /** Set when either commune is placed only approximately. */
  approximation: PointApproximation;
  remote: boolean;
  sameCommune: boolean;
  activeMentorships: number;
  maxMentorships: number;
  /** The project's domain when the volunteer shares it. */
  sharedDomainName: string | null;
  completedMentorships: number;
  averageRating: number | null;
  daysSinceActive: number;
};

/** A distance as people say it: « moins d'un km », « 4 km », « 18 km », « 586 km ». */
export function sayKm(distanceKm: number): string {
  return distanceKm < 1 ? "moins d'un km" : `${formatInteger(Math.round(distanceKm))} km`;
}

/**
 * « à 12 km », « dans la même commune », « à distance (450 km) ». When a commune is placed only
 * approximately, no distance is claimed that the points cannot support: « même secteur postal »
 * close by, « à environ 590 km » farther.
 */
export function describeDistance(
  distanceKm: number | null,
  remote: boolean,
  sameCommune: boolean,
  approximation: PointApproximation = null,
): string {
  if (distanceKm === null) return "à distance";
  if (sameCommune && !remote) return "dans la même commune";
  const km = approximation === null ? sayKm(distanceKm) : describeApproximateKm(distanceKm, approximation);
  if (remote) return `à distance (${km})`;
  return approximation !== null && !km.startsWith("environ") ? km : `à ${km}`;
}

function describeApproximateKm(distanceKm: number, approximation: Exclude<PointApproximation, null>): string {
  if (distanceKm <= POINT_UNCERTAINTY_KM[approximation]) {
    return approximation === "postal" ? "même secteur postal" : "distance incertaine (commune placée au centre de son département)";
  }
  // Round to the tens: the point may be off by the width of a sector or a department.
  const rounded = Math.round(distanceKm / 10) * 10;
  return approximation === "postal"
    ? `environ ${formatInteger(rounded)} km (commune placée approximativement)`
    : `environ ${formatInteger(rounded)} km (commune placée au centre de son département)`;
}

/** « 1 accompagnement en cours sur 3 », « aucun accompagnement en cours sur 2 ». */
export function describeLoad(active: number, max: number): string {
  const running = active === 0 ? "aucun accompagnement" : plural(active, "accompagnement");
  return `${running} en cours sur ${formatInteger(max)}`;
}

function describeTrackRecord(completed: number, averageRating: number | null): string | null {
  if (completed === 0) return null;
  const done = plural(completed, "accompagnement mené", "accompagnements menés");
  return averageRating === null ? done : `${done} (note moyenne ${formatOneDecimal(averageRating)}/5)`;
}

function describeRecency(days: number): string | null {
  if (days <= 7) return "actif cette semaine";
  if (days > 90) return `dernière activité il y a ${formatInteger(Math.floor(days / 30))} mois`;
  return null;
}

export function explainMentor(f: MentorExplanationFacts): string {
  const parts = [
    `${f.skillName} (${LEVEL_LABEL[f.level]}) ${PRIORITY_PHRASE[f.priority]}`,
    describeDistance(f.distanceKm, f.remote, f.sameCommune, f.approximation),
    describeLoad(f.activeMentorships, f.maxMentorships),
    f.sharedDomainName ? `même domaine : ${f.sharedDomainName}` : null,
    describeTrackRecord(f.completedMentorships, f.averageRating),
    describeRecency(f.daysSinceActive),
  ];
  return parts.filter((p): p is string => p !== null).join(SEPARATOR);
}

export type ClubExplanationFacts = {
  /** The project's sector. */
  sectorName: string;
  /** null: the club states no sector preference. */
  sectorPreferred: boolean | null;
  ticketMinCents: number;
  ticketMaxCents: number;
  /** Amount still sought once other clubs' commitments are deducted. */
  remainingCents: number;
  availableCents: number;
  distanceKm: number | null;
  approximation: PointApproximation;
  accompaniment: Accompaniment;
  otherClubs: number;
  otherClubsCents: number;
};

/** « Claire », « Claire et Paul », « Claire, Paul et Nadia ». */
export function sayNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} et ${names[names.length - 1]}`;
}

const ENDORSED_PHRASE: Readonly<Record<EndorsementLevel, string>> = {
  vivement: "vivement recommandé par",
  recommande: "recommandé par",
  "avec-reserves": "recommandé avec des réserves par",
};

/**
 * « accompagné par 2 bénévoles (gestion administrative, comptabilité), 14 h de suivi ; recommandé par
 * Claire Martin », or null when nobody accompanies or recommends the project.
 */
export function describeAccompaniment(a: Accompaniment): string | null {
  const parts: string[] = [];
  if (a.mentorCount > 0) {
    const skills = a.skillNames.length > 0 ? ` (${a.skillNames.map((s) => s.toLocaleLowerCase("fr-FR")).join(", ")})` : "";
    const time = a.minutes > 0 ? `${minutesToHoursLabel(a.minutes)} h de suivi` : "pas encore de rencontre notée";
    parts.push(`accompagné par ${plural(a.mentorCount, "bénévole")}${skills}, ${time}`);
  }
  for (const level of ["vivement", "recommande", "avec-reserves"] as const) {
    const names = a.endorsements.filter((e) => e.level === level).map((e) => e.mentorName);
    if (names.length > 0) parts.push(`${ENDORSED_PHRASE[level]} ${sayNames(names)}`);
  }
  return parts.length > 0 ? parts.join(" ; ") : null;
}

function capitalise(s: string): string {
  return s.charAt(0).toLocaleUpperCase("fr-FR") + s.slice(1);
}

export function explainClub(f: ClubExplanationFacts): string {
  const sector =
    f.sectorPreferred === null
      ? `secteur ${f.sectorName} (aucune préférence de secteur)`
      : f.sectorPreferred
        ? `secteur ${f.sectorName} parmi ses préférences`
        : `secteur ${f.sectorName} hors de ses préférences`;
  const parts = [
    sector,
    `ticket de ${formatWholeEuros(f.ticketMinCents)} à ${formatWholeEuros(f.ticketMaxCents)} pour ${formatWholeEuros(f.remainingCents)} recherchés`,
    `${formatWholeEuros(f.availableCents)} disponibles`,
    f.distanceKm === null ? null : describeDistance(f.distanceKm, false, false, f.approximation),
    describeAccompaniment(f.accompaniment),
    f.otherClubs > 0
      ? `${plural(f.otherClubs, "autre club engagé", "autres clubs engagés")} (${formatWholeEuros(f.otherClubsCents)})`
      : null,
  ];
  return capitalise(parts.filter((p): p is string => p !== null).join(SEPARATOR));
}
