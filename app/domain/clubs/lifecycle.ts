/**
 * A CIGALES club's life: en constitution → en épargne et investissement (5
 * years, renewable once) → en gestion → liquidé. 5 to 20 active members,
 * checked when the club becomes active; never more than 20.
 */
import type { ClubMemberRole, ClubStatus, LedgerKind } from "../vocabulary";
import { parisIsoDate } from "../paris-time";

export const MIN_ACTIVE_MEMBERS = 5;
export const MAX_ACTIVE_MEMBERS = 20;
export const INVESTING_YEARS = 5;
/** Renewal may be decided during the last year of the investing period, or after it. */
export const RENEWAL_WINDOW_MONTHS = 12;
export const DEFAULT_MAX_STAKE_BPS = 3300;

export const LIFECYCLE_ACTIONS = ["activer", "passer-en-gestion", "renouveler", "liquider"] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

export const LIFECYCLE_ACTION_LABELS: Record<LifecycleAction, string> = {
  activer: "Démarrer l'épargne et l'investissement",
  "passer-en-gestion": "Arrêter d'investir : passer en gestion",
  renouveler: "Renouveler le club pour 5 ans",
  liquider: "Liquider le club",
};

export type ClubLife = {
  status: ClubStatus;
  startedOn: string | null;
  investingEndsOn: string | null;
  renewedOn: string | null;
};

export type ClubRoster = { activeMembers: number; hasGerant: boolean; hasTresorier: boolean };

export type LifecyclePatch = Partial<ClubLife> & { status: ClubStatus };
export type TransitionResult = { ok: true; patch: LifecyclePatch } | { ok: false; message: string };

/** Adds whole months to an ISO date; the 31st becomes the month's last day. */
export function addMonthsIso(iso: string, months: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function addYearsIso(iso: string, years: number): string {
  return addMonthsIso(iso, years * 12);
}

function refuse(message: string): TransitionResult {
  return { ok: false, message };
}

function activate(club: ClubLife, roster: ClubRoster, today: string): TransitionResult {
  if (club.status !== "en-constitution") return refuse("Seul un club en constitution peut démarrer.");
  if (roster.activeMembers < MIN_ACTIVE_MEMBERS || roster.activeMembers > MAX_ACTIVE_MEMBERS) {
    return refuse(
      `Un club démarre avec 5 à 20 membres actifs ; il en compte ${roster.activeMembers}. Invitez d'autres épargnants ou acceptez leurs demandes.`,
    );
  }
  if (!roster.hasGerant || !roster.hasTresorier) {
    return refuse("Avant de démarrer, nommez un gérant et un trésorier parmi les membres.");
  }
  const startedOn = club.startedOn && club.startedOn > today ? club.startedOn : today;
  return {
    ok: true,
    patch: { status: "en-epargne", startedOn, investingEndsOn: addYearsIso(startedOn, INVESTING_YEARS) },
  };
}

function renew(club: ClubLife, today: string): TransitionResult {
  if (club.status !== "en-epargne" && club.status !== "en-gestion") {
    return refuse("Seul un club en épargne ou en gestion peut être renouvelé.");
  }
  if (club.renewedOn) return refuse("Ce club a déjà été renouvelé une fois : il ne peut plus l'être.");
  const ends = club.investingEndsOn ?? today;
  if (today < addMonthsIso(ends, -RENEWAL_WINDOW_MONTHS)) {
    return refuse("Le renouvellement se décide pendant la dernière année de la période d'investissement.");
  }
  const from = ends > today ? ends : today;
  return {
    ok: true,
    patch: { status: "en-epargne", investingEndsOn: addYearsIso(from, INVESTING_YEARS), renewedOn: today },
  };
}

/** The next state of the club after `action`, or why not. */
export function transition(club: ClubLife, action: LifecycleAction, roster: ClubRoster, now: Date): TransitionResult {
  const today = parisIsoDate(now);
  switch (action) {
    case "activer":
      return activate(club, roster, today);
    case "passer-en-gestion":
      return club.status === "en-epargne"
        ? { ok: true, patch: { status: "en-gestion" } }
        : refuse("Seul un club en épargne et investissement peut passer en gestion.");
    case "renouveler":
      return renew(club, today);
    case "liquider":
      return club.status === "en-gestion"
        ? { ok: true, patch: { status: "liquide" } }
        : refuse("Un club se liquide après être passé en gestion.");
  }
}

/**
 * The actions to offer the gérant now: those `transition` accepts, plus
 * starting a club still en constitution (the refusal then says what is missing).
 */
export function availableActions(club: ClubLife, roster: ClubRoster, now: Date): LifecycleAction[] {
  return LIFECYCLE_ACTIONS.filter(
    (action) => transition(club, action, roster, now).ok || (action === "activer" && club.status === "en-constitution"),
  );
}

/** A club invests only during its investing period. */
export function canInvest(club: ClubLife, now: Date): boolean {
  if (club.status !== "en-epargne") return false;
  return !club.investingEndsOn || parisIsoDate(now) <= club.investingEndsOn;
}

export function canAddActiveMember(activeMembers: number): boolean {
  return activeMembers < MAX_ACTIVE_MEMBERS;
}

/** Which movements the ledger accepts at each stage of the club's life. */
export function ledgerKindAllowed(status: ClubStatus, kind: LedgerKind): boolean {
  switch (status) {
    case "en-constitution":
      return kind === "cotisation" || kind === "frais" || kind === "retrait";
    case "en-epargne":
      return true;
    case "en-gestion":
      return kind !== "cotisation" && kind !== "investissement";
    case "liquide":
      return false;
  }
}

export type ClubPermissions = {
  isMember: boolean;
  manageMembers: boolean;
  recordLedger: boolean;
  openVotes: boolean;
  scheduleMeetings: boolean;
  studyDeals: boolean;
  changeLifecycle: boolean;
};

/** What an active member may do, from their office. */
export function clubPermissions(member: { role: ClubMemberRole; status: string } | null): ClubPermissions {
  const active = member?.status === "actif";
  const role = active ? member!.role : null;
  return {
    isMember: active,
    manageMembers: role === "gerant",
    recordLedger: role === "gerant" || role === "tresorier",
    openVotes: role === "gerant",
    scheduleMeetings: role === "gerant" || role === "secretaire",
    studyDeals: active,
    changeLifecycle: role === "gerant",
  };
}
