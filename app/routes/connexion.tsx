import { ConformForm, useSchemaForm } from "~/components/ui/form";
import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData, useNavigation } from "@remix-run/react";
import { TextField } from "~/components/ui/field";
import { reserveSignInAttempt, signInFailed, signInRefusalMessage, signInSucceeded } from "~/models/sign-in-failure.server";
import { findUserByEmail, normalizeEmail } from "~/models/user.server";
import { signInSchema } from "~/schemas/auth";
import { startSession } from "~/utils/auth.server";
import { readFormData, safeRedirectPath } from "~/utils/http.server";
import { getDb } from "~/utils/db.server";
import { burnPasswordCheck, verifyPassword } from "~/utils/password.server";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { passRetryAfter, replyInvalid, replyRefused } from "~/utils/reply.server";
import { useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";

/** A 429 carries its Retry-After. */
export const headers = passRetryAfter;

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: metaText(matches).auth.signIn.metaTitle }];

export function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"));
  authorize(request, "connexion", { signedInTo: redirectTo });
  return { redirectTo };
}

export async function action({ request, context }: ActionFunctionArgs) {
  signInFirst(request, "connexion");
  const formData = await readFormData(request);
  authorize(request, "connexion", formData);
  const submission = parseWithZod(formData, { schema: signInSchema });
  if (submission.status !== "success") {
    return replyInvalid(submission, { hideFields: ["password"] });
  }
  const db = getDb();
  const email = normalizeEmail(submission.value.email);
  const password = submission.value.password;

  const refusal = reserveSignInAttempt(db, email, context.clientAddress, new Date());
  if (refusal) {
    return replyRefused(
      { status: 429, message: signInRefusalMessage(refusal), retryAfterSeconds: refusal.retryAfterSeconds },
      { submission, hideFields: ["password"] },
    );
  }

  const user = findUserByEmail(db, email);
  const valid = user ? await verifyPassword(user.passwordHash, password) : (await burnPasswordCheck(password), false);
  if (!user || !valid) {
    signInFailed(db, email, context.clientAddress, new Date());
    return replyInvalid(submission, { formErrors: [requestText(request).t.auth.signIn.wrong], hideFields: ["password"] });
  }

  signInSucceeded(db, user, context.clientAddress, new Date());
  return redirect(safeRedirectPath(submission.value.redirectTo), {
    headers: { "Set-Cookie": startSession(user.id, new Date(), request.headers.get("User-Agent")) },
  });
}

export default function SignIn() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const [form, fields] = useSchemaForm(signInSchema, { id: "connexion" });
  const t = useT().auth;

  return (
    <div className="container narrow">
      <h1>{t.signIn.title}</h1>
      <ConformForm form={form}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField meta={fields.email} label={t.email} type="email" autoComplete="email" />
        <TextField meta={fields.password} label={t.password} type="password" autoComplete="current-password" />
        <div>
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t.signIn.submit}
          </button>
        </div>
      </ConformForm>
      <p>
        <a href="/mot-de-passe-oublie">{t.signIn.forgotten}</a>
      </p>
      <p>
        {t.signIn.noAccount} <a href="/inscription">{t.signIn.signUpLink}</a>.
      </p>
    </div>
  );
}
