import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { clearedSessionCookie, getAuth } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { invalidateSession } from "~/utils/session.server";

/** Sign-out changes state, so it answers POST only; a GET just goes home. */
export function loader() {
  return redirect("/");
}

export function action({ request }: ActionFunctionArgs) {
  const auth = getAuth(request);
  if (auth) invalidateSession(getDb(), auth.session.id);
  return redirect("/", { headers: { "Set-Cookie": clearedSessionCookie() } });
}
