/**
 * The agenda of the pôles: who organises an event, who sees it, who may register, how places and the
 * waiting list are counted, what change people must be told about, and the CSV of the registrations.
 */
import { isStaffOf, type Actor } from "./permissions";
import type { EventVisibility, RegistrationStatus } from "./vocabulary";

export const EVENT_VISIBILITY_LABELS: Record<EventVisibility, string> = {
  public: "Ouvert à tous",
  membres: "Réservé aux membres du pôle",
};

export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  inscrit: "Inscrit",
  attente: "Liste d'attente",
  annule: "Désinscrit",
};

/** The event's pôle and, when it belongs to a working group, that group's coordinator. */
export type EventScope = { territoryId: number; groupCoordinatorId: number | null };

/** The pôle's animation team, or the coordinator of the working group the event belongs to. */
export function mayOrganiseEvent(actor: Actor | null, event: EventScope): boolean {
  if (!actor) return false;
  return isStaffOf(actor, event.territoryId) || (event.groupCoordinatorId !== null && event.groupCoordinatorId === actor.userId);
}

/** A public event is seen by everyone; a members-only one by the pôle's members and its animation team. */
export function mayViewEvent(visibility: EventVisibility, viewer: { member: boolean; staff: boolean }): boolean {
  return visibility === "public" || viewer.member || viewer.staff;
}

/** Who may ask for a place: anyone signed in for a public event, the pôle's members for a members-only one. */
export function registrationRefusal(input: {
  visibility: EventVisibility;
  cancelled: boolean;
  started: boolean;
  member: boolean;
  staff: boolean;
}): string | null {
  if (input.cancelled) return "Ce rendez-vous est annulé : les inscriptions sont fermées.";
  if (input.started) return "Ce rendez-vous a déjà commencé : les inscriptions sont fermées.";
  if (input.visibility === "membres" && !input.member && !input.staff) {
    return "Ce rendez-vous est réservé aux membres du pôle : rejoignez d'abord le pôle en acceptant sa charte.";
  }
  return null;
}

/** Places left, or null when there is no limit. Never below zero. */
export function placesLeft(capacity: number | null, registered: number): number | null {
  return capacity === null ? null : Math.max(0, capacity - registered);
}

/** A new request for a place: taken while some are left, otherwise on the waiting list. */
export function statusForNewRequest(capacity: number | null, registered: number): "inscrit" | "attente" {
  return capacity === null || registered < capacity ? "inscrit" : "attente";
}

/** How many waiting people a capacity change lets in (those first in the queue). */
export function promotableCount(capacity: number | null, registered: number, waiting: number): number {
  if (capacity === null) return waiting;
  return Math.max(0, Math.min(waiting, capacity - registered));
}

export type EventTiming = { startsAt: number; endsAt: number; address: string | null; communeCode: string | null; onlineUrl: string | null };

/** A change of time or place is one people must be told about (and calendars must see: SEQUENCE + 1). */
export function isNoticeableChange(before: EventTiming, after: EventTiming): boolean {
  return (
    before.startsAt !== after.startsAt ||
    before.endsAt !== after.endsAt ||
    (before.address ?? "") !== (after.address ?? "") ||
    (before.communeCode ?? "") !== (after.communeCode ?? "") ||
    (before.onlineUrl ?? "") !== (after.onlineUrl ?? "")
  );
}

/** One field of RFC 4180: quoted when it holds a comma, a quote, or a line break (quotes doubled). */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A CSV document by RFC 4180 (comma, CRLF line ends, header row first), with a UTF-8 byte order mark
 * so that a spreadsheet opens the accents correctly. A field starting with =, +, - or @ is prefixed
 * with a quote mark so that no spreadsheet reads it as a formula.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const safe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
  const lines = [header, ...rows].map((row) => row.map((v) => csvField(safe(v))).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export type EventJsonLdInput = {
  url: string;
  name: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  cancelled: boolean;
  address: string | null;
  communeName: string | null;
  postalCode: string | null;
  onlineUrl: string | null;
  organiser: { name: string; url: string };
};

/** The schema.org `Event` of an event's page (https://schema.org/Event). */
export function eventJsonLd(e: EventJsonLdInput): Record<string, unknown> {
  const place =
    e.address || e.communeName
      ? {
          "@type": "Place",
          name: [e.address, e.communeName].filter(Boolean).join(", "),
          address: {
            "@type": "PostalAddress",
            ...(e.address ? { streetAddress: e.address } : {}),
            ...(e.communeName ? { addressLocality: e.communeName } : {}),
            ...(e.postalCode ? { postalCode: e.postalCode } : {}),
            addressCountry: "FR",
          },
        }
      : null;
  const online = e.onlineUrl ? { "@type": "VirtualLocation", url: e.onlineUrl } : null;
  const locations = [place, online].filter((l) => l !== null);
  return {
    "@context": "https://schema.org",
    "@type": "Event",
    name: e.name,
    ...(e.description ? { description: e.description } : {}),
    url: e.url,
    startDate: e.startsAt.toISOString(),
    endDate: e.endsAt.toISOString(),
    eventStatus: e.cancelled ? "https://schema.org/EventCancelled" : "https://schema.org/EventScheduled",
    eventAttendanceMode:
      place && online
        ? "https://schema.org/MixedEventAttendanceMode"
        : online
          ? "https://schema.org/OnlineEventAttendanceMode"
          : "https://schema.org/OfflineEventAttendanceMode",
    location: locations.length === 1 ? locations[0] : locations,
    organizer: { "@type": "Organization", name: e.organiser.name, url: e.organiser.url },
  };
}
