/**
 * « M'associer avec d'autres »: partnership offers (what a project or an organisation brings and
 * seeks) and the proposals others send to join, delivered by Maillon as a notification and a mail
 * to the offer's side, with no address shown. Accepting tells both sides each other's contact.
 * The only place that reads or writes partnership_offers and partnership_proposals; rules come from
 * app/domain/partnership.ts.
 */
import { and, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { organisationRepresentatives, organisations, partnershipOffers, partnershipProposals, projects, users } from "#db/schema";
import { checkAnswer, checkProposal, contactsExchanged, offerOwnerOf, type OfferOwner } from "~/domain/partnership";
import type { PartnershipProposalStatus } from "~/domain/vocabulary";
import { writeTransaction, type Db, type Reader, type Writer } from "~/utils/db.server";
import { notify } from "./notification.server";
import { fail, type Outcome } from "./outcome";
import { poleNameOfCommune } from "./territory.server";

export type OfferInput = { brings: string; seeks: string; open: boolean };

export type OfferView = {
  id: number;
  projectId: number | null;
  organisationId: number | null;
  brings: string;
  seeks: string;
  open: boolean;
  updatedAt: Date;
};

export type ProposalInput = { message: string; fromProjectId: number | null; fromOrganisationId: number | null };

export type ProposalView = {
  id: number;
  offerId: number;
  fromUserId: number;
  fromName: string;
  fromProject: { id: number; title: string } | null;
  fromOrganisation: { id: number; name: string } | null;
  message: string;
  status: PartnershipProposalStatus;
  reply: string;
  createdAt: Date;
  answeredAt: Date | null;
  /** The proposer's e-mail, once the offer's side accepted (null before). */
  contactEmail: string | null;
};

const offerColumns = {
  id: partnershipOffers.id,
  projectId: partnershipOffers.projectId,
  organisationId: partnershipOffers.organisationId,
  brings: partnershipOffers.brings,
  seeks: partnershipOffers.seeks,
  open: partnershipOffers.open,
  updatedAt: partnershipOffers.updatedAt,
};

/* ------------------------------------------------------------------ reads */

export function getOffer(q: Reader, offerId: number): OfferView | undefined {
  return q.select(offerColumns).from(partnershipOffers).where(eq(partnershipOffers.id, offerId)).get();
}

/** The project's offer (open or not), if its holder ever wrote one. */
export function getProjectOffer(q: Reader, projectId: number): OfferView | undefined {
  return q.select(offerColumns).from(partnershipOffers).where(eq(partnershipOffers.projectId, projectId)).get();
}

export function getOrganisationOffer(q: Reader, organisationId: number): OfferView | undefined {
  return q.select(offerColumns).from(partnershipOffers).where(eq(partnershipOffers.organisationId, organisationId)).get();
}

/** The people who answer for an offer: the project's holder, or the organisation's confirmed representatives. */
export function ownerSideUserIds(q: Reader, owner: OfferOwner): number[] {
  if (owner.kind === "project") {
    const row = q.select({ ownerId: projects.ownerId }).from(projects).where(eq(projects.id, owner.projectId)).get();
    return row ? [row.ownerId] : [];
  }
  return q
    .select({ userId: organisationRepresentatives.userId })
    .from(organisationRepresentatives)
    .where(and(eq(organisationRepresentatives.organisationId, owner.organisationId), eq(organisationRepresentatives.status, "confirmee")))
    .all()
    .map((r) => r.userId);
}

const fromProjects = alias(projects, "from_projects");

function selectProposals(q: Reader) {
  return q
    .select({
      id: partnershipProposals.id,
      offerId: partnershipProposals.offerId,
      fromUserId: partnershipProposals.fromUserId,
      fromName: users.displayName,
      fromEmail: users.email,
      fromProjectId: fromProjects.id,
      fromProjectTitle: fromProjects.title,
      fromOrganisationId: organisations.id,
      fromOrganisationName: organisations.name,
      message: partnershipProposals.message,
      status: partnershipProposals.status,
      reply: partnershipProposals.reply,
      createdAt: partnershipProposals.createdAt,
      answeredAt: partnershipProposals.answeredAt,
    })
    .from(partnershipProposals)
    .innerJoin(users, eq(users.id, partnershipProposals.fromUserId))
    .leftJoin(fromProjects, eq(fromProjects.id, partnershipProposals.fromProjectId))
    .leftJoin(organisations, eq(organisations.id, partnershipProposals.fromOrganisationId));
}

type ProposalRow = ReturnType<ReturnType<typeof selectProposals>["all"]>[number];

function toView(rows: ProposalRow[]): ProposalView[] {
  return rows.map(({ fromEmail, fromProjectId, fromProjectTitle, fromOrganisationId, fromOrganisationName, ...r }) => ({
    ...r,
    fromProject: fromProjectId === null ? null : { id: fromProjectId, title: fromProjectTitle ?? "" },
    fromOrganisation: fromOrganisationId === null ? null : { id: fromOrganisationId, name: fromOrganisationName ?? "" },
    contactEmail: contactsExchanged(r.status) ? fromEmail : null,
  }));
}

/** Every proposal an offer received, newest first (for its side only: the route checks who asks). */
export function listProposalsForOffer(q: Reader, offerId: number): ProposalView[] {
  return toView(selectProposals(q).where(eq(partnershipProposals.offerId, offerId)).orderBy(desc(partnershipProposals.id)).all());
}

/** What this person proposed to the offer, newest first (they see their own proposals' status). */
export function listMyProposalsToOffer(q: Reader, userId: number, offerId: number): Omit<ProposalView, "contactEmail">[] {
  return toView(
    selectProposals(q)
      .where(and(eq(partnershipProposals.offerId, offerId), eq(partnershipProposals.fromUserId, userId)))
      .orderBy(desc(partnershipProposals.id))
      .all(),
  ).map(({ contactEmail: _hidden, ...p }) => p);
}

/* ----------------------------------------------------------------- writes */

function syncSeeksPartners(tx: Writer, projectId: number, open: boolean, now: Date): void {
  tx.update(projects).set({ seeksPartners: open, updatedAt: now }).where(eq(projects.id, projectId)).run();
}

/**
 * The holder says what the project brings and seeks (or closes the search): one offer per project,
 * created or replaced; the project's « cherche des associés » flag follows `open`.
 */
export function saveProjectOffer(db: Db, actorId: number, projectId: number, input: OfferInput, now: Date): Outcome<{ offerId: number }> {
  return writeTransaction(db, (tx): Outcome<{ offerId: number }> => {
    const project = tx.select({ ownerId: projects.ownerId, status: projects.status }).from(projects).where(eq(projects.id, projectId)).get();
    if (!project) return fail(404, "Projet introuvable.");
    if (project.ownerId !== actorId) return fail(403, "Seule la personne qui porte ce projet peut dire quels associés il cherche.");
    if (project.status === "clos") return fail(403, "Ce projet est clos : il ne peut plus être modifié.");
    const offer = tx
      .insert(partnershipOffers)
      .values({ projectId, brings: input.brings, seeks: input.seeks, open: input.open, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: partnershipOffers.projectId, set: { brings: input.brings, seeks: input.seeks, open: input.open, updatedAt: now } })
      .returning({ id: partnershipOffers.id })
      .get();
    syncSeeksPartners(tx, projectId, input.open, now);
    return { ok: true, offerId: offer.id };
  });
}

/** The same for an organisation, by one of its confirmed representatives. */
export function saveOrganisationOffer(db: Db, actorId: number, organisationId: number, input: OfferInput, now: Date): Outcome<{ offerId: number }> {
  return writeTransaction(db, (tx): Outcome<{ offerId: number }> => {
    const organisation = tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, organisationId)).get();
    if (!organisation) return fail(404, "Organisation introuvable.");
    if (!ownerSideUserIds(tx, { kind: "organisation", organisationId }).includes(actorId)) {
      return fail(403, "Seules les personnes qui représentent cette organisation peuvent dire quels associés elle cherche.");
    }
    const offer = tx
      .insert(partnershipOffers)
      .values({ organisationId, brings: input.brings, seeks: input.seeks, open: input.open, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: partnershipOffers.organisationId, set: { brings: input.brings, seeks: input.seeks, open: input.open, updatedAt: now } })
      .returning({ id: partnershipOffers.id })
      .get();
    return { ok: true, offerId: offer.id };
  });
}

/** Where the offer lives and who answers it, for checks and messages. */
type OfferFacts = {
  offer: OfferView;
  owner: OfferOwner;
  ownerSide: number[];
  title: string;
  isPublic: boolean;
  communeCode: string;
  link: string;
  group: { key: string; label: string };
};

function offerFacts(q: Reader, offerId: number): OfferFacts | undefined {
  const offer = getOffer(q, offerId);
  const owner = offer && offerOwnerOf(offer);
  if (!offer || !owner) return undefined;
  if (owner.kind === "project") {
    const p = q
      .select({ title: projects.title, status: projects.status, communeCode: projects.communeCode })
      .from(projects)
      .where(eq(projects.id, owner.projectId))
      .get();
    if (!p) return undefined;
    return {
      offer,
      owner,
      ownerSide: ownerSideUserIds(q, owner),
      title: p.title,
      isPublic: p.status === "publie",
      communeCode: p.communeCode,
      link: `/projets/${owner.projectId}`,
      group: { key: `projet:${owner.projectId}`, label: p.title },
    };
  }
  const o = q
    .select({ name: organisations.name, slug: organisations.slug, communeCode: organisations.communeCode })
    .from(organisations)
    .where(eq(organisations.id, owner.organisationId))
    .get();
  if (!o) return undefined;
  return {
    offer,
    owner,
    ownerSide: ownerSideUserIds(q, owner),
    title: o.name,
    isPublic: true,
    communeCode: o.communeCode,
    link: `/organisations/${o.slug}`,
    group: { key: `organisation:${owner.organisationId}`, label: o.name },
  };
}

/** Where the offer's side reads and answers its proposals. */
function answerLink(f: OfferFacts): string {
  return f.owner.kind === "project" ? `/projets/${f.owner.projectId}/associes#propositions` : `${f.link}#propositions`;
}

/**
 * Someone proposes to join: stored, then delivered to the offer's side (notification and mail),
 * without the proposer's address. Their project (or organisation) must be theirs.
 */
export function proposeToOffer(db: Db, proposerId: number, offerId: number, input: ProposalInput, now: Date): Outcome<{ proposalId: number }> {
  return writeTransaction(db, (tx): Outcome<{ proposalId: number }> => {
    const f = offerFacts(tx, offerId);
    if (!f) return fail(404, "Cette recherche d'associés n'existe pas.");
    const pending = tx
      .select({ id: partnershipProposals.id })
      .from(partnershipProposals)
      .where(and(eq(partnershipProposals.offerId, offerId), eq(partnershipProposals.fromUserId, proposerId), eq(partnershipProposals.status, "envoyee")))
      .get();
    const check = checkProposal({
      offerOpen: f.offer.open,
      proposerIsOwnerSide: f.ownerSide.includes(proposerId),
      hasPendingProposal: !!pending,
      ownerIsPublic: f.isPublic,
    });
    if (!check.ok) return fail(check.status, check.message);
    let fromTitle: string | null = null;
    if (input.fromProjectId !== null) {
      const own = tx.select({ ownerId: projects.ownerId, title: projects.title, status: projects.status }).from(projects).where(eq(projects.id, input.fromProjectId)).get();
      if (!own || own.ownerId !== proposerId || own.status === "clos") return fail(400, "Choisissez l'un de vos projets en cours dans la liste.", "fromProjectId");
      if (f.owner.kind === "project" && input.fromProjectId === f.owner.projectId) return fail(400, "Choisissez un autre projet que celui-ci.", "fromProjectId");
      fromTitle = own.title;
    }
    if (input.fromOrganisationId !== null) {
      const represents = ownerSideUserIds(tx, { kind: "organisation", organisationId: input.fromOrganisationId }).includes(proposerId);
      if (!represents) return fail(400, "Choisissez une organisation que vous représentez.", "fromOrganisationId");
      fromTitle ??= tx.select({ n: organisations.name }).from(organisations).where(eq(organisations.id, input.fromOrganisationId)).get()?.n ?? null;
    }
    const proposal = tx
      .insert(partnershipProposals)
      .values({
        offerId,
        fromUserId: proposerId,
        fromProjectId: input.fromProjectId,
        fromOrganisationId: input.fromOrganisationId,
        message: input.message,
        status: "envoyee",
        createdAt: now,
      })
      .returning({ id: partnershipProposals.id })
      .get();
    const proposerName = tx.select({ n: users.displayName }).from(users).where(eq(users.id, proposerId)).get()?.n ?? "Une personne";
    const poleName = poleNameOfCommune(tx, f.communeCode);
    for (const userId of f.ownerSide) {
      notify(
        tx,
        {
          userId,
          kind: "partenariat",
          title: `${proposerName} propose de s'associer à « ${f.title} »`,
          body: [fromTitle ? `${proposerName} vient avec « ${fromTitle} ».` : "", `Son message :\n${input.message}`, "Répondez depuis Maillon : accepter vous donne l'un à l'autre vos coordonnées ; décliner lui envoie votre réponse."]
            .filter(Boolean)
            .join("\n\n"),
          link: answerLink(f),
          linkLabel: "Lire et répondre",
          group: f.group,
          poleName,
          reason: f.owner.kind === "project" ? "vous cherchez des associés pour ce projet" : "vous représentez cette organisation, qui cherche des associés",
        },
        now,
      );
    }
    return { ok: true, proposalId: proposal.id };
  });
}

/**
 * The offer's side answers: accepting tells both sides each other's name and e-mail (through a
 * notification); declining sends the reply. `offerId` is the offer named in the URL.
 */
export function answerProposal(
  db: Db,
  actorId: number,
  offerId: number,
  proposalId: number,
  decision: "accepter" | "decliner",
  reply: string,
  now: Date,
): Outcome<{ status: PartnershipProposalStatus }> {
  return writeTransaction(db, (tx): Outcome<{ status: PartnershipProposalStatus }> => {
    const proposal = tx.select().from(partnershipProposals).where(eq(partnershipProposals.id, proposalId)).get();
    if (!proposal || proposal.offerId !== offerId) return fail(404, "Cette proposition n'existe pas.");
    const f = offerFacts(tx, offerId);
    if (!f) return fail(404, "Cette proposition n'existe pas.");
    const check = checkAnswer({ answererIsOwnerSide: f.ownerSide.includes(actorId), status: proposal.status });
    if (!check.ok) return fail(check.status, check.message);
    const status: PartnershipProposalStatus = decision === "accepter" ? "acceptee" : "declinee";
    tx.update(partnershipProposals).set({ status, reply, answeredAt: now }).where(eq(partnershipProposals.id, proposalId)).run();
    const person = (id: number) => tx.select({ name: users.displayName, email: users.email }).from(users).where(eq(users.id, id)).get();
    const answerer = person(actorId);
    const proposer = person(proposal.fromUserId);
    if (!answerer || !proposer) return { ok: true, status };
    const poleName = poleNameOfCommune(tx, f.communeCode);
    const replyText = reply ? `Sa réponse :\n${reply}` : "";
    if (status === "declinee") {
      notify(
        tx,
        {
          userId: proposal.fromUserId,
          kind: "partenariat",
          title: `${answerer.name} a décliné votre proposition de s'associer à « ${f.title} »`,
          body: replyText,
          link: f.link,
          linkLabel: "Voir la page",
          group: f.group,
          poleName,
          reason: "vous avez proposé de vous associer à ce projet",
        },
        now,
      );
      return { ok: true, status };
    }
    notify(
      tx,
      {
        userId: proposal.fromUserId,
        kind: "partenariat",
        title: `${answerer.name} a accepté votre proposition de s'associer à « ${f.title} »`,
        body: [replyText, `Pour vous écrire : ${answerer.name}, ${answerer.email}. Votre adresse lui est donnée aussi.`].filter(Boolean).join("\n\n"),
        link: f.link,
        linkLabel: "Voir la page",
        group: f.group,
        poleName,
        reason: "vous avez proposé de vous associer à ce projet",
      },
      now,
    );
    notify(
      tx,
      {
        userId: actorId,
        kind: "partenariat",
        title: `Vous avez accepté la proposition de ${proposer.name} pour « ${f.title} »`,
        body: `Pour lui écrire : ${proposer.name}, ${proposer.email}. Votre adresse lui est donnée aussi.`,
        link: answerLink(f),
        linkLabel: "Voir les propositions",
        group: f.group,
        poleName,
        reason: "vous avez accepté cette proposition d'association",
      },
      now,
    );
    return { ok: true, status };
  });
}
