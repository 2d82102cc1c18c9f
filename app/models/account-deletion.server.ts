/**
 * A person deletes their account. What identified them goes: address, name, password, sessions,
 * preferences, profile, memberships, mail. What others rely on stays, pointing at an emptied account
 * shown as « Membre parti »: club ledgers and ballots, pledges, mentorship logs and hours, articles,
 * comments, supports. What cannot be settled without the person (an office in a club, a project others
 * committed to, a mentorship under way, a tontine in progress…) is listed first, and blocks.
 */
import { and, eq, gt, inArray, isNull, ne, or, sql } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import * as schema from "#db/schema";
import { MIN_ACTIVE_MEMBERS } from "~/domain/clubs/lifecycle";
import { MEMBER_ROLE_LABELS } from "~/domain/clubs/labels";
import { monthsSince } from "~/domain/clubs/tontine";
import { formatDateTime } from "~/domain/format";
import { parisIsoDate } from "~/domain/paris-time";
import {
  DELETED_DISPLAY_NAME,
  REDACTED_ADDRESS,
  REDACTED_NAME,
  deletedAccountEmail,
  type DeletionBlocker,
} from "~/domain/personal-data";
import { writeTransaction, type Db, type Reader, type Writer } from "~/utils/db.server";
import { promoteWaiting } from "./event.server";
import { notify } from "./notification.server";
import { fail, type Outcome } from "./outcome";
import { closeProjectIn } from "./project.server";

const {
  clubMembers,
  clubs,
  clubCommitments,
  clubDeals,
  cagnotteAllocations,
  events,
  eventRegistrations,
  mentorships,
  pledges,
  projects,
  resourceBookings,
  sharedResources,
  territories,
  territoryStaff,
  tontineMembers,
  tontines,
  users,
} = schema;

/* ------------------------------------------------------------------ what blocks */

function clubBlockers(q: Reader, userId: number): DeletionBlocker[] {
  const rows = q
    .select({ id: clubs.id, name: clubs.name, status: clubs.status, role: clubMembers.role })
    .from(clubMembers)
    .innerJoin(clubs, eq(clubs.id, clubMembers.clubId))
    .where(and(eq(clubMembers.userId, userId), eq(clubMembers.status, "actif"), ne(clubs.status, "liquide")))
    .all();
  const out: DeletionBlocker[] = [];
  for (const club of rows) {
    const href = `/clubs/${club.id}/membres`;
    if (club.role !== "membre") {
      out.push({
        message: `Vous êtes ${MEMBER_ROLE_LABELS[club.role].toLowerCase()} du club « ${club.name} » : confiez d'abord cette fonction à un autre membre.`,
        href,
      });
      continue;
    }
    const active = q
      .select({ n: sql<number>`count(*)` })
      .from(clubMembers)
      .where(and(eq(clubMembers.clubId, club.id), eq(clubMembers.status, "actif")))
      .get()!.n;
    if (club.status === "en-epargne" && active - 1 < MIN_ACTIVE_MEMBERS) {
      out.push({
        message: `Le club « ${club.name} » épargne et investit : il doit garder ${MIN_ACTIVE_MEMBERS} membres actifs, et votre départ le laisserait à ${active - 1}. Un nouveau membre doit d'abord le rejoindre.`,
        href,
      });
    }
  }
  return out;
}

/** Projects of the person that others committed to: money, a club, the cagnotte, a mentor at work. */
function projectBlockers(q: Reader, userId: number): DeletionBlocker[] {
  const committed = sql<number>`(
    exists (select 1 from ${pledges} where ${pledges.projectId} = ${projects.id} and ${pledges.status} = 'actif')
    or exists (select 1 from ${clubCommitments} where ${clubCommitments.projectId} = ${projects.id})
    or exists (select 1 from ${clubDeals} where ${clubDeals.projectId} = ${projects.id} and ${clubDeals.stage} in ('vote', 'engage'))
    or exists (select 1 from ${cagnotteAllocations} where ${cagnotteAllocations.projectId} = ${projects.id})
    or exists (select 1 from ${mentorships} where ${mentorships.projectId} = ${projects.id} and ${mentorships.status} = 'acceptee')
  )`;
  return q
    .select({ id: projects.id, title: projects.title })
    .from(projects)
    .where(and(eq(projects.ownerId, userId), ne(projects.status, "clos"), sql`${committed}`))
    .all()
    .map((p) => ({
      message: `Votre projet « ${p.title} » a reçu des engagements (promesses, club, cagnotte ou accompagnement en cours) : demandez à l'équipe d'animation de votre pôle de le confier à une autre personne, ou clôturez-le.`,
      href: `/projets/${p.id}`,
    }));
}

function mentorshipBlockers(q: Reader, userId: number): DeletionBlocker[] {
  return q
    .select({ id: mentorships.id, title: projects.title })
    .from(mentorships)
    .innerJoin(projects, eq(projects.id, mentorships.projectId))
    .where(and(eq(mentorships.volunteerId, userId), eq(mentorships.status, "acceptee")))
    .all()
    .map((m) => ({
      message: `Vous accompagnez le projet « ${m.title} » : mettez d'abord fin à cet accompagnement, pour que son porteur le sache et garde la trace des séances.`,
      href: `/accompagnements/${m.id}`,
    }));
}

function tontineBlockers(q: Reader, userId: number, now: Date): DeletionBlocker[] {
  const today = parisIsoDate(now);
  return q
    .select({
      id: tontines.id,
      name: tontines.name,
      startsOn: tontines.startsOn,
      members: sql<number>`(select count(*) from ${tontineMembers} m where m.tontine_id = ${tontines.id})`,
    })
    .from(tontineMembers)
    .innerJoin(tontines, eq(tontines.id, tontineMembers.tontineId))
    .where(eq(tontineMembers.userId, userId))
    .all()
    .filter((t) => {
      const month = monthsSince(t.startsOn, today);
      return month >= 0 && month < t.members;
    })
    .map((t) => ({
      message: `La tontine « ${t.name} » est en cours : chacun compte sur votre contribution jusqu'au dernier tour.`,
      href: `/tontines/${t.id}`,
    }));
}

function resourceBlockers(q: Reader, userId: number, now: Date): DeletionBlocker[] {
  return q
    .select({ title: sharedResources.title, startsAt: resourceBookings.startsAt })
    .from(resourceBookings)
    .innerJoin(sharedResources, eq(sharedResources.id, resourceBookings.resourceId))
    .where(
      and(
        eq(sharedResources.ownerId, userId),
        eq(resourceBookings.status, "acceptee"),
        gt(resourceBookings.endsAt, now),
        ne(resourceBookings.requesterId, userId),
      ),
    )
    .all()
    .map((b) => ({
      message: `Votre ressource « ${b.title} » est réservée à partir du ${formatDateTime(b.startsAt)} : prévenez la personne et annulez la réservation, ou attendez qu'elle soit passée.`,
      href: "/ressources/reservations",
    }));
}

function animationBlockers(q: Reader, userId: number): DeletionBlocker[] {
  return q
    .select({
      name: territories.name,
      slug: territories.slug,
      staff: sql<number>`(select count(*) from ${territoryStaff} s where s.territory_id = ${territories.id})`,
    })
    .from(territoryStaff)
    .innerJoin(territories, eq(territories.id, territoryStaff.territoryId))
    .where(eq(territoryStaff.userId, userId))
    .all()
    .filter((t) => t.staff <= 1)
    .map((t) => ({
      message: `Vous êtes seul dans l'équipe d'animation de « ${t.name} » : faites d'abord nommer une autre personne par l'administration de Maillon.`,
      href: `/poles/${t.slug}`,
    }));
}

/** What must be handed over or finished before the account can be deleted; empty when nothing. */
export function deletionBlockers(q: Reader, userId: number, now: Date): DeletionBlocker[] {
  return [
    ...clubBlockers(q, userId),
    ...projectBlockers(q, userId),
    ...mentorshipBlockers(q, userId),
    ...tontineBlockers(q, userId, now),
    ...resourceBlockers(q, userId, now),
    ...animationBlockers(q, userId),
  ];
}

/* ------------------------------------------------------------------ settling what the person leaves */

function leaveEvents(tx: Writer, userId: number, now: Date): void {
  const upcoming = tx
    .select({ eventId: events.id, title: events.title, capacity: events.capacity, eventStatus: events.status, status: eventRegistrations.status, poleName: territories.name })
    .from(eventRegistrations)
    .innerJoin(events, eq(events.id, eventRegistrations.eventId))
    .innerJoin(territories, eq(territories.id, events.territoryId))
    .where(and(eq(eventRegistrations.userId, userId), inArray(eventRegistrations.status, ["inscrit", "attente"]), gt(events.endsAt, now)))
    .all();
  for (const r of upcoming) {
    tx.update(eventRegistrations)
      .set({ status: "annule", updatedAt: now })
      .where(and(eq(eventRegistrations.eventId, r.eventId), eq(eventRegistrations.userId, userId)))
      .run();
    if (r.status === "inscrit" && r.eventStatus !== "annule") {
      promoteWaiting(tx, { id: r.eventId, title: r.title, poleName: r.poleName, capacity: r.capacity }, now);
    }
  }
}

function settleBookings(tx: Writer, userId: number, now: Date): void {
  // The person's own requests for what others lend: withdrawn, and the lender told.
  const mine = tx
    .select({ id: resourceBookings.id, title: sharedResources.title, ownerId: sharedResources.ownerId, resourceId: sharedResources.id, poleName: territories.name })
    .from(resourceBookings)
    .innerJoin(sharedResources, eq(sharedResources.id, resourceBookings.resourceId))
    .innerJoin(territories, eq(territories.id, sharedResources.territoryId))
    .where(and(eq(resourceBookings.requesterId, userId), inArray(resourceBookings.status, ["demandee", "acceptee"]), gt(resourceBookings.endsAt, now)))
    .all();
  for (const b of mine) {
    tx.update(resourceBookings).set({ status: "annulee", answeredAt: now }).where(eq(resourceBookings.id, b.id)).run();
    if (b.ownerId === userId) continue;
    notify(
      tx,
      {
        userId: b.ownerId,
        kind: "reservation",
        title: `Une demande de « ${b.title} » est annulée : la personne a quitté Maillon`,
        body: "",
        link: "/ressources/reservations",
        linkLabel: "Voir les réservations",
        group: { key: `ressource:${b.resourceId}`, label: b.title },
        poleName: b.poleName,
        reason: "vous prêtez cette ressource",
      },
      now,
    );
  }
  // What the person lends: withdrawn; pending requests declined, their authors told.
  const pending = tx
    .select({ id: resourceBookings.id, requesterId: resourceBookings.requesterId, title: sharedResources.title, resourceId: sharedResources.id, poleName: territories.name })
    .from(resourceBookings)
    .innerJoin(sharedResources, eq(sharedResources.id, resourceBookings.resourceId))
    .innerJoin(territories, eq(territories.id, sharedResources.territoryId))
    .where(and(eq(sharedResources.ownerId, userId), eq(resourceBookings.status, "demandee")))
    .all();
  for (const b of pending) {
    tx.update(resourceBookings)
      .set({ status: "refusee", reply: "La personne qui prêtait cette ressource a quitté Maillon.", answeredAt: now })
      .where(eq(resourceBookings.id, b.id))
      .run();
    notify(
      tx,
      {
        userId: b.requesterId,
        kind: "reservation",
        title: `« ${b.title} » n'est plus prêtée : votre demande est close`,
        body: "La personne qui prêtait cette ressource a quitté Maillon.",
        link: "/ressources/reservations",
        linkLabel: "Voir mes réservations",
        group: { key: `ressource:${b.resourceId}`, label: b.title },
        poleName: b.poleName,
        reason: "vous aviez demandé cette ressource",
      },
      now,
    );
  }
  tx.update(sharedResources).set({ active: false, updatedAt: now }).where(eq(sharedResources.ownerId, userId)).run();
}

function leaveClubsAndTontines(tx: Writer, userId: number, now: Date): void {
  tx.update(clubMembers)
    .set({ status: "parti", role: "membre", leftAt: now })
    .where(and(eq(clubMembers.userId, userId), eq(clubMembers.status, "actif")))
    .run();
  // Invitations and requests never became memberships: nothing of them is kept.
  tx.delete(clubMembers).where(and(eq(clubMembers.userId, userId), inArray(clubMembers.status, ["invite", "demande"]))).run();
  tx.delete(schema.clubAccompanyingMembers).where(eq(schema.clubAccompanyingMembers.userId, userId)).run();
  // Tontines not started yet go on without the person (running ones block, see above).
  const today = parisIsoDate(now);
  const notStarted = tx
    .select({ id: tontines.id, startsOn: tontines.startsOn })
    .from(tontineMembers)
    .innerJoin(tontines, eq(tontines.id, tontineMembers.tontineId))
    .where(eq(tontineMembers.userId, userId))
    .all()
    .filter((t) => monthsSince(t.startsOn, today) < 0)
    .map((t) => t.id);
  if (notStarted.length > 0) {
    tx.delete(tontineMembers).where(and(eq(tontineMembers.userId, userId), inArray(tontineMembers.tontineId, notStarted))).run();
  }
}

function closeOwnProjectsAndRequests(tx: Writer, userId: number, now: Date): void {
  tx.update(mentorships)
    .set({ status: "annulee", respondedAt: now })
    .where(and(eq(mentorships.volunteerId, userId), eq(mentorships.status, "demande")))
    .run();
  const open = tx
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.ownerId, userId), ne(projects.status, "clos")))
    .all();
  for (const p of open) closeProjectIn(tx, p.id, now);
}

/** Rows that only mattered to the person. */
function deletePersonalRows(tx: Writer, userId: number, email: string): void {
  const byUser = [
    schema.sessions.userId,
    schema.userRoles.userId,
    schema.territoryStaff.userId,
    schema.poleMembers.userId,
    schema.workingGroupMembers.userId,
    schema.organisationRepresentatives.userId,
    schema.partnershipProposals.fromUserId,
    schema.notificationPreferences.userId,
    schema.digestSettings.userId,
    schema.notifications.userId,
    schema.emailTokens.userId,
    schema.calendarFeedTokens.userId,
    schema.signInAddresses.userId,
    schema.charterAcceptances.userId,
    schema.bodyMandates.userId,
    schema.volunteerProfiles.userId,
  ];
  for (const column of byUser) tx.delete(column.table as SQLiteTable).where(eq(column, userId)).run();
  tx.delete(schema.signInFailures).where(eq(schema.signInFailures.email, email)).run();
  tx.delete(schema.emailTokens).where(eq(schema.emailTokens.email, email)).run();
  tx.delete(schema.outgoingMails)
    .where(or(eq(schema.outgoingMails.userId, userId), eq(schema.outgoingMails.toAddress, email)))
    .run();
  tx.update(schema.workingGroups).set({ coordinatorId: null }).where(eq(schema.workingGroups.coordinatorId, userId)).run();
}

/** Wherever a record of others quotes the address (a mail, a note, a contact field), it goes too. */
function scrubText(tx: Writer, needle: string, replacement: string, only?: readonly string[]): void {
  if (needle.length < 3) return;
  // The database's own list of tables and text columns: nothing the schema files might miss.
  const columns = tx.all<{ tableName: string; column: string }>(sql`
    select t.name as tableName, c.name as "column"
    from sqlite_master t join pragma_table_info(t.name) c
    where t.type = 'table' and t.name not like 'sqlite_%' and t.name not like '__drizzle%' and upper(c.type) = 'TEXT'`);
  for (const { tableName, column } of columns) {
    if (only && !only.includes(tableName)) continue;
    const name = sql.identifier(column);
    tx.run(
      sql`update ${sql.identifier(tableName)} set ${name} = replace(${name}, ${needle}, ${replacement})
          where instr(lower(${name}), lower(${needle})) > 0`,
    );
  }
}

/**
 * Deletes the account, in one IMMEDIATE transaction: refused with the list of what blocks when
 * something must be handed over first.
 */
export function deleteAccount(db: Db, userId: number, now: Date): Outcome {
  return writeTransaction(db, (tx): Outcome => {
    const user = tx.select().from(users).where(and(eq(users.id, userId), isNull(users.deletedAt))).get();
    if (!user) return fail(404, "Ce compte n'existe pas ou a déjà été supprimé.");
    const blockers = deletionBlockers(tx, userId, now);
    if (blockers.length > 0) return fail(409, blockers.map((b) => b.message).join(" "));

    closeOwnProjectsAndRequests(tx, userId, now);
    leaveEvents(tx, userId, now);
    settleBookings(tx, userId, now);
    leaveClubsAndTontines(tx, userId, now);
    deletePersonalRows(tx, userId, user.email);
    // Others' mails and notifications named the person: the name goes from them too.
    scrubText(tx, user.displayName, REDACTED_NAME, ["notifications", "outgoing_mails"]);
    scrubText(tx, user.email, REDACTED_ADDRESS);
    tx.update(users)
      .set({
        email: deletedAccountEmail(userId),
        displayName: DELETED_DISPLAY_NAME,
        // Not a hash argon2 can ever match: nobody signs in to this account again.
        passwordHash: "!compte-supprime",
        signInAlertAt: null,
        deletedAt: now,
        updatedAt: now,
      })
      .where(eq(users.id, userId))
      .run();
    return { ok: true };
  });
}
