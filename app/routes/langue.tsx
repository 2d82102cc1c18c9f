import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { parseWithZod } from "@conform-to/zod/v4";
import { authorize } from "~/guards/authorize.server";
import { localeSwitchSchema } from "~/schemas/locale";
import { setUserLocale } from "~/models/user.server";
import { getAuth } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { badRequest, readFormData, safeRedirectPath } from "~/utils/http.server";
import { localeCookie, requestText } from "~/utils/locale.server";

/** Choosing a language changes a cookie, so it answers POST only; a GET just goes home. */
export function loader({ request }: LoaderFunctionArgs) {
  authorize(request, "langue");
  return redirect("/");
}

/** The footer's switch: keep the language in a cookie (and in a member's account) and draw the same page again in it. */
export async function action({ request }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  authorize(request, "langue", formData);
  const submission = parseWithZod(formData, { schema: localeSwitchSchema });
  if (submission.status !== "success") throw badRequest(requestText(request).t.layout.footer.unknownLanguage);
  const { lang, back } = submission.value;
  // A member's mail follows the language they read Maillon in.
  const auth = getAuth(request);
  if (auth) setUserLocale(getDb(), auth.user.id, lang);
  return redirect(safeRedirectPath(back, "/"), {
    status: 303,
    headers: { "Set-Cookie": localeCookie(lang, getEnv().COOKIE_SECURE) },
  });
}
