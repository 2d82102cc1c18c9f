/**
 * The public showcase of projects (/projets): published projects filtered by pôle, sector, skill
 * needed, funding still sought and stage, one page of cards read in ONE query (pôles, open needs
 * and funding totals come as correlated subqueries, the total as a window count), so the list
 * costs the same whatever its length.
 */
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import {
  activityDomains,
  cagnotteAllocations,
  clubCommitments,
  communes,
  pledges,
  projectFundingNeeds,
  projects,
  projectSkillNeeds,
  skills,
  territories,
  territoryCommunes,
} from "#db/schema";
import { isGoalReached, remainingCents } from "~/domain/funding";
import { pageOffset, SHOWCASE_PAGE_SIZE, type ShowcaseFilters } from "~/domain/project-showcase";
import type { FundingKind, ProjectKind, ProjectStage } from "~/domain/vocabulary";
import type { Reader } from "~/utils/db.server";

export type ShowcaseCard = {
  id: number;
  title: string;
  pitch: string;
  kind: ProjectKind;
  stage: ProjectStage;
  communeName: string;
  domainName: string;
  /** The pôles whose perimeter holds the project's commune, by name. */
  poles: { slug: string; name: string }[];
  /** Names of the skills of its open needs, in priority order. */
  openSkills: string[];
  seeksPartners: boolean;
  funding: {
    needCents: number;
    kind: FundingKind;
    clubsCents: number;
    pledgesCents: number;
    cagnotteCents: number;
    totalCents: number;
    remainingCents: number;
    goalReached: boolean;
  } | null;
};

export type ShowcasePage = { cards: ShowcaseCard[]; total: number };

const pledgedCents = sql<number>`coalesce((select sum(${pledges.amountCents}) from ${pledges} where ${pledges.projectId} = ${projects.id} and ${pledges.status} = 'actif'), 0)`;
const committedCents = sql<number>`coalesce((select sum(${clubCommitments.amountCents}) from ${clubCommitments} where ${clubCommitments.projectId} = ${projects.id}), 0)`;
const allocatedCents = sql<number>`coalesce((select sum(${cagnotteAllocations.amountCents}) from ${cagnotteAllocations} where ${cagnotteAllocations.projectId} = ${projects.id}), 0)`;

/** « slug|name » of each pôle around the commune, joined by a unit separator (names hold no control characters). */
const poleList = sql<string | null>`(select group_concat(${territories.slug} || '|' || ${territories.name}, char(31)) from ${territoryCommunes} join ${territories} on ${territories.id} = ${territoryCommunes.territoryId} where ${territoryCommunes.communeCode} = ${projects.communeCode})`;
const openSkillList = sql<string | null>`(select group_concat(name, char(31)) from (select ${skills.name} as name from ${projectSkillNeeds} join ${skills} on ${skills.id} = ${projectSkillNeeds.skillId} where ${projectSkillNeeds.projectId} = ${projects.id} and ${projectSkillNeeds.status} = 'ouvert' order by case ${projectSkillNeeds.priority} when 'haute' then 0 when 'moyenne' then 1 else 2 end, ${projectSkillNeeds.id}))`;

function conditions(f: ShowcaseFilters): SQL[] {
  const where: SQL[] = [eq(projects.status, "publie")];
  if (f.pole) {
    where.push(
      sql`exists (select 1 from ${territoryCommunes} join ${territories} on ${territories.id} = ${territoryCommunes.territoryId} where ${territoryCommunes.communeCode} = ${projects.communeCode} and ${territories.slug} = ${f.pole})`,
    );
  }
  if (f.domain) where.push(eq(activityDomains.slug, f.domain));
  if (f.skill) {
    where.push(
      sql`exists (select 1 from ${projectSkillNeeds} join ${skills} on ${skills.id} = ${projectSkillNeeds.skillId} where ${projectSkillNeeds.projectId} = ${projects.id} and ${projectSkillNeeds.status} = 'ouvert' and ${skills.slug} = ${f.skill})`,
    );
  }
  if (f.funding) {
    where.push(sql`${projectFundingNeeds.amountCents} is not null and ${pledgedCents} + ${committedCents} + ${allocatedCents} < ${projectFundingNeeds.amountCents}`);
  }
  if (f.stage) where.push(eq(projects.stage, f.stage));
  return where;
}

function split(list: string | null): string[] {
  return list ? list.split("\u001f") : [];
}

/** One page of the published projects matching the filters, newest first, and how many match in all. */
export function listShowcase(q: Reader, f: ShowcaseFilters, pageSize: number = SHOWCASE_PAGE_SIZE): ShowcasePage {
  const rows = q
    .select({
      id: projects.id,
      title: projects.title,
      pitch: projects.pitch,
      kind: projects.kind,
      stage: projects.stage,
      seeksPartners: projects.seeksPartners,
      communeName: communes.name,
      domainName: activityDomains.name,
      poles: poleList,
      openSkills: openSkillList,
      needCents: projectFundingNeeds.amountCents,
      needKind: projectFundingNeeds.kind,
      pledgesCents: pledgedCents,
      clubsCents: committedCents,
      cagnotteCents: allocatedCents,
      total: sql<number>`count(*) over ()`,
    })
    .from(projects)
    .innerJoin(communes, eq(communes.code, projects.communeCode))
    .innerJoin(activityDomains, eq(activityDomains.id, projects.activityDomainId))
    .leftJoin(projectFundingNeeds, eq(projectFundingNeeds.projectId, projects.id))
    .where(and(...conditions(f)))
    .orderBy(desc(projects.publishedAt), desc(projects.id))
    .limit(pageSize)
    .offset(pageOffset(f.page, pageSize))
    .all();
  const total = rows[0]?.total ?? (f.page > 1 ? countShowcase(q, f) : 0);
  return {
    total,
    cards: rows.map((r) => {
      const totalCents = Number(r.pledgesCents) + Number(r.clubsCents) + Number(r.cagnotteCents);
      const totals = { needCents: r.needCents, raisedCents: totalCents };
      return {
        id: r.id,
        title: r.title,
        pitch: r.pitch,
        kind: r.kind,
        stage: r.stage,
        seeksPartners: r.seeksPartners,
        communeName: r.communeName,
        domainName: r.domainName,
        poles: split(r.poles)
          .map((p) => {
            const [slug = "", ...name] = p.split("|");
            return { slug, name: name.join("|") };
          })
          .sort((a, b) => a.name.localeCompare(b.name, "fr")),
        openSkills: split(r.openSkills),
        funding:
          r.needCents === null || r.needKind === null
            ? null
            : {
                needCents: r.needCents,
                kind: r.needKind,
                clubsCents: Number(r.clubsCents),
                pledgesCents: Number(r.pledgesCents),
                cagnotteCents: Number(r.cagnotteCents),
                totalCents,
                remainingCents: remainingCents(totals) ?? 0,
                goalReached: isGoalReached(totals),
              },
      };
    }),
  };
}

/** How many published projects match (only asked for a page past the end, where the list is empty). */
function countShowcase(q: Reader, f: ShowcaseFilters): number {
  return (
    q
      .select({ n: sql<number>`count(*)` })
      .from(projects)
      .innerJoin(activityDomains, eq(activityDomains.id, projects.activityDomainId))
      .leftJoin(projectFundingNeeds, eq(projectFundingNeeds.projectId, projects.id))
      .where(and(...conditions(f)))
      .get()?.n ?? 0
  );
}
