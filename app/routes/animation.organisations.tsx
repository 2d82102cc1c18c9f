import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { AnimationPageHeader, NoAnimatedPole } from "~/components/animation-page";
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
import { useFormat, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaText(matches).animation.organisations.metaTitle }];

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


export async function action({ request }: ActionFunctionArgs) {
  signInFirst(request, "animation.organisations");
  const formData = await readFormData(request);
  const permit = authorize(request, "animation.organisations", formData);
  const { auth, pole } = requireAnimatedPole(permit, request);
  const db = getDb();
  const now = new Date();
  const t = requestText(request).t.animation.organisations;
  const BAD_ID = { status: 400, message: t.badId } as const;
  const back = (message: string) => redirectWithFlash(`/animation/organisations?${new URLSearchParams({ pole: pole.slug })}`, message);
  const organisationId = readId(formData.get("organisationId"));
  if (organisationId === null) return replyRefused(BAD_ID);
  const intent = permit.intent;
  if (intent === "confirm-pole" || intent === "decline-pole") {
    const accept = intent === "confirm-pole";
    const outcome = decidePoleRequest(db, { territoryId: pole.id, organisationId, actorId: auth.user.id, accept }, now);
    if (!outcome.ok) return replyRefused(outcome);
    return back(accept ? t.poleConfirmed(outcome.organisationName) : t.poleDeclined(outcome.organisationName));
  }
  const userId = readId(formData.get("userId"));
  if (userId === null) return replyRefused(BAD_ID);
  const accept = intent === "confirm-representative";
  const outcome = decideRepresentativeRequest(db, { territoryId: pole.id, organisationId, userId, actorId: auth.user.id, accept }, now);
  if (!outcome.ok) return replyRefused(outcome);
  return back(
    accept
      ? t.representativeConfirmed(outcome.displayName, outcome.organisationName)
      : t.representativeDeclined(outcome.displayName, outcome.organisationName),
  );
}

function Decide({ confirmIntent, declineIntent, fields, label }: { confirmIntent: string; declineIntent: string; fields: Record<string, string>; label: string }) {
  const t = useT().animation.organisations;
  return (
    <div className="actions">
      {[
        { intent: confirmIntent, text: t.confirm, className: "button" },
        { intent: declineIntent, text: t.decline, className: "button button--ghost" },
      ].map((b) => (
        <Form method="post" className="inline-form" key={b.intent}>
          <input type="hidden" name="intent" value={b.intent} />
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <button type="submit" className={b.className} aria-label={t.decideLabel(b.text, label)}>
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
  const { animation, vocabulary } = useT();
  const t = animation.organisations;
  const format = useFormat();
  if (!pole) {
    return <NoAnimatedPole title={t.title} />;
  }
  return (
    <div className="container">
      <AnimationPageHeader pole={pole} poles={poles} title={t.title} eyebrow message={message} />
      <p>
        {t.members(members, format.integer(members))}{" "}
        <a href={`/organisations?${new URLSearchParams({ pole: pole.slug })}`}>{t.directory}</a>.
      </p>

      <section aria-labelledby="demandes-pole">
        <h2 id="demandes-pole">{t.joining}</h2>
        {pending.poles.length === 0 ? (
          <p>{t.noRequest}</p>
        ) : (
          <ul className="plain-list">
            {pending.poles.map((r) => (
              <li key={r.organisationId} className="card card--spaced">
                <h3>
                  <a href={`/organisations/${r.slug}`}>{r.name}</a>
                </h3>
                <p className="hint">
                  {vocabulary.organisationKind[r.kind as OrganisationKind]} · {r.isNew ? t.isNew : t.otherPole} ·{" "}
                  {t.requestedOn(format.date(r.requestedAt))}
                </p>
                <Decide confirmIntent="confirm-pole" declineIntent="decline-pole" fields={{ organisationId: String(r.organisationId) }} label={r.name} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="demandes-representants">
        <h2 id="demandes-representants">{t.representing}</h2>
        {pending.representatives.length === 0 ? (
          <p>{t.noRequest}</p>
        ) : (
          <ul className="plain-list">
            {pending.representatives.map((r) => (
              <li key={`${r.organisationId}-${r.userId}`} className="card card--spaced">
                <h3>
                  {r.displayName}, {r.position} — <a href={`/organisations/${r.slug}`}>{r.organisationName}</a>
                </h3>
                <p className="hint">{t.representativeRequestedOn(format.date(r.requestedAt))}</p>
                <Decide
                  confirmIntent="confirm-representative"
                  declineIntent="decline-representative"
                  fields={{ organisationId: String(r.organisationId), userId: String(r.userId) }}
                  label={t.personFor(r.displayName, r.organisationName)}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
