import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DepartmentsMap } from "~/components/france-map";
import { GovernanceSummary } from "~/components/governance";
import { PoleOrganisations } from "~/components/pole-organisations";
import { TerritoryStats } from "~/components/territory-stats";
import { EventCards } from "~/components/event-cards";
import { CardList } from "~/components/ui/card-list";
import { round1 } from "~/domain/france-map";
import { parisIsoDate } from "~/domain/paris-time";
import { jsonForScript, poleJsonLd, telephoneHref } from "~/domain/poles";
import { isStaffOf } from "~/domain/permissions";
import { authorize } from "~/guards/authorize.server";
import { listBodySummaries } from "~/models/governance.server";
import { listPublishedArticles } from "~/models/article.server";
import { ArticleList } from "~/components/bulletin";
import { feedLinks } from "~/utils/bulletin-links";
import { listPoleOrganisations } from "~/models/organisation.server";
import { listResources } from "~/models/shared-resource.server";
import { ResourceCards } from "~/components/resource-cards";
import { isMemberOfAny } from "~/models/pole-member.server";
import { getPoleFigures } from "~/models/pole-figures.server";
import { listPublishedProjectsInTerritories } from "~/models/project.server";
import { getTerritoryBySlug, listPerimeterCommuneCodes } from "~/models/territory.server";
import { listAxesWithGroups } from "~/models/working-group.server";
import { eventViewer, listEvents } from "~/models/event.server";
import { memberPoleIds } from "~/models/pole-member.server";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { epcisWithin } from "~/utils/epci.server";
import { departmentsMap } from "~/utils/france-map.server";
import { notFound } from "~/utils/http.server";
import { countNeedsByStatus, listUnmetNeeds } from "~/models/unmet-need.server";
import { useFormat, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data
    ? [
        { title: `${data.territory.name} — Maillon` },
        { name: "description", content: data.territory.description.slice(0, 160) },
        ...feedLinks(data.territory),
      ]
    : [{ title: metaText(matches).poles.page.notFoundTitle }];

const NEEDS_SHOWN = 3;
const PUBLISHED_PROJECTS_SHOWN = 12;
const RESOURCES_SHOWN = 4;
const NEXT_EVENTS_SHOWN = 3;

export function loader({ request, params }: LoaderFunctionArgs) {
  const { auth } = authorize(request, "poles.$slug");
  const db = getDb();
  const territory = getTerritoryBySlug(db, params.slug ?? "");
  if (!territory) throw notFound(requestText(request).t.poles.page.notFound);
  const epcis = territory.communeCount > 0 ? epcisWithin(listPerimeterCommuneCodes(db, territory.id)).map((e) => e.name) : [];
  const small = departmentsMap(territory.departments.map((d) => d.code));
  const seat = territory.seat;
  const seatXY =
    small && seat && seat.latitude !== null && seat.longitude !== null ? small.project(seat.longitude, seat.latitude) : null;
  const projects = listPublishedProjectsInTerritories(db, [territory.id], { limit: PUBLISHED_PROJECTS_SHOWN }).map((p) => ({
    id: p.id,
    title: p.title,
    pitch: p.pitch,
    communeName: p.communeName,
  }));
  const areaServed =
    epcis.length > 0 ? epcis : territory.perimeterNote ? [territory.perimeterNote] : territory.departments.map((d) => d.name);
  const jsonLd = jsonForScript(
    poleJsonLd({
      url: new URL(`/poles/${territory.slug}`, getEnv().PUBLIC_URL).toString(),
      name: territory.name,
      description: territory.description,
      email: territory.contactEmail,
      phone: territory.phone,
      website: territory.website,
      address: territory.address,
      areaServed,
    }),
  );
  const groups = new Map(listAxesWithGroups(db, territory.id).map((axis) => [axis.id, axis.groups]));
  const axes = territory.axes.map((axis) => ({
    ...axis,
    groups: (groups.get(axis.id) ?? []).map((g) => ({ id: g.id, slug: g.slug, name: g.name, purpose: g.purpose })),
  }));
  return {
    territory,
    axes,
    epcis,
    figures: getPoleFigures(db, territory.id),
    map: small
      ? {
          width: small.width,
          height: small.height,
          shown: small.shown,
          context: small.context,
          seat: seatXY && seat ? { x: round1(seatXY[0]), y: round1(seatXY[1]), name: seat.name } : null,
        }
      : null,
    projects,
    jsonLd,
    organisations: listPoleOrganisations(db, territory.id),
    bodies: listBodySummaries(db, territory.id, parisIsoDate(new Date())),
    needs: {
      latest: listUnmetNeeds(db, { territoryId: territory.id, order: "recents" }).needs.slice(0, NEEDS_SHOWN),
      counts: countNeedsByStatus(db, territory.id),
    },
    resources: listResources(db, { territoryId: territory.id }, RESOURCES_SHOWN + 1),
    articles: listPublishedArticles(db, { territoryId: territory.id, limit: 3 }).items.map((a) => ({
      id: a.id,
      title: a.title,
      summary: a.summary,
      poleSlug: a.poleSlug,
      poleName: a.poleName,
      authorName: a.authorName,
      publishedAt: a.publishedAt,
    })),
    staff: isStaffOf(auth, territory.id),
    member: auth ? isMemberOfAny(db, auth.user.id, [territory.id]) : false,
    nextEvents: listEvents(db, {
      viewer: eventViewer(auth, auth ? memberPoleIds(db, auth.user.id) : []),
      now: new Date(),
      when: "upcoming",
      territoryIds: [territory.id],
      limit: NEXT_EVENTS_SHOWN,
    }),
  };
}

export default function TerritoryPage() {
  const { territory, axes, epcis, figures, map, projects, jsonLd, staff, member, organisations, bodies, needs, resources, nextEvents, articles } = useLoaderData<typeof loader>();
  const { poles, vocabulary } = useT();
  const t = poles.page;
  const format = useFormat();
  const departments = territory.departments.map((d) => `${d.name} (${d.code})`).join(", ");
  const openNeeds = needs.counts.ouvert + needs.counts["a-l-etude"];
  const hasContact =
    territory.address || territory.phone || territory.contactEmail || territory.website || territory.openingHours;
  return (
    <div className="container">
      <p className="eyebrow">{territory.area}</p>
      <h1>{territory.name}</h1>
      <p>{territory.description}</p>
      <TerritoryStats counts={territory.counts} />
      <p className="actions">
        <a className="button" href={`/poles/${territory.slug}/charte`}>
          {member ? t.charter : t.join}
        </a>{" "}
        <a className="button button--ghost" href={`/poles/${territory.slug}/groupes`}>
          {t.groups}
        </a>
        {staff ? (
          <>
            {" "}
            <a className="button button--ghost" href={`/poles/${territory.slug}/modifier`}>
              {t.edit}
            </a>
          </>
        ) : null}
      </p>

      <section aria-labelledby="chiffres">
        <h2 id="chiffres">{t.figuresTitle}</h2>
        <dl className="key-figures">
          <div>
            <dt>{t.publishedProjects(figures.publishedProjects)}</dt>
            <dd>{format.integer(figures.publishedProjects)}</dd>
          </div>
          <div>
            <dt>{t.activeMentorships(figures.activeMentorships)}</dt>
            <dd>{format.integer(figures.activeMentorships)}</dd>
          </div>
          <div>
            <dt>{t.clubs(figures.clubs)}</dt>
            <dd>{format.integer(figures.clubs)}</dd>
          </div>
          <div>
            <dt>{t.committed}</dt>
            <dd>{format.wholeEuros(figures.committedCents)}</dd>
          </div>
        </dl>
        <p>
          <a href={`/poles/${territory.slug}/impact`}>{t.impact}</a>
        </p>
      </section>

      <h2>{t.axesTitle}</h2>
      <ol className="axes">
        {axes.map((axis) => (
          <li key={axis.id}>
            <strong>{axis.name}</strong>
            {axis.description ? ` — ${axis.description}` : null}
            <span className="hint">{t.theme(vocabulary.axisTheme[axis.theme])}</span>
            {axis.groups.length > 0 ? (
              <>
                <p className="hint">{t.axisGroups}</p>
                <ul>
                  {axis.groups.map((group) => (
                    <li key={group.id}>
                      <a href={`/poles/${territory.slug}/groupes/${group.slug}`}>{group.name}</a>
                      {group.purpose ? ` — ${group.purpose}` : null}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </li>
        ))}
      </ol>
      <p>
        <a href={`/poles/${territory.slug}/groupes`}>{t.allGroups}</a>
      </p>

      <section aria-labelledby="territoire">
        <h2 id="territoire">{t.territoryTitle}</h2>
        <div className="pole-territory">
          {map ? (
            <DepartmentsMap
              {...map}
              title={t.mapTitle(departments, map.seat?.name ?? null)}
            />
          ) : null}
          <dl className="details">
            <dt>{t.departments(territory.departments.length)}</dt>
            <dd>{departments}</dd>
            {territory.seat ? (
              <>
                <dt>{t.seat}</dt>
                <dd>{territory.seat.name}</dd>
              </>
            ) : null}
            {territory.communeCount > 0 ? (
              <>
                <dt>{t.communes}</dt>
                <dd>{format.integer(territory.communeCount)}</dd>
              </>
            ) : null}
            {epcis.length > 0 ? (
              <>
                <dt>{t.epcis(epcis.length)}</dt>
                <dd>{epcis.join(", ")}</dd>
              </>
            ) : null}
            {territory.perimeterNote ? (
              <>
                <dt>{t.perimeter}</dt>
                <dd>{territory.perimeterNote}</dd>
              </>
            ) : null}
            {territory.animators.length > 0 ? (
              <>
                <dt>{t.animators}</dt>
                <dd>{territory.animators.map((a) => a.displayName).join(", ")}</dd>
              </>
            ) : null}
          </dl>
        </div>
      </section>

      <section aria-labelledby="agenda" id="agenda-du-pole">
        <h2 id="agenda">{t.eventsTitle}</h2>
        <EventCards events={nextEvents} empty={t.noEvent} showPole={false} />
        <p>
          <a href={`/agenda?pole=${territory.slug}`}>{t.allEvents}</a> ·{" "}
          <a href={`/poles/${territory.slug}/agenda.ics`}>{t.subscribe}</a>
        </p>
      </section>

      <section aria-labelledby="bulletin" id="bulletin-du-pole">
        <h2 id="bulletin">{t.bulletinTitle}</h2>
        <ArticleList articles={articles} empty={t.noArticle} showPole={false} headingLevel={3} />
        <p>
          <a href={`/poles/${territory.slug}/bulletin`}>{t.allBulletin}</a>
          {member || staff ? (
            <>
              {" "}
              · <a href={`/bulletin/proposer?pole=${territory.slug}`}>{t.proposeArticle}</a>
            </>
          ) : null}
        </p>
      </section>

      <section aria-labelledby="organisations" id="organisations-membres">
        <h2 id="organisations">{t.organisationsTitle}</h2>
        <PoleOrganisations organisations={organisations} poleSlug={territory.slug} />
      </section>

      <section aria-labelledby="ressources-partagees">
        <h2 id="ressources-partagees">{t.resourcesTitle}</h2>
        <ResourceCards
          resources={resources.slice(0, RESOURCES_SHOWN)}
          showPole={false}
          empty={t.noResource}
        />
        <p>
          <a href={`/ressources?pole=${territory.slug}`}>{t.allResources}</a>
          {member ? (
            <>
              {" · "}
              <a href="/ressources/proposer">{t.proposeResource}</a>
            </>
          ) : null}
        </p>
      </section>

      <section aria-labelledby="gouvernance" id="gouvernance-du-pole">
        <h2 id="gouvernance">{t.governanceTitle}</h2>
        <GovernanceSummary bodies={bodies} poleSlug={territory.slug} />
      </section>

      <section aria-labelledby="contact">
        <h2 id="contact">{t.contactTitle}</h2>
        {hasContact ? (
          <dl className="details">
            {territory.address ? (
              <>
                <dt>{t.address}</dt>
                <dd>{territory.address}</dd>
              </>
            ) : null}
            {territory.phone ? (
              <>
                <dt>{t.phone}</dt>
                <dd>
                  <a href={telephoneHref(territory.phone)}>{territory.phone}</a>
                </dd>
              </>
            ) : null}
            {territory.contactEmail ? (
              <>
                <dt>{t.email}</dt>
                <dd>
                  <a href={`mailto:${territory.contactEmail}`}>{territory.contactEmail}</a>
                </dd>
              </>
            ) : null}
            {territory.website ? (
              <>
                <dt>{t.website}</dt>
                <dd>
                  <a href={territory.website} rel="noopener">
                    {territory.website.replace(/^https?:\/\//, "")}
                  </a>
                </dd>
              </>
            ) : null}
            {territory.openingHours ? (
              <>
                <dt>{t.openingHours}</dt>
                <dd>{territory.openingHours}</dd>
              </>
            ) : null}
          </dl>
        ) : (
          <p>{t.noContact}</p>
        )}
      </section>

      <section aria-labelledby="projets">
        <h2 id="projets">{t.projectsTitle}</h2>
        <CardList
          items={projects}
          empty={t.noProject}
          link={(p) => ({ key: p.id, href: `/projets/${p.id}`, title: p.title })}
        >
          {(p) => (
            <>
              <p className="hint">{p.communeName}</p>
              <p>{p.pitch}</p>
            </>
          )}
        </CardList>
        {figures.publishedProjects > projects.length ? (
          <p className="hint">
            {t.latestOf(format.integer(projects.length), format.integer(figures.publishedProjects))}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="besoins">
        <h2 id="besoins">{t.needsTitle}</h2>
        <p>{t.needsSummary(openNeeds, format.integer(openNeeds), needs.counts.repondu, format.integer(needs.counts.repondu))}</p>
        <CardList
          items={needs.latest}
          empty={t.noNeed}
          link={(n) => ({ key: n.id, href: `/besoins/${n.id}`, title: n.title })}
        >
          {(n) => (
            <p className="hint">
              {vocabulary.unmetNeedStatus[n.status]}
              {t.supportedBy(n.supportCount, format.integer(n.supportCount))}
            </p>
          )}
        </CardList>
        <p>
          <a href={`/besoins?pole=${territory.slug}`}>{t.allNeeds(territory.name)}</a> ·{" "}
          <a href={`/besoins/nouveau?pole=${territory.slug}`}>{t.reportNeed}</a>
        </p>
      </section>

      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd }} />
    </div>
  );
}
