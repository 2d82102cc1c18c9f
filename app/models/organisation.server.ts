/**
 * Member organisations: their page, the directory, and who may see and edit
 * them. An organisation is listed in the directory once the animation team of
 * one of its pôles has confirmed its membership; until then its page is seen
 * by its representatives, its creator and the animation teams it asked.
 * Registering one, and the requests (to represent it, to join a pôle) with
 * their answers, live in organisation-request.server.ts.
 */
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { communes, departments, organisationPoles, organisationRepresentatives, organisations, territories, users } from "#db/schema";
import { foldForSearch } from "~/domain/catalog";
import { isAdmin, isStaffOfAny, type Actor } from "~/domain/permissions";
import { organisationSlug } from "~/domain/organisation";
import type { MembershipStatus, OrganisationKind } from "~/domain/vocabulary";
import { inFrenchOrder, writeTransaction, type Db, type Reader, type Writer } from "~/utils/db.server";
import { nafLabel } from "./naf.server";
import { fail, type Outcome } from "./outcome";
import { getActor } from "./user.server";

/** What a form stores: numbers normalised, NAF code as INSEE writes it, the commune resolved. */
export type OrganisationInput = {
  name: string;
  kind: OrganisationKind;
  siren: string | null;
  siret: string | null;
  nafCode: string | null;
  communeCode: string;
  description: string;
  website: string | null;
  contactEmail: string | null;
};

/* ------------------------------------------------------------------ who may do what */

/** The facts the permission rules look at: confirmed representatives own it; its confirmed pôles' teams reach it. */
export type OrganisationFacts = {
  id: number;
  slug: string;
  name: string;
  createdBy: number | null;
  confirmedRepresentativeIds: number[];
  /** Every representative, whatever the status of the request. */
  representativeIds: number[];
  confirmedPoleIds: number[];
  /** Every pôle asked, whatever the status. */
  poleIds: number[];
};

export function getOrganisationFacts(q: Reader, slugOrId: string | number): OrganisationFacts | undefined {
  const row = q
    .select({ id: organisations.id, slug: organisations.slug, name: organisations.name, createdBy: organisations.createdBy })
    .from(organisations)
    .where(typeof slugOrId === "number" ? eq(organisations.id, slugOrId) : eq(organisations.slug, slugOrId))
    .get();
  if (!row) return undefined;
  const reps = q
    .select({ userId: organisationRepresentatives.userId, status: organisationRepresentatives.status })
    .from(organisationRepresentatives)
    .where(eq(organisationRepresentatives.organisationId, row.id))
    .all();
  const poles = q
    .select({ territoryId: organisationPoles.territoryId, status: organisationPoles.status })
    .from(organisationPoles)
    .where(eq(organisationPoles.organisationId, row.id))
    .all();
  return {
    ...row,
    confirmedRepresentativeIds: reps.filter((r) => r.status === "confirmee").map((r) => r.userId),
    representativeIds: reps.filter((r) => r.status !== "refusee").map((r) => r.userId),
    confirmedPoleIds: poles.filter((p) => p.status === "confirmee").map((p) => p.territoryId),
    poleIds: poles.filter((p) => p.status !== "refusee").map((p) => p.territoryId),
  };
}

/** Listed publicly once a pôle confirmed it; before, only to those concerned by the request. */
export function canSeeOrganisation(actor: Actor | null, facts: OrganisationFacts): boolean {
  if (facts.confirmedPoleIds.length > 0 || isAdmin(actor)) return true;
  if (!actor) return false;
  return facts.createdBy === actor.userId || facts.representativeIds.includes(actor.userId) || isStaffOfAny(actor, facts.poleIds);
}

/** Its confirmed representatives, and the animation team of one of its confirmed pôles. */
export function canEditOrganisation(actor: Actor | null, facts: OrganisationFacts): boolean {
  if (!actor) return false;
  return facts.confirmedRepresentativeIds.includes(actor.userId) || (facts.confirmedPoleIds.length > 0 && isStaffOfAny(actor, facts.confirmedPoleIds));
}

/* ------------------------------------------------------------------ create, update */

export function slugTaken(q: Reader, slug: string): boolean {
  return !!q.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, slug)).get();
}

export function siretOwner(q: Reader, siret: string | null, exceptId?: number) {
  if (!siret) return undefined;
  return q
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(exceptId === undefined ? eq(organisations.siret, siret) : and(eq(organisations.siret, siret), ne(organisations.id, exceptId)))
    .get();
}

/** The SIREN follows the SIRET when only the SIRET is given. */
export function withSiren(input: OrganisationInput): OrganisationInput {
  return { ...input, siren: input.siren ?? (input.siret ? input.siret.slice(0, 9) : null) };
}

/** Saves the organisation's page; its confirmed representatives and its pôles' animation teams only. */
export function updateOrganisation(db: Db, organisationId: number, actorId: number, input: OrganisationInput, now: Date): Outcome<{ slug: string }> {
  return writeTransaction(db, (tx): Outcome<{ slug: string }> => {
    const facts = getOrganisationFacts(tx, organisationId);
    if (!facts) return fail(404, "Organisation introuvable.");
    if (!canEditOrganisation(getActor(tx, actorId), facts)) {
      return fail(403, "Seuls les représentants confirmés de l'organisation et l'équipe d'animation de ses pôles la modifient.");
    }
    const owner = siretOwner(tx, input.siret, organisationId);
    if (owner) return fail(409, `Une organisation inscrite porte déjà ce numéro SIRET : ${owner.name}.`, "siret");
    tx.update(organisations).set({ ...withSiren(input), updatedAt: now }).where(eq(organisations.id, organisationId)).run();
    return { ok: true, slug: facts.slug };
  });
}

/** Seeds and tests: an organisation already confirmed in its pôles, with confirmed representatives. */
export function insertConfirmedOrganisation(
  tx: Writer,
  input: OrganisationInput & { slug?: string; createdBy?: number | null },
  poles: readonly number[],
  representatives: readonly { userId: number; position: string }[],
  now: Date,
): { id: number; slug: string } {
  const { slug: wanted, createdBy, ...fields } = input;
  const slug = wanted ?? organisationSlug(fields.name, (s) => slugTaken(tx, s));
  const { id } = tx
    .insert(organisations)
    .values({ ...withSiren(fields), slug, createdBy: createdBy ?? null, createdAt: now, updatedAt: now })
    .returning({ id: organisations.id })
    .get();
  for (const territoryId of poles) {
    tx.insert(organisationPoles).values({ organisationId: id, territoryId, status: "confirmee", requestedAt: now, decidedAt: now }).run();
  }
  for (const r of representatives) {
    tx.insert(organisationRepresentatives).values({ organisationId: id, userId: r.userId, position: r.position, status: "confirmee", requestedAt: now, decidedAt: now }).run();
  }
  return { id, slug };
}

/* ------------------------------------------------------------------ reading */

export type OrganisationPole = { id: number; slug: string; name: string; status: MembershipStatus };
export type Representative = { userId: number; displayName: string; position: string };

export type OrganisationPage = {
  id: number;
  slug: string;
  name: string;
  kind: OrganisationKind;
  siren: string | null;
  siret: string | null;
  nafCode: string | null;
  nafLabel: string | null;
  commune: { code: string; name: string; departmentCode: string; departmentName: string };
  description: string;
  website: string | null;
  contactEmail: string | null;
  /** Confirmed pôles first, then the requests still waiting. */
  poles: OrganisationPole[];
  /** Confirmed only: their names and positions are public, never their addresses. */
  representatives: Representative[];
  updatedAt: Date;
};

export function getOrganisationPage(db: Reader, organisationId: number): OrganisationPage | undefined {
  const row = db
    .select({
      id: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
      kind: organisations.kind,
      siren: organisations.siren,
      siret: organisations.siret,
      nafCode: organisations.nafCode,
      description: organisations.description,
      website: organisations.website,
      contactEmail: organisations.contactEmail,
      updatedAt: organisations.updatedAt,
      communeCode: communes.code,
      communeName: communes.name,
      departmentCode: departments.code,
      departmentName: departments.name,
    })
    .from(organisations)
    .innerJoin(communes, eq(communes.code, organisations.communeCode))
    .innerJoin(departments, eq(departments.code, communes.departmentCode))
    .where(eq(organisations.id, organisationId))
    .get();
  if (!row) return undefined;
  const poles = db
    .select({ id: territories.id, slug: territories.slug, name: territories.name, status: organisationPoles.status })
    .from(organisationPoles)
    .innerJoin(territories, eq(territories.id, organisationPoles.territoryId))
    .where(and(eq(organisationPoles.organisationId, organisationId), ne(organisationPoles.status, "refusee")))
    .orderBy(sql`${organisationPoles.status} = 'confirmee' desc`, inFrenchOrder(territories.name))
    .all();
  const representatives = db
    .select({ userId: users.id, displayName: users.displayName, position: organisationRepresentatives.position })
    .from(organisationRepresentatives)
    .innerJoin(users, eq(users.id, organisationRepresentatives.userId))
    .where(and(eq(organisationRepresentatives.organisationId, organisationId), eq(organisationRepresentatives.status, "confirmee")))
    .orderBy(inFrenchOrder(users.displayName))
    .all();
  const { communeCode, communeName, departmentCode, departmentName, ...rest } = row;
  return {
    ...rest,
    nafLabel: nafLabel(row.nafCode),
    commune: { code: communeCode, name: communeName, departmentCode, departmentName },
    poles,
    representatives,
  };
}

/** The values the edit form starts from. */
export function getOrganisationForEdit(db: Reader, organisationId: number) {
  return db
    .select({
      name: organisations.name,
      kind: organisations.kind,
      siren: organisations.siren,
      siret: organisations.siret,
      nafCode: organisations.nafCode,
      communeCode: organisations.communeCode,
      communeName: communes.name,
      postalCodes: communes.postalCodes,
      description: organisations.description,
      website: organisations.website,
      contactEmail: organisations.contactEmail,
    })
    .from(organisations)
    .innerJoin(communes, eq(communes.code, organisations.communeCode))
    .where(eq(organisations.id, organisationId))
    .get();
}

/** A person's own request about an organisation: none, waiting, confirmed or declined. */
export function representativeStatus(q: Reader, organisationId: number, userId: number): MembershipStatus | null {
  return (
    q
      .select({ status: organisationRepresentatives.status })
      .from(organisationRepresentatives)
      .where(and(eq(organisationRepresentatives.organisationId, organisationId), eq(organisationRepresentatives.userId, userId)))
      .get()?.status ?? null
  );
}

/* ------------------------------------------------------------------ the directory */

export type DirectoryFilters = { text?: string; kind?: OrganisationKind; territoryId?: number; departmentCode?: string };

export type DirectoryCard = {
  id: number;
  slug: string;
  name: string;
  kind: OrganisationKind;
  communeName: string;
  departmentCode: string;
  description: string;
  poles: { slug: string; name: string }[];
};

/**
 * Organisations confirmed in at least one pôle, narrowed by kind, pôle and
 * department in SQL and by text (name, commune, description, SIREN; accents
 * and case ignored) in memory, in French alphabetical order.
 */
export function searchOrganisations(db: Reader, filters: DirectoryFilters): DirectoryCard[] {
  const confirmedIn = filters.territoryId
    ? sql`exists (select 1 from ${organisationPoles} op where op.organisation_id = "organisations"."id" and op.status = 'confirmee' and op.territory_id = ${filters.territoryId})`
    : sql`exists (select 1 from ${organisationPoles} op where op.organisation_id = "organisations"."id" and op.status = 'confirmee')`;
  const rows = db
    .select({
      id: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
      kind: organisations.kind,
      description: organisations.description,
      siren: organisations.siren,
      communeName: communes.name,
      departmentCode: communes.departmentCode,
    })
    .from(organisations)
    .innerJoin(communes, eq(communes.code, organisations.communeCode))
    .where(
      and(
        confirmedIn,
        filters.kind ? eq(organisations.kind, filters.kind) : undefined,
        filters.departmentCode ? eq(communes.departmentCode, filters.departmentCode) : undefined,
      ),
    )
    .orderBy(inFrenchOrder(organisations.name))
    .all();
  const words = foldForSearch(filters.text ?? "").split(" ").filter(Boolean);
  const digits = (filters.text ?? "").replace(/\D/g, "");
  const matching = rows.filter((r) => {
    if (words.length === 0) return true;
    if (digits.length >= 9 && r.siren && digits.startsWith(r.siren)) return true;
    const haystack = foldForSearch(`${r.name} ${r.communeName} ${r.description}`);
    return words.every((w) => haystack.includes(w));
  });
  matching.sort((a, b) => a.name.localeCompare(b.name, "fr", { sensitivity: "base" }));
  const poles = confirmedPolesOf(db, matching.map((r) => r.id));
  return matching.map(({ siren: _siren, ...r }) => ({ ...r, poles: poles.get(r.id) ?? [] }));
}

function confirmedPolesOf(db: Reader, organisationIds: number[]): Map<number, { slug: string; name: string }[]> {
  const map = new Map<number, { slug: string; name: string }[]>();
  if (organisationIds.length === 0) return map;
  const rows = db
    .select({ organisationId: organisationPoles.organisationId, slug: territories.slug, name: territories.name })
    .from(organisationPoles)
    .innerJoin(territories, eq(territories.id, organisationPoles.territoryId))
    .where(and(eq(organisationPoles.status, "confirmee"), inArray(organisationPoles.organisationId, organisationIds)))
    .orderBy(inFrenchOrder(territories.name))
    .all();
  for (const { organisationId, ...pole } of rows) {
    const list = map.get(organisationId);
    if (list) list.push(pole);
    else map.set(organisationId, [pole]);
  }
  return map;
}

/** The departments where listed organisations are, for the directory's filter. */
export function directoryDepartments(db: Reader): { code: string; name: string }[] {
  return db
    .select({ code: departments.code, name: departments.name })
    .from(organisations)
    .innerJoin(communes, eq(communes.code, organisations.communeCode))
    .innerJoin(departments, eq(departments.code, communes.departmentCode))
    .where(sql`exists (select 1 from ${organisationPoles} op where op.organisation_id = "organisations"."id" and op.status = 'confirmee')`)
    .groupBy(departments.code)
    .orderBy(asc(departments.code))
    .all();
}

export type PoleOrganisation = { slug: string; name: string; kind: OrganisationKind; communeName: string };

/** A pôle's confirmed member organisations, by kind then name (the pôle page). */
export function listPoleOrganisations(db: Reader, territoryId: number): PoleOrganisation[] {
  return db
    .select({ slug: organisations.slug, name: organisations.name, kind: organisations.kind, communeName: communes.name })
    .from(organisationPoles)
    .innerJoin(organisations, eq(organisations.id, organisationPoles.organisationId))
    .innerJoin(communes, eq(communes.code, organisations.communeCode))
    .where(and(eq(organisationPoles.territoryId, territoryId), eq(organisationPoles.status, "confirmee")))
    .orderBy(asc(organisations.kind), inFrenchOrder(organisations.name))
    .all();
}

/** A pôle's confirmed member organisations, for choosing the organisation a mandate is held for. */
export function confirmedOrganisationsOfPole(db: Reader, territoryId: number): { id: number; name: string }[] {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisationPoles)
    .innerJoin(organisations, eq(organisations.id, organisationPoles.organisationId))
    .where(and(eq(organisationPoles.territoryId, territoryId), eq(organisationPoles.status, "confirmee")))
    .orderBy(inFrenchOrder(organisations.name))
    .all();
}
