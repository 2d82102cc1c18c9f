import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { MentorshipStatusBadge } from "~/components/status-badge";
import { NumberField, RadioGroupField, SelectField, TextAreaField, TextField } from "~/components/ui/field";
import { addresseeOf, isEnded, plannedEnd } from "~/domain/mentorship";
import {
  cancelRequest,
  capacityRefusal,
  endMentorship,
  giveFeedback,
  logSession,
  respondToRequest,
} from "~/models/mentorship.server";
import type { Outcome } from "~/models/outcome";
import { endMentorshipSchema, feedbackSchema, mentorshipResponseSchema, sessionSchema } from "~/schemas/mentorship";
import { loadMentorship } from "~/guards/mentorship.server";
import { getDb } from "~/utils/db.server";
import { forbidden, notFound, readFormData } from "~/utils/http.server";
import { parisIsoDate } from "~/domain/paris-time";
import { redirectWithFlash } from "~/utils/flash.server";
import { useFormReply } from "~/utils/reply";
import { UNKNOWN_INTENT, replyInvalid, replyRefused } from "~/utils/reply.server";
import { Alert } from "~/components/ui/alert";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { MentorshipEndorsement } from "~/components/mentorship-endorsement";
import { isEndorsable } from "~/domain/endorsement";
import { decideEndorsement, getEndorsement, writeEndorsement } from "~/models/endorsement.server";
import { endorsementDecisionSchema, endorsementSchema } from "~/schemas/endorsement";
import { useFormat, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";
import type { Messages } from "~/i18n/messages";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: metaText(matches).mentoring.mentorship.metaTitle(data ? data.m.projectTitle : null) },
];

export function loader({ request, params }: LoaderFunctionArgs) {
  const permit = authorize(request, "accompagnements.$id");
  const { auth } = permit;
  const { m, side } = loadMentorship(permit, params.id);
  const contactsVisible = m.status === "acceptee" || isEnded(m.status);
  const { holderEmail, volunteerEmail, ...rest } = m;
  const acceptedAt = m.respondedAt && contactsVisible ? m.respondedAt : null;
  return {
    m: rest,
    side,
    contacts: contactsVisible ? { holderEmail, volunteerEmail } : null,
    plannedEndAt: acceptedAt ? plannedEnd(acceptedAt, m.plannedMonths) : null,
    totalMinutes: m.sessions.reduce((sum, s) => sum + s.durationMinutes, 0),
    isAddressee: m.status === "demande" && side === addresseeOf(m),
    // Shown instead of « Accepter » when accepting could only be refused.
    acceptBlocked: m.status === "demande" && side === addresseeOf(m) ? capacityRefusal(getDb(), m.volunteerId, side === "benevole") : null,
    isInitiator: m.status === "demande" && side !== null && side !== addresseeOf(m),
    myFeedbackGiven: m.feedback.some((f) => f.authorId === auth.user.id),
    today: parisIsoDate(new Date()),
    endorsement: getEndorsement(getDb(), m.id),
    canEndorse: side === "benevole" && isEndorsable(m.status),
    endorsable: isEndorsable(m.status),
  };
}

type Intent = "respond" | "cancel" | "session" | "end" | "feedback" | "endorse" | "decide-endorsement";
type Submission = Parameters<typeof replyInvalid>[0];

/** Model refusals: 403/404 are thrown (forged requests), a conflict (409) goes back to the form. */
function settle(outcome: Outcome<object>, formId: Intent | null, submission?: Submission) {
  if (outcome.ok) return null;
  if (outcome.status === 403) throw forbidden(outcome.message);
  if (outcome.status === 404) throw notFound(outcome.message);
  return replyRefused(outcome, { submission, formId });
}


export async function action({ request, params }: ActionFunctionArgs) {
  signInFirst(request, "accompagnements.$id");
  const formData = await readFormData(request);
  const permit = authorize(request, "accompagnements.$id", formData);
  const { auth } = permit;
  const id = loadMentorship(permit, params.id).m.id;
  const db = getDb();
  const intent = String(formData.get("intent") ?? "") as Intent;
  const now = new Date();
  const userId = auth.user.id;

  const back = `/accompagnements/${id}`;
  const DONE = requestText(request).t.mentoring.mentorship;

  switch (intent) {
    case "respond": {
      const s = parseWithZod(formData, { schema: mentorshipResponseSchema });
      if (s.status !== "success") return replyInvalid(s, { formId: intent });
      const outcome = respondToRequest(db, id, userId, s.value.decision, s.value.message ?? "", now);
      const refused = settle(outcome, intent, s);
      if (refused) return refused;
      return redirectWithFlash(back, s.value.decision === "accepter" ? DONE.accepted : DONE.declined);
    }
    case "cancel": {
      // A button alone: its refusal is the page's.
      const refused = settle(cancelRequest(db, id, userId, now), null);
      if (refused) return refused;
      return redirectWithFlash(back, DONE.cancelled);
    }
    case "session": {
      const s = parseWithZod(formData, { schema: sessionSchema });
      if (s.status !== "success") return replyInvalid(s, { formId: intent });
      if (s.value.heldOn > parisIsoDate(now)) {
        return replyInvalid(s, {
          formId: intent,
          fieldErrors: { heldOn: [DONE.sessionInFuture] },
        });
      }
      const outcome = logSession(db, id, userId, { ...s.value, notes: s.value.notes ?? "" }, now);
      const refused = settle(outcome, intent, s);
      if (refused) return refused;
      return redirectWithFlash(`${back}#rencontres`, DONE.sessionAdded);
    }
    case "end": {
      const s = parseWithZod(formData, { schema: endMentorshipSchema });
      if (s.status !== "success") return replyInvalid(s, { formId: intent });
      const { outcome: end, rating, comment } = s.value;
      const outcome = endMentorship(db, id, userId, end, { rating, comment: comment ?? "" }, now);
      const refused = settle(outcome, intent, s);
      if (refused) return refused;
      return redirectWithFlash(back, end === "terminee" ? DONE.completed : DONE.stopped);
    }
    case "feedback": {
      const s = parseWithZod(formData, { schema: feedbackSchema });
      if (s.status !== "success") return replyInvalid(s, { formId: intent });
      const outcome = giveFeedback(db, id, userId, { rating: s.value.rating, comment: s.value.comment ?? "" }, now);
      const refused = settle(outcome, intent, s);
      if (refused) return refused;
      return redirectWithFlash(back, DONE.feedbackGiven);
    }
    case "endorse": {
      const s = parseWithZod(formData, { schema: endorsementSchema });
      if (s.status !== "success") return replyInvalid(s, { formId: intent });
      const outcome = writeEndorsement(db, id, userId, s.value, now);
      const refused = settle(outcome, intent, s);
      if (refused) return refused;
      const done = !outcome.ok || !outcome.revised ? DONE.endorsed : outcome.unpublished ? DONE.endorsementUnpublished : DONE.endorsementRevised;
      return redirectWithFlash(`${back}#recommandation`, done);
    }
    case "decide-endorsement": {
      const s = parseWithZod(formData, { schema: endorsementDecisionSchema });
      if (s.status !== "success") return replyInvalid(s, { formId: intent });
      const outcome = decideEndorsement(db, id, userId, s.value.decision, now);
      const refused = settle(outcome, intent, s);
      if (refused) return refused;
      return redirectWithFlash(`${back}#recommandation`, s.value.decision === "publier" ? DONE.endorsementPublished : DONE.endorsementDeclined);
    }
    default:
      return replyRefused(UNKNOWN_INTENT);
  }
}

/** The five ratings, the best first. */
function ratingOptions(t: Messages["mentoring"]["mentorship"]) {
  return [5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: t.ratingOption(n, t.rating[n - 1] ?? "") }));
}

/** A session's length: "45 min", "2 h", "1 h 30". */
function duration(t: Messages["mentoring"], minutes: number): string {
  return t.duration(Math.floor(minutes / 60), minutes % 60);
}


export default function MentorshipPage() {
  const d = useLoaderData<typeof loader>();
  const { m } = d;
  const { message } = useFormReply();
  const t = useT().mentoring.mentorship;
  const format = useFormat();

  return (
    <div className="container">
      <p className="eyebrow">{t.eyebrow}</p>
      <h1>{t.title(m.skillName, m.projectTitle)}</h1>
      <p>
        <MentorshipStatusBadge status={m.status} /> <a href={`/projets/${m.projectId}`}>{t.seeProject}</a>
      </p>
      {message ? <Alert tone="error">{message}</Alert> : null}

      <dl className="details">
        <dt>{t.holder}</dt>
        <dd>
          {m.holderName}
          {d.contacts ? (
            <>
              {" "}
              — <a href={`mailto:${d.contacts.holderEmail}`}>{d.contacts.holderEmail}</a>
            </>
          ) : null}
        </dd>
        <dt>{t.volunteer}</dt>
        <dd>
          {m.volunteerName}
          {d.contacts ? (
            <>
              {" "}
              — <a href={`mailto:${d.contacts.volunteerEmail}`}>{d.contacts.volunteerEmail}</a>
            </>
          ) : null}
        </dd>
        <dt>{t.requestedOn(m.initiatedBy)}</dt>
        <dd>{format.date(new Date(m.requestedAt))}</dd>
        <dt>{t.plannedDuration}</dt>
        <dd>
          {t.months(m.plannedMonths)}
          {d.plannedEndAt ? t.until(format.date(new Date(d.plannedEndAt))) : null}
        </dd>
        <dt>{t.timeSpent}</dt>
        <dd>{t.hoursIn(format.oneDecimal(d.totalMinutes / 60), m.sessions.length)}</dd>
      </dl>
      {!d.contacts ? <p className="hint">{t.contactsLater}</p> : null}

      {m.requestMessage ? (
        <blockquote className="message">
          <p className="message__who">{t.messageFrom(m.initiatedBy === "benevole" ? m.volunteerName : m.initiatedBy === "animateur" ? t.theTeam : m.holderName)}</p>
          <p className="prewrap">{m.requestMessage}</p>
        </blockquote>
      ) : null}
      {m.responseMessage ? (
        <blockquote className="message">
          <p className="message__who">{t.responseFrom(m.initiatedBy === "benevole" ? m.holderName : m.volunteerName)}</p>
          <p className="prewrap">{m.responseMessage}</p>
        </blockquote>
      ) : null}

      {d.isAddressee ? <RespondForm /> : null}
      {d.isInitiator ? <CancelForm /> : null}

      {m.status === "acceptee" || isEnded(m.status) ? <SessionLog /> : null}
      {m.status === "acceptee" && d.side ? <SessionForm /> : null}
      {m.status === "acceptee" && d.side ? <EndForm /> : null}
      {isEnded(m.status) ? <FeedbackList /> : null}
      {isEnded(m.status) && d.side && !d.myFeedbackGiven ? <FeedbackForm /> : null}
      <MentorshipEndorsement
        endorsement={d.endorsement}
        side={d.side}
        canWrite={d.canEndorse}
        endorsable={d.endorsable}
        holderName={m.holderName}
        volunteerName={m.volunteerName}
        projectId={m.projectId}
      />
    </div>
  );
}

function RespondForm() {
  const { acceptBlocked, side } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(mentorshipResponseSchema, { id: "reponse", reply: "respond" });
  const t = useT().mentoring.mentorship;
  return (
    <section aria-labelledby="repondre">
      <h2 id="repondre">{t.respond}</h2>
      {acceptBlocked ? (
        <Alert>
          {acceptBlocked}
          {side === "benevole" ? (
            <>
              {" "}
              <a href="/benevoles/profil">{t.editCapacity}</a> · <a href="/espace#en-cours">{t.myOngoing}</a>
            </>
          ) : null}
        </Alert>
      ) : null}
      <ConformForm form={form} intent="respond">
        <TextAreaField meta={fields.message} label={t.yourMessage} rows={3} />
        <div className="actions">
          {acceptBlocked ? null : (
            <button type="submit" name="decision" value="accepter" className="button">
              {t.accept}
            </button>
          )}
          <button type="submit" name="decision" value="refuser" className="button button--ghost">
            {t.decline}
          </button>
        </div>
      </ConformForm>
    </section>
  );
}

function CancelForm() {
  const t = useT().mentoring.mentorship;
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value="cancel" />
      <button type="submit" className="button button--ghost">
        {t.cancelRequest}
      </button>
    </Form>
  );
}

function SessionLog() {
  const { m } = useLoaderData<typeof loader>();
  const { mentoring } = useT();
  const t = mentoring.mentorship;
  const format = useFormat();
  return (
    <section aria-labelledby="rencontres">
      <h2 id="rencontres">{t.sessions}</h2>
      {m.sessions.length === 0 ? (
        <p>{t.noSession}</p>
      ) : (
        <ol className="session-list">
          {m.sessions.map((s) => (
            <li key={s.id} className="card">
              <h3>
                {format.isoDate(s.heldOn)} — {s.topic}
              </h3>
              <p className="hint">{t.loggedBy(duration(mentoring, s.durationMinutes), s.authorName)}</p>
              {s.notes ? <p className="prewrap">{s.notes}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function SessionForm() {
  const { today } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(sessionSchema, {
    id: "rencontre",
    defaultValue: { heldOn: today, durationMinutes: "60" },
    reply: "session",
  });
  const t = useT().mentoring.mentorship;
  return (
    <section aria-labelledby="noter-rencontre">
      <h2 id="noter-rencontre">{t.logSession}</h2>
      <ConformForm form={form} intent="session">
        <TextField meta={fields.heldOn} label={t.heldOn} hint={t.heldOnHint} />
        <NumberField meta={fields.durationMinutes} label={t.durationMinutes} min={1} max={1440} />
        <TextField meta={fields.topic} label={t.topic} />
        <TextAreaField meta={fields.notes} label={t.notes} />
        <SubmitButton>{t.addSession}</SubmitButton>
      </ConformForm>
    </section>
  );
}

function EndForm() {
  const [form, fields] = useSchemaForm(endMentorshipSchema, { id: "fin", reply: "end" });
  const t = useT().mentoring.mentorship;
  return (
    <section aria-labelledby="terminer">
      <h2 id="terminer">{t.end}</h2>
      <ConformForm form={form} intent="end">
        <RadioGroupField
          meta={fields.outcome}
          legend={t.endIs}
          options={[
            { value: "terminee", label: t.endCompleted },
            { value: "arretee", label: t.endStopped },
          ]}
        />
        <SelectField meta={fields.rating} label={t.yourRating} options={ratingOptions(t)} placeholder={t.choose} />
        <TextAreaField meta={fields.comment} label={t.yourComment} rows={3} />
        <SubmitButton>{t.end}</SubmitButton>
      </ConformForm>
    </section>
  );
}

function FeedbackList() {
  const { m } = useLoaderData<typeof loader>();
  const t = useT().mentoring.mentorship;
  return (
    <section aria-labelledby="avis">
      <h2 id="avis">{t.feedback}</h2>
      {m.feedback.length === 0 ? (
        <p>{t.noFeedback}</p>
      ) : (
        <ul className="plain-list">
          {m.feedback.map((f) => (
            <li key={f.authorId}>
              <strong>{f.authorName}</strong>
              {t.feedbackLine(f.rating, f.comment)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function FeedbackForm() {
  const [form, fields] = useSchemaForm(feedbackSchema, { id: "avis-form", reply: "feedback" });
  const t = useT().mentoring.mentorship;
  return (
    <section aria-labelledby="donner-avis">
      <h2 id="donner-avis">{t.giveFeedback}</h2>
      <ConformForm form={form} intent="feedback">
        <SelectField meta={fields.rating} label={t.yourRating} options={ratingOptions(t)} placeholder={t.choose} />
        <TextAreaField meta={fields.comment} label={t.yourComment} rows={3} />
        <SubmitButton>{t.sendFeedback}</SubmitButton>
      </ConformForm>
    </section>
  );
}
