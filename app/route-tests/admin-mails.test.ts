/**
 * /admin/courriels: the platform admin sees the queue's counts and the
 * messages not delivered (failed ones with their last error, waiting ones),
 * and sends a failed one again; nobody else opens it.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outgoingMails } from "#db/schema";
import { createTestAnimator, createTestTerritory, createTestUser } from "#seeds/factories";
import { createTestMail } from "#seeds/mail-factories";
import * as page from "~/routes/admin.courriels";
import { getDb } from "~/utils/db.server";
import { get, messageOf, post } from "./helpers";

const statusOf = (id: number) => getDb().select({ s: outgoingMails.status, a: outgoingMails.attempts }).from(outgoingMails).where(eq(outgoingMails.id, id)).get();

type Page = { counts: Record<string, number>; mails: { id: number; status: string; lastError: string | null; to: string }[] };

describe("the e-mail queue for the platform admin", () => {
  it("counts the messages by state and lists the failed ones with their last error and the waiting ones", async () => {
    const db = getDb();
    const admin = await createTestUser(db, { roles: ["admin"] });
    const failed = createTestMail(db, { to: "inconnu@exemple.fr", failed: "550 5.1.1 Boîte aux lettres inconnue" });
    const waiting = createTestMail(db);
    const called = await get(page.loader as never, "/admin/courriels", admin.id);
    expect(called.status).toBe(200);
    const data = called.data as Page;
    expect(data.counts.failed).toBeGreaterThanOrEqual(1);
    expect(data.counts.pending).toBeGreaterThanOrEqual(1);
    expect(data.mails.find((m) => m.id === failed)).toMatchObject({ status: "failed", lastError: "550 5.1.1 Boîte aux lettres inconnue", to: "inconnu@exemple.fr" });
    expect(data.mails.find((m) => m.id === waiting)).toMatchObject({ status: "pending" });
  });

  it("sends a failed message again: back in the queue with its attempts reset", async () => {
    const db = getDb();
    const admin = await createTestUser(db, { roles: ["admin"] });
    const id = createTestMail(db, { failed: "Connexion refusée" });
    const called = await post(page.action as never, "/admin/courriels", admin.id, { intent: "retry", mailId: String(id) });
    expect(called.status).toBe(302);
    expect(called.flash).toBe("Le courriel est remis dans la file : il part dans un instant.");
    expect(statusOf(id)).toEqual({ s: "pending", a: 0 });
  });

  it("refuses to resend a message that is not failed, or an id that is no message, and changes nothing", async () => {
    const db = getDb();
    const admin = await createTestUser(db, { roles: ["admin"] });
    const waiting = createTestMail(db);
    for (const mailId of [String(waiting), "99999999"]) {
      const called = await post(page.action as never, "/admin/courriels", admin.id, { intent: "retry", mailId });
      expect(called.status).toBe(409);
      expect(messageOf(called)).toMatch(/rien à renvoyer/);
    }
    for (const mailId of ["abc", "", "-1"]) {
      const called = await post(page.action as never, "/admin/courriels", admin.id, { intent: "retry", mailId });
      expect(called.status).toBe(400);
      expect(messageOf(called)).toMatch(/^Courriel inconnu\./);
    }
    expect(statusOf(waiting)).toEqual({ s: "pending", a: 0 });
  });

  it("is closed to everyone but the admin", async () => {
    const db = getDb();
    const pole = createTestTerritory(db);
    const animator = await createTestAnimator(db, pole.id);
    const holder = await createTestUser(db, { roles: ["porteur"] });
    expect((await get(page.loader as never, "/admin/courriels", null)).location).toMatch(/^\/connexion/);
    expect((await get(page.loader as never, "/admin/courriels", holder.id)).status).toBe(403);
    expect((await get(page.loader as never, "/admin/courriels", animator.id)).status).toBe(403);
  });
});
