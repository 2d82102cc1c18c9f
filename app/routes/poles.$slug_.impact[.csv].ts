/** /poles/:slug/impact.csv — the pôle's indicators: one line per indicator and period (UTF-8, comma, header row). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { impactCsv } from "~/domain/impact/csv";
import { authorize } from "~/guards/authorize.server";
import { loadPole } from "~/guards/pole.server";
import { poleImpactReport } from "~/models/indicator.server";
import { getDb } from "~/utils/db.server";

export function loader({ request, params }: LoaderFunctionArgs) {
  const territory = loadPole(authorize(request, "poles.$slug_.impact[.csv]"), params.slug);
  return new Response(impactCsv(territory.name, poleImpactReport(getDb(), territory.id, new Date())), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": `attachment; filename="impact-${territory.slug}.csv"`,
      "Cache-Control": "public, max-age=300",
    },
  });
}
