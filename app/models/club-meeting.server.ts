/**
 * A club's meetings, optionally about a project it follows.
 */
import { and, asc, eq, gte } from "drizzle-orm";
import { clubDeals, clubMeetings, projects } from "#db/schema";
import { writeTransaction, type Db } from "~/utils/db.server";
import { fail, type Outcome } from "./outcome";

export type MeetingInput = { startsAt: Date; place: string; agenda: string; projectId: number | null };
export type MeetingView = MeetingInput & { id: number; projectTitle: string | null };

export function addMeeting(db: Db, clubId: number, createdBy: number, input: MeetingInput, now: Date): Outcome {
  return writeTransaction(db, (tx): Outcome => {
    if (input.projectId !== null) {
      const followed = tx
        .select({ id: clubDeals.id })
        .from(clubDeals)
        .where(and(eq(clubDeals.clubId, clubId), eq(clubDeals.projectId, input.projectId)))
        .get();
      if (!followed) return fail(400, "Choisissez un projet suivi par le club.", "projectId");
    }
    tx.insert(clubMeetings).values({ clubId, createdBy, createdAt: now, ...input }).run();
    return { ok: true };
  });
}

/** Meetings from `from` on (all when omitted), soonest first. */
export function listMeetings(db: Db, clubId: number, from?: Date): MeetingView[] {
  const conditions = [eq(clubMeetings.clubId, clubId)];
  if (from) conditions.push(gte(clubMeetings.startsAt, from));
  return db
    .select({
      id: clubMeetings.id,
      startsAt: clubMeetings.startsAt,
      place: clubMeetings.place,
      agenda: clubMeetings.agenda,
      projectId: clubMeetings.projectId,
      projectTitle: projects.title,
    })
    .from(clubMeetings)
    .leftJoin(projects, eq(projects.id, clubMeetings.projectId))
    .where(and(...conditions))
    .orderBy(asc(clubMeetings.startsAt))
    .all();
}

