/**
 * Projects of the CRÉER path: labels people read and the pure rules of who
 * sees or changes what. No database, no Remix.
 */
import type { FundingKind, LegalForm, NeedPriority, ProjectKind, ProjectStage, ProjectStatus } from "./vocabulary";

export const PROJECT_KIND_LABELS: Record<ProjectKind, string> = {
  "a-son-compte": "Me mettre à mon compte",
  "entreprendre-a-plusieurs": "M'associer avec d'autres pour entreprendre",
  "commerce-artisanat": "Créer un commerce ou une activité artisanale",
  service: "Offrir un service",
  "produit-innovation": "Lancer un produit industriel ou une innovation",
};

export const PROJECT_STAGE_LABELS: Record<ProjectStage, string> = {
  idee: "Idée",
  creation: "Création",
  developpement: "Développement",
};

export const LEGAL_FORM_LABELS: Record<LegalForm, string> = {
  "a-definir": "À définir",
  "micro-entreprise": "Micro-entreprise",
  ei: "Entreprise individuelle (EI)",
  eurl: "EURL",
  sarl: "SARL",
  sas: "SAS",
  sasu: "SASU",
  sa: "SA",
  scop: "SCOP",
  scic: "SCIC",
  association: "Association",
  cae: "Coopérative d'activité et d'emploi (CAE)",
};

export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  brouillon: "Brouillon",
  publie: "Publié",
  clos: "Clos",
};

export const NEED_PRIORITY_LABELS: Record<NeedPriority, string> = {
  haute: "Haute",
  moyenne: "Moyenne",
  basse: "Basse",
};

export const NEED_STATUS_LABELS = {
  ouvert: "Ouvert",
  pourvu: "Pourvu",
  clos: "Clos",
} as const;

export const FUNDING_KIND_LABELS: Record<FundingKind, string> = {
  capital: "Participation au capital",
  pret: "Prêt",
  don: "Don",
};

/** Who looks at a project, as far as the rules are concerned. */
export type ProjectViewer = {
  userId: number | null;
  isAdmin: boolean;
  /** Member of the animation team of a pôle whose perimeter holds the project's commune. */
  isTerritoryStaff: boolean;
  /** Has (or had) an accepted mentorship on this project. */
  isMentor: boolean;
  /** Signed in and a member (charter accepted) of a pôle whose perimeter holds the project's commune. */
  isPoleMember: boolean;
};

type ProjectRef = { ownerId: number; status: ProjectStatus };

export function isProjectOwner(viewer: ProjectViewer, project: ProjectRef): boolean {
  return viewer.userId !== null && viewer.userId === project.ownerId;
}

/** Drafts: the holder, the territory's animation team and admins; published and closed: everyone. */
export function canViewProject(viewer: ProjectViewer, project: ProjectRef): boolean {
  if (project.status !== "brouillon") return true;
  return isProjectOwner(viewer, project) || viewer.isTerritoryStaff || viewer.isAdmin;
}

/** Only the holder edits the project and its needs, and not once it is closed. */
export function canEditProject(viewer: ProjectViewer, project: ProjectRef): boolean {
  return isProjectOwner(viewer, project) && project.status !== "clos";
}

/**
 * The holder's e-mail and the project's private details: the holder, the pôle's animation team (and
 * admins), the pôle's signed-in members, and a mentor once their mentorship is accepted. Never a
 * visitor, nor a signed-in person of another pôle.
 */
export function canSeeProjectContact(viewer: ProjectViewer, project: ProjectRef): boolean {
  if (viewer.userId === null) return false;
  return isProjectOwner(viewer, project) || viewer.isTerritoryStaff || viewer.isAdmin || viewer.isMentor || viewer.isPoleMember;
}

export type PublishCheck = { ok: true } | { ok: false; message: string };

/** A project goes public once it says what it needs: a skill, money or partners. */
export function checkPublishable(
  project: ProjectRef & { seeksPartners: boolean },
  openSkillNeeds: number,
  hasFundingNeed: boolean,
): PublishCheck {
  if (project.status !== "brouillon") {
    return { ok: false, message: "Seul un projet en brouillon peut être publié." };
  }
  if (openSkillNeeds === 0 && !hasFundingNeed && !project.seeksPartners) {
    return {
      ok: false,
      message:
        "Avant de publier, ajoutez au moins un besoin : une compétence, un financement, ou dites quels associés vous cherchez (« M'associer avec d'autres »).",
    };
  }
  return { ok: true };
}

export function canCloseProject(project: ProjectRef): boolean {
  return project.status !== "clos";
}

/**
 * Removing a need that has a mentorship history would erase that history
 * (hours, feedback): such a need is closed instead of deleted.
 */
export function needRemoval(hasMentorshipHistory: boolean): "delete" | "close" {
  return hasMentorshipHistory ? "close" : "delete";
}
