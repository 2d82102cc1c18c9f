import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { hasVolunteerProfile } from "~/models/volunteer.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";

/** /benevoles: the projects for me once the profile exists, the profile form before. */
export function loader({ request }: LoaderFunctionArgs) {
  const auth = requireRole(request, "benevole");
  return redirect(hasVolunteerProfile(getDb(), auth.user.id) ? "/benevoles/projets" : "/benevoles/profil");
}
