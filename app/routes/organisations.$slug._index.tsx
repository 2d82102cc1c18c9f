import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { TextField } from "~/components/ui/field";
import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { formatSiren, formatSiret, isEssKind } from "~/domain/organisation";
import { authorize } from "~/guards/authorize.server";
import { loadOrganisation } from "~/guards/organisation.server";
import { canEditOrganisation, getOrganisationPage, representativeStatus } from "~/models/organisation.server";
import { requestRepresentation } from "~/models/organisation-request.server";
import { representativeRequestSchema } from "~/schemas/organisation";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound, readFormData } from "~/utils/http.server";
import { replyInvalid, replyRefused } from "~/utils/reply.server";
import { useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const { organisations, vocabulary } = metaText(matches);
  const t = organisations.page;
  return data
    ? [
        { title: `${data.organisation.name} — Maillon` },
        { name: "description", content: t.metaDescription(vocabulary.organisationKind[data.organisation.kind], data.organisation.commune.name) },
      ]
    : [{ title: t.notFoundTitle }];
};

export function loader({ request, params }: LoaderFunctionArgs) {
  const permit = authorize(request, "organisations.$slug._index");
  const facts = loadOrganisation(permit, params.slug);
  const db = getDb();
  const organisation = getOrganisationPage(db, facts.id);
  if (!organisation) throw notFound(requestText(request).t.organisations.page.notFound);
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
  return redirectWithFlash(`/organisations/${facts.slug}`, requestText(request).t.organisations.page.requested);
}

function RepresentForm() {
  const [form, fields] = useSchemaForm(representativeRequestSchema, { id: "represent", reply: "represent" });
  const t = useT().organisations.page;
  return (
    <ConformForm form={form} intent="represent" aria-labelledby="representer-titre">
      <TextField meta={fields.position} label={t.position} hint={t.positionHint} />
      <SubmitButton>{t.represent}</SubmitButton>
    </ConformForm>
  );
}

export default function OrganisationPageView() {
  const { organisation: o, signedIn, canEdit, myRequest } = useLoaderData<typeof loader>();
  const confirmedPoles = o.poles.filter((p) => p.status === "confirmee");
  const pendingPoles = o.poles.filter((p) => p.status === "demandee");
  const { organisations, vocabulary } = useT();
  const t = organisations.page;
  const requestState = { demandee: t.requestPending, confirmee: t.requestConfirmed, refusee: t.requestDeclined };
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
        <a href="/organisations">{t.directory}</a>
      </p>
      <p className="eyebrow">
        {vocabulary.organisationKind[o.kind]}
        {isEssKind(o.kind) ? t.ess : ""}
      </p>
      <h1>{o.name}</h1>
      {confirmedPoles.length === 0 ? (
        <p className="notice">
          {t.awaiting}
        </p>
      ) : null}
      {o.description ? <p className="prewrap">{o.description}</p> : null}
      {canEdit ? (
        <p>
          <a href={`/organisations/${o.slug}/modifier`} className="button button--ghost">
            {t.edit}
          </a>
        </p>
      ) : null}

      <h2>{t.factsTitle}</h2>
      <dl className="details">
        <dt>{t.kind}</dt>
        <dd>{vocabulary.organisationKind[o.kind]}</dd>
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
            <dt>{t.naf}</dt>
            <dd>
              {o.nafCode}
              {o.nafLabel ? ` — ${o.nafLabel}` : null}
            </dd>
          </>
        ) : null}
        <dt>{t.commune}</dt>
        <dd>
          {o.commune.name} ({o.commune.departmentName}, {o.commune.departmentCode})
        </dd>
        {o.website ? (
          <>
            <dt>{t.website}</dt>
            <dd>
              <a href={o.website} rel="noopener noreferrer">
                {o.website.replace(/^https?:\/\//, "")}
              </a>
            </dd>
          </>
        ) : null}
        {o.contactEmail ? (
          <>
            <dt>{t.contact}</dt>
            <dd>
              <a href={`mailto:${o.contactEmail}`}>{o.contactEmail}</a>
            </dd>
          </>
        ) : null}
      </dl>

      <h2>{t.polesTitle}</h2>
      {confirmedPoles.length > 0 ? (
        <ul>
          {confirmedPoles.map((p) => (
            <li key={p.slug}>
              <a href={`/poles/${p.slug}`}>{p.name}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.noPole}</p>
      )}
      {pendingPoles.length > 0 ? (
        <p className="hint">{t.pendingWith(pendingPoles.map((p) => p.name).join(", "))}</p>
      ) : null}

      <h2>{t.representativesTitle}</h2>
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
        <p>{t.noRepresentative}</p>
      )}

      <section aria-labelledby="representer-titre">
        <h2 id="representer-titre">{t.actForTitle}</h2>
        {!signedIn ? (
          <p>
            <a href={`/connexion?${new URLSearchParams({ redirectTo: `/organisations/${o.slug}` })}`}>{t.signIn}</a> {t.toRepresent}
          </p>
        ) : myRequest && myRequest !== "refusee" ? (
          <p>{requestState[myRequest]}</p>
        ) : (
          <>
            {myRequest === "refusee" ? <p>{requestState.refusee}</p> : null}
            <p>{t.givePosition}</p>
            <RepresentForm />
          </>
        )}
      </section>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replace(/</g, "\\u003c") }} />
    </div>
  );
}
