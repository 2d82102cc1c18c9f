/**
 * CIGALES clubs: members, ledger, deal flow, meetings, votes, commitments and
 * accompanying members — the only place that reads or writes these tables.
 * Every state change reads and writes inside one IMMEDIATE transaction, after
 * asking the rules of app/domain/clubs/ (the matcher sees every write by itself:
 * see app/models/matching-store.server.ts).
 */
import { and, asc, count, desc, eq, gte, inArray, lte, ne, sql, sum } from "drizzle-orm";
import {
  activityDomains,
  clubAccompanyingMembers,
  clubAreas,
  clubBallots,
  clubCommitments,
  clubDeals,
  clubLedgerEntries,
  clubMeetings,
  clubMembers,
  clubs,
  clubSectors,
  clubVotes,
  communes,
  departments,
  projectFundingNeeds,
  projects,
  territories,
  territoryCommunes,
  userRoles,
  users,
} from "#db/schema";
import type { BallotChoice, ClubMemberRole, ClubStatus, DealStage, DecisionRule, Instrument, LedgerKind, VoteOutcome } from "~/domain/vocabulary";
import { checkCommitment, type CommitmentCheck } from "~/domain/clubs/commitment";
import { INSTRUMENT_LABELS } from "~/domain/clubs/labels";
import {
  canAddActiveMember,
  canInvest,
  clubPermissions,
  ledgerKindAllowed,
  MIN_ACTIVE_MEMBERS,
  transition,
  type LifecycleAction,
} from "~/domain/clubs/lifecycle";
import { parisIsoDate } from "~/domain/paris-time";
import {
  checkMovement,
  ledgerTotals,
  memberShares,
  type LedgerMovement,
  type LedgerTotals,
  type MemberShare,
} from "~/domain/clubs/ledger";
import { checkBallot, countBallots, shouldClose, tally, voteOutcome, type VoteRule, type VoteTally } from "~/domain/clubs/vote";
import { writeTransaction, type Db, type Reader, type Writer } from "~/utils/db.server";
import { formatEuros } from "~/domain/format";
import { fail, type Failure, type Outcome } from "./outcome";

export type ClubRow = typeof clubs.$inferSelect;
export type ClubMemberRow = typeof clubMembers.$inferSelect;

/* ------------------------------------------------------------------ clubs */

export type ClubInput = {
  territoryId: number;
  name: string;
  description: string;
  decisionRule: DecisionRule;
  qualifiedMajorityPct: number;
  quorumPct: number;
  maxStakeBps: number;
  ticketMinCents: number;
  ticketMaxCents: number;
  /** Planned start, ISO date. */
  startedOn: string | null;
  activityDomainIds: number[];
  departmentCodes: string[];
  /** Single communes (INSEE codes), besides or instead of whole departments. */
  communeCodes?: string[];
};

/** The codes among `codes` that lie in the pôle's perimeter. */
export function communesInPerimeter(db: Db, territoryId: number, codes: string[]): Set<string> {
  if (codes.length === 0) return new Set();
  return new Set(
    db
      .select({ code: territoryCommunes.communeCode })
      .from(territoryCommunes)
      .where(and(eq(territoryCommunes.territoryId, territoryId), inArray(territoryCommunes.communeCode, codes)))
      .all()
      .map((r) => r.code),
  );
}

/** Where and in what the club invests: its preferred sectors and its areas. */
export type ClubScope = Pick<ClubInput, "activityDomainIds" | "departmentCodes" | "communeCodes">;

/** Replaces the club's sectors and areas (departments and single communes). */
function writeScope(tx: Writer, clubId: number, scope: ClubScope): void {
  tx.delete(clubSectors).where(eq(clubSectors.clubId, clubId)).run();
  tx.delete(clubAreas).where(eq(clubAreas.clubId, clubId)).run();
  const sectors = [...new Set(scope.activityDomainIds)];
  if (sectors.length > 0) {
    tx.insert(clubSectors).values(sectors.map((activityDomainId) => ({ clubId, activityDomainId }))).run();
  }
  const areas = [...new Set(scope.departmentCodes)];
  if (areas.length > 0) {
    tx.insert(clubAreas).values(areas.map((departmentCode) => ({ clubId, departmentCode }))).run();
  }
  const places = [...new Set(scope.communeCodes ?? [])];
  if (places.length > 0) {
    tx.insert(clubAreas).values(places.map((communeCode) => ({ clubId, communeCode }))).run();
  }
}

/** Creates the club in constitution with its founder as active gérant. */
export function createClub(db: Db, founderId: number, input: ClubInput, now: Date): ClubRow {
  return writeTransaction(db, (tx) => {
    const { activityDomainIds, departmentCodes, communeCodes = [], ...fields } = input;
    const row = tx
      .insert(clubs)
      .values({ ...fields, status: "en-constitution", createdAt: now, updatedAt: now })
      .returning()
      .get();
    writeScope(tx, row.id, { activityDomainIds, departmentCodes, communeCodes });
    tx.insert(clubMembers)
      .values({ clubId: row.id, userId: founderId, role: "gerant", status: "actif", joinedAt: now, createdAt: now })
      .run();
    return row;
  });
}

/** What the gérant may change after creation. */
export type ClubSettingsInput = Omit<ClubInput, "territoryId" | "name" | "startedOn">;

/** The club's sectors and areas as stored, to fill the settings form. */
export function getClubScope(db: Db, clubId: number): Required<ClubScope> {
  const areas = db.select().from(clubAreas).where(eq(clubAreas.clubId, clubId)).all();
  return {
    activityDomainIds: db
      .select({ id: clubSectors.activityDomainId })
      .from(clubSectors)
      .where(eq(clubSectors.clubId, clubId))
      .all()
      .map((r) => r.id),
    departmentCodes: areas.flatMap((a) => (a.departmentCode ? [a.departmentCode] : [])),
    communeCodes: areas.flatMap((a) => (a.communeCode ? [a.communeCode] : [])),
  };
}

function hasOpenVote(q: Reader, clubId: number): boolean {
  return !!q
    .select({ id: clubVotes.id })
    .from(clubVotes)
    .where(and(eq(clubVotes.clubId, clubId), eq(clubVotes.status, "ouvert")))
    .get();
}

/**
 * The gérant changes the club's settings. The decision rule and quorum of a
 * vote under way stay those its members were told: they change only once no
 * vote is open.
 */
export function updateClubSettings(db: Db, clubId: number, actorId: number, input: ClubSettingsInput, now: Date): Outcome {
  return writeTransaction(db, (tx): Outcome => {
    const club = getClub(tx, clubId);
    if (!club) return fail(404, "Club introuvable.");
    if (!clubPermissions(getMembership(tx, clubId, actorId) ?? null).manageMembers) {
      return fail(403, "Seul le gérant du club modifie ses paramètres.");
    }
    if (club.status === "liquide") return fail(409, "Un club liquidé ne modifie plus ses paramètres.");
    const { activityDomainIds, departmentCodes, communeCodes = [], ...fields } = input;
    const ruleChanged =
      fields.decisionRule !== club.decisionRule ||
      fields.quorumPct !== club.quorumPct ||
      (fields.decisionRule === "majorite-qualifiee" && fields.qualifiedMajorityPct !== club.qualifiedMajorityPct);
    if (ruleChanged && hasOpenVote(tx, clubId)) {
      return fail(
        409,
        "Un vote est en cours : la règle de décision et le quorum ne changent qu'une fois tous les votes clos.",
        "decisionRule",
      );
    }
    tx.update(clubs).set({ ...fields, updatedAt: now }).where(eq(clubs.id, clubId)).run();
    writeScope(tx, clubId, { activityDomainIds, departmentCodes, communeCodes });
    return { ok: true };
  });
}

export function getClub(q: Reader, clubId: number): ClubRow | undefined {
  return q.select().from(clubs).where(eq(clubs.id, clubId)).get();
}

export function getMembership(q: Reader, clubId: number, userId: number): ClubMemberRow | undefined {
  return q
    .select()
    .from(clubMembers)
    .where(and(eq(clubMembers.clubId, clubId), eq(clubMembers.userId, userId)))
    .get();
}

function countActive(q: Reader, clubId: number): number {
  return (
    q
      .select({ n: count() })
      .from(clubMembers)
      .where(and(eq(clubMembers.clubId, clubId), eq(clubMembers.status, "actif")))
      .get()?.n ?? 0
  );
}

const balanceSql = sql<number>`coalesce(sum(case when ${clubLedgerEntries.kind} in ('cotisation', 'remboursement', 'dividende') then ${clubLedgerEntries.amountCents} else -${clubLedgerEntries.amountCents} end), 0)`;

/** The club's money available: Σ in − Σ out of its ledger. */
export function clubBalance(q: Reader, clubId: number): number {
  return q.select({ b: balanceSql }).from(clubLedgerEntries).where(eq(clubLedgerEntries.clubId, clubId)).get()?.b ?? 0;
}

export type ClubListItem = {
  id: number;
  name: string;
  status: ClubStatus;
  territoryName: string;
  territorySlug: string;
  activeMembers: number;
  committedCents: number;
  myStatus: string | null;
};

/** Every club, by name, with its pôle, member count and total committed. */
export function listClubs(db: Db, viewerId: number | null): ClubListItem[] {
  const rows = db
    .select({
      id: clubs.id,
      name: clubs.name,
      status: clubs.status,
      territoryName: territories.name,
      territorySlug: territories.slug,
      activeMembers: sql<number>`(select count(*) from ${clubMembers} where ${clubMembers.clubId} = ${clubs.id} and ${clubMembers.status} = 'actif')`,
      committedCents: sql<number>`(select coalesce(sum(${clubCommitments.amountCents}), 0) from ${clubCommitments} where ${clubCommitments.clubId} = ${clubs.id})`,
    })
    .from(clubs)
    .innerJoin(territories, eq(territories.id, clubs.territoryId))
    .orderBy(asc(clubs.name))
    .all();
  const mine = new Map(
    viewerId === null
      ? []
      : db
          .select({ clubId: clubMembers.clubId, status: clubMembers.status })
          .from(clubMembers)
          .where(eq(clubMembers.userId, viewerId))
          .all()
          .map((m) => [m.clubId, m.status] as const),
  );
  return rows.map((r) => ({ ...r, myStatus: mine.get(r.id) ?? null }));
}

export type ClubDetail = ClubRow & {
  territoryName: string;
  territorySlug: string;
  sectors: { id: number; name: string }[];
  areas: string[];
  activeMembers: number;
  balanceCents: number;
  commitments: CommitmentView[];
};

export type CommitmentView = {
  id: number;
  projectId: number;
  projectTitle: string;
  amountCents: number;
  instrument: Instrument;
  committedAt: Date;
  accompanying: { userId: number; displayName: string }[];
};

export function getClubDetail(db: Db, clubId: number): ClubDetail | undefined {
  const club = getClub(db, clubId);
  if (!club) return undefined;
  const territory = db.select().from(territories).where(eq(territories.id, club.territoryId)).get()!;
  const sectors = db
    .select({ id: activityDomains.id, name: activityDomains.name })
    .from(clubSectors)
    .innerJoin(activityDomains, eq(activityDomains.id, clubSectors.activityDomainId))
    .where(eq(clubSectors.clubId, clubId))
    .orderBy(asc(activityDomains.name))
    .all();
  const areas = db
    .select({ department: departments.name, departmentCode: departments.code, commune: communes.name })
    .from(clubAreas)
    .leftJoin(departments, eq(departments.code, clubAreas.departmentCode))
    .leftJoin(communes, eq(communes.code, clubAreas.communeCode))
    .where(eq(clubAreas.clubId, clubId))
    .all()
    .map((a) => (a.department ? `${a.department} (${a.departmentCode})` : (a.commune ?? "")));
  return {
    ...club,
    territoryName: territory.name,
    territorySlug: territory.slug,
    sectors,
    areas,
    activeMembers: countActive(db, clubId),
    balanceCents: clubBalance(db, clubId),
    commitments: listClubCommitments(db, clubId),
  };
}

export function listClubCommitments(db: Db, clubId: number): CommitmentView[] {
  const rows = db
    .select({
      id: clubCommitments.id,
      projectId: clubCommitments.projectId,
      projectTitle: projects.title,
      amountCents: clubCommitments.amountCents,
      instrument: clubCommitments.instrument,
      committedAt: clubCommitments.committedAt,
    })
    .from(clubCommitments)
    .innerJoin(projects, eq(projects.id, clubCommitments.projectId))
    .where(eq(clubCommitments.clubId, clubId))
    .orderBy(desc(clubCommitments.committedAt))
    .all();
  const followers = db
    .select({ projectId: clubAccompanyingMembers.projectId, userId: users.id, displayName: users.displayName })
    .from(clubAccompanyingMembers)
    .innerJoin(users, eq(users.id, clubAccompanyingMembers.userId))
    .where(eq(clubAccompanyingMembers.clubId, clubId))
    .orderBy(asc(users.displayName))
    .all();
  return rows.map((r) => ({
    ...r,
    accompanying: followers.filter((f) => f.projectId === r.projectId).map(({ userId, displayName }) => ({ userId, displayName })),
  }));
}

/** The gérant moves the club through its life; the roster is read in the same transaction. */
export function changeLifecycle(db: Db, clubId: number, action: LifecycleAction, now: Date): Outcome {
  return writeTransaction(db, (tx): Outcome => {
    const club = getClub(tx, clubId);
    if (!club) return fail(404, "Club introuvable.");
    const officers = tx
      .select({ role: clubMembers.role })
      .from(clubMembers)
      .where(and(eq(clubMembers.clubId, clubId), eq(clubMembers.status, "actif")))
      .all();
    const roster = {
      activeMembers: officers.length,
      hasGerant: officers.some((o) => o.role === "gerant"),
      hasTresorier: officers.some((o) => o.role === "tresorier"),
    };
    const next = transition(club, action, roster, now);
    if (!next.ok) return fail(409, next.message);
    tx.update(clubs).set({ ...next.patch, updatedAt: now }).where(eq(clubs.id, clubId)).run();
    return { ok: true };
  });
}

/* ---------------------------------------------------------------- members */

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
  return !!q
    .select({ role: userRoles.role })
    .from(userRoles)
    .where(and(eq(userRoles.userId, userId), inArray(userRoles.role, ["epargnant", "admin"])))
    .get();
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
    return { ok: true };
  });
}

/** The gérant invites an épargnant by the e-mail of their account. */
export function inviteMember(db: Db, clubId: number, email: string, now: Date): Outcome {
  return writeTransaction(db, (tx): Outcome => {
    const refused = joinable(getClub(tx, clubId));
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
export function decideRequest(db: Db, clubId: number, userId: number, accept: boolean, now: Date): Outcome {
  return writeTransaction(db, (tx): Outcome => {
    const member = getMembership(tx, clubId, userId);
    if (!member || member.status !== "demande") return fail(409, "Cette demande n'est plus en attente.");
    if (accept) return activate(tx, clubId, userId, now);
    tx.delete(clubMembers).where(and(eq(clubMembers.clubId, clubId), eq(clubMembers.userId, userId))).run();
    return { ok: true };
  });
}

/**
 * Names an active member to an office. Each office is held by one member:
 * the previous holder becomes a plain member. The gérant's office moves only
 * to another member (the club always has one).
 */
export function setOfficer(db: Db, clubId: number, userId: number, role: ClubMemberRole): Outcome {
  return writeTransaction(db, (tx): Outcome => {
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

/* ----------------------------------------------------------------- ledger */

function movements(q: Reader, clubId: number): LedgerMovement[] {
  return q
    .select({ kind: clubLedgerEntries.kind, amountCents: clubLedgerEntries.amountCents, memberUserId: clubLedgerEntries.memberUserId })
    .from(clubLedgerEntries)
    .where(eq(clubLedgerEntries.clubId, clubId))
    .all();
}

export type LedgerEntryInput = {
  kind: LedgerKind;
  amountCents: number;
  memberUserId: number | null;
  occurredOn: string;
  note: string;
};

/** The treasurer records a bank movement; the ledger must still balance afterwards. */
export function recordLedgerEntry(db: Db, clubId: number, recordedBy: number, input: LedgerEntryInput, now: Date): Outcome {
  return writeTransaction(db, (tx): Outcome => {
    const club = getClub(tx, clubId);
    if (!club) return fail(404, "Club introuvable.");
    if (!clubPermissions(getMembership(tx, clubId, recordedBy) ?? null).recordLedger) {
      return fail(403, "Seuls le trésorier et le gérant du club inscrivent des mouvements.");
    }
    if (!ledgerKindAllowed(club.status, input.kind)) {
      return fail(400, "Ce mouvement n'est pas possible à cette étape de la vie du club.", "kind");
    }
    if (input.kind === "investissement") {
      return fail(400, "Les investissements s'inscrivent par un vote du club, depuis la page Projets.", "kind");
    }
    if (input.memberUserId !== null) {
      const member = getMembership(tx, clubId, input.memberUserId);
      if (!member || (member.status !== "actif" && input.kind === "cotisation")) {
        return fail(400, "Choisissez un membre actif du club.", "memberUserId");
      }
    }
    const check = checkMovement(movements(tx, clubId), input);
    if (!check.ok) return fail(400, check.message, check.field === "member" ? "memberUserId" : "amount");
    tx.insert(clubLedgerEntries)
      .values({
        clubId,
        kind: input.kind,
        amountCents: input.amountCents,
        memberUserId: input.kind === "cotisation" || input.kind === "retrait" ? input.memberUserId : null,
        occurredOn: input.occurredOn,
        note: input.note,
        recordedBy,
        createdAt: now,
      })
      .run();
    return { ok: true };
  });
}

export type LedgerEntryView = {
  id: number;
  kind: LedgerKind;
  amountCents: number;
  occurredOn: string;
  note: string;
  memberName: string | null;
  projectTitle: string | null;
};

export type Treasury = {
  totals: LedgerTotals;
  entries: LedgerEntryView[];
  shares: (MemberShare & { displayName: string })[];
};

export function getTreasury(db: Db, clubId: number): Treasury {
  const moves = movements(db, clubId);
  const entries = db
    .select({
      id: clubLedgerEntries.id,
      kind: clubLedgerEntries.kind,
      amountCents: clubLedgerEntries.amountCents,
      occurredOn: clubLedgerEntries.occurredOn,
      note: clubLedgerEntries.note,
      memberName: users.displayName,
      projectTitle: projects.title,
    })
    .from(clubLedgerEntries)
    .leftJoin(users, eq(users.id, clubLedgerEntries.memberUserId))
    .leftJoin(projects, eq(projects.id, clubLedgerEntries.projectId))
    .where(eq(clubLedgerEntries.clubId, clubId))
    .orderBy(desc(clubLedgerEntries.occurredOn), desc(clubLedgerEntries.id))
    .all();
  const names = new Map(
    db
      .select({ id: users.id, displayName: users.displayName, status: clubMembers.status })
      .from(clubMembers)
      .innerJoin(users, eq(users.id, clubMembers.userId))
      .where(eq(clubMembers.clubId, clubId))
      .all()
      // A member who left keeps their share until the club pays it back.
      .map((u) => [u.id, u.status === "parti" ? `${u.displayName} (a quitté le club)` : u.displayName]),
  );
  const shares = memberShares(moves).map((s) => ({ ...s, displayName: names.get(s.userId) ?? "Ancien membre" }));
  return { totals: ledgerTotals(moves), entries, shares };
}

/* -------------------------------------------------------------- deal flow */

export type DealView = {
  id: number;
  projectId: number;
  projectTitle: string;
  projectStatus: string;
  stage: DealStage;
  notes: string;
  needCents: number | null;
  updatedAt: Date;
  openVoteId: number | null;
  lastVote: { id: number; outcome: VoteOutcome | null; outcomeNote: string } | null;
};

export function listDeals(db: Db, clubId: number): DealView[] {
  const deals = db
    .select({
      id: clubDeals.id,
      projectId: clubDeals.projectId,
      projectTitle: projects.title,
      projectStatus: projects.status,
      stage: clubDeals.stage,
      notes: clubDeals.notes,
      needCents: projectFundingNeeds.amountCents,
      updatedAt: clubDeals.updatedAt,
    })
    .from(clubDeals)
    .innerJoin(projects, eq(projects.id, clubDeals.projectId))
    .leftJoin(projectFundingNeeds, eq(projectFundingNeeds.projectId, clubDeals.projectId))
    .where(eq(clubDeals.clubId, clubId))
    .orderBy(desc(clubDeals.updatedAt))
    .all();
  const votes = db
    .select({ id: clubVotes.id, dealId: clubVotes.dealId, status: clubVotes.status, outcome: clubVotes.outcome, outcomeNote: clubVotes.outcomeNote })
    .from(clubVotes)
    .where(eq(clubVotes.clubId, clubId))
    .orderBy(desc(clubVotes.id))
    .all();
  return deals.map((d) => {
    const mine = votes.filter((v) => v.dealId === d.id);
    const open = mine.find((v) => v.status === "ouvert");
    const last = mine[0];
    return {
      ...d,
      openVoteId: open?.id ?? null,
      lastVote: last ? { id: last.id, outcome: last.outcome, outcomeNote: last.outcomeNote } : null,
    };
  });
}

function publishedProject(q: Reader, projectId: number) {
  return q.select().from(projects).where(and(eq(projects.id, projectId), eq(projects.status, "publie"))).get();
}

/** A member spots a published project: it enters the pipeline as « repéré ». */
export function followProject(db: Db, clubId: number, projectId: number, now: Date): Outcome<{ dealId: number }> {
  return writeTransaction(db, (tx): Outcome<{ dealId: number }> => {
    if (!publishedProject(tx, projectId)) return fail(404, "Projet introuvable ou non publié.");
    const existing = tx
      .select({ id: clubDeals.id })
      .from(clubDeals)
      .where(and(eq(clubDeals.clubId, clubId), eq(clubDeals.projectId, projectId)))
      .get();
    if (existing) return { ok: true, dealId: existing.id };
    const deal = tx
      .insert(clubDeals)
      .values({ clubId, projectId, stage: "repere", createdAt: now, updatedAt: now })
      .returning({ id: clubDeals.id })
      .get();
    return { ok: true, dealId: deal.id };
  });
}

function dealOfClub(q: Reader, clubId: number, dealId: number) {
  return q
    .select()
    .from(clubDeals)
    .where(and(eq(clubDeals.id, dealId), eq(clubDeals.clubId, clubId)))
    .get();
}

/** Notes taken while studying the project; a « repéré » deal becomes « étudié ». */
export function studyDeal(db: Db, clubId: number, dealId: number, notes: string, now: Date): Outcome {
  return writeTransaction(db, (tx): Outcome => {
    const deal = dealOfClub(tx, clubId, dealId);
    if (!deal) return fail(404, "Ce projet n'est pas suivi par le club.");
    if (deal.stage !== "repere" && deal.stage !== "etudie") {
      return fail(409, "Ce projet a dépassé l'étape de l'étude.");
    }
    tx.update(clubDeals).set({ stage: "etudie", notes, updatedAt: now }).where(eq(clubDeals.id, dealId)).run();
    return { ok: true };
  });
}

/** The club decides not to go further (without a vote). */
export function dropDeal(db: Db, clubId: number, dealId: number, now: Date): Outcome {
  return writeTransaction(db, (tx): Outcome => {
    const deal = dealOfClub(tx, clubId, dealId);
    if (!deal) return fail(404, "Ce projet n'est pas suivi par le club.");
    if (deal.stage === "vote" || deal.stage === "engage") return fail(409, "Ce projet est au vote ou déjà engagé.");
    tx.update(clubDeals).set({ stage: "refuse", updatedAt: now }).where(eq(clubDeals.id, dealId)).run();
    return { ok: true };
  });
}

/* --------------------------------------------------------------- meetings */

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

/* ------------------------------------------------------------------ votes */

export type OpenVoteInput = { dealId: number; amountCents: number; instrument: Instrument; deadline: Date };

/** What a commitment of `amountCents` by this club to this project would meet. */
function commitmentCheck(q: Reader, club: ClubRow, projectId: number, amountCents: number): CommitmentCheck {
  const need = q.select().from(projectFundingNeeds).where(eq(projectFundingNeeds.projectId, projectId)).get();
  const committed =
    q
      .select({ total: sum(clubCommitments.amountCents) })
      .from(clubCommitments)
      .where(and(eq(clubCommitments.clubId, club.id), eq(clubCommitments.projectId, projectId)))
      .get()?.total ?? 0;
  return checkCommitment({
    amountCents,
    availableCents: clubBalance(q, club.id),
    committedToProjectCents: Number(committed),
    maxStakeBps: club.maxStakeBps,
    companyCapitalCents: need?.companyCapitalCents ?? null,
    needCents: need?.amountCents ?? null,
  });
}

/** The gérant opens a vote on a deal: the amount must already fit the money and the stake cap. */
export function openVote(db: Db, clubId: number, openedBy: number, input: OpenVoteInput, now: Date): Outcome<{ voteId: number }> {
  return writeTransaction(db, (tx): Outcome<{ voteId: number }> => {
    const club = getClub(tx, clubId);
    if (!club) return fail(404, "Club introuvable.");
    if (!clubPermissions(getMembership(tx, clubId, openedBy) ?? null).openVotes) {
      return fail(403, "Seul le gérant du club ouvre un vote.");
    }
    if (!canInvest(club, now)) {
      return fail(409, "Le club n'investit que pendant sa période d'épargne et d'investissement.");
    }
    const deal = dealOfClub(tx, clubId, input.dealId);
    if (!deal) return fail(400, "Choisissez un projet suivi par le club.", "dealId");
    if (deal.stage === "vote") return fail(400, "Un vote est déjà ouvert sur ce projet.", "dealId");
    if (deal.stage === "engage" || deal.stage === "refuse") {
      return fail(400, "Ce projet a déjà fait l'objet d'une décision.", "dealId");
    }
    if (deal.stage === "repere") return fail(400, "Étudiez d'abord le projet (notes, rencontre) avant de le soumettre au vote.", "dealId");
    if (!publishedProject(tx, deal.projectId)) return fail(400, "Ce projet n'est plus publié.", "dealId");
    if (input.deadline.getTime() <= now.getTime()) return fail(400, "La date limite doit être dans le futur.", "deadline");
    const check = commitmentCheck(tx, club, deal.projectId, input.amountCents);
    if (!check.ok) return fail(400, check.message, "amount");
    const eligibleCount = countActive(tx, clubId);
    const vote = tx
      .insert(clubVotes)
      .values({
        clubId,
        dealId: deal.id,
        projectId: deal.projectId,
        amountCents: input.amountCents,
        instrument: input.instrument,
        deadline: input.deadline,
        eligibleCount,
        openedBy,
        openedAt: now,
      })
      .returning({ id: clubVotes.id })
      .get();
    tx.update(clubDeals).set({ stage: "vote", updatedAt: now }).where(eq(clubDeals.id, deal.id)).run();
    return { ok: true, voteId: vote.id };
  });
}

export type VoteRow = typeof clubVotes.$inferSelect;

function ruleOf(club: ClubRow): VoteRule {
  return { decisionRule: club.decisionRule, qualifiedMajorityPct: club.qualifiedMajorityPct, quorumPct: club.quorumPct };
}

function ballotChoices(q: Reader, voteId: number): BallotChoice[] {
  return q
    .select({ choice: clubBallots.choice })
    .from(clubBallots)
    .where(eq(clubBallots.voteId, voteId))
    .all()
    .map((b) => b.choice);
}

/**
 * Closes the vote when it is due (deadline, everyone voted, or result settled).
 * An adopted vote becomes a commitment — and an « investissement » line in
 * the ledger — if the money and the stake cap still allow it; otherwise the
 * reason is kept on the vote and the deal goes back to « étudié ».
 */
function closeIfDue(tx: Writer, vote: VoteRow, now: Date): boolean {
  const club = getClub(tx, vote.clubId)!;
  const counts = countBallots(ballotChoices(tx, vote.id));
  const rule = ruleOf(club);
  if (!shouldClose(rule, { status: vote.status, deadline: vote.deadline, eligible: vote.eligibleCount }, counts, now)) {
    return false;
  }
  const outcome = voteOutcome(rule, vote.eligibleCount, counts);
  let commitmentId: number | null = null;
  let outcomeNote = "";
  let stage: DealStage = outcome === "adopte" ? "engage" : outcome === "rejete" ? "refuse" : "etudie";
  if (outcome === "adopte") {
    const check = canInvest(club, now)
      ? commitmentCheck(tx, club, vote.projectId, vote.amountCents)
      : ({ ok: false, reason: "money", message: "Le club n'est plus en période d'investissement." } as const);
    if (check.ok) {
      commitmentId = commit(tx, vote, now);
    } else {
      outcomeNote = `Vote adopté, mais l'engagement n'a pas pu être enregistré : ${check.message}`;
      stage = "etudie";
    }
  }
  tx.update(clubVotes)
    .set({ status: "clos", outcome, outcomeNote, commitmentId, closedAt: now })
    .where(eq(clubVotes.id, vote.id))
    .run();
  tx.update(clubDeals).set({ stage, updatedAt: now }).where(eq(clubDeals.id, vote.dealId)).run();
  return true;
}

function commit(tx: Writer, vote: VoteRow, now: Date): number {
  const project = tx.select({ title: projects.title }).from(projects).where(eq(projects.id, vote.projectId)).get();
  const row = tx
    .insert(clubCommitments)
    .values({
      clubId: vote.clubId,
      projectId: vote.projectId,
      dealId: vote.dealId,
      amountCents: vote.amountCents,
      instrument: vote.instrument,
      committedAt: now,
    })
    .returning({ id: clubCommitments.id })
    .get();
  tx.insert(clubLedgerEntries)
    .values({
      clubId: vote.clubId,
      kind: "investissement",
      amountCents: vote.amountCents,
      projectId: vote.projectId,
      occurredOn: parisIsoDate(now),
      note: `Engagement voté (${INSTRUMENT_LABELS[vote.instrument].toLowerCase()}) : ${project?.title ?? "projet"}, ${formatEuros(vote.amountCents)}`,
      recordedBy: vote.openedBy,
      createdAt: now,
    })
    .run();
  return row.id;
}

/** A member of the vote's club casts their one ballot; the vote may close with it. */
export function castBallot(db: Db, voteId: number, userId: number, choice: BallotChoice, now: Date): Outcome<{ closed: boolean }> {
  return writeTransaction(db, (tx): Outcome<{ closed: boolean }> => {
    const vote = tx.select().from(clubVotes).where(eq(clubVotes.id, voteId)).get();
    if (!vote) return fail(404, "Vote introuvable.");
    const member = getMembership(tx, vote.clubId, userId) ?? null;
    const alreadyVoted = !!tx
      .select({ userId: clubBallots.userId })
      .from(clubBallots)
      .where(and(eq(clubBallots.voteId, voteId), eq(clubBallots.userId, userId)))
      .get();
    const check = checkBallot({ vote, member, alreadyVoted, now });
    if (!check.ok) {
      // A deadline passed without anyone closing the vote: close it now.
      if (vote.status === "ouvert" && check.status === 409 && !alreadyVoted) closeIfDue(tx, vote, now);
      return fail(check.status, check.message);
    }
    tx.insert(clubBallots).values({ voteId, userId, choice, castAt: now }).run();
    return { ok: true, closed: closeIfDue(tx, vote, now) };
  });
}

/** The gérant closes a vote whose deadline has passed (or whose result is settled). */
export function closeVote(db: Db, clubId: number, voteId: number, now: Date): Outcome {
  return writeTransaction(db, (tx): Outcome => {
    const vote = tx.select().from(clubVotes).where(and(eq(clubVotes.id, voteId), eq(clubVotes.clubId, clubId))).get();
    if (!vote) return fail(404, "Vote introuvable.");
    if (vote.status !== "ouvert") return fail(409, "Ce vote est déjà clos.");
    if (!closeIfDue(tx, vote, now)) return fail(409, "Ce vote reste ouvert jusqu'à sa date limite : des membres peuvent encore changer le résultat.");
    return { ok: true };
  });
}

/** Which open votes to look at: one club's, those on one project, or every club's. */
type VoteScope = { clubId: number } | { projectId: number } | { all: true };

/** The open votes of `scope` whose deadline has passed at `now`. */
function dueVotes(q: Reader, scope: VoteScope, now: Date): VoteRow[] {
  const conditions = [eq(clubVotes.status, "ouvert"), lte(clubVotes.deadline, now)];
  if ("clubId" in scope) conditions.push(eq(clubVotes.clubId, scope.clubId));
  if ("projectId" in scope) conditions.push(eq(clubVotes.projectId, scope.projectId));
  return q
    .select()
    .from(clubVotes)
    .where(and(...conditions))
    .all();
}

/**
 * Closes the votes of `scope` whose deadline has passed, each by its club's
 * rule and quorum (an adopted vote becomes a commitment when the money and
 * the stake cap allow it), in one transaction; the cheap read first spares a
 * write lock when nothing is due. Returns how many votes were closed.
 */
function closeDue(db: Db, scope: VoteScope, now: Date): number {
  if (dueVotes(db, scope, now).length === 0) return 0;
  return writeTransaction(db, (tx) => dueVotes(tx, scope, now).filter((vote) => closeIfDue(tx, vote, now)).length);
}

/** Before any of a club's pages or actions: its votes past their deadline close. */
export function closeDueVotes(db: Db, clubId: number, now: Date): number {
  return closeDue(db, { clubId }, now);
}

/** Before a project's funding is shown: the clubs' votes on it past their deadline close. */
export function closeDueVotesOnProject(db: Db, projectId: number, now: Date): number {
  return closeDue(db, { projectId }, now);
}

/** Before the list of clubs (their totals committed) is shown. */
export function closeAllDueVotes(db: Db, now: Date): number {
  return closeDue(db, { all: true }, now);
}

export type VoteDetail = VoteRow & {
  projectTitle: string;
  tally: VoteTally;
  rule: VoteRule;
  /** What the outcome would be if the vote closed now. */
  provisional: VoteOutcome;
  myChoice: BallotChoice | null;
  voters: { displayName: string; choice: BallotChoice }[];
};

export function getVoteDetail(db: Db, clubId: number, voteId: number, viewerId: number): VoteDetail | undefined {
  const vote = db.select().from(clubVotes).where(and(eq(clubVotes.id, voteId), eq(clubVotes.clubId, clubId))).get();
  if (!vote) return undefined;
  const club = getClub(db, clubId)!;
  const project = db.select({ title: projects.title }).from(projects).where(eq(projects.id, vote.projectId)).get();
  const ballots = db
    .select({ userId: clubBallots.userId, choice: clubBallots.choice, displayName: users.displayName })
    .from(clubBallots)
    .innerJoin(users, eq(users.id, clubBallots.userId))
    .where(eq(clubBallots.voteId, voteId))
    .orderBy(asc(users.displayName))
    .all();
  const counts = countBallots(ballots.map((b) => b.choice));
  const rule = ruleOf(club);
  return {
    ...vote,
    projectTitle: project?.title ?? "",
    tally: tally(rule, vote.eligibleCount, counts),
    rule,
    provisional: voteOutcome(rule, vote.eligibleCount, counts),
    myChoice: ballots.find((b) => b.userId === viewerId)?.choice ?? null,
    voters: ballots.map(({ displayName, choice }) => ({ displayName, choice })),
  };
}

export type VoteListItem = {
  id: number;
  projectTitle: string;
  amountCents: number;
  status: VoteRow["status"];
  outcome: VoteOutcome | null;
  deadline: Date;
};

export function listVotes(db: Db, clubId: number): VoteListItem[] {
  return db
    .select({
      id: clubVotes.id,
      projectTitle: projects.title,
      amountCents: clubVotes.amountCents,
      status: clubVotes.status,
      outcome: clubVotes.outcome,
      deadline: clubVotes.deadline,
    })
    .from(clubVotes)
    .innerJoin(projects, eq(projects.id, clubVotes.projectId))
    .where(eq(clubVotes.clubId, clubId))
    .orderBy(desc(clubVotes.openedAt))
    .all();
}

/* --------------------------------------------------- accompanying members */

/** The 1–2 members who follow a company the club committed to. */
export function setAccompanyingMembers(db: Db, clubId: number, projectId: number, userIds: number[], now: Date): Outcome {
  const ids = [...new Set(userIds)];
  if (ids.length < 1 || ids.length > 2) return fail(400, "Choisissez un ou deux membres pour suivre l'entreprise.", "userIds");
  return writeTransaction(db, (tx): Outcome => {
    const committed = tx
      .select({ id: clubCommitments.id })
      .from(clubCommitments)
      .where(and(eq(clubCommitments.clubId, clubId), eq(clubCommitments.projectId, projectId)))
      .get();
    if (!committed) return fail(404, "Le club n'est pas engagé dans ce projet.");
    for (const userId of ids) {
      if (getMembership(tx, clubId, userId)?.status !== "actif") {
        return fail(400, "Les membres accompagnateurs sont choisis parmi les membres actifs du club.", "userIds");
      }
    }
    tx.delete(clubAccompanyingMembers)
      .where(and(eq(clubAccompanyingMembers.clubId, clubId), eq(clubAccompanyingMembers.projectId, projectId)))
      .run();
    tx.insert(clubAccompanyingMembers).values(ids.map((userId) => ({ clubId, projectId, userId, createdAt: now }))).run();
    return { ok: true };
  });
}

/* ------------------------------------------------------------ for others */

export type MyClub = { id: number; name: string; status: ClubStatus; role: ClubMemberRole; memberStatus: string; openVotes: number };

/**
 * The clubs a person belongs to or is invited to, for « Mon espace », with the
 * votes still awaiting their ballot at `now` (a vote past its deadline waits
 * for no one, even before a club page closes it).
 */
export function listMyClubs(db: Db, userId: number, now = new Date()): MyClub[] {
  return db
    .select({
      id: clubs.id,
      name: clubs.name,
      status: clubs.status,
      role: clubMembers.role,
      memberStatus: clubMembers.status,
      openVotes: sql<number>`(select count(*) from ${clubVotes} where ${clubVotes.clubId} = ${clubs.id} and ${clubVotes.status} = 'ouvert' and ${clubVotes.deadline} > ${now.getTime()} and not exists (select 1 from ${clubBallots} where ${clubBallots.voteId} = ${clubVotes.id} and ${clubBallots.userId} = ${userId}))`,
    })
    .from(clubMembers)
    .innerJoin(clubs, eq(clubs.id, clubMembers.clubId))
    .where(and(eq(clubMembers.userId, userId), ne(clubMembers.status, "parti")))
    .orderBy(asc(clubs.name))
    .all();
}
