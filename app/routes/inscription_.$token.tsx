import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { DeadLink } from "~/components/mail-sent";
import { authorize } from "~/guards/authorize.server";
import { checkSignUpToken, confirmSignUp } from "~/models/account.server";
import type { Failure } from "~/models/outcome";
import { startSession } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readFormData } from "~/utils/http.server";
import { useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";

export const meta: MetaFunction<typeof loader> = ({ matches }) => [
  { title: metaText(matches).auth.confirm.metaTitle },
  { name: "referrer", content: "same-origin" },
];

/** A link that opens nothing, or an address that got an account meanwhile: a page that says so (never a 500). */
function refused(failure: Failure) {
  return data({ email: null, refusal: { message: failure.message, taken: failure.status === 409 } }, { status: failure.status });
}

export function loader({ request, params }: LoaderFunctionArgs) {
  authorize(request, "inscription_.$token");
  const check = checkSignUpToken(getDb(), params.token ?? "", new Date());
  return check.ok ? { email: check.email, refusal: null } : refused(check);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  authorize(request, "inscription_.$token", formData);
  const now = new Date();
  const confirmed = confirmSignUp(getDb(), params.token ?? "", now);
  if (!confirmed.ok) return refused(confirmed);
  return redirectWithFlash("/espace", requestText(request).t.auth.confirm.welcome, {
    headers: { "Set-Cookie": startSession(confirmed.user.id, now, request.headers.get("User-Agent")) },
  });
}

export default function ConfirmSignUp() {
  const loaded = useLoaderData<typeof loader>();
  const answered = useActionData<typeof action>();
  const refusal = answered?.refusal ?? loaded.refusal;
  const t = useT().auth.confirm;
  if (refusal) {
    return refusal.taken ? (
      <DeadLink title={t.takenTitle} message={refusal.message} again={{ href: "/connexion", label: t.signIn }} />
    ) : (
      <DeadLink title={t.deadTitle} message={refusal.message} again={{ href: "/inscription", label: t.restart }} />
    );
  }
  return (
    <div className="container narrow">
      <h1>{t.title}</h1>
      <p>
        {t.before} <strong>{loaded.email}</strong> {t.after}
      </p>
      <Form method="post">
        <button type="submit" className="button">
          {t.submit}
        </button>
      </Form>
    </div>
  );
}
