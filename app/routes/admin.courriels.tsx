import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { Alert } from "~/components/ui/alert";
import { MAIL_STATUS_LABELS } from "~/domain/catalog";
import { formatDateTime, formatInteger, plural } from "~/domain/format";
import { MAIL_STATUSES } from "~/domain/vocabulary";
import { authorize } from "~/guards/authorize.server";
import { countMailsByStatus, listUndeliveredMails, MAX_ATTEMPTS, retryFailedMail } from "~/models/mail-queue.server";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readFormData, readId } from "~/utils/http.server";
import { replyRefused } from "~/utils/reply.server";
import { useFormReply } from "~/utils/reply";

export const meta: MetaFunction = () => [{ title: "Courriels de la plateforme — Maillon" }];

/** The platform admin's view of the e-mail queue: what it holds, what failed and why. */
export function loader({ request }: LoaderFunctionArgs) {
  authorize(request, "admin.courriels");
  const db = getDb();
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
      createdLabel: formatDateTime(m.createdAt),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  authorize(request, "admin.courriels", formData);
  const id = readId(formData.get("mailId"));
  if (id === null) return replyRefused({ status: 400, message: "Courriel inconnu." });
  if (!retryFailedMail(getDb(), id, new Date())) {
    return replyRefused({ status: 409, message: "Ce courriel n'est pas (ou plus) en échec : il n'y a rien à renvoyer." });
  }
  return redirectWithFlash("/admin/courriels", "Le courriel est remis dans la file : il part dans un instant.");
}

type Mail = ReturnType<typeof useLoaderData<typeof loader>>["mails"][number];

/** A message's subject, then to whom, when, and what `children` say of its state. */
function MailLine({ mail, children }: { mail: Mail; children: ReactNode }) {
  return (
    <p>
      <strong>{mail.subject}</strong>
      <br />
      <span className="hint">
        À {mail.to} · créé le <time dateTime={mail.createdAt}>{mail.createdLabel}</time> · {children}
      </span>
    </p>
  );
}

export default function AdminMails() {
  const { counts, mails, maxAttempts } = useLoaderData<typeof loader>();
  const { message } = useFormReply();
  const failed = mails.filter((m) => m.status === "failed");
  const waiting = mails.filter((m) => m.status !== "failed");
  return (
    <div className="container">
      <p className="eyebrow">Administration</p>
      <h1>Courriels de la plateforme</h1>
      <p>
        Chaque courriel part d'une file : il est réessayé plusieurs fois en cas d'erreur, puis marqué en échec après{" "}
        {maxAttempts} tentatives. Corrigez la cause (réglages SMTP, adresse) avant de le renvoyer.
      </p>
      {message ? <Alert tone="error">{message}</Alert> : null}

      <table className="table">
        <caption>La file en chiffres</caption>
        <thead>
          <tr>
            <th scope="col">État</th>
            <th scope="col">Courriels</th>
          </tr>
        </thead>
        <tbody>
          {MAIL_STATUSES.map((status) => (
            <tr key={status}>
              <th scope="row">{MAIL_STATUS_LABELS[status]}</th>
              <td>{formatInteger(counts[status])}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 id="echecs">En échec ({formatInteger(failed.length)})</h2>
      {failed.length === 0 ? (
        <p>Aucun courriel en échec.</p>
      ) : (
        <ul className="plain-list mail-list" aria-labelledby="echecs">
          {failed.map((m) => (
            <li key={m.id} className="mail-list__item">
              <MailLine mail={m}>{plural(m.attempts, "tentative")}</MailLine>
              <p className="mail-list__error">Dernière erreur : {m.lastError ?? "inconnue"}</p>
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="retry" />
                <input type="hidden" name="mailId" value={m.id} />
                <button type="submit" className="button button--ghost">
                  Renvoyer<span className="visually-hidden"> « {m.subject} » à {m.to}</span>
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}

      <h2 id="attente">En attente d'envoi ({formatInteger(waiting.length)})</h2>
      {waiting.length === 0 ? (
        <p>Aucun courriel en attente : la file est vide.</p>
      ) : (
        <ul className="plain-list mail-list" aria-labelledby="attente">
          {waiting.map((m) => (
            <li key={m.id} className="mail-list__item">
              <MailLine mail={m}>
                {MAIL_STATUS_LABELS[m.status].toLowerCase()}
                {m.attempts > 0 ? ` · ${plural(m.attempts, "tentative")} (dernière erreur : ${m.lastError ?? "inconnue"})` : ""}
              </MailLine>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
