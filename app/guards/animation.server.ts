/**
 * Which pôle the animation team's pages are about: an `animateur` works for
 * the pôles whose team lists them, an admin for every pôle.
 */
import { isAdmin, isStaffOf } from "~/domain/permissions";
import { listTerritoryRefs, type TerritoryRef } from "~/models/territory.server";
import type { Auth } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { forbidden, notFound } from "~/utils/http.server";
import type { Permit } from "./authorize.server";

export type AnimationAccess = { auth: Auth; poles: TerritoryRef[]; pole: TerritoryRef | null };

/**
 * The pôle named by `?pole=slug` (or the person's first pôle); a pôle they do
 * not animate is a 403, an unknown one a 404. `pole` is null only when the
 * person animates none.
 */
export function loadAnimatedPole(permit: Permit<Auth>, request: Request): AnimationAccess {
  const { auth } = permit;
  const db = getDb();
  const poles = listTerritoryRefs(db, isAdmin(auth) ? undefined : [...auth.staffTerritoryIds]).filter((p) => isStaffOf(auth, p.id));
  const slug = new URL(request.url).searchParams.get("pole");
  if (!slug) return { auth, poles, pole: poles[0] ?? null };
  const pole = poles.find((p) => p.slug === slug);
  if (pole) return { auth, poles, pole };
  if (listTerritoryRefs(db).some((p) => p.slug === slug)) {
    throw forbidden(permit.rule.refusal ?? "Vous ne faites pas partie de l'équipe d'animation de ce pôle.");
  }
  throw notFound("Pôle introuvable");
}

/** As `loadAnimatedPole`, for actions: the person must animate some pôle. */
export function requireAnimatedPole(permit: Permit<Auth>, request: Request): AnimationAccess & { pole: TerritoryRef } {
  const access = loadAnimatedPole(permit, request);
  if (!access.pole) throw forbidden("Vous ne faites partie de l'équipe d'animation d'aucun pôle.");
  return { ...access, pole: access.pole };
}
