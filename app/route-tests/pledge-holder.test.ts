/**
 * A direct pledge reaches the project's holder: one notification and its e-mail, queued with the
 * pledge, naming the saver, the amount and the saver's address; the holder's funding page lists the
 * pledges with each saver's address, and no one else gets that list.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { notifications, outgoingMails } from "#db/schema";
import { createTestUser } from "#seeds/factories";
import { createFundedProject } from "#seeds/finance-factories";
import type { ProjectPledge } from "~/models/pledge.server";
import * as financement from "~/routes/projets.$id.financement";
import * as projectPage from "~/routes/projets.$id._index";
import * as soutenir from "~/routes/projets.$id.soutenir";
import { getDb, type Db } from "~/utils/db.server";
import { get, post } from "./helpers";

let db: Db;
beforeAll(() => {
  db = getDb();
});

describe("a direct pledge tells the holder", () => {
  it("queues exactly one notification and one e-mail to the holder, naming the saver, the amount and the address", async () => {
    const holder = await createTestUser(db, { roles: ["porteur"], displayName: "Julie Porteuse" });
    const saver = await createTestUser(db, { roles: ["epargnant"], displayName: "Nadia Épargnante" });
    const project = createFundedProject(db, holder.id, { amountCents: 2_000_000, title: "Atelier des promesses" });
    const params = { id: String(project.id) };

    const pledged = await post(soutenir.action, `/projets/${project.id}/soutenir`, saver.id, { amount: "250,50", kind: "pret", message: "Avec plaisir." }, params);
    expect(pledged.status).toBe(302);

    const told = db.select().from(notifications).where(and(eq(notifications.userId, holder.id), eq(notifications.kind, "promesse-recue"))).all();
    expect(told).toHaveLength(1);
    expect(told[0]!.title).toBe("Nadia Épargnante promet 250,50\u00a0€ à « Atelier des promesses »");
    expect(told[0]!.body).toContain(`Contactez cette personne pour le virement : ${saver.email}.`);
    expect(told[0]!.body).toContain("Son message : « Avec plaisir. »");
    expect(told[0]!.link).toBe(`/projets/${project.id}/financement#promesses`);

    const mails = db.select().from(outgoingMails).where(and(eq(outgoingMails.userId, holder.id), eq(outgoingMails.kind, "promesse-recue"))).all();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.toAddress).toBe(holder.email);
    expect(mails[0]!.subject).toContain("Nadia Épargnante promet 250,50\u00a0€ à « Atelier des promesses »");
    expect(mails[0]!.textBody).toContain(saver.email);
    expect(mails[0]!.textBody).toContain(`/projets/${project.id}/financement#promesses`);
    // The saver is not told of their own pledge by this notice.
    expect(db.select().from(notifications).where(and(eq(notifications.userId, saver.id), eq(notifications.kind, "promesse-recue"))).all()).toEqual([]);
  });
});

describe("the holder's funding page", () => {
  it("lists the active pledges, newest first, with each saver's address, for the holder only", async () => {
    const holder = await createTestUser(db, { roles: ["porteur"] });
    const [first, second] = [await createTestUser(db, { roles: ["epargnant"], displayName: "Paul Premier" }), await createTestUser(db, { roles: ["epargnant"], displayName: "Rose Seconde" })];
    const project = createFundedProject(db, holder.id, { amountCents: 2_000_000 });
    const params = { id: String(project.id) };
    const path = `/projets/${project.id}/financement`;
    expect((await post(soutenir.action, `/projets/${project.id}/soutenir`, first.id, { amount: "120", kind: "pret" }, params)).status).toBe(302);
    expect((await post(soutenir.action, `/projets/${project.id}/soutenir`, second.id, { amount: "381", kind: "don" }, params)).status).toBe(302);

    const page = await get(financement.loader, path, holder.id, params);
    expect(page.status).toBe(200);
    const pledges = (page.data as { pledges: ProjectPledge[] }).pledges;
    expect(pledges.map((p) => [p.saverName, p.saverEmail, p.amountCents, p.kind])).toEqual([
      ["Rose Seconde", second.email, 38_100, "don"],
      ["Paul Premier", first.email, 12_000, "pret"],
    ]);

    // Another member (a saver who pledged, a holder of another project) is refused; a visitor signs in first.
    const otherHolder = await createTestUser(db, { roles: ["porteur"] });
    for (const person of [first, otherHolder]) expect((await get(financement.loader, path, person.id, params)).status).toBe(403);
    const visitor = await get(financement.loader, path, null, params);
    expect(visitor.status).toBe(302);
    expect(visitor.location).toMatch(/^\/connexion/);

    // The public project page never carries the savers' addresses.
    for (const viewer of [null, otherHolder.id, first.id]) {
      const shown = await get(projectPage.loader, `/projets/${project.id}`, viewer, params);
      expect(shown.status).toBe(200);
      expect(JSON.stringify(shown.data)).not.toContain(second.email);
    }
  });
});
