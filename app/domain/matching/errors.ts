/**
 * Raised when the matcher is given data it cannot score honestly (unknown
 * commune, negative capacity, empty skills, NaN weights…). The matcher never
 * guesses: a wrong input must not become a silently wrong ranking.
 */
export class MatchingInputError extends Error {
  /** Dotted path of the offending field, e.g. `volunteer[12].maxMentorships`. */
  readonly field: string;

  constructor(field: string, message: string) {
    super(`${field} : ${message}`);
    this.name = "MatchingInputError";
    this.field = field;
  }
}

export function assertFiniteNumber(field: string, value: unknown): asserts value is number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new MatchingInputError(field, `nombre fini attendu, reçu ${String(value)}`);
  }
}

export function assertNonNegativeInteger(field: string, value: unknown): asserts value is number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    throw new MatchingInputError(field, `entier positif ou nul attendu, reçu ${String(value)}`);
  }
}
