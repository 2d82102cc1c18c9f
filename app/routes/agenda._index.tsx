import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { EventCards } from "~/components/event-cards";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { feedTokenFor, renewFeedToken } from "~/models/calendar-feed.server";
import { eventViewer, listEvents, organisablePoles } from "~/models/event.server";
import { myUpcomingRegistrations } from "~/models/event-registration.server";
import { memberPoleIds } from "~/models/pole-member.server";
import { listTerritoryRefs } from "~/models/territory.server";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyRefused, UNKNOWN_INTENT } from "~/utils/reply.server";
import { FilterSelect } from "~/components/ui/filter-select";
import { readFormData } from "~/utils/http.server";
import { useFormat, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaText(matches).agenda.index;
  return [{ title: t.metaTitle }, { name: "description", content: t.metaDescription }];
};

const PAST_SHOWN = 20;

export function loader({ request }: LoaderFunctionArgs) {
  const { auth } = authorize(request, "agenda._index");
  const db = getDb();
  const now = new Date();
  const poles = listTerritoryRefs(db);
  const slug = new URL(request.url).searchParams.get("pole");
  const chosen = poles.find((p) => p.slug === slug) ?? null;
  const viewer = eventViewer(auth, auth ? memberPoleIds(db, auth.user.id) : []);
  const territoryIds = chosen ? [chosen.id] : undefined;
  const token = auth ? feedTokenFor(db, auth.user.id) : null;
  return {
    poles: poles.map((p) => ({ slug: p.slug, name: p.name })),
    chosen: chosen ? { slug: chosen.slug, name: chosen.name } : null,
    upcoming: listEvents(db, { viewer, now, when: "upcoming", territoryIds, limit: 100 }),
    past: listEvents(db, { viewer, now, when: "past", territoryIds, limit: PAST_SHOWN }),
    mine: auth
      ? {
          registrations: myUpcomingRegistrations(db, auth.user.id, now),
          feedUrl: token ? new URL(`/agenda/flux/${token}.ics`, getEnv().PUBLIC_URL).toString() : null,
        }
      : null,
    organises: auth ? organisablePoles(db, auth).length > 0 : false,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  signInFirst(request, "agenda._index");
  const formData = await readFormData(request);
  const permit = authorize(request, "agenda._index", formData);
  if (permit.intent !== "renew-feed") return replyRefused(UNKNOWN_INTENT);
  const hadOne = feedTokenFor(getDb(), permit.auth.user.id) !== null;
  renewFeedToken(getDb(), permit.auth.user.id, new Date());
  const t = requestText(request).t.agenda.index;
  return redirectWithFlash("/agenda#mon-agenda", hadOne ? t.feedRenewed : t.feedCreated);
}

export default function Agenda() {
  const { poles, chosen, upcoming, past, mine, organises } = useLoaderData<typeof loader>();
  const t = useT().agenda.index;
  const format = useFormat();
  return (
    <div className="container">
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {organises ? (
        <p className="actions">
          <Link className="button" to="/agenda/nouveau">
            {t.organise}
          </Link>
        </p>
      ) : null}
      <Form method="get" className="form" aria-label={t.filterLabel}>
        <FilterSelect name="pole" label={t.pole} all={t.allPoles} value={chosen?.slug} options={poles.map((p) => ({ value: p.slug, label: p.name }))} />
        <div>
          <button type="submit" className="button button--ghost">
            {t.filter}
          </button>
        </div>
      </Form>
      {chosen ? (
        <p>
          <a href={`/poles/${chosen.slug}/agenda.ics`}>{t.subscribePole(chosen.name)}</a>
        </p>
      ) : null}

      <section aria-labelledby="a-venir">
        <h2 id="a-venir">{t.upcoming}{chosen ? ` — ${chosen.name}` : ""}</h2>
        <EventCards events={upcoming} empty={t.noUpcoming} showPole={!chosen} />
      </section>

      {mine ? (
        <section aria-labelledby="mon-agenda" id="mon-agenda-section">
          <h2 id="mon-agenda">{t.mine}</h2>
          {mine.registrations.length === 0 ? (
            <p>{t.noRegistration}</p>
          ) : (
            <ul>
              {mine.registrations.map((r) => (
                <li key={r.eventId}>
                  <a href={`/agenda/${r.eventId}`}>{r.title}</a>, {format.timeRange(new Date(r.startsAt), new Date(r.endsAt))}
                  {r.eventStatus === "annule" ? t.cancelled : r.status === "attente" ? t.waiting : ""}
                </li>
              ))}
            </ul>
          )}
          <h3>{t.inMyCalendar}</h3>
          {mine.feedUrl ? (
            <>
              <p>{t.feedIntro}</p>
              <p>
                <label htmlFor="adresse-flux">{t.feedAddress}</label>{" "}
                <input id="adresse-flux" type="text" readOnly value={mine.feedUrl} size={60} />
              </p>
            </>
          ) : (
            <p>{t.noFeed}</p>
          )}
          <Form method="post" className="form">
            <input type="hidden" name="intent" value="renew-feed" />
            <button type="submit" className="button button--ghost">
              {mine.feedUrl ? t.renewFeed : t.createFeed}
            </button>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="passees">
        <h2 id="passees">{t.past}</h2>
        <EventCards events={past} empty={t.noPast} past showPole={!chosen} />
      </section>
    </div>
  );
}
