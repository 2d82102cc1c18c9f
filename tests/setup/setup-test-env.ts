import { afterAll } from "vitest";
import { freshTestDatabasePath, removeDatabaseFiles } from "./test-database";

// Each test file gets its own copy of the migrated template database.
const file = freshTestDatabasePath("vitest");
process.env.DATABASE_URL = file;
process.env.NODE_ENV = "test";
// Mail that a test lets the worker's transport send lands in the git-ignored tmp/, never in ./data.
process.env.OUTBOX_DIR = "tmp/vitest-outbox";
// Tests post many forms as one person: the write limits are lifted (app/route-tests/rate-limits.test.ts sets its own).
process.env.RATE_LIMIT_WRITES = "0";
process.env.RATE_LIMIT_WRITES_PER_ADDRESS = "0";
const globalForDb = globalThis as unknown as { maillonDb?: { $client: { close(): void } }; maillonEnv?: unknown };
globalForDb.maillonDb = undefined;
// The environment is read once per process: read it again, with this file's database.
globalForDb.maillonEnv = undefined;

afterAll(() => {
  globalForDb.maillonDb?.$client.close();
  globalForDb.maillonDb = undefined;
  removeDatabaseFiles(file);
});
