/**
 * Shared resources of the pôles: premises, equipment, vehicles and skills a member lends to the
 * others, in their own name or for an organisation they represent, with open hours per weekday
 * (Paris wall clock), closed periods and terms. Bookings are in resource-booking.server.ts.
 */
import { and, asc, eq, inArray, or, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import {
  communes,
  organisationRepresentatives,
  organisations,
  resourceClosures,
  resourceOpenHours,
  sharedResources,
  territories,
  users,
} from "#db/schema";
import type { Actor } from "~/domain/permissions";
import { isStaffOf } from "~/domain/permissions";
import { mayManageResource, termsProblem, type Closure, type OpenRange } from "~/domain/resource-booking";
import type { ResourceKind, ResourceTerms } from "~/domain/vocabulary";
import { inFrenchOrder, writeTransaction, type Db, type Reader, type Writer } from "~/utils/db.server";
import { fail, type Outcome } from "./outcome";
import { isMemberOfAny } from "./pole-member.server";

export type ResourceSummary = {
  id: number;
  title: string;
  kind: ResourceKind;
  description: string;
  terms: ResourceTerms;
  costCents: number | null;
  depositCents: number | null;
  active: boolean;
  pole: { id: number; slug: string; name: string };
  communeName: string | null;
  ownerName: string;
  organisation: { slug: string; name: string } | null;
};

const owner = alias(users, "resource_owner");

function summarySelect() {
  return {
    id: sharedResources.id,
    title: sharedResources.title,
    kind: sharedResources.kind,
    description: sharedResources.description,
    terms: sharedResources.terms,
    costCents: sharedResources.costCents,
    depositCents: sharedResources.depositCents,
    active: sharedResources.active,
    poleId: territories.id,
    poleSlug: territories.slug,
    poleName: territories.name,
    communeName: communes.name,
    ownerName: owner.displayName,
    organisationSlug: organisations.slug,
    organisationName: organisations.name,
  };
}

type SummaryRow = {
  id: number;
  title: string;
  kind: ResourceKind;
  description: string;
  terms: ResourceTerms;
  costCents: number | null;
  depositCents: number | null;
  active: boolean;
  poleId: number;
  poleSlug: string;
  poleName: string;
  communeName: string | null;
  ownerName: string;
  organisationSlug: string | null;
  organisationName: string | null;
};

function toSummary(r: SummaryRow): ResourceSummary {
  return {
    id: r.id,
    title: r.title,
    kind: r.kind,
    description: r.description,
    terms: r.terms,
    costCents: r.costCents,
    depositCents: r.depositCents,
    active: r.active,
    pole: { id: r.poleId, slug: r.poleSlug, name: r.poleName },
    communeName: r.communeName,
    ownerName: r.ownerName,
    organisation: r.organisationSlug && r.organisationName ? { slug: r.organisationSlug, name: r.organisationName } : null,
  };
}

function summaries(q: Reader, where: SQL | undefined, limit?: number): ResourceSummary[] {
  const query = q
    .select(summarySelect())
    .from(sharedResources)
    .innerJoin(territories, eq(territories.id, sharedResources.territoryId))
    .innerJoin(owner, eq(owner.id, sharedResources.ownerId))
    .leftJoin(communes, eq(communes.code, sharedResources.communeCode))
    .leftJoin(organisations, eq(organisations.id, sharedResources.organisationId))
    .where(where)
    .orderBy(inFrenchOrder(territories.name), asc(sharedResources.kind), asc(sharedResources.title), asc(sharedResources.id));
  return (limit ? query.limit(limit).all() : query.all()).map(toSummary);
}

export type ResourceFilters = { territoryId?: number; kind?: ResourceKind; communeCode?: string };

/** The active resources of every pôle, or of one pôle, kind or commune. */
export function listResources(q: Reader, filters: ResourceFilters = {}, limit?: number): ResourceSummary[] {
  const conditions = [eq(sharedResources.active, true)];
  if (filters.territoryId !== undefined) conditions.push(eq(sharedResources.territoryId, filters.territoryId));
  if (filters.kind) conditions.push(eq(sharedResources.kind, filters.kind));
  if (filters.communeCode) conditions.push(eq(sharedResources.communeCode, filters.communeCode));
  return summaries(q, and(...conditions), limit);
}

/** What the filters of /ressources offer: the pôles and communes that have active resources. */
export function resourceFilterOptions(q: Reader): { poles: { slug: string; name: string }[]; communes: { code: string; name: string }[] } {
  const poles = q
    .select({ slug: territories.slug, name: territories.name })
    .from(sharedResources)
    .innerJoin(territories, eq(territories.id, sharedResources.territoryId))
    .where(eq(sharedResources.active, true))
    .groupBy(territories.id)
    .orderBy(inFrenchOrder(territories.name))
    .all();
  const places = q
    .select({ code: communes.code, name: communes.name })
    .from(sharedResources)
    .innerJoin(communes, eq(communes.code, sharedResources.communeCode))
    .where(eq(sharedResources.active, true))
    .groupBy(communes.code)
    .orderBy(asc(communes.name))
    .all();
  return { poles, communes: places };
}

export type ResourceDetail = ResourceSummary & {
  territoryId: number;
  ownerId: number;
  organisationId: number | null;
  communeCode: string | null;
  termsNote: string;
  openHours: OpenRange[];
  closures: (Closure & { id: number })[];
  /** Confirmed representatives of the organisation it is lent for (they answer requests too). */
  representativeIds: number[];
};

export function confirmedRepresentativeIds(q: Reader, organisationId: number | null): number[] {
  if (organisationId === null) return [];
  return q
    .select({ userId: organisationRepresentatives.userId })
    .from(organisationRepresentatives)
    .where(and(eq(organisationRepresentatives.organisationId, organisationId), eq(organisationRepresentatives.status, "confirmee")))
    .all()
    .map((r) => r.userId);
}

export function openHoursOf(q: Reader, resourceId: number): OpenRange[] {
  return q
    .select({ weekday: resourceOpenHours.weekday, opensAt: resourceOpenHours.opensAt, closesAt: resourceOpenHours.closesAt })
    .from(resourceOpenHours)
    .where(eq(resourceOpenHours.resourceId, resourceId))
    .orderBy(asc(resourceOpenHours.weekday), asc(resourceOpenHours.opensAt))
    .all();
}

export function closuresOf(q: Reader, resourceId: number): (Closure & { id: number })[] {
  return q
    .select({ id: resourceClosures.id, startsOn: resourceClosures.startsOn, endsOn: resourceClosures.endsOn, reason: resourceClosures.reason })
    .from(resourceClosures)
    .where(eq(resourceClosures.resourceId, resourceId))
    .orderBy(asc(resourceClosures.startsOn))
    .all();
}

/** A resource with its hours, closures and who answers for it; undefined when unknown. */
export function getResource(q: Reader, id: number): ResourceDetail | undefined {
  const row = q
    .select({
      ...summarySelect(),
      territoryId: sharedResources.territoryId,
      ownerId: sharedResources.ownerId,
      organisationId: sharedResources.organisationId,
      communeCode: sharedResources.communeCode,
      termsNote: sharedResources.termsNote,
    })
    .from(sharedResources)
    .innerJoin(territories, eq(territories.id, sharedResources.territoryId))
    .innerJoin(owner, eq(owner.id, sharedResources.ownerId))
    .leftJoin(communes, eq(communes.code, sharedResources.communeCode))
    .leftJoin(organisations, eq(organisations.id, sharedResources.organisationId))
    .where(eq(sharedResources.id, id))
    .get();
  if (!row) return undefined;
  return {
    ...toSummary(row),
    territoryId: row.territoryId,
    ownerId: row.ownerId,
    organisationId: row.organisationId,
    communeCode: row.communeCode,
    termsNote: row.termsNote,
    openHours: openHoursOf(q, id),
    closures: closuresOf(q, id),
    representativeIds: confirmedRepresentativeIds(q, row.organisationId),
  };
}

/** The ids of the resources this person answers for: their own, their organisations', their pôles' (animation team). */
export function managedResourceIds(q: Reader, actor: Actor): number[] {
  const organisationIds = q
    .select({ id: organisationRepresentatives.organisationId })
    .from(organisationRepresentatives)
    .where(and(eq(organisationRepresentatives.userId, actor.userId), eq(organisationRepresentatives.status, "confirmee")))
    .all()
    .map((r) => r.id);
  const staffOf = actor.staffTerritoryIds.filter((id) => isStaffOf(actor, id));
  const conditions = [eq(sharedResources.ownerId, actor.userId)];
  if (organisationIds.length > 0) conditions.push(inArray(sharedResources.organisationId, organisationIds));
  if (staffOf.length > 0) conditions.push(inArray(sharedResources.territoryId, staffOf));
  return q
    .select({ id: sharedResources.id })
    .from(sharedResources)
    .where(or(...conditions))
    .all()
    .map((r) => r.id);
}

/** The pôles this person may offer a resource for: those they joined (and those whose team they are on). */
export function polesToOfferIn(q: Reader, actor: Actor): { id: number; slug: string; name: string }[] {
  const rows = q.select({ id: territories.id, slug: territories.slug, name: territories.name }).from(territories).orderBy(inFrenchOrder(territories.name)).all();
  return rows.filter((t) => isStaffOf(actor, t.id) || isMemberOfAny(q, actor.userId, [t.id]));
}

export type ResourceInput = {
  kind: ResourceKind;
  title: string;
  description: string;
  communeCode: string | null;
  organisationId: number | null;
  terms: ResourceTerms;
  costCents: number | null;
  depositCents: number | null;
  termsNote: string;
  openHours: OpenRange[];
  closures: Closure[];
};

function representsOrganisation(q: Reader, userId: number, organisationId: number): boolean {
  return confirmedRepresentativeIds(q, organisationId).includes(userId);
}

function writeSchedule(tx: Writer, resourceId: number, input: Pick<ResourceInput, "openHours" | "closures">): void {
  tx.delete(resourceOpenHours).where(eq(resourceOpenHours.resourceId, resourceId)).run();
  tx.delete(resourceClosures).where(eq(resourceClosures.resourceId, resourceId)).run();
  if (input.openHours.length > 0) tx.insert(resourceOpenHours).values(input.openHours.map((r) => ({ resourceId, ...r }))).run();
  if (input.closures.length > 0) tx.insert(resourceClosures).values(input.closures.map((c) => ({ resourceId, ...c }))).run();
}

function termsRefusal(input: ResourceInput) {
  const problem = termsProblem(input);
  return problem ? fail(400, problem.message, problem.field) : null;
}

/** A member of the pôle offers a resource, in their name or for an organisation they represent. */
export function createResource(db: Db, actor: Actor, territoryId: number, input: ResourceInput, now: Date): Outcome<{ id: number }> {
  return writeTransaction(db, (tx) => {
    const pole = tx.select({ id: territories.id }).from(territories).where(eq(territories.id, territoryId)).get();
    if (!pole) return fail(400, "Choisissez un pôle de la liste.", "territoryId");
    if (!isStaffOf(actor, territoryId) && !isMemberOfAny(tx, actor.userId, [territoryId])) {
      return fail(403, "Rejoignez d'abord ce pôle, en acceptant sa charte, pour proposer une ressource à ses membres.", "territoryId");
    }
    if (input.organisationId !== null && !representsOrganisation(tx, actor.userId, input.organisationId)) {
      return fail(403, "Vous ne représentez pas cette organisation.", "organisationId");
    }
    const refusal = termsRefusal(input);
    if (refusal) return refusal;
    const { openHours, closures, ...fields } = input;
    const row = tx
      .insert(sharedResources)
      .values({ ...fields, territoryId, ownerId: actor.userId, active: true, createdAt: now, updatedAt: now })
      .returning({ id: sharedResources.id })
      .get();
    writeSchedule(tx, row.id, { openHours, closures });
    return { ok: true, id: row.id };
  });
}

/** The owner, the organisation's representatives or the pôle's team change the resource, its hours and closures. */
export function updateResource(db: Db, actor: Actor, resourceId: number, input: ResourceInput & { active: boolean }, now: Date): Outcome {
  return writeTransaction(db, (tx) => {
    const current = getResource(tx, resourceId);
    if (!current) return fail(404, "Ressource introuvable.");
    if (!mayManageResource(actor, current)) {
      return fail(403, "Seuls la personne qui prête cette ressource, les représentants de son organisation et l'équipe d'animation du pôle la modifient.");
    }
    if (input.organisationId !== null && input.organisationId !== current.organisationId && !representsOrganisation(tx, actor.userId, input.organisationId)) {
      return fail(403, "Vous ne représentez pas cette organisation.", "organisationId");
    }
    const refusal = termsRefusal(input);
    if (refusal) return refusal;
    const { openHours, closures, ...fields } = input;
    tx.update(sharedResources).set({ ...fields, updatedAt: now }).where(eq(sharedResources.id, resourceId)).run();
    writeSchedule(tx, resourceId, { openHours, closures });
    return { ok: true };
  });
}

/** For the demo seed: a resource as given, with its hours and closures. */
export function seedResource(tx: Writer, row: ResourceInput & { territoryId: number; ownerId: number; active?: boolean }, now: Date): number {
  const { openHours, closures, ...fields } = row;
  const inserted = tx
    .insert(sharedResources)
    .values({ ...fields, active: row.active ?? true, createdAt: now, updatedAt: now })
    .returning({ id: sharedResources.id })
    .get();
  writeSchedule(tx, inserted.id, { openHours, closures });
  return inserted.id;
}
