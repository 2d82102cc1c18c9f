import { foldForSearch } from "~/domain/catalog";
import type { Db } from "~/utils/db.server";
import {
  communeLabel,
  findCommunesByFoldedName,
  getCommune,
  searchCommunes,
  type CommuneSummary,
} from "./commune.server";
import { fail, type Failure, type Outcome } from "./outcome";

/** Ambiguous input carries the communes it could mean, for the person to choose on the same page. */
export type CommuneResolution = Outcome<{ commune: CommuneSummary }> | (Failure & { choices: CommuneSummary[] });

const LABEL = /^(.*?)\s*\((\d{5})\)\s*$/;
const POSTAL_CODE = /^\d{5}$/;
/** A code officiel géographique: five digits, or Corsica's 2A/2B and three digits. */
const INSEE_CODE = /^(?:\d{5}|2[AB]\d{3})$/i;
/** How many communes an ambiguous input offers to choose from. */
const MAX_CHOICES = 12;

function sameName(commune: CommuneSummary, folded: string): boolean {
  return foldForSearch(commune.name) === folded;
}

/**
 * Turns what the person typed in the commune field into one commune. The code
 * chosen from the suggestions (or from the choices offered after an ambiguous
 * input) wins when it still matches the text; otherwise the text is read as
 * "Name", "Name (postal code)", a postal code or an INSEE code, which is how
 * the field works without JavaScript.
 */
export function resolveCommune(db: Db, text: string, code?: string): CommuneResolution {
  const typed = text.trim();
  const candidates = typed ? findCandidates(db, typed) : [];
  if (code) {
    const chosen = getCommune(db, code);
    const matches = (c: CommuneSummary) =>
      communeLabel(c) === typed || sameName(c, foldForSearch(typed)) || candidates.some((x) => x.code === c.code);
    if (chosen && matches(chosen)) return { ok: true, commune: chosen };
  }
  if (!typed) return fail(400, "Indiquez votre commune.", "commune");

  if (candidates.length === 1) return { ok: true, commune: candidates[0]! };
  if (candidates.length > 1) {
    const choices = candidates.slice(0, MAX_CHOICES);
    const more = candidates.length > choices.length ? " (ou précisez le nom, si la vôtre n'y est pas)" : "";
    return {
      ...fail(400, `Plusieurs communes correspondent à « ${typed} » : choisissez la vôtre ci-dessous${more}.`, "commune"),
      choices,
    };
  }
  const near = searchCommunes(db, (LABEL.exec(typed)?.[1] ?? typed).slice(0, 4), 3);
  return fail(
    400,
    near.length > 0
      ? `Commune inconnue : « ${typed} ». Vérifiez l'orthographe ou tapez le code postal (par exemple ${near.map(communeLabel).join(", ")}).`
      : `Commune inconnue : « ${typed} ». Vérifiez l'orthographe ou tapez le code postal.`,
    "commune",
  );
}

function findCandidates(db: Db, typed: string): CommuneSummary[] {
  if (INSEE_CODE.test(typed)) {
    // Five digits may be a postal code or an INSEE code (75056 is Paris, 75001 a postal code of it).
    const byPostalCode = POSTAL_CODE.test(typed) ? searchCommunes(db, typed, 50).filter((c) => c.postalCodes.includes(typed)) : [];
    const byInseeCode = getCommune(db, typed.toUpperCase());
    return byInseeCode && !byPostalCode.some((c) => c.code === byInseeCode.code) ? [...byPostalCode, byInseeCode] : byPostalCode;
  }
  const label = LABEL.exec(typed);
  const name = label?.[1] ?? typed;
  const postalCode = label?.[2];
  const folded = foldForSearch(name);
  if (!folded) return [];
  return findCommunesByFoldedName(db, folded).filter((c) => !postalCode || c.postalCodes.includes(postalCode));
}
