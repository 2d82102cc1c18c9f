/**
 * Where and in what a club invests, as typed in the club forms (creation and
 * settings): departments of its pôle, single communes of its perimeter,
 * sectors of the catalogue — resolved, or a French message at the field.
 */
import { existingActivityDomainIds } from "~/models/catalog.server";
import { communesInPerimeter, type ClubScope } from "~/models/club.server";
import { resolveCommune } from "~/models/commune-resolution.server";
import type { Db } from "~/utils/db.server";

type Pole = { id: number; departments: { code: string }[] };
type TypedScope = { departmentCodes?: string[]; communes?: string; activityDomainIds?: number[] };
export type ScopeResolution = { fieldErrors: Record<string, string[]>; scope: Required<ClubScope> };

function resolveCommunes(db: Db, pole: Pole, typed: string): { codes: string[]; error?: string } {
  const codes: string[] = [];
  for (const name of typed.split(/[;\n]/).map((c) => c.trim()).filter(Boolean)) {
    const found = resolveCommune(db, name);
    if (!found.ok) return { codes, error: `« ${name} » : ${found.message.replace("Indiquez votre commune.", "commune inconnue.")}` };
    codes.push(found.commune.code);
  }
  const inside = communesInPerimeter(db, pole.id, codes);
  if (codes.some((c) => !inside.has(c))) return { codes, error: "Choisissez des communes du territoire du pôle." };
  return { codes };
}

/** The club's scope in `pole` from what was typed; `pole` undefined when the pôle itself is unknown. */
export function resolveClubScope(db: Db, pole: Pole | undefined, typed: TypedScope): ScopeResolution {
  const fieldErrors: Record<string, string[]> = {};
  const departmentCodes = typed.departmentCodes ?? [];
  if (pole && departmentCodes.some((code) => !pole.departments.some((d) => d.code === code))) {
    fieldErrors.departmentCodes = ["Choisissez des départements du pôle du club."];
  }
  let communeCodes: string[] = [];
  if (pole && typed.communes) {
    const resolved = resolveCommunes(db, pole, typed.communes);
    communeCodes = resolved.codes;
    if (resolved.error) fieldErrors.communes = [resolved.error];
  }
  const activityDomainIds = typed.activityDomainIds ?? [];
  const known = existingActivityDomainIds(db, activityDomainIds);
  if (activityDomainIds.some((id) => !known.has(id))) fieldErrors.activityDomainIds = ["Secteur inconnu : choisissez dans la liste."];
  return { fieldErrors, scope: { departmentCodes, communeCodes, activityDomainIds } };
}
