import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { formatDateTime } from "~/domain/format";
import { NOTIFICATION_KIND_LABELS } from "~/domain/notifications";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { listNotifications, markAllRead, openNotification } from "~/models/notification.server";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound, readFormData, readId, safeRedirectPath } from "~/utils/http.server";
import { replyRefused, UNKNOWN_INTENT } from "~/utils/reply.server";

export const meta: MetaFunction = () => [{ title: "Notifications — Maillon" }];

export function loader({ request }: LoaderFunctionArgs) {
  const { auth } = authorize(request, "notifications");
  const items = listNotifications(getDb(), auth.user.id);
  return { items, unread: items.filter((n) => n.readAt === null).length };
}

export async function action({ request }: ActionFunctionArgs) {
  signInFirst(request, "notifications");
  const formData = await readFormData(request);
  const { auth, intent } = authorize(request, "notifications", formData);
  const now = new Date();
  if (intent === "open") {
    // Opening a notification marks it read, then leads to what it is about.
    const id = readId(formData.get("id"));
    const link = id === null ? null : openNotification(getDb(), auth.user.id, id, now);
    if (link === null) throw notFound("Notification introuvable");
    return redirect(safeRedirectPath(link, "/notifications"));
  }
  if (intent === "read-all") {
    markAllRead(getDb(), auth.user.id, now);
    return redirectWithFlash("/notifications", "Toutes vos notifications sont marquées comme lues.");
  }
  return replyRefused(UNKNOWN_INTENT);
}

export default function Notifications() {
  const { items, unread } = useLoaderData<typeof loader>();
  return (
    <div className="container narrow">
      <h1>Notifications</h1>
      <p>
        {unread === 0 ? "Rien de nouveau." : `${unread} non lue${unread > 1 ? "s" : ""}.`}{" "}
        <a href="/compte/notifications">Choisir ce que je reçois par e-mail</a>
      </p>
      {unread > 0 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="read-all" />
          <button type="submit" className="button button--ghost">
            Tout marquer comme lu
          </button>
        </Form>
      ) : null}
      {items.length === 0 ? (
        <p>Vous n'avez encore reçu aucune notification. Elles arrivent ici quand on vous sollicite, quand un vote s'ouvre ou quand un projet que vous soutenez avance.</p>
      ) : (
        <ol className="notification-list" aria-label="Notifications, de la plus récente à la plus ancienne">
          {items.map((n) => (
            <li key={n.id} className={n.readAt ? "notification" : "notification notification--unread"}>
              <p className="hint">
                {n.readAt ? null : <strong>Nouveau · </strong>}
                {NOTIFICATION_KIND_LABELS[n.kind].label} · {n.groupLabel} · {formatDateTime(new Date(n.createdAt))}
              </p>
              <Form method="post">
                <input type="hidden" name="intent" value="open" />
                <input type="hidden" name="id" value={n.id} />
                <button type="submit" className="link-button">
                  {n.title}
                </button>
              </Form>
              {n.body ? <p className="prewrap">{n.body}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
