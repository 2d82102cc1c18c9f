/** Who may see or act on a pôle's own pages (its cagnotte): the rule's scope on the pôle named in the URL. */
import { reaches } from "~/domain/permissions";
import { getTerritoryBySlug } from "~/models/territory.server";
import type { Auth } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { forbidden, notFound } from "~/utils/http.server";
import type { Permit } from "./authorize.server";

/** The pôle named by its slug (404 when unknown), if the rule's scope reaches it (403). */
export function loadPole<A extends Auth | null>(permit: Permit<A>, slug: string | undefined) {
  const territory = slug ? getTerritoryBySlug(getDb(), slug) : undefined;
  if (!territory) throw notFound("Pôle introuvable");
  if (!reaches(permit.auth, permit.rule, "pole", { territoryIds: [territory.id] })) {
    throw forbidden(permit.rule.refusal ?? "Vous ne faites pas partie de l'équipe d'animation de ce pôle.");
  }
  return territory;
}
