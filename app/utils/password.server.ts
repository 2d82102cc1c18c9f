import { createRequire } from "node:module";
import { hash, verify } from "@node-rs/argon2";

// OWASP's argon2id parameters: m = 19 MiB, t = 2, p = 1.
// `Algorithm` is a const enum in @node-rs/argon2's typings, unusable under isolatedModules; 2 is Argon2id.
const ARGON2ID = 2;
const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real check when the e-mail is unknown, so timing reveals nothing. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword("maillon-dummy-password-for-timing");
  await verifyPassword(await dummyHash, password);
}

/** What a password form says when `isCommonPassword` refuses one. */
export const COMMON_PASSWORD_MESSAGE =
  "Ce mot de passe figure parmi les plus courants : choisissez-en un autre, par exemple une phrase de plusieurs mots.";

let commonPasswords: Set<string> | undefined;
function getCommonPasswords(): Set<string> {
  if (!commonPasswords) {
    // zxcvbn-ts's list: ~49,000 passwords from leaks, French ones included (azerty, motdepasse, soleil…).
    const require = createRequire(import.meta.url);
    const { dictionary } = require("@zxcvbn-ts/language-common") as {
      dictionary: { passwords: string[] };
    };
    commonPasswords = new Set(dictionary.passwords);
  }
  return commonPasswords;
}

/**
 * True when the password is a common one, or a common one followed by digits
 * or symbols ("azertyuiop123", "soleil2024!").
 */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  const list = getCommonPasswords();
  if (list.has(lower)) return true;
  // Strip digits and symbols from either end: "azertyuiop123", "!!password2026".
  const core = lower.replace(/^[\d\W_]+/u, "").replace(/[\d\W_]+$/u, "");
  const stem = lower.replace(/[\d\W_]+$/u, "");
  return [core, stem].some((candidate) => candidate.length >= 4 && list.has(candidate));
}

// ---------------------------------------------------------------------------
// Strength estimate (zxcvbn-ts, with the common and French dictionaries)

/** zxcvbn's score (0–4) a new password must reach: 3, « safely unguessable » (about 10^8 guesses and more). */
export const MIN_PASSWORD_SCORE = 3;
/**
 * zxcvbn reads at most this many characters: its cost grows quickly with length (a 100-character
 * l33t pattern took 3.4 s with the library's defaults here); a longer password is judged on its start.
 */
export const STRENGTH_INPUT_MAX = 64;

type ZxcvbnResult = { score: number; feedback: { warning: string | null } };
let estimate: ((password: string, userInputs: string[]) => ZxcvbnResult) | undefined;

function getEstimate(): (password: string, userInputs: string[]) => ZxcvbnResult {
  if (!estimate) {
    const require = createRequire(import.meta.url);
    const core = require("@zxcvbn-ts/core") as {
      zxcvbn: (password: string, userInputs?: string[]) => ZxcvbnResult;
      zxcvbnOptions: { setOptions(options: Record<string, unknown>): void };
    };
    const common = require("@zxcvbn-ts/language-common") as { dictionary: Record<string, string[]>; adjacencyGraphs: unknown };
    const fr = require("@zxcvbn-ts/language-fr") as { dictionary: Record<string, string[]> };
    core.zxcvbnOptions.setOptions({
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...fr.dictionary },
      // The l33t matcher's cost explodes with substitutions (1.3 s for 64 characters at 100); 4 still
      // catches « p@ssw0rd2024! » and keeps the worst case near 60 ms.
      l33tMaxSubstitutions: 4,
      maxLength: STRENGTH_INPUT_MAX,
    });
    estimate = (password, userInputs) => core.zxcvbn(password, userInputs);
  }
  return estimate;
}

/** Why zxcvbn finds a password weak, in French (its warnings, by key). */
const WEAKNESS: Record<string, string> = {
  straightRow: "il suit une rangée de touches du clavier",
  keyPattern: "il suit un motif du clavier",
  simpleRepeat: "il répète le même caractère",
  extendedRepeat: "il répète une même suite de caractères",
  sequences: "il contient une suite évidente, comme « abc » ou « 1234 »",
  recentYears: "il contient une année récente",
  dates: "il contient une date",
  topTen: "il fait partie des mots de passe les plus utilisés",
  topHundred: "il fait partie des mots de passe les plus utilisés",
  common: "il fait partie des mots de passe courants",
  similarToCommon: "il ressemble à un mot de passe courant",
  wordByItself: "un mot seul se devine vite",
  namesByThemselves: "des prénoms ou des noms seuls se devinent vite",
  commonNames: "les prénoms et noms de famille courants se devinent vite",
  userInputs: "il reprend votre nom ou votre adresse e-mail",
  pwned: "il figure dans des fuites de données",
};
const DEFAULT_WEAKNESS = "il reste trop prévisible";
const ADVICE = "Ajoutez un ou deux mots inattendus, ou choisissez une phrase de plusieurs mots que vous seul connaissez.";

/** The first `max` characters (code points, never half an emoji). */
function head(value: string, max: number): string {
  return Array.from(value).slice(0, max).join("");
}

/**
 * What the password field says about a new password, or null when it is good enough: a common one
 * (the list), or one zxcvbn scores below 3 — given the person's name and address, so « Nadia Martin »
 * is not a password for Nadia Martin. Lengths are the schema's business (app/schemas/auth.ts).
 */
export function newPasswordProblem(password: string, person: { email?: string; displayName?: string } = {}): string | null {
  if (isCommonPassword(password)) return COMMON_PASSWORD_MESSAGE;
  // Each in pieces and run together without accents (« Zélie Ouvrard » → zelie, ouvrard, zelieouvrard).
  const plain = (v: string) => v.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  const inputs = ["maillon"];
  for (const given of [person.email?.split("@")[0], person.displayName]) {
    if (!given) continue;
    const words = plain(given).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    inputs.push(given, ...words, words.join(""));
  }
  if (person.email) inputs.push(person.email);
  const result = getEstimate()(head(password, STRENGTH_INPUT_MAX), inputs.filter((i) => i.length >= 3));
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const why = (result.feedback.warning && WEAKNESS[result.feedback.warning]) || DEFAULT_WEAKNESS;
  return `Ce mot de passe serait trop facile à deviner : ${why}. ${ADVICE}`;
}
