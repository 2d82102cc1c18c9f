import Database from "better-sqlite3";

/** Reads a SQLite file through a read-only connection of its own, closed afterwards (vitest and Playwright alike). */
export function readBase<T>(file: string, fn: (client: Database.Database) => T): T {
  const client = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return fn(client);
  } finally {
    client.close();
  }
}
