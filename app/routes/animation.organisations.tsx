import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { AnimationPageHeader, NoAnimatedPole } from "~/components/animation-page";
import { formatDate, plural } from "~/domain/format";
import { ORGANISATION_KIND_LABELS } from "~/domain/organisation";
import type { OrganisationKind } from "~/domain/vocabulary";
import { loadAnimatedPole, requireAnimatedPole } from "~/guards/animation.server";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { decidePoleRequest, decideRepresentativeRequest, listPendingRequests } from "~/models/organisation-request.server";
import { listPoleOrganisations } from "~/models/organisation.server";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readFormData, readId } from "~/utils/http.server";
import { replyRefused } from "~/utils/reply.server";
import { useFormReply } from "~/utils/reply";

export const meta: MetaFunction = () => [{ title: "Organisations du pôle — Animation — Maillon" }];

export function loader({ request }: LoaderFunctionArgs) {
  const { poles, pole } = loadAnimatedPole(authorize(request, "animation.organisations"), request);
  const db = getDb();
  return {
    poles,
    pole,
    pending: pole ? listPendingRequests(db, pole.id) : { poles: [], representatives: [] },
    members: pole ? listPoleOrganisations(db, pole.id).length : 0,
  };
}

const BAD_ID = { status: 400, message: "Cette demande n'existe pas : rechargez la page." } as const;

export async function action({ request }: ActionFunctionArgs) {
  signInFirst(request, "animation.organisations");
  const formData = await readFormData(request);
  const permit = authorize(request, "animation.organisations", formData);
  const { auth, pole } = requireAnimatedPole(permit, request);
  const db = getDb();
  const now = new Date();
  const back = (message: string) => redirectWithFlash(`/animation/organisations?${new URLSearchParams({ pole: pole.slug })}`, message);
  const organisationId = readId(formData.get("organisationId"));
  if (organisationId === null) return replyRefused(BAD_ID);
  const intent = permit.intent;
  if (intent === "confirm-pole" || intent === "decline-pole") {
    const accept = intent === "confirm-pole";
    const outcome = decidePoleRequest(db, { territoryId: pole.id, organisationId, actorId: auth.user.id, accept }, now);
    if (!outcome.ok) return replyRefused(outcome);
    return back(accept ? `${outcome.organisationName} est désormais membre du pôle.` : `La demande de ${outcome.organisationName} est refusée.`);
  }
  const userId = readId(formData.get("userId"));
  if (userId === null) return replyRefused(BAD_ID);
  const accept = intent === "confirm-representative";
  const outcome = decideRepresentativeRequest(db, { territoryId: pole.id, organisationId, userId, actorId: auth.user.id, accept }, now);
  if (!outcome.ok) return replyRefused(outcome);
  return back(
    accept
      ? `${outcome.displayName} représente désormais ${outcome.organisationName}.`
      : `La demande de ${outcome.displayName} pour représenter ${outcome.organisationName} est refusée.`,
  );
}

function Decide({ confirm, decline, fields, label }: { confirm: string; decline: string; fields: Record<string, string>; label: string }) {
  return (
    <div className="actions">
      {[
        { intent: confirm, text: "Confirmer", className: "button" },
        { intent: decline, text: "Refuser", className: "button button--ghost" },
      ].map((b) => (
        <Form method="post" className="inline-form" key={b.intent}>
          <input type="hidden" name="intent" value={b.intent} />
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <button type="submit" className={b.className} aria-label={`${b.text} : ${label}`}>
            {b.text}
          </button>
        </Form>
      ))}
    </div>
  );
}

export default function AnimationOrganisations() {
  const { poles, pole, pending, members } = useLoaderData<typeof loader>();
  const { message } = useFormReply();
  if (!pole) {
    return <NoAnimatedPole title="Organisations du pôle" />;
  }
  return (
    <div className="container">
      <AnimationPageHeader pole={pole} poles={poles} title="Organisations du pôle" eyebrow message={message} />
      <p>
        {plural(members, "organisation membre", "organisations membres")} —{" "}
        <a href={`/organisations?${new URLSearchParams({ pole: pole.slug })}`}>les voir dans l'annuaire</a>.
      </p>

      <section aria-labelledby="demandes-pole">
        <h2 id="demandes-pole">Organisations qui demandent à rejoindre le pôle</h2>
        {pending.poles.length === 0 ? (
          <p>Aucune demande en attente.</p>
        ) : (
          <ul className="plain-list">
            {pending.poles.map((r) => (
              <li key={r.organisationId} className="card card--spaced">
                <h3>
                  <a href={`/organisations/${r.slug}`}>{r.name}</a>
                </h3>
                <p className="hint">
                  {ORGANISATION_KIND_LABELS[r.kind as OrganisationKind]} · {r.isNew ? "nouvelle inscription" : "déjà membre d'un autre pôle"} ·
                  demandé le {formatDate(r.requestedAt)}
                </p>
                <Decide confirm="confirm-pole" decline="decline-pole" fields={{ organisationId: String(r.organisationId) }} label={r.name} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="demandes-representants">
        <h2 id="demandes-representants">Personnes qui demandent à représenter une organisation</h2>
        {pending.representatives.length === 0 ? (
          <p>Aucune demande en attente.</p>
        ) : (
          <ul className="plain-list">
            {pending.representatives.map((r) => (
              <li key={`${r.organisationId}-${r.userId}`} className="card card--spaced">
                <h3>
                  {r.displayName}, {r.position} — <a href={`/organisations/${r.slug}`}>{r.organisationName}</a>
                </h3>
                <p className="hint">Demandé le {formatDate(r.requestedAt)}</p>
                <Decide
                  confirm="confirm-representative"
                  decline="decline-representative"
                  fields={{ organisationId: String(r.organisationId), userId: String(r.userId) }}
                  label={`${r.displayName} pour ${r.organisationName}`}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
