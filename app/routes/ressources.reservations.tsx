import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { BookingStatusBadge } from "~/components/status-badge";
import { Alert } from "~/components/ui/alert";
import { formatDate } from "~/domain/format";
import { formatPeriod } from "~/domain/resource-booking";
import { authorize } from "~/guards/authorize.server";
import { answerBooking, cancelBooking, listBookingsOfMyResources, listMyBookings, type BookingItem } from "~/models/resource-booking.server";
import { answerBookingSchema, cancelBookingSchema } from "~/schemas/resource";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { useFormReply } from "~/utils/reply";
import { replyInvalid, replyRefused, UNKNOWN_INTENT } from "~/utils/reply.server";
import { readFormData } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Mes réservations — Ressources partagées — Maillon" }];

function item(b: BookingItem, now: number) {
  return {
    id: b.id,
    resourceId: b.resourceId,
    resourceTitle: b.resourceTitle,
    requesterName: b.requesterName,
    period: formatPeriod({ startsAt: b.startsAt.getTime(), endsAt: b.endsAt.getTime() }),
    message: b.message,
    reply: b.reply,
    status: b.status,
    askedOn: formatDate(b.createdAt),
    ended: b.endsAt.getTime() <= now,
  };
}

export function loader({ request }: LoaderFunctionArgs) {
  const { auth } = authorize(request, "ressources.reservations");
  const db = getDb();
  const now = Date.now();
  const mine = listMyBookings(db, auth.user.id).map((b) => item(b, now));
  const theirs = listBookingsOfMyResources(db, auth).map((b) => item(b, now));
  return {
    toAnswer: theirs.filter((b) => b.status === "demandee" && !b.ended).reverse(),
    ofMyResources: theirs.filter((b) => b.status !== "demandee" || b.ended),
    mine,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  const permit = authorize(request, "ressources.reservations", formData);
  const db = getDb();
  const now = new Date();
  switch (permit.intent) {
    case "answer": {
      const submission = parseWithZod(formData, { schema: answerBookingSchema });
      const formId = `answer-${String(formData.get("bookingId") ?? "")}`;
      if (submission.status !== "success") return replyInvalid(submission, { formId });
      const v = submission.value;
      const accept = v.decision === "accepter";
      const outcome = answerBooking(db, permit.auth, v.bookingId, { accept, reply: v.reply ?? "" }, now);
      if (!outcome.ok) return replyRefused(outcome, { submission, formId });
      return redirectWithFlash(
        "/ressources/reservations",
        accept
          ? `La réservation de « ${outcome.resourceTitle} » par ${outcome.requesterName} est acceptée ; elle figure au calendrier de la ressource.`
          : `La demande de ${outcome.requesterName} est déclinée ; cette personne en est informée.`,
      );
    }
    case "cancel": {
      const submission = parseWithZod(formData, { schema: cancelBookingSchema });
      const formId = `cancel-${String(formData.get("bookingId") ?? "")}`;
      if (submission.status !== "success") return replyInvalid(submission, { formId });
      const outcome = cancelBooking(db, permit.auth, submission.value.bookingId, now);
      if (!outcome.ok) return replyRefused(outcome, { formId });
      return redirectWithFlash("/ressources/reservations", `Votre réservation de « ${outcome.resourceTitle} » est annulée.`);
    }
    default:
      return replyRefused(UNKNOWN_INTENT);
  }
}

type Item = ReturnType<typeof useLoaderData<typeof loader>>["mine"][number];

function AnswerForm({ b }: { b: Item }) {
  const formId = `answer-${b.id}`;
  const { message, lastResult } = useFormReply(formId);
  const replyError = lastResult?.error?.reply?.join(" ");
  return (
    <Form method="post" className="form" aria-label={`Répondre à ${b.requesterName} pour « ${b.resourceTitle} »`}>
      {message ? (
<Alert tone="error">{message}</Alert>
      ) : null}
      <input type="hidden" name="intent" value="answer" />
      <input type="hidden" name="bookingId" value={b.id} />
      <div className="field">
        <label htmlFor={`reponse-${b.id}`}>Votre message (facultatif)</label>
        <textarea id={`reponse-${b.id}`} name="reply" rows={2} maxLength={500} aria-describedby={replyError ? `reponse-${b.id}-erreur` : undefined} />
        {replyError ? (
          <p className="field-error" id={`reponse-${b.id}-erreur`}>
            {replyError}
          </p>
        ) : null}
      </div>
      <button type="submit" name="decision" value="accepter" className="button">
        Accepter
      </button>{" "}
      <button type="submit" name="decision" value="refuser" className="button button--ghost">
        Décliner
      </button>
    </Form>
  );
}

function CancelForm({ b }: { b: Item }) {
  const { message } = useFormReply(`cancel-${b.id}`);
  return (
    <Form method="post" className="form">
      {message ? <Alert tone="error">{message}</Alert> : null}
      <input type="hidden" name="intent" value="cancel" />
      <input type="hidden" name="bookingId" value={b.id} />
      <button type="submit" className="button button--ghost" aria-label={`Annuler ma réservation de « ${b.resourceTitle} » ${b.period}`}>
        {b.status === "acceptee" ? "Annuler ma réservation" : "Retirer ma demande"}
      </button>
    </Form>
  );
}

export default function MyBookings() {
  const { toAnswer, ofMyResources, mine } = useLoaderData<typeof loader>();
  return (
    <div className="container">
      <p className="eyebrow">
        <a href="/ressources">Ressources partagées</a>
      </p>
      <h1>Mes réservations</h1>
      <p>
        Les demandes que vous avez faites, et celles qui concernent les ressources que vous prêtez.{" "}
        <a href="/ressources/proposer">Proposer une ressource</a>
      </p>

      <section aria-labelledby="a-examiner">
        <h2 id="a-examiner">Demandes à examiner ({toAnswer.length})</h2>
        {toAnswer.length === 0 ? (
          <p>Aucune demande n'attend votre réponse.</p>
        ) : (
          <ul className="cards">
            {toAnswer.map((b) => (
              <li key={b.id} className="card">
                <h3>
                  <a href={`/ressources/${b.resourceId}`}>{b.resourceTitle}</a> — {b.requesterName}
                </h3>
                <p>
                  {b.period} <span className="hint">(demandé le {b.askedOn})</span>
                </p>
                {b.message ? <blockquote>{b.message}</blockquote> : null}
                <AnswerForm b={b} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="mes-demandes">
        <h2 id="mes-demandes">Mes demandes</h2>
        {mine.length === 0 ? (
          <p>
            Vous n'avez encore rien réservé. <a href="/ressources">Voir les ressources partagées</a>
          </p>
        ) : (
          <ul className="cards">
            {mine.map((b) => (
              <li key={b.id} className="card">
                <h3>
                  <a href={`/ressources/${b.resourceId}`}>{b.resourceTitle}</a>
                </h3>
                <p>
                  {b.period} <BookingStatusBadge status={b.status} />
                </p>
                {b.reply ? <p>Réponse : {b.reply}</p> : null}
                {(b.status === "demandee" || b.status === "acceptee") && !b.ended ? <CancelForm b={b} /> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {ofMyResources.length > 0 ? (
        <section aria-labelledby="mes-ressources">
          <h2 id="mes-ressources">Réservations de mes ressources</h2>
          <ul className="cards">
            {ofMyResources.map((b) => (
              <li key={b.id} className="card">
                <h3>
                  <a href={`/ressources/${b.resourceId}`}>{b.resourceTitle}</a> — {b.requesterName}
                </h3>
                <p>
                  {b.period} <BookingStatusBadge status={b.ended && b.status === "demandee" ? "annulee" : b.status} />
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
