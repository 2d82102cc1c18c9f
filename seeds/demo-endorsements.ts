/**
 * Demo endorsements, called by seedDemo inside its transaction once the mentorships and the clubs
 * exist: a published one on a project the savers' clubs can still invest in (it shows on the project
 * page, in the club's deal flow and in its score), and one waiting for the demo holder's answer
 * (porteur@exemple.fr). Deterministic: chosen by rule and id, times derived from `now`.
 */
import { and, asc, desc, eq, inArray, notExists, sql } from "drizzle-orm";
import { clubCommitments, clubDeals, mentorships, projectFundingNeeds, projects, users } from "#db/schema";
import { CLUB_ELIGIBLE_FUNDING, CLUB_ELIGIBLE_LEGAL_FORMS, CLUB_ELIGIBLE_STAGES } from "~/domain/matching";
import { ENDORSABLE_STATUSES } from "~/domain/endorsement";
import { DAY_MS } from "~/domain/paris-time";
import type { LegalForm } from "~/domain/vocabulary";
import { decideEndorsement, writeEndorsement } from "~/models/endorsement.server";
import type { Db } from "~/utils/db.server";

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

export type EndorsementCounts = { published: number; pending: number };

function expectOk(outcome: { ok: boolean; message?: string }, what: string): void {
  if (!outcome.ok) throw new Error(`Demo endorsement (${what}): ${outcome.message}`);
}

const mentorshipFields = { id: mentorships.id, volunteerId: mentorships.volunteerId, projectId: projects.id, holderId: projects.ownerId };
const isEndorsable = () => and(inArray(mentorships.status, [...ENDORSABLE_STATUSES]), eq(projects.status, "publie"));

/** Running or completed mentorships of published projects, with their holder, oldest first. */
function endorsable(db: Db) {
  return db.select(mentorshipFields).from(mentorships).innerJoin(projects, eq(projects.id, mentorships.projectId)).where(isEndorsable()).orderBy(asc(mentorships.id)).all();
}

/**
 * A mentorship of a project clubs can invest in and that no club has decided on yet, so that it
 * shows in a club's suggestions (the latest: the clubs' seed took the earliest projects).
 */
function onClubFundableProject(db: Db) {
  return db
    .select(mentorshipFields)
    .from(mentorships)
    .innerJoin(projects, eq(projects.id, mentorships.projectId))
    .innerJoin(projectFundingNeeds, eq(projectFundingNeeds.projectId, projects.id))
    .where(
      and(
        isEndorsable(),
        inArray(projectFundingNeeds.kind, [...CLUB_ELIGIBLE_FUNDING]),
        inArray(projects.stage, [...CLUB_ELIGIBLE_STAGES]),
        inArray(projects.legalForm, [...CLUB_ELIGIBLE_LEGAL_FORMS] as LegalForm[]),
        notExists(db.select({ one: sql`1` }).from(clubDeals).where(eq(clubDeals.projectId, projects.id))),
        notExists(db.select({ one: sql`1` }).from(clubCommitments).where(eq(clubCommitments.projectId, projects.id))),
      ),
    )
    .orderBy(desc(mentorships.id))
    .get();
}

/** A mentorship of the demo holder's project by a volunteer other than the demo volunteer (her own stays free for the journeys). */
function ofDemoHolder(db: Db) {
  const holder = db.select({ id: users.id }).from(users).where(eq(users.email, "porteur@exemple.fr")).get();
  const volunteer = db.select({ id: users.id }).from(users).where(eq(users.email, "benevole@exemple.fr")).get();
  if (!holder) return undefined;
  return endorsable(db).find((m) => m.holderId === holder.id && m.volunteerId !== volunteer?.id);
}

export function seedDemoEndorsements(db: Db, now: Date): EndorsementCounts {
  const counts: EndorsementCounts = { published: 0, pending: 0 };
  const recommended = onClubFundableProject(db);
  if (recommended) {
    expectOk(
      writeEndorsement(
        db,
        recommended.id,
        recommended.volunteerId,
        {
          workedOn:
            "Le calcul des marges, le prévisionnel sur trois ans et la préparation du dossier présenté aux financeurs.",
          progress:
            "Les marges sont maintenant suivies chaque semaine sans moi, et le plan de financement a été défendu avec aisance devant le comité de prêt d'honneur.",
          level: "vivement",
        },
        daysBefore(now, 12),
      ),
      "write",
    );
    expectOk(decideEndorsement(db, recommended.id, recommended.holderId, "publier", daysBefore(now, 11)), "publish");
    counts.published += 1;
  }
  const awaiting = ofDemoHolder(db);
  if (awaiting) {
    expectOk(
      writeEndorsement(
        db,
        awaiting.id,
        awaiting.volunteerId,
        {
          workedOn: "Le choix du statut juridique et la préparation des premiers rendez-vous avec les partenaires du projet.",
          progress: "Le projet a trouvé sa forme juridique et ses premiers partenaires ; il reste à boucler son financement.",
          level: "recommande",
        },
        daysBefore(now, 2),
      ),
      "write pending",
    );
    counts.pending += 1;
  }
  return counts;
}
