import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { mentorshipFeedback, mentorships, mentorshipSessions, projectSkillNeeds } from "#db/schema";
import { createTestHolder, createTestProject, createTestRequest, createTestVolunteer } from "#seeds/journey-factories";
import { createTestAnimator, createTestTerritory } from "#seeds/factories";
import { getTrackRecord } from "~/models/volunteer.server";
import * as mentorshipPage from "~/routes/accompagnements.$id";
import * as forMe from "~/routes/benevoles.projets";
import * as projectPage from "~/routes/projets.$id._index";
import * as espace from "~/routes/espace";
import { getDb } from "~/utils/db.server";
import { get, post } from "./helpers";

const db = () => getDb();

function statusOf(id: number) {
  return db().select().from(mentorships).where(eq(mentorships.id, id)).get()?.status;
}

function respond(id: number, userId: number, decision: "accepter" | "refuser", message = "") {
  return post(mentorshipPage.action, `/accompagnements/${id}`, userId, { intent: "respond", decision, message }, { id: String(id) });
}

describe("answering a request", () => {
  it("a holder cannot accept a request addressed to someone else (404 when not a party, 403 when the other side must answer)", async () => {
    const holder = await createTestHolder(db());
    const otherHolder = await createTestHolder(db());
    const volunteer = await createTestVolunteer(db());
    const project = createTestProject(db(), holder.id);
    const id = createTestRequest(db(), project.needIds[0]!, volunteer.id, "porteur");

    expect((await respond(id, otherHolder.id, "accepter")).status).toBe(404);
    expect((await respond(id, holder.id, "accepter")).status).toBe(403);
    expect(statusOf(id)).toBe("demande");
    // Reading it is as closed as answering it.
    expect((await get(mentorshipPage.loader, `/accompagnements/${id}`, otherHolder.id, { id: String(id) })).status).toBe(404);

    const otherVolunteer = await createTestVolunteer(db());
    expect((await respond(id, otherVolunteer.id, "accepter")).status).toBe(404);
    expect(statusOf(id)).toBe("demande");
  });

  it("the pôle's animation team reads a request but cannot answer it (403)", async () => {
    const team = await createTestAnimator(db(), createTestTerritory(db()).id);
    const holder = await createTestHolder(db());
    const volunteer = await createTestVolunteer(db());
    const project = createTestProject(db(), holder.id);
    const id = createTestRequest(db(), project.needIds[0]!, volunteer.id);
    expect((await get(mentorshipPage.loader, `/accompagnements/${id}`, team.id, { id: String(id) })).status).toBe(200);
    expect((await respond(id, team.id, "accepter")).status).toBe(403);
    expect(statusOf(id)).toBe("demande");
  });

  it("a volunteer's offer is answered by the holder, not by the volunteer", async () => {
    const holder = await createTestHolder(db());
    const volunteer = await createTestVolunteer(db());
    const project = createTestProject(db(), holder.id);
    const offered = await post(
      projectPage.action,
      `/projets/${project.id}`,
      volunteer.id,
      { intent: "offer", needId: String(project.needIds[0]), message: "Je peux vous aider." },
      { id: String(project.id) },
    );
    expect(offered.status).toBe(302);
    expect(offered.location).toMatch(/^\/accompagnements\/\d+$/);
    expect(offered.flash).toBe("Votre proposition d'aide est envoyée au porteur ou à la porteuse du projet.");
    const id = Number(/\/accompagnements\/(\d+)/.exec(offered.location ?? "")?.[1]);
    expect((await respond(id, volunteer.id, "accepter")).status).toBe(403);
    expect((await respond(id, holder.id, "accepter", "Avec plaisir")).status).toBe(302);
    expect(statusOf(id)).toBe("acceptee");
    expect(db().select().from(projectSkillNeeds).where(eq(projectSkillNeeds.id, project.needIds[0]!)).get()?.status).toBe("pourvu");
  });

  it("a decline removes the pair from suggestions and the next candidate is suggested", async () => {
    const holder = await createTestHolder(db());
    const project = createTestProject(db(), holder.id, { needs: [{ skill: "fiscalite" }] });
    const volunteers = [];
    for (let i = 0; i < 5; i += 1) volunteers.push(await createTestVolunteer(db(), { skills: [{ skill: "fiscalite", level: "expert" }] }));
    const page = async () =>
      (
        (await get(projectPage.loader, `/projets/${project.id}`, holder.id, { id: String(project.id) })).data as {
          suggestions: Record<string, { volunteerId: number }[]>;
        }
      ).suggestions[String(project.needIds[0])]!.map((s) => s.volunteerId);

    const first = await page();
    expect(first.length).toBe(3);
    const asked = first[0]!;
    const request = await post(
      projectPage.action,
      `/projets/${project.id}`,
      holder.id,
      { intent: "request", needId: String(project.needIds[0]), volunteerId: String(asked) },
      { id: String(project.id) },
    );
    expect(request.status).toBe(302);
    const id = db()
      .select()
      .from(mentorships)
      .where(and(eq(mentorships.needId, project.needIds[0]!), eq(mentorships.volunteerId, asked)))
      .get()!.id;
    expect((await respond(id, asked, "refuser", "Pas disponible")).status).toBe(302);
    const after = await page();
    expect(after).not.toContain(asked);
    expect(after.length).toBe(3);
    expect(after.some((v) => !first.includes(v))).toBe(true);
  });
});

describe("capacity", () => {
  it("is checked at acceptance: the volunteer at their maximum gets a clear message and nothing changes", async () => {
    const volunteer = await createTestVolunteer(db(), { max: 1 });
    const holderA = await createTestHolder(db());
    const holderB = await createTestHolder(db());
    const a = createTestProject(db(), holderA.id);
    const b = createTestProject(db(), holderB.id);
    const first = createTestRequest(db(), a.needIds[0]!, volunteer.id);
    const second = createTestRequest(db(), b.needIds[0]!, volunteer.id);
    expect((await respond(first, volunteer.id, "accepter")).status).toBe(302);
    const refused = await respond(second, volunteer.id, "accepter");
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.data)).toMatch(/Capacité atteinte : vous suivez déjà 1 projet sur 1 possible/);
    expect(statusOf(second)).toBe("demande");
    expect(db().select({ n: count() }).from(mentorships).where(and(eq(mentorships.volunteerId, volunteer.id), eq(mentorships.status, "acceptee"))).get()?.n).toBe(1);
  });

  it("is shown before the click: a full volunteer's pending request says so instead of offering « Accepter »", async () => {
    const volunteer = await createTestVolunteer(db(), { max: 1 });
    const a = createTestProject(db(), (await createTestHolder(db())).id);
    const holderB = await createTestHolder(db());
    const b = createTestProject(db(), holderB.id);
    const first = createTestRequest(db(), a.needIds[0]!, volunteer.id);
    const second = createTestRequest(db(), b.needIds[0]!, volunteer.id);
    const page = (userId: number) => get(mentorshipPage.loader, `/accompagnements/${second}`, userId, { id: String(second) });
    expect((await page(volunteer.id)).data).toMatchObject({ isAddressee: true, acceptBlocked: null });

    expect((await respond(first, volunteer.id, "accepter")).status).toBe(302);
    expect((await page(volunteer.id)).data).toMatchObject({
      isAddressee: true,
      acceptBlocked: "Capacité atteinte : vous suivez déjà 1 projet sur 1 possible. Terminez un accompagnement ou augmentez votre capacité dans votre profil.",
    });
    // The holder, who does not answer this request, is not told how to change the volunteer's profile.
    expect((await page(holderB.id)).data).toMatchObject({ isAddressee: false, acceptBlocked: null });
  });
});

describe("a mentorship from request to feedback", () => {
  it("logs sessions seen by both, ends with feedback from each side, and feeds the track record", async () => {
    const holder = await createTestHolder(db());
    const volunteer = await createTestVolunteer(db());
    const project = createTestProject(db(), holder.id);
    const id = createTestRequest(db(), project.needIds[0]!, volunteer.id);
    const params = { id: String(id) };
    const path = `/accompagnements/${id}`;

    const waiting = await get(espace.loader, "/espace", volunteer.id);
    expect((waiting.data as { toAnswer: { id: number }[] }).toAnswer.map((m) => m.id)).toContain(id);
    const beforeContacts = await get(mentorshipPage.loader, path, holder.id, params);
    expect((beforeContacts.data as { contacts: unknown }).contacts).toBeNull();

    expect((await respond(id, volunteer.id, "accepter", "Avec plaisir")).status).toBe(302);
    const afterContacts = await get(mentorshipPage.loader, path, holder.id, params);
    expect((afterContacts.data as { contacts: { volunteerEmail: string } }).contacts.volunteerEmail).toBe(volunteer.email);

    const logged = await post(mentorshipPage.action, path, volunteer.id, { intent: "session", heldOn: "2026-01-15", durationMinutes: "90", topic: "Prévisionnel", notes: "Bien avancé" }, params);
    expect(logged.status).toBe(302);
    const byHolder = await post(mentorshipPage.action, path, holder.id, { intent: "session", heldOn: "2026-02-01", durationMinutes: "30", topic: "Banque" }, params);
    expect(byHolder.status).toBe(302);
    for (const viewer of [holder.id, volunteer.id]) {
      const seen = await get(mentorshipPage.loader, path, viewer, params);
      expect((seen.data as { m: { sessions: unknown[] } }).m.sessions).toHaveLength(2);
    }
    expect(getTrackRecord(db(), volunteer.id).minutesMentored).toBe(120);

    const ended = await post(mentorshipPage.action, path, holder.id, { intent: "end", outcome: "terminee", rating: "5", comment: "Merci !" }, params);
    expect(ended.status).toBe(302);
    expect(statusOf(id)).toBe("terminee");
    // No more sessions once ended; the other side gives feedback once.
    const late = await post(mentorshipPage.action, path, volunteer.id, { intent: "session", heldOn: "2026-02-02", durationMinutes: "30", topic: "Trop tard" }, params);
    expect(late.status).toBe(409);
    expect((await post(mentorshipPage.action, path, volunteer.id, { intent: "feedback", rating: "4", comment: "Belle rencontre" }, params)).status).toBe(302);
    expect((await post(mentorshipPage.action, path, volunteer.id, { intent: "feedback", rating: "4" }, params)).status).toBe(409);
    expect(db().select({ n: count() }).from(mentorshipFeedback).where(eq(mentorshipFeedback.mentorshipId, id)).get()?.n).toBe(2);
    expect(db().select({ n: count() }).from(mentorshipSessions).where(eq(mentorshipSessions.mentorshipId, id)).get()?.n).toBe(2);

    const record = getTrackRecord(db(), volunteer.id);
    expect(record).toMatchObject({ minutesMentored: 120, completed: 1, active: 0, averageRating: 5 });
  });

  it("lets a volunteer offer help from « Projets pour moi »", async () => {
    const holder = await createTestHolder(db());
    const project = createTestProject(db(), holder.id, { needs: [{ skill: "communication" }] });
    const volunteer = await createTestVolunteer(db(), { skills: [{ skill: "communication" }] });
    const list = await get(forMe.loader, "/benevoles/projets", volunteer.id);
    const needs = (list.data as { needs: { needId: number }[] }).needs.map((n) => n.needId);
    expect(needs).toContain(project.needIds[0]);
    const offered = await post(forMe.action, "/benevoles/projets", volunteer.id, { needId: String(project.needIds[0]) });
    expect(offered.status).toBe(302);
    const again = await post(forMe.action, "/benevoles/projets", volunteer.id, { needId: String(project.needIds[0]) });
    expect(again.status).toBe(409);
  });
});
