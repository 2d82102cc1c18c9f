import { foldForSearch } from "~/domain/catalog";
import type { Db } from "~/utils/db.server";
import {
  communeLabel,
  findCommunesByFoldedName,
  getCommune,
  searchCommunes,
  type CommuneSummary,
} from "./commune.server";
import { fail, type Outcome } from "./outcome";

export type CommuneResolution = Outcome<{ commune: CommuneSummary }>;

const LABEL = /^(.*?)\s*\((\d{5})\)\s*$/;
const POSTAL_CODE = /^\d{5}$/;

function sameName(commune: CommuneSummary, folded: string): boolean {
  return foldForSearch(commune.name) === folded;
}

/**
 * Turns what the person typed in the commune field into one commune. The code
 * chosen from the suggestions wins when it still matches the text; otherwise
 * the text is read as "Name", "Name (postal code)" or a postal code, which is
 * how the field works without JavaScript.
 */
export function resolveCommune(db: Db, text: string, code?: string): CommuneResolution {
  const typed = text.trim();
  if (code) {
    const chosen = getCommune(db, code);
    if (chosen && (communeLabel(chosen) === typed || sameName(chosen, foldForSearch(typed)))) {
      return { ok: true, commune: chosen };
    }
  }
  if (!typed) return fail(400, "Indiquez votre commune.", "commune");

  const candidates = findCandidates(db, typed);
  if (candidates.length === 1) return { ok: true, commune: candidates[0]! };
  if (candidates.length > 1) {
    const examples = candidates.slice(0, 5).map(communeLabel).join(" ; ");
    return fail(
      400,
      `Plusieurs communes correspondent : ${examples}. Choisissez dans la liste ou ajoutez le code postal, par exemple « ${communeLabel(candidates[0]!)} ».`,
      "commune",
    );
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
  if (POSTAL_CODE.test(typed)) {
    return searchCommunes(db, typed, 50).filter((c) => c.postalCodes.includes(typed));
  }
  const label = LABEL.exec(typed);
  const name = label?.[1] ?? typed;
  const postalCode = label?.[2];
  const folded = foldForSearch(name);
  if (!folded) return [];
  return findCommunesByFoldedName(db, folded).filter((c) => !postalCode || c.postalCodes.includes(postalCode));
}
