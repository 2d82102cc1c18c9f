/**
 * An event of the agenda named in the URL: 404 when unknown (or the id is not a number), and for a
 * members-only event to anyone but the pôle's members and animation team; 403 to manage it for anyone
 * but the team and the coordinator of its working group.
 */
import { mayViewEvent } from "~/domain/agenda";
import { isStaffOf } from "~/domain/permissions";
import { getEvent, mayManageEvent, type EventDetail } from "~/models/event.server";
import { isMemberOfAny } from "~/models/pole-member.server";
import type { Auth } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { forbidden, notFound, readId } from "~/utils/http.server";
import type { Permit } from "./authorize.server";

export type SeenEvent = { event: EventDetail; member: boolean; staff: boolean; manages: boolean };

export function loadVisibleEvent<A extends Auth | null>(permit: Permit<A>, idParam: string | undefined): SeenEvent {
  const id = readId(idParam);
  const event = id === null ? undefined : getEvent(getDb(), id);
  if (!event) throw notFound("Rendez-vous introuvable");
  const { auth } = permit;
  const member = auth ? isMemberOfAny(getDb(), auth.user.id, [event.pole.id]) : false;
  const staff = isStaffOf(auth, event.pole.id);
  if (!mayViewEvent(event.visibility, { member, staff })) throw notFound("Rendez-vous introuvable");
  return { event, member, staff, manages: mayManageEvent(auth, event) };
}

export function loadManagedEvent(permit: Permit<Auth>, idParam: string | undefined): SeenEvent {
  const seen = loadVisibleEvent(permit, idParam);
  if (!seen.manages) throw forbidden("Seule l'équipe d'animation du pôle, ou le coordinateur du groupe concerné, gère ce rendez-vous.");
  return seen;
}
