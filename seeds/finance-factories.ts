/**
 * Factories for the FINANCER tests and demo: a published project with a
 * funding need, a club with active members and savings. They go through the
 * model functions the app uses.
 */
import type { ClubMemberRole, DecisionRule, FundingKind } from "~/domain/vocabulary";
import { listActivityDomains } from "~/models/catalog.server";
import { recordLedgerEntry } from "~/models/club-ledger.server";
import { inviteMember, respondToInvitation, setOfficer } from "~/models/club-membership.server";
import { changeLifecycle, createClub, type ClubInput, type ClubRow } from "~/models/club.server";
import { createProject, publishProject, saveFundingNeed, type ProjectRow } from "~/models/project.server";
import type { User } from "~/models/user.server";
import type { Db } from "~/utils/db.server";
import { createTestUser, DEFAULT_COMMUNE_CODE } from "./factories";

export type FundedProjectOptions = {
  title?: string;
  communeCode?: string;
  amountCents?: number;
  companyCapitalCents?: number | null;
  kind?: FundingKind;
  activityDomainId?: number;
};

/** A published project asking for money (20 000 € for a 30 000 € capital unless told otherwise). */
export function createFundedProject(db: Db, ownerId: number, options: FundedProjectOptions = {}, now = new Date()): ProjectRow {
  const domainId = options.activityDomainId ?? listActivityDomains(db)[0]!.id;
  const project = createProject(
    db,
    ownerId,
    {
      title: options.title ?? "Épicerie coopérative du bourg",
      pitch: "Une épicerie de produits locaux tenue par ses habitants, ouverte six jours sur sept.",
      description: "",
      kind: "commerce-artisanat",
      stage: "creation",
      legalForm: "scic",
      activityDomainId: domainId,
      communeCode: options.communeCode ?? DEFAULT_COMMUNE_CODE,
      remoteOk: false,
      jobsExpected: 2,
    },
    now,
  );
  saveFundingNeed(
    db,
    project.id,
    {
      amountCents: options.amountCents ?? 2_000_000,
      kind: options.kind ?? "capital",
      neededBy: null,
      companyCapitalCents: options.companyCapitalCents === undefined ? 3_000_000 : options.companyCapitalCents,
    },
    now,
  );
  const published = publishProject(db, project.id, now);
  if (!published.ok) throw new Error(`createFundedProject: ${published.message}`);
  return { ...project, status: "publie" };
}

export type TestClubOptions = Partial<ClubInput> & {
  /** Active members besides the gérant (the first becomes trésorier). */
  extraMembers?: number;
  /** Start the club (en épargne) once members joined. */
  activate?: boolean;
  /** Savings recorded for each active member, in cents. */
  savingsPerMemberCents?: number;
  decisionRule?: DecisionRule;
  members?: User[];
};

export type TestClub = { club: ClubRow; gerant: User; members: User[] };

/** A club of the given pôle, its gérant and members (gérant first), optionally started with savings. */
export async function createTestClub(db: Db, territoryId: number, options: TestClubOptions = {}, now = new Date()): Promise<TestClub> {
  const { extraMembers = 4, activate = true, savingsPerMemberCents = 0, members: given, ...input } = options;
  const gerant = given?.[0] ?? (await createTestUser(db, { roles: ["epargnant"] }));
  const club = createClub(
    db,
    gerant.id,
    {
      territoryId,
      name: `Cigale test ${gerant.id}`,
      description: "",
      decisionRule: "majorite-simple",
      qualifiedMajorityPct: 66,
      quorumPct: 50,
      maxStakeBps: 3300,
      ticketMinCents: 50_000,
      ticketMaxCents: 500_000,
      startedOn: null,
      activityDomainIds: [],
      departmentCodes: [],
      ...input,
    },
    now,
  );
  const others: User[] = given ? given.slice(1) : [];
  for (let i = others.length; i < extraMembers; i += 1) others.push(await createTestUser(db, { roles: ["epargnant"] }));
  for (const member of others) {
    must(inviteMember(db, club.id, gerant.id, member.email, now));
    must(respondToInvitation(db, club.id, member.id, true, now));
  }
  const roles: ClubMemberRole[] = ["tresorier", "secretaire"];
  others.slice(0, 2).forEach((m, i) => must(setOfficer(db, club.id, gerant.id, m.id, roles[i]!)));
  if (activate) must(changeLifecycle(db, club.id, "activer", now));
  if (savingsPerMemberCents > 0) {
    for (const member of [gerant, ...others]) {
      must(
        recordLedgerEntry(
          db,
          club.id,
          gerant.id,
          { kind: "cotisation", amountCents: savingsPerMemberCents, memberUserId: member.id, occurredOn: "2026-01-15", note: "" },
          now,
        ),
      );
    }
  }
  return { club: { ...club, status: activate ? "en-epargne" : club.status }, gerant, members: [gerant, ...others] };
}

function must(outcome: { ok: boolean; message?: string }): void {
  if (!outcome.ok) throw new Error(`finance factory: ${outcome.message}`);
}
