import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { mentorships } from "#db/schema";
import { createTestHolder, createTestProject, createTestRequest, createTestVolunteer } from "#seeds/journey-factories";
import { respondToRequest } from "~/models/mentorship.server";
import { getDb } from "~/utils/db.server";
import { Contenders } from "./contenders";

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
      const contenders = await Contenders.start(db.$client.name, 4);
      try {
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
          const outcomes = await contenders.race(requests.map((mentorshipId) => ({ action: "accept-mentorship", mentorshipId, userId: volunteer.id })));

          expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
          for (const o of outcomes.filter((o) => !o.ok)) {
            expect(o.message).toMatch(/^Capacité atteinte : vous suivez déjà 2 projets sur 2 possibles\./);
          }
          expect(activeCount(volunteer.id)).toBe(2);
        }
      } finally {
        await contenders.stop();
      }
    },
    60_000,
  );
});
