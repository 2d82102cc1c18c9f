import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { FundingBar, fundingSummary } from "~/components/funding-progress";
import { ProjectList } from "~/components/project-list";
import { CardList } from "~/components/ui/card-list";
import { FilterSelect } from "~/components/ui/filter-select";
import { Pagination } from "~/components/ui/pagination";
import { formatEuros, formatInteger, plural } from "~/domain/format";
import { hasRole } from "~/domain/permissions";
import { FUNDING_KIND_LABELS, PROJECT_STAGE_LABELS } from "~/domain/project";
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

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data && data.page > 1 ? `Projets (page ${data.page}) — Maillon` : "Projets — Maillon" },
  { name: "description", content: "Les projets publiés des pôles territoriaux de coopération économique : ce qu'ils font, ce qu'ils cherchent." },
];

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
  return (
    <div className="container">
      <p className="eyebrow">Créer</p>
      <h1>Projets</h1>
      <p className="lead">
        Les projets publiés sur les pôles de Maillon : ce qu'ils font, où, et ce qu'ils cherchent — des compétences, un
        financement, des associés.
      </p>

      {me?.isHolder ? (
        <section aria-labelledby="mes-projets">
          <h2 id="mes-projets">Mes projets</h2>
          <p>
            <a className="button" href="/projets/nouveau">
              Décrire un nouveau projet
            </a>
          </p>
          <ProjectList projects={me.mine} showOwner={false} empty="Vous n'avez pas encore décrit de projet." />
        </section>
      ) : null}

      <Showcase />

      {me ? (
        <section aria-labelledby="associes">
          <h2 id="associes">Projets cherchant des associés près de chez vous</h2>
          <p className="hint">Projets publiés à moins de {me.partnerRadiusKm} km de votre commune, les plus proches d'abord.</p>
          <ProjectList projects={me.partners} empty="Aucun projet proche de chez vous ne cherche d'associés pour l'instant." />
        </section>
      ) : null}

      {me && me.staff.length > 0 ? (
        <section aria-labelledby="animation">
          <h2 id="animation">Tous les projets de mon pôle (animation)</h2>
          <ProjectList projects={me.staff} empty="Aucun projet." />
        </section>
      ) : null}
    </div>
  );
}

function Showcase() {
  const { filters, showcase, pages, page, me } = useLoaderData<typeof loader>();
  const count = showcase.total === 0 ? "Aucun projet publié" : plural(showcase.total, "projet publié", "projets publiés");
  const last = pageCount(showcase.total);
  return (
    <section aria-labelledby="vitrine">
      <h2 id="vitrine">Les projets publiés</h2>
      {me && me.myPoles.length > 0 ? (
        <p>
          {me.myPoles.map((p, i) => (
            <span key={p.slug}>
              {i > 0 ? " · " : null}
              <a href={`/projets${showcaseSearch(NO_FILTERS, { pole: p.slug })}`}>Voir les projets du {p.name}</a>
            </span>
          ))}
        </p>
      ) : null}
      <Filters />
      <p role="status" id="resultats">
        <strong>{count}</strong>
        {hasFilters(filters) ? " pour ces critères" : null}
        {last > 1 ? ` — page ${formatInteger(page)} sur ${formatInteger(last)}` : null}.
        {hasFilters(filters) ? (
          <>
            {" "}
            <a href="/projets">Retirer tous les filtres</a>
          </>
        ) : null}
      </p>
      <CardList
        items={showcase.cards}
        empty={hasFilters(filters) ? "Aucun projet publié ne correspond à ces critères. Essayez d'en retirer un." : "Aucun projet publié pour l'instant."}
        link={(p) => ({ key: p.id, href: `/projets/${p.id}`, title: p.title })}
      >
        {(p) => <ShowcaseCardBody card={p} />}
      </CardList>
      <Pagination pages={pages} path="/projets" anchor="#vitrine" label="Pages de la liste des projets" />
    </section>
  );
}

function Filters() {
  const { filters, choices } = useLoaderData<typeof loader>();
  return (
    <Form method="get" action="/projets" className="form filters" role="search" aria-label="Filtrer les projets">
      <div className="filters__grid">
        <FilterSelect id="filtre-pole" name={SHOWCASE_PARAMS.pole} label="Pôle" all="Tous les pôles" value={filters.pole} options={choices.poles.map((p) => ({ value: p.slug, label: p.name }))} />
        <FilterSelect
          id="filtre-secteur"
          name={SHOWCASE_PARAMS.domain}
          label="Secteur d'activité"
          all="Tous les secteurs"
          value={filters.domain}
          options={choices.domains.map((d) => ({ value: d.slug, label: d.name }))}
        />
        <FilterSelect
          id="filtre-competence"
          name={SHOWCASE_PARAMS.skill}
          label="Compétence recherchée"
          all="Toutes les compétences"
          value={filters.skill}
          options={choices.skills.map((k) => ({ value: k.slug, label: k.name }))}
        />
        <FilterSelect
          id="filtre-etape"
          name={SHOWCASE_PARAMS.stage}
          label="Étape"
          all="Toutes les étapes"
          value={filters.stage}
          options={PROJECT_STAGES.map((s) => ({ value: s, label: PROJECT_STAGE_LABELS[s] }))}
        />
      </div>
      <div className="field field--checkbox">
        <label htmlFor="filtre-financement">
          <input type="checkbox" id="filtre-financement" name={SHOWCASE_PARAMS.funding} value="1" defaultChecked={filters.funding} />
          Cherche encore un financement
        </label>
      </div>
      <div>
        <button type="submit" className="button">
          Afficher les projets
        </button>
      </div>
    </Form>
  );
}

/** Pôle, commune, stage, what the project seeks and its funding bar. */
export function ShowcaseCardBody({ card }: { card: Data["showcase"]["cards"][number] | ShowcaseCard }) {
  const needs: string[] = [];
  if (card.openSkills.length > 0) needs.push(`${card.openSkills.length > 1 ? "Compétences" : "Compétence"} : ${card.openSkills.join(", ")}`);
  if (card.funding && !card.funding.goalReached) {
    needs.push(`${FUNDING_KIND_LABELS[card.funding.kind]} : encore ${formatEuros(card.funding.remainingCents)} à trouver`);
  }
  if (card.seeksPartners) needs.push("Des associés");
  return (
    <>
      <p>
        {card.communeName}
        {card.poles.length > 0 ? ` · ${card.poles.map((p) => p.name).join(", ")}` : null} · {PROJECT_STAGE_LABELS[card.stage]}
      </p>
      <p>{card.pitch}</p>
      <p className="hint">
        {card.domainName}
        {needs.length > 0 ? (
          <>
            {" "}
            · <strong>Cherche</strong> — {needs.join(" · ")}
          </>
        ) : (
          " · ne cherche rien pour l'instant"
        )}
      </p>
      {card.funding ? (
        <>
          <p className="hint">{card.funding.goalReached ? `Objectif atteint : ${fundingSummary(card.funding)}` : fundingSummary(card.funding)}</p>
          <FundingBar amounts={card.funding} className="progress progress--small" />
        </>
      ) : null}
    </>
  );
}
