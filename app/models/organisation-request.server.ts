/**
 * What the animation team of a pôle answers about organisations: a new
 * organisation registered for the pôle, an organisation asking to join it, a
 * person saying they act for an organisation of the pôle. Each request tells
 * the pôle's team (kind `moderation`), each answer tells the people concerned.
 */
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { organisationPoles, organisationRepresentatives, organisations, territories, users } from "#db/schema";
import { isStaffOf } from "~/domain/permissions";
import { organisationSlug } from "~/domain/organisation";
import { inFrenchOrder, writeTransaction, type Db, type Reader, type Writer } from "~/utils/db.server";
import { notify, notifyAll } from "./notification.server";
import {
  canEditOrganisation,
  getOrganisationFacts,
  siretOwner,
  slugTaken,
  withSiren,
  type OrganisationInput,
} from "./organisation.server";
import { fail, type Outcome } from "./outcome";
import { animationTeamIds } from "./territory.server";
import { getActor } from "./user.server";

export type NewOrganisationInput = OrganisationInput & { territoryId: number; position: string };

/* ------------------------------------------------------------------ telling people */

function poleRef(q: Reader, territoryId: number) {
  return q.select({ slug: territories.slug, name: territories.name }).from(territories).where(eq(territories.id, territoryId)).get();
}

type RequestKind = "inscription" | "pole" | "representant";

/** Tells each pôle's animation team that a request waits for them on /animation/organisations. */
function notifyStaffOfRequest(
  tx: Writer,
  r: { organisationId: number; organisationName: string; territoryIds: readonly number[]; kind: RequestKind; personName?: string },
  now: Date,
): void {
  for (const territoryId of new Set(r.territoryIds)) {
    const pole = poleRef(tx, territoryId);
    if (!pole) continue;
    const title =
      r.kind === "inscription"
        ? `Nouvelle organisation à confirmer : ${r.organisationName}`
        : r.kind === "pole"
          ? `${r.organisationName} demande à rejoindre le pôle`
          : `${r.personName ?? "Une personne"} demande à représenter ${r.organisationName}`;
    const staff = animationTeamIds(tx, territoryId);
    notifyAll(
      tx,
      staff,
      {
        kind: "moderation",
        title,
        body: "L'équipe d'animation confirme ou refuse la demande ; l'organisation et ses représentants n'apparaissent dans l'annuaire qu'une fois confirmés.",
        link: `/animation/organisations?${new URLSearchParams({ pole: pole.slug })}`,
        linkLabel: "Voir les demandes",
        group: { key: `organisation:${r.organisationId}`, label: r.organisationName },
        poleName: pole.name,
        reason: "vous faites partie de l'équipe d'animation du pôle",
      },
      now,
    );
  }
}

function displayName(q: Reader, userId: number): string {
  return q.select({ n: users.displayName }).from(users).where(eq(users.id, userId)).get()?.n ?? "Une personne";
}

/* ------------------------------------------------------------------ asking */

/**
 * Registers an organisation: its page, its request to join the pôle, and the
 * person registering it as its representative, both waiting for the pôle's
 * animation team, who are told.
 */
export function createOrganisation(db: Db, userId: number, input: NewOrganisationInput, now: Date): Outcome<{ id: number; slug: string }> {
  return writeTransaction(db, (tx): Outcome<{ id: number; slug: string }> => {
    const { territoryId, position, ...fields } = input;
    if (!poleRef(tx, territoryId)) return fail(400, "Choisissez un pôle dans la liste.", "territoryId");
    const owner = siretOwner(tx, fields.siret);
    if (owner) return fail(409, `Une organisation inscrite porte déjà ce numéro SIRET : ${owner.name}.`, "siret");
    const slug = organisationSlug(fields.name, (s) => slugTaken(tx, s));
    const { id } = tx
      .insert(organisations)
      .values({ ...withSiren(fields), slug, createdBy: userId, createdAt: now, updatedAt: now })
      .returning({ id: organisations.id })
      .get();
    tx.insert(organisationPoles).values({ organisationId: id, territoryId, status: "demandee", requestedAt: now }).run();
    tx.insert(organisationRepresentatives).values({ organisationId: id, userId, position, status: "demandee", requestedAt: now }).run();
    notifyStaffOfRequest(tx, { organisationId: id, organisationName: fields.name, territoryIds: [territoryId], kind: "inscription" }, now);
    return { ok: true, id, slug };
  });
}

/** « J'agis pour cette organisation »: waits for the animation team of its pôles. A declined person may ask again. */
export function requestRepresentation(db: Db, organisationId: number, userId: number, position: string, now: Date): Outcome {
  return writeTransaction(db, (tx): Outcome => {
    const facts = getOrganisationFacts(tx, organisationId);
    if (!facts) return fail(404, "Organisation introuvable.");
    const existing = tx
      .select({ status: organisationRepresentatives.status })
      .from(organisationRepresentatives)
      .where(and(eq(organisationRepresentatives.organisationId, organisationId), eq(organisationRepresentatives.userId, userId)))
      .get();
    if (existing?.status === "confirmee") return fail(409, "Vous représentez déjà cette organisation.");
    if (existing?.status === "demandee") return fail(409, "Votre demande est déjà en attente de l'équipe d'animation.");
    if (facts.poleIds.length === 0) return fail(409, "Cette organisation n'appartient à aucun pôle : aucune équipe d'animation ne peut confirmer la demande.");
    tx.insert(organisationRepresentatives)
      .values({ organisationId, userId, position, status: "demandee", requestedAt: now })
      .onConflictDoUpdate({
        target: [organisationRepresentatives.organisationId, organisationRepresentatives.userId],
        set: { position, status: "demandee", requestedAt: now, decidedAt: null },
      })
      .run();
    notifyStaffOfRequest(
      tx,
      { organisationId, organisationName: facts.name, territoryIds: facts.poleIds, kind: "representant", personName: displayName(tx, userId) },
      now,
    );
    return { ok: true };
  });
}

/** The organisation asks to join another pôle; asked by those who may edit it. A declined request may be made again. */
export function requestPoleMembership(db: Db, organisationId: number, actorId: number, territoryId: number, now: Date): Outcome {
  return writeTransaction(db, (tx): Outcome => {
    const facts = getOrganisationFacts(tx, organisationId);
    if (!facts) return fail(404, "Organisation introuvable.");
    if (!canEditOrganisation(getActor(tx, actorId), facts)) {
      return fail(403, "Seuls les représentants confirmés de l'organisation et l'équipe d'animation de ses pôles font cette demande.");
    }
    if (!poleRef(tx, territoryId)) return fail(400, "Choisissez un pôle dans la liste.", "territoryId");
    if (facts.confirmedPoleIds.includes(territoryId)) return fail(409, "L'organisation est déjà membre de ce pôle.", "territoryId");
    if (facts.poleIds.includes(territoryId)) return fail(409, "La demande pour ce pôle est déjà en attente.", "territoryId");
    tx.insert(organisationPoles)
      .values({ organisationId, territoryId, status: "demandee", requestedAt: now })
      .onConflictDoUpdate({
        target: [organisationPoles.organisationId, organisationPoles.territoryId],
        set: { status: "demandee", requestedAt: now, decidedAt: null },
      })
      .run();
    notifyStaffOfRequest(tx, { organisationId, organisationName: facts.name, territoryIds: [territoryId], kind: "pole" }, now);
    return { ok: true };
  });
}

/* ------------------------------------------------------------------ what waits for the animation team */

export type PendingPoleRequest = { organisationId: number; slug: string; name: string; kind: string; requestedAt: Date; isNew: boolean };
export type PendingRepresentative = { organisationId: number; slug: string; organisationName: string; userId: number; displayName: string; position: string; requestedAt: Date };
export type PendingRequests = { poles: PendingPoleRequest[]; representatives: PendingRepresentative[] };

/** Organisations asking to join this pôle, and people asking to represent an organisation of (or asking to join) it; oldest first. */
export function listPendingRequests(db: Reader, territoryId: number): PendingRequests {
  const poles = db
    .select({
      organisationId: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
      kind: organisations.kind,
      requestedAt: organisationPoles.requestedAt,
      // Never confirmed anywhere: a new registration rather than a known organisation joining.
      isNew: sql<number>`not exists (select 1 from ${organisationPoles} op where op.organisation_id = "organisations"."id" and op.status = 'confirmee')`,
    })
    .from(organisationPoles)
    .innerJoin(organisations, eq(organisations.id, organisationPoles.organisationId))
    .where(and(eq(organisationPoles.territoryId, territoryId), eq(organisationPoles.status, "demandee")))
    .orderBy(asc(organisationPoles.requestedAt), inFrenchOrder(organisations.name))
    .all()
    .map((r) => ({ ...r, isNew: !!r.isNew }));
  const representatives = db
    .select({
      organisationId: organisations.id,
      slug: organisations.slug,
      organisationName: organisations.name,
      userId: users.id,
      displayName: users.displayName,
      position: organisationRepresentatives.position,
      requestedAt: organisationRepresentatives.requestedAt,
    })
    .from(organisationRepresentatives)
    .innerJoin(organisations, eq(organisations.id, organisationRepresentatives.organisationId))
    .innerJoin(users, eq(users.id, organisationRepresentatives.userId))
    .where(
      and(
        eq(organisationRepresentatives.status, "demandee"),
        sql`exists (select 1 from ${organisationPoles} op where op.organisation_id = "organisations"."id" and op.territory_id = ${territoryId} and op.status <> 'refusee')`,
      ),
    )
    .orderBy(asc(organisationRepresentatives.requestedAt), inFrenchOrder(users.displayName))
    .all();
  return { poles, representatives };
}

export function countPendingRequests(db: Reader, territoryId: number): number {
  const pending = listPendingRequests(db, territoryId);
  return pending.poles.length + pending.representatives.length;
}

/* ------------------------------------------------------------------ answering */

const NOT_STAFF = "Seule l'équipe d'animation du pôle répond à cette demande.";

/** Confirms or declines an organisation's request to join the pôle; its representatives are told. */
export function decidePoleRequest(
  db: Db,
  d: { territoryId: number; organisationId: number; actorId: number; accept: boolean },
  now: Date,
): Outcome<{ organisationName: string }> {
  return writeTransaction(db, (tx): Outcome<{ organisationName: string }> => {
    if (!isStaffOf(getActor(tx, d.actorId), d.territoryId)) return fail(403, NOT_STAFF);
    const row = tx
      .select({ status: organisationPoles.status, name: organisations.name, slug: organisations.slug })
      .from(organisationPoles)
      .innerJoin(organisations, eq(organisations.id, organisationPoles.organisationId))
      .where(and(eq(organisationPoles.organisationId, d.organisationId), eq(organisationPoles.territoryId, d.territoryId)))
      .get();
    if (!row) return fail(404, "Cette organisation n'a rien demandé à ce pôle.");
    if (row.status !== "demandee") return fail(409, "Cette demande a déjà reçu une réponse.");
    tx.update(organisationPoles)
      .set({ status: d.accept ? "confirmee" : "refusee", decidedAt: now })
      .where(and(eq(organisationPoles.organisationId, d.organisationId), eq(organisationPoles.territoryId, d.territoryId)))
      .run();
    const pole = poleRef(tx, d.territoryId)!;
    const people = tx
      .select({ userId: organisationRepresentatives.userId })
      .from(organisationRepresentatives)
      .where(and(eq(organisationRepresentatives.organisationId, d.organisationId), ne(organisationRepresentatives.status, "refusee")))
      .all()
      .map((r) => r.userId);
    notifyAll(
      tx,
      people,
      {
        kind: "moderation",
        title: d.accept ? `${row.name} est membre du ${pole.name}` : `La demande de ${row.name} pour rejoindre le ${pole.name} n'a pas été retenue`,
        body: d.accept
          ? "L'organisation figure désormais dans l'annuaire et sur la page du pôle."
          : "Pour en savoir plus, écrivez à l'équipe d'animation du pôle.",
        link: `/organisations/${row.slug}`,
        linkLabel: "Voir la page de l'organisation",
        group: { key: `organisation:${d.organisationId}`, label: row.name },
        poleName: pole.name,
        reason: "vous représentez cette organisation",
      },
      now,
    );
    return { ok: true, organisationName: row.name };
  });
}

/** Confirms or declines a person's request to represent an organisation linked to the pôle; the person is told. */
export function decideRepresentativeRequest(
  db: Db,
  d: { territoryId: number; organisationId: number; userId: number; actorId: number; accept: boolean },
  now: Date,
): Outcome<{ displayName: string; organisationName: string }> {
  return writeTransaction(db, (tx): Outcome<{ displayName: string; organisationName: string }> => {
    if (!isStaffOf(getActor(tx, d.actorId), d.territoryId)) return fail(403, NOT_STAFF);
    const facts = getOrganisationFacts(tx, d.organisationId);
    if (!facts || !facts.poleIds.includes(d.territoryId)) return fail(404, "Cette organisation n'a rien demandé à ce pôle.");
    const row = tx
      .select({ status: organisationRepresentatives.status })
      .from(organisationRepresentatives)
      .where(and(eq(organisationRepresentatives.organisationId, d.organisationId), eq(organisationRepresentatives.userId, d.userId)))
      .get();
    if (!row) return fail(404, "Cette personne n'a pas demandé à représenter l'organisation.");
    if (row.status !== "demandee") return fail(409, "Cette demande a déjà reçu une réponse.");
    tx.update(organisationRepresentatives)
      .set({ status: d.accept ? "confirmee" : "refusee", decidedAt: now })
      .where(and(eq(organisationRepresentatives.organisationId, d.organisationId), eq(organisationRepresentatives.userId, d.userId)))
      .run();
    const pole = poleRef(tx, d.territoryId)!;
    notify(
      tx,
      {
        userId: d.userId,
        kind: "moderation",
        title: d.accept ? `Vous représentez désormais ${facts.name}` : `Votre demande pour représenter ${facts.name} n'a pas été retenue`,
        body: d.accept
          ? "Votre nom et votre fonction apparaissent sur la page de l'organisation (jamais votre adresse e-mail) ; vous pouvez la modifier."
          : "Pour en savoir plus, écrivez à l'équipe d'animation du pôle.",
        link: `/organisations/${facts.slug}`,
        linkLabel: "Voir la page de l'organisation",
        group: { key: `organisation:${d.organisationId}`, label: facts.name },
        poleName: pole.name,
        reason: "vous avez demandé à représenter cette organisation",
      },
      now,
    );
    return { ok: true, displayName: displayName(tx, d.userId), organisationName: facts.name };
  });
}
