import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { authorize } from "~/guards/authorize.server";
import { findUnsubscribeTarget } from "~/models/mail-queue.server";
import { stopEmails } from "~/models/notification.server";
import { getDb } from "~/utils/db.server";
import { notFound, readFormData } from "~/utils/http.server";
import { useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import type { Messages } from "~/i18n/messages";
import { requestText } from "~/utils/locale.server";

export const meta: MetaFunction<typeof loader> = ({ matches }) => [
  { title: metaText(matches).account.unsubscribe.metaTitle },
  { name: "robots", content: "noindex" },
];

/**
 * The unsubscribe link of every message that can be turned off. It works without signing in: the
 * token in the link names the person and the kind of message. A click in the mail opens this page,
 * whose button confirms; a mail client's one-click request (RFC 8058: POST with
 * `List-Unsubscribe=One-Click`) does it at once.
 */
function targetOf(token: string | undefined, t: Messages) {
  const target = token ? findUnsubscribeTarget(getDb(), token) : null;
  if (!target) throw notFound(t.account.unsubscribe.invalid);
  return target;
}

function describe(target: ReturnType<typeof targetOf>, t: Messages): string {
  const words = t.account.unsubscribe;
  if (target.kind) return words.kind(t.vocabulary.notificationKind[target.kind].label);
  return target.digest === "quotidien" ? words.daily : words.weekly;
}

export function loader({ request, params }: LoaderFunctionArgs) {
  authorize(request, "desabonnement.$token");
  const { t } = requestText(request);
  return { what: describe(targetOf(params.token, t), t) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  authorize(request, "desabonnement.$token", await readFormData(request));
  const { t } = requestText(request);
  const target = targetOf(params.token, t);
  stopEmails(getDb(), target);
  return { done: describe(target, t) };
}

export default function Unsubscribe() {
  const { what } = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  const t = useT().account.unsubscribe;
  return (
    <div className="container narrow">
      <h1>{t.title}</h1>
      {done ? (
        <div className="alert alert--success" role="status">
          {t.done(done.done)} <a href="/compte/notifications">{t.preferencesLink}</a>.
        </div>
      ) : (
        <>
          <p>{t.confirm(what)}</p>
          <Form method="post">
            <input type="hidden" name="List-Unsubscribe" value="One-Click" />
            <button type="submit" className="button">
              {t.submit}
            </button>
          </Form>
          <p>
            <a href="/compte/notifications">{t.finer}</a>
          </p>
        </>
      )}
    </div>
  );
}
