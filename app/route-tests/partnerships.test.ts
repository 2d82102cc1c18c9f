/**
 * « M'associer avec d'autres » through the real routes: the holder says what the project brings and
 * seeks (/projets/:id/associes), someone signed in proposes to join from the project page, Maillon
 * delivers it (notification and mail) without any address, the holder accepts (both get each
 * other's contact) or declines with a reply.
 */
import { and, count, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { notifications, organisationRepresentatives, organisations, outgoingMails, partnershipOffers, partnershipProposals, projects } from "#db/schema";
import { createTestTerritory, createTestUser } from "#seeds/factories";
import { createTestHolder, createTestProject } from "#seeds/journey-factories";
import { getProjectOffer, saveOrganisationOffer } from "~/models/partnership.server";
import * as associes from "~/routes/projets.$id.associes";
import * as projectPage from "~/routes/projets.$id._index";
import { getDb } from "~/utils/db.server";
import { fieldErrors, get, initialValue, messageOf, post } from "./helpers";

const db = () => getDb();

const OFFER = { intent: "save", brings: "Un local de transformation et une chambre froide.", seeks: "Un ou une maraîchère pour livrer nos paniers.", open: "on" };
const MESSAGE = "Bonjour, je cultive des légumes à Mazeray et je cherche un lieu de vente.";

function lastNotification(userId: number) {
  return db().select().from(notifications).where(eq(notifications.userId, userId)).orderBy(desc(notifications.id)).get();
}
function lastMail(userId: number) {
  return db().select().from(outgoingMails).where(eq(outgoingMails.userId, userId)).orderBy(desc(outgoingMails.id)).get();
}
const proposalsCount = () => db().select({ n: count() }).from(partnershipProposals).get()!.n;

beforeAll(() => {
  createTestTerritory(db());
});

describe("the holder's search for partners", () => {
  it("saves what the project brings and seeks, shows it on the project page, and keeps « cherche des associés » in step", async () => {
    const holder = await createTestHolder(db());
    const project = createTestProject(db(), holder.id);
    const params = { id: String(project.id) };
    const saved = await post(associes.action, `/projets/${project.id}/associes`, holder.id, OFFER, params);
    expect(saved).toMatchObject({ status: 302, location: `/projets/${project.id}#associes` });
    expect(db().select().from(projects).where(eq(projects.id, project.id)).get()!.seeksPartners).toBe(true);

    const page = await get(projectPage.loader, `/projets/${project.id}`, null, params);
    expect((page.data as { partnership: { offer: unknown } }).partnership.offer).toEqual({ brings: OFFER.brings, seeks: OFFER.seeks, open: true });

    const closed = await post(associes.action, `/projets/${project.id}/associes`, holder.id, { ...OFFER, open: "" }, params);
    expect(closed.status).toBe(302);
    expect(db().select().from(projects).where(eq(projects.id, project.id)).get()!.seeksPartners).toBe(false);
    const after = await get(projectPage.loader, `/projets/${project.id}`, null, params);
    expect((after.data as { partnership: { offer: unknown } }).partnership.offer).toBeNull();
  });

  it("refuses a too short text with a French message at its field, keeps what was typed, stores nothing", async () => {
    const holder = await createTestHolder(db());
    const project = createTestProject(db(), holder.id);
    const bad = await post(associes.action, `/projets/${project.id}/associes`, holder.id, { ...OFFER, brings: "Rien" }, { id: String(project.id) });
    expect(bad.status).toBe(400);
    expect(fieldErrors(bad).brings?.[0]).toMatch(/au moins 10 caractères/);
    expect(initialValue(bad)).toMatchObject({ seeks: OFFER.seeks });
    expect(getProjectOffer(db(), project.id)).toBeUndefined();
  });
});

describe("proposing to join, and the holder's answer", () => {
  let holder: Awaited<ReturnType<typeof createTestHolder>>;
  let project: ReturnType<typeof createTestProject>;
  const path = () => `/projets/${project.id}`;
  const params = () => ({ id: String(project.id) });

  beforeAll(async () => {
    holder = await createTestHolder(db());
    project = createTestProject(db(), holder.id, { offer: { brings: OFFER.brings, seeks: OFFER.seeks } });
  });

  it("delivers a proposal to the holder as a notification and a mail, without the proposer's address", async () => {
    const proposer = await createTestHolder(db());
    const theirs = createTestProject(db(), proposer.id, { overrides: { title: "Maraîchage de Mazeray" } });
    const sent = await post(projectPage.action, path(), proposer.id, { intent: "propose", message: MESSAGE, fromProjectId: String(theirs.id) }, params());
    expect(sent).toMatchObject({ status: 302, location: `/projets/${project.id}#associes` });
    const told = lastNotification(holder.id)!;
    expect(told).toMatchObject({ kind: "partenariat", link: `/projets/${project.id}/associes#propositions` });
    expect(told.title).toContain(proposer.displayName);
    expect(told.body).toContain(MESSAGE);
    expect(told.body).toContain("Maraîchage de Mazeray");
    const mail = lastMail(holder.id)!;
    expect(mail.kind).toBe("partenariat");
    for (const text of [told.title, told.body, mail.subject, mail.textBody, mail.htmlBody]) expect(text).not.toContain(proposer.email);

    // The proposer sees their proposal waiting, and cannot send another meanwhile.
    const page = await get(projectPage.loader, path(), proposer.id, params());
    const { partnership } = page.data as { partnership: { mine: { status: string }[]; canPropose: boolean } };
    expect(partnership.mine.map((p) => p.status)).toEqual(["envoyee"]);
    expect(partnership.canPropose).toBe(false);
    const before = proposalsCount();
    const again = await post(projectPage.action, path(), proposer.id, { intent: "propose", message: MESSAGE }, params());
    expect(again.status).toBe(409);
    expect(proposalsCount()).toBe(before);

    // Declining needs a reply; with one, the proposer gets it, and no contact.
    const proposalId = String(db().select().from(partnershipProposals).where(eq(partnershipProposals.fromUserId, proposer.id)).get()!.id);
    const answer = (form: Record<string, string>) => post(associes.action, `${path()}/associes`, holder.id, { intent: "answer", proposalId, ...form }, params());
    const silent = await answer({ decision: "decliner", reply: "" });
    expect(silent.status).toBe(400);
    expect(fieldErrors(silent).reply?.[0]).toMatch(/pourquoi vous déclinez/);
    const declined = await answer({ decision: "decliner", reply: "Merci, nous avons déjà trouvé un maraîcher." });
    expect(declined.status).toBe(302);
    const reply = lastNotification(proposer.id)!;
    expect(reply.title).toContain("a décliné");
    expect(reply.body).toContain("déjà trouvé un maraîcher");
    expect(reply.body).not.toContain(holder.email);
    expect((await answer({ decision: "accepter" })).status).toBe(409);
  });

  it("on acceptance, tells both sides each other's e-mail, and shows it to the holder only", async () => {
    const proposer = await createTestUser(db(), { roles: ["benevole"] });
    expect((await post(projectPage.action, path(), proposer.id, { intent: "propose", message: MESSAGE }, params())).status).toBe(302);
    const proposalId = db().select().from(partnershipProposals).where(eq(partnershipProposals.fromUserId, proposer.id)).get()!.id;
    const accepted = await post(associes.action, `${path()}/associes`, holder.id, { intent: "answer", proposalId: String(proposalId), decision: "accepter", reply: "Avec plaisir !" }, params());
    expect(accepted.status).toBe(302);
    expect(lastNotification(proposer.id)!.body).toContain(holder.email);
    expect(lastNotification(holder.id)!.body).toContain(proposer.email);
    const holderView = await get(associes.loader, `${path()}/associes`, holder.id, params());
    const listed = (holderView.data as { proposals: { id: number; contactEmail: string | null }[] }).proposals.find((p) => p.id === proposalId);
    expect(listed?.contactEmail).toBe(proposer.email);
    // Nobody else reads the proposals.
    expect((await get(associes.loader, `${path()}/associes`, proposer.id, params())).status).toBe(403);
    expect((await get(associes.loader, `${path()}/associes`, null, params())).status).toBe(302);
  });

  it("refuses the holder proposing to their own project, a project of someone else as « mine », and a closed search", async () => {
    const before = proposalsCount();
    const own = await post(projectPage.action, path(), holder.id, { intent: "propose", message: MESSAGE }, params());
    expect(own.status).toBe(403);
    const someone = await createTestHolder(db());
    const notMine = createTestProject(db(), (await createTestHolder(db())).id);
    const forged = await post(projectPage.action, path(), someone.id, { intent: "propose", message: MESSAGE, fromProjectId: String(notMine.id) }, params());
    expect(forged.status).toBe(400);
    expect(messageOf(forged)).toMatch(/l'un de vos projets/);
    const shortMessage = await post(projectPage.action, path(), someone.id, { intent: "propose", message: "Salut" }, params());
    expect(shortMessage.status).toBe(400);
    expect(fieldErrors(shortMessage).message?.[0]).toMatch(/au moins 20 caractères/);

    const quiet = createTestProject(db(), (await createTestHolder(db())).id, { offer: { open: false } });
    const toClosed = await post(projectPage.action, `/projets/${quiet.id}`, someone.id, { intent: "propose", message: MESSAGE }, { id: String(quiet.id) });
    expect(toClosed.status).toBe(409);
    expect(proposalsCount()).toBe(before);
  });

  it("does not let an answer through another project's page reach this project's proposal", async () => {
    const proposer = await createTestHolder(db());
    await post(projectPage.action, path(), proposer.id, { intent: "propose", message: MESSAGE }, params());
    const proposal = db()
      .select()
      .from(partnershipProposals)
      .where(and(eq(partnershipProposals.fromUserId, proposer.id), eq(partnershipProposals.status, "envoyee")))
      .get()!;
    const other = createTestProject(db(), holder.id, { offer: {} });
    const through = await post(associes.action, `/projets/${other.id}/associes`, holder.id, { intent: "answer", proposalId: String(proposal.id), decision: "accepter" }, { id: String(other.id) });
    expect(through.status).toBe(404);
    expect(db().select().from(partnershipProposals).where(eq(partnershipProposals.id, proposal.id)).get()!.status).toBe("envoyee");
    expect(db().select({ n: count() }).from(partnershipOffers).where(eq(partnershipOffers.projectId, other.id)).get()!.n).toBe(1);
  });
});

describe("complementary projects and organisations of the territory", () => {
  type Complement = { kind: string; id: number; name: string; explanation: string };
  const complementsOf = async (projectId: number) =>
    ((await get(projectPage.loader, `/projets/${projectId}`, null, { id: String(projectId) })).data as { partnership: { complements: Complement[] } })
      .partnership.complements;

  it("suggests, on a seeking project's page, what brings what it seeks, with an explanation; never beyond the territory", async () => {
    const seeker = createTestProject(db(), (await createTestHolder(db())).id, {
      overrides: { title: "Conserverie du marais" },
      offer: { brings: "Des bocaux et une clientèle sur les marchés.", seeks: "Un atelier de transformation équipé, deux jours par semaine." },
    });
    const workshop = createTestProject(db(), (await createTestHolder(db())).id, {
      overrides: { title: "Cuisine partagée de Mazeray", communeCode: "17226" },
      offer: { brings: "Un atelier de transformation partagé, avec autoclave.", seeks: "Des producteurs qui le font tourner." },
    });
    const far = createTestProject(db(), (await createTestHolder(db())).id, {
      overrides: { title: "Atelier du Nord", communeCode: "59392" },
      offer: { brings: "Un atelier de transformation partagé.", seeks: "Des producteurs." },
    });
    // An organisation of the territory, its offer written by its confirmed representative.
    const representative = await createTestUser(db(), { roles: ["porteur"] });
    const org = db()
      .insert(organisations)
      .values({ slug: `legumerie-${representative.id}`, name: "Légumerie solidaire", kind: "association", communeCode: "17277", createdAt: new Date(), updatedAt: new Date() })
      .returning()
      .get();
    db().insert(organisationRepresentatives).values({ organisationId: org.id, userId: representative.id, status: "confirmee", requestedAt: new Date() }).run();
    const saved = saveOrganisationOffer(db(), representative.id, org.id, { brings: "Un atelier de transformation des légumes, ouvert aux producteurs.", seeks: "Des légumes à transformer.", open: true }, new Date());
    expect(saved.ok).toBe(true);
    expect(saveOrganisationOffer(db(), (await createTestUser(db())).id, org.id, { brings: "x".repeat(10), seeks: "y".repeat(10), open: true }, new Date())).toMatchObject({ ok: false, status: 403 });

    const list = await complementsOf(seeker.id);
    const ids = list.map((c) => `${c.kind}:${c.id}`);
    expect(ids).toContain(`project:${workshop.id}`);
    expect(ids).toContain(`organisation:${org.id}`);
    expect(ids).not.toContain(`project:${far.id}`);
    const explained = list.find((c) => c.id === workshop.id && c.kind === "project")!;
    expect(explained.explanation).toBe(
      "Cherche : un atelier de transformation équipé — ce projet apporte : un atelier de transformation partagé, à 4 km",
    );
  });

  it("suggests nothing for a project that does not seek partners", async () => {
    const quiet = createTestProject(db(), (await createTestHolder(db())).id, { offer: { open: false } });
    expect(await complementsOf(quiet.id)).toEqual([]);
  });
});
