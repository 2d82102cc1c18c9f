import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { TextField } from "~/components/ui/field";
import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { formatSiren, formatSiret, isEssKind, ORGANISATION_KIND_LABELS } from "~/domain/organisation";
import { authorize } from "~/guards/authorize.server";
import { loadOrganisation } from "~/guards/organisation.server";
import { canEditOrganisation, getOrganisationPage, representativeStatus } from "~/models/organisation.server";
import { requestRepresentation } from "~/models/organisation-request.server";
import { representativeRequestSchema } from "~/schemas/organisation";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound, readFormData } from "~/utils/http.server";
import { replyInvalid, replyRefused } from "~/utils/reply.server";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.organisation.name} — Maillon` },
        { name: "description", content: `${ORGANISATION_KIND_LABELS[data.organisation.kind]} à ${data.organisation.commune.name}, membre des pôles de coopération sur Maillon.` },
      ]
    : [{ title: "Organisation introuvable — Maillon" }];

export function loader({ request, params }: LoaderFunctionArgs) {
  const permit = authorize(request, "organisations.$slug._index");
  const facts = loadOrganisation(permit, params.slug);
  const db = getDb();
  const organisation = getOrganisationPage(db, facts.id);
  if (!organisation) throw notFound("Organisation introuvable");
  const { auth } = permit;
  return {
    organisation,
    signedIn: !!auth,
    canEdit: canEditOrganisation(auth, facts),
    myRequest: auth ? representativeStatus(db, facts.id, auth.user.id) : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  const permit = authorize(request, "organisations.$slug._index", formData);
  const facts = loadOrganisation(permit, params.slug);
  const submission = parseWithZod(formData, { schema: representativeRequestSchema });
  if (submission.status !== "success") return replyInvalid(submission, { formId: "represent" });
  const outcome = requestRepresentation(getDb(), facts.id, permit.auth.user.id, submission.value.position, new Date());
  if (!outcome.ok) return replyRefused(outcome, { submission, formId: "represent" });
  return redirectWithFlash(`/organisations/${facts.slug}`, "Votre demande est envoyée à l'équipe d'animation du pôle, qui la confirmera.");
}

function RepresentForm() {
  const [form, fields] = useSchemaForm(representativeRequestSchema, { id: "represent", reply: "represent" });
  return (
    <ConformForm form={form} intent="represent" aria-labelledby="representer-titre">
      <TextField meta={fields.position} label="Votre fonction dans l'organisation" hint="Par exemple : directrice, trésorier, chargée de mission." />
      <SubmitButton>Demander à représenter l'organisation</SubmitButton>
    </ConformForm>
  );
}

const REQUEST_STATE = {
  demandee: "Votre demande pour représenter l'organisation attend la réponse de l'équipe d'animation du pôle.",
  confirmee: "Vous représentez cette organisation.",
  refusee: "Votre demande pour représenter l'organisation n'a pas été retenue. Vous pouvez la renouveler.",
} as const;

export default function OrganisationPageView() {
  const { organisation: o, signedIn, canEdit, myRequest } = useLoaderData<typeof loader>();
  const confirmedPoles = o.poles.filter((p) => p.status === "confirmee");
  const pendingPoles = o.poles.filter((p) => p.status === "demandee");
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "Organization",
    name: o.name,
    ...(o.siret ? { identifier: o.siret } : o.siren ? { identifier: o.siren } : {}),
    ...(o.website ? { url: o.website } : {}),
    address: { "@type": "PostalAddress", addressLocality: o.commune.name, addressCountry: "FR" },
    memberOf: confirmedPoles.map((p) => ({ "@type": "Organization", name: p.name })),
  };
  return (
    <div className="container">
      <p>
        <a href="/organisations">← L'annuaire des organisations</a>
      </p>
      <p className="eyebrow">
        {ORGANISATION_KIND_LABELS[o.kind]}
        {isEssKind(o.kind) ? " · structure de l'économie sociale et solidaire" : ""}
      </p>
      <h1>{o.name}</h1>
      {confirmedPoles.length === 0 ? (
        <p className="notice">
          Cette organisation attend que l'équipe d'animation du pôle confirme sa participation : elle n'apparaît pas encore dans l'annuaire.
        </p>
      ) : null}
      {o.description ? <p className="prewrap">{o.description}</p> : null}
      {canEdit ? (
        <p>
          <a href={`/organisations/${o.slug}/modifier`} className="button button--ghost">
            Modifier la page de l'organisation
          </a>
        </p>
      ) : null}

      <h2>Fiche</h2>
      <dl className="details">
        <dt>Type</dt>
        <dd>{ORGANISATION_KIND_LABELS[o.kind]}</dd>
        {o.siren ? (
          <>
            <dt>SIREN</dt>
            <dd>{formatSiren(o.siren)}</dd>
          </>
        ) : null}
        {o.siret ? (
          <>
            <dt>SIRET</dt>
            <dd>{formatSiret(o.siret)}</dd>
          </>
        ) : null}
        {o.nafCode ? (
          <>
            <dt>Code NAF</dt>
            <dd>
              {o.nafCode}
              {o.nafLabel ? ` — ${o.nafLabel}` : null}
            </dd>
          </>
        ) : null}
        <dt>Commune</dt>
        <dd>
          {o.commune.name} ({o.commune.departmentName}, {o.commune.departmentCode})
        </dd>
        {o.website ? (
          <>
            <dt>Site internet</dt>
            <dd>
              <a href={o.website} rel="noopener noreferrer">
                {o.website.replace(/^https?:\/\//, "")}
              </a>
            </dd>
          </>
        ) : null}
        {o.contactEmail ? (
          <>
            <dt>Contact</dt>
            <dd>
              <a href={`mailto:${o.contactEmail}`}>{o.contactEmail}</a>
            </dd>
          </>
        ) : null}
      </dl>

      <h2>Pôles</h2>
      {confirmedPoles.length > 0 ? (
        <ul>
          {confirmedPoles.map((p) => (
            <li key={p.slug}>
              <a href={`/poles/${p.slug}`}>{p.name}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p>Membre d'aucun pôle pour l'instant.</p>
      )}
      {pendingPoles.length > 0 ? (
        <p className="hint">Demande en attente auprès de : {pendingPoles.map((p) => p.name).join(", ")}.</p>
      ) : null}

      <h2>Les personnes qui la représentent</h2>
      {o.representatives.length > 0 ? (
        <ul>
          {o.representatives.map((r) => (
            <li key={r.userId}>
              <strong>{r.displayName}</strong>
              {r.position ? `, ${r.position}` : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>Aucun représentant confirmé pour l'instant.</p>
      )}

      <section aria-labelledby="representer-titre">
        <h2 id="representer-titre">Vous agissez pour cette organisation ?</h2>
        {!signedIn ? (
          <p>
            <a href={`/connexion?${new URLSearchParams({ redirectTo: `/organisations/${o.slug}` })}`}>Connectez-vous</a> pour demander à la
            représenter : l'équipe d'animation du pôle confirmera.
          </p>
        ) : myRequest && myRequest !== "refusee" ? (
          <p>{REQUEST_STATE[myRequest]}</p>
        ) : (
          <>
            {myRequest === "refusee" ? <p>{REQUEST_STATE.refusee}</p> : null}
            <p>Indiquez votre fonction : l'équipe d'animation du pôle confirme, puis votre nom et votre fonction apparaissent ici.</p>
            <RepresentForm />
          </>
        )}
      </section>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replace(/</g, "\\u003c") }} />
    </div>
  );
}
