/**
 * Who may see or act on a mentorship: its two parties, and for reading the
 * animation team of the project's pôle (and admins). Anyone else gets a 404
 * (its existence is not revealed); a reader the rule's scope does not reach
 * gets a 403.
 */
import { sideOf } from "~/domain/mentorship";
import { isStaffOfAny, reaches, type ObjectFacts } from "~/domain/permissions";
import { getMentorshipDetail, type MentorshipDetail } from "~/models/mentorship.server";
import { territoryIdsForCommune } from "~/models/project.server";
import type { Auth } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { forbidden, notFound, parseId } from "~/utils/http.server";
import type { Permit } from "./authorize.server";

export function mentorshipFacts(m: Pick<MentorshipDetail, "holderId" | "volunteerId" | "projectCommuneCode">): ObjectFacts {
  return {
    ownerIds: [m.holderId, m.volunteerId],
    get territoryIds() {
      return territoryIdsForCommune(getDb(), m.projectCommuneCode);
    },
  };
}

export function loadMentorship(permit: Permit<Auth>, idParam: string | undefined) {
  const m = getMentorshipDetail(getDb(), parseId(idParam));
  if (!m) throw notFound("Accompagnement introuvable");
  const side = sideOf(permit.auth.userId, m);
  const facts = mentorshipFacts(m);
  if (!side && !isStaffOfAny(permit.auth, facts.territoryIds ?? [])) throw notFound("Accompagnement introuvable");
  if (!reaches(permit.auth, permit.rule, "mentorship", facts)) throw forbidden(permit.rule.refusal ?? "Vous ne pouvez pas faire cela.");
  return { m, side };
}
