import { CardList } from "~/components/ui/card-list";
import { formatInteger, formatTimeRange, plural } from "~/domain/format";
import type { EventVisibility, EventStatus } from "~/domain/vocabulary";

export type EventCard = {
  id: number;
  title: string;
  startsAt: Date | string;
  endsAt: Date | string;
  pole: { name: string };
  group: { name: string } | null;
  address: string | null;
  commune: { name: string } | null;
  onlineUrl: string | null;
  capacity: number | null;
  registered: number;
  waiting: number;
  attended: number;
  visibility: EventVisibility;
  status: EventStatus;
};

function placeOf(e: EventCard): string {
  const place = [e.address, e.commune?.name].filter(Boolean).join(", ");
  return [place, e.onlineUrl ? "en ligne" : ""].filter(Boolean).join(" et ");
}

/** Events as cards: when, where, of which pôle or group, places left; `past` shows attendance instead. */
export function EventCards({ events, empty, past = false, showPole = true, headingLevel = 3 }: { events: readonly EventCard[]; empty: string; past?: boolean; showPole?: boolean; headingLevel?: 3 | 4 }) {
  return (
    <CardList items={events} empty={empty} headingLevel={headingLevel} link={(e) => ({ key: e.id, href: `/agenda/${e.id}`, title: e.title })}>
      {(e) => (
        <>
          <p>
            {e.status === "annule" ? <span className="badge badge--muted">Annulé</span> : null}
            {e.visibility === "membres" ? <span className="badge badge--info">Membres du pôle</span> : null}{" "}
            <time dateTime={new Date(e.startsAt).toISOString()}>{formatTimeRange(new Date(e.startsAt), new Date(e.endsAt))}</time>
          </p>
          <p className="hint">
            {[showPole ? e.pole.name : "", e.group ? `groupe « ${e.group.name} »` : "", placeOf(e)].filter(Boolean).join(" · ")}
          </p>
          {past ? (
            <p>
              {e.status === "annule"
                ? "N'a pas eu lieu."
                : e.attended > 0
                  ? `${plural(e.attended, "personne présente", "personnes présentes")} sur ${plural(e.registered, "inscrite", "inscrites")}`
                  : `${plural(e.registered, "personne inscrite", "personnes inscrites")}`}
            </p>
          ) : e.status !== "annule" ? (
            <p>
              {e.capacity === null
                ? plural(e.registered, "personne inscrite", "personnes inscrites")
                : e.registered >= e.capacity
                  ? `Complet${e.waiting > 0 ? ` — ${formatInteger(e.waiting)} en liste d'attente` : ""}`
                  : plural(e.capacity - e.registered, "place restante", "places restantes")}
            </p>
          ) : null}
        </>
      )}
    </CardList>
  );
}
