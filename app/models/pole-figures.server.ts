/**
 * A pôle's live figures for its public page: published projects of its perimeter, mentorships under
 * way on them, its savers' clubs, and what has been committed to its projects (active pledges, club
 * commitments, cagnotte allocations — what `fundingTotals` counts as raised, summed over the pôle).
 */
import { and, count, eq, ne, sql, sum } from "drizzle-orm";
import { cagnotteAllocations, clubCommitments, clubs, mentorships, pledges, projects, territoryCommunes } from "#db/schema";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Reader } from "~/utils/db.server";

export type PoleFigures = {
  publishedProjects: number;
  activeMentorships: number;
  clubs: number;
  committedCents: number;
};

export function getPoleFigures(q: Reader, territoryId: number): PoleFigures {
  const perimeter = sql`(select ${territoryCommunes.communeCode} from ${territoryCommunes} where ${territoryCommunes.territoryId} = ${territoryId})`;
  const publishedInPerimeter = and(eq(projects.status, "publie"), sql`${projects.communeCode} in ${perimeter}`);
  const publishedProjects = q.select({ n: count() }).from(projects).where(publishedInPerimeter).get()?.n ?? 0;
  const activeMentorships =
    q
      .select({ n: count() })
      .from(mentorships)
      .innerJoin(projects, eq(projects.id, mentorships.projectId))
      .where(and(eq(mentorships.status, "acceptee"), sql`${projects.communeCode} in ${perimeter}`))
      .get()?.n ?? 0;
  const clubCount =
    q
      .select({ n: count() })
      .from(clubs)
      .where(and(eq(clubs.territoryId, territoryId), ne(clubs.status, "liquide")))
      .get()?.n ?? 0;
  const projectInPerimeter = (projectId: SQLiteColumn) =>
    sql`${projectId} in (select ${projects.id} from ${projects} where ${projects.communeCode} in ${perimeter})`;
  const total = (row: { total: string | number | null } | undefined) => Number(row?.total ?? 0);
  const pledged = q
    .select({ total: sum(pledges.amountCents) })
    .from(pledges)
    .where(and(eq(pledges.status, "actif"), projectInPerimeter(pledges.projectId)))
    .get();
  const committed = q
    .select({ total: sum(clubCommitments.amountCents) })
    .from(clubCommitments)
    .where(projectInPerimeter(clubCommitments.projectId))
    .get();
  const allocated = q
    .select({ total: sum(cagnotteAllocations.amountCents) })
    .from(cagnotteAllocations)
    .where(projectInPerimeter(cagnotteAllocations.projectId))
    .get();
  return {
    publishedProjects,
    activeMentorships,
    clubs: clubCount,
    committedCents: total(pledged) + total(committed) + total(allocated),
  };
}
