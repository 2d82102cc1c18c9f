/**
 * The facts each computed indicator is drawn from, read from Maillon's data for one pôle (projects of
 * the communes of its perimeter, its clubs' commitments to them, its cagnotte, needs, members and
 * events) or for the whole install. Days are Paris calendar days; app/domain/impact buckets them.
 */
import { and, eq, inArray, isNotNull, ne, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import {
  cagnotteDonations,
  clubCommitments,
  eventRegistrations,
  events,
  mentorships,
  mentorshipSessions,
  organisationPoles,
  pledges,
  projectFollowUps,
  projects,
  territoryCommunes,
  unmetNeeds,
} from "#db/schema";
import type { MetricKind } from "~/domain/impact/catalog";
import { spansOfLatest, type AnswerFact, type DayFact, type SpanFact } from "~/domain/impact/periods";
import { parisIsoDate } from "~/domain/paris-time";
import type { ImpactMetric } from "~/domain/vocabulary";
import type { Reader } from "~/utils/db.server";

/** One pôle, or null for the whole install. */
export type ImpactScope = number | null;

export type MetricFacts =
  | { kind: "flux"; facts: DayFact[] }
  | { kind: "niveau"; facts: SpanFact[] }
  | { kind: "taux"; facts: AnswerFact[] };

/** A project column is in the pôle's perimeter (always true for the whole install). */
function projectInScope(column: SQLiteColumn, scope: ImpactScope): SQL {
  if (scope === null) return sql`1 = 1`;
  return sql`${column} in (select ${projects.id} from ${projects} where ${projects.communeCode} in (select ${territoryCommunes.communeCode} from ${territoryCommunes} where ${territoryCommunes.territoryId} = ${scope}))`;
}

function territoryInScope(column: SQLiteColumn, scope: ImpactScope): SQL {
  return scope === null ? sql`1 = 1` : eq(column, scope);
}

const day = (instant: Date) => parisIsoDate(instant);

function followUpRows(q: Reader, scope: ImpactScope) {
  return q
    .select({
      projectId: projectFollowUps.projectId,
      milestone: projectFollowUps.milestoneMonths,
      jobs: projectFollowUps.jobsCreated,
      stillActive: projectFollowUps.stillActive,
      answeredAt: projectFollowUps.answeredAt,
    })
    .from(projectFollowUps)
    .where(projectInScope(projectFollowUps.projectId, scope))
    .all();
}

/** The facts of one metric. */
export function metricFacts(q: Reader, metric: ImpactMetric, scope: ImpactScope): MetricFacts {
  switch (metric) {
    case "projets-deposes":
      return flux(
        q
          .select({ at: projects.publishedAt })
          .from(projects)
          .where(and(isNotNull(projects.publishedAt), projectInScope(projects.id, scope)))
          .all()
          .map((r) => ({ on: day(r.at!), amount: 1 })),
      );
    case "projets-lances":
      return flux(
        q
          .select({ on: projects.launchedOn })
          .from(projects)
          .where(and(isNotNull(projects.launchedOn), ne(projects.status, "brouillon"), projectInScope(projects.id, scope)))
          .all()
          .map((r) => ({ on: r.on!, amount: 1 })),
      );
    case "accompagnements-actifs":
      return level(
        q
          .select({ from: mentorships.respondedAt, to: mentorships.endedAt })
          .from(mentorships)
          .where(
            and(
              inArray(mentorships.status, ["acceptee", "terminee", "arretee"]),
              isNotNull(mentorships.respondedAt),
              projectInScope(mentorships.projectId, scope),
            ),
          )
          .all()
          .map((r) => ({ from: day(r.from!), to: r.to ? day(r.to) : null, amount: 1 })),
      );
    case "heures-accompagnement":
      return flux(
        q
          .select({ on: mentorshipSessions.heldOn, minutes: mentorshipSessions.durationMinutes })
          .from(mentorshipSessions)
          .innerJoin(mentorships, eq(mentorships.id, mentorshipSessions.mentorshipId))
          .where(projectInScope(mentorships.projectId, scope))
          .all()
          .map((r) => ({ on: r.on, amount: r.minutes })),
      );
    case "euros-promis":
      return flux(
        q
          .select({ at: pledges.createdAt, cents: pledges.amountCents })
          .from(pledges)
          .where(and(eq(pledges.status, "actif"), projectInScope(pledges.projectId, scope)))
          .all()
          .map((r) => ({ on: day(r.at), amount: r.cents })),
      );
    case "euros-engages-clubs":
      return flux(
        q
          .select({ at: clubCommitments.committedAt, cents: clubCommitments.amountCents })
          .from(clubCommitments)
          .where(projectInScope(clubCommitments.projectId, scope))
          .all()
          .map((r) => ({ on: day(r.at), amount: r.cents })),
      );
    case "euros-cagnotte":
      return flux(
        q
          .select({ at: cagnotteDonations.createdAt, cents: cagnotteDonations.amountCents })
          .from(cagnotteDonations)
          .where(territoryInScope(cagnotteDonations.territoryId, scope))
          .all()
          .map((r) => ({ on: day(r.at), amount: r.cents })),
      );
    case "emplois-crees": {
      const byProject = new Map<number, { on: string; amount: number }[]>();
      for (const r of followUpRows(q, scope)) {
        const list = byProject.get(r.projectId) ?? [];
        list.push({ on: day(r.answeredAt), amount: r.jobs });
        byProject.set(r.projectId, list);
      }
      return level([...byProject.values()].flatMap(spansOfLatest));
    }
    case "besoins-repondus":
      return flux(
        q
          .select({ at: unmetNeeds.qualifiedAt })
          .from(unmetNeeds)
          .where(and(eq(unmetNeeds.status, "repondu"), isNotNull(unmetNeeds.qualifiedAt), territoryInScope(unmetNeeds.territoryId, scope)))
          .all()
          .map((r) => ({ on: day(r.at!), amount: 1 })),
      );
    case "organisations-adherentes":
      return level(
        q
          .select({ at: organisationPoles.decidedAt })
          .from(organisationPoles)
          .where(and(eq(organisationPoles.status, "confirmee"), isNotNull(organisationPoles.decidedAt), territoryInScope(organisationPoles.territoryId, scope)))
          .all()
          .map((r) => ({ from: day(r.at!), to: null, amount: 1 })),
      );
    case "participation-evenements":
      return flux(
        q
          .select({ at: events.startsAt })
          .from(eventRegistrations)
          .innerJoin(events, eq(events.id, eventRegistrations.eventId))
          .where(and(eq(eventRegistrations.attended, true), ne(events.status, "annule"), territoryInScope(events.territoryId, scope)))
          .all()
          .map((r) => ({ on: day(r.at), amount: 1 })),
      );
    case "survie-3-ans":
      return {
        kind: "taux",
        facts: followUpRows(q, scope)
          .filter((r) => r.milestone === 36)
          .map((r) => ({ on: day(r.answeredAt), yes: r.stillActive })),
      };
  }
}

function flux(facts: DayFact[]): MetricFacts {
  return { kind: "flux", facts };
}

function level(facts: SpanFact[]): MetricFacts {
  return { kind: "niveau", facts };
}

export type { MetricKind };
