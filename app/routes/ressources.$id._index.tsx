import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { TextAreaField, TextField } from "~/components/ui/field";
import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import type { Formats } from "~/domain/format";
import { isStaffOf } from "~/domain/permissions";
import { parisIsoDate } from "~/domain/paris-time";
import type { Closure, OpenRange } from "~/domain/resource-booking";
import { termsText } from "~/components/resource-cards";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { loadResource } from "~/guards/resource.server";
import { isMemberOfAny } from "~/models/pole-member.server";
import { acceptedBookings, requestBooking } from "~/models/resource-booking.server";
import { bookingRequestSchema } from "~/schemas/resource";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyInvalid, replyRefused, UNKNOWN_INTENT } from "~/utils/reply.server";
import { readFormData } from "~/utils/http.server";
import { useFormat, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import type { Messages } from "~/i18n/messages";
import { requestText } from "~/utils/locale.server";
import { DataTable } from "~/components/ui/data-table";
import { SignInLink } from "~/components/sign-in-link";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaText(matches).resources.page;
  return [{ title: data ? t.metaTitle(data.resource.title) : t.notFoundTitle }];
};

/** How far ahead the calendar of accepted bookings looks. */
const CALENDAR_WEEKS = 8;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** The week, Monday first: the day's name and « 9 h – 12 h 30, 14 h – 18 h », or null when closed that day. */
function openHoursByWeekday(t: Messages["resources"]["shared"], ranges: readonly OpenRange[]) {
  return t.weekdays.map((label, weekday) => {
    const day = ranges.filter((r) => r.weekday === weekday).sort((a, b) => a.opensAt - b.opensAt);
    return { weekday, label, hours: day.length > 0 ? day.map((r) => t.range(t.time(r.opensAt), t.time(r.closesAt))).join(", ") : null };
  });
}

function closureText(t: Messages["resources"]["shared"], format: Formats, c: Closure): string {
  return t.closure(format.isoDate(c.startsOn), c.startsOn === c.endsOn ? null : format.isoDate(c.endsOn), c.reason);
}

export function loader({ request, params }: LoaderFunctionArgs) {
  const permit = authorize(request, "ressources.$id._index");
  const { resource, manages } = loadResource(permit, params.id);
  const db = getDb();
  const now = new Date();
  const { auth } = permit;
  const today = parisIsoDate(now);
  const { t, format } = requestText(request);
  const shared = t.resources.shared;
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
      terms: termsText(shared, format, resource),
      termsNote: resource.termsNote,
      hours: openHoursByWeekday(shared, resource.openHours),
      closures: resource.closures.filter((c) => c.endsOn >= today).map((c) => ({ id: c.id, text: closureText(shared, format, c) })),
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
  const t = requestText(request).t.resources.page;
  return redirectWithFlash("/ressources/reservations", t.requested(resource.title, resource.organisation ? resource.organisation.name : resource.ownerName));
}

export default function ResourcePage() {
  const { resource, calendar, calendarUntil, viewer } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(bookingRequestSchema, { id: "reserver" });
  const { resources: text, vocabulary } = useT();
  const t = text.page;
  const format = useFormat();
  return (
    <div className="container">
      <p className="eyebrow">
        <a href="/ressources">{text.shared.breadcrumb}</a> · <a href={`/poles/${resource.pole.slug}`}>{resource.pole.name}</a>
      </p>
      <h1>{resource.title}</h1>
      {!resource.active ? <p className="alert">{t.inactive}</p> : null}
      <p>{resource.description}</p>
      <dl className="details">
        <dt>{t.kind}</dt>
        <dd>{vocabulary.resourceKind[resource.kind]}</dd>
        <dt>{t.pole}</dt>
        <dd>
          <a href={`/poles/${resource.pole.slug}`}>{resource.pole.name}</a>
        </dd>
        {resource.communeName ? (
          <>
            <dt>{t.commune}</dt>
            <dd>{resource.communeName}</dd>
          </>
        ) : null}
        <dt>{t.lentBy}</dt>
        <dd>
          {resource.organisation ? (
            <>
              <a href={`/organisations/${resource.organisation.slug}`}>{resource.organisation.name}</a>
              {t.contact(resource.ownerName)}
            </>
          ) : (
            resource.ownerName
          )}
        </dd>
        <dt>{t.terms}</dt>
        <dd>
          {resource.terms}
          {resource.termsNote ? ` — ${resource.termsNote}` : ""}
        </dd>
      </dl>
      {viewer?.manages ? (
        <p className="actions">
          <a className="button button--ghost" href={`/ressources/${resource.id}/modifier`}>
            {t.edit}
          </a>{" "}
          <a href="/ressources/reservations">{t.answer}</a>
        </p>
      ) : null}

      <section aria-labelledby="horaires">
        <h2 id="horaires">{t.hours}</h2>
        <ul>
          {resource.hours.map((d) => (
            <li key={d.weekday}>
              {text.shared.dayHours(d.label, d.hours ?? text.shared.closed)}
            </li>
          ))}
        </ul>
        <h3>{t.closures}</h3>
        {resource.closures.length === 0 ? (
          <p>{t.noClosure}</p>
        ) : (
          <ul>
            {resource.closures.map((c) => (
              <li key={c.id}>{t.closedOn(c.text)}</li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="calendrier">
        <h2 id="calendrier">{t.accepted}</h2>
        {calendar.length === 0 ? (
          <p>{t.noneAccepted(format.date(new Date(calendarUntil)))}</p>
        ) : (
          <DataTable caption={t.caption(format.date(new Date(calendarUntil)))}>
            <thead>
              <tr>
                <th scope="col">{t.start}</th>
                <th scope="col">{t.end}</th>
                <th scope="col">{t.bookedBy}</th>
              </tr>
            </thead>
            <tbody>
              {calendar.map((b) => (
                <tr key={b.id}>
                  <td>{format.dateTime(new Date(b.startsAt))}</td>
                  <td>{format.dateTime(new Date(b.endsAt))}</td>
                  <td>{b.who ?? t.aMember}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>

      <section aria-labelledby="reserver-titre">
        <h2 id="reserver-titre">{t.book}</h2>
        {!viewer ? (
          <p>
            <SignInLink to={`/ressources/${resource.id}`}>{t.signIn}</SignInLink>
            {t.signInAfter}
          </p>
        ) : viewer.owns ? (
          <p>
            {t.ownBefore}
            <a href="/ressources/reservations">{t.ownLink}</a>
            {t.ownAfter}
          </p>
        ) : !viewer.mayRequest ? (
          <p>
            {t.membersOnly(resource.pole.name)}{" "}
            <a href={`/poles/${resource.pole.slug}/charte`}>{t.joinLink}</a>
            {t.joinAfter}
          </p>
        ) : !resource.active ? (
          <p>{t.notOffered}</p>
        ) : (
          <ConformForm form={form} intent="request" aria-labelledby="reserver-titre">
            <p className="hint">{t.bookingHint}</p>
            <TextField meta={fields.startsAt} type="datetime-local" label={t.startsAt} />
            <TextField meta={fields.endsAt} type="datetime-local" label={t.endsAt} />
            <TextAreaField meta={fields.message} label={t.message} hint={t.messageHint} rows={3} />
            <SubmitButton>{t.submit}</SubmitButton>
          </ConformForm>
        )}
      </section>
    </div>
  );
}
