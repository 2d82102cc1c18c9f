/** A shared resource named in the URL: 404 when unknown (or withdrawn, for those who do not lend it), 403 out of the rule's scope. */
import { reaches } from "~/domain/permissions";
import { mayManageResource } from "~/domain/resource-booking";
import { getResource } from "~/models/shared-resource.server";
import type { Auth } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { forbidden, notFound, readId } from "~/utils/http.server";
import type { Permit } from "./authorize.server";

export function loadResource<A extends Auth | null>(permit: Permit<A>, id: string | undefined) {
  const resourceId = readId(id);
  const resource = resourceId === null ? undefined : getResource(getDb(), resourceId);
  if (!resource) throw notFound("Ressource introuvable");
  const manages = mayManageResource(permit.auth, resource);
  if (!resource.active && !manages) throw notFound("Ressource introuvable");
  const facts = { ownerIds: [resource.ownerId, ...resource.representativeIds], territoryIds: [resource.territoryId] };
  if (!reaches(permit.auth, permit.rule, "resource", facts)) {
    throw forbidden(permit.rule.refusal ?? "Vous ne pouvez pas modifier cette ressource.");
  }
  return { resource, manages };
}
