import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { CardList } from "~/components/ui/card-list";
import { ORGANISATION_KINDS, type OrganisationKind } from "~/domain/vocabulary";
import { authorize } from "~/guards/authorize.server";
import { directoryDepartments, searchOrganisations } from "~/models/organisation.server";
import { listTerritoryRefs } from "~/models/territory.server";
import { readDirectoryQuery } from "~/schemas/organisation";
import { getDb } from "~/utils/db.server";
import { useFormat, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { SignInLink } from "~/components/sign-in-link";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaText(matches).organisations.directory;
  return [{ title: t.metaTitle }, { name: "description", content: t.metaDescription }];
};

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
  const { organisations: text, vocabulary, common } = useT();
  const t = text.directory;
  const format = useFormat();
  return (
    <div className="container">
      <p className="eyebrow">{t.eyebrow}</p>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <p>
        {signedIn ? (
          <a href="/organisations/nouvelle">{t.register}</a>
        ) : (
          <>
            {t.actFor} <SignInLink to="/organisations/nouvelle">{t.signIn}</SignInLink> {t.toRegister}
          </>
        )}
      </p>

      <Form method="get" className="directory-filters" role="search" aria-label={t.searchLabel}>
          <div className="field">
            <label htmlFor="recherche-q">{t.text}</label>
            <input id="recherche-q" type="search" name="q" defaultValue={query.q} maxLength={100} />
          </div>
          <div className="field">
            <label htmlFor="recherche-type">{t.kind}</label>
            <select id="recherche-type" name="type" defaultValue={query.type}>
              <option value="">{t.allKinds}</option>
              {ORGANISATION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {vocabulary.organisationKind[k]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="recherche-pole">{t.pole}</label>
            <select id="recherche-pole" name="pole" defaultValue={query.pole}>
              <option value="">{t.allPoles}</option>
              {poles.map((p) => (
                <option key={p.slug} value={p.slug}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="recherche-departement">{t.department}</label>
            <select id="recherche-departement" name="departement" defaultValue={query.departement}>
              <option value="">{t.allDepartments}</option>
              {departments.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.name} ({d.code})
                </option>
              ))}
            </select>
          </div>
          <div className="directory-filters__actions">
            <button type="submit" className="button">
              {common.search}
            </button>
            {filtered ? <a href="/organisations">{t.showAll}</a> : null}
          </div>
      </Form>

      <h2 id="resultats" aria-live="polite">
        {t.count(total, format.integer(total))}
        {filtered ? t.forSearch : ""}
      </h2>
      <CardList
        items={organisations}
        empty={filtered ? t.noneMatch : t.none}
        link={(o) => ({ key: o.slug, href: `/organisations/${o.slug}`, title: o.name })}
      >
        {(o) => (
          <>
            <p className="hint">
              {vocabulary.organisationKind[o.kind]} · {o.communeName} ({o.departmentCode})
            </p>
            {o.description ? <p>{o.description.length > 200 ? `${o.description.slice(0, 197)}…` : o.description}</p> : null}
            {o.poles.length > 0 ? <p className="hint">{t.memberOf(o.poles.map((p) => p.name).join(", "))}</p> : null}
          </>
        )}
      </CardList>
      {pages > 1 ? (
        <nav aria-label={t.pagesLabel} className="actions">
          {page > 1 ? <a href={pageHref(query, page - 1)}>{t.previous}</a> : null}
          <span>
            {t.pageOf(format.integer(page), format.integer(pages))}
          </span>
          {page < pages ? <a href={pageHref(query, page + 1)}>{t.next}</a> : null}
        </nav>
      ) : null}
    </div>
  );
}
