/**
 * What must never reach a visitor's browser: the database layer. The client
 * build is scanned for drizzle-orm's runtime and for our table definitions; a
 * hit means a module the browser loads imports `db/` (often through an enum
 * that belongs in app/domain/vocabulary.ts).
 */
import { getTableName, is } from "drizzle-orm";
import { SQLiteTable } from "drizzle-orm/sqlite-core";

export type BuiltFile = { path: string; text: string };

/** drizzle-orm tags its classes with `Symbol.for("drizzle:…")` keys; sqliteTable survives only unminified. */
const DRIZZLE_MARKERS = [/drizzle:[A-Za-z]+/, /\bsqliteTable\b/];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The SQL names of the tables a schema module exports. */
export function tableNamesOf(schema: Record<string, unknown>): string[] {
  return Object.values(schema)
    .filter((value) => is(value, SQLiteTable))
    .map((table) => getTableName(table as SQLiteTable))
    .sort();
}

/**
 * « path: what » for every file that holds drizzle-orm or defines one of our
 * tables: a call whose first argument is the table's SQL name and whose second
 * is its columns, `x("users",{id:…` once minified.
 */
export function findDatabaseCode(files: readonly BuiltFile[], tableNames: readonly string[]): string[] {
  const definitions = tableNames.map((name) => ({
    name,
    pattern: new RegExp(`(["'\`])${escapeRegExp(name)}\\1\\s*,\\s*\\{`),
  }));
  const found: string[] = [];
  for (const { path, text } of files) {
    const marker = DRIZZLE_MARKERS.map((p) => p.exec(text)?.[0]).find((m) => m !== undefined);
    if (marker) found.push(`${path}: drizzle-orm (${marker})`);
    const defined = definitions.filter((d) => d.pattern.test(text)).map((d) => d.name);
    if (defined.length > 0) found.push(`${path}: table definitions (${defined.join(", ")})`);
  }
  return found;
}
