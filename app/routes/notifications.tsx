import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { listNotifications, markAllRead, openNotification } from "~/models/notification.server";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound, readFormData, readId, safeRedirectPath } from "~/utils/http.server";
import { replyRefused, UNKNOWN_INTENT } from "~/utils/reply.server";
import { useFormat, useSay, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: metaText(matches).account.notifications.metaTitle }];

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
    if (link === null) throw notFound(requestText(request).t.account.notifications.notFound);
    return redirect(safeRedirectPath(link, "/notifications"));
  }
  if (intent === "read-all") {
    markAllRead(getDb(), auth.user.id, now);
    return redirectWithFlash("/notifications", requestText(request).t.account.notifications.allRead);
  }
  return replyRefused(UNKNOWN_INTENT);
}

export default function Notifications() {
  const { items, unread } = useLoaderData<typeof loader>();
  const { account, vocabulary } = useT();
  const say = useSay();
  const t = account.notifications;
  const format = useFormat();
  return (
    <div className="container narrow">
      <h1>{t.title}</h1>
      <p>
        {unread === 0 ? t.nothingNew : t.unread(unread, format.integer(unread))}{" "}
        <a href="/compte/notifications">{t.emailChoicesLink}</a>
      </p>
      {unread > 0 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="read-all" />
          <button type="submit" className="button button--ghost">
            {t.markAllRead}
          </button>
        </Form>
      ) : null}
      {items.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ol className="notification-list" aria-label={t.listLabel}>
          {items.map((n) => (
            <li key={n.id} className={n.readAt ? "notification" : "notification notification--unread"}>
              <p className="hint">
                {n.readAt ? null : <strong>{t.newBadge}</strong>}
                {vocabulary.notificationKind[n.kind].label} · {n.groupLabel} · {format.dateTime(new Date(n.createdAt))}
              </p>
              <Form method="post">
                <input type="hidden" name="intent" value="open" />
                <input type="hidden" name="id" value={n.id} />
                <button type="submit" className="link-button">
                  {say(n.title)}
                </button>
              </Form>
              {n.body ? <p className="prewrap">{say(n.body)}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
