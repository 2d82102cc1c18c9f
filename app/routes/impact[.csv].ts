/** /impact.csv — the whole install's figures: one line per indicator and quarter (UTF-8, comma, header row). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { impactCsv } from "~/domain/impact/csv";
import { authorize } from "~/guards/authorize.server";
import { installImpactReport } from "~/models/indicator.server";
import { getDb } from "~/utils/db.server";
import { requestText } from "~/utils/locale.server";

export function loader({ request }: LoaderFunctionArgs) {
  authorize(request, "impact[.csv]");
  return new Response(impactCsv(requestText(request).t.impact.csvAllPoles, installImpactReport(getDb(), new Date())), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": 'attachment; filename="impact-maillon.csv"',
      "Cache-Control": "public, max-age=300",
      // The pôle column names « all pôles » in the request's language.
      Vary: "Accept-Language, Cookie",
    },
  });
}
