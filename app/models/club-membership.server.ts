/**
 * A club's members: requests to join, invitations, the gérant's decisions,
 * offices, leaving, and each member's declared monthly savings.
 * Every state change reads and writes inside one IMMEDIATE transaction, after
 * asking the rules of app/domain/clubs/ (the matcher sees every write by itself:
 * see app/models/matching-store.server.ts).
 */
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { clubAccompanyingMembers, clubMembers, clubs, users } from "#db/schema";
import type { ClubMemberRole } from "~/domain/vocabulary";
import { canAddActiveMember, clubPermissions, MIN_ACTIVE_MEMBERS } from "~/domain/clubs/lifecycle";
import { writeTransaction, type Db, type Reader, type Writer } from "~/utils/db.server";
import { hasRole } from "~/domain/permissions";
import { noticeInvitation, noticeJoinDecision, noticeJoinRequest } from "./club-notices.server";
import { fail, type Failure, type Outcome } from "./outcome";
import { getActor } from "./user.server";
import { getClub, getMembership, countActive, type ClubRow, type ClubMemberRow } from "./club.server";

export type MemberView = {
  userId: number;
  displayName: string;
  email: string;
  role: ClubMemberRole;
  status: ClubMemberRow["status"];
  monthlySavingsCents: number;
  joinedAt: Date | null;
};

export function listMembers(db: Db, clubId: number): MemberView[] {
  return db
    .select({
      userId: clubMembers.userId,
      displayName: users.displayName,
      email: users.email,
      role: clubMembers.role,
      status: clubMembers.status,
      monthlySavingsCents: clubMembers.monthlySavingsCents,
      joinedAt: clubMembers.joinedAt,
    })
    .from(clubMembers)
    .innerJoin(users, eq(users.id, clubMembers.userId))
    .where(and(eq(clubMembers.clubId, clubId), ne(clubMembers.status, "parti")))
    .orderBy(
      sql`case ${clubMembers.role} when 'gerant' then 0 when 'tresorier' then 1 when 'secretaire' then 2 else 3 end`,
      asc(users.displayName),
    )
    .all();
}

function isSaver(q: Reader, userId: number): boolean {
  return hasRole(getActor(q, userId), "epargnant");
}

function joinable(club: ClubRow | undefined): Failure | null {
  if (!club) return fail(404, "Club introuvable.");
  if (club.status === "liquide" || club.status === "en-gestion") {
    return fail(409, "Ce club n'accueille plus de nouveaux membres.");
  }
  return null;
}

/** An épargnant asks to join; the gérant decides. */
export function requestToJoin(db: Db, clubId: number, userId: number, now: Date): Outcome {
  return writeTransaction(db, (tx): Outcome => {
    const refused = joinable(getClub(tx, clubId));
    if (refused) return refused;
    if (!isSaver(tx, userId)) return fail(403, "Seuls les épargnants peuvent rejoindre un club. Ajoutez ce rôle dans votre compte.");
    const existing = getMembership(tx, clubId, userId);
    if (existing && existing.status !== "parti") return fail(409, "Vous êtes déjà membre de ce club ou en attente de réponse.");
    tx.insert(clubMembers)
      .values({ clubId, userId, role: "membre", status: "demande", createdAt: now })
      .onConflictDoUpdate({
        target: [clubMembers.clubId, clubMembers.userId],
        set: { status: "demande", role: "membre", joinedAt: null, leftAt: null, createdAt: now },
      })
      .run();
    noticeJoinRequest(tx, clubId, userId, now);
    return { ok: true };
  });
}

export type JoinRequestToDecide = { clubId: number; clubName: string; userId: number; displayName: string; requestedAt: Date };

/** The requests to join waiting in the clubs where the person decides them (the `manageMembers` office). */
export function listJoinRequestsToDecide(q: Reader, actorId: number): JoinRequestToDecide[] {
  const clubIds = q
    .select({ clubId: clubMembers.clubId, role: clubMembers.role, status: clubMembers.status })
    .from(clubMembers)
    .where(and(eq(clubMembers.userId, actorId), eq(clubMembers.status, "actif")))
    .all()
    .filter((m) => clubPermissions(m).manageMembers)
    .map((m) => m.clubId);
  if (clubIds.length === 0) return [];
  return q
    .select({ clubId: clubs.id, clubName: clubs.name, userId: users.id, displayName: users.displayName, requestedAt: clubMembers.createdAt })
    .from(clubMembers)
    .innerJoin(clubs, eq(clubs.id, clubMembers.clubId))
    .innerJoin(users, eq(users.id, clubMembers.userId))
    .where(and(inArray(clubMembers.clubId, clubIds), eq(clubMembers.status, "demande")))
    .orderBy(asc(clubMembers.createdAt), asc(clubMembers.userId))
    .all();
}

/** The same rule as the permission table's: only the gérant manages the club's members. */
function notManager(q: Reader, clubId: number, actorId: number, message: string): Failure | null {
  return clubPermissions(getMembership(q, clubId, actorId) ?? null).manageMembers ? null : fail(403, message);
}

/** The gérant invites an épargnant by the e-mail of their account. */
export function inviteMember(db: Db, clubId: number, actorId: number, email: string, now: Date): Outcome {
  return writeTransaction(db, (tx): Outcome => {
    const refused = notManager(tx, clubId, actorId, "Seul le gérant invite de nouveaux membres.") ?? joinable(getClub(tx, clubId));
    if (refused) return refused;
    const user = tx.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get();
    if (!user) return fail(400, "Aucun compte Maillon n'a cette adresse : la personne doit d'abord s'inscrire comme épargnant.", "email");
    if (!isSaver(tx, user.id)) {
      return fail(400, "Cette personne n'est pas inscrite comme épargnant : elle peut ajouter ce rôle dans son compte.", "email");
    }
    const existing = getMembership(tx, clubId, user.id);
    if (existing?.status === "actif") return fail(400, "Cette personne est déjà membre du club.", "email");
    if (existing?.status === "invite") return fail(400, "Cette personne a déjà été invitée.", "email");
    if (existing?.status === "demande") {
      return fail(400, "Cette personne a demandé à rejoindre le club : acceptez sa demande ci-dessous.", "email");
    }
    tx.insert(clubMembers)
      .values({ clubId, userId: user.id, role: "membre", status: "invite", createdAt: now })
      .onConflictDoUpdate({
        target: [clubMembers.clubId, clubMembers.userId],
        set: { status: "invite", role: "membre", joinedAt: null, leftAt: null, createdAt: now },
      })
      .run();
    noticeInvitation(tx, clubId, user.id, now);
    return { ok: true };
  });
}

function activate(tx: Writer, clubId: number, userId: number, now: Date): Outcome {
  if (!canAddActiveMember(countActive(tx, clubId))) {
    return fail(409, "Le club compte déjà 20 membres actifs, le maximum pour un club CIGALES.");
  }
  tx.update(clubMembers)
    .set({ status: "actif", joinedAt: now, leftAt: null })
    .where(and(eq(clubMembers.clubId, clubId), eq(clubMembers.userId, userId)))
    .run();
  return { ok: true };
}

/** The invited person accepts (becomes active) or declines. */
export function respondToInvitation(db: Db, clubId: number, userId: number, accept: boolean, now: Date): Outcome {
  return writeTransaction(db, (tx): Outcome => {
    const member = getMembership(tx, clubId, userId);
    if (!member || member.status !== "invite") return fail(409, "Aucune invitation en attente pour vous dans ce club.");
    if (accept) return activate(tx, clubId, userId, now);
    tx.delete(clubMembers).where(and(eq(clubMembers.clubId, clubId), eq(clubMembers.userId, userId))).run();
    return { ok: true };
  });
}

/** The gérant accepts or refuses a request to join. */
export function decideRequest(db: Db, clubId: number, actorId: number, userId: number, accept: boolean, now: Date): Outcome {
  return writeTransaction(db, (tx): Outcome => {
    const refused = notManager(tx, clubId, actorId, "Seul le gérant répond aux demandes.");
    if (refused) return refused;
    const member = getMembership(tx, clubId, userId);
    if (!member || member.status !== "demande") return fail(409, "Cette demande n'est plus en attente.");
    if (accept) {
      const activated = activate(tx, clubId, userId, now);
      if (activated.ok) noticeJoinDecision(tx, clubId, userId, true, now);
      return activated;
    }
    tx.delete(clubMembers).where(and(eq(clubMembers.clubId, clubId), eq(clubMembers.userId, userId))).run();
    noticeJoinDecision(tx, clubId, userId, false, now);
    return { ok: true };
  });
}

/**
 * Names an active member to an office. Each office is held by one member:
 * the previous holder becomes a plain member. The gérant's office moves only
 * to another member (the club always has one).
 */
export function setOfficer(db: Db, clubId: number, actorId: number, userId: number, role: ClubMemberRole): Outcome {
  return writeTransaction(db, (tx): Outcome => {
    const refused = notManager(tx, clubId, actorId, "Seul le gérant nomme les responsables du club.");
    if (refused) return refused;
    const member = getMembership(tx, clubId, userId);
    if (!member || member.status !== "actif") return fail(400, "Choisissez un membre actif du club.", "userId");
    if (member.role === "gerant" && role !== "gerant") {
      return fail(400, "Pour changer de gérant, nommez un autre membre gérant : le club en a toujours un.", "role");
    }
    if (role !== "membre") {
      tx.update(clubMembers)
        .set({ role: "membre" })
        .where(and(eq(clubMembers.clubId, clubId), eq(clubMembers.role, role), ne(clubMembers.userId, userId)))
        .run();
    }
    tx.update(clubMembers)
      .set({ role })
      .where(and(eq(clubMembers.clubId, clubId), eq(clubMembers.userId, userId)))
      .run();
    return { ok: true };
  });
}

/**
 * An active member leaves the club: their line stays (« parti »), and so does
 * their share of the ledger, which keeps balancing. The gérant hands over to
 * another member first, and an investing club never drops below 5 active
 * members this way.
 */
export function leaveClub(db: Db, clubId: number, userId: number, now: Date): Outcome {
  return writeTransaction(db, (tx): Outcome => {
    const club = getClub(tx, clubId);
    if (!club) return fail(404, "Club introuvable.");
    const member = getMembership(tx, clubId, userId);
    if (!member || member.status !== "actif") return fail(409, "Vous n'êtes pas membre actif de ce club.");
    const remaining = countActive(tx, clubId) - 1;
    if (member.role === "gerant" && remaining > 0) {
      return fail(409, "Vous êtes le gérant du club : nommez d'abord un autre membre gérant, puis vous pourrez partir.");
    }
    if (club.status === "en-epargne" && remaining < MIN_ACTIVE_MEMBERS) {
      return fail(
        409,
        `Le club est en épargne et investissement : il doit garder au moins ${MIN_ACTIVE_MEMBERS} membres actifs, et votre départ le ferait passer à ${remaining}. Un nouveau membre doit d'abord le rejoindre.`,
      );
    }
    tx.update(clubMembers)
      .set({ status: "parti", role: "membre", leftAt: now })
      .where(and(eq(clubMembers.clubId, clubId), eq(clubMembers.userId, userId)))
      .run();
    tx.delete(clubAccompanyingMembers)
      .where(and(eq(clubAccompanyingMembers.clubId, clubId), eq(clubAccompanyingMembers.userId, userId)))
      .run();
    return { ok: true };
  });
}

/** A member declares how much they save each month. */
export function setMonthlySavings(db: Db, clubId: number, userId: number, cents: number): Outcome {
  if (!Number.isSafeInteger(cents) || cents < 0) return fail(400, "Montant invalide.", "monthlySavings");
  return writeTransaction(db, (tx): Outcome => {
    const member = getMembership(tx, clubId, userId);
    if (!member || member.status !== "actif") return fail(403, "Seuls les membres actifs déclarent une épargne.");
    tx.update(clubMembers)
      .set({ monthlySavingsCents: cents })
      .where(and(eq(clubMembers.clubId, clubId), eq(clubMembers.userId, userId)))
      .run();
    return { ok: true };
  });
}

