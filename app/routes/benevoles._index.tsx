import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { hasVolunteerProfile } from "~/models/volunteer.server";
import { getDb } from "~/utils/db.server";
import { authorize } from "~/guards/authorize.server";

/** /benevoles: the projects for me once the profile exists, the profile form before. */
export function loader({ request }: LoaderFunctionArgs) {
  const { auth } = authorize(request, "benevoles._index");
  return redirect(hasVolunteerProfile(getDb(), auth.user.id) ? "/benevoles/projets" : "/benevoles/profil");
}

/**
 * Never shown (the loader always redirects or refuses), but it makes this a
 * page rather than a resource route: a refusal (403) or a stray POST (405)
 * renders the site's French error page instead of raw JSON.
 */
export default function VolunteersIndex() {
  return null;
}
