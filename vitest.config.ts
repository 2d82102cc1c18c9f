import os from "node:os";
import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["{app,db,seeds,scripts,server}/**/*.test.ts"],
    globalSetup: ["./tests/setup/global-setup.ts"],
    setupFiles: ["./tests/setup/setup-test-env.ts"],
    pool: "forks",
    // A worker loads the app's modules once for all its files, not once per file: vitest alone went
    // from 160 s to 89 s and from about 275 to 163 s of CPU. What a file must not inherit is reset per
    // file by tests/setup/setup-test-env.ts (database, environment); the modules keep no other state
    // between files (their caches are keyed on the connection or the environment object).
    isolate: false,
    // Vitest's default is one worker less than the cores: a single worker on the 2-core CI machine.
    // Each test file has its own SQLite copy (tests/setup/setup-test-env.ts), so files run side by side.
    maxWorkers: Math.max(2, os.availableParallelism()),
    // Property tests write to SQLite with synchronous=FULL; on a loaded 2-core CI machine 5 s is too tight.
    testTimeout: 30_000,
    // Seeding the demo twice (determinism check) takes ~16 s when the two cores are busy; it passed 60 s
    // on a slower 2-core machine when these tests still ran niced beside the browser tests.
    hookTimeout: 180_000,
  },
});
