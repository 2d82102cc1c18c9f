/**
 * Mentors' endorsements of the projects they accompany, and what savers see of a project's
 * accompaniment: the only place that reads or writes `mentorship_endorsements`. Every change reads
 * and writes inside one IMMEDIATE transaction, after asking app/domain/endorsement.ts again (the
 * route's permission table only says « a party of the mentorship »: which party is checked here).
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { mentorshipEndorsements, mentorships, mentorshipSessions, projectSkillNeeds, skills, users } from "#db/schema";
import { canDecideEndorsement, canWriteEndorsement, ENDORSABLE_STATUSES } from "~/domain/endorsement";
import type { EndorsementLevel, EndorsementStatus, MentorshipStatus } from "~/domain/vocabulary";
import { writeTransaction, type Db, type Reader } from "~/utils/db.server";
import { loadRef } from "./mentorship.server";
import { noticeEndorsement } from "./mentorship-notices.server";
import { fail, type Outcome } from "./outcome";

export type EndorsementInput = { workedOn: string; progress: string; level: EndorsementLevel };

export type Endorsement = EndorsementInput & {
  id: number;
  mentorshipId: number;
  status: EndorsementStatus;
  createdAt: Date;
  updatedAt: Date;
  decidedAt: Date | null;
};

function endorsementOf(q: Reader, mentorshipId: number): Endorsement | undefined {
  return q.select().from(mentorshipEndorsements).where(eq(mentorshipEndorsements.mentorshipId, mentorshipId)).get();
}

/** The endorsement of a mentorship, whatever its status (the mentorship page shows it to both sides). */
export function getEndorsement(q: Reader, mentorshipId: number): Endorsement | null {
  return endorsementOf(q, mentorshipId) ?? null;
}

/**
 * The mentor writes the endorsement, or revises it. Any revision of the text or the level goes back
 * to the holder (`proposee`): a published one leaves the project page until the holder agrees to the
 * new version; a declined one is proposed again. Saving the same words while it still waits changes
 * nothing and tells nobody again.
 */
export function writeEndorsement(
  db: Db,
  mentorshipId: number,
  userId: number,
  input: EndorsementInput,
  now: Date,
): Outcome<{ revised: boolean; unpublished: boolean }> {
  return writeTransaction(db, (tx): Outcome<{ revised: boolean; unpublished: boolean }> => {
    const m = loadRef(tx, mentorshipId);
    if (!m) return fail(404, "Cet accompagnement n'existe pas.");
    const decision = canWriteEndorsement(userId, m);
    if (!decision.ok) return fail(decision.status, decision.message);
    const existing = endorsementOf(tx, mentorshipId);
    if (!existing) {
      tx.insert(mentorshipEndorsements)
        .values({ mentorshipId, ...input, status: "proposee", createdAt: now, updatedAt: now })
        .run();
      noticeEndorsement(tx, mentorshipId, "written", now);
      return { ok: true, revised: false, unpublished: false };
    }
    const same = existing.workedOn === input.workedOn && existing.progress === input.progress && existing.level === input.level;
    if (same && existing.status === "proposee") return { ok: true, revised: true, unpublished: false };
    tx.update(mentorshipEndorsements)
      .set({ ...input, status: "proposee", updatedAt: now, decidedAt: null })
      .where(eq(mentorshipEndorsements.id, existing.id))
      .run();
    noticeEndorsement(tx, mentorshipId, "revised", now);
    return { ok: true, revised: true, unpublished: existing.status === "publiee" };
  });
}

/** The holder publishes the endorsement on the project page, or declines it. */
export function decideEndorsement(
  db: Db,
  mentorshipId: number,
  userId: number,
  decision: "publier" | "decliner",
  now: Date,
): Outcome<{ status: EndorsementStatus }> {
  return writeTransaction(db, (tx): Outcome<{ status: EndorsementStatus }> => {
    const m = loadRef(tx, mentorshipId);
    if (!m) return fail(404, "Cet accompagnement n'existe pas.");
    const existing = endorsementOf(tx, mentorshipId);
    const allowed = canDecideEndorsement(userId, m, existing ?? null);
    if (!allowed.ok) return fail(allowed.status, allowed.message);
    if (!existing) return fail(409, "Aucune recommandation n'attend votre accord pour cet accompagnement.");
    const status: EndorsementStatus = decision === "publier" ? "publiee" : "refusee";
    tx.update(mentorshipEndorsements).set({ status, decidedAt: now }).where(eq(mentorshipEndorsements.id, existing.id)).run();
    noticeEndorsement(tx, mentorshipId, decision === "publier" ? "published" : "declined", now);
    return { ok: true, status };
  });
}

/* ------------------------------------------------------------------ reads */

/** Minutes logged per mentorship, as a correlated subquery on the sessions' index. */
const minutesLogged = sql<number>`(select coalesce(sum(${mentorshipSessions.durationMinutes}), 0) from ${mentorshipSessions} where ${mentorshipSessions.mentorshipId} = ${mentorships.id})`;

export type PublishedEndorsement = {
  id: number;
  mentorName: string;
  skillName: string;
  /** Minutes logged in this mentorship. */
  minutes: number;
  workedOn: string;
  progress: string;
  level: EndorsementLevel;
  /** When the mentor wrote (or last revised) the text the holder agreed to. */
  writtenAt: Date;
};

/** What the project page shows to everyone: the endorsements its holder agreed to publish, oldest first. */
export function listPublishedEndorsements(q: Reader, projectId: number): PublishedEndorsement[] {
  return q
    .select({
      id: mentorshipEndorsements.id,
      mentorName: users.displayName,
      skillName: skills.name,
      minutes: minutesLogged,
      workedOn: mentorshipEndorsements.workedOn,
      progress: mentorshipEndorsements.progress,
      level: mentorshipEndorsements.level,
      writtenAt: mentorshipEndorsements.updatedAt,
    })
    .from(mentorshipEndorsements)
    .innerJoin(mentorships, eq(mentorships.id, mentorshipEndorsements.mentorshipId))
    .innerJoin(users, eq(users.id, mentorships.volunteerId))
    .innerJoin(projectSkillNeeds, eq(projectSkillNeeds.id, mentorships.needId))
    .innerJoin(skills, eq(skills.id, projectSkillNeeds.skillId))
    .where(and(eq(mentorships.projectId, projectId), eq(mentorshipEndorsements.status, "publiee")))
    .orderBy(asc(mentorshipEndorsements.decidedAt), asc(mentorshipEndorsements.id))
    .all();
}

/** Endorsements of the project waiting for its holder's answer, with their mentorship (for the holder's reminder). */
export function listPendingEndorsements(q: Reader, projectId: number): { mentorshipId: number; mentorName: string }[] {
  return q
    .select({ mentorshipId: mentorships.id, mentorName: users.displayName })
    .from(mentorshipEndorsements)
    .innerJoin(mentorships, eq(mentorships.id, mentorshipEndorsements.mentorshipId))
    .innerJoin(users, eq(users.id, mentorships.volunteerId))
    .where(and(eq(mentorships.projectId, projectId), eq(mentorshipEndorsements.status, "proposee")))
    .orderBy(asc(mentorshipEndorsements.id))
    .all();
}

export type ProjectAccompaniment = {
  /** One line per accepted or completed mentorship, in need order. */
  mentorships: { mentorName: string; skillName: string; status: MentorshipStatus; minutes: number }[];
  /** Distinct volunteers among them. */
  mentorCount: number;
  /** Minutes logged in those mentorships. */
  minutes: number;
  /** Published endorsements, oldest first. */
  endorsements: { mentorName: string; level: EndorsementLevel }[];
};

const NONE: ProjectAccompaniment = { mentorships: [], mentorCount: 0, minutes: 0, endorsements: [] };

/**
 * Who accompanies each project, for a club's deal flow: the same facts as the matcher's
 * « accompagné / recommandé » criterion (mentorships `acceptee` or `terminee`, their hours, the
 * published endorsements), with names and skills. Every asked id gets an entry.
 */
export function listAccompaniment(q: Reader, projectIds: readonly number[]): Map<number, ProjectAccompaniment> {
  const result = new Map<number, ProjectAccompaniment>(projectIds.map((id) => [id, { ...NONE, mentorships: [], endorsements: [] }]));
  if (projectIds.length === 0) return result;
  const ids = [...new Set(projectIds)];
  const rows = q
    .select({
      projectId: mentorships.projectId,
      volunteerId: mentorships.volunteerId,
      mentorName: users.displayName,
      skillName: skills.name,
      status: mentorships.status,
      minutes: minutesLogged,
    })
    .from(mentorships)
    .innerJoin(users, eq(users.id, mentorships.volunteerId))
    .innerJoin(projectSkillNeeds, eq(projectSkillNeeds.id, mentorships.needId))
    .innerJoin(skills, eq(skills.id, projectSkillNeeds.skillId))
    .where(and(inArray(mentorships.projectId, ids), inArray(mentorships.status, [...ENDORSABLE_STATUSES])))
    .orderBy(asc(mentorships.projectId), asc(projectSkillNeeds.id), asc(mentorships.id))
    .all();
  const volunteers = new Map<number, Set<number>>();
  for (const { projectId, volunteerId, ...line } of rows) {
    const a = result.get(projectId)!;
    a.mentorships.push(line);
    a.minutes += line.minutes;
    let seen = volunteers.get(projectId);
    if (!seen) volunteers.set(projectId, (seen = new Set()));
    seen.add(volunteerId);
    a.mentorCount = seen.size;
  }
  const endorsed = q
    .select({ projectId: mentorships.projectId, mentorName: users.displayName, level: mentorshipEndorsements.level })
    .from(mentorshipEndorsements)
    .innerJoin(mentorships, eq(mentorships.id, mentorshipEndorsements.mentorshipId))
    .innerJoin(users, eq(users.id, mentorships.volunteerId))
    .where(and(inArray(mentorships.projectId, ids), eq(mentorshipEndorsements.status, "publiee")))
    .orderBy(asc(mentorships.projectId), asc(mentorshipEndorsements.id))
    .all();
  for (const { projectId, ...e } of endorsed) result.get(projectId)!.endorsements.push(e);
  return result;
}

