/**
 * The animation team's view of a pôle: what is waiting (open needs, free
 * volunteers, pending requests) and the matcher's global round with the
 * people, needs and explanations behind each proposed pair.
 */
import { and, count, eq, inArray, sql } from "drizzle-orm";
import {
  mentorships,
  projects,
  projectSkillNeeds,
  skills,
  territoryCommunes,
  users,
  volunteerProfiles,
} from "#db/schema";
import type { NeedPriority } from "~/domain/vocabulary";
import { explainMentorPair, runGlobalRound, type Criterion } from "~/models/matching.server";
import type { Db } from "~/utils/db.server";

export type AnimationCounts = { openNeeds: number; availableVolunteers: number; pendingRequests: number };

const inPerimeter = (territoryId: number, communeCode: typeof projects.communeCode | typeof users.communeCode) =>
  sql`${communeCode} in (select ${territoryCommunes.communeCode} from ${territoryCommunes} where ${territoryCommunes.territoryId} = ${territoryId})`;

export function getAnimationCounts(db: Db, territoryId: number): AnimationCounts {
  const openNeeds =
    db
      .select({ n: count() })
      .from(projectSkillNeeds)
      .innerJoin(projects, eq(projects.id, projectSkillNeeds.projectId))
      .where(and(eq(projectSkillNeeds.status, "ouvert"), eq(projects.status, "publie"), inPerimeter(territoryId, projects.communeCode)))
      .get()?.n ?? 0;
  const availableVolunteers =
    db
      .select({ n: count() })
      .from(volunteerProfiles)
      .innerJoin(users, eq(users.id, volunteerProfiles.userId))
      .where(
        and(
          eq(volunteerProfiles.paused, false),
          inPerimeter(territoryId, users.communeCode),
          sql`(select count(*) from ${mentorships} where ${mentorships.volunteerId} = ${volunteerProfiles.userId} and ${mentorships.status} = 'acceptee') < ${volunteerProfiles.maxMentorships}`,
        ),
      )
      .get()?.n ?? 0;
  const pendingRequests =
    db
      .select({ n: count() })
      .from(mentorships)
      .innerJoin(projects, eq(projects.id, mentorships.projectId))
      .where(and(eq(mentorships.status, "demande"), inPerimeter(territoryId, projects.communeCode)))
      .get()?.n ?? 0;
  return { openNeeds, availableVolunteers, pendingRequests };
}

/** Of these needs, the ids whose project lies in the pôle's perimeter. */
export function needIdsInTerritory(db: Db, territoryId: number, needIds: readonly number[]): Set<number> {
  if (needIds.length === 0) return new Set();
  const rows = db
    .select({ id: projectSkillNeeds.id })
    .from(projectSkillNeeds)
    .innerJoin(projects, eq(projects.id, projectSkillNeeds.projectId))
    .where(and(inArray(projectSkillNeeds.id, [...new Set(needIds)]), inPerimeter(territoryId, projects.communeCode)))
    .all();
  return new Set(rows.map((r) => r.id));
}

export type NeedLabel = { needId: number; projectId: number; projectTitle: string; skillName: string; priority: NeedPriority };

function needLabels(db: Db, needIds: readonly number[]): Map<number, NeedLabel> {
  if (needIds.length === 0) return new Map();
  const rows = db
    .select({
      needId: projectSkillNeeds.id,
      projectId: projects.id,
      projectTitle: projects.title,
      skillName: skills.name,
      priority: projectSkillNeeds.priority,
    })
    .from(projectSkillNeeds)
    .innerJoin(projects, eq(projects.id, projectSkillNeeds.projectId))
    .innerJoin(skills, eq(skills.id, projectSkillNeeds.skillId))
    .where(inArray(projectSkillNeeds.id, [...needIds]))
    .all();
  return new Map(rows.map((r) => [r.needId, r]));
}

export type ProposedPair = NeedLabel & {
  volunteerId: number;
  volunteerName: string;
  score: number;
  explanation: string;
  criteria: Criterion[];
};

export type ProposedRound = {
  pairs: ProposedPair[];
  total: number;
  greedyTotal: number;
  unmatched: NeedLabel[];
};

/**
 * The optimal round for the pôle's open needs, scored with the pôle's weights,
 * each pair with what a person needs to judge it; the explanation and the
 * criteria are the matcher's own for that pair under the same weights.
 */
export function proposeRound(db: Db, territoryId: number, now: Date): ProposedRound {
  const round = runGlobalRound(db, { territoryId, now });
  const labels = needLabels(db, [...round.assignments.map((a) => a.needId), ...round.unmatchedNeedIds]);
  const pairs = round.assignments.flatMap((a) => {
    const label = labels.get(a.needId);
    const explained = explainMentorPair(db, a.needId, a.volunteerId, { now, territoryId });
    if (!label || !explained) return [];
    return [
      {
        ...label,
        volunteerId: a.volunteerId,
        volunteerName: explained.displayName,
        score: a.score,
        explanation: explained.explanation,
        criteria: explained.criteria,
      },
    ];
  });
  const unmatched = round.unmatchedNeedIds.flatMap((id) => {
    const label = labels.get(id);
    return label ? [label] : [];
  });
  return { pairs, total: round.total, greedyTotal: round.greedyTotal, unmatched };
}
