/**
 * Who may see or edit an organisation named in the URL by its slug. Unknown,
 * or waiting for its first pôle and not the person's concern: 404. The rule's
 * scope decides the rest (403): `own` reaches its confirmed representatives,
 * `pole` the animation team of one of its confirmed pôles.
 */
import { reaches } from "~/domain/permissions";
import { canSeeOrganisation, getOrganisationFacts, type OrganisationFacts } from "~/models/organisation.server";
import type { Auth } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { forbidden, notFound } from "~/utils/http.server";
import type { Permit } from "./authorize.server";

export function loadOrganisation<A extends Auth | null>(permit: Permit<A>, slug: string | undefined): OrganisationFacts {
  const facts = slug && slug.length <= 200 ? getOrganisationFacts(getDb(), slug) : undefined;
  if (!facts || !canSeeOrganisation(permit.auth, facts)) throw notFound("Organisation introuvable");
  if (!reaches(permit.auth, permit.rule, "organisation", { ownerIds: facts.confirmedRepresentativeIds, territoryIds: facts.confirmedPoleIds })) {
    throw forbidden(permit.rule.refusal ?? "Seuls les représentants confirmés de l'organisation et l'équipe d'animation de ses pôles peuvent la modifier.");
  }
  return facts;
}
