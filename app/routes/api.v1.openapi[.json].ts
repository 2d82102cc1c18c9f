/** GET /api/v1/openapi.json — the OpenAPI 3.1 description of the open-data API. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { openApiDocument } from "~/domain/open-data-api";
import { authorize } from "~/guards/authorize.server";
import { publicDataResponse, siteBaseUrl } from "~/utils/open-data.server";

export function loader({ request }: LoaderFunctionArgs) {
  authorize(request, "api.v1.openapi[.json]");
  return publicDataResponse(request, JSON.stringify(openApiDocument(siteBaseUrl()), null, 2), { "Content-Type": "application/json; charset=utf-8" });
}
