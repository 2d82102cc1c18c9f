/** GET /donnees/maillon.zip — the open-data package of the whole install (CSV, datapackage.json, GeoJSON, README, LICENSE). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { authorize } from "~/guards/authorize.server";
import { installPackageResponse } from "~/utils/open-data.server";

export function loader({ request }: LoaderFunctionArgs) {
  authorize(request, "donnees.maillon[.zip]");
  return installPackageResponse(request);
}
