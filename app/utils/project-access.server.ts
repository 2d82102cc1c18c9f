/**
 * Per-object checks shared by the project routes: who asks, and may they see
 * or change this project? A draft someone may not see is a 404 (its existence
 * is not revealed); a visible project someone may not change is a 403.
 */
import { data } from "@remix-run/node";
import { canEditProject, canViewProject, type ProjectViewer } from "~/domain/project";
import { getProjectDetail, projectViewerFor, type ProjectDetail } from "~/models/project.server";
import { getAuth, requireUser, type Auth } from "./auth.server";
import { getDb } from "./db.server";

/**
 * A positive integer id written in plain digits ("12"), or null: no value, a
 * file, "", "0", "-1", "1.5", "1e3", " 7", or more than 12 digits. The one
 * reading of ids for URL parameters and form fields alike.
 */
export function readId(value: unknown): number | null {
  if (typeof value !== "string" || !/^\d{1,12}$/.test(value)) return null;
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** A positive integer id from a URL parameter, or a 404. */
export function parseId(value: string | undefined): number {
  const id = readId(value);
  if (id === null) throw notFound();
  return id;
}

export function notFound(message = "Page introuvable") {
  return data({ message }, { status: 404 });
}

export function forbidden(message: string) {
  return data({ message }, { status: 403 });
}

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
