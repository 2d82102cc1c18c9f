/** Test data for shared resources and their bookings. */
import { toParisLocalInput } from "~/domain/paris-time";
import type { OpenRange } from "~/domain/resource-booking";
import { seedBooking } from "~/models/resource-booking.server";
import { seedResource, type ResourceInput } from "~/models/shared-resource.server";
import { writeTransaction, type Db } from "~/utils/db.server";
import type { BookingStatus } from "~/domain/vocabulary";
import { addTestMembers } from "./pole-factories";

/** Open every day, all day: the tests that are not about open hours. */
export const ALWAYS_OPEN: OpenRange[] = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, opensAt: 0, closesAt: 1440 }));

/** A free resource of the pôle lent by `ownerId` (made a member), open all week unless told otherwise. */
export function createTestResource(db: Db, territoryId: number, ownerId: number, overrides: Partial<ResourceInput> & { active?: boolean } = {}, now = new Date()): number {
  addTestMembers(db, territoryId, [ownerId], now);
  return writeTransaction(db, (tx) =>
    seedResource(
      tx,
      {
        territoryId,
        ownerId,
        kind: "local",
        title: "Salle de réunion de test",
        description: "Une salle pour douze personnes, avec un vidéoprojecteur.",
        communeCode: null,
        organisationId: null,
        terms: "gratuit",
        costCents: null,
        depositCents: null,
        termsNote: "",
        openHours: ALWAYS_OPEN,
        closures: [],
        ...overrides,
      },
      now,
    ),
  );
}

/** A booking of the resource by `requesterId` (made a member), `hoursAhead` from now for `hours` hours. */
export function createTestBooking(
  db: Db,
  territoryId: number,
  resourceId: number,
  requesterId: number,
  options: { hoursAhead?: number; hours?: number; status?: BookingStatus } = {},
  now = new Date(),
): number {
  addTestMembers(db, territoryId, [requesterId], now);
  const startsAt = new Date(Math.ceil(now.getTime() / 3_600_000) * 3_600_000 + (options.hoursAhead ?? 48) * 3_600_000);
  const endsAt = new Date(startsAt.getTime() + (options.hours ?? 2) * 3_600_000);
  return writeTransaction(db, (tx) => seedBooking(tx, { resourceId, requesterId, startsAt, endsAt, message: "", status: options.status ?? "demandee", createdAt: now }));
}

/** The datetime-local values of a period `hoursAhead` from now, as a form sends them. */
export function localPeriod(hoursAhead: number, hours: number, now = new Date()): { startsAt: string; endsAt: string } {
  const start = Math.ceil(now.getTime() / 3_600_000) * 3_600_000 + hoursAhead * 3_600_000;
  return { startsAt: toParisLocalInput(start), endsAt: toParisLocalInput(start + hours * 3_600_000) };
}

/** The fields of a valid resource form (open Monday 9 h – 12 h). */
export function resourceForm(extra: Record<string, string> = {}): Record<string, string> {
  return {
    kind: "materiel",
    title: "Perceuse-visseuse",
    description: "Une perceuse-visseuse sans fil avec deux batteries et un jeu de mèches.",
    terms: "caution",
    depositEuros: "50",
    "hours[0].opens1": "09:00",
    "hours[0].closes1": "12:00",
    ...extra,
  };
}
