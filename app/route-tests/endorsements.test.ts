/**
 * Mentoring as a signal for savers, through the real loaders, actions and models on SQLite: a mentor
 * endorses the project they accompany, the holder agrees before anything is public, and clubs see
 * it in their deal flow and in the project's score.
 */
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { mentorshipEndorsements, notifications } from "#db/schema";
import { createTestTerritory } from "#seeds/factories";
import { createTestClub } from "#seeds/finance-factories";
import { createTestHolder, createTestMentorship, createTestProject, createTestRequest, createTestVolunteer } from "#seeds/journey-factories";
import { decideEndorsement, getEndorsement, listAccompaniment, writeEndorsement } from "~/models/endorsement.server";
import { suggestClubsForProject, suggestProjectsForClub } from "~/models/matching.server";
import { endMentorship, logSession } from "~/models/mentorship.server";
import { saveFundingNeed } from "~/models/project.server";
import * as mentorshipPage from "~/routes/accompagnements.$id";
import * as dealFlow from "~/routes/clubs.$id.projets";
import * as projectPage from "~/routes/projets.$id._index";
import { getDb } from "~/utils/db.server";
import { fieldErrors, get, initialValue, post } from "./helpers";

const db = () => getDb();

const TEXT = {
  workedOn: "Le prévisionnel sur trois ans et la préparation du rendez-vous bancaire.",
  progress: "Elle tient maintenant seule son plan de trésorerie et l'a défendu devant la banque.",
};

/** A published project asking for capital, with a comptabilité and a marketing need, in a fresh pôle. */
async function fundableProject() {
  const territory = createTestTerritory(db());
  const holder = await createTestHolder(db());
  const project = createTestProject(db(), holder.id, { needs: [{ skill: "comptabilite" }, { skill: "marketing" }] });
  saveFundingNeed(db(), project.id, { amountCents: 1_500_000, kind: "capital", neededBy: null, companyCapitalCents: 3_000_000 }, new Date());
  return { territory, holder, project };
}

async function accompanied() {
  const base = await fundableProject();
  const volunteer = await createTestVolunteer(db(), { user: { displayName: "Claire Martin" } });
  const mentorshipId = createTestMentorship(db(), base.project.needIds[0]!, volunteer.id);
  return { ...base, volunteer, mentorshipId };
}

function endorse(mentorshipId: number, userId: number, form: Record<string, string> = { ...TEXT, level: "vivement" }) {
  return post(mentorshipPage.action, `/accompagnements/${mentorshipId}`, userId, { intent: "endorse", ...form }, { id: String(mentorshipId) });
}

function decide(mentorshipId: number, userId: number, decision: "publier" | "decliner") {
  return post(mentorshipPage.action, `/accompagnements/${mentorshipId}`, userId, { intent: "decide-endorsement", decision }, { id: String(mentorshipId) });
}

async function projectPageAs(projectId: number, userId: number | null) {
  const page = await get(projectPage.loader, `/projets/${projectId}`, userId, { id: String(projectId) });
  expect(page.status).toBe(200);
  return page.data as Awaited<ReturnType<typeof projectPage.loader>>;
}

function endorsementCount() {
  return db().select({ n: count() }).from(mentorshipEndorsements).get()!.n;
}

describe("writing an endorsement", () => {
  it("is for the mentor of an accepted or completed mentorship, and never public before the holder agrees", async () => {
    const { holder, project, volunteer, mentorshipId } = await accompanied();
    const written = await endorse(mentorshipId, volunteer.id);
    expect(written.status).toBe(302);
    expect(written.flash).toMatch(/publiée sur la page du projet si le porteur ou la porteuse l'accepte/);

    // The holder is told, with a link to the mentorship's endorsement.
    const told = db().select().from(notifications).where(eq(notifications.userId, holder.id)).all().at(-1);
    expect(told).toMatchObject({ kind: "suivi-accompagnement", link: `/accompagnements/${mentorshipId}#recommandation` });
    expect(told?.title).toMatch(/Claire Martin a écrit une recommandation/);

    // Not on the project page yet, for a visitor nor for anyone else; the holder is reminded.
    expect((await projectPageAs(project.id, null)).endorsements).toEqual([]);
    expect((await projectPageAs(project.id, holder.id)).pendingEndorsements).toEqual([{ mentorshipId, mentorName: "Claire Martin" }]);

    const published = await decide(mentorshipId, holder.id, "publier");
    expect(published.status).toBe(302);
    expect(published.flash).toBe("La recommandation est publiée sur la page du projet.");
    const [shown] = (await projectPageAs(project.id, null)).endorsements;
    expect(shown).toMatchObject({ mentorName: "Claire Martin", skillName: "Comptabilité", level: "vivement", ...TEXT });
    // The mentor hears about it.
    const mentorTold = db().select().from(notifications).where(eq(notifications.userId, volunteer.id)).all().at(-1);
    expect(mentorTold?.title).toMatch(/a publié votre recommandation/);
  });

  it("a declined endorsement stays off the page; a revision goes back to the holder", async () => {
    const { holder, project, volunteer, mentorshipId } = await accompanied();
    await endorse(mentorshipId, volunteer.id, { ...TEXT, level: "recommande" });
    expect((await decide(mentorshipId, holder.id, "decliner")).flash).toMatch(/ne sera pas publiée/);
    expect((await projectPageAs(project.id, null)).endorsements).toEqual([]);
    // Deciding twice is refused at the form.
    const again = await decide(mentorshipId, holder.id, "publier");
    expect(again.status).toBe(409);
    expect(getEndorsement(db(), mentorshipId)?.status).toBe("refusee");

    // The mentor revises: proposed again; published, then revised: off the page until agreed again.
    await endorse(mentorshipId, volunteer.id, { ...TEXT, level: "vivement" });
    expect(getEndorsement(db(), mentorshipId)).toMatchObject({ status: "proposee", level: "vivement", decidedAt: null });
    await decide(mentorshipId, holder.id, "publier");
    expect((await projectPageAs(project.id, null)).endorsements).toHaveLength(1);
    const revised = await endorse(mentorshipId, volunteer.id, { ...TEXT, progress: `${TEXT.progress} Elle recrute.`, level: "vivement" });
    expect(revised.flash).toMatch(/retirée de la page du projet/);
    expect((await projectPageAs(project.id, null)).endorsements).toEqual([]);
    expect(endorsementCount()).toBeGreaterThan(0);
  });

  it("refuses the holder, a volunteer outside the mentorship, a pending request and a stopped mentorship", async () => {
    const { holder, project, volunteer, mentorshipId } = await accompanied();
    const before = endorsementCount();

    // The holder: 403 with a French reason; nothing stored.
    const byHolder = await endorse(mentorshipId, holder.id);
    expect(byHolder.status).toBe(403);
    expect(writeEndorsement(db(), mentorshipId, holder.id, { ...TEXT, level: "vivement" }, new Date())).toMatchObject({
      ok: false,
      status: 403,
      message: expect.stringMatching(/on ne se recommande pas soi-même/),
    });
    // A volunteer who is not in the mentorship: it does not exist for them.
    const outsider = await createTestVolunteer(db());
    expect((await endorse(mentorshipId, outsider.id)).status).toBe(404);
    expect(writeEndorsement(db(), mentorshipId, outsider.id, { ...TEXT, level: "vivement" }, new Date())).toMatchObject({ ok: false, status: 403 });

    // A request still waiting for its answer: refused at the form, with the reason.
    const asked = await createTestVolunteer(db(), { skills: [{ skill: "marketing" }] });
    const requestId = createTestRequest(db(), project.needIds[1]!, asked.id);
    const onRequest = await endorse(requestId, asked.id);
    expect(onRequest.status).toBe(409);
    expect((onRequest.data as { message: string }).message).toMatch(/n'a pas encore commencé/);

    // Stopped before its term: no endorsement either.
    const stopped = endMentorship(db(), mentorshipId, holder.id, "arretee", { rating: 3, comment: "" }, new Date());
    expect(stopped.ok).toBe(true);
    expect((await endorse(mentorshipId, volunteer.id)).status).toBe(409);
    expect(endorsementCount()).toBe(before);

    // The mentor cannot publish their own endorsement either.
    const other = await accompanied();
    await endorse(other.mentorshipId, other.volunteer.id);
    expect((await decide(other.mentorshipId, other.volunteer.id, "publier")).status).toBe(403);
    expect(decideEndorsement(db(), other.mentorshipId, other.volunteer.id, "publier", new Date())).toMatchObject({
      ok: false,
      message: expect.stringMatching(/personne qui porte le projet/),
    });
    expect(getEndorsement(db(), other.mentorshipId)?.status).toBe("proposee");
  });

  it("refuses bad input at the field, keeps what was typed and stores nothing", async () => {
    const { volunteer, mentorshipId } = await accompanied();
    const reply = await endorse(mentorshipId, volunteer.id, { workedOn: "Trop court", progress: "", level: "excellent" });
    expect(reply.status).toBe(400);
    const errors = fieldErrors(reply);
    expect(errors.workedOn?.[0]).toMatch(/au moins 20 caractères/);
    expect(errors.progress?.[0]).toMatch(/comment le porteur ou la porteuse a progressé/);
    expect(errors.level?.[0]).toBe("Choisissez votre niveau de recommandation.");
    expect(initialValue(reply)).toMatchObject({ workedOn: "Trop court" });
    expect(getEndorsement(db(), mentorshipId)).toBeNull();
  });

  it("a completed mentorship can still be endorsed", async () => {
    const { holder, volunteer, mentorshipId } = await accompanied();
    expect(endMentorship(db(), mentorshipId, holder.id, "terminee", { rating: 5, comment: "" }, new Date()).ok).toBe(true);
    expect((await endorse(mentorshipId, volunteer.id)).status).toBe(302);
    const page = await get(mentorshipPage.loader, `/accompagnements/${mentorshipId}`, holder.id, { id: String(mentorshipId) });
    expect((page.data as { endorsement: { status: string } }).endorsement.status).toBe("proposee");
  });
});

describe("what clubs see", () => {
  it("an endorsement raises the project's score for clubs, with its explanation, once published", async () => {
    const { territory, holder, project, volunteer, mentorshipId } = await accompanied();
    const { club, gerant } = await createTestClub(db(), territory.id, { savingsPerMemberCents: 100_000 });
    const scoreOf = () => {
      const s = suggestClubsForProject(db(), project.id, { limit: 50 }).find((c) => c.clubId === club.id);
      if (!s) throw new Error("the club is not suggested");
      return s;
    };
    const criterion = () => scoreOf().criteria.find((c) => c.key === "accompanied");

    // Accepted, no session yet: a quarter.
    const started = scoreOf();
    expect(criterion()).toMatchObject({ label: "Accompagné / recommandé", value: 0.25 });
    expect(started.explanation).toContain("accompagné par 1 bénévole (comptabilité), pas encore de rencontre notée");

    // Hours logged: half.
    const logged = logSession(db(), mentorshipId, volunteer.id, { heldOn: "2026-02-10", durationMinutes: 840, topic: "Prévisionnel", notes: "" }, new Date());
    expect(logged.ok).toBe(true);
    const withHours = scoreOf();
    expect(criterion()?.value).toBe(0.5);
    expect(withHours.score).toBeGreaterThan(started.score);
    expect(withHours.explanation).toContain("accompagné par 1 bénévole (comptabilité), 14 h de suivi");

    // Written, not published: nothing changes.
    writeEndorsement(db(), mentorshipId, volunteer.id, { ...TEXT, level: "recommande" }, new Date());
    expect(scoreOf().score).toBe(withHours.score);
    expect(scoreOf().explanation).not.toContain("recommandé");

    // Published: full value, named in the explanation, from both sides of the matcher.
    decideEndorsement(db(), mentorshipId, holder.id, "publier", new Date());
    const endorsed = scoreOf();
    expect(criterion()?.value).toBe(1);
    expect(endorsed.score).toBeGreaterThan(withHours.score);
    expect(endorsed.explanation).toContain("accompagné par 1 bénévole (comptabilité), 14 h de suivi ; recommandé par Claire Martin");
    const fromClub = suggestProjectsForClub(db(), club.id, { limit: 50 }).find((p) => p.projectId === project.id);
    expect(fromClub).toMatchObject({ score: endorsed.score, explanation: endorsed.explanation });

    // The deal flow tells who accompanies the project, the hours and the published endorsements.
    const flow = await get(dealFlow.loader, `/clubs/${club.id}/projets`, gerant.id, { id: String(club.id) });
    expect(flow.status).toBe(200);
    const data = flow.data as Awaited<ReturnType<typeof dealFlow.loader>>;
    expect(data.suggestions.items.map((s) => s.projectId)).toContain(project.id);
    expect(data.accompaniment[project.id]).toEqual({
      mentorships: [{ mentorName: "Claire Martin", skillName: "Comptabilité", status: "acceptee", minutes: 840 }],
      mentorCount: 1,
      minutes: 840,
      endorsements: [{ mentorName: "Claire Martin", level: "recommande" }],
    });

    // Stopped later: no longer accompanied, but the recommendation the holder published still counts.
    expect(endMentorship(db(), mentorshipId, holder.id, "arretee", { rating: 3, comment: "" }, new Date()).ok).toBe(true);
    expect(criterion()?.value).toBe(1);
    expect(scoreOf().explanation).toContain("· recommandé par Claire Martin");
    expect(scoreOf().explanation).not.toContain("accompagné par");
  });

  it("a recommendation with reserves adds nothing to the value, and a project nobody accompanies scores 0 there", async () => {
    const { territory, holder, volunteer, mentorshipId, project } = await accompanied();
    const { club } = await createTestClub(db(), territory.id, { savingsPerMemberCents: 100_000 });
    const lonely = (await fundableProject()).project;
    const value = (projectId: number) =>
      suggestClubsForProject(db(), projectId, { limit: 50 })
        .find((c) => c.clubId === club.id)
        ?.criteria.find((c) => c.key === "accompanied")?.value;
    expect(value(lonely.id)).toBe(0);
    logSession(db(), mentorshipId, volunteer.id, { heldOn: "2026-02-10", durationMinutes: 90, topic: "Budget", notes: "" }, new Date());
    writeEndorsement(db(), mentorshipId, volunteer.id, { ...TEXT, level: "avec-reserves" }, new Date());
    decideEndorsement(db(), mentorshipId, holder.id, "publier", new Date());
    expect(value(project.id)).toBe(0.5);
    const explanation = suggestClubsForProject(db(), project.id, { limit: 50 }).find((c) => c.clubId === club.id)?.explanation;
    expect(explanation).toContain("1,5 h de suivi ; recommandé avec des réserves par Claire Martin");
    expect(listAccompaniment(db(), [lonely.id]).get(lonely.id)).toEqual({ mentorships: [], mentorCount: 0, minutes: 0, endorsements: [] });
  });
});
