/**
 * Working groups: under one axis of a pôle, led by a coordinator. Members of the pôle ask to join
 * (possibly for an organisation they represent); the coordinator or the animation team answers.
 * Only the animation team creates groups and edits their page.
 */
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import {
  organisationRepresentatives,
  organisations,
  territoryAxes,
  users,
  workingGroupLinks,
  workingGroupMembers,
  workingGroups,
} from "#db/schema";
import { mayAnswerGroupRequests, mayEditGroup, slugify } from "~/domain/pole-membership";
import type { Actor } from "~/domain/permissions";
import type { MembershipStatus } from "~/domain/vocabulary";
import { inFrenchOrder, writeTransaction, type Db, type Reader, type Writer } from "~/utils/db.server";
import { notify, notifyAll } from "./notification.server";
import { fail, type Outcome } from "./outcome";
import { isMemberOfAny } from "./pole-member.server";
import { animationTeamIds } from "./territory.server";

type PoleRef = { id: number; slug: string; name: string };

export type GroupSummary = { id: number; slug: string; name: string; purpose: string; memberCount: number; coordinatorName: string | null };
export type AxisWithGroups = { id: number; name: string; description: string; groups: GroupSummary[] };

const confirmedCount = sql<number>`(select count(*) from ${workingGroupMembers}
  where ${workingGroupMembers.groupId} = ${workingGroups.id} and ${workingGroupMembers.status} = 'confirmee')`;

/** The pôle's axes in order, each with its working groups by name. */
export function listAxesWithGroups(q: Reader, territoryId: number): AxisWithGroups[] {
  const axes = q
    .select({ id: territoryAxes.id, name: territoryAxes.name, description: territoryAxes.description })
    .from(territoryAxes)
    .where(eq(territoryAxes.territoryId, territoryId))
    .orderBy(asc(territoryAxes.position))
    .all();
  const groups = q
    .select({
      id: workingGroups.id,
      axisId: workingGroups.axisId,
      slug: workingGroups.slug,
      name: workingGroups.name,
      purpose: workingGroups.purpose,
      memberCount: confirmedCount,
      coordinatorName: users.displayName,
    })
    .from(workingGroups)
    .leftJoin(users, eq(users.id, workingGroups.coordinatorId))
    .where(eq(workingGroups.territoryId, territoryId))
    .orderBy(asc(workingGroups.name))
    .all();
  return axes.map((axis) => ({
    ...axis,
    groups: groups.filter((g) => g.axisId === axis.id).map(({ axisId: _axisId, ...g }) => g),
  }));
}

export type GroupMember = { id: number; userId: number; displayName: string; organisationName: string | null; message: string; requestedAt: Date };

export type GroupPage = {
  id: number;
  territoryId: number;
  slug: string;
  name: string;
  purpose: string;
  axis: { id: number; name: string };
  coordinator: { id: number; displayName: string } | null;
  links: { label: string; url: string }[];
  members: GroupMember[];
};

function membersOf(q: Reader, groupId: number, status: MembershipStatus): GroupMember[] {
  return q
    .select({
      id: workingGroupMembers.id,
      userId: workingGroupMembers.userId,
      displayName: users.displayName,
      organisationName: organisations.name,
      message: workingGroupMembers.message,
      requestedAt: workingGroupMembers.requestedAt,
    })
    .from(workingGroupMembers)
    .innerJoin(users, eq(users.id, workingGroupMembers.userId))
    .leftJoin(organisations, eq(organisations.id, workingGroupMembers.organisationId))
    .where(and(eq(workingGroupMembers.groupId, groupId), eq(workingGroupMembers.status, status)))
    .orderBy(inFrenchOrder(users.displayName))
    .all();
}

/** A group of this pôle by its slug, with its confirmed members and its document links. */
export function getGroupPage(q: Reader, territoryId: number, slug: string): GroupPage | undefined {
  const row = q
    .select({
      id: workingGroups.id,
      territoryId: workingGroups.territoryId,
      slug: workingGroups.slug,
      name: workingGroups.name,
      purpose: workingGroups.purpose,
      axisId: territoryAxes.id,
      axisName: territoryAxes.name,
      coordinatorId: workingGroups.coordinatorId,
      coordinatorName: users.displayName,
    })
    .from(workingGroups)
    .innerJoin(territoryAxes, eq(territoryAxes.id, workingGroups.axisId))
    .leftJoin(users, eq(users.id, workingGroups.coordinatorId))
    .where(and(eq(workingGroups.territoryId, territoryId), eq(workingGroups.slug, slug)))
    .get();
  if (!row) return undefined;
  const links = q
    .select({ label: workingGroupLinks.label, url: workingGroupLinks.url })
    .from(workingGroupLinks)
    .where(eq(workingGroupLinks.groupId, row.id))
    .orderBy(asc(workingGroupLinks.position), asc(workingGroupLinks.id))
    .all();
  return {
    id: row.id,
    territoryId: row.territoryId,
    slug: row.slug,
    name: row.name,
    purpose: row.purpose,
    axis: { id: row.axisId, name: row.axisName },
    coordinator: row.coordinatorId !== null && row.coordinatorName !== null ? { id: row.coordinatorId, displayName: row.coordinatorName } : null,
    links,
    members: membersOf(q, row.id, "confirmee"),
  };
}

/** Requests waiting for the coordinator or the animation team. */
export function pendingGroupRequests(q: Reader, groupId: number): GroupMember[] {
  return membersOf(q, groupId, "demandee");
}

/** Where this person stands with the group: null when never asked. */
export function groupStatusOf(q: Reader, groupId: number, userId: number): MembershipStatus | null {
  return (
    q
      .select({ status: workingGroupMembers.status })
      .from(workingGroupMembers)
      .where(and(eq(workingGroupMembers.groupId, groupId), eq(workingGroupMembers.userId, userId)))
      .get()?.status ?? null
  );
}

/** Organisations the person acts for, as confirmed by the animation team. */
export function representedOrganisations(q: Reader, userId: number): { id: number; name: string }[] {
  return q
    .select({ id: organisations.id, name: organisations.name })
    .from(organisationRepresentatives)
    .innerJoin(organisations, eq(organisations.id, organisationRepresentatives.organisationId))
    .where(and(eq(organisationRepresentatives.userId, userId), eq(organisationRepresentatives.status, "confirmee")))
    .orderBy(inFrenchOrder(organisations.name))
    .all();
}

const groupLink = (pole: PoleRef, group: { slug: string }) => `/poles/${pole.slug}/groupes/${group.slug}`;

/** A member of the pôle asks to join the group; the coordinator and the animation team are told. */
export function requestToJoinGroup(
  db: Db,
  pole: PoleRef,
  group: { id: number; slug: string; name: string; coordinatorId: number | null },
  person: { id: number; displayName: string },
  input: { message: string; organisationId: number | null },
  now: Date,
): Outcome {
  return writeTransaction(db, (tx) => {
    if (!isMemberOfAny(tx, person.id, [pole.id])) {
      return fail(403, "Rejoignez d'abord le pôle, en acceptant sa charte, pour demander à entrer dans un groupe de travail.");
    }
    if (input.organisationId !== null && !representedOrganisations(tx, person.id).some((o) => o.id === input.organisationId)) {
      return fail(400, "Choisissez une organisation que vous représentez.", "organisationId");
    }
    const status = groupStatusOf(tx, group.id, person.id);
    if (status === "demandee") return fail(409, "Votre demande est déjà envoyée : le groupe vous répondra.");
    if (status === "confirmee") return fail(409, "Vous faites déjà partie de ce groupe.");
    const values = { status: "demandee" as const, message: input.message, organisationId: input.organisationId, requestedAt: now, decidedAt: null };
    if (status === "refusee") {
      tx.update(workingGroupMembers)
        .set(values)
        .where(and(eq(workingGroupMembers.groupId, group.id), eq(workingGroupMembers.userId, person.id)))
        .run();
    } else {
      tx.insert(workingGroupMembers).values({ groupId: group.id, userId: person.id, ...values }).run();
    }
    const deciders = new Set(animationTeamIds(tx, pole.id));
    if (group.coordinatorId !== null) deciders.add(group.coordinatorId);
    deciders.delete(person.id);
    notifyAll(
      tx,
      [...deciders],
      {
        kind: "vie-pole",
        title: `${person.displayName} demande à rejoindre le groupe « ${group.name} »`,
        body: input.message,
        link: `${groupLink(pole, group)}#demandes`,
        linkLabel: "Répondre à la demande",
        group: { key: `groupe:${group.id}`, label: group.name },
        poleName: pole.name,
        reason: "vous coordonnez ce groupe de travail ou animez le pôle",
      },
      now,
    );
    return { ok: true };
  });
}

/** The coordinator or the animation team confirms or declines a request; the person is told. */
export function answerGroupRequest(
  db: Db,
  actor: Actor,
  pole: PoleRef,
  groupId: number,
  requestId: number,
  accept: boolean,
  now: Date,
): Outcome<{ displayName: string }> {
  return writeTransaction(db, (tx) => {
    const group = tx
      .select({ id: workingGroups.id, slug: workingGroups.slug, name: workingGroups.name, territoryId: workingGroups.territoryId, coordinatorId: workingGroups.coordinatorId })
      .from(workingGroups)
      .where(eq(workingGroups.id, groupId))
      .get();
    if (!group || group.territoryId !== pole.id) return fail(404, "Groupe introuvable.");
    if (!mayAnswerGroupRequests(actor, group)) {
      return fail(403, "Seuls le coordinateur du groupe et l'équipe d'animation du pôle répondent aux demandes.");
    }
    const request = tx
      .select({ id: workingGroupMembers.id, userId: workingGroupMembers.userId, status: workingGroupMembers.status, displayName: users.displayName })
      .from(workingGroupMembers)
      .innerJoin(users, eq(users.id, workingGroupMembers.userId))
      .where(and(eq(workingGroupMembers.id, requestId), eq(workingGroupMembers.groupId, group.id)))
      .get();
    if (!request) return fail(404, "Demande introuvable.");
    if (request.status !== "demandee") return fail(409, "Cette demande a déjà reçu une réponse.");
    tx.update(workingGroupMembers)
      .set({ status: accept ? "confirmee" : "refusee", decidedAt: now })
      .where(eq(workingGroupMembers.id, request.id))
      .run();
    notify(
      tx,
      {
        userId: request.userId,
        kind: "vie-pole",
        title: accept ? `Bienvenue dans le groupe « ${group.name} »` : `Votre demande pour le groupe « ${group.name} » n'est pas retenue`,
        body: accept
          ? "Vous apparaissez maintenant parmi ses membres ; ses documents et ses rencontres sont sur sa page."
          : "Le groupe ne peut pas vous accueillir pour le moment. Vous pouvez en parler à l'équipe d'animation du pôle.",
        link: groupLink(pole, group),
        linkLabel: "Voir le groupe",
        group: { key: `groupe:${group.id}`, label: group.name },
        poleName: pole.name,
        reason: "vous avez demandé à rejoindre ce groupe de travail",
      },
      now,
    );
    return { ok: true, displayName: request.displayName };
  });
}

/** Leaves the group (or withdraws a request). */
export function leaveGroup(db: Db, groupId: number, userId: number): Outcome {
  return writeTransaction(db, (tx) => {
    const status = groupStatusOf(tx, groupId, userId);
    if (status !== "confirmee" && status !== "demandee") return fail(409, "Vous ne faites pas partie de ce groupe.");
    tx.delete(workingGroupMembers).where(and(eq(workingGroupMembers.groupId, groupId), eq(workingGroupMembers.userId, userId))).run();
    return { ok: true };
  });
}

function freeSlug(tx: Writer, territoryId: number, name: string): string {
  const base = slugify(name) || "groupe";
  const taken = new Set(
    tx
      .select({ slug: workingGroups.slug })
      .from(workingGroups)
      .where(eq(workingGroups.territoryId, territoryId))
      .all()
      .map((g) => g.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The animation team creates a group under one of the pôle's axes. */
export function createGroup(
  db: Db,
  actor: Actor,
  territoryId: number,
  input: { axisId: number; name: string; purpose: string },
  now: Date,
): Outcome<{ slug: string }> {
  if (!mayEditGroup(actor, { territoryId })) return fail(403, "Seule l'équipe d'animation du pôle crée ses groupes de travail.");
  return writeTransaction(db, (tx) => {
    const axis = tx.select({ territoryId: territoryAxes.territoryId }).from(territoryAxes).where(eq(territoryAxes.id, input.axisId)).get();
    if (!axis || axis.territoryId !== territoryId) return fail(400, "Choisissez un axe de ce pôle.", "axisId");
    const slug = freeSlug(tx, territoryId, input.name);
    tx.insert(workingGroups).values({ territoryId, axisId: input.axisId, slug, name: input.name, purpose: input.purpose, createdAt: now }).run();
    return { ok: true, slug };
  });
}

/** The animation team edits a group: its axis, purpose, coordinator (a member of the pôle) and documents. */
export function updateGroup(
  db: Db,
  actor: Actor,
  territoryId: number,
  groupId: number,
  input: { axisId: number; purpose: string; coordinatorId: number | null; links: readonly { label: string; url: string }[] },
): Outcome {
  if (!mayEditGroup(actor, { territoryId })) return fail(403, "Seule l'équipe d'animation du pôle modifie ses groupes de travail.");
  return writeTransaction(db, (tx) => {
    const group = tx.select({ territoryId: workingGroups.territoryId }).from(workingGroups).where(eq(workingGroups.id, groupId)).get();
    if (!group || group.territoryId !== territoryId) return fail(404, "Groupe introuvable.");
    const axis = tx.select({ territoryId: territoryAxes.territoryId }).from(territoryAxes).where(eq(territoryAxes.id, input.axisId)).get();
    if (!axis || axis.territoryId !== territoryId) return fail(400, "Choisissez un axe de ce pôle.", "axisId");
    if (input.coordinatorId !== null && !isMemberOfAny(tx, input.coordinatorId, [territoryId])) {
      return fail(400, "Le coordinateur doit être membre du pôle.", "coordinatorId");
    }
    tx.update(workingGroups).set({ axisId: input.axisId, purpose: input.purpose, coordinatorId: input.coordinatorId }).where(eq(workingGroups.id, groupId)).run();
    tx.delete(workingGroupLinks).where(eq(workingGroupLinks.groupId, groupId)).run();
    if (input.links.length > 0) {
      tx.insert(workingGroupLinks)
        .values(input.links.map((l, position) => ({ groupId, label: l.label, url: l.url, position })))
        .run();
    }
    return { ok: true };
  });
}

/** Seeds a group with its confirmed members (demo data): no request, no notification. */
export function seedGroup(
  tx: Writer,
  input: { territoryId: number; axisId: number; name: string; purpose: string; coordinatorId: number | null; memberIds: readonly number[]; links?: readonly { label: string; url: string }[] },
  now: Date,
): number {
  const slug = freeSlug(tx, input.territoryId, input.name);
  const { id } = tx
    .insert(workingGroups)
    .values({ territoryId: input.territoryId, axisId: input.axisId, slug, name: input.name, purpose: input.purpose, coordinatorId: input.coordinatorId, createdAt: now })
    .returning({ id: workingGroups.id })
    .get();
  const memberIds = [...new Set(input.memberIds)];
  if (memberIds.length > 0) {
    tx.insert(workingGroupMembers)
      .values(memberIds.map((userId) => ({ groupId: id, userId, status: "confirmee" as const, requestedAt: now, decidedAt: now })))
      .run();
  }
  if (input.links?.length) {
    tx.insert(workingGroupLinks).values(input.links.map((l, position) => ({ groupId: id, ...l, position }))).run();
  }
  return id;
}

/** How many groups and confirmed group members the pôle counts. */
export function groupFigures(q: Reader, territoryId: number): { groups: number; members: number } {
  const ids = q.select({ id: workingGroups.id }).from(workingGroups).where(eq(workingGroups.territoryId, territoryId));
  const groups = q.select({ n: count() }).from(workingGroups).where(eq(workingGroups.territoryId, territoryId)).get()?.n ?? 0;
  const members =
    q
      .select({ n: sql<number>`count(distinct ${workingGroupMembers.userId})` })
      .from(workingGroupMembers)
      .where(and(inArray(workingGroupMembers.groupId, ids), eq(workingGroupMembers.status, "confirmee")))
      .get()?.n ?? 0;
  return { groups, members };
}
