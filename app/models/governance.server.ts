/**
 * A pôle's governance: its bodies, the mandates held in them and each body's
 * decisions log. Everyone reads the bodies, the current mandates and the
 * public decisions; internal decisions are for the pôle's members and its
 * animation team. Only the animation team of the pôle changes any of it, and
 * every write checks that again (`isStaffOf`), as well as that the body, the
 * mandate, the person and the organisation named belong to that pôle.
 */
import { and, asc, count, desc, eq, inArray, max, sql } from "drizzle-orm";
import {
  bodyDecisions,
  bodyMandates,
  governanceBodies,
  organisationPoles,
  organisationRepresentatives,
  organisations,
  poleMembers,
  territoryStaff,
  userRoles,
  users,
} from "#db/schema";
import { endsAfterStart, isMandateCurrent } from "~/domain/governance";
import { isStaffOf, type Actor } from "~/domain/permissions";
import type { GovernanceBodyKind } from "~/domain/vocabulary";
import { inFrenchOrder, writeTransaction, type Db, type Reader, type Writer } from "~/utils/db.server";
import { fail, type Outcome } from "./outcome";
import { isMemberOfAny } from "./pole-member.server";
import { getActor } from "./user.server";

export type BodyInput = { kind: GovernanceBodyKind; name: string; description: string };
export type MandateInput = { bodyId: number; userId: number; organisationId: number | null; position: string; startsOn: string; endsOn: string | null };
export type DecisionInput = {
  bodyId: number;
  decidedOn: string;
  subject: string;
  decision: string;
  votesFor: number | null;
  votesAgainst: number | null;
  votesAbstain: number | null;
  internal: boolean;
};

export type MandateView = {
  id: number;
  userId: number;
  displayName: string;
  organisation: { slug: string; name: string } | null;
  position: string;
  startsOn: string;
  endsOn: string | null;
  current: boolean;
};

export type DecisionView = Omit<DecisionInput, "bodyId"> & { id: number };

export type BodyView = {
  id: number;
  kind: GovernanceBodyKind;
  name: string;
  description: string;
  /** Current mandates first, then the ones to come, then the ended ones (most recent first). */
  mandates: MandateView[];
  /** Newest first; internal ones only when asked for. */
  decisions: DecisionView[];
};

/** Members of the pôle and its animation team see its internal decisions. */
export function canSeeInternalDecisions(q: Reader, actor: Actor | null, territoryId: number): boolean {
  if (!actor) return false;
  return isStaffOf(actor, territoryId) || isMemberOfAny(q, actor.userId, [territoryId]);
}

function mandateOrder(a: MandateView, b: MandateView, today: string): number {
  const rank = (m: MandateView) => (m.current ? 0 : m.startsOn > today ? 1 : 2);
  return rank(a) - rank(b) || (rank(a) === 2 ? (b.endsOn ?? "").localeCompare(a.endsOn ?? "") : a.startsOn.localeCompare(b.startsOn)) || a.displayName.localeCompare(b.displayName, "fr");
}

/** Every body of the pôle with its mandates and decisions (`internal`: include the internal decisions). */
export function getGovernance(db: Reader, territoryId: number, opts: { today: string; internal: boolean }): BodyView[] {
  const bodies = db
    .select({ id: governanceBodies.id, kind: governanceBodies.kind, name: governanceBodies.name, description: governanceBodies.description })
    .from(governanceBodies)
    .where(eq(governanceBodies.territoryId, territoryId))
    .orderBy(asc(governanceBodies.position), asc(governanceBodies.id))
    .all();
  if (bodies.length === 0) return [];
  const ids = bodies.map((b) => b.id);
  const mandates = db
    .select({
      id: bodyMandates.id,
      bodyId: bodyMandates.bodyId,
      userId: bodyMandates.userId,
      displayName: users.displayName,
      organisationSlug: organisations.slug,
      organisationName: organisations.name,
      position: bodyMandates.position,
      startsOn: bodyMandates.startsOn,
      endsOn: bodyMandates.endsOn,
    })
    .from(bodyMandates)
    .innerJoin(users, eq(users.id, bodyMandates.userId))
    .leftJoin(organisations, eq(organisations.id, bodyMandates.organisationId))
    .where(inArray(bodyMandates.bodyId, ids))
    .all();
  const decisions = db
    .select({
      id: bodyDecisions.id,
      bodyId: bodyDecisions.bodyId,
      decidedOn: bodyDecisions.decidedOn,
      subject: bodyDecisions.subject,
      decision: bodyDecisions.decision,
      votesFor: bodyDecisions.votesFor,
      votesAgainst: bodyDecisions.votesAgainst,
      votesAbstain: bodyDecisions.votesAbstain,
      internal: bodyDecisions.internal,
    })
    .from(bodyDecisions)
    .where(and(inArray(bodyDecisions.bodyId, ids), opts.internal ? undefined : eq(bodyDecisions.internal, false)))
    .orderBy(desc(bodyDecisions.decidedOn), desc(bodyDecisions.id))
    .all();
  return bodies.map((body) => ({
    ...body,
    mandates: mandates
      .filter((m) => m.bodyId === body.id)
      .map(({ bodyId: _b, organisationSlug, organisationName, ...m }) => ({
        ...m,
        organisation: organisationSlug && organisationName ? { slug: organisationSlug, name: organisationName } : null,
        current: isMandateCurrent(m, opts.today),
      }))
      .sort((a, b) => mandateOrder(a, b, opts.today)),
    decisions: decisions.filter((d) => d.bodyId === body.id).map(({ bodyId: _b, ...d }) => d),
  }));
}

export type BodySummary = { id: number; kind: GovernanceBodyKind; name: string; currentMandates: number; publicDecisions: number };

/** For the pôle page: each body with how many seats are held today and how many public decisions it recorded. */
export function listBodySummaries(db: Reader, territoryId: number, today: string): BodySummary[] {
  return db
    .select({
      id: governanceBodies.id,
      kind: governanceBodies.kind,
      name: governanceBodies.name,
      // Written out in full: drizzle leaves the outer column unqualified in a one-table select, and the subquery would read its own `id`.
      currentMandates: sql<number>`(select count(*) from ${bodyMandates} m where m.body_id = "governance_bodies"."id" and m.starts_on <= ${today} and (m.ends_on is null or m.ends_on >= ${today}))`,
      publicDecisions: sql<number>`(select count(*) from ${bodyDecisions} d where d.body_id = "governance_bodies"."id" and d.internal = 0)`,
    })
    .from(governanceBodies)
    .where(eq(governanceBodies.territoryId, territoryId))
    .orderBy(asc(governanceBodies.position), asc(governanceBodies.id))
    .all();
}

/**
 * Who may hold a seat: the pôle's animation team, its members, and the
 * confirmed representatives of its confirmed member organisations.
 */
export function eligiblePeople(db: Reader, territoryId: number): { id: number; displayName: string }[] {
  const staff = db
    .select({ id: territoryStaff.userId })
    .from(territoryStaff)
    .innerJoin(userRoles, and(eq(userRoles.userId, territoryStaff.userId), eq(userRoles.role, "animateur")))
    .where(eq(territoryStaff.territoryId, territoryId));
  const members = db.select({ id: poleMembers.userId }).from(poleMembers).where(eq(poleMembers.territoryId, territoryId));
  const representatives = db
    .select({ id: organisationRepresentatives.userId })
    .from(organisationRepresentatives)
    .innerJoin(
      organisationPoles,
      and(eq(organisationPoles.organisationId, organisationRepresentatives.organisationId), eq(organisationPoles.territoryId, territoryId), eq(organisationPoles.status, "confirmee")),
    )
    .where(eq(organisationRepresentatives.status, "confirmee"));
  const ids = new Set([...staff.all(), ...members.all(), ...representatives.all()].map((r) => r.id));
  if (ids.size === 0) return [];
  return db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, [...ids]))
    .orderBy(inFrenchOrder(users.displayName))
    .all();
}

/* ------------------------------------------------------------------ writes (the pôle's animation team) */

const NOT_STAFF = "Seule l'équipe d'animation du pôle modifie sa gouvernance.";

function bodyOfPole(q: Reader, territoryId: number, bodyId: number) {
  return q
    .select({ id: governanceBodies.id })
    .from(governanceBodies)
    .where(and(eq(governanceBodies.id, bodyId), eq(governanceBodies.territoryId, territoryId)))
    .get();
}

/** Runs a write of the pôle's governance for one of its animation team, refusing anyone else. */
function asStaff<T extends object>(db: Db, territoryId: number, actorId: number, write: (tx: Writer) => Outcome<T>): Outcome<T> {
  return writeTransaction(db, (tx): Outcome<T> => {
    if (!isStaffOf(getActor(tx, actorId), territoryId)) return fail(403, NOT_STAFF);
    return write(tx);
  });
}

export function createBody(db: Db, territoryId: number, actorId: number, input: BodyInput): Outcome<{ bodyId: number }> {
  return asStaff(db, territoryId, actorId, (tx) => {
    const last = tx.select({ p: max(governanceBodies.position) }).from(governanceBodies).where(eq(governanceBodies.territoryId, territoryId)).get();
    const { id } = tx
      .insert(governanceBodies)
      .values({ territoryId, ...input, position: (last?.p ?? -1) + 1 })
      .returning({ id: governanceBodies.id })
      .get();
    return { ok: true, bodyId: id };
  });
}

export function updateBody(db: Db, territoryId: number, actorId: number, bodyId: number, input: BodyInput): Outcome {
  return asStaff(db, territoryId, actorId, (tx) => {
    if (!bodyOfPole(tx, territoryId, bodyId)) return fail(404, "Cette instance n'appartient pas à ce pôle.");
    tx.update(governanceBodies).set(input).where(eq(governanceBodies.id, bodyId)).run();
    return { ok: true };
  });
}

export function addMandate(db: Db, territoryId: number, actorId: number, input: MandateInput): Outcome<{ mandateId: number }> {
  return asStaff(db, territoryId, actorId, (tx) => {
    if (!bodyOfPole(tx, territoryId, input.bodyId)) return fail(404, "Cette instance n'appartient pas à ce pôle.", "bodyId");
    if (!eligiblePeople(tx, territoryId).some((p) => p.id === input.userId)) {
      return fail(400, "Choisissez une personne de la liste : membre du pôle, de son équipe d'animation ou représentant d'une organisation membre.", "userId");
    }
    if (input.organisationId !== null) {
      const member = tx
        .select({ id: organisationPoles.organisationId })
        .from(organisationPoles)
        .where(and(eq(organisationPoles.organisationId, input.organisationId), eq(organisationPoles.territoryId, territoryId), eq(organisationPoles.status, "confirmee")))
        .get();
      if (!member) return fail(400, "Choisissez une organisation membre du pôle.", "organisationId");
    }
    if (!endsAfterStart(input.startsOn, input.endsOn)) return fail(400, "La fin du mandat ne peut pas précéder son début.", "endsOn");
    const { id } = tx.insert(bodyMandates).values(input).returning({ id: bodyMandates.id }).get();
    return { ok: true, mandateId: id };
  });
}

/** Ends a mandate on `endsOn` (its last day); a mandate already over stays as it is. */
export function endMandate(db: Db, territoryId: number, actorId: number, mandateId: number, endsOn: string, today: string): Outcome {
  return asStaff(db, territoryId, actorId, (tx) => {
    const mandate = tx
      .select({ startsOn: bodyMandates.startsOn, endsOn: bodyMandates.endsOn })
      .from(bodyMandates)
      .innerJoin(governanceBodies, eq(governanceBodies.id, bodyMandates.bodyId))
      .where(and(eq(bodyMandates.id, mandateId), eq(governanceBodies.territoryId, territoryId)))
      .get();
    if (!mandate) return fail(404, "Ce mandat n'appartient pas à ce pôle.");
    if (mandate.endsOn !== null && mandate.endsOn < today) return fail(409, "Ce mandat est déjà terminé.");
    if (!endsAfterStart(mandate.startsOn, endsOn)) return fail(400, "La fin du mandat ne peut pas précéder son début.", "endsOn");
    tx.update(bodyMandates).set({ endsOn }).where(eq(bodyMandates.id, mandateId)).run();
    return { ok: true };
  });
}

export function recordDecision(db: Db, territoryId: number, actorId: number, input: DecisionInput, now: Date): Outcome<{ decisionId: number }> {
  return asStaff(db, territoryId, actorId, (tx) => {
    if (!bodyOfPole(tx, territoryId, input.bodyId)) return fail(404, "Cette instance n'appartient pas à ce pôle.", "bodyId");
    const { id } = tx
      .insert(bodyDecisions)
      .values({ ...input, recordedBy: actorId, createdAt: now })
      .returning({ id: bodyDecisions.id })
      .get();
    return { ok: true, decisionId: id };
  });
}

/** How many bodies the pôle has (the animation home's figures). */
export function countBodies(db: Reader, territoryId: number): number {
  return db.select({ n: count() }).from(governanceBodies).where(eq(governanceBodies.territoryId, territoryId)).get()?.n ?? 0;
}
