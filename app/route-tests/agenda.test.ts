/**
 * The agenda: real loaders and actions, real SQLite. Who sees and registers, the waiting list and its
 * promotion, edits that raise SEQUENCE and notify, French messages on bad input, the calendar feeds
 * (parsed by ical.js), the CSV, and registrations racing from separate processes.
 */
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addTestRegistrations, createTestEvent } from "#seeds/agenda-factories";
import { createTestAnimator, createTestTerritory, createTestUser } from "#seeds/factories";
import { addTestMembers, createTestGroup } from "#seeds/pole-factories";
import type { Territory } from "~/models/territory.server";
import * as agendaIndex from "~/routes/agenda._index";
import * as eventPage from "~/routes/agenda.$id._index";
import * as eventIcs from "~/routes/agenda.$id[.ics]";
import * as eventCsv from "~/routes/agenda.$id.inscrits[.csv]";
import * as editPage from "~/routes/agenda.$id.modifier";
import * as personalFeed from "~/routes/agenda.flux.$token[.ics]";
import * as newPage from "~/routes/agenda.nouveau";
import * as poleFeed from "~/routes/poles.$slug_.agenda[.ics]";
import { getDb, type Db } from "~/utils/db.server";
import { Contenders } from "./contenders";
import { cookieFor, fieldErrors, get, messageOf, post } from "./helpers";

let db: Db;
let pole: Territory;
let animator: number;
let member: number;
let outsider: number;

const count = (sql: string, ...args: unknown[]) => (db.$client.prepare(sql).get(...args) as { n: number }).n;
const statusOf = (eventId: number, userId: number) =>
  (db.$client.prepare("select status from event_registrations where event_id = ? and user_id = ?").get(eventId, userId) as { status: string } | undefined)?.status;

beforeAll(async () => {
  db = getDb();
  pole = createTestTerritory(db);
  animator = (await createTestAnimator(db, pole.id)).id;
  member = (await createTestUser(db, { roles: ["benevole"] })).id;
  outsider = (await createTestUser(db, { roles: ["porteur"] })).id;
  addTestMembers(db, pole.id, [member]);
});

async function body(response: Promise<unknown> | unknown): Promise<string> {
  const r = (await response) as Response;
  return r.text();
}

function parseCalendar(text: string) {
  const component = new ICAL.Component(ICAL.parse(text));
  return component.getAllSubcomponents("vevent").map((v) => ({
    uid: v.getFirstPropertyValue("uid"),
    dtstamp: v.getFirstPropertyValue("dtstamp"),
    dtstart: v.getFirstPropertyValue("dtstart") as ICAL.Time,
    sequence: v.getFirstPropertyValue("sequence"),
    status: v.getFirstPropertyValue("status"),
    url: v.getFirstPropertyValue("url"),
  }));
}

describe("who sees and who registers", () => {
  it("hides a members-only event from a non-member (404), shows it to members and the team", async () => {
    const { id } = createTestEvent(db, pole.id, { visibility: "membres", title: "Réunion des membres" });
    const params = { id: String(id) };
    expect((await get(eventPage.loader, `/agenda/${id}`, outsider, params)).status).toBe(404);
    expect((await get(eventPage.loader, `/agenda/${id}`, null, params)).status).toBe(404);
    expect((await get(eventPage.loader, `/agenda/${id}`, member, params)).status).toBe(200);
    expect((await get(eventPage.loader, `/agenda/${id}`, animator, params)).status).toBe(200);
    expect((await post(eventPage.action, `/agenda/${id}`, outsider, { intent: "register" }, params)).status).toBe(404);
    const list = (await get(agendaIndex.loader, "/agenda", outsider)).data as { upcoming: { id: number }[] };
    expect(list.upcoming.map((e) => e.id)).not.toContain(id);
    const mine = (await get(agendaIndex.loader, "/agenda", member)).data as { upcoming: { id: number }[] };
    expect(mine.upcoming.map((e) => e.id)).toContain(id);
  });

  it("answers 404 for unknown and non-numeric ids", async () => {
    expect((await get(eventPage.loader, "/agenda/abc", null, { id: "abc" })).status).toBe(404);
    expect((await get(eventPage.loader, "/agenda/999999", null, { id: "999999" })).status).toBe(404);
  });

  it("sends a visitor who registers to sign in, and stores nothing", async () => {
    const { id } = createTestEvent(db, pole.id);
    const called = await post(eventPage.action, `/agenda/${id}`, null, { intent: "register" }, { id: String(id) });
    expect(called.status).toBe(302);
    expect(called.location).toMatch(/^\/connexion/);
    expect(count("select count(*) as n from event_registrations where event_id = ?", id)).toBe(0);
  });

  it("lets anyone signed in register to a public event once; a second request is refused", async () => {
    const { id } = createTestEvent(db, pole.id);
    const params = { id: String(id) };
    expect((await post(eventPage.action, `/agenda/${id}`, outsider, { intent: "register" }, params)).status).toBe(302);
    const again = await post(eventPage.action, `/agenda/${id}`, outsider, { intent: "register" }, params);
    expect(again.status).toBe(409);
    expect(messageOf(again)).toMatch(/^Vous êtes déjà inscrit à ce rendez-vous\./);
    expect(count("select count(*) as n from event_registrations where event_id = ?", id)).toBe(1);
  });
});

describe("the waiting list", () => {
  it("puts the request past the last place on the waiting list, and gives a freed place to the first waiting, notified", async () => {
    const { id } = createTestEvent(db, pole.id, { capacity: 1, title: "Atelier à une place" });
    const params = { id: String(id) };
    const first = (await createTestUser(db)).id;
    const second = (await createTestUser(db)).id;
    const third = (await createTestUser(db)).id;
    await post(eventPage.action, `/agenda/${id}`, first, { intent: "register" }, params);
    const waiting = await post(eventPage.action, `/agenda/${id}`, second, { intent: "register" }, params);
    expect(waiting.flash).toMatch(/liste d'attente, en position 1/);
    await post(eventPage.action, `/agenda/${id}`, third, { intent: "register" }, params);
    const page = (await get(eventPage.loader, `/agenda/${id}`, third, params)).data as { mine: { status: string; position: number } };
    expect(page.mine).toMatchObject({ status: "attente", position: 2 });

    expect((await post(eventPage.action, `/agenda/${id}`, first, { intent: "unregister" }, params)).status).toBe(302);
    expect(statusOf(id, first)).toBe("annule");
    expect(statusOf(id, second)).toBe("inscrit");
    expect(statusOf(id, third)).toBe("attente");
    expect(count("select count(*) as n from notifications where user_id = ? and kind = 'agenda' and title like 'Une place s''est libérée%'", second)).toBe(1);
  });
});

describe("organising", () => {
  it("lets only the team (and a group's coordinator for its group) create and edit", async () => {
    expect((await get(newPage.loader, "/agenda/nouveau", outsider)).status).toBe(403);
    expect((await get(newPage.loader, `/agenda/nouveau?pole=${pole.slug}`, animator)).status).toBe(200);
    const { id } = createTestEvent(db, pole.id);
    expect((await get(editPage.loader, `/agenda/${id}/modifier`, member, { id: String(id) })).status).toBe(403);
    const coordinator = (await createTestUser(db, { roles: ["benevole"] })).id;
    const group = createTestGroup(db, pole, { coordinatorId: coordinator });
    const own = createTestEvent(db, pole.id, { groupId: group.id });
    expect((await get(editPage.loader, `/agenda/${own.id}/modifier`, coordinator, { id: String(own.id) })).status).toBe(200);
    expect((await get(editPage.loader, `/agenda/${id}/modifier`, coordinator, { id: String(id) })).status).toBe(403);
  });

  it("answers bad input with French messages at the fields, and stores nothing", async () => {
    const before = count("select count(*) as n from events");
    const called = await post(newPage.action, `/agenda/nouveau?pole=${pole.slug}`, animator, {
      title: "Co",
      startsAt: "2030-03-15T18:30",
      endsAt: "2030-03-15T17:00",
      visibility: "public",
      capacity: "0",
    });
    expect(called.status).toBe(400);
    const errors = fieldErrors(called);
    expect(errors.title).toEqual(["Le titre doit compter au moins 3 caractères."]);
    expect(errors.endsAt).toEqual(["La fin doit venir après le début."]);
    expect(errors.address).toEqual(["Indiquez un lieu (adresse et commune) ou un lien pour se réunir en ligne."]);
    expect(errors.capacity?.[0]).toMatch(/au moins 1 place/);
    expect(count("select count(*) as n from events")).toBe(before);
  });

  it("creates an event from Paris wall-clock times", async () => {
    const called = await post(newPage.action, `/agenda/nouveau?pole=${pole.slug}`, animator, {
      title: "Comité de pilotage d'été",
      startsAt: "2030-07-01T18:30",
      endsAt: "2030-07-01T20:00",
      onlineUrl: "https://visio.exemple.fr/copil",
      visibility: "public",
    });
    expect(called.status).toBe(302);
    const id = Number(called.location!.split("/").pop());
    const row = db.$client.prepare("select starts_at as s from events where id = ?").get(id) as { s: number };
    expect(new Date(row.s).toISOString()).toBe("2030-07-01T16:30:00.000Z");
  });

  it("raises SEQUENCE and tells registered and waiting people when time or place changes, or the event is cancelled", async () => {
    const { id } = createTestEvent(db, pole.id, { capacity: 1, startsAt: new Date("2030-05-05T16:00:00Z"), endsAt: new Date("2030-05-05T18:00:00Z") });
    const a = (await createTestUser(db)).id;
    const b = (await createTestUser(db)).id;
    addTestRegistrations(db, id, [a]);
    addTestRegistrations(db, id, [b], "attente");
    const params = { id: String(id) };
    const form = { intent: "save", title: "Rendez-vous de test", startsAt: "2030-05-05T18:00", endsAt: "2030-05-05T20:00", address: "Salle des fêtes", commune: "Saint-Jean-d'Angély (17400)", communeCode: "17347", visibility: "public", capacity: "1" };
    const titleOnly = await post(editPage.action, `/agenda/${id}/modifier`, animator, { ...form, startsAt: "2030-05-05T18:00", endsAt: "2030-05-05T20:00" }, params);
    expect(titleOnly.status).toBe(302);
    expect(count("select sequence as n from events where id = ?", id)).toBe(0);
    await post(editPage.action, `/agenda/${id}/modifier`, animator, { ...form, startsAt: "2030-05-05T19:00", endsAt: "2030-05-05T21:00" }, params);
    expect(count("select sequence as n from events where id = ?", id)).toBe(1);
    for (const who of [a, b]) expect(count("select count(*) as n from notifications where user_id = ? and kind = 'agenda'", who)).toBe(1);
    await post(editPage.action, `/agenda/${id}/modifier`, animator, { intent: "cancel-event", reason: "La salle est inondée." }, params);
    expect(count("select sequence as n from events where id = ?", id)).toBe(2);
    for (const who of [a, b]) expect(count("select count(*) as n from notifications where user_id = ? and kind = 'agenda'", who)).toBe(2);
  });
});

describe("calendar feeds and CSV", () => {
  it("writes one event, the pôle's public feed and the personal feed by RFC 5545 (parsed by ical.js)", async () => {
    const pub = createTestEvent(db, pole.id, { title: "Atelier public" });
    const members = createTestEvent(db, pole.id, { title: "Réunion des membres", visibility: "membres" });
    const cancelled = createTestEvent(db, pole.id, { title: "Annulé", status: "annule" });
    const one = (await eventIcs.loader({ request: new Request(`http://localhost/agenda/${pub.id}.ics`), params: { id: String(pub.id) }, context: {} } as never)) as Response;
    expect(one.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    const [entry] = parseCalendar(await one.text());
    expect(entry).toMatchObject({ uid: pub.uid, sequence: 0, status: "CONFIRMED" });
    expect(entry!.dtstart.isDate).toBe(false);
    expect(entry!.dtstart.zone?.tzid).toBe("UTC");
    expect(entry!.dtstamp).toBeTruthy();
    expect(entry!.url).toMatch(new RegExp(`^https?://[^/]+/agenda/${pub.id}$`));

    const feed = parseCalendar(await body(poleFeed.loader({ request: new Request(`http://localhost/poles/${pole.slug}/agenda.ics`), params: { slug: pole.slug }, context: {} } as never)));
    const uids = feed.map((e) => e.uid);
    expect(uids).toContain(pub.uid);
    expect(uids).not.toContain(members.uid);
    expect(feed.find((e) => e.uid === cancelled.uid)?.status).toBe("CANCELLED");

    const person = (await createTestUser(db)).id;
    addTestMembers(db, pole.id, [person]);
    addTestRegistrations(db, members.id, [person]);
    await post(agendaIndex.action, "/agenda", person, { intent: "renew-feed" });
    const { mine } = (await get(agendaIndex.loader, "/agenda", person)).data as { mine: { feedUrl: string } };
    const token = mine.feedUrl.match(/flux\/([^/]+)\.ics$/)![1]!;
    const call = (t: string) => personalFeed.loader({ request: new Request(`http://localhost/agenda/flux/${t}.ics`), params: { token: t }, context: {} } as never);
    const personal = parseCalendar(await body(call(token)));
    expect(personal.map((e) => e.uid)).toEqual([members.uid]);
    await post(agendaIndex.action, "/agenda", person, { intent: "renew-feed" });
    await expect(Promise.resolve().then(() => call(token))).rejects.toMatchObject({ init: { status: 404 } });
  });

  it("exports the registered and waiting people as CSV for the team only", async () => {
    const { id } = createTestEvent(db, pole.id, { capacity: 1 });
    const a = (await createTestUser(db, { displayName: 'Claire "Dédé", Martin' })).id;
    const b = (await createTestUser(db)).id;
    addTestRegistrations(db, id, [a]);
    addTestRegistrations(db, id, [b], "attente");
    expect((await get(eventCsv.loader, `/agenda/${id}/inscrits.csv`, member, { id: String(id) })).status).toBe(403);
    const response = (await eventCsv.loader({ request: new Request(`http://localhost/agenda/${id}/inscrits.csv`, { headers: { Cookie: cookieFor(animator)! } }), params: { id: String(id) }, context: {} } as never)) as Response;
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(csv.startsWith("\uFEFFNom,Courriel,Commune,Statut,Rang d'attente,Demandé le,Présence\r\n")).toBe(true);
    expect(csv).toContain('"Claire ""Dédé"", Martin"');
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(3);
  });
});

describe("registrations racing from separate processes", () => {
  let contenders: Contenders;
  beforeAll(async () => {
    contenders = await Contenders.start(db.$client.name, 2);
  });
  afterAll(() => contenders.stop());
  const race = (eventId: number, userIds: number[]) => contenders.race(userIds.map((userId) => ({ action: "register", eventId, userId })));

  it("takes exactly one place when the same person registers from two tabs at once", async () => {
    const { id } = createTestEvent(db, pole.id);
    const person = (await createTestUser(db)).id;
    const outcomes = await race(id, [person, person]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.find((o) => !o.ok)?.message).toBe("Vous êtes déjà inscrit à ce rendez-vous.");
    expect(count("select count(*) as n from event_registrations where event_id = ?", id)).toBe(1);
  }, 60_000);

  it("gives the last place to exactly one of two people asking at once; the other waits", async () => {
    const { id } = createTestEvent(db, pole.id, { capacity: 2 });
    addTestRegistrations(db, id, [(await createTestUser(db)).id]);
    const x = (await createTestUser(db)).id;
    const y = (await createTestUser(db)).id;
    const outcomes = await race(id, [x, y]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["attente", "inscrit"]);
    expect(count("select count(*) as n from event_registrations where event_id = ? and status = 'inscrit'", id)).toBe(2);
  }, 60_000);
});
