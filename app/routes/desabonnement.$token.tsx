import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { NOTIFICATION_KIND_LABELS } from "~/domain/notifications";
import { authorize } from "~/guards/authorize.server";
import { findUnsubscribeTarget } from "~/models/mail-queue.server";
import { stopEmails } from "~/models/notification.server";
import { getDb } from "~/utils/db.server";
import { notFound, readFormData } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Ne plus recevoir ces messages — Maillon" }, { name: "robots", content: "noindex" }];

/**
 * The unsubscribe link of every message that can be turned off. It works without signing in: the
 * token in the link names the person and the kind of message. A click in the mail opens this page,
 * whose button confirms; a mail client's one-click request (RFC 8058: POST with
 * `List-Unsubscribe=One-Click`) does it at once.
 */
function targetOf(token: string | undefined) {
  const target = token ? findUnsubscribeTarget(getDb(), token) : null;
  if (!target) throw notFound("Ce lien de désinscription n'est pas valable.");
  return target;
}

function describe(target: ReturnType<typeof targetOf>): string {
  if (target.kind) return `les e-mails « ${NOTIFICATION_KIND_LABELS[target.kind].label} »`;
  return target.digest === "quotidien" ? "le résumé quotidien par e-mail" : "le résumé hebdomadaire par e-mail";
}

export function loader({ request, params }: LoaderFunctionArgs) {
  authorize(request, "desabonnement.$token");
  return { what: describe(targetOf(params.token)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  authorize(request, "desabonnement.$token", await readFormData(request));
  const target = targetOf(params.token);
  stopEmails(getDb(), target);
  return { done: describe(target) };
}

export default function Unsubscribe() {
  const { what } = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  return (
    <div className="container narrow">
      <h1>Ne plus recevoir ces messages</h1>
      {done ? (
        <div className="alert alert--success" role="status">
          C'est fait : vous ne recevez plus {done.done}. Vos notifications restent visibles dans Maillon, et vous pouvez changer d'avis dans{" "}
          <a href="/compte/notifications">vos préférences</a>.
        </div>
      ) : (
        <>
          <p>Vous ne recevrez plus {what}. Les autres messages, et ceux de sécurité, continueront d'arriver.</p>
          <Form method="post">
            <input type="hidden" name="List-Unsubscribe" value="One-Click" />
            <button type="submit" className="button">
              Ne plus recevoir ces messages
            </button>
          </Form>
          <p>
            <a href="/compte/notifications">Choisir plus finement ce que je reçois</a>
          </p>
        </>
      )}
    </div>
  );
}
