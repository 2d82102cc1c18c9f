import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { FundingBar, fundingSummary } from "~/components/funding-progress";
import { ProjectList } from "~/components/project-list";
import { CardList } from "~/components/ui/card-list";
import { FilterSelect } from "~/components/ui/filter-select";
import { Pagination } from "~/components/ui/pagination";
import { hasRole } from "~/domain/permissions";
import {
  hasFilters,
  pageCount,
  pageLinks,
  parseShowcaseFilters,
  SHOWCASE_PARAMS,
  showcaseSearch,
  NO_FILTERS,
} from "~/domain/project-showcase";
import { PROJECT_STAGES } from "~/domain/vocabulary";
import { authorize } from "~/guards/authorize.server";
import { listActivityDomains, listSkills } from "~/models/catalog.server";
import { listShowcase, type ShowcaseCard } from "~/models/project-showcase.server";
import { listOwnedProjects, listPartnerSeekingProjectsNear, listProjectsForStaff, PARTNER_RADIUS_KM } from "~/models/project.server";
import { findTerritoriesForCommune, listTerritoryRefs } from "~/models/territory.server";
import type { Auth } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { useFormat, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaText(matches).projects.showcase;
  return [
    { title: data && data.page > 1 ? t.metaTitlePage(String(data.page)) : t.metaTitle },
    { name: "description", content: t.metaDescription },
  ];
};

/** What a signed-in person also finds here: their projects, partners near them, their pôle's projects. */
function personal(auth: Auth) {
  const db = getDb();
  const userId = auth.user.id;
  return {
    isHolder: hasRole(auth, "porteur"),
    myPoles: findTerritoriesForCommune(db, auth.user.communeCode).map((t) => ({ slug: t.slug, name: t.name })),
    mine: listOwnedProjects(db, userId),
    partners: listPartnerSeekingProjectsNear(db, auth.user.communeCode, { excludeOwnerId: userId, limit: 12 }),
    partnerRadiusKm: PARTNER_RADIUS_KM,
    staff: auth.staffTerritoryIds.length > 0 ? listProjectsForStaff(db, auth.staffTerritoryIds) : [],
  };
}

export function loader({ request }: LoaderFunctionArgs) {
  const { auth } = authorize(request, "projets._index");
  const db = getDb();
  const poles = listTerritoryRefs(db).map((t) => ({ slug: t.slug, name: t.name }));
  const domains = listActivityDomains(db);
  const skills = listSkills(db);
  const url = new URL(request.url);
  const filters = parseShowcaseFilters(url.searchParams, {
    poles: poles.map((p) => p.slug),
    domains: domains.map((d) => d.slug),
    skills: skills.map((s) => s.slug),
  });
  // One address per view: the form's empty choices and unknown values are dropped from the URL.
  const canonical = showcaseSearch(filters);
  if (url.search !== canonical) throw redirect(`/projets${canonical}`);
  const showcase = listShowcase(db, filters);
  return {
    filters,
    page: Math.min(filters.page, pageCount(showcase.total)),
    showcase,
    pages: pageLinks(filters, showcase.total),
    choices: { poles, domains: domains.map(({ slug, name }) => ({ slug, name })), skills: skills.map(({ slug, name }) => ({ slug, name })) },
    me: auth ? personal(auth) : null,
  };
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

export default function Projects() {
  const { me } = useLoaderData<typeof loader>();
  const t = useT().projects.showcase;
  const format = useFormat();
  return (
    <div className="container">
      <p className="eyebrow">{t.eyebrow}</p>
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>

      {me?.isHolder ? (
        <section aria-labelledby="mes-projets">
          <h2 id="mes-projets">{t.mineTitle}</h2>
          <p>
            <a className="button" href="/projets/nouveau">
              {t.newProject}
            </a>
          </p>
          <ProjectList projects={me.mine} showOwner={false} empty={t.mineEmpty} />
        </section>
      ) : null}

      <Showcase />

      {me ? (
        <section aria-labelledby="associes">
          <h2 id="associes">{t.partnersTitle}</h2>
          <p className="hint">{t.partnersHint(format.integer(me.partnerRadiusKm))}</p>
          <ProjectList projects={me.partners} empty={t.partnersEmpty} />
        </section>
      ) : null}

      {me && me.staff.length > 0 ? (
        <section aria-labelledby="animation">
          <h2 id="animation">{t.staffTitle}</h2>
          <ProjectList projects={me.staff} empty={t.staffEmpty} />
        </section>
      ) : null}
    </div>
  );
}

function Showcase() {
  const { filters, showcase, pages, page, me } = useLoaderData<typeof loader>();
  const t = useT().projects.showcase;
  const format = useFormat();
  const count = t.count(showcase.total, format.integer(showcase.total));
  const last = pageCount(showcase.total);
  return (
    <section aria-labelledby="vitrine">
      <h2 id="vitrine">{t.showcaseTitle}</h2>
      {me && me.myPoles.length > 0 ? (
        <p>
          {me.myPoles.map((p, i) => (
            <span key={p.slug}>
              {i > 0 ? " · " : null}
              <a href={`/projets${showcaseSearch(NO_FILTERS, { pole: p.slug })}`}>{t.poleProjects(p.name)}</a>
            </span>
          ))}
        </p>
      ) : null}
      <Filters />
      <p role="status" id="resultats">
        <strong>{count}</strong>
        {hasFilters(filters) ? t.forCriteria : null}
        {last > 1 ? t.pageOf(format.integer(page), format.integer(last)) : null}.
        {hasFilters(filters) ? (
          <>
            {" "}
            <a href="/projets">{t.removeFilters}</a>
          </>
        ) : null}
      </p>
      <CardList
        items={showcase.cards}
        empty={hasFilters(filters) ? t.noneMatch : t.none}
        link={(p) => ({ key: p.id, href: `/projets/${p.id}`, title: p.title })}
      >
        {(p) => <ShowcaseCardBody card={p} />}
      </CardList>
      <Pagination pages={pages} path="/projets" anchor="#vitrine" label={t.pagesLabel} />
    </section>
  );
}

function Filters() {
  const { filters, choices } = useLoaderData<typeof loader>();
  const { projects, vocabulary } = useT();
  const t = projects.showcase;
  const domainName = (d: { slug: string; name: string }) => (vocabulary.activityDomain as Record<string, string | undefined>)[d.slug] ?? d.name;
  const skillName = (k: { slug: string; name: string }) => (vocabulary.skill as Record<string, string | undefined>)[k.slug] ?? k.name;
  return (
    <Form method="get" action="/projets" className="form filters" role="search" aria-label={t.filtersLabel}>
      <div className="filters__grid">
        <FilterSelect id="filtre-pole" name={SHOWCASE_PARAMS.pole} label={t.pole} all={t.allPoles} value={filters.pole} options={choices.poles.map((p) => ({ value: p.slug, label: p.name }))} />
        <FilterSelect
          id="filtre-secteur"
          name={SHOWCASE_PARAMS.domain}
          label={t.domain}
          all={t.allDomains}
          value={filters.domain}
          options={choices.domains.map((d) => ({ value: d.slug, label: domainName(d) }))}
        />
        <FilterSelect
          id="filtre-competence"
          name={SHOWCASE_PARAMS.skill}
          label={t.skill}
          all={t.allSkills}
          value={filters.skill}
          options={choices.skills.map((k) => ({ value: k.slug, label: skillName(k) }))}
        />
        <FilterSelect
          id="filtre-etape"
          name={SHOWCASE_PARAMS.stage}
          label={t.stage}
          all={t.allStages}
          value={filters.stage}
          options={PROJECT_STAGES.map((s) => ({ value: s, label: vocabulary.projectStage[s] }))}
        />
      </div>
      <div className="field field--checkbox">
        <label htmlFor="filtre-financement">
          <input type="checkbox" id="filtre-financement" name={SHOWCASE_PARAMS.funding} value="1" defaultChecked={filters.funding} />
          {t.seeksFunding}
        </label>
      </div>
      <div>
        <button type="submit" className="button">
          {t.submit}
        </button>
      </div>
    </Form>
  );
}

/** Pôle, commune, stage, what the project seeks and its funding bar. */
export function ShowcaseCardBody({ card }: { card: Data["showcase"]["cards"][number] | ShowcaseCard }) {
  const { projects, vocabulary } = useT();
  const t = projects.showcase;
  const format = useFormat();
  const needs: string[] = [];
  if (card.openSkills.length > 0) needs.push(t.skills(card.openSkills.length, card.openSkills.join(", ")));
  if (card.funding && !card.funding.goalReached) {
    needs.push(t.fundingLeft(vocabulary.fundingKind[card.funding.kind], format.euros(card.funding.remainingCents)));
  }
  if (card.seeksPartners) needs.push(t.partners);
  const summary = (funding: NonNullable<typeof card.funding>) => fundingSummary(funding, projects.funding, format);
  return (
    <>
      <p>
        {card.communeName}
        {card.poles.length > 0 ? ` · ${card.poles.map((p) => p.name).join(", ")}` : null} · {vocabulary.projectStage[card.stage]}
      </p>
      <p>{card.pitch}</p>
      <p className="hint">
        {card.domainName}
        {needs.length > 0 ? (
          <>
            {" "}
            · <strong>{t.seeks}</strong> — {needs.join(" · ")}
          </>
        ) : (
          t.seeksNothing
        )}
      </p>
      {card.funding ? (
        <>
          <p className="hint">{card.funding.goalReached ? t.goalReached(summary(card.funding)) : summary(card.funding)}</p>
          <FundingBar amounts={card.funding} className="progress progress--small" />
        </>
      ) : null}
    </>
  );
}
