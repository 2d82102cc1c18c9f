import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DepartmentsMap } from "~/components/france-map";
import { GovernanceSummary } from "~/components/governance";
import { PoleOrganisations } from "~/components/pole-organisations";
import { TerritoryStats } from "~/components/territory-stats";
import { EventCards } from "~/components/event-cards";
import { CardList } from "~/components/ui/card-list";
import { round1 } from "~/domain/france-map";
import { formatInteger, formatWholeEuros, plural } from "~/domain/format";
import { parisIsoDate } from "~/domain/paris-time";
import { AXIS_THEME_LABELS, jsonForScript, poleJsonLd, telephoneHref } from "~/domain/poles";
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
import { UNMET_NEED_STATUS_LABELS } from "~/domain/unmet-need";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.territory.name} — Maillon` },
        { name: "description", content: data.territory.description.slice(0, 160) },
        ...feedLinks(data.territory),
      ]
    : [{ title: "Pôle introuvable — Maillon" }];

const NEEDS_SHOWN = 3;
const PUBLISHED_PROJECTS_SHOWN = 12;
const RESOURCES_SHOWN = 4;
const NEXT_EVENTS_SHOWN = 3;

export function loader({ request, params }: LoaderFunctionArgs) {
  const { auth } = authorize(request, "poles.$slug");
  const db = getDb();
  const territory = getTerritoryBySlug(db, params.slug ?? "");
  if (!territory) throw notFound("Pôle introuvable");
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
  const departments = territory.departments.map((d) => `${d.name} (${d.code})`).join(", ");
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
          {member ? "La charte du pôle" : "Rejoindre le pôle"}
        </a>{" "}
        <a className="button button--ghost" href={`/poles/${territory.slug}/groupes`}>
          Les groupes de travail
        </a>
        {staff ? (
          <>
            {" "}
            <a className="button button--ghost" href={`/poles/${territory.slug}/modifier`}>
              Modifier la page du pôle
            </a>
          </>
        ) : null}
      </p>

      <section aria-labelledby="chiffres">
        <h2 id="chiffres">Le pôle en chiffres</h2>
        <dl className="key-figures">
          <div>
            <dt>{figures.publishedProjects < 2 ? "projet publié" : "projets publiés"}</dt>
            <dd>{formatInteger(figures.publishedProjects)}</dd>
          </div>
          <div>
            <dt>{figures.activeMentorships < 2 ? "accompagnement en cours" : "accompagnements en cours"}</dt>
            <dd>{formatInteger(figures.activeMentorships)}</dd>
          </div>
          <div>
            <dt>{figures.clubs < 2 ? "club d'épargnants" : "clubs d'épargnants"}</dt>
            <dd>{formatInteger(figures.clubs)}</dd>
          </div>
          <div>
            <dt>engagés dans ses projets</dt>
            <dd>{formatWholeEuros(figures.committedCents)}</dd>
          </div>
        </dl>
        <p>
          <a href={`/poles/${territory.slug}/impact`}>L'impact du pôle : ses indicateurs, leurs cibles et leur évolution</a>
        </p>
      </section>

      <h2>Axes de travail</h2>
      <ol className="axes">
        {axes.map((axis) => (
          <li key={axis.id}>
            <strong>{axis.name}</strong>
            {axis.description ? ` — ${axis.description}` : null}
            <span className="hint"> (thème : {AXIS_THEME_LABELS[axis.theme]})</span>
            {axis.groups.length > 0 ? (
              <>
                <p className="hint">Groupes de travail :</p>
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
        <a href={`/poles/${territory.slug}/groupes`}>Tous les groupes de travail du pôle</a>
      </p>

      <section aria-labelledby="territoire">
        <h2 id="territoire">Le territoire</h2>
        <div className="pole-territory">
          {map ? (
            <DepartmentsMap
              {...map}
              title={`Carte : ${departments}${map.seat ? `, siège à ${map.seat.name}` : ""}`}
            />
          ) : null}
          <dl className="details">
            <dt>{territory.departments.length > 1 ? "Départements" : "Département"}</dt>
            <dd>{departments}</dd>
            {territory.seat ? (
              <>
                <dt>Siège</dt>
                <dd>{territory.seat.name}</dd>
              </>
            ) : null}
            {territory.communeCount > 0 ? (
              <>
                <dt>Communes</dt>
                <dd>{formatInteger(territory.communeCount)}</dd>
              </>
            ) : null}
            {epcis.length > 0 ? (
              <>
                <dt>{epcis.length > 1 ? "Intercommunalités" : "Intercommunalité"}</dt>
                <dd>{epcis.join(", ")}</dd>
              </>
            ) : null}
            {territory.perimeterNote ? (
              <>
                <dt>Périmètre</dt>
                <dd>{territory.perimeterNote}</dd>
              </>
            ) : null}
            {territory.animators.length > 0 ? (
              <>
                <dt>Équipe d'animation</dt>
                <dd>{territory.animators.map((a) => a.displayName).join(", ")}</dd>
              </>
            ) : null}
          </dl>
        </div>
      </section>

      <section aria-labelledby="agenda" id="agenda-du-pole">
        <h2 id="agenda">Prochains rendez-vous</h2>
        <EventCards events={nextEvents} empty="Aucun rendez-vous annoncé pour l'instant." showPole={false} />
        <p>
          <a href={`/agenda?pole=${territory.slug}`}>Tout l'agenda du pôle</a> ·{" "}
          <a href={`/poles/${territory.slug}/agenda.ics`}>S'abonner à son agenda (.ics)</a>
        </p>
      </section>

      <section aria-labelledby="bulletin" id="bulletin-du-pole">
        <h2 id="bulletin">Le bulletin du pôle</h2>
        <ArticleList articles={articles} empty="Le bulletin du pôle n'a encore publié aucun article." showPole={false} headingLevel={3} />
        <p>
          <a href={`/poles/${territory.slug}/bulletin`}>Tout le bulletin du pôle</a>
          {member || staff ? (
            <>
              {" "}
              · <a href={`/bulletin/proposer?pole=${territory.slug}`}>Proposer un article</a>
            </>
          ) : null}
        </p>
      </section>

      <section aria-labelledby="organisations" id="organisations-membres">
        <h2 id="organisations">Organisations membres</h2>
        <PoleOrganisations organisations={organisations} poleSlug={territory.slug} />
      </section>

      <section aria-labelledby="ressources-partagees">
        <h2 id="ressources-partagees">Ressources partagées</h2>
        <ResourceCards
          resources={resources.slice(0, RESOURCES_SHOWN)}
          showPole={false}
          empty="Les membres du pôle n'ont pas encore proposé de ressource à partager."
        />
        <p>
          <a href={`/ressources?pole=${territory.slug}`}>Toutes les ressources du pôle</a>
          {member ? (
            <>
              {" · "}
              <a href="/ressources/proposer">Proposer une ressource</a>
            </>
          ) : null}
        </p>
      </section>

      <section aria-labelledby="gouvernance" id="gouvernance-du-pole">
        <h2 id="gouvernance">Gouvernance</h2>
        <GovernanceSummary bodies={bodies} poleSlug={territory.slug} />
      </section>

      <section aria-labelledby="contact">
        <h2 id="contact">Contact</h2>
        {hasContact ? (
          <dl className="details">
            {territory.address ? (
              <>
                <dt>Adresse</dt>
                <dd>{territory.address}</dd>
              </>
            ) : null}
            {territory.phone ? (
              <>
                <dt>Téléphone</dt>
                <dd>
                  <a href={telephoneHref(territory.phone)}>{territory.phone}</a>
                </dd>
              </>
            ) : null}
            {territory.contactEmail ? (
              <>
                <dt>Courriel</dt>
                <dd>
                  <a href={`mailto:${territory.contactEmail}`}>{territory.contactEmail}</a>
                </dd>
              </>
            ) : null}
            {territory.website ? (
              <>
                <dt>Site</dt>
                <dd>
                  <a href={territory.website} rel="noopener">
                    {territory.website.replace(/^https?:\/\//, "")}
                  </a>
                </dd>
              </>
            ) : null}
            {territory.openingHours ? (
              <>
                <dt>Horaires d'ouverture</dt>
                <dd>{territory.openingHours}</dd>
              </>
            ) : null}
          </dl>
        ) : (
          <p>Le pôle n'a pas encore indiqué ses coordonnées.</p>
        )}
      </section>

      <section aria-labelledby="projets">
        <h2 id="projets">Projets publiés</h2>
        <CardList
          items={projects}
          empty="Aucun projet n'est encore publié sur ce territoire."
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
            Les {formatInteger(projects.length)} plus récents sur {formatInteger(figures.publishedProjects)}.
          </p>
        ) : null}
      </section>

      <section aria-labelledby="besoins">
        <h2 id="besoins">Besoins du territoire</h2>
        <p>
          Ce qui manque sur le territoire et que le pôle cherche à couvrir :{" "}
          {plural(needs.counts.ouvert + needs.counts["a-l-etude"], "besoin ouvert ou à l'étude", "besoins ouverts ou à l'étude")},{" "}
          {plural(needs.counts.repondu, "besoin qui a trouvé une réponse", "besoins qui ont trouvé une réponse")}.
        </p>
        <CardList
          items={needs.latest}
          empty="Aucun besoin signalé pour l'instant."
          link={(n) => ({ key: n.id, href: `/besoins/${n.id}`, title: n.title })}
        >
          {(n) => (
            <p className="hint">
              {UNMET_NEED_STATUS_LABELS[n.status]} · soutenu par {plural(n.supportCount, "personne")}
            </p>
          )}
        </CardList>
        <p>
          <a href={`/besoins?pole=${territory.slug}`}>Tous les besoins du {territory.name}</a> ·{" "}
          <a href={`/besoins/nouveau?pole=${territory.slug}`}>Signaler un besoin</a>
        </p>
      </section>

      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd }} />
    </div>
  );
}
