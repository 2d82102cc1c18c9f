import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import * as schema from "#db/schema";
import { ensureReferenceData } from "#db/reference-data";
import { frenchSortKey } from "~/domain/french-order";
import { getEnv } from "./env.server";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** What `db.transaction` hands its callback: queries like `Db`, plus `rollback()`. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/**
 * What a read helper takes: the connection or a transaction (both have the
 * same `select`), so one helper serves a page's loader and a read-then-write.
 */
export type Reader = Pick<Db, "select">;
/** What a write helper takes: the transaction of its read-then-write (see `writeTransaction`). */
export type Writer = Tx;

const MIGRATIONS_FOLDER = path.resolve("db/migrations");

/**
 * Opens (creating when missing) the SQLite file, sets the pragmas every
 * connection needs, applies pending migrations and loads reference data.
 */
export function openDatabase(file: string): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const client = new Database(file);
  client.pragma("journal_mode = WAL");
  client.pragma("foreign_keys = ON");
  client.pragma("busy_timeout = 5000");
  // Pledges and votes must survive a power loss: FULL syncs the WAL on every commit.
  client.pragma("synchronous = FULL");
  // SQLite sorts names byte by byte (capitals, then accents last): `inFrenchOrder` sorts by this key.
  client.function("french_key", { deterministic: true }, (text: unknown) => (typeof text === "string" ? frenchSortKey(text) : text));
  const db = drizzle({ client, schema, casing: "snake_case" });
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  ensureReferenceData(db);
  return db;
}

/** An ORDER BY term for names in French alphabetical order (`french_key`, registered by openDatabase). */
export function inFrenchOrder(column: SQLiteColumn): SQL {
  return sql`french_key(${column}), ${column}`;
}

const globalForDb = globalThis as unknown as { maillonDb?: Db };

/** The process-wide connection (kept across dev reloads). */
export function getDb(): Db {
  globalForDb.maillonDb ??= openDatabase(getEnv().DATABASE_URL);
  return globalForDb.maillonDb;
}

/**
 * Closes the process-wide connection, if open, after folding the WAL back into the base file
 * (`wal_checkpoint(TRUNCATE)`): what a graceful shutdown does last, leaving one file to copy.
 */
export function closeDatabase(): void {
  const db = globalForDb.maillonDb;
  if (!db) return;
  globalForDb.maillonDb = undefined;
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
}

/**
 * Runs `fn` in an IMMEDIATE transaction: the write lock is taken at BEGIN, so a
 * read-then-write cannot fail with SQLITE_BUSY halfway. `fn` must be synchronous.
 */
export function writeTransaction<T>(db: Db, fn: (tx: Tx) => T): T {
  return db.transaction(fn, { behavior: "immediate" });
}
