/**
 * Bookings of shared resources. A member of the resource's pôle asks for a period; the owner, the
 * organisation's representatives or the pôle's animation team accept or decline it; the requester may
 * cancel. Two accepted bookings of one resource never overlap: the accept reads the accepted
 * bookings and writes inside one IMMEDIATE transaction, so two accepts at the same instant are
 * serialised and the second sees the first. Everyone concerned is told in that same transaction.
 */
import { and, asc, desc, eq, gt, inArray, lt, ne } from "drizzle-orm";
import { resourceBookings, sharedResources, territories, users } from "#db/schema";
import type { Actor } from "~/domain/permissions";
import { isStaffOf } from "~/domain/permissions";
import { checkBookingPeriod, formatPeriod, mayManageResource, type Period } from "~/domain/resource-booking";
import type { BookingStatus } from "~/domain/vocabulary";
import { writeTransaction, type Db, type Reader, type Writer } from "~/utils/db.server";
import { notify, notifyAll } from "./notification.server";
import { fail, type Outcome } from "./outcome";
import { isMemberOfAny } from "./pole-member.server";
import { getResource, managedResourceIds, type ResourceDetail } from "./shared-resource.server";

/** Accepted bookings of the resource that end after `from` (and start before `to`), in order. */
export function acceptedBookings(q: Reader, resourceId: number, from: Date, to?: Date, except?: number): (Period & { id: number; requesterId: number; requesterName: string })[] {
  const conditions = [eq(resourceBookings.resourceId, resourceId), eq(resourceBookings.status, "acceptee"), gt(resourceBookings.endsAt, from)];
  if (to) conditions.push(lt(resourceBookings.startsAt, to));
  if (except !== undefined) conditions.push(ne(resourceBookings.id, except));
  return q
    .select({
      id: resourceBookings.id,
      startsAt: resourceBookings.startsAt,
      endsAt: resourceBookings.endsAt,
      requesterId: resourceBookings.requesterId,
      requesterName: users.displayName,
    })
    .from(resourceBookings)
    .innerJoin(users, eq(users.id, resourceBookings.requesterId))
    .where(and(...conditions))
    .orderBy(asc(resourceBookings.startsAt))
    .all()
    .map((b) => ({ ...b, startsAt: b.startsAt.getTime(), endsAt: b.endsAt.getTime() }));
}

const link = (resourceId: number) => `/ressources/${resourceId}`;
const BOOKINGS_PAGE = "/ressources/reservations";

function poleName(q: Reader, territoryId: number): string {
  return q.select({ name: territories.name }).from(territories).where(eq(territories.id, territoryId)).get()?.name ?? "";
}

function displayName(q: Reader, userId: number): string {
  return q.select({ name: users.displayName }).from(users).where(eq(users.id, userId)).get()?.name ?? "";
}

function managersOf(resource: ResourceDetail): number[] {
  return [resource.ownerId, ...resource.representativeIds];
}

function rulesFor(q: Reader, resource: ResourceDetail, except?: number) {
  return { openHours: resource.openHours, closures: resource.closures, accepted: acceptedBookings(q, resource.id, new Date(0), undefined, except) };
}

/** A member of the resource's pôle asks for a period; the owner and the organisation's representatives are told. */
export function requestBooking(
  db: Db,
  actor: Actor,
  resourceId: number,
  input: Period & { message: string },
  now: Date,
): Outcome<{ id: number }> {
  return writeTransaction(db, (tx) => {
    const resource = getResource(tx, resourceId);
    if (!resource) return fail(404, "Ressource introuvable.");
    if (!resource.active) return fail(409, "Cette ressource n'est plus proposée pour l'instant.");
    if (resource.ownerId === actor.userId) return fail(409, "C'est votre ressource : indiquez plutôt ses périodes de fermeture.");
    if (!isStaffOf(actor, resource.territoryId) && !isMemberOfAny(tx, actor.userId, [resource.territoryId])) {
      return fail(403, `Les ressources du ${resource.pole.name} se réservent entre membres : rejoignez d'abord le pôle en acceptant sa charte.`);
    }
    const check = checkBookingPeriod(input, rulesFor(tx, resource), now);
    if (!check.ok) return fail(check.message.startsWith("Ce créneau est déjà réservé") ? 409 : 400, check.message, check.field);
    const row = tx
      .insert(resourceBookings)
      .values({ resourceId, requesterId: actor.userId, startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt), message: input.message, status: "demandee", createdAt: now })
      .returning({ id: resourceBookings.id })
      .get();
    const requester = displayName(tx, actor.userId);
    notifyAll(
      tx,
      managersOf(resource),
      {
        kind: "reservation",
        title: `${requester} demande à réserver « ${resource.title} »`,
        body: [`Période demandée : ${formatPeriod(input)}.`, input.message].filter(Boolean).join("\n\n"),
        link: BOOKINGS_PAGE,
        linkLabel: "Répondre à la demande",
        group: { key: `ressource:${resource.id}`, label: resource.title },
        poleName: resource.pole.name,
        reason: "vous prêtez cette ressource",
      },
      now,
    );
    return { ok: true, id: row.id };
  });
}

type BookingRow = { id: number; resourceId: number; requesterId: number; startsAt: Date; endsAt: Date; status: BookingStatus };

function bookingRow(q: Reader, bookingId: number): BookingRow | undefined {
  return q
    .select({
      id: resourceBookings.id,
      resourceId: resourceBookings.resourceId,
      requesterId: resourceBookings.requesterId,
      startsAt: resourceBookings.startsAt,
      endsAt: resourceBookings.endsAt,
      status: resourceBookings.status,
    })
    .from(resourceBookings)
    .where(eq(resourceBookings.id, bookingId))
    .get();
}

function tell(tx: Writer, userIds: number[], resource: ResourceDetail, title: string, body: string, reason: string, now: Date, to = link(resource.id)) {
  notifyAll(
    tx,
    userIds,
    { kind: "reservation", title, body, link: to, linkLabel: "Voir la réservation", group: { key: `ressource:${resource.id}`, label: resource.title }, poleName: resource.pole.name, reason },
    now,
  );
}

/**
 * The owner, a representative of the organisation or the pôle's team accepts or declines a request.
 * Accepting checks again, inside the IMMEDIATE transaction, that the period is still free (and open,
 * and to come): of two overlapping requests accepted at once, exactly one gets through.
 */
export function answerBooking(
  db: Db,
  actor: Actor,
  bookingId: number,
  decision: { accept: boolean; reply: string },
  now: Date,
): Outcome<{ requesterName: string; resourceTitle: string }> {
  return writeTransaction(db, (tx) => {
    const booking = bookingRow(tx, bookingId);
    const resource = booking ? getResource(tx, booking.resourceId) : undefined;
    if (!booking || !resource) return fail(404, "Demande de réservation introuvable.");
    if (!mayManageResource(actor, resource)) {
      return fail(403, "Seuls la personne qui prête cette ressource, les représentants de son organisation et l'équipe d'animation du pôle répondent aux demandes.");
    }
    if (booking.status !== "demandee") return fail(409, "Cette demande a déjà reçu une réponse ou a été annulée.");
    const period = { startsAt: booking.startsAt.getTime(), endsAt: booking.endsAt.getTime() };
    const requesterName = displayName(tx, booking.requesterId);
    if (decision.accept) {
      const check = checkBookingPeriod(period, rulesFor(tx, resource, booking.id), now);
      if (!check.ok) return fail(409, check.message);
    }
    tx.update(resourceBookings)
      .set({ status: decision.accept ? "acceptee" : "refusee", reply: decision.reply, answeredAt: now })
      .where(eq(resourceBookings.id, booking.id))
      .run();
    const when = formatPeriod(period);
    const replyText = decision.reply ? `Message : ${decision.reply}` : "";
    if (decision.accept) {
      tell(tx, [booking.requesterId], resource, `Votre réservation de « ${resource.title} » est acceptée`, [`Réservée pour vous ${when}.`, replyText].filter(Boolean).join("\n\n"), "vous avez demandé à réserver cette ressource", now);
      tell(tx, managersOf(resource).filter((id) => id !== booking.requesterId), resource, `« ${resource.title} » est réservée par ${requesterName}`, `Réservation acceptée ${when}.`, "vous prêtez cette ressource", now);
    } else {
      tell(tx, [booking.requesterId], resource, `Votre demande de réservation de « ${resource.title} » n'est pas retenue`, [`Période demandée : ${when}.`, replyText].filter(Boolean).join("\n\n"), "vous avez demandé à réserver cette ressource", now);
    }
    return { ok: true, requesterName, resourceTitle: resource.title };
  });
}

/** The requester withdraws a request or cancels a booking that has not ended; those who lend it are told. */
export function cancelBooking(db: Db, actor: Actor, bookingId: number, now: Date): Outcome<{ resourceTitle: string }> {
  return writeTransaction(db, (tx) => {
    const booking = bookingRow(tx, bookingId);
    const resource = booking ? getResource(tx, booking.resourceId) : undefined;
    if (!booking || !resource || booking.requesterId !== actor.userId) return fail(404, "Réservation introuvable.");
    if (booking.status !== "demandee" && booking.status !== "acceptee") return fail(409, "Cette réservation est déjà close.");
    if (booking.endsAt.getTime() <= now.getTime()) return fail(409, "Cette réservation est passée : elle ne s'annule plus.");
    tx.update(resourceBookings).set({ status: "annulee", answeredAt: now }).where(eq(resourceBookings.id, booking.id)).run();
    const period = formatPeriod({ startsAt: booking.startsAt.getTime(), endsAt: booking.endsAt.getTime() });
    for (const userId of managersOf(resource)) {
      notify(
        tx,
        {
          userId,
          kind: "reservation",
          title: `${displayName(tx, actor.userId)} annule sa ${booking.status === "acceptee" ? "réservation" : "demande"} de « ${resource.title} »`,
          body: `Période : ${period}.`,
          link: BOOKINGS_PAGE,
          linkLabel: "Voir les réservations",
          group: { key: `ressource:${resource.id}`, label: resource.title },
          poleName: poleName(tx, resource.territoryId),
          reason: "vous prêtez cette ressource",
        },
        now,
      );
    }
    return { ok: true, resourceTitle: resource.title };
  });
}

export type BookingItem = {
  id: number;
  resourceId: number;
  resourceTitle: string;
  requesterName: string;
  startsAt: Date;
  endsAt: Date;
  message: string;
  reply: string;
  status: BookingStatus;
  createdAt: Date;
};

function bookingItems(q: Reader, where: ReturnType<typeof and>): BookingItem[] {
  return q
    .select({
      id: resourceBookings.id,
      resourceId: resourceBookings.resourceId,
      resourceTitle: sharedResources.title,
      requesterName: users.displayName,
      startsAt: resourceBookings.startsAt,
      endsAt: resourceBookings.endsAt,
      message: resourceBookings.message,
      reply: resourceBookings.reply,
      status: resourceBookings.status,
      createdAt: resourceBookings.createdAt,
    })
    .from(resourceBookings)
    .innerJoin(sharedResources, eq(sharedResources.id, resourceBookings.resourceId))
    .innerJoin(users, eq(users.id, resourceBookings.requesterId))
    .where(where)
    .orderBy(desc(resourceBookings.startsAt), desc(resourceBookings.id))
    .all();
}

/** What this person asked for, the latest periods first. */
export function listMyBookings(q: Reader, userId: number): BookingItem[] {
  return bookingItems(q, and(eq(resourceBookings.requesterId, userId)));
}

/** The requests and bookings of the resources this person answers for. */
export function listBookingsOfMyResources(q: Reader, actor: Actor): BookingItem[] {
  const ids = managedResourceIds(q, actor);
  if (ids.length === 0) return [];
  return bookingItems(q, and(inArray(resourceBookings.resourceId, ids), ne(resourceBookings.requesterId, actor.userId)));
}

/** For the demo seed: a booking as given (its status and answer included), without any notification. */
export function seedBooking(
  tx: Writer,
  row: { resourceId: number; requesterId: number; startsAt: Date; endsAt: Date; message: string; status: BookingStatus; reply?: string; createdAt: Date; answeredAt?: Date | null },
): number {
  return tx
    .insert(resourceBookings)
    .values({ ...row, reply: row.reply ?? "", answeredAt: row.answeredAt ?? null })
    .returning({ id: resourceBookings.id })
    .get().id;
}
