/** GET /donnees/poles/:slug.zip — one pôle's open-data package. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { authorize } from "~/guards/authorize.server";
import { notFound } from "~/utils/http.server";
import { polePackageResponse } from "~/utils/open-data.server";

export function loader({ request, params }: LoaderFunctionArgs) {
  authorize(request, "donnees.poles.$slug[.zip]");
  const response = polePackageResponse(request, params.slug ?? "");
  if (!response) throw notFound("Pôle introuvable");
  return response;
}
