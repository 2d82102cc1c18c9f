import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { clearedSessionCookie } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { invalidateSession } from "~/utils/session.server";
import { authorize } from "~/guards/authorize.server";
import { readFormData } from "~/utils/http.server";

/** Sign-out changes state, so it answers POST only; a GET just goes home. */
export function loader({ request }: LoaderFunctionArgs) {
  authorize(request, "deconnexion");
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const { auth } = authorize(request, "deconnexion", await readFormData(request));
  if (auth) invalidateSession(getDb(), auth.session.id);
  return redirect("/", { headers: { "Set-Cookie": clearedSessionCookie() } });
}
