/**
 * The day a project reaches its funding goal, everyone who backs it hears of it: the savers with an
 * active pledge, the members of the clubs committed to it, and its holder.
 */
import { and, eq, inArray } from "drizzle-orm";
import { clubCommitments, clubMembers, pledges, projects } from "#db/schema";
import { formatEuros } from "~/domain/format";
import type { Reader, Writer } from "~/utils/db.server";
import { poleNameOfCommune } from "./territory.server";
import { fundingTotals } from "./funding-progress.server";
import { notifyAll } from "./notification.server";

/** The savers with an active pledge on the project and the active members of the clubs committed to it. */
export function backersOf(q: Reader, projectId: number): number[] {
  const savers = q.select({ userId: pledges.userId }).from(pledges).where(and(eq(pledges.projectId, projectId), eq(pledges.status, "actif"))).all();
  const clubIds = [...new Set(q.select({ clubId: clubCommitments.clubId }).from(clubCommitments).where(eq(clubCommitments.projectId, projectId)).all().map((c) => c.clubId))];
  const members = clubIds.length
    ? q.select({ userId: clubMembers.userId }).from(clubMembers).where(and(inArray(clubMembers.clubId, clubIds), eq(clubMembers.status, "actif"))).all()
    : [];
  return [...new Set([...savers.map((s) => s.userId), ...members.map((m) => m.userId)])];
}

/** Call after adding `amountCents` toward the project: tells the backers when that amount completed the goal. */
export function noticeIfGoalReached(tx: Writer, projectId: number, amountCents: number, now: Date): void {
  const { needCents, raisedCents } = fundingTotals(tx, projectId);
  if (needCents === null || raisedCents < needCents || raisedCents - amountCents >= needCents) return;
  const project = tx.select({ title: projects.title, ownerId: projects.ownerId, communeCode: projects.communeCode }).from(projects).where(eq(projects.id, projectId)).get();
  if (!project) return;
  notifyAll(
    tx,
    [project.ownerId, ...backersOf(tx, projectId)],
    {
      kind: "projet-soutenu",
      title: `« ${project.title} » a atteint son objectif de ${formatEuros(needCents)}`,
      body: "Merci à chacun : les promesses et les engagements se règlent maintenant par virement, avec la personne qui porte le projet.",
      link: `/projets/${projectId}`,
      linkLabel: "Voir le projet",
      group: { key: `projet:${projectId}`, label: project.title },
      poleName: poleNameOfCommune(tx, project.communeCode),
      reason: "vous soutenez ce projet ou vous le portez",
    },
    now,
  );
}
