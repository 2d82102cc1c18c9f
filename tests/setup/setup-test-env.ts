import { afterAll } from "vitest";
import { freshTestDatabasePath, removeDatabaseFiles } from "./test-database";

// Test files share a worker's modules (vitest.config.ts: isolate: false), and so its process.env:
// each file starts from the environment the worker started with, whatever the file before it set.
const globalForEnv = globalThis as unknown as { maillonWorkerEnv?: NodeJS.ProcessEnv };
globalForEnv.maillonWorkerEnv ??= { ...process.env };
for (const name of Object.keys(process.env)) if (!(name in globalForEnv.maillonWorkerEnv)) delete process.env[name];
Object.assign(process.env, globalForEnv.maillonWorkerEnv);

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
