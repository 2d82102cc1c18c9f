/** /agenda/:id/inscrits.csv — the registered and waiting people, for the organiser (RFC 4180, UTF-8 with BOM). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { REGISTRATION_STATUS_LABELS, toCsv } from "~/domain/agenda";
import { formatDateTime } from "~/domain/format";
import { authorize } from "~/guards/authorize.server";
import { loadManagedEvent } from "~/guards/event.server";
import { listRegistrations } from "~/models/event-registration.server";
import { getDb } from "~/utils/db.server";

export function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = loadManagedEvent(authorize(request, "agenda.$id.inscrits[.csv]"), params.id);
  const { registered, waiting } = listRegistrations(getDb(), event.id);
  const attendance = (a: boolean | null) => (a === null ? "" : a ? "présent" : "absent");
  const rows = [
    ...registered.map((r) => [r.displayName, r.email, r.communeName ?? "", REGISTRATION_STATUS_LABELS[r.status], "", formatDateTime(r.queuedAt), attendance(r.attended)]),
    ...waiting.map((r, i) => [r.displayName, r.email, r.communeName ?? "", REGISTRATION_STATUS_LABELS[r.status], String(i + 1), formatDateTime(r.queuedAt), ""]),
  ];
  const csv = toCsv(["Nom", "Courriel", "Commune", "Statut", "Rang d'attente", "Demandé le", "Présence"], rows);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": `attachment; filename="inscrits-rendez-vous-${event.id}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
