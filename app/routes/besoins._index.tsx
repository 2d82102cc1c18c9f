import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { UnmetNeedStatusBadge } from "~/components/status-badge";
import { CardList } from "~/components/ui/card-list";
import { FilterSelect } from "~/components/ui/filter-select";
import { Pagination } from "~/components/ui/pagination";
import { pageCount, pageLinks, parsePage } from "~/domain/pagination";
import { UNMET_NEED_STATUSES, type UnmetNeedStatus } from "~/domain/vocabulary";
import { authorize } from "~/guards/authorize.server";
import { memberPoleIds } from "~/models/pole-member.server";
import { listTerritoryRefs } from "~/models/territory.server";
import { listUnmetNeeds, NEEDS_PAGE_SIZE } from "~/models/unmet-need.server";
import { getDb } from "~/utils/db.server";
import { useFormat, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaText(matches).needs;
  return [{ title: t.metaTitle }, { name: "description", content: t.list.metaDescription }];
};

const ORDERS = ["recents", "soutenus"] as const;
type Order = (typeof ORDERS)[number];

/** The list's address: only the filters chosen, in a fixed order, so each view has one URL. */
function needsSearch(f: { pole: string | null; status: UnmetNeedStatus | null; order: Order; page: number }): string {
  const search = new URLSearchParams();
  if (f.pole) search.set("pole", f.pole);
  if (f.status) search.set("statut", f.status);
  if (f.order !== "recents") search.set("ordre", f.order);
  if (f.page > 1) search.set("page", String(f.page));
  const text = search.toString();
  return text ? `?${text}` : "";
}

export function loader({ request }: LoaderFunctionArgs) {
  const { auth } = authorize(request, "besoins._index");
  const db = getDb();
  const url = new URL(request.url);
  const poles = listTerritoryRefs(db);
  const pole = poles.find((p) => p.slug === url.searchParams.get("pole")) ?? null;
  const statusParam = url.searchParams.get("statut");
  const status = (UNMET_NEED_STATUSES as readonly string[]).includes(statusParam ?? "") ? (statusParam as UnmetNeedStatus) : null;
  const order: Order = url.searchParams.get("ordre") === "soutenus" ? "soutenus" : "recents";
  const filters = { pole: pole?.slug ?? null, status, order, page: parsePage(url.searchParams.get("page")) };
  // One address per view: unknown values and empty choices are dropped from the URL.
  const canonical = needsSearch(filters);
  if (url.search !== canonical) throw redirect(`/besoins${canonical}`);
  const { needs, total } = listUnmetNeeds(db, { territoryId: pole?.id, status: status ?? undefined, order }, filters.page);
  const myPoles = auth ? memberPoleIds(db, auth.user.id) : [];
  return {
    filters,
    poleName: pole?.name ?? null,
    needs,
    total,
    last: pageCount(total, NEEDS_PAGE_SIZE),
    pages: pageLinks(filters.page, total, NEEDS_PAGE_SIZE, (page) => needsSearch({ ...filters, page })),
    choices: { poles: poles.map((p) => ({ value: p.slug, label: p.name })) },
    signedIn: !!auth,
    myPoles: poles.filter((p) => myPoles.includes(p.id)).map((p) => ({ slug: p.slug, name: p.name })),
  };
}

export default function UnmetNeeds() {
  const { filters, poleName, needs, total, last, pages, choices, signedIn, myPoles } = useLoaderData<typeof loader>();
  const filtered = filters.pole !== null || filters.status !== null;
  const { needs: tn, vocabulary } = useT();
  const t = tn.list;
  const format = useFormat();
  return (
    <div className="container">
      <p className="eyebrow">{t.eyebrow}</p>
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      <p>
        <a className="button" href={signedIn ? "/besoins/nouveau" : "/connexion?redirectTo=/besoins/nouveau"}>
          {t.report}
        </a>
        {myPoles.map((p) => (
          <span key={p.slug}>
            {" "}
            · <a href={`/besoins${needsSearch({ pole: p.slug, status: null, order: "recents", page: 1 })}`}>{t.poleNeeds(p.name)}</a>
          </span>
        ))}
      </p>

      <Form method="get" action="/besoins" className="form filters" role="search" aria-label={t.filters}>
        <div className="filters__grid">
          <FilterSelect name="pole" label={t.pole} all={t.allPoles} value={filters.pole} options={choices.poles} />
          <FilterSelect
            name="statut"
            label={t.status}
            all={t.allStatuses}
            value={filters.status}
            options={UNMET_NEED_STATUSES.map((s) => ({ value: s, label: vocabulary.unmetNeedStatus[s] }))}
          />
          <div className="field">
            <label htmlFor="filtre-ordre">{t.orderLabel}</label>
            <select id="filtre-ordre" name="ordre" defaultValue={filters.order} key={filters.order}>
              {ORDERS.map((o) => (
                <option key={o} value={o}>
                  {t.order[o]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div>
          <button type="submit" className="button">
            {t.show}
          </button>
        </div>
      </Form>

      <section aria-labelledby="liste-besoins">
        <h2 id="liste-besoins">{poleName ? t.poleNeeds(poleName) : t.allReported}</h2>
        <p role="status">
          <strong>{total === 0 ? t.none : t.count(total, format.integer(total))}</strong>
          {filtered ? t.forCriteria : null}
          {last > 1 ? t.page(format.integer(Math.min(filters.page, last)), format.integer(last)) : null}.
          {filtered ? (
            <>
              {" "}
              <a href="/besoins">{t.clearFilters}</a>
            </>
          ) : null}
        </p>
        <CardList
          items={needs}
          empty={filtered ? t.emptyFiltered : t.empty}
          link={(n) => ({ key: n.id, href: `/besoins/${n.id}`, title: n.title })}
        >
          {(n) => (
            <>
              <p>
                <UnmetNeedStatusBadge status={n.status} /> {n.pole.name} · {n.place}
              </p>
              <p>{t.affected(n.affected)}</p>
              <p className="hint">
                {t.reported(format.date(n.createdAt), n.supportCount, format.integer(n.supportCount))}
                {n.answerCount > 0 ? t.answers(n.answerCount, format.integer(n.answerCount)) : null}
              </p>
            </>
          )}
        </CardList>
        <Pagination pages={pages} path="/besoins" anchor="#liste-besoins" label={t.pages} />
      </section>
    </div>
  );
}
