import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { EventCards } from "~/components/event-cards";
import { formatTimeRange } from "~/domain/format";
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

export const meta: MetaFunction = () => [
  { title: "Agenda des pôles — Maillon" },
  { name: "description", content: "Les rendez-vous des pôles territoriaux de coopération économique : comités de pilotage, groupes de travail, ateliers." },
];

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
  return redirectWithFlash(
    "/agenda#mon-agenda",
    hadOne ? "Votre agenda a une nouvelle adresse ; l'ancienne ne fonctionne plus. Abonnez votre calendrier à la nouvelle." : "Votre agenda a maintenant son adresse : abonnez-y votre calendrier.",
  );
}

export default function Agenda() {
  const { poles, chosen, upcoming, past, mine, organises } = useLoaderData<typeof loader>();
  return (
    <div className="container">
      <h1>Agenda des pôles</h1>
      <p>
        Comités de pilotage, réunions des groupes de travail, ateliers : les rendez-vous des pôles. Les rendez-vous réservés aux membres d'un pôle
        n'apparaissent qu'à ses membres.
      </p>
      {organises ? (
        <p className="actions">
          <Link className="button" to="/agenda/nouveau">
            Organiser un rendez-vous
          </Link>
        </p>
      ) : null}
      <Form method="get" className="form" aria-label="Filtrer l'agenda">
        <FilterSelect name="pole" label="Pôle" all="Tous les pôles" value={chosen?.slug} options={poles.map((p) => ({ value: p.slug, label: p.name }))} />
        <div>
          <button type="submit" className="button button--ghost">
            Filtrer
          </button>
        </div>
      </Form>
      {chosen ? (
        <p>
          <a href={`/poles/${chosen.slug}/agenda.ics`}>S'abonner à l'agenda du {chosen.name} (.ics)</a>
        </p>
      ) : null}

      <section aria-labelledby="a-venir">
        <h2 id="a-venir">À venir{chosen ? ` — ${chosen.name}` : ""}</h2>
        <EventCards events={upcoming} empty="Aucun rendez-vous à venir pour l'instant." showPole={!chosen} />
      </section>

      {mine ? (
        <section aria-labelledby="mon-agenda" id="mon-agenda-section">
          <h2 id="mon-agenda">Mon agenda</h2>
          {mine.registrations.length === 0 ? (
            <p>Vous n'êtes inscrit à aucun rendez-vous à venir.</p>
          ) : (
            <ul>
              {mine.registrations.map((r) => (
                <li key={r.eventId}>
                  <a href={`/agenda/${r.eventId}`}>{r.title}</a>, {formatTimeRange(new Date(r.startsAt), new Date(r.endsAt))}
                  {r.eventStatus === "annule" ? " — annulé" : r.status === "attente" ? " — liste d'attente" : ""}
                </li>
              ))}
            </ul>
          )}
          <h3>Dans mon calendrier</h3>
          {mine.feedUrl ? (
            <>
              <p>
                Abonnez votre calendrier (téléphone, Thunderbird, Outlook…) à cette adresse : il montrera les rendez-vous où vous avez une place,
                y compris ceux réservés aux membres. Gardez-la pour vous ; si elle a circulé, renouvelez-la.
              </p>
              <p>
                <label htmlFor="adresse-flux">Adresse de mon agenda</label>{" "}
                <input id="adresse-flux" type="text" readOnly value={mine.feedUrl} size={60} />
              </p>
            </>
          ) : (
            <p>Créez l'adresse secrète de votre agenda pour y abonner votre calendrier.</p>
          )}
          <Form method="post" className="form">
            <input type="hidden" name="intent" value="renew-feed" />
            <button type="submit" className="button button--ghost">
              {mine.feedUrl ? "Renouveler l'adresse" : "Créer l'adresse de mon agenda"}
            </button>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="passees">
        <h2 id="passees">Rencontres passées</h2>
        <EventCards events={past} empty="Aucune rencontre passée." past showPole={!chosen} />
      </section>
    </div>
  );
}
