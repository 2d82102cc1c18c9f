/**
 * Who may see or act in a club. A club that does not exist is a 404; the
 * rule's scope (`member`, with an office for some actions) decides the rest
 * (403). Reaching a club, by any of its pages or actions, first closes its
 * votes whose deadline has passed.
 */
import { clubPermissions, type ClubPermissions } from "~/domain/clubs/lifecycle";
import { reaches } from "~/domain/permissions";
import { closeDueVotes } from "~/models/club-vote.server";
import { getClub, getMembership, type ClubMemberRow, type ClubRow } from "~/models/club.server";
import type { Auth } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { forbidden, notFound, parseId } from "~/utils/http.server";
import type { Permit } from "./authorize.server";

export type ClubAccess<A extends Auth | null = Auth | null> = {
  auth: A;
  club: ClubRow;
  member: ClubMemberRow | null;
  can: ClubPermissions;
};

/** The club named in the URL (404 when unknown), its due votes closed, if the rule's scope reaches it (403). */
export function loadClub<A extends Auth | null>(permit: Permit<A>, idParam: string | undefined, now = new Date()): ClubAccess<A> {
  const club = getClub(getDb(), parseId(idParam));
  if (!club) throw notFound("Club introuvable");
  closeDueVotes(getDb(), club.id, now);
  const member = permit.auth ? (getMembership(getDb(), club.id, permit.auth.userId) ?? null) : null;
  const can = clubPermissions(member);
  if (!reaches(permit.auth, permit.rule, "club", { club: can })) {
    throw forbidden(permit.rule.refusal ?? "Cette page est réservée aux membres actifs du club.");
  }
  // An invitation is its invitee's own.
  const invitee = member?.status === "invite" ? [member.userId] : [];
  if (!reaches(permit.auth, permit.rule, "invitation", { ownerIds: invitee })) {
    throw forbidden(permit.rule.refusal ?? "Aucune invitation en attente pour vous dans ce club.");
  }
  return { auth: permit.auth, club, member, can };
}

/** As `loadClub`, for rules whose scope is the club's members: the member's row comes with it. */
export function loadClubAsMember<A extends Auth>(
  permit: Permit<A>,
  idParam: string | undefined,
  now = new Date(),
): ClubAccess<A> & { member: ClubMemberRow } {
  const access = loadClub(permit, idParam, now);
  if (!access.member || !access.can.isMember) throw forbidden("Cette page est réservée aux membres actifs du club.");
  return { ...access, member: access.member };
}
