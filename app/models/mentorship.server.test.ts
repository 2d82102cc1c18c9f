import fc from "fast-check";
import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { mentorships, volunteerProfiles } from "#db/schema";
import { createTestHolder, createTestProject, createTestRequest, createTestVolunteer } from "#seeds/journey-factories";
import { getDb } from "~/utils/db.server";
import { endMentorship, respondToRequest } from "./mentorship.server";

function active(volunteerId: number): number {
  return (
    getDb()
      .select({ n: count() })
      .from(mentorships)
      .where(and(eq(mentorships.volunteerId, volunteerId), eq(mentorships.status, "acceptee")))
      .get()?.n ?? 0
  );
}

describe("capacity, whatever the order of accepts, ends and capacity changes", () => {
  it("never lets a volunteer run more mentorships than their maximum at the time of acceptance", async () => {
    const db = getDb();
    const op = fc.oneof(
      fc.record({ kind: fc.constant("accept" as const), i: fc.nat({ max: 5 }) }),
      fc.record({ kind: fc.constant("end" as const), i: fc.nat({ max: 5 }) }),
      fc.record({ kind: fc.constant("capacity" as const), max: fc.integer({ min: 0, max: 4 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 3 }), fc.array(op, { maxLength: 25 }), async (initialMax, ops) => {
        const volunteer = await createTestVolunteer(db, { max: initialMax });
        const holder = await createTestHolder(db);
        const needs = createTestProject(db, holder.id, { needs: Array.from({ length: 6 }, () => ({ skill: "comptabilite" })) }).needIds;
        const requests = needs.map((needId) => createTestRequest(db, needId, volunteer.id));
        for (const o of ops) {
          if (o.kind === "capacity") {
            db.update(volunteerProfiles).set({ maxMentorships: o.max }).where(eq(volunteerProfiles.userId, volunteer.id)).run();
            continue;
          }
          const id = requests[o.i]!;
          if (o.kind === "end") {
            endMentorship(db, id, holder.id, "arretee", { rating: 3, comment: "" }, new Date());
            continue;
          }
          const before = active(volunteer.id);
          const max = db.select().from(volunteerProfiles).where(eq(volunteerProfiles.userId, volunteer.id)).get()!.maxMentorships;
          const pending = db.select().from(mentorships).where(eq(mentorships.id, id)).get()!.status === "demande";
          const outcome = respondToRequest(db, id, volunteer.id, "accepter", "", new Date());
          if (outcome.ok) expect(before).toBeLessThan(max);
          if (pending && before >= max) expect(outcome).toMatchObject({ ok: false, status: 409, message: expect.stringMatching(/^Capacité atteinte/) });
          expect(active(volunteer.id)).toBeLessThanOrEqual(Math.max(before, max));
        }
      }),
      { numRuns: 30 },
    );
  });
});
