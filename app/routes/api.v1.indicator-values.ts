/** GET /api/v1/indicator-values — open data, paginated (?page=, ?per_page=, ?pole=), with ETag (docs: /api/v1/openapi.json). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { authorize } from "~/guards/authorize.server";
import { apiListResponse } from "~/utils/open-data.server";

export function loader({ request }: LoaderFunctionArgs) {
  authorize(request, "api.v1.indicator-values");
  return apiListResponse(request, "indicator-values");
}
