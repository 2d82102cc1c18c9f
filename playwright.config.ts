import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_DATABASE = "tmp/e2e.db";
/** The demo, seeded once per run and copied for each e2e server (seeding takes ~10 s on a busy machine). */
const E2E_TEMPLATE = "tmp/e2e-template.db";
/** Where the e2e server writes every message as an .eml (tests/e2e/fixtures.ts reads them); emptied at start. */
export const E2E_OUTBOX = "tmp/e2e-outbox";
/** Parts of pages axe found clean in this run (tests/e2e/axe-parts.ts): emptied at start. */
const AXE_CACHE_DIR = "tmp/e2e-axe-cache";
/**
 * A second server of the same build sends its mail through SMTP to a real test SMTP server, which
 * writes what it receives in E2E_SMTP_MAILBOX (tests/e2e/mail.spec.ts): the path a real pôle runs.
 */
export const E2E_SMTP_APP_PORT = PORT + 1;
const E2E_SMTP_PORT = PORT + 2;
export const E2E_SMTP_DATABASE = "tmp/e2e-smtp.db";
export const E2E_SMTP_MAILBOX = "tmp/e2e-smtp-mailbox";
/**
 * A third server of the same build, with its own copy of the demo, for tests/e2e/robustness.spec.ts alone:
 * it proves that a refused request stores nothing by counting rows before and after, which holds only
 * where no other test writes at the same time (a journey filing a project on the main server did).
 */
export const E2E_ROBUSTNESS_PORT = PORT + 3;
export const E2E_ROBUSTNESS_DATABASE = "tmp/e2e-robustness.db";
/** Each demo account's one session of the run on that server, shared by the workers (emptied at start). */
export const E2E_ROBUSTNESS_SESSIONS = "tmp/e2e-robustness-sessions";
const BUILD = process.env.E2E_BUILT === "1" ? "" : "npm run build && ";
/** TEST-NET-1 (RFC 5737): sent by the test clients, exempt from the sign-in limit in the test server only. */
export const EXEMPT_CLIENT_ADDRESS = "192.0.2.1";

/**
 * Chromium reads only the last --disable-features switch: Playwright's own list (playwright-core
 * 1.65, chromiumSwitches.ts) is repeated here so that adding to it keeps what it turns off.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  "AvoidUnnecessaryBeforeUnloadCheckSync", "DestroyProfileOnBrowserClose", "HttpsUpgrades", "HttpsFirstBalancedModeAutoEnable",
  "LensOverlay", "MediaRouter", "PaintHolding", "ThirdPartyStoragePartitioning", "AvoidCorsURLLoaderRestartOnRedirect",
  "TcpPortRandomizationWin", "OptimizationHints", "NetworkTimeServiceQuerying", "AimEnabled", "PreconnectToSearch",
];

// Debian's Chromium when present (Playwright cannot download its own browser here).
const systemChromium = "/usr/bin/chromium";
const launchOptions = fs.existsSync(systemChromium)
  ? {
      executablePath: systemChromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        // Less work per page for the same pages (two crawls with one worker, 7 December 2026: 157–160 →
        // 140–151 s of CPU for the whole run, server included): the GPU thread in the browser process,
        // no GPU compositing, one renderer process per page rather than per site (one origin here),
        // and no optimising JIT, which compiles code a test page runs once (axe, hydration) for nothing:
        // `--max-opt=1` stops at the baseline compiler, where `--no-opt` still let Maglev optimise
        // (desktop crawl, two workers, interleaved runs: 146–156 s of CPU against 159–164).
        "--in-process-gpu",
        "--disable-gpu-compositing",
        "--disable-site-isolation-trials",
        `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, "IsolateOrigins", "site-per-process"].join(",")}`,
        "--js-flags=--max-opt=1",
      ],
    }
  : {};

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  // Three workers on two cores: at two, the run kept the CPU busy only 46 % of the time (tests wait on
  // the mail worker, redirects and axe's idle callbacks), 977 s for the whole `npm test` here. Four
  // were tried (3 December 2026): no faster (12.6 min of browser tests either way) and three tests
  // failed on timeouts and on a first sign-in of another worker counted as a stored session. The unit
  // tests fill what is left, at a lower priority (scripts/test.sh).
  workers: 3,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    // A trace is recorded for every test and kept only when it fails: 14 % of the browser tests' time
    // (crawl and journeys, 453 s → 391 s here), for a file CI keeps nowhere. Recorded where one is read.
    trace: process.env.CI ? "off" : "retain-on-failure",
    launchOptions,
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions }, testIgnore: /mobile\.spec\.ts/ },
    { name: "mobile", use: { ...devices["Pixel 7"], launchOptions }, testMatch: /mobile\.spec\.ts/ },
  ],
  webServer: [
  {
    // Production build on a throwaway database seeded with the demo. `npm test` builds (and checks the
    // client bundle) just before and says so with E2E_BUILT=1, so the build is not done twice.
    // db:setup closes its connection, which checkpoints the WAL: the template is one file.
    command: `rm -rf ${E2E_DATABASE} ${E2E_DATABASE}-wal ${E2E_DATABASE}-shm ${E2E_TEMPLATE} ${E2E_TEMPLATE}-wal ${E2E_TEMPLATE}-shm ${E2E_TEMPLATE}.ready ${E2E_OUTBOX} ${AXE_CACHE_DIR} && ${BUILD}DATABASE_URL=${E2E_TEMPLATE} npm run db:setup && touch ${E2E_TEMPLATE}.ready && cp ${E2E_TEMPLATE} ${E2E_DATABASE} && npm run serve`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: "pipe",
    env: {
      DATABASE_URL: E2E_DATABASE,
      PORT: String(PORT),
      HOST: "127.0.0.1",
      // Test clients send X-Forwarded-For: the sign-in limit tests use addresses of their own.
      TRUST_PROXY: "1",
      // Every other client sends this documentation address (never a real client's, see
      // tests/e2e/fixtures.ts): its sign-in attempts are not limited, so tests cannot block each other.
      SIGN_IN_LIMIT_EXEMPT: EXEMPT_CLIENT_ADDRESS,
      // Tests post many forms as one person from one address: the write limits are lifted.
      RATE_LIMIT_WRITES: "0",
      RATE_LIMIT_WRITES_PER_ADDRESS: "0",
      COOKIE_SECURE: "0",
      // No SMTP_URL: mail goes to the outbox, with links to this server.
      OUTBOX_DIR: E2E_OUTBOX,
      PUBLIC_URL: `http://127.0.0.1:${PORT}`,
      // A throwaway base: no backups beside it.
      BACKUP_INTERVAL_HOURS: "0",
    },
  },
  {
    command: `rm -rf ${E2E_ROBUSTNESS_DATABASE} ${E2E_ROBUSTNESS_DATABASE}-wal ${E2E_ROBUSTNESS_DATABASE}-shm tmp/e2e-robustness-outbox ${E2E_ROBUSTNESS_SESSIONS} && for i in $(seq 1800); do [ -e ${E2E_TEMPLATE}.ready ] && break; sleep 0.1; done && cp ${E2E_TEMPLATE} ${E2E_ROBUSTNESS_DATABASE} && npm run serve`,
    url: `http://127.0.0.1:${E2E_ROBUSTNESS_PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: "pipe",
    env: {
      DATABASE_URL: E2E_ROBUSTNESS_DATABASE,
      PORT: String(E2E_ROBUSTNESS_PORT),
      HOST: "127.0.0.1",
      TRUST_PROXY: "1",
      SIGN_IN_LIMIT_EXEMPT: EXEMPT_CLIENT_ADDRESS,
      RATE_LIMIT_WRITES: "0",
      RATE_LIMIT_WRITES_PER_ADDRESS: "0",
      COOKIE_SECURE: "0",
      OUTBOX_DIR: "tmp/e2e-robustness-outbox",
      PUBLIC_URL: `http://127.0.0.1:${E2E_ROBUSTNESS_PORT}`,
      BACKUP_INTERVAL_HOURS: "0",
    },
  },
  {
    command: `tsx tests/setup/e2e-smtp-capture.ts ${E2E_SMTP_PORT} ${E2E_SMTP_MAILBOX}`,
    port: E2E_SMTP_PORT,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
    stdout: "pipe",
  },
  {
    // The same build (the first server built it), its own copy of the demo, mail through SMTP.
    command: `rm -rf ${E2E_SMTP_DATABASE} ${E2E_SMTP_DATABASE}-wal ${E2E_SMTP_DATABASE}-shm && for i in $(seq 1800); do [ -e ${E2E_TEMPLATE}.ready ] && break; sleep 0.1; done && cp ${E2E_TEMPLATE} ${E2E_SMTP_DATABASE} && npm run serve`,
    url: `http://127.0.0.1:${E2E_SMTP_APP_PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: "pipe",
    env: {
      DATABASE_URL: E2E_SMTP_DATABASE,
      PORT: String(E2E_SMTP_APP_PORT),
      HOST: "127.0.0.1",
      TRUST_PROXY: "1",
      SIGN_IN_LIMIT_EXEMPT: EXEMPT_CLIENT_ADDRESS,
      // Tests post many forms as one person from one address: the write limits are lifted.
      RATE_LIMIT_WRITES: "0",
      RATE_LIMIT_WRITES_PER_ADDRESS: "0",
      COOKIE_SECURE: "0",
      SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
      PUBLIC_URL: `http://127.0.0.1:${E2E_SMTP_APP_PORT}`,
      BACKUP_INTERVAL_HOURS: "0",
    },
  },
  ],
});
