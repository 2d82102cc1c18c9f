import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

/** Starts `node server.js` as `npm run serve` does, with one variable overridden. */
async function startWith(variables: Record<string, string>) {
  return run(process.execPath, ["server.js"], {
    env: { ...process.env, NODE_ENV: "production", ...variables },
    timeout: 20_000,
  }).then(
    () => ({ code: 0, stderr: "" }),
    (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
  );
}

describe("server.js reads the validated environment", () => {
  it("stops before listening, naming the variable, when PORT, HOST or TRUST_PROXY is invalid", async () => {
    for (const [name, value] of [["PORT", "http"], ["HOST", ""], ["TRUST_PROXY", "yes"]] as const) {
      const { code, stderr } = await startWith({ [name]: value });
      expect(code, `${name}=${value}`).toBe(1);
      expect(stderr, `${name}=${value}`).toContain(`- ${name}:`);
    }
  }, 60_000);
});
