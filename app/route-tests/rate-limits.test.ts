/**
 * Repeated writes through the real actions and the real `authorize`: past RATE_LIMIT_WRITES in the
 * window, a person's next form gets a French 429 with Retry-After and nothing is stored; the same
 * from one address with RATE_LIMIT_WRITES_PER_ADDRESS. The tests' setup lifts both (0); this file
 * sets its own.
 */
import { count, eq } from "drizzle-orm";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { pledges } from "#db/schema";
import { createTestUser } from "#seeds/factories";
import { createFundedProject } from "#seeds/finance-factories";
import * as soutenir from "~/routes/projets.$id.soutenir";
import { getDb, type Db } from "~/utils/db.server";
import { newRequestScope, requestScope } from "../../server/request-scope.js";
import { post, type Called } from "./helpers";

const globalForEnv = globalThis as unknown as { maillonEnv?: unknown };
function setEnv(vars: Record<string, string>) {
  Object.assign(process.env, vars);
  globalForEnv.maillonEnv = undefined; // read again, with these limits
}

let db: Db;
let projectId: number;
beforeAll(async () => {
  db = getDb();
  projectId = createFundedProject(db, (await createTestUser(db, { roles: ["porteur"] })).id).id;
});
afterEach(() => setEnv({ RATE_LIMIT_WRITES: "0", RATE_LIMIT_WRITES_PER_ADDRESS: "0" }));

const pledgesOf = (userId: number) => db.select({ n: count() }).from(pledges).where(eq(pledges.userId, userId)).get()!.n;
const pledge = (userId: number): Promise<Called> =>
  post(soutenir.action, `/projets/${projectId}/soutenir`, userId, { amount: "10", kind: "don" }, { id: String(projectId) });

describe("the write limit per person", () => {
  beforeEach(() => setEnv({ RATE_LIMIT_WRITES: "5/60", RATE_LIMIT_WRITES_PER_ADDRESS: "0" }));

  it("lets a saver make 5 pledges in the window; the 6th gets a French 429 with Retry-After and stores nothing", async () => {
    const saver = await createTestUser(db, { roles: ["epargnant"] });
    for (let i = 1; i <= 5; i++) expect((await pledge(saver.id)).status, `pledge ${i}`).toBe(302);
    expect(pledgesOf(saver.id)).toBe(5);

    const sixth = await pledge(saver.id);
    expect(sixth.status).toBe(429);
    expect(sixth.thrown).toBe(true);
    expect((sixth.data as { message: string }).message).toMatch(
      /^Vous avez envoyé beaucoup de formulaires en peu de temps : patientez (60|59) secondes, puis réessayez\. Rien n'a été enregistré\.$/,
    );
    expect(Number(sixth.headers?.get("Retry-After"))).toBeGreaterThanOrEqual(59);
    expect(pledgesOf(saver.id)).toBe(5);

    // Another saver is not held back by the first one's writes.
    const other = await createTestUser(db, { roles: ["epargnant"] });
    expect((await pledge(other.id)).status).toBe(302);
  });

  it("is lifted by RATE_LIMIT_WRITES=0, as in the tests: 91 pledges in a row all go through", async () => {
    setEnv({ RATE_LIMIT_WRITES: "0" });
    const saver = await createTestUser(db, { roles: ["epargnant"] });
    for (let i = 0; i < 91; i++) expect((await pledge(saver.id)).status).toBe(302);
    expect(pledgesOf(saver.id)).toBe(91);
  });
});

describe("the write limit per address", () => {
  beforeEach(() => setEnv({ RATE_LIMIT_WRITES: "0", RATE_LIMIT_WRITES_PER_ADDRESS: "4/60" }));

  it("refuses the 5th write from one address whoever signs in there, and serves another address", async () => {
    const savers = await Promise.all([1, 2, 3, 4, 5].map(() => createTestUser(db, { roles: ["epargnant"] })));
    const from = (address: string, fn: () => Promise<Called>) => requestScope.run(newRequestScope(address), fn);
    for (const saver of savers.slice(0, 4)) expect((await from("203.0.113.40", () => pledge(saver.id))).status).toBe(302);
    const fifth = await from("203.0.113.40", () => pledge(savers[4]!.id));
    expect(fifth.status).toBe(429);
    expect(pledgesOf(savers[4]!.id)).toBe(0);
    expect((await from("203.0.113.41", () => pledge(savers[4]!.id))).status).toBe(302);
  });
});
