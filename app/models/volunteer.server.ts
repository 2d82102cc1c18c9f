/**
 * Volunteer profiles (the ACCOMPAGNER side of a person), their skills and
 * domains, and their track record: the only place that touches these tables.
 */
import { and, asc, avg, count, eq, inArray, ne, sum } from "drizzle-orm";
import {
  activityDomains,
  mentorshipFeedback,
  mentorships,
  mentorshipSessions,
  skills,
  users,
  volunteerDomains,
  volunteerProfiles,
  volunteerSkills,
} from "#db/schema";
import type { SkillLevel, VolunteerStatus } from "~/domain/vocabulary";
import { writeTransaction, type Db } from "~/utils/db.server";

export type VolunteerProfileInput = {
  status: VolunteerStatus;
  skills: { skillId: number; level: SkillLevel }[];
  domainIds: number[];
  communeCode: string;
  radiusKm: number;
  remoteOk: boolean;
  maxMentorships: number;
  hoursPerMonth: number;
  bio: string;
  paused: boolean;
};

export type VolunteerProfile = typeof volunteerProfiles.$inferSelect & {
  displayName: string;
  communeCode: string;
  skills: { skillId: number; name: string; level: SkillLevel }[];
  domains: { id: number; name: string }[];
};

export type TrackRecord = {
  /** Sum of the durations of the sessions logged on this volunteer's mentorships. */
  minutesMentored: number;
  completed: number;
  stopped: number;
  active: number;
  /** Mean rating given by holders, or null without any. */
  averageRating: number | null;
};

export function getVolunteerProfile(db: Db, userId: number): VolunteerProfile | undefined {
  const row = db
    .select({ profile: volunteerProfiles, displayName: users.displayName, communeCode: users.communeCode })
    .from(volunteerProfiles)
    .innerJoin(users, eq(users.id, volunteerProfiles.userId))
    .where(eq(volunteerProfiles.userId, userId))
    .get();
  if (!row) return undefined;
  const skillRows = db
    .select({ skillId: volunteerSkills.skillId, name: skills.name, level: volunteerSkills.level })
    .from(volunteerSkills)
    .innerJoin(skills, eq(skills.id, volunteerSkills.skillId))
    .where(eq(volunteerSkills.userId, userId))
    .orderBy(asc(skills.position))
    .all();
  const domainRows = db
    .select({ id: activityDomains.id, name: activityDomains.name })
    .from(volunteerDomains)
    .innerJoin(activityDomains, eq(activityDomains.id, volunteerDomains.activityDomainId))
    .where(eq(volunteerDomains.userId, userId))
    .orderBy(asc(activityDomains.position))
    .all();
  return {
    ...row.profile,
    displayName: row.displayName,
    communeCode: row.communeCode,
    skills: skillRows,
    domains: domainRows,
  };
}

export function hasVolunteerProfile(db: Db, userId: number): boolean {
  return !!db
    .select({ id: volunteerProfiles.userId })
    .from(volunteerProfiles)
    .where(eq(volunteerProfiles.userId, userId))
    .get();
}

/**
 * Creates or replaces the profile, its skills and domains, and moves the
 * person's commune (the profile's place is the account's commune), at once.
 */
export function saveVolunteerProfile(db: Db, userId: number, input: VolunteerProfileInput, now: Date): void {
  const { skills: skillLevels, domainIds, communeCode, ...profile } = input;
  writeTransaction(db, (tx) => {
    tx.insert(volunteerProfiles)
      .values({ ...profile, userId, lastActiveAt: now, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: volunteerProfiles.userId,
        set: { ...profile, lastActiveAt: now, updatedAt: now },
      })
      .run();
    tx.delete(volunteerSkills).where(eq(volunteerSkills.userId, userId)).run();
    const uniqueSkills = [...new Map(skillLevels.map((s) => [s.skillId, s])).values()];
    if (uniqueSkills.length > 0) {
      tx.insert(volunteerSkills)
        .values(uniqueSkills.map((s) => ({ userId, skillId: s.skillId, level: s.level })))
        .run();
    }
    tx.delete(volunteerDomains).where(eq(volunteerDomains.userId, userId)).run();
    const uniqueDomains = [...new Set(domainIds)];
    if (uniqueDomains.length > 0) {
      tx.insert(volunteerDomains)
        .values(uniqueDomains.map((activityDomainId) => ({ userId, activityDomainId })))
        .run();
    }
    tx.update(users).set({ communeCode, updatedAt: now }).where(eq(users.id, userId)).run();
  });
}

/** Hours mentored, mentorships completed, stopped and running, mean rating from holders. */
export function getTrackRecord(db: Db, volunteerId: number): TrackRecord {
  const minutes = db
    .select({ total: sum(mentorshipSessions.durationMinutes) })
    .from(mentorshipSessions)
    .innerJoin(mentorships, eq(mentorships.id, mentorshipSessions.mentorshipId))
    .where(eq(mentorships.volunteerId, volunteerId))
    .get();
  const byStatus = db
    .select({ status: mentorships.status, n: count() })
    .from(mentorships)
    .where(
      and(eq(mentorships.volunteerId, volunteerId), inArray(mentorships.status, ["acceptee", "terminee", "arretee"])),
    )
    .groupBy(mentorships.status)
    .all();
  const counted = (status: string) => byStatus.find((r) => r.status === status)?.n ?? 0;
  const rating = db
    .select({ mean: avg(mentorshipFeedback.rating) })
    .from(mentorshipFeedback)
    .innerJoin(mentorships, eq(mentorships.id, mentorshipFeedback.mentorshipId))
    .where(and(eq(mentorships.volunteerId, volunteerId), ne(mentorshipFeedback.authorId, volunteerId)))
    .get();
  return {
    minutesMentored: Number(minutes?.total ?? 0),
    completed: counted("terminee"),
    stopped: counted("arretee"),
    active: counted("acceptee"),
    // Feedback not written by the volunteer is the holders' view of them.
    averageRating: rating?.mean == null ? null : Math.round(Number(rating.mean) * 10) / 10,
  };
}
