import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { clubBallots, clubLedgerEntries, clubMembers, pledges, sessions, users } from "#db/schema";
import { createTestTerritory, createTestUser } from "#seeds/factories";
import { createFundedProject, createTestClub } from "#seeds/finance-factories";
import { DELETED_DISPLAY_NAME, EXPORT_PARTS } from "~/domain/personal-data";
import type { Territory } from "~/models/territory.server";
import { getDb, type Db } from "~/utils/db.server";
import { createSession } from "~/utils/session.server";
import { deleteAccount, deletionBlockers } from "./account-deletion.server";
import { followProject, studyDeal } from "./club-deal.server";
import { getTreasury } from "./club-ledger.server";
import { castBallot, openVote } from "./club-vote.server";
import { createPledge } from "./pledge.server";
import { columnsReferencingUsers, exportPersonalData } from "./personal-data.server";
import { findUserByEmail } from "./user.server";

const NOW = new Date("2026-03-02T09:00:00Z");
const DEADLINE = new Date("2026-03-15T22:59:00Z");

let db: Db;
let territory: Territory;

beforeAll(() => {
  db = getDb();
  territory = createTestTerritory(db);
});

/** Every text value of every table that holds `needle`, as « table.column ». */
function placesHolding(needle: string): string[] {
  const client = db.$client;
  const tables = client.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").pluck().all() as string[];
  const found: string[] = [];
  for (const table of tables) {
    const columns = client.prepare(`select name from pragma_table_info(?)`).pluck().all(table) as string[];
    for (const column of columns) {
      const hit = client
        .prepare(`select count(*) from "${table}" where instr(lower(cast("${column}" as text)), lower(?)) > 0`)
        .pluck()
        .get(needle) as number;
      if (hit > 0) found.push(`${table}.${column}`);
    }
  }
  return found;
}

async function clubWithVoteAndPledge() {
  const { club, gerant, members } = await createTestClub(db, territory.id, { extraMembers: 5, savingsPerMemberCents: 20_000 }, NOW);
  const holder = await createTestUser(db, { roles: ["porteur"] });
  const project = createFundedProject(db, holder.id, {}, NOW);
  const follow = followProject(db, club.id, project.id, NOW);
  if (!follow.ok) throw new Error(follow.message);
  studyDeal(db, club.id, follow.dealId, "Rencontre avec la porteuse.", NOW);
  const vote = openVote(db, club.id, gerant.id, { dealId: follow.dealId, amountCents: 100_000, instrument: "capital", deadline: DEADLINE }, NOW);
  if (!vote.ok) throw new Error(vote.message);
  // members[1] is trésorier, members[2] secrétaire: members[3] holds no office.
  const leaving = members[3]!;
  expect(castBallot(db, vote.voteId, leaving.id, "pour", NOW)).toMatchObject({ ok: true });
  expect(createPledge(db, leaving.id, project.id, { amountCents: 15_000, kind: "don", message: "Bon courage !" }, NOW)).toMatchObject({ ok: true });
  return { club, members, leaving, project, voteId: vote.voteId };
}

describe("export and deletion of an account", () => {
  it("exports then deletes a club member: the ledger balances as before, ballots and pledges keep their count, and the e-mail appears nowhere in the database", async () => {
    const { club, leaving, voteId, project } = await clubWithVoteAndPledge();
    createSession(db, leaving.id, NOW, "Firefox");
    const treasuryBefore = getTreasury(db, club.id);

    const exported = exportPersonalData(db, leaving.id, NOW)!;
    const parts = exported.parties as Record<string, Record<string, unknown>[]>;
    expect(exported.compte).toMatchObject({ email: leaving.email, displayName: leaving.displayName });
    expect(exported.compte).not.toHaveProperty("passwordHash");
    expect(parts.club_members).toEqual([expect.objectContaining({ clubId: club.id, status: "actif" })]);
    expect(parts.club_ledger_entries).toEqual([expect.objectContaining({ amountCents: 20_000, kind: "cotisation" })]);
    expect(parts.club_ballots).toEqual([expect.objectContaining({ voteId, choice: "pour" })]);
    expect(parts.pledges).toEqual([expect.objectContaining({ projectId: project.id, amountCents: 15_000 })]);
    expect(parts.sessions).toEqual([expect.not.objectContaining({ id: expect.anything() })]);
    expect(JSON.stringify(exported)).not.toMatch(/secretHash|passwordHash|tokenHash/);

    expect(deletionBlockers(db, leaving.id, NOW)).toEqual([]);
    expect(deleteAccount(db, leaving.id, NOW)).toEqual({ ok: true });

    const after = getTreasury(db, club.id);
    expect(after.totals).toEqual(treasuryBefore.totals);
    expect(after.entries.length).toBe(treasuryBefore.entries.length);
    expect(after.shares.map((s) => [s.userId, s.contributedCents, s.balanceShareCents])).toEqual(treasuryBefore.shares.map((s) => [s.userId, s.contributedCents, s.balanceShareCents]));
    expect(after.shares.find((s) => s.userId === leaving.id)?.displayName).toBe(`${DELETED_DISPLAY_NAME} (a quitté le club)`);
    expect(db.select().from(clubBallots).where(eq(clubBallots.voteId, voteId)).all()).toHaveLength(1);
    expect(db.select().from(pledges).where(eq(pledges.userId, leaving.id)).all()).toEqual([expect.objectContaining({ amountCents: 15_000, status: "actif" })]);
    expect(db.select().from(clubLedgerEntries).where(eq(clubLedgerEntries.memberUserId, leaving.id)).all()).toHaveLength(1);
    expect(db.select({ status: clubMembers.status }).from(clubMembers).where(eq(clubMembers.userId, leaving.id)).get()).toEqual({ status: "parti" });

    expect(placesHolding(leaving.email)).toEqual([]);
    expect(placesHolding(leaving.displayName)).toEqual([]);
    expect(findUserByEmail(db, leaving.email)).toBeUndefined();
    expect(db.select().from(sessions).where(eq(sessions.userId, leaving.id)).all()).toEqual([]);
    expect(db.select({ name: users.displayName, deletedAt: users.deletedAt }).from(users).where(eq(users.id, leaving.id)).get()).toEqual({
      name: DELETED_DISPLAY_NAME,
      deletedAt: NOW,
    });
    expect(deleteAccount(db, leaving.id, NOW)).toMatchObject({ ok: false, status: 404 });
  });

  it("refuses to delete a club's treasurer, saying what to hand over first, and changes nothing", async () => {
    const { club, members } = await clubWithVoteAndPledge();
    const treasurer = members[1]!;
    const blockers = deletionBlockers(db, treasurer.id, NOW);
    expect(blockers).toEqual([{ message: expect.stringContaining("confiez d'abord cette fonction"), href: `/clubs/${club.id}/membres` }]);
    const outcome = deleteAccount(db, treasurer.id, NOW);
    expect(outcome).toMatchObject({ ok: false, status: 409, message: expect.stringContaining("trésorier") });
    expect(findUserByEmail(db, treasurer.email)?.displayName).toBe(treasurer.displayName);
  });

  it("refuses to delete the holder of a project savers pledged to, pointing at the project", async () => {
    const { project } = await clubWithVoteAndPledge();
    const holder = db.select().from(users).where(eq(users.id, project.ownerId)).get()!;
    expect(deletionBlockers(db, holder.id, NOW)).toEqual([{ message: expect.stringContaining("a reçu des engagements"), href: `/projets/${project.id}` }]);
    expect(deleteAccount(db, holder.id, NOW)).toMatchObject({ ok: false, status: 409 });
  });
});

describe("the export's explanation", () => {
  it("explains every table that points at an account", () => {
    const tables = new Set(columnsReferencingUsers().map((c) => c.tableName));
    tables.delete("users");
    const unexplained = [...tables].filter((t) => !(t in EXPORT_PARTS));
    expect(unexplained).toEqual([]);
  });

  it("explains every part a full export holds", async () => {
    const { leaving } = await clubWithVoteAndPledge();
    const parts = Object.keys((exportPersonalData(db, leaving.id, NOW)!.parties as object) ?? {});
    expect(parts.length).toBeGreaterThan(4);
    expect(parts.filter((p) => !(p in EXPORT_PARTS))).toEqual([]);
  });
});
