import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { ResourceCards } from "~/components/resource-cards";
import { RESOURCE_KINDS, type ResourceKind } from "~/domain/vocabulary";
import { authorize } from "~/guards/authorize.server";
import { listResources, resourceFilterOptions } from "~/models/shared-resource.server";
import { listTerritoryRefs } from "~/models/territory.server";
import { readResourceQuery } from "~/schemas/resource";
import { getDb } from "~/utils/db.server";
import { FilterSelect } from "~/components/ui/filter-select";
import { useFormat, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { SignInLink } from "~/components/sign-in-link";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaText(matches).resources.index;
  return [{ title: t.metaTitle }, { name: "description", content: t.metaDescription }];
};

export function loader({ request }: LoaderFunctionArgs) {
  const { auth } = authorize(request, "ressources._index");
  const db = getDb();
  const query = readResourceQuery(new URL(request.url).searchParams);
  const options = resourceFilterOptions(db);
  // Unknown values in the URL are ignored, not refused: the list always answers.
  const pole = listTerritoryRefs(db).find((p) => p.slug === query.pole);
  const kind = (RESOURCE_KINDS as readonly string[]).includes(query.type) ? (query.type as ResourceKind) : undefined;
  const commune = options.communes.find((c) => c.code === query.commune);
  const resources = listResources(db, { territoryId: pole?.id, kind, communeCode: commune?.code });
  return {
    signedIn: !!auth,
    query: { pole: pole?.slug ?? "", type: kind ?? "", commune: commune?.code ?? "" },
    options,
    resources,
  };
}

export default function Resources() {
  const { signedIn, query, options, resources } = useLoaderData<typeof loader>();
  const filtered = Object.values(query).some((v) => v !== "");
  const { resources: text, vocabulary } = useT();
  const t = text.index;
  const format = useFormat();
  return (
    <div className="container">
      <p className="eyebrow">{t.eyebrow}</p>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <p className="actions">
        {signedIn ? (
          <>
            <a className="button" href="/ressources/proposer">
              {t.offer}
            </a>{" "}
            <a className="button button--ghost" href="/ressources/reservations">
              {t.myBookings}
            </a>
          </>
        ) : (
          <>
            <SignInLink to="/ressources">{t.signIn}</SignInLink>
            {t.signInAfter}
          </>
        )}
      </p>

      <Form method="get" className="directory-filters" role="search" aria-label={t.filterLabel}>
        <FilterSelect name="pole" label={t.pole} all={t.allPoles} value={query.pole} options={options.poles.map((p) => ({ value: p.slug, label: p.name }))} />
        <FilterSelect name="type" label={t.kind} all={t.allKinds} value={query.type} options={RESOURCE_KINDS.map((k) => ({ value: k, label: vocabulary.resourceKind[k] }))} />
        <FilterSelect name="commune" label={t.commune} all={t.allCommunes} value={query.commune} options={options.communes.map((c) => ({ value: c.code, label: c.name }))} />
        <div className="directory-filters__actions">
          <button type="submit" className="button">
            {t.filter}
          </button>
          {filtered ? <a href="/ressources">{t.showAll}</a> : null}
        </div>
      </Form>

      <h2 id="resultats" aria-live="polite">
        {resources.length === 0 ? t.none : t.count(resources.length, format.integer(resources.length))}
        {filtered ? t.forFilters : ""}
      </h2>
      <ResourceCards
        resources={resources}
        empty={filtered ? t.emptyFiltered : t.empty}
      />
    </div>
  );
}
