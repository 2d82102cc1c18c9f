/**
 * Projects, their skill needs and their funding need: the only place that
 * reads or writes these tables. Rules come from app/domain/project.ts.
 */
import { and, asc, between, count, desc, eq, inArray, ne, sql } from "drizzle-orm";
import {
  activityDomains,
  communes,
  mentorships,
  projectFundingNeeds,
  projects,
  projectSkillNeeds,
  skills,
  territoryCommunes,
  users,
} from "#db/schema";
import type { CommunePointSource, FundingKind, LegalForm, NeedPriority, ProjectKind, ProjectStage, ProjectStatus } from "~/domain/vocabulary";
import { describeDistance } from "~/domain/matching/explain";
import { approximationOf, boundingDegrees, haversineKm, POINT_UNCERTAINTY_KM, type GeoPoint } from "~/domain/matching/geo";
import { checkPublishable, needRemoval, type ProjectViewer } from "~/domain/project";
import { isAcceptedMentorOf } from "~/models/mentorship.server";
import { isMemberOfAny, isMemberWithRole, listPoleMembers } from "~/models/pole-member.server";
import { notify } from "./notification.server";
import { poleNameOfCommune } from "./territory.server";
import { writeTransaction, type Db, type Reader, type Writer } from "~/utils/db.server";
import { fail, type Outcome } from "./outcome";
import { fundingTotals } from "./funding-progress.server";
import { formatEuros } from "~/domain/format";
import { isAdmin, isStaffOf, isStaffOfAny, type Actor } from "~/domain/permissions";

export type ProjectInput = {
  title: string;
  pitch: string;
  description: string;
  kind: ProjectKind;
  stage: ProjectStage;
  legalForm: LegalForm;
  activityDomainId: number;
  communeCode: string;
  remoteOk: boolean;
  jobsExpected: number;
};

export type SkillNeedInput = {
  skillId: number;
  priority: NeedPriority;
  expectation: string;
  hoursPerMonth: number;
};

export type FundingNeedInput = {
  amountCents: number;
  kind: FundingKind;
  neededBy: string | null;
  companyCapitalCents: number | null;
};

export type ProjectRow = typeof projects.$inferSelect;

export type SkillNeedView = {
  id: number;
  skillId: number;
  skillName: string;
  priority: NeedPriority;
  expectation: string;
  hoursPerMonth: number;
  status: "ouvert" | "pourvu" | "clos";
};

export type FundingNeedView = {
  amountCents: number;
  kind: FundingKind;
  neededBy: string | null;
  companyCapitalCents: number | null;
};

export type ProjectDetail = ProjectRow & {
  owner: { id: number; displayName: string; email: string };
  communeName: string;
  communePostalCode: string;
  activityDomainName: string;
  skillNeeds: SkillNeedView[];
  fundingNeed: FundingNeedView | null;
};

export type ProjectSummary = {
  id: number;
  title: string;
  pitch: string;
  status: ProjectStatus;
  kind: ProjectKind;
  stage: ProjectStage;
  seeksPartners: boolean;
  communeName: string;
  ownerId: number;
  ownerName: string;
  openNeeds: number;
  updatedAt: Date;
};

/* ------------------------------------------------------------------ reads */

export function getProject(db: Db, id: number): ProjectRow | undefined {
  return db.select().from(projects).where(eq(projects.id, id)).get();
}

/** The project with everything its page shows, or undefined. */
export function getProjectDetail(db: Db, id: number): ProjectDetail | undefined {
  const row = db
    .select({
      project: projects,
      ownerName: users.displayName,
      ownerEmail: users.email,
      communeName: communes.name,
      postalCodes: communes.postalCodes,
      activityDomainName: activityDomains.name,
    })
    .from(projects)
    .innerJoin(users, eq(users.id, projects.ownerId))
    .innerJoin(communes, eq(communes.code, projects.communeCode))
    .innerJoin(activityDomains, eq(activityDomains.id, projects.activityDomainId))
    .where(eq(projects.id, id))
    .get();
  if (!row) return undefined;
  return {
    ...row.project,
    owner: { id: row.project.ownerId, displayName: row.ownerName, email: row.ownerEmail },
    communeName: row.communeName,
    communePostalCode: row.postalCodes.split(" ")[0] ?? "",
    activityDomainName: row.activityDomainName,
    skillNeeds: listSkillNeeds(db, id),
    fundingNeed: getFundingNeed(db, id) ?? null,
  };
}

export function listSkillNeeds(db: Db, projectId: number): SkillNeedView[] {
  return db
    .select({
      id: projectSkillNeeds.id,
      skillId: projectSkillNeeds.skillId,
      skillName: skills.name,
      priority: projectSkillNeeds.priority,
      expectation: projectSkillNeeds.expectation,
      hoursPerMonth: projectSkillNeeds.hoursPerMonth,
      status: projectSkillNeeds.status,
    })
    .from(projectSkillNeeds)
    .innerJoin(skills, eq(skills.id, projectSkillNeeds.skillId))
    .where(eq(projectSkillNeeds.projectId, projectId))
    .orderBy(
      sql`case ${projectSkillNeeds.priority} when 'haute' then 0 when 'moyenne' then 1 else 2 end`,
      asc(projectSkillNeeds.id),
    )
    .all();
}

export function getSkillNeed(db: Db, needId: number) {
  return db.select().from(projectSkillNeeds).where(eq(projectSkillNeeds.id, needId)).get();
}

export function getFundingNeed(db: Db, projectId: number): FundingNeedView | undefined {
  return db
    .select({
      amountCents: projectFundingNeeds.amountCents,
      kind: projectFundingNeeds.kind,
      neededBy: projectFundingNeeds.neededBy,
      companyCapitalCents: projectFundingNeeds.companyCapitalCents,
    })
    .from(projectFundingNeeds)
    .where(eq(projectFundingNeeds.projectId, projectId))
    .get();
}

/** Territories whose perimeter holds the project's commune. */
export function territoryIdsForCommune(db: Reader, communeCode: string): number[] {
  return db
    .select({ id: territoryCommunes.territoryId })
    .from(territoryCommunes)
    .where(eq(territoryCommunes.communeCode, communeCode))
    .all()
    .map((r) => r.id);
}

const openNeedsCount = sql<number>`(select count(*) from ${projectSkillNeeds} where ${projectSkillNeeds.projectId} = ${projects.id} and ${projectSkillNeeds.status} = 'ouvert')`;

function selectSummaries(db: Db) {
  return db
    .select({
      id: projects.id,
      title: projects.title,
      pitch: projects.pitch,
      status: projects.status,
      kind: projects.kind,
      stage: projects.stage,
      seeksPartners: projects.seeksPartners,
      communeName: communes.name,
      ownerId: projects.ownerId,
      ownerName: users.displayName,
      openNeeds: openNeedsCount,
      updatedAt: projects.updatedAt,
      communeCode: projects.communeCode,
      point: {
        latitude: sql<number>`coalesce(${communes.latitude}, 0)`,
        longitude: sql<number>`coalesce(${communes.longitude}, 0)`,
        source: communes.pointSource,
      },
    })
    .from(projects)
    .innerJoin(users, eq(users.id, projects.ownerId))
    .innerJoin(communes, eq(communes.code, projects.communeCode));
}

/** Summaries without the commune's point (used only to measure distances). */
function withoutPoint<T extends { point: unknown; communeCode: string }>(rows: T[]): Omit<T, "point" | "communeCode">[] {
  return rows.map(({ point: _point, communeCode: _code, ...rest }) => rest);
}

function pointOf(p: { latitude: number; longitude: number; source: CommunePointSource | null }): GeoPoint {
  return { latitude: p.latitude, longitude: p.longitude, uncertaintyKm: p.source === null ? 0 : POINT_UNCERTAINTY_KM[p.source] };
}

export function listOwnedProjects(db: Db, ownerId: number): ProjectSummary[] {
  return withoutPoint(selectSummaries(db).where(eq(projects.ownerId, ownerId)).orderBy(desc(projects.updatedAt)).all());
}

function inTerritories(territoryIds: readonly number[]) {
  return inArray(
    projects.communeCode,
    sql`(select ${territoryCommunes.communeCode} from ${territoryCommunes} where ${inArray(territoryCommunes.territoryId, [...territoryIds])})`,
  );
}

/** Published projects of the given pôles, others' first-class: the holder's own are left out. */
export function listPublishedProjectsInTerritories(
  db: Db,
  territoryIds: readonly number[],
  options: { excludeOwnerId?: number; limit?: number } = {},
): ProjectSummary[] {
  if (territoryIds.length === 0) return [];
  const conditions = [eq(projects.status, "publie"), inTerritories(territoryIds)];
  if (options.excludeOwnerId !== undefined) conditions.push(ne(projects.ownerId, options.excludeOwnerId));
  return withoutPoint(
    selectSummaries(db)
      .where(and(...conditions))
      .orderBy(desc(projects.publishedAt), desc(projects.id))
      .limit(options.limit ?? 50)
      .all(),
  );
}

/** How far « près de chez vous » reaches for projects looking for partners. */
export const PARTNER_RADIUS_KM = 60;

/**
 * Published projects looking for partners within `radiusKm` of a commune,
 * nearest first, the person's own left out (« m'associer avec d'autres »).
 */
export function listPartnerSeekingProjectsNear(
  db: Db,
  communeCode: string,
  options: { excludeOwnerId?: number; radiusKm?: number; limit?: number } = {},
): (ProjectSummary & { distanceKm: number; distanceText: string })[] {
  const radiusKm = options.radiusKm ?? PARTNER_RADIUS_KM;
  const origin = db
    .select({ latitude: communes.latitude, longitude: communes.longitude, source: communes.pointSource })
    .from(communes)
    .where(eq(communes.code, communeCode))
    .get();
  if (origin?.latitude == null || origin.longitude == null) return [];
  const here = pointOf({ latitude: origin.latitude, longitude: origin.longitude, source: origin.source });
  const box = boundingDegrees(here, radiusKm);
  const conditions = [
    eq(projects.status, "publie"),
    eq(projects.seeksPartners, true),
    between(communes.latitude, here.latitude - box.dLat, here.latitude + box.dLat),
  ];
  if (box.dLon !== null) conditions.push(between(communes.longitude, here.longitude - box.dLon, here.longitude + box.dLon));
  if (options.excludeOwnerId !== undefined) conditions.push(ne(projects.ownerId, options.excludeOwnerId));
  return selectSummaries(db)
    .where(and(...conditions))
    .all()
    .map(({ point, communeCode: code, ...p }) => {
      const there = pointOf(point);
      const distanceKm = haversineKm(here, there);
      return { ...p, distanceKm, distanceText: describeDistance(distanceKm, false, code === communeCode, approximationOf(here, there)) };
    })
    .filter((p) => p.distanceKm <= radiusKm)
    .sort((a, b) => a.distanceKm - b.distanceKm || b.id - a.id)
    .slice(0, options.limit ?? 20);
}

/** Every project of the pôles an animator works for, drafts included. */
export function listProjectsForStaff(db: Db, territoryIds: readonly number[], limit = 100): ProjectSummary[] {
  if (territoryIds.length === 0) return [];
  return withoutPoint(
    selectSummaries(db).where(inTerritories(territoryIds)).orderBy(desc(projects.updatedAt)).limit(limit).all(),
  );
}

/* ----------------------------------------------------------------- writes */

/** Takes the connection or the transaction of a larger change (a project drafted from an unmet need). */
export function createProject(db: Pick<Db, "insert">, ownerId: number, input: ProjectInput, now: Date): ProjectRow {
  return db
    .insert(projects)
    .values({ ...input, ownerId, status: "brouillon", createdAt: now, updatedAt: now })
    .returning()
    .get();
}

export function updateProject(db: Db, projectId: number, input: ProjectInput, now: Date): void {
  db.update(projects)
    .set({ ...input, updatedAt: now })
    .where(eq(projects.id, projectId))
    .run();
}

function touch(tx: Writer, projectId: number, now: Date): void {
  tx.update(projects).set({ updatedAt: now }).where(eq(projects.id, projectId)).run();
}

/** Draft → published, once it says what it needs; the check and the update share one transaction. */
export function publishProject(db: Db, projectId: number, now: Date): Outcome {
  return writeTransaction(db, (tx): Outcome => {
    const project = tx.select().from(projects).where(eq(projects.id, projectId)).get();
    if (!project) return fail(404, "Projet introuvable.");
    const openNeeds =
      tx
        .select({ n: count() })
        .from(projectSkillNeeds)
        .where(and(eq(projectSkillNeeds.projectId, projectId), eq(projectSkillNeeds.status, "ouvert")))
        .get()?.n ?? 0;
    const hasFunding = !!tx
      .select({ id: projectFundingNeeds.id })
      .from(projectFundingNeeds)
      .where(eq(projectFundingNeeds.projectId, projectId))
      .get();
    const check = checkPublishable(project, openNeeds, hasFunding);
    if (!check.ok) return fail(409, check.message);
    tx.update(projects)
      .set({ status: "publie", publishedAt: now, updatedAt: now })
      .where(eq(projects.id, projectId))
      .run();
    return { ok: true };
  });
}

/**
 * Published (or draft) → closed: open needs close and pending requests are
 * withdrawn; running mentorships go on until their own end.
 */
export function closeProject(db: Db, projectId: number, now: Date): void {
  writeTransaction(db, (tx) => closeProjectIn(tx, projectId, now));
}

/** As closeProject, inside the caller's transaction. */
export function closeProjectIn(tx: Writer, projectId: number, now: Date): void {
  tx.update(projects)
    .set({ status: "clos", closedAt: now, updatedAt: now })
    .where(eq(projects.id, projectId))
    .run();
  tx.update(projectSkillNeeds)
    .set({ status: "clos" })
    .where(and(eq(projectSkillNeeds.projectId, projectId), eq(projectSkillNeeds.status, "ouvert")))
    .run();
  tx.update(mentorships)
    .set({ status: "annulee", respondedAt: now })
    .where(and(eq(mentorships.projectId, projectId), eq(mentorships.status, "demande")))
    .run();
}

/** The members of the project's pôles who hold projects, but its holder: to whom the team may hand it over. */
export function listHandOverCandidates(db: Reader, project: Pick<ProjectRow, "ownerId" | "communeCode">): { id: number; displayName: string }[] {
  const byId = new Map<number, { id: number; displayName: string }>();
  for (const territoryId of territoryIdsForCommune(db, project.communeCode)) {
    for (const member of listPoleMembers(db, territoryId, { role: "porteur" })) byId.set(member.id, member);
  }
  byId.delete(project.ownerId);
  return [...byId.values()].sort((a, b) => a.displayName.localeCompare(b.displayName, "fr"));
}

/**
 * The pôle's team hands a project over to another of its members who holds projects — when its holder
 * leaves, or can no longer carry it. Its needs, pledges, club deals and mentorships stay with the
 * project; the new and the former holder are told.
 */
export function handOverProject(db: Db, actor: Actor, projectId: number, newHolderId: number, now: Date): Outcome {
  return writeTransaction(db, (tx): Outcome => {
    const project = tx.select().from(projects).where(eq(projects.id, projectId)).get();
    if (!project) return fail(404, "Projet introuvable ou non publié.");
    const territoryIds = territoryIdsForCommune(tx, project.communeCode);
    if (!isStaffOfAny(actor, territoryIds)) return fail(403, "Seule l'équipe d'animation du pôle confie un projet à une autre personne.");
    if (project.status === "clos") return fail(409, "Ce projet est clos : il ne peut plus être modifié.");
    if (newHolderId === project.ownerId) return fail(400, "Cette personne porte déjà ce projet.", "newHolderId");
    if (!territoryIds.some((territoryId) => isMemberWithRole(tx, territoryId, newHolderId, "porteur"))) {
      return fail(400, "Confiez le projet à un membre du pôle qui porte des projets.", "newHolderId");
    }
    tx.update(projects).set({ ownerId: newHolderId, updatedAt: now }).where(eq(projects.id, projectId)).run();
    const newHolder = tx.select({ displayName: users.displayName }).from(users).where(eq(users.id, newHolderId)).get();
    const notice = {
      kind: "vie-pole" as const,
      link: `/projets/${project.id}`,
      linkLabel: "Voir le projet",
      group: { key: `projet:${project.id}`, label: project.title },
      poleName: poleNameOfCommune(tx, project.communeCode),
    };
    notify(
      tx,
      {
        ...notice,
        userId: newHolderId,
        title: `L'équipe d'animation vous confie le projet « ${project.title} »`,
        body: "Vous en êtes désormais la personne qui le porte : ses besoins, ses soutiens et ses accompagnements en cours restent attachés au projet.",
        reason: "l'équipe d'animation de votre pôle vous a confié ce projet",
      },
      now,
    );
    notify(
      tx,
      {
        ...notice,
        userId: project.ownerId,
        title: `Le projet « ${project.title} » est confié à ${newHolder?.displayName ?? "une autre personne"}`,
        body: "L'équipe d'animation du pôle l'a confié à une autre personne : il n'apparaît plus parmi vos projets.",
        reason: "vous portiez ce projet",
      },
      now,
    );
    return { ok: true };
  });
}

export function addSkillNeed(db: Db, projectId: number, input: SkillNeedInput, now: Date): number {
  return writeTransaction(db, (tx) => {
    const need = tx
      .insert(projectSkillNeeds)
      .values({ ...input, projectId, status: "ouvert", createdAt: now })
      .returning({ id: projectSkillNeeds.id })
      .get();
    touch(tx, projectId, now);
    return need.id;
  });
}

export function updateSkillNeed(db: Db, needId: number, input: SkillNeedInput, now: Date): void {
  writeTransaction(db, (tx) => {
    const need = tx.select().from(projectSkillNeeds).where(eq(projectSkillNeeds.id, needId)).get();
    if (!need) return;
    tx.update(projectSkillNeeds).set(input).where(eq(projectSkillNeeds.id, needId)).run();
    touch(tx, need.projectId, now);
  });
}

/**
 * Deletes the need, or closes it when a mentorship was accepted on it (its
 * sessions and feedback stay). Pending requests on it are withdrawn.
 */
export function removeSkillNeed(db: Db, needId: number, now: Date): "delete" | "close" | null {
  return writeTransaction(db, (tx) => {
    const need = tx.select().from(projectSkillNeeds).where(eq(projectSkillNeeds.id, needId)).get();
    if (!need) return null;
    const history = tx
      .select({ id: mentorships.id })
      .from(mentorships)
      .where(and(eq(mentorships.needId, needId), inArray(mentorships.status, ["acceptee", "terminee", "arretee"])))
      .get();
    const removal = needRemoval(!!history);
    if (removal === "delete") {
      tx.delete(projectSkillNeeds).where(eq(projectSkillNeeds.id, needId)).run();
    } else {
      tx.update(projectSkillNeeds).set({ status: "clos" }).where(eq(projectSkillNeeds.id, needId)).run();
      tx.update(mentorships)
        .set({ status: "annulee", respondedAt: now })
        .where(and(eq(mentorships.needId, needId), eq(mentorships.status, "demande")))
        .run();
    }
    touch(tx, need.projectId, now);
    return removal;
  });
}

/** One funding need per project: inserts or replaces it. */
/** Sets the project's funding goal; never below what savers, clubs and the cagnotte already put in. */
export function saveFundingNeed(db: Db, projectId: number, input: FundingNeedInput, now: Date): Outcome {
  return writeTransaction(db, (tx): Outcome => {
    const { raisedCents } = fundingTotals(tx, projectId);
    if (input.amountCents < raisedCents) {
      return fail(400, `Les soutiens engagent déjà ${formatEuros(raisedCents)} : l'objectif ne peut pas être inférieur à ce montant.`, "amount");
    }
    tx.insert(projectFundingNeeds)
      .values({ ...input, projectId, createdAt: now })
      .onConflictDoUpdate({ target: projectFundingNeeds.projectId, set: input })
      .run();
    touch(tx, projectId, now);
    return { ok: true };
  });
}

/** Withdraws the funding need, as long as nobody has put money toward it. */
export function removeFundingNeed(db: Db, projectId: number, now: Date): Outcome {
  return writeTransaction(db, (tx): Outcome => {
    const { raisedCents } = fundingTotals(tx, projectId);
    if (raisedCents > 0) {
      return fail(409, `Les soutiens engagent déjà ${formatEuros(raisedCents)} : le besoin de financement ne peut pas être retiré.`);
    }
    tx.delete(projectFundingNeeds).where(eq(projectFundingNeeds.projectId, projectId)).run();
    touch(tx, projectId, now);
    return { ok: true };
  });
}

/* ----------------------------------------------------------------- access */

/** What the rules need to know about who looks at this project. */
export function projectViewerFor(
  db: Db,
  actor: Actor | null,
  project: Pick<ProjectRow, "id" | "communeCode">,
): ProjectViewer {
  if (!actor) return { userId: null, isAdmin: false, isTerritoryStaff: false, isMentor: false, isPoleMember: false };
  const territories = territoryIdsForCommune(db, project.communeCode);
  return {
    userId: actor.userId,
    isAdmin: isAdmin(actor),
    isTerritoryStaff: territories.some((id) => isStaffOf(actor, id)),
    isMentor: isAcceptedMentorOf(db, project.id, actor.userId),
    isPoleMember: isMemberOfAny(db, actor.userId, territories),
  };
}
