/**
 * Events of the pôles' agenda: a COPIL, a working group's meeting, a workshop. Organised by the pôle's
 * animation team, or by a working group's coordinator for that group's events. A change of time or
 * place, or a cancellation, raises the event's SEQUENCE (calendars see it) and tells the people
 * registered and waiting, in the same transaction. Registrations: app/models/event-registration.server.ts.
 */
import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, gte, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { communes, eventRegistrations, events, territories, territoryAxes, users, workingGroups } from "#db/schema";
import type { CalendarEvent } from "~/domain/calendar";
import { isNoticeableChange, mayOrganiseEvent, promotableCount } from "~/domain/agenda";
import { formatDateTime } from "~/domain/format";
import { DAY_MS } from "~/domain/paris-time";
import type { Actor } from "~/domain/permissions";
import { isAdmin } from "~/domain/permissions";
import type { EventStatus, EventVisibility } from "~/domain/vocabulary";
import { inFrenchOrder, writeTransaction, type Db, type Reader, type Writer } from "~/utils/db.server";
import { notifyAll } from "./notification.server";
import { fail, type Outcome } from "./outcome";

export type EventInput = {
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  address: string | null;
  communeCode: string | null;
  onlineUrl: string | null;
  capacity: number | null;
  visibility: EventVisibility;
  axisId: number | null;
  groupId: number | null;
};

export type EventDetail = {
  id: number;
  pole: { id: number; slug: string; name: string };
  axis: { id: number; name: string } | null;
  group: { id: number; slug: string; name: string; coordinatorId: number | null } | null;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  address: string | null;
  commune: { code: string; name: string } | null;
  onlineUrl: string | null;
  organiser: { id: number; displayName: string } | null;
  capacity: number | null;
  visibility: EventVisibility;
  status: EventStatus;
  cancelReason: string;
  uid: string;
  sequence: number;
  createdAt: Date;
  updatedAt: Date;
  registered: number;
  waiting: number;
  attended: number;
};

const countOf = (status: "inscrit" | "attente") => sql<number>`(select count(*) from ${eventRegistrations}
  where ${eventRegistrations.eventId} = ${events.id} and ${eventRegistrations.status} = ${status})`;
const attendedCount = sql<number>`(select count(*) from ${eventRegistrations}
  where ${eventRegistrations.eventId} = ${events.id} and ${eventRegistrations.attended} = 1)`;

function selectEvents(q: Reader, where: SQL | undefined) {
  return q
    .select({
      id: events.id,
      poleId: territories.id,
      poleSlug: territories.slug,
      poleName: territories.name,
      axisId: territoryAxes.id,
      axisName: territoryAxes.name,
      groupId: workingGroups.id,
      groupSlug: workingGroups.slug,
      groupName: workingGroups.name,
      groupCoordinatorId: workingGroups.coordinatorId,
      title: events.title,
      description: events.description,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      address: events.address,
      communeCode: communes.code,
      communeName: communes.name,
      onlineUrl: events.onlineUrl,
      organiserId: users.id,
      organiserName: users.displayName,
      capacity: events.capacity,
      visibility: events.visibility,
      status: events.status,
      cancelReason: events.cancelReason,
      uid: events.uid,
      sequence: events.sequence,
      createdAt: events.createdAt,
      updatedAt: events.updatedAt,
      registered: countOf("inscrit"),
      waiting: countOf("attente"),
      attended: attendedCount,
    })
    .from(events)
    .innerJoin(territories, eq(territories.id, events.territoryId))
    .leftJoin(territoryAxes, eq(territoryAxes.id, events.axisId))
    .leftJoin(workingGroups, eq(workingGroups.id, events.groupId))
    .leftJoin(communes, eq(communes.code, events.communeCode))
    .leftJoin(users, eq(users.id, events.organiserId))
    .where(where);
}

type Row = ReturnType<ReturnType<typeof selectEvents>["all"]>[number];

function toDetail(r: Row): EventDetail {
  return {
    id: r.id,
    pole: { id: r.poleId, slug: r.poleSlug, name: r.poleName },
    axis: r.axisId !== null && r.axisName !== null ? { id: r.axisId, name: r.axisName } : null,
    group:
      r.groupId !== null && r.groupSlug !== null && r.groupName !== null
        ? { id: r.groupId, slug: r.groupSlug, name: r.groupName, coordinatorId: r.groupCoordinatorId }
        : null,
    title: r.title,
    description: r.description,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    address: r.address,
    commune: r.communeCode !== null && r.communeName !== null ? { code: r.communeCode, name: r.communeName } : null,
    onlineUrl: r.onlineUrl,
    organiser: r.organiserId !== null && r.organiserName !== null ? { id: r.organiserId, displayName: r.organiserName } : null,
    capacity: r.capacity,
    visibility: r.visibility,
    status: r.status,
    cancelReason: r.cancelReason,
    uid: r.uid,
    sequence: r.sequence,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    registered: Number(r.registered),
    waiting: Number(r.waiting),
    attended: Number(r.attended),
  };
}

export function getEvent(q: Reader, eventId: number): EventDetail | undefined {
  const row = selectEvents(q, eq(events.id, eventId)).get();
  return row ? toDetail(row) : undefined;
}

/** Whose members-only events a person sees: the pôles they joined and those they animate (an admin: all). */
export type EventViewer = { memberOf: readonly number[]; staffOf: readonly number[]; admin: boolean } | null;

export function eventViewer(actor: Actor | null, memberOf: readonly number[]): EventViewer {
  if (!actor) return null;
  return { memberOf, staffOf: actor.roles.includes("animateur") ? actor.staffTerritoryIds : [], admin: isAdmin(actor) };
}

function visibleTo(viewer: EventViewer): SQL | undefined {
  if (viewer?.admin) return undefined;
  const poles = [...new Set([...(viewer?.memberOf ?? []), ...(viewer?.staffOf ?? [])])];
  return poles.length > 0 ? or(eq(events.visibility, "public"), inArray(events.territoryId, poles)) : eq(events.visibility, "public");
}

export type EventListOptions = {
  viewer: EventViewer;
  now: Date;
  /** Upcoming (not yet ended, soonest first) or past (ended, latest first). */
  when: "upcoming" | "past";
  territoryIds?: readonly number[];
  groupId?: number;
  limit?: number;
};

/** The events this viewer may see, upcoming or past, of some pôles or of one working group. */
export function listEvents(q: Reader, o: EventListOptions): EventDetail[] {
  const where = and(
    visibleTo(o.viewer),
    o.when === "upcoming" ? gte(events.endsAt, o.now) : lt(events.endsAt, o.now),
    o.territoryIds ? inArray(events.territoryId, [...o.territoryIds]) : undefined,
    o.groupId !== undefined ? eq(events.groupId, o.groupId) : undefined,
  );
  const query = selectEvents(q, where).orderBy(o.when === "upcoming" ? asc(events.startsAt) : desc(events.startsAt), asc(events.id));
  return (o.limit ? query.limit(o.limit) : query).all().map(toDetail);
}

/** A pôle's public events for its calendar feed: from three months back, cancelled ones included. */
export function listPublicFeedEvents(q: Reader, territoryId: number, now: Date): EventDetail[] {
  const since = new Date(now.getTime() - 92 * DAY_MS);
  return selectEvents(q, and(eq(events.territoryId, territoryId), eq(events.visibility, "public"), gte(events.endsAt, since)))
    .orderBy(asc(events.startsAt))
    .all()
    .map(toDetail);
}

/** The events a person holds a place at, for their personal feed (members-only and cancelled ones too). */
export function listRegisteredFeedEvents(q: Reader, userId: number, now: Date): EventDetail[] {
  const since = new Date(now.getTime() - 92 * DAY_MS);
  const ids = q
    .select({ id: eventRegistrations.eventId })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.userId, userId), eq(eventRegistrations.status, "inscrit")))
    .all()
    .map((r) => r.id);
  if (ids.length === 0) return [];
  return selectEvents(q, and(inArray(events.id, ids), gte(events.endsAt, since)))
    .orderBy(asc(events.startsAt))
    .all()
    .map(toDetail);
}

/** The axes and groups of a pôle, for the event form. */
export function eventFormChoices(q: Reader, territoryId: number) {
  const axes = q
    .select({ id: territoryAxes.id, name: territoryAxes.name })
    .from(territoryAxes)
    .where(eq(territoryAxes.territoryId, territoryId))
    .orderBy(asc(territoryAxes.position))
    .all();
  const groups = q
    .select({ id: workingGroups.id, name: workingGroups.name, coordinatorId: workingGroups.coordinatorId })
    .from(workingGroups)
    .where(eq(workingGroups.territoryId, territoryId))
    .orderBy(asc(workingGroups.name))
    .all();
  return { axes, groups };
}

/** The groups of this pôle the person coordinates. */
export function coordinatedGroupIds(q: Reader, territoryId: number, userId: number): number[] {
  return q
    .select({ id: workingGroups.id })
    .from(workingGroups)
    .where(and(eq(workingGroups.territoryId, territoryId), eq(workingGroups.coordinatorId, userId)))
    .all()
    .map((g) => g.id);
}

function groupCoordinator(q: Reader, territoryId: number, groupId: number | null): { ok: true; coordinatorId: number | null } | { ok: false } {
  if (groupId === null) return { ok: true, coordinatorId: null };
  const group = q
    .select({ coordinatorId: workingGroups.coordinatorId })
    .from(workingGroups)
    .where(and(eq(workingGroups.id, groupId), eq(workingGroups.territoryId, territoryId)))
    .get();
  return group ? { ok: true, coordinatorId: group.coordinatorId } : { ok: false };
}

/** The axis and group must be the pôle's own; who organises: the team, or the group's coordinator. */
function checkScope(tx: Reader, actor: Actor, territoryId: number, input: Pick<EventInput, "axisId" | "groupId">): Outcome<{ coordinatorId: number | null }> {
  if (input.axisId !== null) {
    const axis = tx
      .select({ id: territoryAxes.id })
      .from(territoryAxes)
      .where(and(eq(territoryAxes.id, input.axisId), eq(territoryAxes.territoryId, territoryId)))
      .get();
    if (!axis) return fail(400, "Choisissez un axe du pôle dans la liste.", "axisId");
  }
  const group = groupCoordinator(tx, territoryId, input.groupId);
  if (!group.ok) return fail(400, "Choisissez un groupe de travail du pôle dans la liste.", "groupId");
  if (!mayOrganiseEvent(actor, { territoryId, groupCoordinatorId: group.coordinatorId })) {
    return fail(
      403,
      coordinatedGroupIds(tx, territoryId, actor.userId).length > 0
        ? "Choisissez le groupe de travail que vous coordonnez : vous organisez les rendez-vous de ce groupe."
        : "Seule l'équipe d'animation du pôle, ou le coordinateur du groupe concerné, organise ses rendez-vous.",
      group.coordinatorId === null && input.groupId === null ? "groupId" : undefined,
    );
  }
  return { ok: true, coordinatorId: group.coordinatorId };
}

/** May this person edit or cancel this event (the pôle's team, or its group's coordinator)? */
export function mayManageEvent(actor: Actor | null, event: Pick<EventDetail, "pole" | "group">): boolean {
  return mayOrganiseEvent(actor, { territoryId: event.pole.id, groupCoordinatorId: event.group?.coordinatorId ?? null });
}

export function createEvent(db: Db, actor: Actor, territoryId: number, input: EventInput, now: Date): Outcome<{ eventId: number }> {
  return writeTransaction(db, (tx) => {
    const scope = checkScope(tx, actor, territoryId, input);
    if (!scope.ok) return scope;
    const created = tx
      .insert(events)
      .values({ territoryId, ...input, organiserId: actor.userId, uid: `${randomUUID()}@maillon`, sequence: 0, createdAt: now, updatedAt: now })
      .returning({ id: events.id })
      .get();
    return { ok: true, eventId: created.id };
  });
}

/** The people holding a place or waiting, whom a change concerns. */
function concernedIds(tx: Reader, eventId: number): number[] {
  return tx
    .select({ userId: eventRegistrations.userId })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), inArray(eventRegistrations.status, ["inscrit", "attente"])))
    .all()
    .map((r) => r.userId);
}

function placeInWords(e: { address: string | null; communeName: string | null; onlineUrl: string | null }): string {
  const place = [e.address, e.communeName].filter(Boolean).join(", ");
  return [place, e.onlineUrl ? `en ligne : ${e.onlineUrl}` : ""].filter(Boolean).join(" — ");
}

function communeName(q: Reader, code: string | null): string | null {
  return code ? (q.select({ name: communes.name }).from(communes).where(eq(communes.code, code)).get()?.name ?? null) : null;
}

export const eventLink = (eventId: number) => `/agenda/${eventId}`;

/**
 * Saves the event. A change of time or place raises SEQUENCE and tells everyone registered or waiting;
 * a larger capacity lets the first waiting people in at once; a capacity below the places taken is refused.
 */
export function updateEvent(db: Db, actor: Actor, eventId: number, input: EventInput, now: Date): Outcome<{ noticed: boolean; promoted: number }> {
  return writeTransaction(db, (tx) => {
    const before = getEvent(tx, eventId);
    if (!before) return fail(404, "Rendez-vous introuvable.");
    if (!mayManageEvent(actor, before)) return fail(403, "Seule l'équipe d'animation du pôle, ou le coordinateur du groupe concerné, modifie ce rendez-vous.");
    if (before.status === "annule") return fail(409, "Ce rendez-vous est annulé : il ne se modifie plus.");
    const scope = checkScope(tx, actor, before.pole.id, input);
    if (!scope.ok) return scope;
    if (input.capacity !== null && input.capacity < before.registered) {
      return fail(400, `${before.registered} personnes ont déjà une place : indiquez au moins ${before.registered} places.`, "capacity");
    }
    const noticed = isNoticeableChange(
      { startsAt: before.startsAt.getTime(), endsAt: before.endsAt.getTime(), address: before.address, communeCode: before.commune?.code ?? null, onlineUrl: before.onlineUrl },
      { startsAt: input.startsAt.getTime(), endsAt: input.endsAt.getTime(), address: input.address, communeCode: input.communeCode, onlineUrl: input.onlineUrl },
    );
    tx.update(events)
      .set({ ...input, sequence: noticed ? before.sequence + 1 : before.sequence, updatedAt: now })
      .where(eq(events.id, eventId))
      .run();
    if (noticed) {
      const where = placeInWords({ address: input.address, communeName: communeName(tx, input.communeCode), onlineUrl: input.onlineUrl });
      notifyAll(
        tx,
        concernedIds(tx, eventId),
        {
          kind: "agenda",
          title: `« ${input.title} » change d'horaire ou de lieu`,
          body: `Nouveau rendez-vous : le ${formatDateTime(input.startsAt)}${where ? `, ${where}` : ""}.`,
          link: eventLink(eventId),
          linkLabel: "Voir le rendez-vous",
          group: { key: `evenement:${eventId}`, label: input.title },
          poleName: before.pole.name,
          reason: "vous êtes inscrit à ce rendez-vous ou sur sa liste d'attente",
        },
        now,
      );
    }
    const promoted = promoteWaiting(tx, { id: eventId, title: input.title, poleName: before.pole.name, capacity: input.capacity }, now);
    return { ok: true, noticed, promoted };
  });
}

/** Cancels the event: it stays in the agenda and the feeds (STATUS:CANCELLED), and everyone concerned is told. */
export function cancelEvent(db: Db, actor: Actor, eventId: number, reason: string, now: Date): Outcome {
  return writeTransaction(db, (tx) => {
    const event = getEvent(tx, eventId);
    if (!event) return fail(404, "Rendez-vous introuvable.");
    if (!mayManageEvent(actor, event)) return fail(403, "Seule l'équipe d'animation du pôle, ou le coordinateur du groupe concerné, annule ce rendez-vous.");
    if (event.status === "annule") return fail(409, "Ce rendez-vous est déjà annulé.");
    tx.update(events).set({ status: "annule", cancelReason: reason, sequence: event.sequence + 1, updatedAt: now }).where(eq(events.id, eventId)).run();
    notifyAll(
      tx,
      concernedIds(tx, eventId),
      {
        kind: "agenda",
        title: `« ${event.title} » du ${formatDateTime(event.startsAt)} est annulé`,
        body: reason,
        link: eventLink(eventId),
        linkLabel: "Voir le rendez-vous",
        group: { key: `evenement:${eventId}`, label: event.title },
        poleName: event.pole.name,
        reason: "vous êtes inscrit à ce rendez-vous ou sur sa liste d'attente",
      },
      now,
    );
    return { ok: true };
  });
}

/**
 * Gives the free places to the first people of the waiting list (by the time they asked), and tells
 * them: inside the caller's IMMEDIATE transaction, so no place is given twice. Returns how many.
 */
export function promoteWaiting(tx: Writer, event: { id: number; title: string; poleName: string; capacity: number | null }, now: Date): number {
  const registered =
    tx
      .select({ n: sql<number>`count(*)` })
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.eventId, event.id), eq(eventRegistrations.status, "inscrit")))
      .get()?.n ?? 0;
  const waiting = tx
    .select({ id: eventRegistrations.id, userId: eventRegistrations.userId })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, event.id), eq(eventRegistrations.status, "attente")))
    .orderBy(asc(eventRegistrations.queuedAt), asc(eventRegistrations.id))
    .all();
  const chosen = waiting.slice(0, promotableCount(event.capacity, Number(registered), waiting.length));
  if (chosen.length === 0) return 0;
  tx.update(eventRegistrations)
    .set({ status: "inscrit", updatedAt: now })
    .where(inArray(eventRegistrations.id, chosen.map((c) => c.id)))
    .run();
  notifyAll(
    tx,
    chosen.map((c) => c.userId),
    {
      kind: "agenda",
      title: `Une place s'est libérée : vous êtes inscrit à « ${event.title} »`,
      body: "Vous étiez sur la liste d'attente ; la place est à vous. Si vous ne pouvez plus venir, désinscrivez-vous pour la laisser à quelqu'un d'autre.",
      link: eventLink(event.id),
      linkLabel: "Voir le rendez-vous",
      group: { key: `evenement:${event.id}`, label: event.title },
      poleName: event.poleName,
      reason: "vous étiez sur la liste d'attente de ce rendez-vous",
    },
    now,
  );
  return chosen.length;
}

/** The event as a calendar entry (app/domain/calendar.ts), its URL absolute from `baseUrl`. */
export function toCalendarEvent(e: EventDetail, baseUrl: string): CalendarEvent {
  const place = [e.address, e.commune?.name].filter(Boolean).join(", ");
  return {
    uid: e.uid,
    sequence: e.sequence,
    title: e.status === "annule" ? `Annulé : ${e.title}` : e.title,
    description: [e.description, e.status === "annule" && e.cancelReason ? `Annulé : ${e.cancelReason}` : ""].filter(Boolean).join("\n\n"),
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    location: place || (e.onlineUrl ? `En ligne : ${e.onlineUrl}` : ""),
    cancelled: e.status === "annule",
    url: new URL(eventLink(e.id), baseUrl).toString(),
  };
}

export type OrganisablePole = { id: number; slug: string; name: string; staff: boolean; groupIds: number[] };

/** The pôles where this person may organise events: those they animate (all), those where they coordinate a group. */
export function organisablePoles(q: Reader, actor: Actor): OrganisablePole[] {
  const poles = q.select({ id: territories.id, slug: territories.slug, name: territories.name }).from(territories).orderBy(inFrenchOrder(territories.name)).all();
  const coordinated = q
    .select({ id: workingGroups.id, territoryId: workingGroups.territoryId })
    .from(workingGroups)
    .where(eq(workingGroups.coordinatorId, actor.userId))
    .all();
  return poles
    .map((p) => ({
      ...p,
      staff: mayOrganiseEvent(actor, { territoryId: p.id, groupCoordinatorId: null }),
      groupIds: coordinated.filter((g) => g.territoryId === p.id).map((g) => g.id),
    }))
    .filter((p) => p.staff || p.groupIds.length > 0);
}
