import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { TerritoryStats } from "~/components/territory-stats";
import { getTerritoryBySlug } from "~/models/territory.server";
import { getDb } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import { formatInteger } from "~/domain/format";
import { authorize } from "~/guards/authorize.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.territory.name} — Maillon` : "Pôle introuvable — Maillon" },
];

export function loader({ request, params }: LoaderFunctionArgs) {
  authorize(request, "poles.$slug");
  const territory = getTerritoryBySlug(getDb(), params.slug ?? "");
  if (!territory) throw notFound("Pôle introuvable");
  return { territory };
}

export default function TerritoryPage() {
  const { territory } = useLoaderData<typeof loader>();
  return (
    <div className="container">
      <p className="eyebrow">{territory.area}</p>
      <h1>{territory.name}</h1>
      <p>{territory.description}</p>
      <TerritoryStats counts={territory.counts} />

      <h2>Axes de travail</h2>
      <ol>
        {territory.axes.map((axis) => (
          <li key={axis.id}>
            <strong>{axis.name}</strong>
            {axis.description ? ` — ${axis.description}` : null}
          </li>
        ))}
      </ol>

      <h2>Le territoire</h2>
      <dl className="details">
        <dt>Départements</dt>
        <dd>{territory.departments.map((d) => `${d.name} (${d.code})`).join(", ")}</dd>
        <dt>Communes</dt>
        <dd>{formatInteger(territory.communeCount)}</dd>
        {territory.animators.length > 0 ? (
          <>
            <dt>Équipe d'animation</dt>
            <dd>{territory.animators.map((a) => a.displayName).join(", ")}</dd>
          </>
        ) : null}
        {territory.address ? (
          <>
            <dt>Adresse</dt>
            <dd>{territory.address}</dd>
          </>
        ) : null}
        {territory.contactEmail ? (
          <>
            <dt>Contact</dt>
            <dd>
              <a href={`mailto:${territory.contactEmail}`}>{territory.contactEmail}</a>
            </dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}
