/**
 * Complementary projects and organisations of the same territory for a project that seeks
 * partners: the candidates are read in three queries (the seeker, the published projects and the
 * organisations of the pôles around its commune, each with its open offer), scored by the pure
 * app/domain/matching/complement.ts.
 */
import { and, eq, inArray, ne, or, sql } from "drizzle-orm";
import {
  activityDomains,
  communes,
  organisationPoles,
  organisations,
  partnershipOffers,
  projects,
  projectSkillNeeds,
  skills,
  territoryCommunes,
} from "#db/schema";
import { suggestComplements, type ComplementCandidate, type ComplementSide, type ComplementSuggestion } from "~/domain/matching/complement";
import { POINT_UNCERTAINTY_KM, type GeoPoint } from "~/domain/matching/geo";
import type { CommunePointSource } from "~/domain/vocabulary";
import type { Reader } from "~/utils/db.server";

export type ComplementView = Omit<ComplementSuggestion, "candidate"> & {
  kind: ComplementCandidate["kind"];
  id: number;
  name: string;
  /** The organisation's slug, for its page. */
  slug: string | null;
  communeName: string;
};

function pointOf(latitude: number | null, longitude: number | null, source: CommunePointSource | null): GeoPoint | null {
  if (latitude === null || longitude === null) return null;
  return { latitude, longitude, uncertaintyKm: source === null ? 0 : POINT_UNCERTAINTY_KM[source] };
}

const openSkillNames = sql<string | null>`(select group_concat(${skills.name}, char(31)) from ${projectSkillNeeds} join ${skills} on ${skills.id} = ${projectSkillNeeds.skillId} where ${projectSkillNeeds.projectId} = ${projects.id} and ${projectSkillNeeds.status} = 'ouvert')`;

const split = (list: string | null) => (list ? list.split("\u001f") : []);

/** The best complements of the project's open offer (none when it seeks no partners). */
export function loadComplements(q: Reader, projectId: number, now: Date, limit = 5): ComplementView[] {
  const seekerRow = q
    .select({
      title: projects.title,
      pitch: projects.pitch,
      communeCode: projects.communeCode,
      domainName: activityDomains.name,
      seeks: partnershipOffers.seeks,
      brings: partnershipOffers.brings,
      open: partnershipOffers.open,
      latitude: communes.latitude,
      longitude: communes.longitude,
      source: communes.pointSource,
      skills: openSkillNames,
    })
    .from(projects)
    .innerJoin(partnershipOffers, eq(partnershipOffers.projectId, projects.id))
    .innerJoin(communes, eq(communes.code, projects.communeCode))
    .innerJoin(activityDomains, eq(activityDomains.id, projects.activityDomainId))
    .where(eq(projects.id, projectId))
    .get();
  if (!seekerRow?.open) return [];
  const seeker: ComplementSide = {
    seeks: seekerRow.seeks,
    brings: seekerRow.brings,
    title: seekerRow.title,
    about: seekerRow.pitch,
    domainName: seekerRow.domainName,
    neededSkills: split(seekerRow.skills),
    communeCode: seekerRow.communeCode,
    point: pointOf(seekerRow.latitude, seekerRow.longitude, seekerRow.source),
  };
  // The pôles whose perimeter holds the seeker's commune, and every commune of those pôles.
  const poles = sql`(select ${territoryCommunes.territoryId} from ${territoryCommunes} where ${territoryCommunes.communeCode} = ${seekerRow.communeCode})`;
  const sameTerritory = sql`(select ${territoryCommunes.communeCode} from ${territoryCommunes} where ${territoryCommunes.territoryId} in ${poles})`;

  const projectRows = q
    .select({
      id: projects.id,
      name: projects.title,
      pitch: projects.pitch,
      communeCode: projects.communeCode,
      communeName: communes.name,
      domainName: activityDomains.name,
      latitude: communes.latitude,
      longitude: communes.longitude,
      source: communes.pointSource,
      skills: openSkillNames,
      seeks: partnershipOffers.seeks,
      brings: partnershipOffers.brings,
      offerUpdatedAt: partnershipOffers.updatedAt,
      updatedAt: projects.updatedAt,
    })
    .from(projects)
    .innerJoin(communes, eq(communes.code, projects.communeCode))
    .innerJoin(activityDomains, eq(activityDomains.id, projects.activityDomainId))
    .leftJoin(partnershipOffers, and(eq(partnershipOffers.projectId, projects.id), eq(partnershipOffers.open, true)))
    .where(and(eq(projects.status, "publie"), ne(projects.id, projectId), inArray(projects.communeCode, sameTerritory)))
    .all();

  const organisationRows = q
    .select({
      id: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
      description: organisations.description,
      communeCode: organisations.communeCode,
      communeName: communes.name,
      latitude: communes.latitude,
      longitude: communes.longitude,
      source: communes.pointSource,
      seeks: partnershipOffers.seeks,
      brings: partnershipOffers.brings,
      offerUpdatedAt: partnershipOffers.updatedAt,
      updatedAt: organisations.updatedAt,
    })
    .from(organisations)
    .innerJoin(communes, eq(communes.code, organisations.communeCode))
    .leftJoin(partnershipOffers, and(eq(partnershipOffers.organisationId, organisations.id), eq(partnershipOffers.open, true)))
    .where(
      or(
        inArray(organisations.communeCode, sameTerritory),
        inArray(
          organisations.id,
          sql`(select ${organisationPoles.organisationId} from ${organisationPoles} where ${organisationPoles.status} = 'confirmee' and ${organisationPoles.territoryId} in ${poles})`,
        ),
      ),
    )
    .all();

  const where = new Map<string, { communeName: string; slug: string | null }>();
  const candidates: ComplementCandidate[] = [
    ...projectRows.map((r): ComplementCandidate => {
      where.set(`project:${r.id}`, { communeName: r.communeName, slug: null });
      return {
        kind: "project",
        id: r.id,
        name: r.name,
        hasOffer: r.brings !== null,
        seeks: r.seeks ?? "",
        brings: r.brings ?? "",
        title: r.name,
        about: r.pitch,
        domainName: r.domainName,
        neededSkills: split(r.skills),
        communeCode: r.communeCode,
        point: pointOf(r.latitude, r.longitude, r.source),
        updatedAt: r.offerUpdatedAt ?? r.updatedAt,
      };
    }),
    ...organisationRows.map((r): ComplementCandidate => {
      where.set(`organisation:${r.id}`, { communeName: r.communeName, slug: r.slug });
      return {
        kind: "organisation",
        id: r.id,
        name: r.name,
        hasOffer: r.brings !== null,
        seeks: r.seeks ?? "",
        brings: r.brings ?? "",
        title: r.name,
        about: r.description,
        domainName: null,
        neededSkills: [],
        communeCode: r.communeCode,
        point: pointOf(r.latitude, r.longitude, r.source),
        updatedAt: r.offerUpdatedAt ?? r.updatedAt,
      };
    }),
  ];
  return suggestComplements(seeker, candidates, now, limit).map(({ candidate, ...s }) => ({
    ...s,
    kind: candidate.kind,
    id: candidate.id,
    name: candidate.name,
    ...(where.get(`${candidate.kind}:${candidate.id}`) ?? { communeName: "", slug: null }),
  }));
}
