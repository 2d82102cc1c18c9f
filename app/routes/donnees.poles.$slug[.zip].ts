/** GET /donnees/poles/:slug.zip — one pôle's open-data package. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { authorize } from "~/guards/authorize.server";
import { polePackageResponse } from "~/utils/open-data.server";

export function loader({ request, params }: LoaderFunctionArgs) {
  authorize(request, "donnees.poles.$slug[.zip]");
  return polePackageResponse(request, params.slug ?? "");
}
