/**
 * A club's ledger: the bank movements the treasurer records, which must always
 * balance, and the treasury page (totals, entries, each member's share).
 * Every state change reads and writes inside one IMMEDIATE transaction, after
 * asking the rules of app/domain/clubs/ (the matcher sees every write by itself:
 * see app/models/matching-store.server.ts).
 */
import { desc, eq } from "drizzle-orm";
import { clubLedgerEntries, clubMembers, projects, users } from "#db/schema";
import type { LedgerKind } from "~/domain/vocabulary";
import { clubPermissions, ledgerKindAllowed } from "~/domain/clubs/lifecycle";
import {
  checkMovement,
  ledgerTotals,
  memberShares,
  type LedgerMovement,
  type LedgerTotals,
  type MemberShare,
} from "~/domain/clubs/ledger";
import { writeTransaction, type Db, type Reader } from "~/utils/db.server";
import { fail, type Outcome } from "./outcome";
import { getClub, getMembership } from "./club.server";

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

