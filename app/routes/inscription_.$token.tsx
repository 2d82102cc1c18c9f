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

export const meta: MetaFunction = () => [{ title: "Confirmer mon adresse — Maillon" }, { name: "referrer", content: "same-origin" }];

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
  return redirectWithFlash("/espace", "Bienvenue sur Maillon ! Votre compte est créé.", {
    headers: { "Set-Cookie": startSession(confirmed.user.id, now, request.headers.get("User-Agent")) },
  });
}

export default function ConfirmSignUp() {
  const loaded = useLoaderData<typeof loader>();
  const answered = useActionData<typeof action>();
  const refusal = answered?.refusal ?? loaded.refusal;
  if (refusal) {
    return refusal.taken ? (
      <DeadLink title="Cette adresse a déjà un compte" message={refusal.message} again={{ href: "/connexion", label: "Se connecter" }} />
    ) : (
      <DeadLink title="Ce lien ne permet plus de créer le compte" message={refusal.message} again={{ href: "/inscription", label: "Recommencer l'inscription" }} />
    );
  }
  return (
    <div className="container narrow">
      <h1>Confirmer mon adresse</h1>
      <p>
        Un dernier pas : confirmez que l'adresse <strong>{loaded.email}</strong> est bien la vôtre, et votre compte
        Maillon s'ouvre.
      </p>
      <Form method="post">
        <button type="submit" className="button">
          Confirmer et ouvrir mon compte
        </button>
      </Form>
    </div>
  );
}
