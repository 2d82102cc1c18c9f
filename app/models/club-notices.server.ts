/**
 * Who is told what in a club, in the transaction of the change: an invitation to the person invited,
 * a request to join to those who decide it and its answer to the requester, a vote opened and decided to the active members, the commitment the vote made.
 */
import { and, eq, isNull, lte, gt, notInArray } from "drizzle-orm";
import { clubBallots, clubMembers, clubs, clubVotes, projects, territories } from "#db/schema";
import { clubPermissions } from "~/domain/clubs/lifecycle";
import { formatDate, formatDateTime, formatEuros } from "~/domain/format";
import { writeTransaction, type Db, type Reader, type Writer } from "~/utils/db.server";
import { notify, notifyAll } from "./notification.server";
import { getUserById } from "./user.server";

function clubFacts(q: Reader, clubId: number) {
  return q
    .select({ id: clubs.id, name: clubs.name, poleName: territories.name })
    .from(clubs)
    .innerJoin(territories, eq(territories.id, clubs.territoryId))
    .where(eq(clubs.id, clubId))
    .get();
}

function activeMemberIds(q: Reader, clubId: number): number[] {
  return q
    .select({ userId: clubMembers.userId })
    .from(clubMembers)
    .where(and(eq(clubMembers.clubId, clubId), eq(clubMembers.status, "actif")))
    .all()
    .map((m) => m.userId);
}

type ClubFacts = NonNullable<ReturnType<typeof clubFacts>>;

/** Tells club members about their club's votes: the same group, pôle and reason for each. */
function tellMembers(tx: Writer, club: ClubFacts, userIds: readonly number[], n: { title: string; body: string; link: string; linkLabel: string }, now: Date): void {
  notifyAll(
    tx,
    userIds,
    { ...n, kind: "vote-club", group: { key: `club:${club.id}`, label: club.name }, poleName: club.poleName, reason: "vous êtes membre actif de ce club" },
    now,
  );
}

const projectTitle = (q: Reader, projectId: number) =>
  q.select({ title: projects.title }).from(projects).where(eq(projects.id, projectId)).get()?.title ?? "un projet";

export function noticeInvitation(tx: Writer, clubId: number, userId: number, now: Date): void {
  const club = clubFacts(tx, clubId);
  if (!club) return;
  notify(
    tx,
    {
      userId,
      kind: "invitation-club",
      title: `Le club « ${club.name} » vous invite à le rejoindre`,
      body: "Un club d'épargnants CIGALES réunit de 5 à 20 personnes qui épargnent chaque mois et investissent ensemble dans des entreprises du territoire.",
      link: `/clubs/${club.id}`,
      linkLabel: "Voir le club et répondre",
      group: { key: `club:${club.id}`, label: club.name },
      poleName: club.poleName,
      reason: "le gérant du club vous a invité",
    },
    now,
  );
}

/** The club's members who decide requests to join: the same office as the permission table's `manageMembers`. */
export function memberManagerIds(q: Reader, clubId: number): number[] {
  return q
    .select({ userId: clubMembers.userId, role: clubMembers.role, status: clubMembers.status })
    .from(clubMembers)
    .where(and(eq(clubMembers.clubId, clubId), eq(clubMembers.status, "actif")))
    .all()
    .filter((m) => clubPermissions(m).manageMembers)
    .map((m) => m.userId);
}

/** An épargnant asked to join: those who decide requests are told. */
export function noticeJoinRequest(tx: Writer, clubId: number, userId: number, now: Date): void {
  const club = clubFacts(tx, clubId);
  const asker = getUserById(tx, userId);
  if (!club || !asker) return;
  notifyAll(
    tx,
    memberManagerIds(tx, clubId),
    {
      kind: "demande-club",
      title: `${asker.displayName} demande à rejoindre le club « ${club.name} »`,
      body: "Acceptez ou refusez sa demande depuis la page des membres du club.",
      link: `/clubs/${club.id}/membres`,
      linkLabel: "Répondre à la demande",
      group: { key: `club:${club.id}`, label: club.name },
      poleName: club.poleName,
      reason: "vous gérez ce club",
    },
    now,
  );
}

/** The gérant answered a request to join: the requester is told. */
export function noticeJoinDecision(tx: Writer, clubId: number, userId: number, accepted: boolean, now: Date): void {
  const club = clubFacts(tx, clubId);
  if (!club) return;
  notify(
    tx,
    {
      userId,
      kind: "reponse-club",
      title: accepted
        ? `Votre demande à rejoindre le club « ${club.name} » est acceptée`
        : `Votre demande à rejoindre le club « ${club.name} » n'a pas été retenue`,
      body: accepted ? "Vous êtes désormais membre actif du club : déclarez votre épargne mensuelle sur la page des membres." : "",
      link: accepted ? `/clubs/${club.id}/membres` : `/clubs/${club.id}`,
      linkLabel: "Voir le club",
      group: { key: `club:${club.id}`, label: club.name },
      poleName: club.poleName,
      reason: "vous avez demandé à rejoindre ce club",
    },
    now,
  );
}

export function noticeVoteOpened(tx: Writer, vote: { id: number; clubId: number; projectId: number; amountCents: number; deadline: Date }, now: Date): void {
  const club = clubFacts(tx, vote.clubId);
  if (!club) return;
  const title = projectTitle(tx, vote.projectId);
  tellMembers(
    tx,
    club,
    activeMemberIds(tx, vote.clubId),
    {
      title: `Vote ouvert dans « ${club.name} » : investir ${formatEuros(vote.amountCents)} dans « ${title} »`,
      body: `Le vote ferme le ${formatDate(vote.deadline)}.`,
      link: `/clubs/${club.id}/votes/${vote.id}`,
      linkLabel: "Voter",
    },
    now,
  );
}

export function noticeVoteDecided(
  tx: Writer,
  vote: { id: number; clubId: number; projectId: number; amountCents: number },
  outcome: { label: string; committed: boolean },
  now: Date,
): void {
  const club = clubFacts(tx, vote.clubId);
  if (!club) return;
  const title = projectTitle(tx, vote.projectId);
  tellMembers(
    tx,
    club,
    activeMemberIds(tx, vote.clubId),
    {
      title: `Vote décidé dans « ${club.name} » sur « ${title} » : ${outcome.label}`,
      body: outcome.committed ? `Le club s'engage pour ${formatEuros(vote.amountCents)} ; la trésorerie l'enregistre.` : "",
      link: `/clubs/${club.id}/votes/${vote.id}`,
      linkLabel: "Voir le résultat",
    },
    now,
  );
}

/** How long before its deadline an open vote reminds the members who have not voted. */
export const VOTE_REMINDER_MS = 48 * 3_600_000;

/**
 * Run by the server's worker: each open vote whose deadline is less than 48 hours away reminds, once,
 * the active members who have not voted yet. Returns how many votes reminded.
 */
export function remindClosingVotes(db: Db, now: Date): number {
  const due = db
    .select({ id: clubVotes.id, clubId: clubVotes.clubId, projectId: clubVotes.projectId, amountCents: clubVotes.amountCents, deadline: clubVotes.deadline })
    .from(clubVotes)
    .where(and(eq(clubVotes.status, "ouvert"), isNull(clubVotes.remindedAt), lte(clubVotes.deadline, new Date(now.getTime() + VOTE_REMINDER_MS)), gt(clubVotes.deadline, now)))
    .all();
  for (const vote of due) {
    writeTransaction(db, (tx) => {
      const voted = tx.select({ userId: clubBallots.userId }).from(clubBallots).where(eq(clubBallots.voteId, vote.id)).all().map((b) => b.userId);
      const club = clubFacts(tx, vote.clubId);
      const waiting = tx
        .select({ userId: clubMembers.userId })
        .from(clubMembers)
        .where(and(eq(clubMembers.clubId, vote.clubId), eq(clubMembers.status, "actif"), voted.length ? notInArray(clubMembers.userId, voted) : undefined))
        .all()
        .map((m) => m.userId);
      if (club) {
        tellMembers(
          tx,
          club,
          waiting,
          {
            title: `Le vote de « ${club.name} » sur « ${projectTitle(tx, vote.projectId)} » ferme bientôt : vous n'avez pas encore voté`,
            body: `Il ferme le ${formatDateTime(vote.deadline)}.`,
            link: `/clubs/${club.id}/votes/${vote.id}`,
            linkLabel: "Voter",
          },
          now,
        );
      }
      tx.update(clubVotes).set({ remindedAt: now }).where(eq(clubVotes.id, vote.id)).run();
    });
  }
  return due.length;
}
