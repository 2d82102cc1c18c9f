import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { BookingStatusBadge } from "~/components/status-badge";
import { Alert } from "~/components/ui/alert";
import type { Formats } from "~/domain/format";
import { authorize } from "~/guards/authorize.server";
import { answerBooking, cancelBooking, listBookingsOfMyResources, listMyBookings, type BookingItem } from "~/models/resource-booking.server";
import { answerBookingSchema, cancelBookingSchema } from "~/schemas/resource";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { useFormReply } from "~/utils/reply";
import { replyInvalid, replyRefused, UNKNOWN_INTENT } from "~/utils/reply.server";
import { readFormData } from "~/utils/http.server";
import { useFormat, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import type { Messages } from "~/i18n/messages";
import { requestText } from "~/utils/locale.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaText(matches).resources.bookings.metaTitle }];

function item(b: BookingItem, now: number, t: Messages["resources"]["shared"], format: Formats) {
  return {
    id: b.id,
    resourceId: b.resourceId,
    resourceTitle: b.resourceTitle,
    requesterName: b.requesterName,
    period: t.period(format.dateTime(b.startsAt), format.dateTime(b.endsAt)),
    message: b.message,
    reply: b.reply,
    status: b.status,
    askedOn: format.date(b.createdAt),
    ended: b.endsAt.getTime() <= now,
  };
}

export function loader({ request }: LoaderFunctionArgs) {
  const { auth } = authorize(request, "ressources.reservations");
  const db = getDb();
  const now = Date.now();
  const { t, format } = requestText(request);
  const mine = listMyBookings(db, auth.user.id).map((b) => item(b, now, t.resources.shared, format));
  const theirs = listBookingsOfMyResources(db, auth).map((b) => item(b, now, t.resources.shared, format));
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
  const t = requestText(request).t.resources.bookings;
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
        accept ? t.accepted(outcome.resourceTitle, outcome.requesterName) : t.declined(outcome.requesterName),
      );
    }
    case "cancel": {
      const submission = parseWithZod(formData, { schema: cancelBookingSchema });
      const formId = `cancel-${String(formData.get("bookingId") ?? "")}`;
      if (submission.status !== "success") return replyInvalid(submission, { formId });
      const outcome = cancelBooking(db, permit.auth, submission.value.bookingId, now);
      if (!outcome.ok) return replyRefused(outcome, { formId });
      return redirectWithFlash("/ressources/reservations", t.cancelled(outcome.resourceTitle));
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
  const t = useT().resources.bookings;
  return (
    <Form method="post" className="form" aria-label={t.answerLabel(b.requesterName, b.resourceTitle)}>
      {message ? (
<Alert tone="error">{message}</Alert>
      ) : null}
      <input type="hidden" name="intent" value="answer" />
      <input type="hidden" name="bookingId" value={b.id} />
      <div className="field">
        <label htmlFor={`reponse-${b.id}`}>{t.reply}</label>
        <textarea id={`reponse-${b.id}`} name="reply" rows={2} maxLength={500} aria-describedby={replyError ? `reponse-${b.id}-erreur` : undefined} />
        {replyError ? (
          <p className="field-error" id={`reponse-${b.id}-erreur`}>
            {replyError}
          </p>
        ) : null}
      </div>
      <button type="submit" name="decision" value="accepter" className="button">
        {t.accept}
      </button>{" "}
      <button type="submit" name="decision" value="refuser" className="button button--ghost">
        {t.decline}
      </button>
    </Form>
  );
}

function CancelForm({ b }: { b: Item }) {
  const { message } = useFormReply(`cancel-${b.id}`);
  const t = useT().resources.bookings;
  return (
    <Form method="post" className="form">
      {message ? <Alert tone="error">{message}</Alert> : null}
      <input type="hidden" name="intent" value="cancel" />
      <input type="hidden" name="bookingId" value={b.id} />
      <button type="submit" className="button button--ghost" aria-label={t.cancelLabel(b.resourceTitle, b.period)}>
        {b.status === "acceptee" ? t.cancel : t.withdraw}
      </button>
    </Form>
  );
}

export default function MyBookings() {
  const { toAnswer, ofMyResources, mine } = useLoaderData<typeof loader>();
  const { resources } = useT();
  const t = resources.bookings;
  const format = useFormat();
  return (
    <div className="container">
      <p className="eyebrow">
        <a href="/ressources">{resources.shared.breadcrumb}</a>
      </p>
      <h1>{t.title}</h1>
      <p>
        {t.intro}{" "}
        <a href="/ressources/proposer">{t.offer}</a>
      </p>

      <section aria-labelledby="a-examiner">
        <h2 id="a-examiner">{t.toAnswer(format.integer(toAnswer.length))}</h2>
        {toAnswer.length === 0 ? (
          <p>{t.noneToAnswer}</p>
        ) : (
          <ul className="cards">
            {toAnswer.map((b) => (
              <li key={b.id} className="card">
                <h3>
                  <a href={`/ressources/${b.resourceId}`}>{b.resourceTitle}</a> — {b.requesterName}
                </h3>
                <p>
                  {b.period} <span className="hint">{t.askedOn(b.askedOn)}</span>
                </p>
                {b.message ? <blockquote>{b.message}</blockquote> : null}
                <AnswerForm b={b} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="mes-demandes">
        <h2 id="mes-demandes">{t.mine}</h2>
        {mine.length === 0 ? (
          <p>
            {t.noneMine}{" "}
            <a href="/ressources">{t.browse}</a>
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
                {b.reply ? <p>{t.answer(b.reply)}</p> : null}
                {(b.status === "demandee" || b.status === "acceptee") && !b.ended ? <CancelForm b={b} /> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {ofMyResources.length > 0 ? (
        <section aria-labelledby="mes-ressources">
          <h2 id="mes-ressources">{t.ofMine}</h2>
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
