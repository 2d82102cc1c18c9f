/** /agenda/:id/inscrits.csv — the registered and waiting people, for the organiser (RFC 4180, UTF-8 with BOM). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { toCsv } from "~/domain/agenda";
import { authorize } from "~/guards/authorize.server";
import { loadManagedEvent } from "~/guards/event.server";
import { listRegistrations } from "~/models/event-registration.server";
import { getDb } from "~/utils/db.server";
import { requestText } from "~/utils/locale.server";

export function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = loadManagedEvent(authorize(request, "agenda.$id.inscrits[.csv]"), params.id);
  const { registered, waiting } = listRegistrations(getDb(), event.id);
  const { t, format } = requestText(request);
  const text = t.agenda.registrationsCsv;
  const status = t.vocabulary.registrationStatus;
  const attendance = (a: boolean | null) => (a === null ? "" : a ? text.present : text.absent);
  const rows = [
    ...registered.map((r) => [r.displayName, r.email, r.communeName ?? "", status[r.status], "", format.dateTime(r.queuedAt), attendance(r.attended)]),
    ...waiting.map((r, i) => [r.displayName, r.email, r.communeName ?? "", status[r.status], String(i + 1), format.dateTime(r.queuedAt), ""]),
  ];
  const csv = toCsv(text.headers, rows);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": `attachment; filename="inscrits-rendez-vous-${event.id}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
