/** GET /donnees/poles/:slug.zip — one pôle's open-data package. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { authorize } from "~/guards/authorize.server";
import { requestText } from "~/utils/locale.server";
import { polePackageResponse } from "~/utils/open-data.server";

export function loader({ request, params }: LoaderFunctionArgs) {
  authorize(request, "donnees.poles.$slug[.zip]");
  const response = polePackageResponse(request, params.slug ?? "");
  // A download, not a page: an unknown pôle is a plain-text 404, as for an unknown image or calendar feed.
  return response ?? new Response(requestText(request).t.openData.poleNotFound, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" } });
}
