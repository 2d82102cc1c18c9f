/**
 * A club's ledger as plain data: every movement is a positive integer amount
 * of cents whose kind gives the direction. The balance never goes below zero,
 * and members' shares (pro rata to what each paid in, net of withdrawals)
 * always add up to the balance exactly.
 */
import type { LedgerKind } from "../vocabulary";

export type LedgerDirection = "in" | "out";

export const LEDGER_DIRECTION: Record<LedgerKind, LedgerDirection> = {
  cotisation: "in",
  remboursement: "in",
  dividende: "in",
  investissement: "out",
  frais: "out",
  retrait: "out",
};

export type LedgerMovement = {
  kind: LedgerKind;
  amountCents: number;
  /** The member who paid in (cotisation) or was paid back (retrait). */
  memberUserId?: number | null;
};

export type LedgerTotals = Record<LedgerKind, number> & {
  inCents: number;
  outCents: number;
  balanceCents: number;
};

export type LedgerCheck = { ok: true } | { ok: false; field: "amount" | "member"; message: string };

export function isCents(value: number): boolean {
  return Number.isSafeInteger(value);
}

export function isPositiveCents(value: number): boolean {
  return isCents(value) && value > 0;
}

function signed(m: LedgerMovement): number {
  return LEDGER_DIRECTION[m.kind] === "in" ? m.amountCents : -m.amountCents;
}

export function ledgerTotals(movements: readonly LedgerMovement[]): LedgerTotals {
  const totals = {
    cotisation: 0,
    remboursement: 0,
    dividende: 0,
    investissement: 0,
    frais: 0,
    retrait: 0,
    inCents: 0,
    outCents: 0,
    balanceCents: 0,
  };
  for (const m of movements) {
    totals[m.kind] += m.amountCents;
    if (LEDGER_DIRECTION[m.kind] === "in") totals.inCents += m.amountCents;
    else totals.outCents += m.amountCents;
  }
  totals.balanceCents = totals.inCents - totals.outCents;
  return totals;
}

export function ledgerBalance(movements: readonly LedgerMovement[]): number {
  return movements.reduce((sum, m) => sum + signed(m), 0);
}

/** What each member has put in, net of their withdrawals, in cents. */
export function netContributions(movements: readonly LedgerMovement[]): Map<number, number> {
  const net = new Map<number, number>();
  for (const m of movements) {
    if (m.memberUserId == null || (m.kind !== "cotisation" && m.kind !== "retrait")) continue;
    const delta = m.kind === "cotisation" ? m.amountCents : -m.amountCents;
    net.set(m.memberUserId, (net.get(m.memberUserId) ?? 0) + delta);
  }
  return net;
}

/** What each member has paid in, withdrawals ignored. */
export function grossContributions(movements: readonly LedgerMovement[]): Map<number, number> {
  const gross = new Map<number, number>();
  for (const m of movements) {
    if (m.kind === "cotisation" && m.memberUserId != null) {
      gross.set(m.memberUserId, (gross.get(m.memberUserId) ?? 0) + m.amountCents);
    }
  }
  return gross;
}

/**
 * Whether a new movement may be recorded: a positive whole number of cents; a
 * contribution or withdrawal names the member; money out never exceeds the
 * balance; a member withdraws at most what they put in.
 */
export function checkMovement(current: readonly LedgerMovement[], next: LedgerMovement): LedgerCheck {
  if (!isPositiveCents(next.amountCents)) {
    return { ok: false, field: "amount", message: "Le montant doit être un nombre positif de centimes." };
  }
  const needsMember = next.kind === "cotisation" || next.kind === "retrait";
  if (needsMember && next.memberUserId == null) {
    return { ok: false, field: "member", message: "Indiquez le membre concerné par ce mouvement." };
  }
  if (LEDGER_DIRECTION[next.kind] === "out" && next.amountCents > ledgerBalance(current)) {
    return {
      ok: false,
      field: "amount",
      message: "Ce montant dépasse l'argent disponible dans la caisse du club.",
    };
  }
  if (next.kind === "retrait" && next.memberUserId != null) {
    const paidIn = netContributions(current).get(next.memberUserId) ?? 0;
    if (next.amountCents > paidIn) {
      return {
        ok: false,
        field: "amount",
        message: "Un membre ne peut retirer plus que ce qu'il a versé, net de ses retraits.",
      };
    }
  }
  return { ok: true };
}

export type MemberShare = {
  userId: number;
  /** Net amount paid in. */
  contributedCents: number;
  /** Share of the club, in basis points (10 000 = 100 %), rounded. */
  shareBps: number;
  /** This member's part of the current balance; the parts add up to the balance. */
  balanceShareCents: number;
};

/**
 * Splits `totalCents` pro rata to `weights` with the largest-remainder method,
 * so the parts are whole cents and add up to the total exactly. Ties go to
 * the lower key, for a stable result.
 */
export function splitProRata(totalCents: number, weights: ReadonlyMap<number, number>): Map<number, number> {
  const entries = [...weights.entries()].filter(([, w]) => w > 0).sort((a, b) => a[0] - b[0]);
  const weightSum = entries.reduce((s, [, w]) => s + w, 0);
  const parts = new Map<number, number>();
  if (weightSum === 0 || totalCents === 0) {
    for (const [key] of entries) parts.set(key, 0);
    return parts;
  }
  const sign = totalCents < 0 ? -1 : 1;
  const total = Math.abs(totalCents);
  let given = 0;
  const remainders: { key: number; rest: number }[] = [];
  for (const [key, w] of entries) {
    // BigInt keeps total × weight exact well past 2^53.
    const product = BigInt(total) * BigInt(w);
    const floor = Number(product / BigInt(weightSum));
    const rest = Number(product % BigInt(weightSum));
    parts.set(key, floor);
    given += floor;
    remainders.push({ key, rest });
  }
  remainders.sort((a, b) => b.rest - a.rest || a.key - b.key);
  for (let i = 0; i < total - given; i += 1) {
    const { key } = remainders[i % remainders.length]!;
    parts.set(key, parts.get(key)! + 1);
  }
  if (sign < 0) for (const [key, v] of parts) parts.set(key, -v);
  return parts;
}

/** Each member's share of the club: pro rata to net contributions (the liquidation rule). */
export function memberShares(movements: readonly LedgerMovement[]): MemberShare[] {
  const net = netContributions(movements);
  const positive = new Map([...net].filter(([, v]) => v > 0));
  const totalNet = [...positive.values()].reduce((s, v) => s + v, 0);
  // Everyone withdrew what they paid in but money is left (dividends): split it by gross savings.
  const weights = totalNet > 0 ? positive : grossContributions(movements);
  const parts = splitProRata(ledgerBalance(movements), weights);
  return [...net.keys()]
    .sort((a, b) => a - b)
    .map((userId) => {
      const contributedCents = net.get(userId) ?? 0;
      return {
        userId,
        contributedCents,
        shareBps: totalNet > 0 && contributedCents > 0 ? Math.round((contributedCents * 10_000) / totalNet) : 0,
        balanceShareCents: parts.get(userId) ?? 0,
      };
    });
}
