import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { UnmetNeedStatusBadge } from "~/components/status-badge";
import { CardList } from "~/components/ui/card-list";
import { FilterSelect } from "~/components/ui/filter-select";
import { Pagination } from "~/components/ui/pagination";
import { formatDate, formatInteger, plural } from "~/domain/format";
import { pageCount, pageLinks, parsePage } from "~/domain/pagination";
import { UNMET_NEED_STATUS_LABELS } from "~/domain/unmet-need";
import { UNMET_NEED_STATUSES, type UnmetNeedStatus } from "~/domain/vocabulary";
import { authorize } from "~/guards/authorize.server";
import { memberPoleIds } from "~/models/pole-member.server";
import { listTerritoryRefs } from "~/models/territory.server";
import { listUnmetNeeds, NEEDS_PAGE_SIZE } from "~/models/unmet-need.server";
import { getDb } from "~/utils/db.server";

export const meta: MetaFunction = () => [
  { title: "Besoins du territoire — Maillon" },
  { name: "description", content: "Ce qui manque sur les territoires des pôles, signalé par les habitants et les membres, et ce qui y répond." },
];

const ORDERS = { recents: "Les plus récents", soutenus: "Les plus soutenus" } as const;
type Order = keyof typeof ORDERS;

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
  return (
    <div className="container">
      <p className="eyebrow">Vie des pôles</p>
      <h1>Besoins du territoire</h1>
      <p className="lead">
        Ce qui manque aujourd'hui sur le territoire d'un pôle et que personne ne propose encore : un service, un commerce, une
        solution de mobilité… Les pôles existent d'abord pour y répondre ensemble. Chacun peut en signaler un et soutenir ceux des
        autres ; l'équipe d'animation les étudie et dit ce qui y répond.
      </p>
      <p>
        <a className="button" href={signedIn ? "/besoins/nouveau" : "/connexion?redirectTo=/besoins/nouveau"}>
          Signaler un besoin
        </a>
        {myPoles.map((p) => (
          <span key={p.slug}>
            {" "}
            · <a href={`/besoins${needsSearch({ pole: p.slug, status: null, order: "recents", page: 1 })}`}>Les besoins du {p.name}</a>
          </span>
        ))}
      </p>

      <Form method="get" action="/besoins" className="form filters" role="search" aria-label="Filtrer les besoins">
        <div className="filters__grid">
          <FilterSelect name="pole" label="Pôle" all="Tous les pôles" value={filters.pole} options={choices.poles} />
          <FilterSelect
            name="statut"
            label="Où en est-on ?"
            all="Tous les besoins"
            value={filters.status}
            options={UNMET_NEED_STATUSES.map((s) => ({ value: s, label: UNMET_NEED_STATUS_LABELS[s] }))}
          />
          <div className="field">
            <label htmlFor="filtre-ordre">Ordre</label>
            <select id="filtre-ordre" name="ordre" defaultValue={filters.order} key={filters.order}>
              {(Object.keys(ORDERS) as Order[]).map((o) => (
                <option key={o} value={o}>
                  {ORDERS[o]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div>
          <button type="submit" className="button">
            Afficher les besoins
          </button>
        </div>
      </Form>

      <section aria-labelledby="liste-besoins">
        <h2 id="liste-besoins">{poleName ? `Les besoins du ${poleName}` : "Tous les besoins signalés"}</h2>
        <p role="status">
          <strong>{total === 0 ? "Aucun besoin" : plural(total, "besoin")}</strong>
          {filtered ? " pour ces critères" : null}
          {last > 1 ? ` — page ${formatInteger(Math.min(filters.page, last))} sur ${formatInteger(last)}` : null}.
          {filtered ? (
            <>
              {" "}
              <a href="/besoins">Retirer les filtres</a>
            </>
          ) : null}
        </p>
        <CardList
          items={needs}
          empty={filtered ? "Aucun besoin ne correspond à ces critères." : "Aucun besoin signalé pour l'instant."}
          link={(n) => ({ key: n.id, href: `/besoins/${n.id}`, title: n.title })}
        >
          {(n) => (
            <>
              <p>
                <UnmetNeedStatusBadge status={n.status} /> {n.pole.name} · {n.place}
              </p>
              <p>Concerne : {n.affected}</p>
              <p className="hint">
                Signalé le {formatDate(n.createdAt)} · soutenu par {plural(n.supportCount, "personne")}
                {n.answerCount > 0 ? ` · ${plural(n.answerCount, "réponse reliée", "réponses reliées")}` : null}
              </p>
            </>
          )}
        </CardList>
        <Pagination pages={pages} path="/besoins" anchor="#liste-besoins" label="Pages de la liste des besoins" />
      </section>
    </div>
  );
}
