/**
 * Mentorships, their session log and feedback: the only place that reads or
 * writes these tables. Every state change reads and writes inside one
 * IMMEDIATE transaction, after asking app/domain/mentorship.ts.
 */
import { aliasedTable, and, asc, count, desc, eq, inArray, ne, sql } from "drizzle-orm";
import {
  mentorshipFeedback,
  mentorships,
  mentorshipSessions,
  projects,
  projectSkillNeeds,
  skills,
  users,
  volunteerProfiles,
} from "#db/schema";
import {
  canActOnActive,
  canCancel,
  canGiveFeedback,
  canRespond,
  capacityCheck,
  type Decision,
  type MentorshipRef,
} from "~/domain/mentorship";
import type { MentorshipInitiator, MentorshipStatus } from "~/domain/vocabulary";
import { writeTransaction, type Db, type Reader, type Writer } from "~/utils/db.server";
import { noticeActivity, noticeRequest, noticeResponse } from "./mentorship-notices.server";
import { fail, type Failure, type Outcome } from "./outcome";

function fromDecision(decision: Decision): Failure | null {
  return decision.ok ? null : fail(decision.status, decision.message);
}

/** The mentorship with the holder's id, as the rules need it. */
export function loadRef(q: Reader, id: number): (MentorshipRef & { id: number; needId: number; projectId: number }) | undefined {
  return q
    .select({
      id: mentorships.id,
      status: mentorships.status,
      initiatedBy: mentorships.initiatedBy,
      volunteerId: mentorships.volunteerId,
      holderId: projects.ownerId,
      needId: mentorships.needId,
      projectId: mentorships.projectId,
    })
    .from(mentorships)
    .innerJoin(projects, eq(projects.id, mentorships.projectId))
    .where(eq(mentorships.id, id))
    .get();
}

export function countActiveMentorships(q: Reader, volunteerId: number): number {
  return (
    q
      .select({ n: count() })
      .from(mentorships)
      .where(and(eq(mentorships.volunteerId, volunteerId), eq(mentorships.status, "acceptee")))
      .get()?.n ?? 0
  );
}

/* --------------------------------------------------------------- requests */

export type NewRequest = {
  needId: number;
  volunteerId: number;
  initiatedBy: MentorshipInitiator;
  message: string;
};

/** Why a new request between this need and volunteer cannot be made now, or the need's project. */
function checkNewRequest(tx: Writer, input: NewRequest): Outcome<{ projectId: number }> {
  const need = tx
    .select({
      id: projectSkillNeeds.id,
      status: projectSkillNeeds.status,
      projectId: projects.id,
      projectStatus: projects.status,
      ownerId: projects.ownerId,
    })
    .from(projectSkillNeeds)
    .innerJoin(projects, eq(projects.id, projectSkillNeeds.projectId))
    .where(eq(projectSkillNeeds.id, input.needId))
    .get();
  if (!need) return fail(404, "Ce besoin n'existe pas.");
  if (need.projectStatus !== "publie") return fail(409, "Ce projet n'est pas publié : il ne reçoit pas de demande.");
  if (need.status !== "ouvert") return fail(409, "Ce besoin a déjà trouvé son accompagnant ou a été clos.");
  if (need.ownerId === input.volunteerId) return fail(409, "Vous ne pouvez pas accompagner votre propre projet.");
  const profile = tx
    .select({ paused: volunteerProfiles.paused })
    .from(volunteerProfiles)
    .where(eq(volunteerProfiles.userId, input.volunteerId))
    .get();
  if (!profile) {
    return fail(
      input.initiatedBy === "benevole" ? 409 : 404,
      input.initiatedBy === "benevole"
        ? "Complétez d'abord votre profil de bénévole."
        : "Ce ou cette bénévole n'a pas de profil d'accompagnement.",
    );
  }
  if (profile.paused) {
    return fail(
      409,
      input.initiatedBy === "benevole"
        ? "Votre accompagnement est en pause : reprenez-le dans votre profil pour proposer votre aide."
        : "Ce ou cette bénévole a mis son accompagnement en pause.",
    );
  }
  const open = tx
    .select({ id: mentorships.id })
    .from(mentorships)
    .where(
      and(
        eq(mentorships.needId, input.needId),
        eq(mentorships.volunteerId, input.volunteerId),
        inArray(mentorships.status, ["demande", "acceptee"]),
      ),
    )
    .get();
  if (open) return fail(409, "Une demande est déjà en cours entre ce besoin et ce ou cette bénévole.");
  return { ok: true, projectId: need.projectId };
}

function insertRequest(tx: Writer, projectId: number, input: NewRequest, now: Date): number {
  return tx
    .insert(mentorships)
    .values({
      projectId,
      needId: input.needId,
      volunteerId: input.volunteerId,
      initiatedBy: input.initiatedBy,
      status: "demande",
      requestMessage: input.message,
      requestedAt: now,
    })
    .returning({ id: mentorships.id })
    .get().id;
}

/**
 * A holder asks a volunteer, or a volunteer offers help, on an open need of a
 * published project. At most one open request per need and volunteer.
 */
export function requestMentorship(db: Db, input: NewRequest, now: Date): Outcome<{ id: number }> {
  return writeTransaction(db, (tx): Outcome<{ id: number }> => {
    const checked = checkNewRequest(tx, input);
    if (!checked.ok) return checked;
    const id = insertRequest(tx, checked.projectId, input, now);
    noticeRequest(tx, id, now);
    return { ok: true, id };
  });
}

export type RoundPair = { needId: number; volunteerId: number };
export type RoundSending = { sent: number[]; skipped: { pair: RoundPair; reason: string }[] };

/** Has the volunteer declined (or been declined on) this project before? The matcher never proposes the pair again. */
function wasRefused(tx: Writer, projectId: number, volunteerId: number): boolean {
  return !!tx
    .select({ id: mentorships.id })
    .from(mentorships)
    .where(and(eq(mentorships.projectId, projectId), eq(mentorships.volunteerId, volunteerId), eq(mentorships.status, "refusee")))
    .get();
}

/**
 * Why the volunteer cannot take one more mentorship now (full or paused), or null; `self` words it
 * for the volunteer, with what to do (end one, raise the capacity in the profile). The page shows
 * it before anyone clicks « Accepter »; the acceptance checks it again in its transaction.
 */
export function capacityRefusal(q: Reader, volunteerId: number, self = false): string | null {
  const profile = q
    .select({ max: volunteerProfiles.maxMentorships, paused: volunteerProfiles.paused })
    .from(volunteerProfiles)
    .where(eq(volunteerProfiles.userId, volunteerId))
    .get();
  if (!profile) return "Ce ou cette bénévole n'a pas de profil d'accompagnement.";
  const decision = capacityCheck(countActiveMentorships(q, volunteerId), profile.max, profile.paused, self);
  return decision.ok ? null : decision.message;
}

/**
 * The animation team sends the pairs of a global round as requests addressed
 * to the volunteers, in one transaction. Pairs that became invalid since the
 * round was computed (need no longer open, pair already open or declined,
 * volunteer full or paused) are skipped and reported, not sent.
 */
export function createRequestsFromRound(db: Db, pairs: readonly RoundPair[], animatorId: number, now: Date): RoundSending {
  return writeTransaction(db, (tx): RoundSending => {
    const animator = tx.select({ name: users.displayName }).from(users).where(eq(users.id, animatorId)).get();
    const message = `Proposition de l'équipe d'animation du pôle${animator ? ` (${animator.name})` : ""}, issue d'un tour de mise en relation.`;
    const sending: RoundSending = { sent: [], skipped: [] };
    for (const pair of pairs) {
      const input: NewRequest = { ...pair, initiatedBy: "animateur", message };
      const checked = checkNewRequest(tx, input);
      const reason = !checked.ok
        ? checked.message
        : wasRefused(tx, checked.projectId, pair.volunteerId)
          ? "Ce ou cette bénévole a déjà décliné ce projet."
          : capacityRefusal(tx, pair.volunteerId);
      if (reason !== null || !checked.ok) sending.skipped.push({ pair, reason: reason ?? "" });
      else {
        const id = insertRequest(tx, checked.projectId, input, now);
        noticeRequest(tx, id, now);
        sending.sent.push(id);
      }
    }
    return sending;
  });
}

/**
 * Accept or decline, by the side the request is addressed to. Acceptance
 * counts the volunteer's active mentorships against their maximum and
 * updates in the same IMMEDIATE transaction, so two accepts racing for the
 * last place cannot both win. The need is then filled and other pending
 * requests on it are withdrawn.
 */
export function respondToRequest(
  db: Db,
  mentorshipId: number,
  userId: number,
  decision: "accepter" | "refuser",
  message: string,
  now: Date,
): Outcome<{ status: MentorshipStatus }> {
  return writeTransaction(db, (tx): Outcome<{ status: MentorshipStatus }> => {
    const m = loadRef(tx, mentorshipId);
    if (!m) return fail(404, "Cette demande n'existe pas.");
    const refusal = fromDecision(canRespond(userId, m));
    if (refusal) return refusal;
    if (decision === "refuser") {
      tx.update(mentorships)
        .set({ status: "refusee", responseMessage: message, respondedAt: now })
        .where(eq(mentorships.id, mentorshipId))
        .run();
      noticeResponse(tx, mentorshipId, "refusee", now);
      return { ok: true, status: "refusee" };
    }
    const need = tx
      .select({ status: projectSkillNeeds.status })
      .from(projectSkillNeeds)
      .where(eq(projectSkillNeeds.id, m.needId))
      .get();
    if (need?.status !== "ouvert") return fail(409, "Ce besoin a déjà trouvé son accompagnant ou a été clos.");
    const profile = tx
      .select({ max: volunteerProfiles.maxMentorships, paused: volunteerProfiles.paused })
      .from(volunteerProfiles)
      .where(eq(volunteerProfiles.userId, m.volunteerId))
      .get();
    if (!profile) return fail(409, "Ce ou cette bénévole n'a plus de profil d'accompagnement.");
    const full = fromDecision(
      capacityCheck(countActiveMentorships(tx, m.volunteerId), profile.max, profile.paused, userId === m.volunteerId),
    );
    if (full) return full;
    tx.update(mentorships)
      .set({ status: "acceptee", responseMessage: message, respondedAt: now })
      .where(eq(mentorships.id, mentorshipId))
      .run();
    tx.update(projectSkillNeeds).set({ status: "pourvu" }).where(eq(projectSkillNeeds.id, m.needId)).run();
    tx.update(mentorships)
      .set({ status: "annulee", respondedAt: now })
      .where(and(eq(mentorships.needId, m.needId), eq(mentorships.status, "demande"), ne(mentorships.id, mentorshipId)))
      .run();
    noticeResponse(tx, mentorshipId, "acceptee", now);
    return { ok: true, status: "acceptee" };
  });
}

export function cancelRequest(db: Db, mentorshipId: number, userId: number, now: Date): Outcome {
  return writeTransaction(db, (tx): Outcome => {
    const m = loadRef(tx, mentorshipId);
    if (!m) return fail(404, "Cette demande n'existe pas.");
    const refusal = fromDecision(canCancel(userId, m));
    if (refusal) return refusal;
    tx.update(mentorships).set({ status: "annulee", respondedAt: now }).where(eq(mentorships.id, mentorshipId)).run();
    return { ok: true };
  });
}

/* ------------------------------------------------------- running and end */

export type SessionInput = { heldOn: string; durationMinutes: number; topic: string; notes: string };

export function logSession(db: Db, mentorshipId: number, userId: number, input: SessionInput, now: Date): Outcome {
  return writeTransaction(db, (tx): Outcome => {
    const m = loadRef(tx, mentorshipId);
    if (!m) return fail(404, "Cet accompagnement n'existe pas.");
    const refusal = fromDecision(canActOnActive(userId, m));
    if (refusal) return refusal;
    tx.insert(mentorshipSessions).values({ ...input, mentorshipId, authorId: userId, createdAt: now }).run();
    noticeActivity(tx, mentorshipId, userId, "session", now);
    return { ok: true };
  });
}

export type FeedbackInput = { rating: number; comment: string };

/**
 * Ends a running mentorship as completed or stopped, with the feedback of
 * the side that ends it. A stopped mentorship reopens its need (if the
 * project is still published) so another volunteer can take it up.
 */
export function endMentorship(
  db: Db,
  mentorshipId: number,
  userId: number,
  end: "terminee" | "arretee",
  feedback: FeedbackInput,
  now: Date,
): Outcome {
  return writeTransaction(db, (tx): Outcome => {
    const m = loadRef(tx, mentorshipId);
    if (!m) return fail(404, "Cet accompagnement n'existe pas.");
    const refusal = fromDecision(canActOnActive(userId, m));
    if (refusal) return refusal;
    tx.update(mentorships).set({ status: end, endedAt: now }).where(eq(mentorships.id, mentorshipId)).run();
    tx.insert(mentorshipFeedback).values({ ...feedback, mentorshipId, authorId: userId, createdAt: now }).run();
    if (end === "arretee") {
      tx.update(projectSkillNeeds)
        .set({ status: "ouvert" })
        .where(
          and(
            eq(projectSkillNeeds.id, m.needId),
            eq(projectSkillNeeds.status, "pourvu"),
            sql`(select ${projects.status} from ${projects} where ${projects.id} = ${m.projectId}) = 'publie'`,
          ),
        )
        .run();
    }
    noticeActivity(tx, mentorshipId, userId, end, now);
    return { ok: true };
  });
}

/** The other side's feedback, once, after the end. */
export function giveFeedback(db: Db, mentorshipId: number, userId: number, feedback: FeedbackInput, now: Date): Outcome {
  return writeTransaction(db, (tx): Outcome => {
    const m = loadRef(tx, mentorshipId);
    if (!m) return fail(404, "Cet accompagnement n'existe pas.");
    const given = !!tx
      .select({ id: mentorshipFeedback.mentorshipId })
      .from(mentorshipFeedback)
      .where(and(eq(mentorshipFeedback.mentorshipId, mentorshipId), eq(mentorshipFeedback.authorId, userId)))
      .get();
    const refusal = fromDecision(canGiveFeedback(userId, m, given));
    if (refusal) return refusal;
    tx.insert(mentorshipFeedback).values({ ...feedback, mentorshipId, authorId: userId, createdAt: now }).run();
    return { ok: true };
  });
}

/* ------------------------------------------------------------------ reads */

const holders = aliasedTable(users, "holders");
const volunteers = aliasedTable(users, "volunteers");

function selectSummaries(db: Db) {
  return db
    .select({
      id: mentorships.id,
      status: mentorships.status,
      initiatedBy: mentorships.initiatedBy,
      projectId: projects.id,
      projectTitle: projects.title,
      projectCommuneCode: projects.communeCode,
      needId: mentorships.needId,
      skillName: skills.name,
      holderId: holders.id,
      holderName: holders.displayName,
      volunteerId: volunteers.id,
      volunteerName: volunteers.displayName,
      requestMessage: mentorships.requestMessage,
      requestedAt: mentorships.requestedAt,
      respondedAt: mentorships.respondedAt,
      endedAt: mentorships.endedAt,
      plannedMonths: mentorships.plannedMonths,
    })
    .from(mentorships)
    .innerJoin(projects, eq(projects.id, mentorships.projectId))
    .innerJoin(projectSkillNeeds, eq(projectSkillNeeds.id, mentorships.needId))
    .innerJoin(skills, eq(skills.id, projectSkillNeeds.skillId))
    .innerJoin(holders, eq(holders.id, projects.ownerId))
    .innerJoin(volunteers, eq(volunteers.id, mentorships.volunteerId));
}

export type MentorshipSummary = ReturnType<ReturnType<typeof selectSummaries>["all"]>[number];

/** Every mentorship where the person is the holder or the volunteer, newest first. */
export function listMentorshipsForUser(db: Db, userId: number): MentorshipSummary[] {
  return selectSummaries(db)
    .where(sql`${projects.ownerId} = ${userId} or ${mentorships.volunteerId} = ${userId}`)
    .orderBy(desc(mentorships.requestedAt), desc(mentorships.id))
    .all();
}

export function listMentorshipsForProject(db: Db, projectId: number): MentorshipSummary[] {
  return selectSummaries(db)
    .where(eq(mentorships.projectId, projectId))
    .orderBy(desc(mentorships.requestedAt), desc(mentorships.id))
    .all();
}

/** Has the person an accepted (running or ended) mentorship on this project? Then contacts show. */
export function isAcceptedMentorOf(db: Db, projectId: number, userId: number): boolean {
  return !!db
    .select({ id: mentorships.id })
    .from(mentorships)
    .where(
      and(
        eq(mentorships.projectId, projectId),
        eq(mentorships.volunteerId, userId),
        inArray(mentorships.status, ["acceptee", "terminee", "arretee"]),
      ),
    )
    .get();
}

export type MentorshipDetail = MentorshipSummary & {
  responseMessage: string;
  holderEmail: string;
  volunteerEmail: string;
  sessions: {
    id: number;
    heldOn: string;
    durationMinutes: number;
    topic: string;
    notes: string;
    authorId: number;
    authorName: string;
  }[];
  feedback: { authorId: number; authorName: string; rating: number; comment: string; createdAt: Date }[];
};

export function getMentorshipDetail(db: Db, id: number): MentorshipDetail | undefined {
  const summary = selectSummaries(db).where(eq(mentorships.id, id)).get();
  if (!summary) return undefined;
  const extra = db
    .select({ responseMessage: mentorships.responseMessage, holderEmail: holders.email, volunteerEmail: volunteers.email })
    .from(mentorships)
    .innerJoin(projects, eq(projects.id, mentorships.projectId))
    .innerJoin(holders, eq(holders.id, projects.ownerId))
    .innerJoin(volunteers, eq(volunteers.id, mentorships.volunteerId))
    .where(eq(mentorships.id, id))
    .get()!;
  const sessions = db
    .select({
      id: mentorshipSessions.id,
      heldOn: mentorshipSessions.heldOn,
      durationMinutes: mentorshipSessions.durationMinutes,
      topic: mentorshipSessions.topic,
      notes: mentorshipSessions.notes,
      authorId: mentorshipSessions.authorId,
      authorName: users.displayName,
    })
    .from(mentorshipSessions)
    .innerJoin(users, eq(users.id, mentorshipSessions.authorId))
    .where(eq(mentorshipSessions.mentorshipId, id))
    .orderBy(desc(mentorshipSessions.heldOn), desc(mentorshipSessions.id))
    .all();
  const feedback = db
    .select({
      authorId: mentorshipFeedback.authorId,
      authorName: users.displayName,
      rating: mentorshipFeedback.rating,
      comment: mentorshipFeedback.comment,
      createdAt: mentorshipFeedback.createdAt,
    })
    .from(mentorshipFeedback)
    .innerJoin(users, eq(users.id, mentorshipFeedback.authorId))
    .where(eq(mentorshipFeedback.mentorshipId, id))
    .orderBy(asc(mentorshipFeedback.createdAt))
    .all();
  return { ...summary, ...extra, sessions, feedback };
}

/** Ended mentorships where this person took part and has not given feedback yet. */
export function listEndedAwaitingFeedbackFrom(db: Db, userId: number): number[] {
  return db
    .select({ id: mentorships.id })
    .from(mentorships)
    .innerJoin(projects, eq(projects.id, mentorships.projectId))
    .where(
      and(
        inArray(mentorships.status, ["terminee", "arretee"]),
        sql`(${projects.ownerId} = ${userId} or ${mentorships.volunteerId} = ${userId})`,
        sql`not exists (select 1 from ${mentorshipFeedback} where ${mentorshipFeedback.mentorshipId} = ${mentorships.id} and ${mentorshipFeedback.authorId} = ${userId})`,
      ),
    )
    .all()
    .map((r) => r.id);
}
