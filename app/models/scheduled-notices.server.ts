/**
 * Notices that come from the calendar rather than from a click, run by the server's worker and safe
 * to run again: each one is sent once, because it is recorded under a key the next run finds.
 * - On the first day of each month (Paris), each active club member who saves monthly is told their
 *   contribution is due.
 * - The day a project's funding deadline comes with its goal not reached, its backers and holder hear of it.
 */
import { and, eq, gt, inArray, isNotNull, lte } from "drizzle-orm";
import { clubMembers, clubs, notifications, projectFundingNeeds, projects, territories } from "#db/schema";
import { formatEuros } from "~/domain/format";
import { isGoalReached } from "~/domain/funding";
import { parisIsoDate } from "~/domain/paris-time";
import { writeTransaction, type Db, type Reader } from "~/utils/db.server";
import { backersOf } from "./funding-notices.server";
import { fundingTotals } from "./funding-progress.server";
import { poleNameOfCommune } from "./territory.server";
import { notify } from "./notification.server";

const MONTH = new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "Europe/Paris" });

function alreadyTold(q: Reader, userId: number, groupKey: string, link: string, title: string): boolean {
  return !!q
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.groupKey, groupKey), eq(notifications.link, link), eq(notifications.title, title)))
    .get();
}

/** The contributions of the month, told on its first day. Returns how many people were told. */
export function remindContributions(db: Db, now: Date): number {
  if (!parisIsoDate(now).endsWith("-01")) return 0;
  const month = MONTH.format(now);
  const savers = db
    .select({ userId: clubMembers.userId, cents: clubMembers.monthlySavingsCents, clubId: clubs.id, clubName: clubs.name, poleName: territories.name })
    .from(clubMembers)
    .innerJoin(clubs, eq(clubs.id, clubMembers.clubId))
    .innerJoin(territories, eq(territories.id, clubs.territoryId))
    .where(and(eq(clubMembers.status, "actif"), gt(clubMembers.monthlySavingsCents, 0), inArray(clubs.status, ["en-constitution", "en-epargne", "en-gestion"])))
    .all();
  let told = 0;
  for (const s of savers) {
    const title = `Votre cotisation de ${month} à « ${s.clubName} » : ${formatEuros(s.cents)}`;
    const link = `/clubs/${s.clubId}/membres`;
    told += writeTransaction(db, (tx) => {
      if (alreadyTold(tx, s.userId, `club:${s.clubId}`, link, title)) return 0;
      notify(
        tx,
        {
          userId: s.userId,
          kind: "vie-club",
          title,
          body: "Versez-la par virement au compte du club ; le trésorier l'enregistre dans la trésorerie.",
          link,
          linkLabel: "Voir le club",
          group: { key: `club:${s.clubId}`, label: s.clubName },
          poleName: s.poleName,
          reason: "vous épargnez chaque mois dans ce club",
        },
        now,
      );
      return 1;
    });
  }
  return told;
}

/** Projects whose funding deadline is today or past and whose goal is not reached: their backers hear of it once. */
export function noticeFundingDeadlines(db: Db, now: Date): number {
  const today = parisIsoDate(now);
  const due = db
    .select({ projectId: projects.id, title: projects.title, ownerId: projects.ownerId, communeCode: projects.communeCode, neededBy: projectFundingNeeds.neededBy })
    .from(projectFundingNeeds)
    .innerJoin(projects, eq(projects.id, projectFundingNeeds.projectId))
    .where(and(eq(projects.status, "publie"), isNotNull(projectFundingNeeds.neededBy), lte(projectFundingNeeds.neededBy, today)))
    .all();
  let told = 0;
  for (const p of due) {
    told += writeTransaction(db, (tx) => {
      const totals = fundingTotals(tx, p.projectId);
      if (isGoalReached(totals) || totals.needCents === null) return 0;
      const poleName = poleNameOfCommune(tx, p.communeCode);
      const title = `« ${p.title} » arrive à sa date de financement : ${formatEuros(totals.raisedCents)} sur ${formatEuros(totals.needCents)}`;
      const link = `/projets/${p.projectId}`;
      let n = 0;
      for (const userId of new Set([p.ownerId, ...backersOf(tx, p.projectId)])) {
        if (alreadyTold(tx, userId, `projet:${p.projectId}`, link, title)) continue;
        notify(
          tx,
          {
            userId,
            kind: "projet-soutenu",
            title,
            body: userId === p.ownerId ? "Vous pouvez repousser la date ou ajuster l'objectif depuis la page du financement." : "",
            link,
            linkLabel: "Voir le projet",
            group: { key: `projet:${p.projectId}`, label: p.title },
            poleName,
            reason: userId === p.ownerId ? "vous portez ce projet" : "vous soutenez ce projet",
          },
          now,
        );
        n += 1;
      }
      return n;
    });
  }
  return told;
}
