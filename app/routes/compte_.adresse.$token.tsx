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

export const meta: MetaFunction = () => [{ title: "Confirmer ma nouvelle adresse — Maillon" }, { name: "referrer", content: "same-origin" }];

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
  return signedIn
    ? redirectWithFlash("/compte", `Votre adresse est désormais ${changed.email}.`)
    : redirectWithFlash("/connexion", `Votre adresse est désormais ${changed.email} : connectez-vous avec elle.`);
}

export default function ConfirmAddressChange() {
  const loaded = useLoaderData<typeof loader>();
  const answered = useActionData<typeof action>();
  const refusal = answered?.refusal ?? loaded.refusal;
  if (refusal) {
    return (
      <DeadLink title="L'adresse n'a pas été changée" message={refusal} again={{ href: "/compte#adresse-titre", label: "Revenir à mon compte" }} />
    );
  }
  return (
    <div className="container narrow">
      <h1>Confirmer ma nouvelle adresse</h1>
      <p>
        Votre compte Maillon utilisera désormais l'adresse <strong>{loaded.email}</strong>, pour vous connecter comme
        pour recevoir les messages.
      </p>
      <Form method="post">
        <button type="submit" className="button">
          Confirmer ma nouvelle adresse
        </button>
      </Form>
    </div>
  );
}
