/**
 * When a volunteer's profile changes, the holders of the needs it now fits best hear that a
 * volunteer is suggested for them — once per need and volunteer, whatever the later saves.
 */
import { and, eq } from "drizzle-orm";
import { notifications, projects, users } from "#db/schema";
import { writeTransaction, type Db } from "~/utils/db.server";
import { suggestNeedsForVolunteer } from "./matching.server";
import { notify } from "./notification.server";
import { poleNameOfCommune } from "./territory.server";

/** How many of the volunteer's best needs are told. */
const TOLD_PER_PROFILE = 3;

/** Run after the profile is saved (the matcher reads what was committed). Returns how many holders were told. */
export function noticeNewSuggestions(db: Db, volunteerId: number, now: Date): number {
  const volunteer = db.select({ name: users.displayName }).from(users).where(eq(users.id, volunteerId)).get();
  if (!volunteer) return 0;
  const best = suggestNeedsForVolunteer(db, volunteerId, { limit: TOLD_PER_PROFILE, now });
  let told = 0;
  for (const s of best) {
    told += writeTransaction(db, (tx) => {
      const project = tx.select({ ownerId: projects.ownerId, communeCode: projects.communeCode }).from(projects).where(eq(projects.id, s.projectId)).get();
      if (!project) return 0;
      const link = `/projets/${s.projectId}#besoins`;
      const title = `${volunteer.name} correspond à votre besoin en ${s.skillName.toLowerCase()} de « ${s.projectTitle} »`;
      const known = tx
        .select({ id: notifications.id })
        .from(notifications)
        .where(and(eq(notifications.userId, project.ownerId), eq(notifications.kind, "suggestion-besoin"), eq(notifications.title, title)))
        .get();
      if (known) return 0;
      notify(
        tx,
        {
          userId: project.ownerId,
          kind: "suggestion-besoin",
          title,
          body: `${s.explanation}.`,
          link,
          linkLabel: "Voir les bénévoles suggérés",
          group: { key: `projet:${s.projectId}`, label: s.projectTitle },
          poleName: poleNameOfCommune(tx, project.communeCode),
          reason: "vous portez ce projet et ce besoin est ouvert",
        },
        now,
      );
      return 1;
    });
  }
  return told;
}
