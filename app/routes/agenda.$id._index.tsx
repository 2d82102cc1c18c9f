import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useFormReply } from "~/utils/reply";
import { EVENT_VISIBILITY_LABELS, eventJsonLd, placesLeft } from "~/domain/agenda";
import { formatDateTime, formatInteger, formatTimeRange, plural } from "~/domain/format";
import { jsonForScript } from "~/domain/poles";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { loadVisibleEvent } from "~/guards/event.server";
import { getCommune } from "~/models/commune.server";
import { cancelRegistration, listRegistrations, recordAttendance, registerToEvent, registrationOf } from "~/models/event-registration.server";
import { attendanceSchema } from "~/schemas/agenda";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyInvalid, replyRefused, UNKNOWN_INTENT } from "~/utils/reply.server";
import { readFormData } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.event.title} — Agenda — Maillon` : "Rendez-vous introuvable — Maillon" },
];

export function loader({ request, params }: LoaderFunctionArgs) {
  const permit = authorize(request, "agenda.$id._index");
  const { event, manages } = loadVisibleEvent(permit, params.id);
  const db = getDb();
  const now = new Date();
  const { auth } = permit;
  const base = getEnv().PUBLIC_URL;
  const commune = event.commune ? getCommune(db, event.commune.code) : undefined;
  const jsonLd = jsonForScript(
    eventJsonLd({
      url: new URL(`/agenda/${event.id}`, base).toString(),
      name: event.title,
      description: event.description,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      cancelled: event.status === "annule",
      address: event.address,
      communeName: event.commune?.name ?? null,
      postalCode: commune?.postalCodes[0] ?? null,
      onlineUrl: event.onlineUrl,
      organiser: { name: event.pole.name, url: new URL(`/poles/${event.pole.slug}`, base).toString() },
    }),
  );
  const registrations = manages ? listRegistrations(db, event.id) : null;
  return {
    event: {
      ...event,
      placesLeft: placesLeft(event.capacity, event.registered),
      started: event.startsAt.getTime() <= now.getTime(),
      past: event.endsAt.getTime() < now.getTime(),
    },
    signedIn: !!auth,
    mine: auth ? registrationOf(db, event.id, auth.user.id) : null,
    manages,
    registrations: registrations
      ? {
          registered: registrations.registered.map((r) => ({ userId: r.userId, displayName: r.displayName, communeName: r.communeName, attended: r.attended })),
          waiting: registrations.waiting.map((r) => ({ userId: r.userId, displayName: r.displayName, queuedAt: r.queuedAt })),
        }
      : null,
    jsonLd,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  signInFirst(request, "agenda.$id._index");
  const formData = await readFormData(request);
  const permit = authorize(request, "agenda.$id._index", formData);
  const { event } = loadVisibleEvent(permit, params.id);
  const { auth } = permit;
  const db = getDb();
  const now = new Date();
  const here = `/agenda/${event.id}`;
  switch (permit.intent) {
    case "register": {
      const outcome = registerToEvent(db, auth, event.id, now);
      if (!outcome.ok) return replyRefused(outcome, { formId: "inscription" });
      return redirectWithFlash(
        here,
        outcome.status === "inscrit"
          ? "Vous êtes inscrit. Le rendez-vous est dans votre agenda Maillon."
          : `Le rendez-vous est complet : vous êtes sur la liste d'attente, en position ${outcome.position}. Vous serez prévenu si une place se libère.`,
      );
    }
    case "unregister": {
      const outcome = cancelRegistration(db, auth.user.id, event.id, now);
      if (!outcome.ok) return replyRefused(outcome, { formId: "inscription" });
      return redirectWithFlash(here, outcome.was === "inscrit" ? "Votre place est libérée. Merci de l'avoir signalé." : "Vous avez quitté la liste d'attente.");
    }
    case "attendance": {
      const submission = parseWithZod(formData, { schema: attendanceSchema });
      if (submission.status !== "success") return replyInvalid(submission, { formId: "presences" });
      const outcome = recordAttendance(db, auth, event.id, submission.value.present ?? [], now);
      if (!outcome.ok) return replyRefused(outcome, { formId: "presences" });
      return redirectWithFlash(`${here}#inscrits`, `Présences enregistrées : ${plural(outcome.present, "personne présente", "personnes présentes")}.`);
    }
    default:
      return replyRefused(UNKNOWN_INTENT);
  }
}

function RegistrationBox() {
  const { event, mine, signedIn } = useLoaderData<typeof loader>();
  const reply = useFormReply("inscription");
  const here = `/agenda/${event.id}`;
  if (event.status === "annule") return <p>Ce rendez-vous est annulé : les inscriptions sont fermées.</p>;
  if (event.past) return <p>Ce rendez-vous a eu lieu.</p>;
  const holds = mine?.status === "inscrit" || mine?.status === "attente";
  return (
    <>
      {reply.message ? (
        <div className="alert alert--error" role="alert">
          {reply.message}
        </div>
      ) : null}
      {mine?.status === "inscrit" ? <p>Vous êtes inscrit à ce rendez-vous.</p> : null}
      {mine?.status === "attente" ? (
        <p>
          Vous êtes sur la liste d'attente, en position {formatInteger(mine.position ?? 1)}. Vous serez prévenu dès qu'une place se libère.
        </p>
      ) : null}
      {!signedIn ? (
        <p>
          <Link to={`/connexion?redirectTo=${here}`}>Connectez-vous</Link> pour vous inscrire.
        </p>
      ) : holds ? (
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="unregister" />
          <button type="submit" className="button button--ghost">
            {mine?.status === "inscrit" ? "Me désinscrire" : "Quitter la liste d'attente"}
          </button>
        </Form>
      ) : event.started ? (
        <p>Ce rendez-vous a commencé : les inscriptions sont fermées.</p>
      ) : (
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="register" />
          <button type="submit" className="button">
            {event.placesLeft === 0 ? "M'inscrire sur la liste d'attente" : "M'inscrire"}
          </button>
        </Form>
      )}
    </>
  );
}

function Registrations() {
  const { event, registrations } = useLoaderData<typeof loader>();
  const reply = useFormReply("presences");
  if (!registrations) return null;
  return (
    <section aria-labelledby="inscrits">
      <h2 id="inscrits">Personnes inscrites ({formatInteger(registrations.registered.length)})</h2>
      <p>
        <a href={`/agenda/${event.id}/inscrits.csv`} download>
          Télécharger la liste (CSV)
        </a>
      </p>
      {registrations.registered.length === 0 ? (
        <p>Personne n'est encore inscrit.</p>
      ) : event.started && event.status !== "annule" ? (
        <Form method="post" className="form" aria-labelledby="presences-titre">
          <h3 id="presences-titre">Présences</h3>
          {reply.message ? (
            <div className="alert alert--error" role="alert">
              {reply.message}
            </div>
          ) : null}
          <input type="hidden" name="intent" value="attendance" />
          <fieldset>
            <legend>Cochez les personnes venues</legend>
            <div className="checkbox-list">
              {registrations.registered.map((r) => (
                <label key={r.userId}>
                  <input type="checkbox" name="present" value={r.userId} defaultChecked={r.attended === true} />
                  <span>
                    {r.displayName}
                    {r.communeName ? ` (${r.communeName})` : ""}
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          <div>
            <button type="submit" className="button">
              Enregistrer les présences
            </button>
          </div>
        </Form>
      ) : (
        <ul>
          {registrations.registered.map((r) => (
            <li key={r.userId}>
              {r.displayName}
              {r.communeName ? ` (${r.communeName})` : ""}
            </li>
          ))}
        </ul>
      )}
      <h3>Liste d'attente ({formatInteger(registrations.waiting.length)})</h3>
      {registrations.waiting.length === 0 ? (
        <p>Personne n'attend.</p>
      ) : (
        <ol>
          {registrations.waiting.map((r) => (
            <li key={r.userId}>
              {r.displayName} <span className="hint">(depuis le {formatDateTime(r.queuedAt)})</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export default function EventPage() {
  const { event, manages, jsonLd } = useLoaderData<typeof loader>();
  const cancelled = event.status === "annule";
  return (
    <div className="container">
      <p className="eyebrow">
        <Link to="/agenda">Agenda</Link> · <Link to={`/poles/${event.pole.slug}`}>{event.pole.name}</Link>
        {event.group ? (
          <>
            {" "}
            · <Link to={`/poles/${event.pole.slug}/groupes/${event.group.slug}`}>{event.group.name}</Link>
          </>
        ) : null}
      </p>
      <h1>{event.title}</h1>
      {cancelled ? (
        <div className="alert alert--error">
          <p>
            <strong>Rendez-vous annulé.</strong> {event.cancelReason}
          </p>
        </div>
      ) : null}
      <dl className="details">
        <dt>Quand</dt>
        <dd>
          <time dateTime={new Date(event.startsAt).toISOString()}>{formatTimeRange(event.startsAt, event.endsAt)}</time> (heure de Paris)
        </dd>
        <dt>Où</dt>
        <dd>
          {event.address || event.commune ? [event.address, event.commune?.name].filter(Boolean).join(", ") : null}
          {(event.address || event.commune) && event.onlineUrl ? " — et " : null}
          {event.onlineUrl ? (
            <>
              en ligne :{" "}
              <a href={event.onlineUrl} rel="noopener noreferrer">
                {event.onlineUrl}
              </a>
            </>
          ) : null}
        </dd>
        <dt>Organisé par</dt>
        <dd>
          {event.pole.name}
          {event.organiser ? ` (${event.organiser.displayName})` : ""}
        </dd>
        {event.axis ? (
          <>
            <dt>Axe</dt>
            <dd>{event.axis.name}</dd>
          </>
        ) : null}
        {event.group ? (
          <>
            <dt>Groupe de travail</dt>
            <dd>
              <Link to={`/poles/${event.pole.slug}/groupes/${event.group.slug}`}>{event.group.name}</Link>
            </dd>
          </>
        ) : null}
        <dt>Qui peut venir</dt>
        <dd>{EVENT_VISIBILITY_LABELS[event.visibility]}</dd>
        <dt>Places</dt>
        <dd>
          {event.capacity === null
            ? `Sans limite de places — ${plural(event.registered, "personne inscrite", "personnes inscrites")}`
            : `${plural(event.capacity, "place")}, ${event.placesLeft === 0 ? "complet" : `${plural(event.placesLeft ?? 0, "place restante", "places restantes")}`}${event.waiting > 0 ? ` — ${plural(event.waiting, "personne", "personnes")} en liste d'attente` : ""}`}
        </dd>
        {event.past && !cancelled ? (
          <>
            <dt>Présents</dt>
            <dd>{event.attended > 0 ? plural(event.attended, "personne", "personnes") : "Présences non notées"}</dd>
          </>
        ) : null}
      </dl>
      {event.description ? (
        <section aria-labelledby="presentation">
          <h2 id="presentation">Présentation</h2>
          {event.description.split(/\n{2,}/).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </section>
      ) : null}

      <section aria-labelledby="inscription">
        <h2 id="inscription">Inscription</h2>
        <RegistrationBox />
        <p>
          <a href={`/agenda/${event.id}.ics`}>Ajouter à mon calendrier (.ics)</a>
        </p>
      </section>

      {manages ? (
        <>
          <p className="actions">
            {!cancelled ? (
              <Link className="button button--ghost" to={`/agenda/${event.id}/modifier`}>
                Modifier ou annuler le rendez-vous
              </Link>
            ) : null}
          </p>
          <Registrations />
        </>
      ) : null}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd }} />
    </div>
  );
}
