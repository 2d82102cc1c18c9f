import { MatchingInputError } from "./errors";

/**
 * Soft-criterion weights. A pair's score is 100 × Σ wᵢ·vᵢ / Σ wᵢ where each
 * value vᵢ lies in [0, 1]; weights are relative, so only their ratios matter.
 * Stored per pôle in `matching_weights` as `mentor.<key>` / `club.<key>`; each
 * pôle's animation team edits its own, these defaults apply when a row is absent.
 */
export const MENTOR_CRITERIA = ["skillLevel", "distance", "sharedDomain", "capacity", "trackRecord", "recency"] as const;
export type MentorCriterionKey = (typeof MENTOR_CRITERIA)[number];
export type MentorWeights = Record<MentorCriterionKey, number>;

/**
 * Default mentor weights. The skill fit dominates (it already carries the
 * need's priority, 5/3/1); proximity comes next because most mentoring is
 * face to face; then the shared sector and spreading the load; history and
 * recency only break near-ties.
 */
export const DEFAULT_MENTOR_WEIGHTS: Readonly<MentorWeights> = Object.freeze({
  skillLevel: 5,
  distance: 3,
  sharedDomain: 2,
  capacity: 2,
  trackRecord: 1,
  recency: 1,
});

export const MENTOR_CRITERION_LABELS: Readonly<Record<MentorCriterionKey, string>> = {
  skillLevel: "Niveau de compétence et priorité du besoin",
  distance: "Proximité",
  sharedDomain: "Domaine d'activité commun",
  capacity: "Disponibilité",
  trackRecord: "Expérience d'accompagnement",
  recency: "Activité récente",
};

export const CLUB_CRITERIA = ["sector", "ticket", "availableMoney", "distance", "accompanied", "coInvestment"] as const;
export type ClubCriterionKey = (typeof CLUB_CRITERIA)[number];
export type ClubWeights = Record<ClubCriterionKey, number>;

/**
 * Default club weights: what the club wants (sector), whether its ticket fits
 * the amount sought and whether it has the money weigh most; being accompanied
 * by a volunteer, and recommended by them, is a strong signal for savers;
 * distance and co-investors refine.
 */
export const DEFAULT_CLUB_WEIGHTS: Readonly<ClubWeights> = Object.freeze({
  sector: 3,
  ticket: 3,
  availableMoney: 3,
  distance: 1,
  accompanied: 2,
  coInvestment: 1,
});

export const CLUB_CRITERION_LABELS: Readonly<Record<ClubCriterionKey, string>> = {
  sector: "Secteur préféré du club",
  ticket: "Ticket du club et montant recherché",
  availableMoney: "Épargne disponible",
  distance: "Proximité",
  accompanied: "Accompagné / recommandé",
  coInvestment: "Co-investissement d'autres clubs",
};

/**
 * Stored keys renamed since: `club.mentorFollows` (1 when a mentor followed the project) became
 * `club.accompanied`, which grades the same signal; a pôle's weight set under the old name keeps
 * counting until the pôle saves its weights again (the new name wins when both are stored).
 */
export const LEGACY_WEIGHT_KEYS: Readonly<Record<string, `club.${ClubCriterionKey}` | `mentor.${MentorCriterionKey}`>> = {
  "club.mentorFollows": "club.accompanied",
};

/** What each criterion measures, for the animation team's settings page. */
export const MENTOR_CRITERION_HINTS: Readonly<Record<MentorCriterionKey, string>> = {
  skillLevel: "Le niveau du ou de la bénévole dans la compétence demandée, et la priorité que le projet donne au besoin.",
  distance: "Plus le ou la bénévole habite près du projet, plus le critère compte.",
  sharedDomain: "Le ou la bénévole connaît le domaine d'activité du projet.",
  capacity: "Le ou la bénévole a encore de la place parmi les accompagnements qu'il ou elle accepte.",
  trackRecord: "Accompagnements menés à leur terme et notes reçues des porteurs.",
  recency: "Dernière activité du ou de la bénévole sur Maillon.",
};

export const CLUB_CRITERION_HINTS: Readonly<Record<ClubCriterionKey, string>> = {
  sector: "Le projet est dans un des secteurs que le club privilégie.",
  ticket: "Le ticket du club (minimum, maximum, part plafonnée) couvre le montant encore recherché.",
  availableMoney: "Le club a l'épargne disponible pour son ticket.",
  distance: "Plus le projet est proche du lieu où le club se réunit, plus le critère compte.",
  accompanied:
    "Un ou une bénévole accompagne le projet et a noté des heures de suivi : la moitié du critère (un quart sans heure notée) ; il ou elle le recommande, avec l'accord du porteur : le critère entier (une recommandation avec des réserves n'ajoute rien).",
  coInvestment: "D'autres clubs se sont déjà engagés dans le projet.",
};

export type MatchingWeights = { mentor: MentorWeights; club: ClubWeights };

export const DEFAULT_MATCHING_WEIGHTS: Readonly<MatchingWeights> = Object.freeze({
  mentor: DEFAULT_MENTOR_WEIGHTS,
  club: DEFAULT_CLUB_WEIGHTS,
});

/** Upper bound for one weight: generous, but it keeps a typo (5000) from being taken at face value. */
export const MAX_WEIGHT = 100;

/** Every storage key, e.g. `mentor.distance`, `club.ticket`. */
export const WEIGHT_KEYS = [
  ...MENTOR_CRITERIA.map((k) => `mentor.${k}` as const),
  ...CLUB_CRITERIA.map((k) => `club.${k}` as const),
];
export type WeightKey = (typeof WEIGHT_KEYS)[number];

export function isWeightKey(key: string): key is WeightKey {
  return (WEIGHT_KEYS as readonly string[]).includes(key);
}

export function validateWeightValue(field: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new MatchingInputError(field, `le poids doit être un nombre fini, reçu ${String(value)}`);
  }
  if (value < 0 || value > MAX_WEIGHT) {
    throw new MatchingInputError(field, `le poids doit être compris entre 0 et ${MAX_WEIGHT}, reçu ${value}`);
  }
  return value;
}

/** Checks every weight and that at least one is positive (otherwise every score would be 0/0). */
function validateWeightSet<K extends string>(prefix: string, keys: readonly K[], weights: Record<K, number>): Record<K, number> {
  let sum = 0;
  for (const key of keys) sum += validateWeightValue(`${prefix}.${key}`, weights[key]);
  if (sum <= 0) throw new MatchingInputError(prefix, "au moins un poids doit être strictement positif");
  return weights;
}

export function validateMentorWeights(weights: MentorWeights): MentorWeights {
  return validateWeightSet("mentor", MENTOR_CRITERIA, weights);
}

export function validateClubWeights(weights: ClubWeights): ClubWeights {
  return validateWeightSet("club", CLUB_CRITERIA, weights);
}

/** Builds weights from stored rows, defaults for missing keys; unknown keys are ignored (older rows). */
export function weightsFromRows(rows: readonly { key: string; value: number }[]): MatchingWeights {
  const mentor: MentorWeights = { ...DEFAULT_MENTOR_WEIGHTS };
  const club: ClubWeights = { ...DEFAULT_CLUB_WEIGHTS };
  const stored = new Set(rows.map((r) => r.key));
  for (const row of rows) {
    const renamed = LEGACY_WEIGHT_KEYS[row.key];
    if (renamed !== undefined && stored.has(renamed)) continue;
    const key = renamed ?? row.key;
    const { value } = row;
    const [side, name] = key.split(".");
    if (side === "mentor" && (MENTOR_CRITERIA as readonly string[]).includes(name ?? "")) {
      mentor[name as MentorCriterionKey] = value;
    } else if (side === "club" && (CLUB_CRITERIA as readonly string[]).includes(name ?? "")) {
      club[name as ClubCriterionKey] = value;
    }
  }
  return { mentor: validateMentorWeights(mentor), club: validateClubWeights(club) };
}

/** Stored rows of every pôle, grouped into one checked set per pôle that has rows of its own. */
export function weightsByTerritoryFromRows(
  rows: readonly { territoryId: number; key: string; value: number }[],
): Map<number, MatchingWeights> {
  const grouped = new Map<number, { key: string; value: number }[]>();
  for (const row of rows) {
    const list = grouped.get(row.territoryId);
    if (list) list.push(row);
    else grouped.set(row.territoryId, [row]);
  }
  return new Map([...grouped].map(([territoryId, list]) => [territoryId, weightsFromRows(list)]));
}

/**
 * Whose weights score a project, from the commune it lies in: the pôles whose
 * perimeter holds the commune and that have weights of their own; when several
 * do (perimeters may overlap), the oldest pôle (lowest id), so the choice never
 * depends on load order. Communes absent from the map use the defaults.
 */
export function weightPoleByCommune(
  perimeters: ReadonlyMap<number, Iterable<string>>,
  polesWithWeights: Iterable<number>,
): Map<string, number> {
  const byCommune = new Map<string, number>();
  for (const territoryId of [...polesWithWeights].sort((a, b) => a - b)) {
    for (const code of perimeters.get(territoryId) ?? []) if (!byCommune.has(code)) byCommune.set(code, territoryId);
  }
  return byCommune;
}
