import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { ResourceCards } from "~/components/resource-cards";
import { plural } from "~/domain/format";
import { RESOURCE_KIND_LABELS } from "~/domain/resource-booking";
import { RESOURCE_KINDS, type ResourceKind } from "~/domain/vocabulary";
import { authorize } from "~/guards/authorize.server";
import { listResources, resourceFilterOptions } from "~/models/shared-resource.server";
import { listTerritoryRefs } from "~/models/territory.server";
import { readResourceQuery } from "~/schemas/resource";
import { getDb } from "~/utils/db.server";
import { FilterSelect } from "~/components/ui/filter-select";

export const meta: MetaFunction = () => [
  { title: "Ressources partagées des pôles — Maillon" },
  { name: "description", content: "Locaux, matériel, véhicules et compétences que les membres des pôles se prêtent, avec leurs horaires et leurs conditions." },
];

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
  return (
    <div className="container">
      <p className="eyebrow">Vie des pôles</p>
      <h1>Ressources partagées</h1>
      <p>
        Une salle de réunion, un camion frigorifique, les outils d'un repair café, du bois ou du compost donnés par une entreprise
        voisine, un coup de main en comptabilité : les membres des pôles se prêtent ce qu'ils ont. Chaque ressource indique ses
        horaires, ses conditions et la personne ou l'organisation qui la prête.
      </p>
      <p className="actions">
        {signedIn ? (
          <>
            <a className="button" href="/ressources/proposer">
              Proposer une ressource
            </a>{" "}
            <a className="button button--ghost" href="/ressources/reservations">
              Mes réservations
            </a>
          </>
        ) : (
          <>
            <a href="/connexion?redirectTo=%2Fressources">Connectez-vous</a> pour réserver une ressource ou en proposer une.
          </>
        )}
      </p>

      <Form method="get" className="directory-filters" role="search" aria-label="Filtrer les ressources">
        <FilterSelect name="pole" label="Pôle" all="Tous les pôles" value={query.pole} options={options.poles.map((p) => ({ value: p.slug, label: p.name }))} />
        <FilterSelect name="type" label="Type" all="Tous les types" value={query.type} options={RESOURCE_KINDS.map((k) => ({ value: k, label: RESOURCE_KIND_LABELS[k] }))} />
        <FilterSelect name="commune" label="Commune" all="Toutes les communes" value={query.commune} options={options.communes.map((c) => ({ value: c.code, label: c.name }))} />
        <div className="directory-filters__actions">
          <button type="submit" className="button">
            Filtrer
          </button>
          {filtered ? <a href="/ressources">Tout afficher</a> : null}
        </div>
      </Form>

      <h2 id="resultats" aria-live="polite">
        {resources.length === 0 ? "Aucune ressource" : plural(resources.length, "ressource")}
        {filtered ? " pour ces filtres" : ""}
      </h2>
      <ResourceCards
        resources={resources}
        empty={filtered ? "Aucune ressource ne correspond : essayez moins de filtres." : "Aucune ressource n'est encore proposée."}
      />
    </div>
  );
}
