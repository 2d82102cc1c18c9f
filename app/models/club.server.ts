/**
 * CIGALES clubs: the club itself — creation, scope (sectors, areas), settings,
 * life cycle, listings and its page — and the reads every club file shares
 * (the club, a membership, the active roster, the money available). Members,
 * ledger, deal flow, meetings and votes have their own files next to this one;
 * together they are the only place that reads or writes the club tables.
 * Every state change reads and writes inside one IMMEDIATE transaction, after
 * asking the rules of app/domain/clubs/ (the matcher sees every write by itself:
 * see app/models/matching-store.server.ts).
 */
import { and, asc, count, desc, eq, inArray, ne, sql } from "drizzle-orm";
import {
  activityDomains,
  clubAccompanyingMembers,
  clubAreas,
  clubBallots,
  clubCommitments,
  clubLedgerEntries,
  clubMembers,
  clubs,
  clubSectors,
  clubVotes,
  communes,
  departments,
  projects,
  territories,
  territoryCommunes,
  users,
} from "#db/schema";
import type { ClubMemberRole, ClubStatus, DecisionRule, Instrument } from "~/domain/vocabulary";
import { clubPermissions, transition, type LifecycleAction } from "~/domain/clubs/lifecycle";
import { writeTransaction, type Db, type Reader, type Writer } from "~/utils/db.server";
import { fail, type Outcome } from "./outcome";

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

export function countActive(q: Reader, clubId: number): number {
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
