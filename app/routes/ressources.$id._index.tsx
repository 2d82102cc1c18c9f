import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { TextAreaField, TextField } from "~/components/ui/field";
import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { formatDate, formatDateTime } from "~/domain/format";
import { isStaffOf } from "~/domain/permissions";
import { parisIsoDate } from "~/domain/paris-time";
import { formatClosure, openHoursByWeekday, RESOURCE_KIND_LABELS, termsSummary } from "~/domain/resource-booking";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { loadResource } from "~/guards/resource.server";
import { isMemberOfAny } from "~/models/pole-member.server";
import { acceptedBookings, requestBooking } from "~/models/resource-booking.server";
import { bookingRequestSchema } from "~/schemas/resource";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyInvalid, replyRefused, UNKNOWN_INTENT } from "~/utils/reply.server";
import { readFormData } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.resource.title} — Ressources partagées — Maillon` : "Ressource introuvable — Maillon" },
];

/** How far ahead the calendar of accepted bookings looks. */
const CALENDAR_WEEKS = 8;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export function loader({ request, params }: LoaderFunctionArgs) {
  const permit = authorize(request, "ressources.$id._index");
  const { resource, manages } = loadResource(permit, params.id);
  const db = getDb();
  const now = new Date();
  const { auth } = permit;
  const today = parisIsoDate(now);
  const calendar = acceptedBookings(db, resource.id, now, new Date(now.getTime() + CALENDAR_WEEKS * WEEK_MS)).map((b) => ({
    id: b.id,
    startsAt: b.startsAt,
    endsAt: b.endsAt,
    // Who booked is shown to those who lend the resource and to the person themselves.
    who: manages || b.requesterId === auth?.user.id ? b.requesterName : null,
  }));
  return {
    resource: {
      id: resource.id,
      title: resource.title,
      kind: resource.kind,
      description: resource.description,
      active: resource.active,
      pole: resource.pole,
      communeName: resource.communeName,
      ownerName: resource.ownerName,
      organisation: resource.organisation,
      terms: termsSummary(resource),
      termsNote: resource.termsNote,
      hours: openHoursByWeekday(resource.openHours),
      closures: resource.closures.filter((c) => c.endsOn >= today).map((c) => ({ id: c.id, text: formatClosure(c) })),
    },
    calendar,
    calendarUntil: new Date(now.getTime() + CALENDAR_WEEKS * WEEK_MS),
    viewer: auth
      ? {
          manages,
          owns: resource.ownerId === auth.user.id,
          mayRequest: isStaffOf(auth, resource.territoryId) || isMemberOfAny(db, auth.user.id, [resource.territoryId]),
        }
      : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  signInFirst(request, "ressources.$id._index");
  const formData = await readFormData(request);
  const permit = authorize(request, "ressources.$id._index", formData);
  const { resource } = loadResource(permit, params.id);
  if (permit.intent !== "request") return replyRefused(UNKNOWN_INTENT);
  const submission = parseWithZod(formData, { schema: bookingRequestSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const v = submission.value;
  const outcome = requestBooking(getDb(), permit.auth, resource.id, { startsAt: v.startsAt, endsAt: v.endsAt, message: v.message ?? "" }, new Date());
  if (!outcome.ok) return replyRefused(outcome, { submission });
  return redirectWithFlash(
    "/ressources/reservations",
    `Votre demande de réservation de « ${resource.title} » est envoyée ; ${resource.organisation ? resource.organisation.name : resource.ownerName} vous répondra.`,
  );
}

export default function ResourcePage() {
  const { resource, calendar, calendarUntil, viewer } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(bookingRequestSchema, { id: "reserver" });
  return (
    <div className="container">
      <p className="eyebrow">
        <a href="/ressources">Ressources partagées</a> · <a href={`/poles/${resource.pole.slug}`}>{resource.pole.name}</a>
      </p>
      <h1>{resource.title}</h1>
      {!resource.active ? <p className="alert">Cette ressource n'est plus proposée pour l'instant : seules les personnes qui la prêtent la voient.</p> : null}
      <p>{resource.description}</p>
      <dl className="details">
        <dt>Type</dt>
        <dd>{RESOURCE_KIND_LABELS[resource.kind]}</dd>
        <dt>Pôle</dt>
        <dd>
          <a href={`/poles/${resource.pole.slug}`}>{resource.pole.name}</a>
        </dd>
        {resource.communeName ? (
          <>
            <dt>Commune</dt>
            <dd>{resource.communeName}</dd>
          </>
        ) : null}
        <dt>Prêtée par</dt>
        <dd>
          {resource.organisation ? (
            <>
              <a href={`/organisations/${resource.organisation.slug}`}>{resource.organisation.name}</a> (contact : {resource.ownerName})
            </>
          ) : (
            resource.ownerName
          )}
        </dd>
        <dt>Conditions</dt>
        <dd>
          {resource.terms}
          {resource.termsNote ? ` — ${resource.termsNote}` : ""}
        </dd>
      </dl>
      {viewer?.manages ? (
        <p className="actions">
          <a className="button button--ghost" href={`/ressources/${resource.id}/modifier`}>
            Modifier la ressource, ses horaires et ses fermetures
          </a>{" "}
          <a href="/ressources/reservations">Répondre aux demandes</a>
        </p>
      ) : null}

      <section aria-labelledby="horaires">
        <h2 id="horaires">Horaires d'ouverture</h2>
        <ul>
          {resource.hours.map((d) => (
            <li key={d.weekday}>
              {d.label} : {d.hours ?? "fermé"}
            </li>
          ))}
        </ul>
        <h3>Fermetures</h3>
        {resource.closures.length === 0 ? (
          <p>Aucune fermeture annoncée.</p>
        ) : (
          <ul>
            {resource.closures.map((c) => (
              <li key={c.id}>Fermée {c.text}</li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="calendrier">
        <h2 id="calendrier">Réservations acceptées</h2>
        {calendar.length === 0 ? (
          <p>Aucune réservation acceptée d'ici au {formatDate(calendarUntil)} : toute la période d'ouverture est libre.</p>
        ) : (
          <table className="table">
            <caption>Créneaux déjà réservés d'ici au {formatDate(calendarUntil)}</caption>
            <thead>
              <tr>
                <th scope="col">Début</th>
                <th scope="col">Fin</th>
                <th scope="col">Réservé par</th>
              </tr>
            </thead>
            <tbody>
              {calendar.map((b) => (
                <tr key={b.id}>
                  <td>{formatDateTime(b.startsAt)}</td>
                  <td>{formatDateTime(b.endsAt)}</td>
                  <td>{b.who ?? "Un membre du pôle"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="reserver-titre">
        <h2 id="reserver-titre">Réserver</h2>
        {!viewer ? (
          <p>
            <a href={`/connexion?redirectTo=%2Fressources%2F${resource.id}`}>Connectez-vous</a> pour demander à réserver cette ressource.
          </p>
        ) : viewer.owns ? (
          <p>C'est une ressource que vous prêtez : les demandes des membres arrivent dans <a href="/ressources/reservations">vos réservations</a>.</p>
        ) : !viewer.mayRequest ? (
          <p>
            Les ressources du {resource.pole.name} se réservent entre membres.{" "}
            <a href={`/poles/${resource.pole.slug}/charte`}>Rejoignez d'abord le pôle</a> en acceptant sa charte.
          </p>
        ) : !resource.active ? (
          <p>Cette ressource n'est pas proposée en ce moment.</p>
        ) : (
          <ConformForm form={form} intent="request" aria-labelledby="reserver-titre">
            <p className="hint">Heures de Paris. La période doit tenir dans les horaires d'ouverture, hors fermetures et réservations acceptées.</p>
            <TextField meta={fields.startsAt} type="datetime-local" label="Début" />
            <TextField meta={fields.endsAt} type="datetime-local" label="Fin" />
            <TextAreaField meta={fields.message} label="Message pour la personne qui prête (facultatif)" hint="Pour quoi faire, combien de personnes, comment vous comptez venir." rows={3} />
            <SubmitButton>Demander la réservation</SubmitButton>
          </ConformForm>
        )}
      </section>
    </div>
  );
}
