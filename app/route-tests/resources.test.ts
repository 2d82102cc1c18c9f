/**
 * Shared resources and their bookings through the real loaders and actions, against real SQLite:
 * who may request, offer, change and answer; bad input answered in French at its field with nothing
 * stored; and two accepts of overlapping bookings racing from two processes.
 */
import { and, count, eq } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { notifications, resourceBookings, sharedResources } from "#db/schema";
import { createTestAnimator, createTestTerritory, createTestUser } from "#seeds/factories";
import { createTestOrganisation } from "#seeds/organisation-factories";
import { addTestMembers } from "#seeds/pole-factories";
import { ALWAYS_OPEN, createTestBooking, createTestResource, localPeriod, resourceForm } from "#seeds/resource-factories";
import { overlaps } from "~/domain/resource-booking";
import type { Role } from "~/domain/vocabulary";
import { answerBooking, requestBooking } from "~/models/resource-booking.server";
import type { Territory } from "~/models/territory.server";
import * as resourcePage from "~/routes/ressources.$id._index";
import * as editPage from "~/routes/ressources.$id.modifier";
import * as listPage from "~/routes/ressources._index";
import * as offerPage from "~/routes/ressources.proposer";
import * as bookingsPage from "~/routes/ressources.reservations";
import { getDb, type Db } from "~/utils/db.server";
import { Contenders } from "./contenders";
import { fieldErrors, get, initialValue, messageOf, post } from "./helpers";

let db: Db;
let pole: Territory;
let otherPole: Territory;

beforeAll(() => {
  db = getDb();
  pole = createTestTerritory(db);
  otherPole = createTestTerritory(db);
});

const user = async (roles: Role[] = ["benevole"]) => (await createTestUser(db, { roles })).id;
async function member(roles: Role[] = ["benevole"]) {
  const id = await user(roles);
  addTestMembers(db, pole.id, [id]);
  return id;
}

const bookingCount = (resourceId: number) => db.select({ n: count() }).from(resourceBookings).where(eq(resourceBookings.resourceId, resourceId)).get()!.n;
const resourceCount = () => db.select({ n: count() }).from(sharedResources).get()!.n;
const statusOf = (bookingId: number) => db.select({ s: resourceBookings.status }).from(resourceBookings).where(eq(resourceBookings.id, bookingId)).get()!.s;
const reservationNotices = (userId: number) =>
  db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.kind, "reservation"))).get()!.n;

const requestAs = (who: number | null, resourceId: number, form: Record<string, string>) =>
  post(resourcePage.action as never, `/ressources/${resourceId}`, who, { intent: "request", ...form }, { id: String(resourceId) });
const answerAs = (who: number, bookingId: number, decision: "accepter" | "refuser", reply = "") =>
  post(bookingsPage.action as never, "/ressources/reservations", who, { intent: "answer", bookingId: String(bookingId), decision, reply });

/** Monday to Friday 9 h – 12 h 30 and 14 h – 18 h. */
const OFFICE = [0, 1, 2, 3, 4].flatMap((weekday) => [
  { weekday, opensAt: 540, closesAt: 750 },
  { weekday, opensAt: 840, closesAt: 1080 },
]);

/** The next Monday at least a week ahead, as YYYY-MM-DD. */
function nextMonday(): string {
  const d = new Date(Date.now() + 7 * 86_400_000);
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

describe("the list and the page of a resource", () => {
  it("shows a visitor the active resources with their terms in euros, filtered by kind, and hides withdrawn ones", async () => {
    const owner = await user(["porteur"]);
    const van = createTestResource(db, pole.id, owner, { kind: "vehicule", title: "Camion frigorifique du pôle", terms: "participation", costCents: 2500, depositCents: 30000 });
    const hidden = createTestResource(db, pole.id, owner, { kind: "vehicule", title: "Vieux camion retiré", active: false });
    const called = await get(listPage.loader as never, `/ressources?pole=${pole.slug}&type=vehicule`, null);
    const data = called.data as { resources: { id: number; title: string }[] };
    expect(data.resources.map((r) => r.id)).toContain(van);
    expect(data.resources.map((r) => r.id)).not.toContain(hidden);
    const page = await get(resourcePage.loader as never, `/ressources/${van}`, null, { id: String(van) });
    expect((page.data as { resource: { terms: string } }).resource.terms).toBe("Participation de 25,00\u00a0€, caution de 300,00\u00a0€");
    expect((await get(resourcePage.loader as never, `/ressources/${hidden}`, null, { id: String(hidden) })).status).toBe(404);
    expect((await get(resourcePage.loader as never, "/ressources/abc", null, { id: "abc" })).status).toBe(404);
    expect((await get(resourcePage.loader as never, "/ressources/999999", null, { id: "999999" })).status).toBe(404);
  });

  it("gives the open hours in French per weekday, « fermé » on the days without", async () => {
    const id = createTestResource(db, pole.id, await user(), { openHours: OFFICE });
    const page = await get(resourcePage.loader as never, `/ressources/${id}`, null, { id: String(id) });
    const hours = (page.data as { resource: { hours: { label: string; hours: string | null }[] } }).resource.hours;
    expect(hours[0]).toEqual({ weekday: 0, label: "lundi", hours: "9 h – 12 h 30, 14 h – 18 h" });
    expect(hours[6]!.hours).toBeNull();
  });
});

describe("requesting a booking", () => {
  it("sends a visitor to sign in and stores nothing", async () => {
    const id = createTestResource(db, pole.id, await user());
    const called = await requestAs(null, id, localPeriod(48, 2));
    expect(called.status).toBe(302);
    expect(called.location).toMatch(/^\/connexion\?redirectTo=/);
    expect(bookingCount(id)).toBe(0);
  });

  it("refuses someone who has not joined the pôle, in French, and stores nothing", async () => {
    const id = createTestResource(db, pole.id, await user());
    const outsider = await user();
    addTestMembers(db, otherPole.id, [outsider]);
    const called = await requestAs(outsider, id, localPeriod(48, 2));
    expect(called.status).toBe(403);
    expect(messageOf(called)).toMatch(/se réservent entre membres : rejoignez d'abord le pôle/);
    expect(bookingCount(id)).toBe(0);
  });

  it("records a member's request and tells the owner (kind « reservation »)", async () => {
    const owner = await user();
    const id = createTestResource(db, pole.id, owner);
    const called = await requestAs(await member(), id, { ...localPeriod(48, 2), message: "Pour l'assemblée générale de l'association." });
    expect(called.status).toBe(302);
    expect(called.location).toBe("/ressources/reservations");
    expect(bookingCount(id)).toBe(1);
    expect(reservationNotices(owner)).toBe(1);
  });

  it("refuses a period outside the open hours at the start field, keeping what was typed", async () => {
    const id = createTestResource(db, pole.id, await user(), { openHours: OFFICE });
    const monday = nextMonday();
    const form = { startsAt: `${monday}T11:00`, endsAt: `${monday}T15:00` };
    const called = await requestAs(await member(), id, form);
    expect(called.status).toBe(400);
    expect(fieldErrors(called).startsAt?.[0]).toMatch(/^La période sort des horaires d'ouverture du lundi .* : 9 h – 12 h 30, 14 h – 18 h\.$/);
    expect(initialValue(called)).toMatchObject(form);
    expect(bookingCount(id)).toBe(0);
  });

  it("refuses a period in a closed period, in the past, ending before it starts, or not a date", async () => {
    const monday = nextMonday();
    const id = createTestResource(db, pole.id, await user(), { openHours: OFFICE, closures: [{ startsOn: monday, endsOn: monday, reason: "inventaire" }] });
    const asker = await member();
    const closed = await requestAs(asker, id, { startsAt: `${monday}T09:00`, endsAt: `${monday}T10:00` });
    expect(fieldErrors(closed).startsAt?.[0]).toMatch(/^La ressource est fermée le .* \(inventaire\)\.$/);
    const past = await requestAs(asker, createTestResource(db, pole.id, await user()), localPeriod(-48, 2));
    expect(fieldErrors(past).startsAt).toEqual(["Ce moment est déjà passé : choisissez un début à venir."]);
    const backwards = await requestAs(asker, id, { startsAt: `${monday}T11:00`, endsAt: `${monday}T10:00` });
    expect(fieldErrors(backwards).endsAt).toEqual(["La fin doit venir après le début."]);
    const garbage = await requestAs(asker, id, { startsAt: "demain matin", endsAt: "" });
    expect(garbage.status).toBe(400);
    expect(fieldErrors(garbage).startsAt).toEqual(["Une date et une heure, par exemple 2026-03-02T09:00."]);
    expect(fieldErrors(garbage).endsAt).toEqual(["Indiquez la fin de la réservation."]);
    expect(bookingCount(id)).toBe(0);
  });

  it("refuses a period that overlaps an accepted booking with a 409 naming it", async () => {
    const owner = await user();
    const id = createTestResource(db, pole.id, owner);
    createTestBooking(db, pole.id, id, await user(), { hoursAhead: 48, hours: 3, status: "acceptee" });
    const called = await requestAs(await member(), id, localPeriod(49, 3));
    expect(called.status).toBe(409);
    expect(fieldErrors(called).startsAt?.[0]).toMatch(/^Ce créneau est déjà réservé du .* : choisissez une autre période\.$/);
    expect(bookingCount(id)).toBe(1);
  });
});

describe("answering a request", () => {
  it("lets the owner accept: the booking enters the calendar, requester and owner are both told", async () => {
    const owner = await user();
    const id = createTestResource(db, pole.id, owner);
    const requester = await user();
    const booking = createTestBooking(db, pole.id, id, requester);
    const called = await answerAs(owner, booking, "accepter", "La clé est chez la voisine.");
    expect(called.status).toBe(302);
    expect(statusOf(booking)).toBe("acceptee");
    expect(reservationNotices(requester)).toBe(1);
    expect(reservationNotices(owner)).toBe(1);
    const page = await get(resourcePage.loader as never, `/ressources/${id}`, null, { id: String(id) });
    expect((page.data as { calendar: { id: number; who: string | null }[] }).calendar).toEqual([expect.objectContaining({ id: booking, who: null })]);
  });

  it("refuses anyone else — another member, the requester, another pôle's team — and changes nothing", async () => {
    const id = createTestResource(db, pole.id, await user());
    const requester = await user();
    const booking = createTestBooking(db, pole.id, id, requester);
    for (const who of [await member(), requester, (await createTestAnimator(db, otherPole.id)).id]) {
      const called = await answerAs(who, booking, "accepter");
      expect(called.status).toBe(403);
      expect(messageOf(called)).toMatch(/^Seuls la personne qui prête cette ressource/);
    }
    expect(statusOf(booking)).toBe("demandee");
    expect(reservationNotices(requester)).toBe(0);
  });

  it("lets the organisation's confirmed representatives and the pôle's animation team answer", async () => {
    const owner = await user();
    const representative = await user(["porteur"]);
    const organisation = createTestOrganisation(db, [pole.id], [owner, representative]);
    const id = createTestResource(db, pole.id, owner, { organisationId: organisation.id });
    const first = createTestBooking(db, pole.id, id, await user(), { hoursAhead: 24 });
    const second = createTestBooking(db, pole.id, id, await user(), { hoursAhead: 72 });
    expect((await answerAs(representative, first, "accepter")).status).toBe(302);
    expect((await answerAs((await createTestAnimator(db, pole.id)).id, second, "refuser", "Réservée aux associations.")).status).toBe(302);
    expect([statusOf(first), statusOf(second)]).toEqual(["acceptee", "refusee"]);
  });

  it("refuses to accept a request that now overlaps an accepted booking, with a French 409", async () => {
    const owner = await user();
    const id = createTestResource(db, pole.id, owner);
    const a = createTestBooking(db, pole.id, id, await user(), { hoursAhead: 48, hours: 3 });
    const b = createTestBooking(db, pole.id, id, await user(), { hoursAhead: 50, hours: 3 });
    expect((await answerAs(owner, a, "accepter")).status).toBe(302);
    const called = await answerAs(owner, b, "accepter");
    expect(called.status).toBe(409);
    expect(messageOf(called)).toMatch(/^Ce créneau est déjà réservé du /);
    expect(statusOf(b)).toBe("demandee");
  });

  it("refuses a decision that is neither accept nor decline, and an unknown booking", async () => {
    const owner = await user();
    const booking = createTestBooking(db, pole.id, createTestResource(db, pole.id, owner), await user());
    const called = await post(bookingsPage.action as never, "/ressources/reservations", owner, { intent: "answer", bookingId: String(booking), decision: "peut-etre" });
    expect(called.status).toBe(400);
    expect(fieldErrors(called).decision).toEqual(["Choisissez d'accepter ou de décliner la demande."]);
    expect((await answerAs(owner, 999_999, "accepter")).status).toBe(404);
    expect(statusOf(booking)).toBe("demandee");
  });

  it("lets only the requester cancel, and tells the owner", async () => {
    const owner = await user();
    const requester = await user();
    const booking = createTestBooking(db, pole.id, createTestResource(db, pole.id, owner), requester, { status: "acceptee" });
    const cancel = (who: number) => post(bookingsPage.action as never, "/ressources/reservations", who, { intent: "cancel", bookingId: String(booking) });
    expect((await cancel(owner)).status).toBe(404);
    expect(statusOf(booking)).toBe("acceptee");
    expect((await cancel(requester)).status).toBe(302);
    expect(statusOf(booking)).toBe("annulee");
    expect(reservationNotices(owner)).toBe(1);
  });

  it("lists on « Mes réservations » one's own requests and the requests waiting for one's answer", async () => {
    const owner = await user();
    const requester = await user();
    const booking = createTestBooking(db, pole.id, createTestResource(db, pole.id, owner), requester);
    const ownerView = (await get(bookingsPage.loader as never, "/ressources/reservations", owner)).data as { toAnswer: { id: number }[] };
    const requesterView = (await get(bookingsPage.loader as never, "/ressources/reservations", requester)).data as { mine: { id: number }[]; toAnswer: unknown[] };
    expect(ownerView.toAnswer.map((b) => b.id)).toEqual([booking]);
    expect(requesterView.mine.map((b) => b.id)).toEqual([booking]);
    expect(requesterView.toAnswer).toEqual([]);
  });
});

describe("offering and changing a resource", () => {
  it("lets a member offer one for their pôle with its hours and closures", async () => {
    const offerer = await member();
    const called = await post(offerPage.action as never, "/ressources/proposer", offerer, resourceForm({ territoryId: String(pole.id), "closures[0].startsOn": "2027-08-01", "closures[0].endsOn": "2027-08-15", "closures[0].reason": "congés" }));
    expect(called.status).toBe(302);
    const id = Number(called.location!.split("/").pop());
    const page = (await get(resourcePage.loader as never, `/ressources/${id}`, null, { id: String(id) })).data as { resource: { hours: { hours: string | null }[]; closures: { text: string }[]; terms: string } };
    expect(page.resource.hours[0]!.hours).toBe("9 h – 12 h");
    expect(page.resource.closures.map((c) => c.text)).toEqual(["du 1 août 2027 au 15 août 2027 (congés)"]);
    expect(page.resource.terms).toBe("Caution de 50,00\u00a0€");
  });

  it("refuses someone who has not joined the pôle, at the pôle field, and stores nothing", async () => {
    const before = resourceCount();
    const called = await post(offerPage.action as never, "/ressources/proposer", await user(), resourceForm({ territoryId: String(pole.id) }));
    expect(called.status).toBe(403);
    expect(fieldErrors(called).territoryId?.[0]).toMatch(/^Rejoignez d'abord ce pôle/);
    expect(resourceCount()).toBe(before);
  });

  it("answers bad hours, missing amounts and an organisation one does not represent in French at their fields", async () => {
    const offerer = await member();
    const before = resourceCount();
    const called = await post(
      offerPage.action as never,
      "/ressources/proposer",
      offerer,
      resourceForm({ territoryId: String(pole.id), terms: "participation", depositEuros: "", "hours[0].closes1": "08:00", "hours[1].opens1": "09:00", "hours[2].opens1": "09:00", "hours[2].closes1": "13:00", "hours[2].opens2": "12:00", "hours[2].closes2": "18:00" }),
    );
    expect(called.status).toBe(400);
    const errors = fieldErrors(called);
    expect(errors["hours[0].closes1"]).toEqual(["Le lundi : La fermeture doit venir après l'ouverture, le même jour."]);
    expect(errors["hours[1].closes1"]).toEqual(["Indiquez aussi l'heure de fermeture du mardi."]);
    expect(errors["hours[2].closes2"]).toEqual(["Le mercredi : Les deux plages se chevauchent : la seconde doit commencer après la fin de la première."]);
    expect(errors.costEuros).toEqual(["Indiquez le montant de la participation demandée."]);
    expect(initialValue(called)).toMatchObject({ title: "Perceuse-visseuse" });
    const organisation = createTestOrganisation(db, [pole.id], [await user()]);
    const foreign = await post(offerPage.action as never, "/ressources/proposer", offerer, resourceForm({ territoryId: String(pole.id), organisationId: String(organisation.id) }));
    expect(foreign.status).toBe(403);
    expect(fieldErrors(foreign).organisationId).toEqual(["Vous ne représentez pas cette organisation."]);
    expect(resourceCount()).toBe(before);
  });

  it("lets the owner change and withdraw it, and refuses another member (403) or an unknown id (404)", async () => {
    const owner = await user();
    const id = createTestResource(db, pole.id, owner);
    const params = { id: String(id) };
    const stranger = await post(editPage.action as never, `/ressources/${id}/modifier`, await member(), { ...resourceForm(), active: "on" }, params);
    expect(stranger.status).toBe(403);
    expect((await get(editPage.loader as never, "/ressources/x/modifier", owner, { id: "x" })).status).toBe(404);
    const saved = await post(editPage.action as never, `/ressources/${id}/modifier`, owner, resourceForm({ title: "Perceuse du repair café" }), params);
    expect(saved.status).toBe(302);
    const row = db.select().from(sharedResources).where(eq(sharedResources.id, id)).get()!;
    expect([row.title, row.active, row.depositCents]).toEqual(["Perceuse du repair café", false, 5000]);
  });
});

// ---------------------------------------------------------------------------------------------------
// Concurrency and sequences

describe("two accepts of overlapping bookings at the same instant", () => {
  it(
    "let exactly one through, from two processes on their own connections; the other gets a French 409",
    async () => {
      const contenders = await Contenders.start(db.$client.name, 2);
      try {
        for (let round = 0; round < 3; round += 1) {
          const owner = await user();
          const id = createTestResource(db, pole.id, owner);
          const a = createTestBooking(db, pole.id, id, await user(), { hoursAhead: 48, hours: 3 });
          const b = createTestBooking(db, pole.id, id, await user(), { hoursAhead: 49, hours: 3 });
          const outcomes = await contenders.race([
            { action: "accept-booking", bookingId: a, ownerId: owner },
            { action: "accept-booking", bookingId: b, ownerId: owner },
          ]);
          expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
          const refused = outcomes.find((o) => !o.ok)!;
          expect(refused.status).toBe(409);
          expect(refused.message).toMatch(/^Ce créneau est déjà réservé du .* : choisissez une autre période\.$/);
          expect([statusOf(a), statusOf(b)].filter((s) => s === "acceptee")).toHaveLength(1);
        }
      } finally {
        await contenders.stop();
      }
    },
    60_000,
  );

  it("keep accepted bookings apart whatever the sequence of requests, accepts and declines through the model", async () => {
    const owner = await user();
    const askers = [await member(), await member(), await member()];
    const ownerActor = { userId: owner, roles: ["benevole" as const], staffTerritoryIds: [] };
    const base = Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 24 * 3_600_000;
    const op = fc.oneof(
      fc.record({ kind: fc.constant("request" as const), who: fc.nat({ max: 2 }), start: fc.nat({ max: 40 }), length: fc.integer({ min: 1, max: 8 }) }),
      fc.record({ kind: fc.constant("answer" as const), pick: fc.nat(), accept: fc.boolean() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        const id = createTestResource(db, pole.id, owner, { openHours: ALWAYS_OPEN });
        const ids: number[] = [];
        for (const o of ops) {
          if (o.kind === "request") {
            const asked = requestBooking(db, { userId: askers[o.who]!, roles: ["benevole"], staffTerritoryIds: [] }, id, { startsAt: base + o.start * 3_600_000, endsAt: base + (o.start + o.length) * 3_600_000, message: "" }, new Date());
            if (asked.ok) ids.push(asked.id);
          } else if (ids.length > 0) {
            answerBooking(db, ownerActor, ids[o.pick % ids.length]!, { accept: o.accept, reply: "" }, new Date());
          }
        }
        const accepted = db.select().from(resourceBookings).where(and(eq(resourceBookings.resourceId, id), eq(resourceBookings.status, "acceptee"))).all();
        const periods = accepted.map((b) => ({ startsAt: b.startsAt.getTime(), endsAt: b.endsAt.getTime() }));
        for (const [i, x] of periods.entries()) for (const y of periods.slice(i + 1)) expect(overlaps(x, y)).toBe(false);
      }),
      { numRuns: 25 },
    );
  });
});
