import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { DeadLink } from "~/components/mail-sent";
import { authorize } from "~/guards/authorize.server";
import { checkAddressChangeToken, confirmAddressChange } from "~/models/account.server";
import type { Failure } from "~/models/outcome";
import { getAuth } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readFormData } from "~/utils/http.server";
import { useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";

export const meta: MetaFunction<typeof loader> = ({ matches }) => [
  { title: metaText(matches).account.address.metaTitle },
  { name: "referrer", content: "same-origin" },
];

/** A link that opens nothing, or an address taken meanwhile: a page that says so (never a 500). */
function refused(failure: Failure) {
  return data({ email: null, refusal: failure.message }, { status: failure.status });
}

export function loader({ request, params }: LoaderFunctionArgs) {
  authorize(request, "compte_.adresse.$token");
  const check = checkAddressChangeToken(getDb(), params.token ?? "", new Date());
  return check.ok ? { email: check.email, refusal: null } : refused(check);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  authorize(request, "compte_.adresse.$token", formData);
  const changed = confirmAddressChange(getDb(), params.token ?? "", new Date());
  if (!changed.ok) return refused(changed);
  const signedIn = getAuth(request)?.user.id === changed.userId;
  const t = requestText(request).t.account.address;
  return signedIn
    ? redirectWithFlash("/compte", t.changed(changed.email))
    : redirectWithFlash("/connexion", t.changedSignIn(changed.email));
}

export default function ConfirmAddressChange() {
  const loaded = useLoaderData<typeof loader>();
  const answered = useActionData<typeof action>();
  const refusal = answered?.refusal ?? loaded.refusal;
  const t = useT().account.address;
  if (refusal) {
    return (
      <DeadLink title={t.notChanged} message={refusal} again={{ href: "/compte#adresse-titre", label: t.backToAccount }} />
    );
  }
  return (
    <div className="container narrow">
      <h1>{t.title}</h1>
      <p>
        {t.before} <strong>{loaded.email}</strong>
        {t.after}
      </p>
      <Form method="post">
        <button type="submit" className="button">
          {t.submit}
        </button>
      </Form>
    </div>
  );
}
