/** Test data for the agenda: events of a pôle and people registered or waiting. */
import { randomUUID } from "node:crypto";
import { eventRegistrations, events } from "#db/schema";
import type { EventInput } from "~/models/event.server";
import type { RegistrationStatus } from "~/domain/vocabulary";
import type { Db } from "~/utils/db.server";

const HOUR = 60 * 60 * 1000;

/** An event of the pôle starting in `inHours` (negative: past), two hours long, public and without limit unless told. */
export function createTestEvent(
  db: Db,
  territoryId: number,
  overrides: Partial<EventInput> & { inHours?: number; organiserId?: number | null; status?: "prevu" | "annule" } = {},
  now = new Date(),
): { id: number; uid: string } {
  const { inHours = 72, organiserId = null, status = "prevu", ...rest } = overrides;
  const startsAt = rest.startsAt ?? new Date(now.getTime() + inHours * HOUR);
  const uid = `${randomUUID()}@maillon`;
  const row = db
    .insert(events)
    .values({
      territoryId,
      title: "Rendez-vous de test",
      description: "",
      address: "Salle des fêtes",
      communeCode: "17347",
      onlineUrl: null,
      capacity: null,
      visibility: "public",
      axisId: null,
      groupId: null,
      ...rest,
      startsAt,
      endsAt: rest.endsAt ?? new Date(startsAt.getTime() + 2 * HOUR),
      organiserId,
      status,
      uid,
      sequence: 0,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: events.id })
    .get();
  return { id: row.id, uid };
}

/** Registers these people with `status`, queued one second apart in the order given. */
export function addTestRegistrations(db: Db, eventId: number, userIds: readonly number[], status: RegistrationStatus = "inscrit", now = new Date()): void {
  for (const [i, userId] of userIds.entries()) {
    const at = new Date(now.getTime() + i * 1000);
    db.insert(eventRegistrations).values({ eventId, userId, status, queuedAt: at, updatedAt: at }).run();
  }
}
