import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import path from "node:path";
import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { mentorships } from "#db/schema";
import { createTestHolder, createTestProject, createTestRequest, createTestVolunteer } from "#seeds/journey-factories";
import { respondToRequest } from "~/models/mentorship.server";
import { getDb } from "~/utils/db.server";

const SCRIPT = path.resolve("app/route-tests/race-accept.ts");

type Contender = { child: ChildProcessWithoutNullStreams; ready: Promise<void>; result: Promise<{ ok: boolean; message?: string }> };

/** A separate process with its own better-sqlite3 connection to the same file. */
function contender(file: string, mentorshipId: number, userId: number): Contender {
  const child = spawn(process.execPath, ["--import", "tsx", SCRIPT, file, String(mentorshipId), String(userId)]);
  let out = "";
  let err = "";
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const result = new Promise<{ ok: boolean; message?: string }>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("ready\n")) markReady();
    });
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("exit", (code) => {
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (code !== 0 || !line) reject(new Error(`contender failed (${code}): ${err}`));
      else resolve(JSON.parse(line) as { ok: boolean; message?: string });
    });
  });
  return { child, ready, result };
}

function activeCount(volunteerId: number): number {
  return (
    getDb()
      .select({ n: count() })
      .from(mentorships)
      .where(and(eq(mentorships.volunteerId, volunteerId), eq(mentorships.status, "acceptee")))
      .get()?.n ?? 0
  );
}

describe("capacity under concurrent accepts", () => {
  it(
    "lets exactly one of several processes take the last place; the others get a clear message",
    async () => {
      const db = getDb();
      const file = db.$client.name;
      for (let round = 0; round < 2; round += 1) {
        // One place left: capacity 2, one mentorship already running.
        const volunteer = await createTestVolunteer(db, { max: 2 });
        const running = createTestProject(db, (await createTestHolder(db)).id);
        const first = createTestRequest(db, running.needIds[0]!, volunteer.id);
        expect(respondToRequest(db, first, volunteer.id, "accepter", "", new Date()).ok).toBe(true);

        const requests: number[] = [];
        for (let i = 0; i < 4; i += 1) {
          const project = createTestProject(db, (await createTestHolder(db)).id);
          requests.push(createTestRequest(db, project.needIds[0]!, volunteer.id));
        }
        const contenders = requests.map((id) => contender(file, id, volunteer.id));
        await Promise.all(contenders.map((c) => c.ready));
        for (const c of contenders) c.child.stdin.write("go\n");
        const outcomes = await Promise.all(contenders.map((c) => c.result));

        expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
        for (const o of outcomes.filter((o) => !o.ok)) {
          expect(o.message).toMatch(/^Capacité atteinte : vous suivez déjà 2 projets sur 2 possibles\./);
        }
        expect(activeCount(volunteer.id)).toBe(2);
      }
    },
    60_000,
  );
});
