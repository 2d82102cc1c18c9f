/**
 * The public objects, read for open data (app/domain/open-data.ts turns them into records): every
 * pôle; organisations confirmed in at least one pôle and those memberships; published and closed
 * projects with the pôles whose perimeter holds their commune; public events (past, upcoming,
 * cancelled); active shared resources; unmet needs; the pôles' impact indicators and the
 * values their teams entered. Only public columns are selected: never a
 * person, an e-mail address or a phone number.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import {
  activityDomains,
  communes,
  events,
  indicators,
  indicatorValues,
  organisationPoles,
  organisations,
  projects,
  sharedResources,
  territories,
  territoryCommunes,
  unmetNeeds,
  unmetNeedSupports,
} from "#db/schema";
import type { OpenDataSources } from "~/domain/open-data";
import type { Reader } from "~/utils/db.server";
import { poleImpactReport } from "./indicator.server";

const PUBLISHED = ["publie", "clos"] as const;

const confirmedSomewhere = sql`exists (select 1 from ${organisationPoles} op where op.organisation_id = ${organisations.id} and op.status = 'confirmee')`;

/**
 * `now` places the periods of computed indicators (those the pages « Impact » show). Computing their
 * figures is most of the cost of a read: `computedFigures: false` leaves them out, for answers that
 * do not show indicator values.
 */
export function readOpenDataSources(q: Reader, now: Date, { computedFigures = true }: { computedFigures?: boolean } = {}): OpenDataSources {
  const poles = q
    .select({
      id: territories.id,
      slug: territories.slug,
      name: territories.name,
      area: territories.area,
      description: territories.description,
      seatCommuneCode: territories.seatCommuneCode,
      website: territories.website,
    })
    .from(territories)
    .orderBy(asc(territories.id))
    .all();

  const organisationRows = q
    .select({
      id: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
      kind: organisations.kind,
      siren: organisations.siren,
      siret: organisations.siret,
      nafCode: organisations.nafCode,
      communeCode: organisations.communeCode,
      description: organisations.description,
      website: organisations.website,
    })
    .from(organisations)
    .where(confirmedSomewhere)
    .orderBy(asc(organisations.id))
    .all();

  const memberships = q
    .select({ organisationId: organisationPoles.organisationId, poleId: organisationPoles.territoryId, confirmedAt: organisationPoles.decidedAt })
    .from(organisationPoles)
    .where(eq(organisationPoles.status, "confirmee"))
    .orderBy(asc(organisationPoles.organisationId), asc(organisationPoles.territoryId))
    .all();

  const projectRows = q
    .select({
      id: projects.id,
      title: projects.title,
      pitch: projects.pitch,
      description: projects.description,
      kind: projects.kind,
      stage: projects.stage,
      legalForm: projects.legalForm,
      activityDomain: activityDomains.name,
      communeCode: projects.communeCode,
      remoteOk: projects.remoteOk,
      jobsExpected: projects.jobsExpected,
      seeksPartners: projects.seeksPartners,
      status: projects.status,
      publishedAt: projects.publishedAt,
      closedAt: projects.closedAt,
    })
    .from(projects)
    .innerJoin(activityDomains, eq(activityDomains.id, projects.activityDomainId))
    .where(inArray(projects.status, [...PUBLISHED]))
    .orderBy(asc(projects.id))
    .all();

  const projectPoles = q
    .select({ projectId: projects.id, poleId: territoryCommunes.territoryId })
    .from(projects)
    .innerJoin(territoryCommunes, eq(territoryCommunes.communeCode, projects.communeCode))
    .where(inArray(projects.status, [...PUBLISHED]))
    .orderBy(asc(projects.id), asc(territoryCommunes.territoryId))
    .all();

  const eventRows = q
    .select({
      id: events.id,
      poleId: events.territoryId,
      title: events.title,
      description: events.description,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      address: events.address,
      communeCode: events.communeCode,
      onlineUrl: events.onlineUrl,
      capacity: events.capacity,
      status: events.status,
      cancelReason: events.cancelReason,
      uid: events.uid,
    })
    .from(events)
    .where(eq(events.visibility, "public"))
    .orderBy(asc(events.startsAt), asc(events.id))
    .all();

  const resources = q
    .select({
      id: sharedResources.id,
      poleId: sharedResources.territoryId,
      organisationId: sharedResources.organisationId,
      kind: sharedResources.kind,
      title: sharedResources.title,
      description: sharedResources.description,
      communeCode: sharedResources.communeCode,
      terms: sharedResources.terms,
      costCents: sharedResources.costCents,
      depositCents: sharedResources.depositCents,
      termsNote: sharedResources.termsNote,
    })
    .from(sharedResources)
    .where(eq(sharedResources.active, true))
    .orderBy(asc(sharedResources.id))
    .all();

  const needs = q
    .select({
      id: unmetNeeds.id,
      poleId: unmetNeeds.territoryId,
      title: unmetNeeds.title,
      description: unmetNeeds.description,
      communeCode: unmetNeeds.communeCode,
      placeNote: unmetNeeds.placeNote,
      affected: unmetNeeds.affected,
      status: unmetNeeds.status,
      statusNote: unmetNeeds.statusNote,
      supportCount: sql<number>`(select count(*) from ${unmetNeedSupports} where ${unmetNeedSupports.needId} = ${unmetNeeds.id})`,
      createdAt: unmetNeeds.createdAt,
    })
    .from(unmetNeeds)
    .orderBy(asc(unmetNeeds.id))
    .all();

  const codes = new Set<string>();
  for (const row of [...organisationRows, ...projectRows, ...eventRows, ...resources, ...needs]) if (row.communeCode) codes.add(row.communeCode);
  for (const pole of poles) if (pole.seatCommuneCode) codes.add(pole.seatCommuneCode);

  const indicatorRows = q
    .select({
      id: indicators.id,
      poleId: indicators.territoryId,
      source: indicators.source,
      metric: indicators.metric,
      name: indicators.name,
      unit: indicators.unit,
      definition: indicators.definition,
      baseline: indicators.baseline,
      target: indicators.target,
      targetDate: indicators.targetDate,
      period: indicators.period,
      valoressDomain: indicators.valoressDomain,
      sdg: indicators.sdg,
    })
    .from(indicators)
    .orderBy(asc(indicators.territoryId), asc(indicators.position), asc(indicators.id))
    .all();

  const values: OpenDataSources["indicatorValues"] = q
    .select({ indicatorId: indicatorValues.indicatorId, periodStart: indicatorValues.periodStart, value: indicatorValues.value, note: indicatorValues.note })
    .from(indicatorValues)
    .orderBy(asc(indicatorValues.indicatorId), asc(indicatorValues.periodStart))
    .all();
  // Computed figures are not stored: the same report as the pôle's impact page, over the periods it shows.
  for (const poleId of computedFigures ? new Set(indicatorRows.filter((i) => i.metric !== null).map((i) => i.poleId)) : []) {
    for (const reported of poleImpactReport(q, poleId, now)) {
      if (reported.metric === null || reported.id === null) continue;
      reported.periods.forEach((period, i) => {
        const value = reported.series[i];
        if (value !== null && value !== undefined) values.push({ indicatorId: reported.id!, periodStart: period.start, value, note: null });
      });
    }
  }
  values.sort((a, b) => a.indicatorId - b.indicatorId || a.periodStart.localeCompare(b.periodStart));

  return {
    communes: citedCommunes(q, [...codes]),
    poles,
    organisations: organisationRows,
    memberships,
    projects: projectRows,
    projectPoles,
    events: eventRows,
    resources,
    unmetNeeds: needs,
    indicators: indicatorRows,
    indicatorValues: values,
  };
}

function citedCommunes(q: Reader, codes: string[]): OpenDataSources["communes"] {
  const rows: OpenDataSources["communes"] = [];
  // SQLite's default limit of bound parameters is 32,766; a few thousand communes per query stay far below.
  for (let i = 0; i < codes.length; i += 2000) {
    rows.push(
      ...q
        .select({
          code: communes.code,
          name: communes.name,
          departmentCode: communes.departmentCode,
          postalCodes: communes.postalCodes,
          latitude: communes.latitude,
          longitude: communes.longitude,
        })
        .from(communes)
        .where(and(inArray(communes.code, codes.slice(i, i + 2000))))
        .all(),
    );
  }
  return rows.sort((a, b) => a.code.localeCompare(b.code));
}

/** The pôle of a slug, for a pôle's package or the API's `?pole=` filter. */
export function openDataPoleId(q: Reader, slug: string): number | undefined {
  return q.select({ id: territories.id }).from(territories).where(eq(territories.slug, slug)).get()?.id;
}
