/**
 * Per-object checks shared by the project routes: who asks, and may they see
 * or change this project? A draft someone may not see is a 404 (its existence
 * is not revealed); a visible project someone may not change is a 403.
 */
import { canEditProject, canViewProject, type ProjectViewer } from "~/domain/project";
import { getProjectDetail, projectViewerFor, type ProjectDetail } from "~/models/project.server";
import { getAuth, requireUser, type Auth } from "./auth.server";
import { getDb } from "./db.server";
import { forbidden, notFound } from "./http.server";

export type ProjectAccess = { auth: Auth | null; project: ProjectDetail; viewer: ProjectViewer };

/** The project if this person may see it; a 404 otherwise. */
export function loadVisibleProject(request: Request, id: number): ProjectAccess {
  const auth = getAuth(request);
  const project = getProjectDetail(getDb(), id);
  if (!project) throw notFound("Projet introuvable");
  const viewer = projectViewerFor(getDb(), auth, project);
  if (!canViewProject(viewer, project)) throw notFound("Projet introuvable");
  return { auth, project, viewer };
}

/** The project if this signed-in person is its holder and it is not closed; 404 or 403 otherwise. */
export function loadEditableProject(request: Request, id: number): ProjectAccess & { auth: Auth } {
  const auth = requireUser(request);
  const access = loadVisibleProject(request, id);
  if (!canEditProject(access.viewer, access.project)) {
    throw forbidden(
      access.project.status === "clos" && access.project.ownerId === auth.user.id
        ? "Ce projet est clos : il ne peut plus être modifié."
        : "Seule la personne qui porte ce projet peut le modifier.",
    );
  }
  return { ...access, auth };
}
