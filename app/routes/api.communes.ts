import type { LoaderFunctionArgs } from "@remix-run/node";
import { communeLabel, searchCommunes } from "~/models/commune.server";
import { getDb } from "~/utils/db.server";
import { authorize } from "~/guards/authorize.server";

/** Suggestions for the commune field: GET /api/communes?q=saint-jean */
export function loader({ request }: LoaderFunctionArgs) {
  authorize(request, "api.communes");
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
  const communes =
    q.trim().length < 2
      ? []
      : searchCommunes(getDb(), q, 10).map((c) => ({ code: c.code, label: communeLabel(c) }));
  return Response.json({ communes }, { headers: { "Cache-Control": "public, max-age=3600" } });
}
