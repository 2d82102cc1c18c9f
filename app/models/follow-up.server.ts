/**
 * The holders' follow-ups: the day the activity started, then at 6, 12 and 36 months the jobs created,
 * the turnover band and whether it still runs — asked through the notifications by the server's worker.
 */
import { and, asc, eq, isNotNull, ne } from "drizzle-orm";
import { notifications, projectFollowUps, projects } from "#db/schema";
import { MILESTONE_LABELS, milestoneDay, milestoneToAsk, reachedMilestones } from "~/domain/impact/follow-up";
import { parisIsoDate } from "~/domain/paris-time";
import type { FollowUpMilestone, TurnoverBand } from "~/domain/vocabulary";
import { writeTransaction, type Db, type Reader } from "~/utils/db.server";
import { notify } from "./notification.server";
import { fail, type Outcome } from "./outcome";
import { poleNameOfCommune } from "./territory.server";

export type FollowUp = typeof projectFollowUps.$inferSelect;

export function listFollowUps(q: Reader, projectId: number): FollowUp[] {
  return q.select().from(projectFollowUps).where(eq(projectFollowUps.projectId, projectId)).orderBy(asc(projectFollowUps.milestoneMonths)).all();
}

/** The holder says when the activity started (a day not in the future: the form checks it too). */
export function declareLaunch(db: Db, projectId: number, launchedOn: string, now: Date): Outcome {
  if (launchedOn > parisIsoDate(now)) return fail(400, "La date de lancement ne peut pas être dans le futur.", "launchedOn");
  db.update(projects).set({ launchedOn, updatedAt: now }).where(eq(projects.id, projectId)).run();
  return { ok: true };
}

export type FollowUpInput = { milestone: FollowUpMilestone; jobsCreated: number; turnoverBand: TurnoverBand; stillActive: boolean; comment: string };

/** Records (or corrects) the answer for a milestone reached since the launch. */
export function recordFollowUp(db: Db, projectId: number, input: FollowUpInput, userId: number, now: Date): Outcome {
  return writeTransaction(db, (tx) => {
    const project = tx.select({ launchedOn: projects.launchedOn }).from(projects).where(eq(projects.id, projectId)).get();
    if (!project?.launchedOn) return fail(400, "Indiquez d'abord la date de lancement de l'activité.", "milestone");
    if (!reachedMilestones(project.launchedOn, parisIsoDate(now)).includes(input.milestone)) {
      return fail(400, `Ce suivi s'ouvre le ${milestoneDay(project.launchedOn, input.milestone).split("-").reverse().join("/")}.`, "milestone");
    }
    const values = {
      jobsCreated: input.jobsCreated,
      turnoverBand: input.turnoverBand,
      stillActive: input.stillActive,
      comment: input.comment,
      answeredById: userId,
      answeredAt: now,
    };
    tx.insert(projectFollowUps)
      .values({ projectId, milestoneMonths: input.milestone, ...values })
      .onConflictDoUpdate({ target: [projectFollowUps.projectId, projectFollowUps.milestoneMonths], set: values })
      .run();
    return { ok: true };
  });
}

/**
 * Asks each holder whose launched activity reached a milestone without an answer, once per milestone
 * (the notice is recorded under a key the next run finds). Returns how many were asked.
 */
export function askFollowUps(db: Db, now: Date): number {
  const today = parisIsoDate(now);
  const launched = db
    .select({ id: projects.id, title: projects.title, ownerId: projects.ownerId, communeCode: projects.communeCode, launchedOn: projects.launchedOn })
    .from(projects)
    .where(and(isNotNull(projects.launchedOn), ne(projects.status, "brouillon")))
    .all();
  let asked = 0;
  for (const p of launched) {
    asked += writeTransaction(db, (tx) => {
      const answered = new Set(
        tx.select({ m: projectFollowUps.milestoneMonths }).from(projectFollowUps).where(eq(projectFollowUps.projectId, p.id)).all().map((r) => r.m as number),
      );
      const milestone = milestoneToAsk(p.launchedOn!, today, answered);
      if (milestone === null) return 0;
      const link = `/projets/${p.id}/suivi`;
      const title = `« ${p.title} » a ${MILESTONE_LABELS[milestone]} : où en est votre activité ?`;
      const told = tx
        .select({ id: notifications.id })
        .from(notifications)
        .where(and(eq(notifications.userId, p.ownerId), eq(notifications.groupKey, `projet:${p.id}`), eq(notifications.link, link), eq(notifications.title, title)))
        .get();
      if (told) return 0;
      notify(
        tx,
        {
          userId: p.ownerId,
          kind: "suivi-activite",
          title,
          body: "Trois questions, une minute : les emplois créés, votre chiffre d'affaires (par tranche) et si l'activité se poursuit. Vos réponses servent au bilan d'impact du pôle ; aucun montant exact n'est publié.",
          link,
          linkLabel: "Répondre au suivi",
          group: { key: `projet:${p.id}`, label: p.title },
          poleName: poleNameOfCommune(tx, p.communeCode),
          reason: "vous portez ce projet",
        },
        now,
      );
      return 1;
    });
  }
  return asked;
}

/** The day the activity started, as the holder said it (null until then). */
export function getLaunchedOn(q: Reader, projectId: number): string | null {
  return q.select({ launchedOn: projects.launchedOn }).from(projects).where(eq(projects.id, projectId)).get()?.launchedOn ?? null;
}
