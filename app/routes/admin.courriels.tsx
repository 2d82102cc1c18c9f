import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { Alert } from "~/components/ui/alert";
import { MAIL_STATUSES } from "~/domain/vocabulary";
import { authorize } from "~/guards/authorize.server";
import { countMailsByStatus, listUndeliveredMails, MAX_ATTEMPTS, retryFailedMail } from "~/models/mail-queue.server";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readFormData, readId } from "~/utils/http.server";
import { replyRefused } from "~/utils/reply.server";
import { useFormReply } from "~/utils/reply";
import { useFormat, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";
import { DataTable } from "~/components/ui/data-table";

export const meta: MetaFunction = ({ matches }) => [{ title: metaText(matches).admin.mails.metaTitle }];

/** The platform admin's view of the e-mail queue: what it holds, what failed and why. */
export function loader({ request }: LoaderFunctionArgs) {
  authorize(request, "admin.courriels");
  const db = getDb();
  const { format } = requestText(request);
  return {
    counts: countMailsByStatus(db),
    maxAttempts: MAX_ATTEMPTS,
    mails: listUndeliveredMails(db).map((m) => ({
      id: m.id,
      to: m.toAddress,
      subject: m.subject,
      status: m.status,
      attempts: m.attempts,
      lastError: m.lastError,
      createdAt: m.createdAt.toISOString(),
      createdLabel: format.dateTime(m.createdAt),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  authorize(request, "admin.courriels", formData);
  const t = requestText(request).t.admin.mails;
  const id = readId(formData.get("mailId"));
  if (id === null) return replyRefused({ status: 400, message: t.unknown });
  if (!retryFailedMail(getDb(), id, new Date())) {
    return replyRefused({ status: 409, message: t.notFailed });
  }
  return redirectWithFlash("/admin/courriels", t.requeued);
}

type Mail = ReturnType<typeof useLoaderData<typeof loader>>["mails"][number];

/** A message's subject, then to whom, when, and what `children` say of its state. */
function MailLine({ mail, children }: { mail: Mail; children: ReactNode }) {
  const t = useT().admin.mails;
  return (
    <p>
      <strong>{mail.subject}</strong>
      <br />
      <span className="hint">
        {t.to(mail.to)}
        <time dateTime={mail.createdAt}>{mail.createdLabel}</time> · {children}
      </span>
    </p>
  );
}

export default function AdminMails() {
  const { counts, mails, maxAttempts } = useLoaderData<typeof loader>();
  const { message } = useFormReply();
  const failed = mails.filter((m) => m.status === "failed");
  const waiting = mails.filter((m) => m.status !== "failed");
  const { admin, vocabulary } = useT();
  const t = admin.mails;
  const format = useFormat();
  const attempts = (count: number) => t.attempts(count, format.integer(count));
  return (
    <div className="container">
      <p className="eyebrow">{t.eyebrow}</p>
      <h1>{t.title}</h1>
      <p>{t.intro(format.integer(maxAttempts))}</p>
      {message ? <Alert tone="error">{message}</Alert> : null}

      <DataTable caption={t.caption}>
        <thead>
          <tr>
            <th scope="col">{t.status}</th>
            <th scope="col">{t.mails}</th>
          </tr>
        </thead>
        <tbody>
          {MAIL_STATUSES.map((status) => (
            <tr key={status}>
              <th scope="row">{vocabulary.mailStatus[status]}</th>
              <td>{format.integer(counts[status])}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>

      <h2 id="echecs">{t.failed(format.integer(failed.length))}</h2>
      {failed.length === 0 ? (
        <p>{t.noneFailed}</p>
      ) : (
        <ul className="plain-list mail-list" aria-labelledby="echecs">
          {failed.map((m) => (
            <li key={m.id} className="mail-list__item">
              <MailLine mail={m}>{attempts(m.attempts)}</MailLine>
              <p className="mail-list__error">{t.lastError(m.lastError ?? t.unknownError)}</p>
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="retry" />
                <input type="hidden" name="mailId" value={m.id} />
                <button type="submit" className="button button--ghost">
                  {t.retry}
                  <span className="visually-hidden">{t.retryWhat(m.subject, m.to)}</span>
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}

      <h2 id="attente">{t.waiting(format.integer(waiting.length))}</h2>
      {waiting.length === 0 ? (
        <p>{t.noneWaiting}</p>
      ) : (
        <ul className="plain-list mail-list" aria-labelledby="attente">
          {waiting.map((m) => (
            <li key={m.id} className="mail-list__item">
              <MailLine mail={m}>
                {vocabulary.mailStatus[m.status].toLowerCase()}
                {m.attempts > 0 ? t.attemptsWithError(attempts(m.attempts), m.lastError ?? t.unknownError) : ""}
              </MailLine>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
