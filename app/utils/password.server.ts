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
