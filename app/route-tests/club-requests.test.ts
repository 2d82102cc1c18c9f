/**
 * Requests to join a club, through the routes: the request tells those who decide it (in the app and
 * by a queued e-mail, nobody else), the decision tells the requester, and « Mon espace » lists the
 * waiting requests to the gérant. Also what « Prochaines étapes » says when it lists nothing.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { notifications, outgoingMails } from "#db/schema";
import { createTestTerritory, createTestUser } from "#seeds/factories";
import { createTestClub } from "#seeds/finance-factories";
import { createTestHolder, createTestProject } from "#seeds/journey-factories";
import { addPoleMember } from "~/models/pole-member.server";
import { findTerritoriesForCommune } from "~/models/territory.server";
import type { Territory } from "~/models/territory.server";
import * as clubPage from "~/routes/clubs.$id._index";
import * as membres from "~/routes/clubs.$id.membres";
import * as espace from "~/routes/espace";
import { getDb, writeTransaction, type Db } from "~/utils/db.server";
import { get, post } from "./helpers";

let db: Db;
let territory: Territory;

beforeAll(() => {
  db = getDb();
  territory = createTestTerritory(db);
});

const noticesOf = (userId: number, kind: "demande-club" | "reponse-club") =>
  db.select({ title: notifications.title, link: notifications.link }).from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.kind, kind))).all();
const mailsOf = (userId: number, kind: "demande-club" | "reponse-club") =>
  db.select({ to: outgoingMails.toAddress, subject: outgoingMails.subject }).from(outgoingMails).where(and(eq(outgoingMails.userId, userId), eq(outgoingMails.kind, kind))).all();

type Space = {
  clubRequests: { clubId: number; userId: number; displayName: string }[];
  steps: unknown[];
  stepsFallback: "no-role" | "nothing-pending" | null;
};

async function ask(clubId: number, userId: number) {
  const called = await post(clubPage.action, `/clubs/${clubId}`, userId, { intent: "request-to-join" }, { id: String(clubId) });
  expect(called.status).toBe(302);
}

describe("a request to join a club", () => {
  it("tells the gérant in the app and by a queued e-mail, and nobody else", async () => {
    const c = await createTestClub(db, territory.id);
    const asker = await createTestUser(db, { roles: ["epargnant"], displayName: "Élise Épargnante" });
    await ask(c.club.id, asker.id);

    expect(noticesOf(c.gerant.id, "demande-club")).toEqual([
      { title: `Élise Épargnante demande à rejoindre le club « ${c.club.name} »`, link: `/clubs/${c.club.id}/membres` },
    ]);
    expect(mailsOf(c.gerant.id, "demande-club")).toEqual([{ to: c.gerant.email, subject: expect.stringContaining("Élise Épargnante demande à rejoindre") }]);
    // The trésorier, the secrétaire, plain members and the requester are not told.
    for (const other of [...c.members.filter((m) => m.id !== c.gerant.id), asker]) {
      expect(noticesOf(other.id, "demande-club")).toEqual([]);
      expect(mailsOf(other.id, "demande-club")).toEqual([]);
    }
  });

  it("is listed in « Mon espace » for the gérant only, linking to the members' page, until it is decided", async () => {
    const c = await createTestClub(db, territory.id);
    const asker = await createTestUser(db, { roles: ["epargnant"], displayName: "Paul Patient" });
    await ask(c.club.id, asker.id);

    const gerantSpace = (await get(espace.loader, "/espace", c.gerant.id)).data as Space;
    expect(gerantSpace.clubRequests).toEqual([expect.objectContaining({ clubId: c.club.id, userId: asker.id, displayName: "Paul Patient" })]);
    for (const other of [c.members[1]!, asker]) {
      expect(((await get(espace.loader, "/espace", other.id)).data as Space).clubRequests).toEqual([]);
    }

    const decided = await post(membres.action, `/clubs/${c.club.id}/membres`, c.gerant.id, { intent: "accept-request", userId: String(asker.id) }, { id: String(c.club.id) });
    expect(decided.status).toBe(302);
    expect(((await get(espace.loader, "/espace", c.gerant.id)).data as Space).clubRequests).toEqual([]);
  });
});

describe("the gérant's decision", () => {
  it("tells the requester, whether accepted or refused", async () => {
    const c = await createTestClub(db, territory.id);
    const accepted = await createTestUser(db, { roles: ["epargnant"] });
    const refused = await createTestUser(db, { roles: ["epargnant"] });
    await ask(c.club.id, accepted.id);
    await ask(c.club.id, refused.id);
    const path = `/clubs/${c.club.id}/membres`;
    const params = { id: String(c.club.id) };
    expect((await post(membres.action, path, c.gerant.id, { intent: "accept-request", userId: String(accepted.id) }, params)).status).toBe(302);
    expect((await post(membres.action, path, c.gerant.id, { intent: "decline-request", userId: String(refused.id) }, params)).status).toBe(302);

    expect(noticesOf(accepted.id, "reponse-club")).toEqual([{ title: `Votre demande à rejoindre le club « ${c.club.name} » est acceptée`, link: path }]);
    expect(noticesOf(refused.id, "reponse-club")).toEqual([
      { title: `Votre demande à rejoindre le club « ${c.club.name} » n'a pas été retenue`, link: `/clubs/${c.club.id}` },
    ]);
    expect(mailsOf(accepted.id, "reponse-club").map((m) => m.to)).toEqual([accepted.email]);
    expect(mailsOf(refused.id, "reponse-club").map((m) => m.to)).toEqual([refused.email]);
    expect(noticesOf(c.gerant.id, "reponse-club")).toEqual([]);
  });
});

describe("« Prochaines étapes » with nothing to do", () => {
  it("tells a holder with roles and nothing pending that nothing waits, not to choose a role", async () => {
    const holder = await createTestHolder(db);
    createTestProject(db, holder.id, { status: "publie" });
    writeTransaction(db, (tx) => {
      for (const pole of findTerritoriesForCommune(db, holder.communeCode)) addPoleMember(tx, pole.id, holder.id, new Date());
    });

    const space = (await get(espace.loader, "/espace", holder.id)).data as Space;
    expect(space.steps).toEqual([]);
    expect(space.stepsFallback).toBe("nothing-pending");
  });
});
