/**
 * Demo data for FINANCER, called by seedDemo inside its transaction once the
 * people and the projects exist: three CIGALES clubs at different stages
 * (en constitution, en épargne with ledger, votes and commitments, en
 * gestion) co-investing in one project, direct pledges, the cagnotte
 * solidaire of each pôle with donations, allocations and a goal, one tontine.
 * Deterministic: fixed choices, times derived from `now`.
 */
import { and, asc, eq } from "drizzle-orm";
import {
  projectFundingNeeds,
  projects,
  territories,
  territoryCommunes,
  territoryStaff,
  userRoles,
  users,
} from "#db/schema";
import { followProject, setAccompanyingMembers, studyDeal } from "~/models/club-deal.server";
import { recordLedgerEntry } from "~/models/club-ledger.server";
import { addMeeting } from "~/models/club-meeting.server";
import { inviteMember, requestToJoin, respondToInvitation, setMonthlySavings, setOfficer } from "~/models/club-membership.server";
import { castBallot, openVote } from "~/models/club-vote.server";
import { changeLifecycle, createClub, type ClubInput } from "~/models/club.server";
import { allocate, donate, setGoal } from "~/models/cagnotte.server";
import { createPledge } from "~/models/pledge.server";
import { createTontine, joinTontine } from "~/models/tontine.server";
import type { BallotChoice } from "~/domain/vocabulary";
import { addMonthsIso } from "~/domain/clubs/lifecycle";
import type { Db } from "~/utils/db.server";
import { DAY_MS, parisDateTime, parisIsoDate } from "~/domain/paris-time";

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

export type FinanceCounts = { clubs: number; votes: number; commitments: number; pledges: number; donations: number; tontines: number };

type Person = { id: number; email: string; displayName: string };

function expectOk(outcome: { ok: boolean; message?: string }, what: string): void {
  if (!outcome.ok) throw new Error(`Demo finance (${what}): ${outcome.message}`);
}

function territoryId(db: Db, slug: string): number {
  const row = db.select({ id: territories.id }).from(territories).where(eq(territories.slug, slug)).get();
  if (!row) throw new Error(`Demo finance: no pôle ${slug}`);
  return row.id;
}

/** Savers living in the pôle, the fixed demo saver first, then by id. */
function saversOf(db: Db, territory: number): Person[] {
  const rows = db
    .select({ id: users.id, email: users.email, displayName: users.displayName })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, "epargnant")))
    .innerJoin(territoryCommunes, and(eq(territoryCommunes.communeCode, users.communeCode), eq(territoryCommunes.territoryId, territory)))
    .orderBy(asc(users.id))
    .all();
  const fixed = rows.filter((r) => r.email === "epargnant@exemple.fr");
  return [...fixed, ...rows.filter((r) => r.email !== "epargnant@exemple.fr")];
}

type Fundable = { id: number; ownerId: number; amountCents: number; baseCents: number };

/** Published projects of the pôle asking for money, roomiest stake base first (ties by id). */
function fundableProjects(db: Db, territory: number): Fundable[] {
  return db
    .select({
      id: projects.id,
      ownerId: projects.ownerId,
      amountCents: projectFundingNeeds.amountCents,
      capital: projectFundingNeeds.companyCapitalCents,
    })
    .from(projects)
    .innerJoin(projectFundingNeeds, eq(projectFundingNeeds.projectId, projects.id))
    .innerJoin(territoryCommunes, and(eq(territoryCommunes.communeCode, projects.communeCode), eq(territoryCommunes.territoryId, territory)))
    .where(eq(projects.status, "publie"))
    .orderBy(asc(projects.id))
    .all()
    .map((p) => ({ id: p.id, ownerId: p.ownerId, amountCents: p.amountCents, baseCents: p.capital ?? p.amountCents }))
    .sort((a, b) => b.baseCents - a.baseCents || a.id - b.id);
}

function clubInput(territory: number, name: string, description: string, overrides: Partial<ClubInput> = {}): ClubInput {
  return {
    territoryId: territory,
    name,
    description,
    decisionRule: "majorite-simple",
    qualifiedMajorityPct: 66,
    quorumPct: 50,
    maxStakeBps: 3300,
    ticketMinCents: 50_000,
    ticketMaxCents: 300_000,
    startedOn: null,
    activityDomainIds: [],
    departmentCodes: [],
    ...overrides,
  };
}

/** Founds a club, brings members in (invitation accepted), names officers, and starts it at `startAt`. */
function foundClub(db: Db, input: ClubInput, members: Person[], foundedAt: Date, startAt: Date | null): number {
  const [gerant, ...others] = members;
  const club = createClub(db, gerant!.id, input, foundedAt);
  for (const m of others) {
    expectOk(inviteMember(db, club.id, gerant!.id, m.email, foundedAt), "invite");
    expectOk(respondToInvitation(db, club.id, m.id, true, new Date(foundedAt.getTime() + DAY_MS)), "join");
  }
  if (others[0]) expectOk(setOfficer(db, club.id, gerant!.id, others[0].id, "tresorier"), "trésorier");
  if (others[1]) expectOk(setOfficer(db, club.id, gerant!.id, others[1].id, "secretaire"), "secrétaire");
  if (startAt) expectOk(changeLifecycle(db, club.id, "activer", startAt), "start");
  return club.id;
}

/** Each member's monthly savings, paid quarterly from `from` for `quarters` quarters. */
function recordSavings(db: Db, clubId: number, treasurerId: number, members: Person[], monthlyCents: number[], from: Date, quarters: number) {
  members.forEach((m, i) => expectOk(setMonthlySavings(db, clubId, m.id, monthlyCents[i % monthlyCents.length]!), "savings"));
  for (let q = 0; q < quarters; q += 1) {
    const at = new Date(from.getTime() + q * 91 * DAY_MS);
    members.forEach((m, i) => {
      const amountCents = monthlyCents[i % monthlyCents.length]! * 3;
      expectOk(
        recordLedgerEntry(db, clubId, treasurerId, { kind: "cotisation", amountCents, memberUserId: m.id, occurredOn: parisIsoDate(at), note: `Épargne du trimestre ${q + 1}` }, at),
        "cotisation",
      );
    });
  }
}

/** Follows, studies and puts a project to the vote, then casts `choices` in member order. */
function vote(db: Db, clubId: number, members: Person[], projectId: number, amountCents: number, choices: BallotChoice[], at: Date) {
  const follow = followProject(db, clubId, projectId, daysBefore(at, 30));
  if (!follow.ok) throw new Error(`Demo finance (follow): ${follow.message}`);
  expectOk(studyDeal(db, clubId, follow.dealId, "Rencontre avec la personne qui porte le projet ; comptes prévisionnels relus en réunion.", daysBefore(at, 10)), "study");
  const opened = openVote(db, clubId, members[0]!.id, { dealId: follow.dealId, amountCents, instrument: "capital", deadline: parisDateTime(parisIsoDate(new Date(at.getTime() + 14 * DAY_MS)), "23:59") }, at);
  if (!opened.ok) throw new Error(`Demo finance (vote): ${opened.message}`);
  for (const [i, choice] of choices.entries()) {
    const ballot = castBallot(db, opened.voteId, members[i]!.id, choice, new Date(at.getTime() + (i + 1) * 3_600_000));
    if (!ballot.ok) throw new Error(`Demo finance (ballot): ${ballot.message}`);
    if (ballot.closed) break; // The result could no longer change.
  }
  return opened.voteId;
}

const SAINTONGE = "vals-de-saintonge";
const SAMBRE = "sambre-avesnois";

function seedClubs(db: Db, now: Date, saintonge: number, sambre: number, targets: Fundable[]) {
  const savers = saversOf(db, saintonge);
  const northSavers = saversOf(db, sambre);
  if (savers.length < 10 || northSavers.length < 4 || targets.length < 3) {
    throw new Error("Demo finance: not enough savers or fundable projects");
  }
  const [coInvested, rejected, pending] = targets as [Fundable, Fundable, Fundable];
  const capFor = (p: Fundable) => Math.floor((p.baseCents * 3300) / 10_000);

  // En gestion: saved for three years, invested, then stopped investing.
  const gestionMembers = savers.slice(5, 10);
  const gestion = foundClub(
    db,
    clubInput(saintonge, "Cigale de la Boutonne", "Cinq voisins de la vallée de la Boutonne, qui épargnent ensemble depuis 2023.", { decisionRule: "unanimite", quorumPct: 60 }),
    gestionMembers,
    daysBefore(now, 1_150),
    daysBefore(now, 1_120),
  );
  recordSavings(db, gestion, gestionMembers[1]!.id, gestionMembers, [3_000, 2_500, 4_000, 2_000, 3_500], daysBefore(now, 1_100), 12);
  expectOk(
    recordLedgerEntry(db, gestion, gestionMembers[1]!.id, { kind: "remboursement", amountCents: 80_000, memberUserId: null, occurredOn: parisIsoDate(daysBefore(now, 200)), note: "Remboursement d'un prêt de 2023 à un artisan" }, daysBefore(now, 200)),
    "remboursement",
  );
  expectOk(
    recordLedgerEntry(db, gestion, gestionMembers[1]!.id, { kind: "dividende", amountCents: 12_000, memberUserId: null, occurredOn: parisIsoDate(daysBefore(now, 150)), note: "Dividende d'une SCOP" }, daysBefore(now, 150)),
    "dividende",
  );
  vote(db, gestion, gestionMembers, coInvested.id, Math.min(150_000, capFor(coInvested)), ["pour", "pour", "pour", "pour", "pour"], daysBefore(now, 40));
  expectOk(setAccompanyingMembers(db, gestion, coInvested.id, [gestionMembers[2]!.id], daysBefore(now, 38)), "accompanying");
  expectOk(changeLifecycle(db, gestion, "passer-en-gestion", daysBefore(now, 30)), "en gestion");

  // En épargne: two years of savings, one commitment, one refusal, one open vote, a meeting.
  const epargneMembers = savers.slice(0, 7);
  const epargne = foundClub(
    db,
    clubInput(saintonge, "Cigale des Vals", "Un club d'épargnants de Saint-Jean-d'Angély et des environs : nous investissons dans les commerces et l'alimentation durable du territoire."),
    epargneMembers,
    daysBefore(now, 760),
    daysBefore(now, 730),
  );
  recordSavings(db, epargne, epargneMembers[1]!.id, epargneMembers, [2_000, 2_500, 3_000, 4_000, 5_000, 3_000, 2_500], daysBefore(now, 720), 8);
  vote(db, epargne, epargneMembers, rejected.id, Math.min(100_000, capFor(rejected)), ["contre", "contre", "pour", "contre", "abstention", "contre"], daysBefore(now, 60));
  vote(db, epargne, epargneMembers, coInvested.id, Math.min(200_000, capFor(coInvested)), ["pour", "pour", "pour", "contre", "pour"], daysBefore(now, 25));
  expectOk(setAccompanyingMembers(db, epargne, coInvested.id, [epargneMembers[0]!.id, epargneMembers[3]!.id], daysBefore(now, 20)), "accompanying");
  vote(db, epargne, epargneMembers, pending.id, Math.min(100_000, capFor(pending)), ["pour", "abstention"], daysBefore(now, 2));
  expectOk(
    addMeeting(
      db,
      epargne,
      epargneMembers[2]!.id,
      { startsAt: new Date(parisDateTime(parisIsoDate(now), "18:30").getTime() + 9 * DAY_MS), place: "Salle des associations, Saint-Jean-d'Angély", agenda: "Rencontre avec la personne qui porte le projet soumis au vote.", projectId: pending.id },
      daysBefore(now, 2),
    ),
    "meeting",
  );

  // En constitution, in the Sambre: three members, an invitation and a request waiting.
  const constitution = foundClub(
    db,
    clubInput(sambre, "Cigale de la Sambre", "Un club en train de se former autour de Maubeuge : rejoignez-nous !", { decisionRule: "majorite-qualifiee", qualifiedMajorityPct: 66 }),
    northSavers.slice(0, 3),
    daysBefore(now, 20),
    null,
  );
  expectOk(inviteMember(db, constitution, northSavers[0]!.id, northSavers[3]!.email, daysBefore(now, 5)), "invitation");
  if (northSavers[4]) expectOk(requestToJoin(db, constitution, northSavers[4].id, daysBefore(now, 3)), "request");
  return { epargneMembers, savers };
}

function seedPledges(db: Db, now: Date, savers: Person[], targets: Fundable[]): number {
  const plan: [number, number, number, "pret" | "capital" | "don"][] = [
    [10, 0, 50_000, "pret"],
    [11, 0, 20_000, "don"],
    [7, 1, 30_000, "capital"],
    [2, 2, 15_000, "pret"],
  ];
  let count = 0;
  for (const [saver, target, amountCents, kind] of plan) {
    const person = savers[saver % savers.length]!;
    const project = targets[target]!;
    if (project.ownerId === person.id) continue;
    expectOk(createPledge(db, person.id, project.id, { amountCents, kind, message: "Bonne route à ce beau projet !" }, daysBefore(now, 12 - count)), "pledge");
    count += 1;
  }
  return count;
}

function seedCagnottes(db: Db, now: Date, saintonge: number, sambre: number, savers: Person[], targets: Fundable[]): number {
  const animator = db.select({ id: territoryStaff.userId }).from(territoryStaff).where(eq(territoryStaff.territoryId, saintonge)).orderBy(asc(territoryStaff.userId)).get();
  if (!animator) throw new Error("Demo finance: no animator in Saintonge");
  expectOk(setGoal(db, saintonge, animator.id, { label: "Trois commerces de centre-bourg cette année", targetCents: 500_000 }, daysBefore(now, 90)), "goal");
  const gifts: [number, number | null, string | null][] = [
    [5_000, 0, null],
    [2_000, 1, "Marie et Paul"],
    [10_000, 2, null],
    [3_000, null, null],
    [25_000, 3, "Les Amis du marché"],
    [1_500, 4, null],
    [50_000, null, "Un commerçant de la place"],
    [7_500, 5, null],
    [4_000, 6, null],
    [20_000, null, null],
  ];
  gifts.forEach(([amountCents, saver, name], i) => {
    const person = saver === null ? null : savers[saver]!;
    const donorName = name ?? (person && i % 2 === 0 ? person.displayName : null);
    donate(db, saintonge, person?.id ?? null, { amountCents, donorName, message: i === 4 ? "Pour que le bourg vive !" : "" }, daysBefore(now, 80 - i * 7));
  });
  expectOk(allocate(db, saintonge, animator.id, { projectId: targets[0]!.id, amountCents: 40_000, note: "Aide au démarrage votée par l'équipe d'animation" }, daysBefore(now, 15)), "allocation");
  expectOk(allocate(db, saintonge, animator.id, { projectId: targets[2]!.id, amountCents: 25_000, note: "Coup de pouce à l'aménagement" }, daysBefore(now, 6)), "allocation");
  const north = saversOf(db, sambre);
  donate(db, sambre, north[0]?.id ?? null, { amountCents: 3_000, donorName: null, message: "" }, daysBefore(now, 9));
  donate(db, sambre, north[1]?.id ?? null, { amountCents: 6_000, donorName: north[1]?.displayName ?? null, message: "" }, daysBefore(now, 4));
  return gifts.length + 2;
}

function seedTontine(db: Db, now: Date, saintonge: number, savers: Person[]): void {
  const [first, ...others] = savers.slice(10, 15).length >= 3 ? savers.slice(10, 15) : savers.slice(0, 5);
  const startsOn = `${addMonthsIso(parisIsoDate(now), -2).slice(0, 8)}05`;
  const id = createTontine(
    db,
    first!.id,
    { territoryId: saintonge, name: "Tontine des Halles", description: "Cinq commerçants et voisins qui s'entraident pour financer du matériel.", contributionCents: 5_000, startsOn },
    daysBefore(now, 80),
  );
  others.forEach((m, i) => expectOk(joinTontine(db, id, m.id, daysBefore(now, 79 - i)), "tontine"));
}

/** Called by seedDemo inside its transaction, after the people and the projects. */
export function seedDemoFinance(db: Db, now: Date): FinanceCounts {
  const saintonge = territoryId(db, SAINTONGE);
  const sambre = territoryId(db, SAMBRE);
  const targets = fundableProjects(db, saintonge);
  const { savers } = seedClubs(db, now, saintonge, sambre, targets);
  const pledges = seedPledges(db, now, savers, targets);
  const donations = seedCagnottes(db, now, saintonge, sambre, savers, targets);
  seedTontine(db, now, saintonge, savers);
  return { clubs: 3, votes: 4, commitments: 2, pledges, donations, tontines: 1 };
}
