import { and, asc, desc, eq, gte, inArray, like, lt, or, type SQL } from "drizzle-orm";
import { communes } from "#db/schema";
import { foldForSearch } from "~/domain/catalog";
import type { Db } from "~/utils/db.server";

export type CommuneSummary = {
  /** INSEE code. */
  code: string;
  name: string;
  departmentCode: string;
  /** Postal codes, main one first (most communes have exactly one). */
  postalCodes: string[];
  population: number;
};

const summaryColumns = {
  code: communes.code,
  name: communes.name,
  departmentCode: communes.departmentCode,
  postalCodes: communes.postalCodes,
  population: communes.population,
};

type SummaryRow = Omit<CommuneSummary, "postalCodes"> & { postalCodes: string };

function toSummary(row: SummaryRow): CommuneSummary {
  return { ...row, postalCodes: row.postalCodes.split(" ").filter(Boolean) };
}

// Sorts after every character a folded name can hold, closing a prefix range.
const PREFIX_END = "\uffff";
const INSEE_CODE = /^(?:\d{5}|2[ab]\d{3})$/i;
const DIGITS = /^\d{1,5}$/;

/** Postal-code prefix on any of the space-separated codes, or an exact INSEE code. */
function digitsCondition(query: string): SQL | undefined {
  return or(
    eq(communes.code, query),
    like(communes.postalCodes, `${query}%`),
    like(communes.postalCodes, `% ${query}%`),
  );
}

/**
 * Prefix match on the folded name. A range rather than LIKE, because SQLite's
 * LIKE is case-insensitive and so cannot use the plain index on search_name.
 */
function namePrefixCondition(folded: string): SQL | undefined {
  return and(gte(communes.searchName, folded), lt(communes.searchName, folded + PREFIX_END));
}

function searchCondition(query: string): SQL | undefined {
  if (DIGITS.test(query)) return digitsCondition(query);
  if (INSEE_CODE.test(query)) return eq(communes.code, query.toUpperCase()); // Corsica: 2A004
  const folded = foldForSearch(query);
  return folded ? namePrefixCondition(folded) : undefined;
}

/**
 * Communes for the commune field: by name prefix (accents, case and
 * punctuation ignored), postal-code prefix or exact INSEE code; largest first.
 */
export function searchCommunes(db: Db, query: string, limit = 10): CommuneSummary[] {
  const condition = searchCondition(query.trim());
  if (!condition || limit <= 0) return [];
  return db
    .select(summaryColumns)
    .from(communes)
    .where(condition)
    .orderBy(desc(communes.population), asc(communes.name))
    .limit(limit)
    .all()
    .map(toSummary);
}

export function getCommune(db: Db, code: string): CommuneSummary | undefined {
  const row = db.select(summaryColumns).from(communes).where(eq(communes.code, code)).get();
  return row && toSummary(row);
}

/** "Saint-Jean-d'Angély (17400)": the name with its main postal code. */
export function communeLabel(commune: Pick<CommuneSummary, "name" | "postalCodes">): string {
  const postalCode = commune.postalCodes[0];
  return postalCode ? `${commune.name} (${postalCode})` : commune.name;
}

/** Several communes at once, in no particular order; unknown codes are skipped. */
export function getCommunes(db: Db, codes: readonly string[]): CommuneSummary[] {
  if (codes.length === 0) return [];
  return db
    .select(summaryColumns)
    .from(communes)
    .where(inArray(communes.code, [...codes]))
    .all()
    .map(toSummary);
}

/** Communes whose folded name is exactly `folded` (several share names: "saint martin"). */
export function findCommunesByFoldedName(db: Db, folded: string, limit = 50): CommuneSummary[] {
  return db
    .select(summaryColumns)
    .from(communes)
    .where(eq(communes.searchName, folded))
    .orderBy(desc(communes.population), asc(communes.name))
    .limit(limit)
    .all()
    .map(toSummary);
}
