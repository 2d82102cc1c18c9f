/**
 * Who is told what in a club, in the transaction of the change: an invitation to the person invited,
 * a vote opened and decided to the active members, the commitment the vote made.
 */
import { and, eq } from "drizzle-orm";
import { clubMembers, clubs, projects, territories } from "#db/schema";
import { formatEuros } from "~/domain/format";
import type { Reader, Writer } from "~/utils/db.server";
import { notify, notifyAll } from "./notification.server";

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

export function noticeVoteOpened(tx: Writer, vote: { id: number; clubId: number; projectId: number; amountCents: number; deadline: Date }, now: Date): void {
  const club = clubFacts(tx, vote.clubId);
  if (!club) return;
  const title = projectTitle(tx, vote.projectId);
  notifyAll(
    tx,
    activeMemberIds(tx, vote.clubId),
    {
      kind: "vote-club",
      title: `Vote ouvert dans « ${club.name} » : investir ${formatEuros(vote.amountCents)} dans « ${title} »`,
      body: `Le vote ferme le ${new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" }).format(vote.deadline)}.`,
      link: `/clubs/${club.id}/votes/${vote.id}`,
      linkLabel: "Voter",
      group: { key: `club:${club.id}`, label: club.name },
      poleName: club.poleName,
      reason: "vous êtes membre actif de ce club",
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
  notifyAll(
    tx,
    activeMemberIds(tx, vote.clubId),
    {
      kind: "vote-club",
      title: `Vote décidé dans « ${club.name} » sur « ${title} » : ${outcome.label}`,
      body: outcome.committed ? `Le club s'engage pour ${formatEuros(vote.amountCents)} ; la trésorerie l'enregistre.` : "",
      link: `/clubs/${club.id}/votes/${vote.id}`,
      linkLabel: "Voir le résultat",
      group: { key: `club:${club.id}`, label: club.name },
      poleName: club.poleName,
      reason: "vous êtes membre actif de ce club",
    },
    now,
  );
}
