/**
 * Registrations to the pôles' events: one row per person and event (unique index), so two tabs cannot
 * register twice. With a capacity, a request past the last place goes to the waiting list; a place given
 * back goes at once to the first person waiting, in the same IMMEDIATE transaction, and they are told.
 */
import { and, asc, eq, gte, inArray, lt, or, sql } from "drizzle-orm";
import { communes, eventRegistrations, events, users } from "#db/schema";
import { registrationRefusal, statusForNewRequest } from "~/domain/agenda";
import { isStaffOf, type Actor } from "~/domain/permissions";
import type { RegistrationStatus } from "~/domain/vocabulary";
import { writeTransaction, type Db, type Reader } from "~/utils/db.server";
import { getEvent, mayManageEvent, promoteWaiting } from "./event.server";
import { fail, type Outcome } from "./outcome";
import { isMemberOfAny } from "./pole-member.server";

export type MyRegistration = { status: RegistrationStatus; position: number | null; attended: boolean | null };

/** Where the person stands: registered, waiting (with their rank in the queue), withdrawn, or null. */
export function registrationOf(q: Reader, eventId: number, userId: number): MyRegistration | null {
  const row = q
    .select({ id: eventRegistrations.id, status: eventRegistrations.status, queuedAt: eventRegistrations.queuedAt, attended: eventRegistrations.attended })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.userId, userId)))
    .get();
  if (!row) return null;
  if (row.status !== "attente") return { status: row.status, position: null, attended: row.attended };
  const ahead =
    q
      .select({ n: sql<number>`count(*)` })
      .from(eventRegistrations)
      .where(
        and(
          eq(eventRegistrations.eventId, eventId),
          eq(eventRegistrations.status, "attente"),
          or(lt(eventRegistrations.queuedAt, row.queuedAt), and(eq(eventRegistrations.queuedAt, row.queuedAt), lt(eventRegistrations.id, row.id))),
        ),
      )
      .get()?.n ?? 0;
  return { status: row.status, position: Number(ahead) + 1, attended: row.attended };
}

/** Asks for a place: taken while some are left, else the waiting list. Refused twice, and where the person may not come. */
export function registerToEvent(db: Db, actor: Actor, eventId: number, now: Date): Outcome<{ status: "inscrit" | "attente"; position: number | null }> {
  return writeTransaction(db, (tx) => {
    const event = getEvent(tx, eventId);
    if (!event) return fail(404, "Rendez-vous introuvable.");
    const member = isMemberOfAny(tx, actor.userId, [event.pole.id]);
    const staff = isStaffOf(actor, event.pole.id);
    if (event.visibility === "membres" && !member && !staff) return fail(404, "Rendez-vous introuvable.");
    const refusal = registrationRefusal({
      visibility: event.visibility,
      cancelled: event.status === "annule",
      started: event.startsAt.getTime() <= now.getTime(),
      member,
      staff,
    });
    if (refusal) return fail(409, refusal);
    const mine = registrationOf(tx, eventId, actor.userId);
    if (mine?.status === "inscrit") return fail(409, "Vous êtes déjà inscrit à ce rendez-vous.");
    if (mine?.status === "attente") return fail(409, `Vous êtes déjà sur la liste d'attente (position ${mine.position}).`);
    const status = statusForNewRequest(event.capacity, event.registered);
    const values = { status, queuedAt: now, attended: null, updatedAt: now };
    tx.insert(eventRegistrations)
      .values({ eventId, userId: actor.userId, ...values })
      .onConflictDoUpdate({ target: [eventRegistrations.eventId, eventRegistrations.userId], set: values })
      .run();
    return { ok: true, status, position: status === "attente" ? registrationOf(tx, eventId, actor.userId)!.position : null };
  });
}

/** Gives the place back (or leaves the waiting list); a freed place goes at once to the first person waiting. */
export function cancelRegistration(db: Db, userId: number, eventId: number, now: Date): Outcome<{ was: "inscrit" | "attente"; promoted: number }> {
  return writeTransaction(db, (tx) => {
    const event = getEvent(tx, eventId);
    if (!event) return fail(404, "Rendez-vous introuvable.");
    const mine = registrationOf(tx, eventId, userId);
    if (!mine || mine.status === "annule") return fail(409, "Vous n'êtes pas inscrit à ce rendez-vous.");
    if (event.endsAt.getTime() <= now.getTime()) return fail(409, "Ce rendez-vous est passé : l'inscription ne se retire plus.");
    tx.update(eventRegistrations)
      .set({ status: "annule", updatedAt: now })
      .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.userId, userId)))
      .run();
    const promoted =
      mine.status === "inscrit" && event.status !== "annule"
        ? promoteWaiting(tx, { id: eventId, title: event.title, poleName: event.pole.name, capacity: event.capacity }, now)
        : 0;
    return { ok: true, was: mine.status, promoted };
  });
}

export type RegistrationRow = {
  userId: number;
  displayName: string;
  email: string;
  communeName: string | null;
  status: RegistrationStatus;
  queuedAt: Date;
  attended: boolean | null;
};

/** Registered people by name, then the waiting list in its order (for the organiser's list and CSV). */
export function listRegistrations(q: Reader, eventId: number): { registered: RegistrationRow[]; waiting: RegistrationRow[] } {
  const rows = q
    .select({
      userId: users.id,
      displayName: users.displayName,
      email: users.email,
      communeName: communes.name,
      status: eventRegistrations.status,
      queuedAt: eventRegistrations.queuedAt,
      attended: eventRegistrations.attended,
    })
    .from(eventRegistrations)
    .innerJoin(users, eq(users.id, eventRegistrations.userId))
    .leftJoin(communes, eq(communes.code, users.communeCode))
    .where(and(eq(eventRegistrations.eventId, eventId), inArray(eventRegistrations.status, ["inscrit", "attente"])))
    .orderBy(asc(eventRegistrations.queuedAt), asc(eventRegistrations.id))
    .all();
  return {
    registered: rows.filter((r) => r.status === "inscrit").sort((a, b) => a.displayName.localeCompare(b.displayName, "fr")),
    waiting: rows.filter((r) => r.status === "attente"),
  };
}

/** After the event: who came, among the registered people (the others are recorded absent). */
export function recordAttendance(db: Db, actor: Actor, eventId: number, presentIds: readonly number[], now: Date): Outcome<{ present: number }> {
  return writeTransaction(db, (tx) => {
    const event = getEvent(tx, eventId);
    if (!event) return fail(404, "Rendez-vous introuvable.");
    if (!mayManageEvent(actor, event)) return fail(403, "Seule l'équipe d'animation du pôle, ou le coordinateur du groupe concerné, note les présences.");
    if (event.status === "annule") return fail(409, "Ce rendez-vous a été annulé : il n'y a pas de présences à noter.");
    if (event.startsAt.getTime() > now.getTime()) return fail(409, "Les présences se notent une fois le rendez-vous commencé.");
    const registered = listRegistrations(tx, eventId).registered.map((r) => r.userId);
    const present = new Set(presentIds.filter((id) => registered.includes(id)));
    if (presentIds.some((id) => !registered.includes(id))) return fail(400, "Cochez seulement des personnes inscrites à ce rendez-vous.");
    for (const userId of registered) {
      tx.update(eventRegistrations)
        .set({ attended: present.has(userId), updatedAt: now })
        .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.userId, userId)))
        .run();
    }
    return { ok: true, present: present.size };
  });
}

/** The person's places and waiting-list spots at events not yet ended, soonest first. */
export function myUpcomingRegistrations(q: Reader, userId: number, now: Date) {
  return q
    .select({ eventId: events.id, title: events.title, startsAt: events.startsAt, endsAt: events.endsAt, status: eventRegistrations.status, eventStatus: events.status })
    .from(eventRegistrations)
    .innerJoin(events, eq(events.id, eventRegistrations.eventId))
    .where(and(eq(eventRegistrations.userId, userId), inArray(eventRegistrations.status, ["inscrit", "attente"]), gte(events.endsAt, now)))
    .orderBy(asc(events.startsAt))
    .all();
}
