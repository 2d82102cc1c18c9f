import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useFormReply } from "~/utils/reply";
import { eventJsonLd, placesLeft } from "~/domain/agenda";
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
import { useFormat, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaText(matches).agenda.event;
  return [{ title: data ? t.metaTitle(data.event.title) : t.notFoundTitle }];
};

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
  const { t: text, format } = requestText(request);
  const t = text.agenda.event;
  switch (permit.intent) {
    case "register": {
      const outcome = registerToEvent(db, auth, event.id, now);
      if (!outcome.ok) return replyRefused(outcome, { formId: "inscription" });
      return redirectWithFlash(
        here,
        outcome.status === "inscrit" ? t.registeredFlash : t.waitingFlash(format.integer(outcome.position ?? 1)),
      );
    }
    case "unregister": {
      const outcome = cancelRegistration(db, auth.user.id, event.id, now);
      if (!outcome.ok) return replyRefused(outcome, { formId: "inscription" });
      return redirectWithFlash(here, outcome.was === "inscrit" ? t.placeFreed : t.leftWaiting);
    }
    case "attendance": {
      const submission = parseWithZod(formData, { schema: attendanceSchema });
      if (submission.status !== "success") return replyInvalid(submission, { formId: "presences" });
      const outcome = recordAttendance(db, auth, event.id, submission.value.present ?? [], now);
      if (!outcome.ok) return replyRefused(outcome, { formId: "presences" });
      return redirectWithFlash(`${here}#inscrits`, t.attendanceSaved(outcome.present, format.integer(outcome.present)));
    }
    default:
      return replyRefused(UNKNOWN_INTENT);
  }
}

function RegistrationBox() {
  const { event, mine, signedIn } = useLoaderData<typeof loader>();
  const reply = useFormReply("inscription");
  const t = useT().agenda.event;
  const format = useFormat();
  const here = `/agenda/${event.id}`;
  if (event.status === "annule") return <p>{t.cancelledClosed}</p>;
  if (event.past) return <p>{t.happened}</p>;
  const holds = mine?.status === "inscrit" || mine?.status === "attente";
  return (
    <>
      {reply.message ? (
        <div className="alert alert--error" role="alert">
          {reply.message}
        </div>
      ) : null}
      {mine?.status === "inscrit" ? <p>{t.youAreRegistered}</p> : null}
      {mine?.status === "attente" ? (
        <p>{t.youAreWaiting(format.integer(mine.position ?? 1))}</p>
      ) : null}
      {!signedIn ? (
        <p>
          <Link to={`/connexion?redirectTo=${here}`}>{t.signIn}</Link>
          {t.signInToRegister}
        </p>
      ) : holds ? (
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="unregister" />
          <button type="submit" className="button button--ghost">
            {mine?.status === "inscrit" ? t.unregister : t.leaveWaiting}
          </button>
        </Form>
      ) : event.started ? (
        <p>{t.startedClosed}</p>
      ) : (
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="register" />
          <button type="submit" className="button">
            {event.placesLeft === 0 ? t.registerWaiting : t.register}
          </button>
        </Form>
      )}
    </>
  );
}

function Registrations() {
  const { event, registrations } = useLoaderData<typeof loader>();
  const reply = useFormReply("presences");
  const t = useT().agenda.event;
  const format = useFormat();
  if (!registrations) return null;
  return (
    <section aria-labelledby="inscrits">
      <h2 id="inscrits">{t.registeredTitle(format.integer(registrations.registered.length))}</h2>
      <p>
        <a href={`/agenda/${event.id}/inscrits.csv`} download>
          {t.downloadList}
        </a>
      </p>
      {registrations.registered.length === 0 ? (
        <p>{t.nobodyRegistered}</p>
      ) : event.started && event.status !== "annule" ? (
        <Form method="post" className="form" aria-labelledby="presences-titre">
          <h3 id="presences-titre">{t.attendance}</h3>
          {reply.message ? (
            <div className="alert alert--error" role="alert">
              {reply.message}
            </div>
          ) : null}
          <input type="hidden" name="intent" value="attendance" />
          <fieldset>
            <legend>{t.tickAttendees}</legend>
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
              {t.saveAttendance}
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
      <h3>{t.waitingTitle(format.integer(registrations.waiting.length))}</h3>
      {registrations.waiting.length === 0 ? (
        <p>{t.nobodyWaiting}</p>
      ) : (
        <ol>
          {registrations.waiting.map((r) => (
            <li key={r.userId}>
              {r.displayName} <span className="hint">{t.waitingSince(format.dateTime(r.queuedAt))}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export default function EventPage() {
  const { event, manages, jsonLd } = useLoaderData<typeof loader>();
  const { agenda, vocabulary } = useT();
  const t = agenda.event;
  const format = useFormat();
  const cancelled = event.status === "annule";
  return (
    <div className="container">
      <p className="eyebrow">
        <Link to="/agenda">{t.agenda}</Link> · <Link to={`/poles/${event.pole.slug}`}>{event.pole.name}</Link>
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
            <strong>{t.cancelled}</strong> {event.cancelReason}
          </p>
        </div>
      ) : null}
      <dl className="details">
        <dt>{t.when}</dt>
        <dd>
          <time dateTime={new Date(event.startsAt).toISOString()}>{format.timeRange(event.startsAt, event.endsAt)}</time>
          {t.parisTime}
        </dd>
        <dt>{t.where}</dt>
        <dd>
          {event.address || event.commune ? [event.address, event.commune?.name].filter(Boolean).join(", ") : null}
          {(event.address || event.commune) && event.onlineUrl ? t.andOnline : null}
          {event.onlineUrl ? (
            <>
              {t.online}{" "}
              <a href={event.onlineUrl} rel="noopener noreferrer">
                {event.onlineUrl}
              </a>
            </>
          ) : null}
        </dd>
        <dt>{t.organisedBy}</dt>
        <dd>
          {event.pole.name}
          {event.organiser ? ` (${event.organiser.displayName})` : ""}
        </dd>
        {event.axis ? (
          <>
            <dt>{t.axis}</dt>
            <dd>{event.axis.name}</dd>
          </>
        ) : null}
        {event.group ? (
          <>
            <dt>{t.group}</dt>
            <dd>
              <Link to={`/poles/${event.pole.slug}/groupes/${event.group.slug}`}>{event.group.name}</Link>
            </dd>
          </>
        ) : null}
        <dt>{t.whoCanCome}</dt>
        <dd>{vocabulary.eventVisibility[event.visibility]}</dd>
        <dt>{t.places}</dt>
        <dd>
          {event.capacity === null
            ? t.unlimited(agenda.cards.registered(event.registered, format.integer(event.registered)))
            : `${t.capacity(event.capacity, format.integer(event.capacity))}, ${event.placesLeft === 0 ? t.full : agenda.cards.placesLeft(event.placesLeft ?? 0, format.integer(event.placesLeft ?? 0))}${event.waiting > 0 ? t.waitingCount(event.waiting, format.integer(event.waiting)) : ""}`}
        </dd>
        {event.past && !cancelled ? (
          <>
            <dt>{t.present}</dt>
            <dd>{event.attended > 0 ? t.people(event.attended, format.integer(event.attended)) : t.attendanceNotTaken}</dd>
          </>
        ) : null}
      </dl>
      {event.description ? (
        <section aria-labelledby="presentation">
          <h2 id="presentation">{t.presentation}</h2>
          {event.description.split(/\n{2,}/).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </section>
      ) : null}

      <section aria-labelledby="inscription">
        <h2 id="inscription">{t.registration}</h2>
        <RegistrationBox />
        <p>
          <a href={`/agenda/${event.id}.ics`}>{t.addToCalendar}</a>
        </p>
      </section>

      {manages ? (
        <>
          <p className="actions">
            {!cancelled ? (
              <Link className="button button--ghost" to={`/agenda/${event.id}/modifier`}>
                {t.editOrCancel}
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
