/**
 * Per-object checks for the club routes: a club that does not exist is a 404;
 * its internal pages and actions are for its active members (403 otherwise),
 * and some actions for one office (gérant, trésorier…). Reaching a club, by
 * any of its pages or actions, first closes its votes whose deadline has passed.
 */
import { clubPermissions, type ClubPermissions } from "~/domain/clubs/lifecycle";
import { closeDueVotes } from "~/models/club-vote.server";
import { getClub, getMembership, type ClubMemberRow, type ClubRow } from "~/models/club.server";
import { getAuth, requireUser, type Auth } from "./auth.server";
import { getDb } from "./db.server";
import { forbidden, notFound, parseId } from "./http.server";

export type ClubAccess = {
  auth: Auth | null;
  club: ClubRow;
  member: ClubMemberRow | null;
  can: ClubPermissions;
};

/** The club (404 when unknown), its due votes closed, and what the person asking may do in it. */
export function loadClub(request: Request, idParam: string | undefined, now = new Date()): ClubAccess {
  const auth = getAuth(request);
  const club = getClub(getDb(), parseId(idParam));
  if (!club) throw notFound("Club introuvable");
  closeDueVotes(getDb(), club.id, now);
  const member = auth ? (getMembership(getDb(), club.id, auth.user.id) ?? null) : null;
  return { auth, club, member, can: clubPermissions(member) };
}

/** A signed-in active member of this club; anyone else gets 403. */
export function requireClubMember(
  request: Request,
  idParam: string | undefined,
  now = new Date(),
): ClubAccess & { auth: Auth; member: ClubMemberRow } {
  requireUser(request);
  const access = loadClub(request, idParam, now);
  if (!access.can.isMember || !access.auth || !access.member) {
    throw forbidden("Cette page est réservée aux membres actifs du club.");
  }
  return { ...access, auth: access.auth, member: access.member };
}

/** Throws 403 unless the member's office allows `permission`. */
export function requireClubPermission(access: ClubAccess, permission: keyof ClubPermissions, message: string): void {
  if (!access.can[permission]) throw forbidden(message);
}
