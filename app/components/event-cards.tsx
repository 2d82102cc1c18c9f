import { CardList } from "~/components/ui/card-list";
import { useFormat, useT } from "~/i18n/context";
import type { Messages } from "~/i18n/messages";
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

function placeOf(e: EventCard, t: Messages["agenda"]["cards"]): string {
  const place = [e.address, e.commune?.name].filter(Boolean).join(", ");
  return [place, e.onlineUrl ? t.online : ""].filter(Boolean).join(t.placeAnd);
}

/** Events as cards: when, where, of which pôle or group, places left; `past` shows attendance instead. */
export function EventCards({ events, empty, past = false, showPole = true, headingLevel = 3 }: { events: readonly EventCard[]; empty: string; past?: boolean; showPole?: boolean; headingLevel?: 3 | 4 }) {
  const t = useT().agenda.cards;
  const format = useFormat();
  return (
    <CardList items={events} empty={empty} headingLevel={headingLevel} link={(e) => ({ key: e.id, href: `/agenda/${e.id}`, title: e.title })}>
      {(e) => (
        <>
          <p>
            {e.status === "annule" ? <span className="badge badge--muted">{t.cancelled}</span> : null}
            {e.visibility === "membres" ? <span className="badge badge--info">{t.membersOnly}</span> : null}{" "}
            <time dateTime={new Date(e.startsAt).toISOString()}>{format.timeRange(new Date(e.startsAt), new Date(e.endsAt))}</time>
          </p>
          <p className="hint">
            {[showPole ? e.pole.name : "", e.group ? t.group(e.group.name) : "", placeOf(e, t)].filter(Boolean).join(" · ")}
          </p>
          {past ? (
            <p>
              {e.status === "annule"
                ? t.didNotHappen
                : e.attended > 0
                  ? t.attendedOf(e.attended, format.integer(e.attended), e.registered, format.integer(e.registered))
                  : t.registered(e.registered, format.integer(e.registered))}
            </p>
          ) : e.status !== "annule" ? (
            <p>
              {e.capacity === null
                ? t.registered(e.registered, format.integer(e.registered))
                : e.registered >= e.capacity
                  ? `${t.full}${e.waiting > 0 ? t.fullWaiting(format.integer(e.waiting)) : ""}`
                  : t.placesLeft(e.capacity - e.registered, format.integer(e.capacity - e.registered))}
            </p>
          ) : null}
        </>
      )}
    </CardList>
  );
}
