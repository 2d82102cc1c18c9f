/**
 * The register of the territory's unmet needs: posted by anyone signed in, supported (once per person)
 * and commented, qualified by the pôle's animation team, and linked to what answers them — a project
 * drafted from the need and handed to a holder, an existing project, or a working group.
 */
import { and, asc, count, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import {
  communes,
  mentorshipSessions,
  mentorships,
  projects,
  territories,
  territoryCommunes,
  unmetNeedComments,
  unmetNeedLinks,
  unmetNeedSupports,
  unmetNeeds,
  users,
  workingGroups,
} from "#db/schema";
import type { Actor } from "~/domain/permissions";
import { mayQualifyNeed, missingStatusNote, statusChangeTitle, type TracedGroup, type TracedProject } from "~/domain/unmet-need";
import type { ProjectKind, ProjectStatus, UnmetNeedStatus } from "~/domain/vocabulary";
import { writeTransaction, type Db, type Reader } from "~/utils/db.server";
import { fundingTotals } from "./funding-progress.server";
import { notifyAll, type NewNotification } from "./notification.server";
import { isMemberWithRole } from "./pole-member.server";
import { createProject, territoryIdsForCommune } from "./project.server";
import { animationTeamIds } from "./territory.server";
import { fail, type Outcome } from "./outcome";

export type UnmetNeedRow = typeof unmetNeeds.$inferSelect;

export type UnmetNeedSummary = {
  id: number;
  title: string;
  affected: string;
  status: UnmetNeedStatus;
  pole: { slug: string; name: string };
  place: string;
  supportCount: number;
  answerCount: number;
  createdAt: Date;
};

export type UnmetNeedDetail = UnmetNeedRow & {
  pole: { id: number; slug: string; name: string; seatCommuneCode: string | null };
  communeName: string | null;
  authorName: string | null;
  supportCount: number;
};

export type NeedFilters = { territoryId?: number; status?: UnmetNeedStatus; order: "recents" | "soutenus" };

export const NEEDS_PAGE_SIZE = 20;

const supportCountSql = sql<number>`(select count(*) from ${unmetNeedSupports} where ${unmetNeedSupports.needId} = ${unmetNeeds.id})`;
const answerCountSql = sql<number>`(select count(*) from ${unmetNeedLinks} where ${unmetNeedLinks.needId} = ${unmetNeeds.id})`;

function placeOf(communeName: string | null, placeNote: string): string {
  return [communeName, placeNote.trim()].filter(Boolean).join(" — ") || "Tout le territoire du pôle";
}

/* ------------------------------------------------------------------ reads */

/** One page of needs, with how many people support each and how many answers it has, in one query. */
export function listUnmetNeeds(q: Reader, filters: NeedFilters, page = 1): { needs: UnmetNeedSummary[]; total: number } {
  const where: SQL[] = [];
  if (filters.territoryId !== undefined) where.push(eq(unmetNeeds.territoryId, filters.territoryId));
  if (filters.status !== undefined) where.push(eq(unmetNeeds.status, filters.status));
  const condition = where.length ? and(...where) : undefined;
  const rows = q
    .select({
      id: unmetNeeds.id,
      title: unmetNeeds.title,
      affected: unmetNeeds.affected,
      status: unmetNeeds.status,
      placeNote: unmetNeeds.placeNote,
      createdAt: unmetNeeds.createdAt,
      poleSlug: territories.slug,
      poleName: territories.name,
      communeName: communes.name,
      supportCount: supportCountSql,
      answerCount: answerCountSql,
      total: sql<number>`count(*) over ()`,
    })
    .from(unmetNeeds)
    .innerJoin(territories, eq(territories.id, unmetNeeds.territoryId))
    .leftJoin(communes, eq(communes.code, unmetNeeds.communeCode))
    .where(condition)
    .orderBy(...(filters.order === "soutenus" ? [desc(supportCountSql), desc(unmetNeeds.createdAt)] : [desc(unmetNeeds.createdAt)]), desc(unmetNeeds.id))
    .limit(NEEDS_PAGE_SIZE)
    .offset((page - 1) * NEEDS_PAGE_SIZE)
    .all();
  return {
    total: rows[0]?.total ?? (page > 1 ? countUnmetNeeds(q, condition) : 0),
    needs: rows.map((r) => ({
      id: r.id,
      title: r.title,
      affected: r.affected,
      status: r.status,
      pole: { slug: r.poleSlug, name: r.poleName },
      place: placeOf(r.communeName, r.placeNote),
      supportCount: r.supportCount,
      answerCount: r.answerCount,
      createdAt: r.createdAt,
    })),
  };
}

function countUnmetNeeds(q: Reader, condition: SQL | undefined): number {
  return q.select({ n: count() }).from(unmetNeeds).where(condition).get()?.n ?? 0;
}

export function getUnmetNeed(q: Reader, id: number): UnmetNeedDetail | undefined {
  const row = q
    .select({
      need: unmetNeeds,
      poleId: territories.id,
      poleSlug: territories.slug,
      poleName: territories.name,
      seatCommuneCode: territories.seatCommuneCode,
      communeName: communes.name,
      authorName: users.displayName,
      supportCount: supportCountSql,
    })
    .from(unmetNeeds)
    .innerJoin(territories, eq(territories.id, unmetNeeds.territoryId))
    .leftJoin(communes, eq(communes.code, unmetNeeds.communeCode))
    .leftJoin(users, eq(users.id, unmetNeeds.authorId))
    .where(eq(unmetNeeds.id, id))
    .get();
  if (!row) return undefined;
  return {
    ...row.need,
    pole: { id: row.poleId, slug: row.poleSlug, name: row.poleName, seatCommuneCode: row.seatCommuneCode },
    communeName: row.communeName,
    authorName: row.authorName,
    supportCount: row.supportCount,
  };
}

export function needPlace(need: Pick<UnmetNeedDetail, "communeName" | "placeNote">): string {
  return placeOf(need.communeName, need.placeNote);
}

export function hasSupported(q: Reader, needId: number, userId: number): boolean {
  return !!q
    .select({ needId: unmetNeedSupports.needId })
    .from(unmetNeedSupports)
    .where(and(eq(unmetNeedSupports.needId, needId), eq(unmetNeedSupports.userId, userId)))
    .get();
}

export function listNeedComments(q: Reader, needId: number) {
  return q
    .select({ id: unmetNeedComments.id, body: unmetNeedComments.body, createdAt: unmetNeedComments.createdAt, authorName: users.displayName })
    .from(unmetNeedComments)
    .leftJoin(users, eq(users.id, unmetNeedComments.authorId))
    .where(eq(unmetNeedComments.needId, needId))
    .orderBy(asc(unmetNeedComments.createdAt), asc(unmetNeedComments.id))
    .all()
    .map((c) => ({ ...c, authorName: c.authorName ?? "Membre parti" }));
}

export type NeedAnswer =
  | { linkId: number; kind: "project"; project: TracedProject & { ownerId: number } }
  | { linkId: number; kind: "group"; group: TracedGroup };

/** What answers the need, each project with its mentors, hours and money raised (the trace's figures). */
export function listNeedAnswers(q: Reader, needId: number): NeedAnswer[] {
  const links = q.select().from(unmetNeedLinks).where(eq(unmetNeedLinks.needId, needId)).orderBy(asc(unmetNeedLinks.createdAt), asc(unmetNeedLinks.id)).all();
  const projectIds = links.flatMap((l) => (l.projectId === null ? [] : [l.projectId]));
  const groupIds = links.flatMap((l) => (l.groupId === null ? [] : [l.groupId]));
  const projectRows = projectIds.length
    ? q
        .select({ id: projects.id, title: projects.title, status: projects.status, ownerId: projects.ownerId, jobsExpected: projects.jobsExpected })
        .from(projects)
        .where(inArray(projects.id, projectIds))
        .all()
    : [];
  const mentoring = projectIds.length
    ? q
        .select({
          projectId: mentorships.projectId,
          mentors: sql<number>`count(distinct ${mentorships.id})`,
          minutes: sql<number>`coalesce(sum(${mentorshipSessions.durationMinutes}), 0)`,
        })
        .from(mentorships)
        .leftJoin(mentorshipSessions, eq(mentorshipSessions.mentorshipId, mentorships.id))
        .where(and(inArray(mentorships.projectId, projectIds), inArray(mentorships.status, ["acceptee", "terminee", "arretee"])))
        .groupBy(mentorships.projectId)
        .all()
    : [];
  const groupRows = groupIds.length
    ? q
        .select({ id: workingGroups.id, name: workingGroups.name, slug: workingGroups.slug, poleSlug: territories.slug })
        .from(workingGroups)
        .innerJoin(territories, eq(territories.id, workingGroups.territoryId))
        .where(inArray(workingGroups.id, groupIds))
        .all()
    : [];
  return links.flatMap((link): NeedAnswer[] => {
    if (link.projectId !== null) {
      const p = projectRows.find((r) => r.id === link.projectId);
      if (!p) return [];
      const m = mentoring.find((r) => r.projectId === p.id);
      const totals = fundingTotals(q, p.id);
      return [
        {
          linkId: link.id,
          kind: "project",
          project: {
            id: p.id,
            title: p.title,
            status: p.status as ProjectStatus,
            ownerId: p.ownerId,
            drafted: link.drafted,
            mentorCount: m?.mentors ?? 0,
            mentoredMinutes: m?.minutes ?? 0,
            raisedCents: totals.raisedCents,
            needCents: totals.needCents,
            jobsExpected: p.jobsExpected,
          },
        },
      ];
    }
    const g = groupRows.find((r) => r.id === link.groupId);
    return g ? [{ linkId: link.id, kind: "group", group: { name: g.name, href: `/poles/${g.poleSlug}/groupes/${g.slug}` } }] : [];
  });
}

/** The pôle's published projects a need may be linked to, not linked yet. */
export function linkableProjects(q: Reader, need: { id: number; territoryId: number }) {
  return q
    .select({ id: projects.id, title: projects.title })
    .from(projects)
    .innerJoin(territoryCommunes, and(eq(territoryCommunes.communeCode, projects.communeCode), eq(territoryCommunes.territoryId, need.territoryId)))
    .where(
      and(
        eq(projects.status, "publie"),
        sql`${projects.id} not in (select ${unmetNeedLinks.projectId} from ${unmetNeedLinks} where ${unmetNeedLinks.needId} = ${need.id} and ${unmetNeedLinks.projectId} is not null)`,
      ),
    )
    .orderBy(asc(projects.title))
    .all();
}

export function linkableGroups(q: Reader, need: { id: number; territoryId: number }) {
  return q
    .select({ id: workingGroups.id, name: workingGroups.name })
    .from(workingGroups)
    .where(
      and(
        eq(workingGroups.territoryId, need.territoryId),
        sql`${workingGroups.id} not in (select ${unmetNeedLinks.groupId} from ${unmetNeedLinks} where ${unmetNeedLinks.needId} = ${need.id} and ${unmetNeedLinks.groupId} is not null)`,
      ),
    )
    .orderBy(asc(workingGroups.name))
    .all();
}

/** How many needs of a pôle are waiting for the team (for /animation and the pôle page). */
export function countNeedsByStatus(q: Reader, territoryId: number): Record<UnmetNeedStatus, number> {
  const counts: Record<UnmetNeedStatus, number> = { ouvert: 0, "a-l-etude": 0, repondu: 0, "non-retenu": 0 };
  for (const row of q
    .select({ status: unmetNeeds.status, n: count() })
    .from(unmetNeeds)
    .where(eq(unmetNeeds.territoryId, territoryId))
    .groupBy(unmetNeeds.status)
    .all()) {
    counts[row.status] = row.n;
  }
  return counts;
}

/* ------------------------------------------------------------------ writes */

export type NewUnmetNeed = {
  territoryId: number;
  title: string;
  description: string;
  affected: string;
  communeCode: string | null;
  placeNote: string;
};

function communeIsInPole(q: Reader, territoryId: number, communeCode: string): boolean {
  return !!q
    .select({ code: territoryCommunes.communeCode })
    .from(territoryCommunes)
    .where(and(eq(territoryCommunes.territoryId, territoryId), eq(territoryCommunes.communeCode, communeCode)))
    .get();
}

function needLink(id: number): string {
  return `/besoins/${id}`;
}

function needNotice(need: { id: number; title: string; poleName: string }): Pick<NewNotification, "kind" | "link" | "group" | "poleName"> {
  return { kind: "besoin-territoire", link: needLink(need.id), group: { key: `besoin:${need.id}`, label: need.title }, poleName: need.poleName };
}

/** Posts a need; the commune, when given, must be in the pôle's perimeter. The animation team is told. */
export function createUnmetNeed(db: Db, author: { id: number; displayName: string }, input: NewUnmetNeed, now: Date): Outcome<{ id: number }> {
  return writeTransaction(db, (tx) => {
    const pole = tx.select({ id: territories.id, name: territories.name }).from(territories).where(eq(territories.id, input.territoryId)).get();
    if (!pole) return fail(400, "Choisissez un pôle dans la liste.", "poleId");
    if (input.communeCode !== null && !communeIsInPole(tx, pole.id, input.communeCode)) {
      return fail(400, `Cette commune n'est pas dans le territoire du ${pole.name} : choisissez une commune du pôle, ou laissez le champ vide.`, "commune");
    }
    const row = tx
      .insert(unmetNeeds)
      .values({ ...input, authorId: author.id, status: "ouvert", createdAt: now, updatedAt: now })
      .returning({ id: unmetNeeds.id })
      .get();
    const team = animationTeamIds(tx, pole.id).filter((id) => id !== author.id);
    notifyAll(
      tx,
      team,
      {
        ...needNotice({ id: row.id, title: input.title, poleName: pole.name }),
        title: `Un besoin du territoire est signalé : « ${input.title} »`,
        body: input.affected,
        linkLabel: "Examiner le besoin",
        reason: "vous animez ce pôle",
      },
      now,
    );
    return { ok: true, id: row.id };
  });
}

/** One support per person (the primary key says so); withdrawing removes it. Idempotent both ways. */
export function setSupport(db: Db, needId: number, userId: number, support: boolean, now: Date): void {
  if (support) {
    db.insert(unmetNeedSupports).values({ needId, userId, createdAt: now }).onConflictDoNothing().run();
  } else {
    db.delete(unmetNeedSupports).where(and(eq(unmetNeedSupports.needId, needId), eq(unmetNeedSupports.userId, userId))).run();
  }
}

/** A comment; the person who posted the need is told (not when they comment themselves). */
export function addNeedComment(db: Db, need: Pick<UnmetNeedDetail, "id" | "title" | "authorId" | "pole">, author: { id: number; displayName: string }, body: string, now: Date): void {
  writeTransaction(db, (tx) => {
    tx.insert(unmetNeedComments).values({ needId: need.id, authorId: author.id, body, createdAt: now }).run();
    if (need.authorId !== null && need.authorId !== author.id) {
      notifyAll(
        tx,
        [need.authorId],
        {
          ...needNotice({ id: need.id, title: need.title, poleName: need.pole.name }),
          link: `${needLink(need.id)}#commentaires`,
          title: `${author.displayName} a commenté le besoin « ${need.title} »`,
          body,
          linkLabel: "Lire le commentaire",
          reason: "vous avez signalé ce besoin",
        },
        now,
      );
    }
  });
}

function supporterIds(q: Reader, needId: number): number[] {
  return q.select({ userId: unmetNeedSupports.userId }).from(unmetNeedSupports).where(eq(unmetNeedSupports.needId, needId)).all().map((r) => r.userId);
}

/** The person who posted the need and those who support it: whom a decision on it concerns. */
function concernedIds(q: Reader, need: { id: number; authorId: number | null }, except: number): number[] {
  return [...new Set([...(need.authorId === null ? [] : [need.authorId]), ...supporterIds(q, need.id)])].filter((id) => id !== except);
}

function linkCount(q: Reader, needId: number): number {
  return q.select({ n: count() }).from(unmetNeedLinks).where(eq(unmetNeedLinks.needId, needId)).get()?.n ?? 0;
}

/** The team says where the need stands; its author and supporters are told. */
export function qualifyNeed(
  db: Db,
  actor: Actor,
  need: Pick<UnmetNeedDetail, "id" | "title" | "territoryId" | "pole">,
  input: { status: UnmetNeedStatus; statusNote: string },
  now: Date,
): Outcome {
  if (!mayQualifyNeed(actor, need)) return fail(403, "Seule l'équipe d'animation du pôle qualifie ses besoins.");
  return writeTransaction(db, (tx) => {
    const current = tx.select().from(unmetNeeds).where(eq(unmetNeeds.id, need.id)).get();
    if (!current) return fail(404, "Besoin introuvable.");
    const missing = missingStatusNote(input.status, input.statusNote, linkCount(tx, need.id));
    if (missing) return fail(400, missing, "statusNote");
    tx.update(unmetNeeds)
      .set({ status: input.status, statusNote: input.statusNote.trim(), qualifiedById: actor.userId, qualifiedAt: now, updatedAt: now })
      .where(eq(unmetNeeds.id, need.id))
      .run();
    if (current.status !== input.status || current.statusNote !== input.statusNote.trim()) {
      notifyAll(
        tx,
        concernedIds(tx, current, actor.userId),
        {
          ...needNotice({ id: need.id, title: need.title, poleName: need.pole.name }),
          title: statusChangeTitle(need.title, input.status),
          body: input.statusNote.trim(),
          linkLabel: "Voir le besoin",
          reason: "vous avez signalé ou soutenu ce besoin",
        },
        now,
      );
    }
    return { ok: true };
  });
}

function pitchFrom(description: string): string {
  const text = description.replace(/\s+/g, " ").trim();
  return text.length <= 280 ? text : `${text.slice(0, 277).trimEnd()}…`;
}

/**
 * Turns the need into a project draft handed to a member of the pôle, who completes and publishes it.
 * The need goes « à l'étude » if it was open; the holder, the author and the supporters are told.
 */
export function draftProjectFromNeed(
  db: Db,
  actor: Actor,
  need: Pick<UnmetNeedDetail, "id" | "title" | "territoryId" | "pole">,
  input: { holderId: number; activityDomainId: number; kind: ProjectKind },
  now: Date,
): Outcome<{ projectId: number }> {
  if (!mayQualifyNeed(actor, need)) return fail(403, "Seule l'équipe d'animation du pôle transforme un besoin en projet.");
  return writeTransaction(db, (tx) => {
    const current = tx.select().from(unmetNeeds).where(eq(unmetNeeds.id, need.id)).get();
    if (!current) return fail(404, "Besoin introuvable.");
    if (!isMemberWithRole(tx, need.territoryId, input.holderId, "porteur")) {
      return fail(400, "Confiez le projet à un membre du pôle qui porte des projets.", "holderId");
    }
    // The need's commune, else the pôle's seat, else the holder's own commune: the holder can change it.
    const holderCommune = tx.select({ code: users.communeCode }).from(users).where(eq(users.id, input.holderId)).get()?.code ?? null;
    const communeCode = current.communeCode ?? need.pole.seatCommuneCode ?? holderCommune;
    if (!communeCode) return fail(409, "Ce besoin n'a pas de commune : le projet ne peut pas être situé.");
    const project = createProject(
      tx,
      input.holderId,
      {
        title: current.title,
        pitch: pitchFrom(current.description),
        description: `Né d'un besoin du territoire signalé sur Maillon : ${current.description}\n\nPersonnes concernées : ${current.affected}`,
        kind: input.kind,
        stage: "idee",
        legalForm: "a-definir",
        activityDomainId: input.activityDomainId,
        communeCode,
        remoteOk: false,
        jobsExpected: 0,
      },
      now,
    );
    tx.insert(unmetNeedLinks).values({ needId: need.id, projectId: project.id, drafted: true, createdById: actor.userId, createdAt: now }).run();
    if (current.status === "ouvert") tx.update(unmetNeeds).set({ status: "a-l-etude", updatedAt: now }).where(eq(unmetNeeds.id, need.id)).run();
    notifyAll(
      tx,
      [input.holderId].filter((id) => id !== actor.userId),
      {
        ...needNotice({ id: need.id, title: need.title, poleName: need.pole.name }),
        link: `/projets/${project.id}`,
        title: `L'équipe d'animation vous confie un projet né d'un besoin du territoire : « ${current.title} »`,
        body: "Le brouillon reprend la description du besoin. Complétez-le, ajoutez ses besoins de compétences et de financement, puis publiez-le.",
        linkLabel: "Compléter le projet",
        reason: "l'équipe d'animation de votre pôle vous a confié ce projet",
      },
      now,
    );
    notifyAll(
      tx,
      concernedIds(tx, current, actor.userId).filter((id) => id !== input.holderId),
      {
        ...needNotice({ id: need.id, title: need.title, poleName: need.pole.name }),
        title: `Le besoin « ${current.title} » devient un projet`,
        body: "Une personne du pôle en porte désormais le projet ; sa page suit ce qu'il devient.",
        linkLabel: "Voir le besoin",
        reason: "vous avez signalé ou soutenu ce besoin",
      },
      now,
    );
    return { ok: true, projectId: project.id };
  });
}

/** Links an existing published project of the pôle, or one of its working groups, as an answer. */
export function linkNeedAnswer(
  db: Db,
  actor: Actor,
  need: Pick<UnmetNeedDetail, "id" | "territoryId">,
  target: { projectId: number } | { groupId: number },
  now: Date,
): Outcome<{ linkId: number }> {
  if (!mayQualifyNeed(actor, need)) return fail(403, "Seule l'équipe d'animation du pôle relie un besoin à ce qui y répond.");
  return writeTransaction(db, (tx) => {
    if ("projectId" in target) {
      const project = tx.select({ status: projects.status, communeCode: projects.communeCode }).from(projects).where(eq(projects.id, target.projectId)).get();
      if (!project || project.status !== "publie" || !territoryIdsForCommune(tx, project.communeCode).includes(need.territoryId)) {
        return fail(400, "Choisissez un projet publié du pôle.", "projectId");
      }
    } else {
      const group = tx.select({ territoryId: workingGroups.territoryId }).from(workingGroups).where(eq(workingGroups.id, target.groupId)).get();
      if (!group || group.territoryId !== need.territoryId) return fail(400, "Choisissez un groupe de travail du pôle.", "groupId");
    }
    const inserted = tx
      .insert(unmetNeedLinks)
      .values({ needId: need.id, ...target, drafted: false, createdById: actor.userId, createdAt: now })
      .onConflictDoNothing()
      .returning({ id: unmetNeedLinks.id })
      .all();
    if (inserted.length === 0) return fail(409, "Ce besoin y est déjà relié.");
    tx.update(unmetNeeds).set({ updatedAt: now }).where(eq(unmetNeeds.id, need.id)).run();
    return { ok: true, linkId: inserted[0]!.id };
  });
}

/** Removes a link the team made by mistake (a drafted project stays the holder's). */
export function unlinkNeedAnswer(db: Db, actor: Actor, need: Pick<UnmetNeedDetail, "id" | "territoryId">, linkId: number): Outcome {
  if (!mayQualifyNeed(actor, need)) return fail(403, "Seule l'équipe d'animation du pôle modifie ce qui répond à un besoin.");
  const removed = db
    .delete(unmetNeedLinks)
    .where(and(eq(unmetNeedLinks.id, linkId), eq(unmetNeedLinks.needId, need.id)))
    .returning({ id: unmetNeedLinks.id })
    .all();
  return removed.length ? { ok: true } : fail(404, "Lien introuvable.");
}
