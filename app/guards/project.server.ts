/**
 * Who may see or change a project. A draft someone may not see is a 404 (its
 * existence is not revealed); a visible project someone may not change, by
 * the scope of the route's rule, is a 403.
 */
import { canViewProject, type ProjectViewer } from "~/domain/project";
import { reaches, type ObjectFacts } from "~/domain/permissions";
import { getProjectDetail, projectViewerFor, territoryIdsForCommune, type ProjectDetail } from "~/models/project.server";
import type { Auth } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { forbidden, notFound, parseId } from "~/utils/http.server";
import type { Permit } from "./authorize.server";

export type ProjectAccess<A extends Auth | null = Auth | null> = { auth: A; project: ProjectDetail; viewer: ProjectViewer };

/** What the scopes of a rule look at in a project: its holder and the pôles around its commune. */
export function projectFacts(project: Pick<ProjectDetail, "ownerId" | "communeCode">): ObjectFacts {
  return {
    ownerIds: [project.ownerId],
    get territoryIds() {
      return territoryIdsForCommune(getDb(), project.communeCode);
    },
  };
}

/** The project named in the URL if this person may see it (404 otherwise) and the rule's scope reaches it (403). */
export function loadProject<A extends Auth | null>(permit: Permit<A>, idParam: string | undefined): ProjectAccess<A> {
  const project = getProjectDetail(getDb(), parseId(idParam));
  if (!project) throw notFound("Projet introuvable");
  const viewer = projectViewerFor(getDb(), permit.auth, project);
  if (!canViewProject(viewer, project)) throw notFound("Projet introuvable");
  if (!reaches(permit.auth, permit.rule, "project", projectFacts(project))) {
    throw forbidden(permit.rule.refusal ?? "Vous ne pouvez pas faire cela sur ce projet.");
  }
  return { auth: permit.auth, project, viewer };
}

/** As `loadProject`, for the holder's forms: a closed project is no longer changed (403). */
export function loadEditableProject<A extends Auth>(permit: Permit<A>, idParam: string | undefined): ProjectAccess<A> {
  const access = loadProject(permit, idParam);
  if (access.project.status === "clos") throw forbidden("Ce projet est clos : il ne peut plus être modifié.");
  return access;
}
