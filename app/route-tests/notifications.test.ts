/**
 * Notifications end to end on the server side: a request through the project page tells the
 * volunteer in the app and by a real e-mail (a real SMTP server); the one-click link stops that kind
 * only; a daily digest groups what waited in one mail at the chosen Paris hour.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { clubMembers, notifications, projectFundingNeeds } from "#db/schema";
import { createTestHolder, createTestProject, createTestRequest, createTestVolunteer, skillId } from "#seeds/journey-factories";
import { createTestTerritory, createTestUser } from "#seeds/factories";
import { createFundedProject, createTestClub } from "#seeds/finance-factories";
import { followProject, studyDeal } from "~/models/club-deal.server";
import { inviteMember } from "~/models/club-membership.server";
import { castBallot, openVote } from "~/models/club-vote.server";
import { remindClosingVotes } from "~/models/club-notices.server";
import { noticeFundingDeadlines, remindContributions } from "~/models/scheduled-notices.server";
import { createPledge } from "~/models/pledge.server";
import { useSmtpMailbox } from "#tests/setup/smtp-mailbox";
import type { TestSmtpServer } from "#tests/setup/smtp-test-server";
import { runBackgroundPass } from "~/background.server";
import { countUnread, saveNotificationSettings, sendDueDigests } from "~/models/notification.server";
import * as mentorshipPage from "~/routes/accompagnements.$id";
import * as profilePage from "~/routes/benevoles.profil";

import * as unsubscribe from "~/routes/desabonnement.$token";
import * as notificationsPage from "~/routes/notifications";
import * as projectPage from "~/routes/projets.$id._index";
import { type Db } from "~/utils/db.server";
import { get, post } from "./helpers";

const box = useSmtpMailbox({ emptyQueue: true });
const deliver = (now = new Date()) => box.deliver(now);
let db: Db;
let smtp: TestSmtpServer;
beforeAll(() => {
  db = box.db;
  smtp = box.smtp;
});

describe("a mentoring request tells the volunteer", () => {
  it("in the bell, in /notifications and by an e-mail with the link, the reason and the unsubscribe headers", async () => {
    const holder = await createTestHolder(db, { displayName: "Nadia Porteuse" });
    const volunteer = await createTestVolunteer(db, { user: { displayName: "Bernard Bénévole" } });
    const project = createTestProject(db, holder.id);
    expect(countUnread(db, volunteer.id)).toBe(0);

    const asked = await post(projectPage.action, `/projets/${project.id}`, holder.id, { intent: "request", needId: String(project.needIds[0]), volunteerId: String(volunteer.id), message: "Bonjour !" }, { id: String(project.id) });
    expect(asked.status).toBe(302);
    expect(countUnread(db, volunteer.id)).toBe(1);
    const page = await get(notificationsPage.loader, "/notifications", volunteer.id);
    const [item] = (page.data as { items: { id: number; title: string; link: string }[] }).items;
    expect(item!.title).toMatch(/^Nadia Porteuse vous demande d'accompagner « .+ » en comptabilité$/);

    expect(await deliver()).toEqual({ sent: 1, failed: 0 });
    const [mail] = await smtp.waitFor(1);
    expect(mail!.to).toBe(volunteer.email);
    expect(mail!.subject).toMatch(/^\[.+\] Nadia Porteuse vous demande d'accompagner/);
    expect(mail!.text).toContain("Bonjour Bernard Bénévole,");
    expect(mail!.text).toMatch(new RegExp(`Voir la demande : http://localhost:3000${item!.link}`));
    expect(mail!.text).toContain("Vous recevez ce message parce que vous êtes bénévole sur Maillon");
    expect(mail!.html).toContain("Voir la demande");
    expect(mail!.headers.get("list-unsubscribe")).toMatch(/^<http:\/\/localhost:3000\/desabonnement\/[\w-]+>$/);

    // Opening it marks it read and leads to the request.
    const opened = await post(notificationsPage.action, "/notifications", volunteer.id, { intent: "open", id: String(item!.id) });
    expect(opened.location).toBe(item!.link);
    expect(countUnread(db, volunteer.id)).toBe(0);
    // Nobody else can open it.
    const other = await createTestHolder(db);
    expect((await post(notificationsPage.action, "/notifications", other.id, { intent: "open", id: String(item!.id) })).status).toBe(404);
  });

  it("the answer tells the holder who asked", async () => {
    const holder = await createTestHolder(db);
    const volunteer = await createTestVolunteer(db);
    const project = createTestProject(db, holder.id);
    const id = createTestRequest(db, project.needIds[0]!, volunteer.id);
    await post(mentorshipPage.action, `/accompagnements/${id}`, volunteer.id, { intent: "respond", decision: "accepter", message: "" }, { id: String(id) });
    const titles = db.select({ title: notifications.title }).from(notifications).where(eq(notifications.userId, holder.id)).all();
    expect(titles.map((t) => t.title)).toEqual([expect.stringMatching(/a accepté : l'accompagnement de « .+ » commence$/)]);
  });
});

describe("e-mail choices", () => {
  it("the one-click unsubscribe stops the next mail of that kind, works without signing in, and not the others", async () => {
    const holder = await createTestHolder(db);
    const volunteer = await createTestVolunteer(db);
    const first = createTestProject(db, holder.id);
    createTestRequest(db, first.needIds[0]!, volunteer.id);
    await deliver();
    const [mail] = await smtp.waitFor(1);
    const token = /desabonnement\/([\w-]+)>/.exec(mail!.headers.get("list-unsubscribe")!)![1]!;

    // RFC 8058: the mail client POSTs List-Unsubscribe=One-Click, with no cookie.
    const done = await post(unsubscribe.action, `/desabonnement/${token}`, null, { "List-Unsubscribe": "One-Click" }, { token });
    expect(done.status).toBe(200);

    // The next request: in the app, not by mail.
    const second = createTestProject(db, holder.id);
    createTestRequest(db, second.needIds[0]!, volunteer.id);
    expect(countUnread(db, volunteer.id)).toBe(2);
    expect(await deliver()).toEqual({ sent: 0, failed: 0 });
    // Another kind still comes: the holder declines a volunteer's offer, the volunteer hears of it.
    const third = createTestProject(db, holder.id);
    const offer = createTestRequest(db, third.needIds[0]!, volunteer.id, "benevole");
    await post(mentorshipPage.action, `/accompagnements/${offer}`, holder.id, { intent: "respond", decision: "refuser", message: "" }, { id: String(offer) });
    // Two mails: the offer to the holder, the answer to the volunteer.
    expect(await deliver()).toEqual({ sent: 2, failed: 0 });
    const received = await smtp.waitFor(3);
    const toVolunteer = received.slice(1).filter((m) => m.to === volunteer.email);
    expect(toVolunteer.map((m) => m.subject)).toEqual([expect.stringMatching(/a décliné la demande/)]);
    // An unknown token is a 404, never a 500.
    expect((await post(unsubscribe.action, "/desabonnement/inconnu", null, {}, { token: "inconnu" })).status).toBe(404);
  });

  it("a daily digest groups two events in one mail at the chosen Paris hour, and an empty digest is never sent", async () => {
    const holder = await createTestHolder(db);
    const volunteer = await createTestVolunteer(db);
    saveNotificationSettings(db, volunteer.id, { email: { "demande-accompagnement": "quotidien" }, hour: 9, weekday: 1 });
    const a = createTestProject(db, holder.id, { overrides: { title: "Ressourcerie du canton" } });
    const b = createTestProject(db, holder.id, { overrides: { title: "Épicerie du bourg" } });
    createTestRequest(db, a.needIds[0]!, volunteer.id);
    createTestRequest(db, b.needIds[0]!, volunteer.id);
    expect(await deliver()).toEqual({ sent: 0, failed: 0 });

    // 8:30 in Paris (7:30 UTC in winter): not yet; 9:00: the digest.
    expect(sendDueDigests(db, new Date("2026-12-07T07:30:00Z"))).toBe(0);
    expect(sendDueDigests(db, new Date("2026-12-07T08:00:00Z"))).toBe(1);
    expect(sendDueDigests(db, new Date("2026-12-07T12:00:00Z"))).toBe(0);
    expect(await deliver(new Date("2026-12-07T08:00:05Z"))).toEqual({ sent: 1, failed: 0 });
    const [digest] = await smtp.waitFor(1);
    expect(digest!.to).toBe(volunteer.email);
    expect(digest!.subject).toMatch(/Votre résumé du jour : 2 nouvelles$/);
    expect(digest!.text).toContain("Ressourcerie du canton");
    expect(digest!.text).toContain("Épicerie du bourg");
    expect(digest!.headers.get("list-unsubscribe")).toBeTruthy();
    // The next day, nothing waits: no mail.
    expect(sendDueDigests(db, new Date("2026-12-08T08:00:00Z"))).toBe(0);
    const pending = db.select().from(notifications).where(and(eq(notifications.userId, volunteer.id), eq(notifications.digest, "quotidien"))).all();
    expect(pending.every((n) => n.digestedAt !== null)).toBe(true);
  });
});

describe("clubs and backed projects tell their people", () => {
  const titlesOf = (userId: number) =>
    db.select({ title: notifications.title, kind: notifications.kind }).from(notifications).where(eq(notifications.userId, userId)).all();

  it("an invitation tells the person invited; a vote opened and decided tells every active member", async () => {
    const territory = createTestTerritory(db);
    const c = await createTestClub(db, territory.id, { extraMembers: 4, savingsPerMemberCents: 40_000 });
    const guest = await createTestUser(db, { roles: ["epargnant"] });
    expect(inviteMember(db, c.club.id, c.gerant.id, guest.email, new Date()).ok).toBe(true);
    expect(titlesOf(guest.id)).toEqual([{ kind: "invitation-club", title: `Le club « ${c.club.name} » vous invite à le rejoindre` }]);

    const owner = await createTestUser(db, { roles: ["porteur"] });
    const project = createFundedProject(db, owner.id, { amountCents: 2_000_000, companyCapitalCents: 1_000_000 });
    const follow = followProject(db, c.club.id, project.id, new Date());
    if (!follow.ok) throw new Error(follow.message);
    studyDeal(db, c.club.id, follow.dealId, "Étudié.", new Date());
    const opened = openVote(db, c.club.id, c.gerant.id, { dealId: follow.dealId, amountCents: 50_000, instrument: "pret", deadline: new Date(Date.now() + 7 * 86_400_000) }, new Date());
    expect(opened.ok).toBe(true);
    for (const member of [c.gerant, ...c.members]) {
      expect(titlesOf(member.id).map((t) => t.title)).toContainEqual(expect.stringMatching(/^Vote ouvert dans « .+ » : investir 500,00\u00a0€ dans « .+ »$/));
    }
    expect(titlesOf(guest.id)).toHaveLength(1);
  });

  it("48 hours before the deadline, the members who have not voted are reminded, once; at the deadline the worker closes the vote and tells everyone", async () => {
    const territory = createTestTerritory(db);
    const c = await createTestClub(db, territory.id, { extraMembers: 4, savingsPerMemberCents: 40_000 });
    const owner = await createTestUser(db, { roles: ["porteur"] });
    const project = createFundedProject(db, owner.id, { amountCents: 2_000_000, companyCapitalCents: 1_000_000 });
    const follow = followProject(db, c.club.id, project.id, new Date());
    if (!follow.ok) throw new Error(follow.message);
    studyDeal(db, c.club.id, follow.dealId, "Étudié.", new Date());
    const deadline = new Date(Date.now() + 5 * 86_400_000);
    const opened = openVote(db, c.club.id, c.gerant.id, { dealId: follow.dealId, amountCents: 50_000, instrument: "pret", deadline }, new Date());
    if (!opened.ok) throw new Error(opened.message);
    expect(castBallot(db, opened.voteId, c.gerant.id, "pour", new Date()).ok).toBe(true);
    const reminders = (userId: number) => titlesOf(userId).filter((t) => /ferme bientôt/.test(t.title)).length;

    expect(remindClosingVotes(db, new Date())).toBe(0);
    const twoDaysBefore = new Date(deadline.getTime() - 47 * 3_600_000);
    expect(remindClosingVotes(db, twoDaysBefore)).toBe(1);
    expect(remindClosingVotes(db, twoDaysBefore)).toBe(0);
    expect(reminders(c.gerant.id)).toBe(0); // has voted
    for (const member of c.members.filter((m) => m.id !== c.gerant.id)) expect(reminders(member.id)).toBe(1);

    await runBackgroundPass(new Date(deadline.getTime() + 60_000));
    for (const member of [c.gerant, ...c.members]) {
      expect(titlesOf(member.id).map((t) => t.title)).toContainEqual(expect.stringMatching(/^Vote décidé dans « .+ » sur « .+ » : /));
    }
  });

  it("the pledge that completes the goal tells the holder and every saver who backs the project, once", async () => {
    const owner = await createTestUser(db, { roles: ["porteur"] });
    const [a, b] = [await createTestUser(db, { roles: ["epargnant"] }), await createTestUser(db, { roles: ["epargnant"] })];
    const project = createFundedProject(db, owner.id, { amountCents: 100_000 });
    expect(createPledge(db, a.id, project.id, { amountCents: 60_000, kind: "pret", message: "" }, new Date()).ok).toBe(true);
    expect(titlesOf(owner.id).filter((t) => t.kind === "projet-soutenu")).toEqual([]);
    expect(createPledge(db, b.id, project.id, { amountCents: 40_000, kind: "pret", message: "" }, new Date()).ok).toBe(true);
    for (const person of [owner, a, b]) {
      expect(titlesOf(person.id).filter((t) => t.kind === "projet-soutenu")).toEqual([
        { kind: "projet-soutenu", title: expect.stringMatching(/a atteint son objectif de 1\u202f000,00\u00a0€$/) as unknown as string },
      ]);
    }
  });
});

describe("notices from the calendar", () => {
  const titlesOf = (userId: number) => db.select({ title: notifications.title }).from(notifications).where(eq(notifications.userId, userId)).all().map((t) => t.title);

  it("on the first day of the month, each member who saves monthly is told the contribution, once", async () => {
    const territory = createTestTerritory(db);
    const c = await createTestClub(db, territory.id, { extraMembers: 4, savingsPerMemberCents: 40_000 });
    db.update(clubMembers).set({ monthlySavingsCents: 5_000 }).where(eq(clubMembers.clubId, c.club.id)).run();
    expect(remindContributions(db, new Date("2027-01-02T10:00:00Z"))).toBe(0); // not the 1st
    const firstOfMonth = new Date("2027-01-01T08:00:00Z");
    expect(remindContributions(db, firstOfMonth)).toBeGreaterThanOrEqual(c.members.length);
    expect(remindContributions(db, firstOfMonth)).toBe(0);
    expect(titlesOf(c.gerant.id)).toContainEqual(`Votre cotisation de janvier 2027 à « ${c.club.name} » : 50,00\u00a0€`);
  });

  it("the day a funding deadline comes with the goal not reached, the holder and the savers hear of it, once", async () => {
    const owner = await createTestUser(db, { roles: ["porteur"] });
    const saver = await createTestUser(db, { roles: ["epargnant"] });
    const project = createFundedProject(db, owner.id, { amountCents: 300_000 });
    db.update(projectFundingNeeds).set({ neededBy: "2026-06-30" }).where(eq(projectFundingNeeds.projectId, project.id)).run();
    expect(createPledge(db, saver.id, project.id, { amountCents: 100_000, kind: "pret", message: "" }, new Date()).ok).toBe(true);
    expect(noticeFundingDeadlines(db, new Date("2026-06-29T10:00:00Z"))).toBe(0);
    expect(noticeFundingDeadlines(db, new Date("2026-06-30T10:00:00Z"))).toBe(2);
    expect(noticeFundingDeadlines(db, new Date("2026-07-01T10:00:00Z"))).toBe(0);
    for (const person of [owner, saver]) {
      expect(titlesOf(person.id)).toContainEqual(expect.stringMatching(/arrive à sa date de financement : 1\u202f000,00\u00a0€ sur 3\u202f000,00\u00a0€$/));
    }
  });
});

describe("a new volunteer fits a holder's open need", () => {
  it("the holder is told when the profile is saved, once per need and volunteer", async () => {
    const holder = await createTestHolder(db);
    const project = createTestProject(db, holder.id, { overrides: { title: "Atelier vélo solidaire", communeCode: "17224" } });
    const volunteer = await createTestUser(db, { roles: ["benevole"], displayName: "Rémi Nouveau" });
    const rows = Object.fromEntries(
      ["comptabilite"].flatMap((slug, i) => [[`skills[${i}].skillId`, String(skillId(db, slug))], [`skills[${i}].level`, "expert"]]),
    );
    const form = { status: "retraite", ...rows, commune: "Matha", communeCode: "17224", radiusKm: "30", maxMentorships: "2", hoursPerMonth: "4", bio: "" };
    expect((await post(profilePage.action, "/benevoles/profil", volunteer.id, form)).status).toBe(302);
    expect((await post(profilePage.action, "/benevoles/profil", volunteer.id, { ...form, bio: "Ancien comptable." })).status).toBe(302);
    const told = db
      .select({ title: notifications.title, link: notifications.link })
      .from(notifications)
      .where(and(eq(notifications.userId, holder.id), eq(notifications.kind, "suggestion-besoin")))
      .all();
    expect(told).toEqual([{ title: "Rémi Nouveau correspond à votre besoin en comptabilité de « Atelier vélo solidaire »", link: `/projets/${project.id}#besoins` }]);
  });
});
