/**
 * Who may use the animation team's pages, and for which pôle: an `animateur`
 * for the pôles whose team lists them, an admin for every pôle.
 */
import { listTerritoryRefs, type TerritoryRef } from "~/models/territory.server";
import { requireRole, type Auth } from "./auth.server";
import { getDb } from "./db.server";
import { forbidden, notFound } from "./http.server";

export type AnimationAccess = { auth: Auth; poles: TerritoryRef[]; pole: TerritoryRef | null };

/**
 * The pôle named by `?pole=slug` (or the person's first pôle): visitors go to
 * /connexion, other roles get a 403, and so does an animator asking for a pôle
 * they do not animate. `pole` is null only when the person animates none.
 */
export function loadAnimatedPole(request: Request): AnimationAccess {
  const auth = requireRole(request, "animateur");
  const db = getDb();
  const poles = listTerritoryRefs(db, auth.roles.includes("admin") ? undefined : auth.staffTerritoryIds);
  const slug = new URL(request.url).searchParams.get("pole");
  if (!slug) return { auth, poles, pole: poles[0] ?? null };
  const pole = poles.find((p) => p.slug === slug);
  if (pole) return { auth, poles, pole };
  if (listTerritoryRefs(db).some((p) => p.slug === slug)) throw forbidden("Vous ne faites pas partie de l'équipe d'animation de ce pôle.");
  throw notFound("Pôle introuvable");
}
