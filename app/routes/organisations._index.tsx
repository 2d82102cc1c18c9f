import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { CardList } from "~/components/ui/card-list";
import { formatInteger, plural } from "~/domain/format";
import { ORGANISATION_KIND_LABELS } from "~/domain/organisation";
import { ORGANISATION_KINDS, type OrganisationKind } from "~/domain/vocabulary";
import { authorize } from "~/guards/authorize.server";
import { directoryDepartments, searchOrganisations } from "~/models/organisation.server";
import { listTerritoryRefs } from "~/models/territory.server";
import { readDirectoryQuery } from "~/schemas/organisation";
import { getDb } from "~/utils/db.server";

export const meta: MetaFunction = () => [
  { title: "Les organisations membres des pôles — Maillon" },
  { name: "description", content: "Associations, coopératives, entreprises, collectivités, centres de recherche et de formation membres des pôles territoriaux de coopération économique." },
];

const PAGE_SIZE = 30;

export function loader({ request }: LoaderFunctionArgs) {
  const permit = authorize(request, "organisations._index");
  const db = getDb();
  const query = readDirectoryQuery(new URL(request.url).searchParams);
  const poles = listTerritoryRefs(db);
  const departments = directoryDepartments(db);
  // Unknown values in the URL are ignored, not refused: the directory always answers.
  const kind = (ORGANISATION_KINDS as readonly string[]).includes(query.kind) ? (query.kind as OrganisationKind) : undefined;
  const pole = poles.find((p) => p.slug === query.pole);
  const department = departments.find((d) => d.code === query.departement);
  const found = searchOrganisations(db, { text: query.q, kind, territoryId: pole?.id, departmentCode: department?.code });
  const pages = Math.max(1, Math.ceil(found.length / PAGE_SIZE));
  const page = Math.min(query.page, pages);
  return {
    signedIn: !!permit.auth,
    query: { q: query.q, type: kind ?? "", pole: pole?.slug ?? "", departement: department?.code ?? "" },
    poles: poles.map((p) => ({ slug: p.slug, name: p.name })),
    departments,
    total: found.length,
    page,
    pages,
    organisations: found.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
  };
}

type Query = ReturnType<typeof useLoaderData<typeof loader>>["query"];

function pageHref(query: Query, page: number): string {
  const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== ""));
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `/organisations?${search}` : "/organisations";
}

export default function OrganisationDirectory() {
  const { signedIn, query, poles, departments, total, page, pages, organisations } = useLoaderData<typeof loader>();
  const filtered = Object.values(query).some((v) => v !== "");
  return (
    <div className="container">
      <p className="eyebrow">Annuaire</p>
      <h1>Les organisations membres des pôles</h1>
      <p>
        Associations, coopératives, mutuelles, fondations et sociétés de l'économie sociale et solidaire, entreprises,
        collectivités, centres de recherche et organismes de formation : chaque pôle réunit des acteurs de son
        territoire qui choisissent de coopérer. Une organisation figure ici une fois sa participation confirmée par
        l'équipe d'animation du pôle.
      </p>
      <p>
        {signedIn ? (
          <a href="/organisations/nouvelle">Inscrire une organisation</a>
        ) : (
          <>
            Vous agissez pour une organisation ? <a href="/connexion?redirectTo=%2Forganisations%2Fnouvelle">Connectez-vous</a> pour
            l'inscrire.
          </>
        )}
      </p>

      <Form method="get" className="directory-filters" role="search" aria-label="Rechercher une organisation">
          <div className="field">
            <label htmlFor="recherche-q">Nom, commune ou SIREN</label>
            <input id="recherche-q" type="search" name="q" defaultValue={query.q} maxLength={100} />
          </div>
          <div className="field">
            <label htmlFor="recherche-type">Type</label>
            <select id="recherche-type" name="type" defaultValue={query.type}>
              <option value="">Tous les types</option>
              {ORGANISATION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {ORGANISATION_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="recherche-pole">Pôle</label>
            <select id="recherche-pole" name="pole" defaultValue={query.pole}>
              <option value="">Tous les pôles</option>
              {poles.map((p) => (
                <option key={p.slug} value={p.slug}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="recherche-departement">Département</label>
            <select id="recherche-departement" name="departement" defaultValue={query.departement}>
              <option value="">Tous les départements</option>
              {departments.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.name} ({d.code})
                </option>
              ))}
            </select>
          </div>
          <div className="directory-filters__actions">
            <button type="submit" className="button">
              Rechercher
            </button>
            {filtered ? <a href="/organisations">Tout afficher</a> : null}
          </div>
      </Form>

      <h2 id="resultats" aria-live="polite">
        {total === 0 ? "Aucune organisation" : plural(total, "organisation")}
        {filtered ? " pour cette recherche" : ""}
      </h2>
      <CardList
        items={organisations}
        empty={filtered ? "Aucune organisation ne correspond : essayez moins de filtres ou un autre mot." : "Aucune organisation n'est encore inscrite."}
        link={(o) => ({ key: o.slug, href: `/organisations/${o.slug}`, title: o.name })}
      >
        {(o) => (
          <>
            <p className="hint">
              {ORGANISATION_KIND_LABELS[o.kind]} · {o.communeName} ({o.departmentCode})
            </p>
            {o.description ? <p>{o.description.length > 200 ? `${o.description.slice(0, 197)}…` : o.description}</p> : null}
            {o.poles.length > 0 ? <p className="hint">Membre de : {o.poles.map((p) => p.name).join(", ")}</p> : null}
          </>
        )}
      </CardList>
      {pages > 1 ? (
        <nav aria-label="Pages de résultats" className="actions">
          {page > 1 ? <a href={pageHref(query, page - 1)}>← Page précédente</a> : null}
          <span>
            Page {formatInteger(page)} sur {formatInteger(pages)}
          </span>
          {page < pages ? <a href={pageHref(query, page + 1)}>Page suivante →</a> : null}
        </nav>
      ) : null}
    </div>
  );
}
