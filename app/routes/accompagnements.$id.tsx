import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { MentorshipStatusBadge } from "~/components/status-badge";
import { NumberField, RadioGroupField, SelectField, TextAreaField, TextField } from "~/components/ui/field";
import { addresseeOf, formatDuration, isEnded, minutesToHoursLabel, plannedEnd } from "~/domain/mentorship";
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
import { formatDate } from "~/domain/format";
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

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Accompagnement : ${data.m.projectTitle} — Maillon` : "Accompagnement — Maillon" },
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

const DONE = {
  accepted: "Vous avez accepté : l'accompagnement commence. Vos coordonnées sont maintenant partagées.",
  declined: "Vous avez décliné la demande.",
  cancelled: "La demande est annulée.",
  session: "La rencontre est ajoutée au journal.",
  completed: "L'accompagnement est terminé. Merci pour votre avis.",
  stopped: "L'accompagnement est arrêté. Merci pour votre avis.",
  feedback: "Merci pour votre avis.",
  endorsed: "Votre recommandation est envoyée : elle sera publiée sur la page du projet si le porteur ou la porteuse l'accepte.",
  endorsementRevised: "Votre recommandation modifiée attend l'accord du porteur ou de la porteuse avant d'être publiée.",
  endorsementUnpublished:
    "Votre recommandation modifiée est retirée de la page du projet le temps que le porteur ou la porteuse accepte la nouvelle version.",
  endorsementPublished: "La recommandation est publiée sur la page du projet.",
  endorsementDeclined: "La recommandation ne sera pas publiée. Le ou la bénévole en est informé.",
};

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
          fieldErrors: { heldOn: ["La rencontre doit avoir déjà eu lieu : choisissez une date passée ou aujourd'hui."] },
        });
      }
      const outcome = logSession(db, id, userId, { ...s.value, notes: s.value.notes ?? "" }, now);
      const refused = settle(outcome, intent, s);
      if (refused) return refused;
      return redirectWithFlash(`${back}#rencontres`, DONE.session);
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
      return redirectWithFlash(back, DONE.feedback);
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

const RATING_OPTIONS = [5, 4, 3, 2, 1].map((n) => ({
  value: String(n),
  label: `${n} — ${["", "pas du tout satisfait", "peu satisfait", "moyennement satisfait", "satisfait", "très satisfait"][n]}`,
}));


export default function MentorshipPage() {
  const d = useLoaderData<typeof loader>();
  const { m } = d;
  const { message } = useFormReply();

  return (
    <div className="container">
      <p className="eyebrow">Accompagnement</p>
      <h1>
        {m.skillName} pour « {m.projectTitle} »
      </h1>
      <p>
        <MentorshipStatusBadge status={m.status} /> <a href={`/projets/${m.projectId}`}>Voir le projet</a>
      </p>
      {message ? <Alert tone="error">{message}</Alert> : null}

      <dl className="details">
        <dt>Porteur ou porteuse</dt>
        <dd>
          {m.holderName}
          {d.contacts ? (
            <>
              {" "}
              — <a href={`mailto:${d.contacts.holderEmail}`}>{d.contacts.holderEmail}</a>
            </>
          ) : null}
        </dd>
        <dt>Bénévole</dt>
        <dd>
          {m.volunteerName}
          {d.contacts ? (
            <>
              {" "}
              — <a href={`mailto:${d.contacts.volunteerEmail}`}>{d.contacts.volunteerEmail}</a>
            </>
          ) : null}
        </dd>
        <dt>{m.initiatedBy === "benevole" ? "Proposition d'aide" : m.initiatedBy === "animateur" ? "Proposition de l'équipe d'animation" : "Demande"} du</dt>
        <dd>{formatDate(new Date(m.requestedAt))}</dd>
        <dt>Durée prévue</dt>
        <dd>
          {m.plannedMonths} mois
          {d.plannedEndAt ? `, jusqu'au ${formatDate(new Date(d.plannedEndAt))}` : null}
        </dd>
        <dt>Temps passé</dt>
        <dd>
          {minutesToHoursLabel(d.totalMinutes)} h en {m.sessions.length} rencontre{m.sessions.length > 1 ? "s" : ""}
        </dd>
      </dl>
      {!d.contacts ? <p className="hint">Les coordonnées sont partagées une fois la demande acceptée.</p> : null}

      {m.requestMessage ? (
        <blockquote className="message">
          <p className="message__who">Message de {m.initiatedBy === "benevole" ? m.volunteerName : m.initiatedBy === "animateur" ? "l'équipe d'animation du pôle" : m.holderName} :</p>
          <p className="prewrap">{m.requestMessage}</p>
        </blockquote>
      ) : null}
      {m.responseMessage ? (
        <blockquote className="message">
          <p className="message__who">Réponse de {m.initiatedBy === "benevole" ? m.holderName : m.volunteerName} :</p>
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
  return (
    <section aria-labelledby="repondre">
      <h2 id="repondre">Répondre à la demande</h2>
      {acceptBlocked ? (
        <Alert>
          {acceptBlocked}
          {side === "benevole" ? (
            <>
              {" "}
              <a href="/benevoles/profil">Modifier ma capacité</a> · <a href="/espace#en-cours">Mes accompagnements en cours</a>
            </>
          ) : null}
        </Alert>
      ) : null}
      <ConformForm form={form} intent="respond">
        <TextAreaField meta={fields.message} label="Votre message (facultatif)" rows={3} />
        <div className="actions">
          {acceptBlocked ? null : (
            <button type="submit" name="decision" value="accepter" className="button">
              Accepter
            </button>
          )}
          <button type="submit" name="decision" value="refuser" className="button button--ghost">
            Décliner
          </button>
        </div>
      </ConformForm>
    </section>
  );
}

function CancelForm() {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value="cancel" />
      <button type="submit" className="button button--ghost">
        Annuler ma demande
      </button>
    </Form>
  );
}

function SessionLog() {
  const { m } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="rencontres">
      <h2 id="rencontres">Journal des rencontres</h2>
      {m.sessions.length === 0 ? (
        <p>Aucune rencontre notée pour l'instant.</p>
      ) : (
        <ol className="session-list">
          {m.sessions.map((s) => (
            <li key={s.id} className="card">
              <h3>
                {formatDate(new Date(`${s.heldOn}T12:00:00Z`))} — {s.topic}
              </h3>
              <p className="hint">
                {formatDuration(s.durationMinutes)} · noté par {s.authorName}
              </p>
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
  return (
    <section aria-labelledby="noter-rencontre">
      <h2 id="noter-rencontre">Noter une rencontre</h2>
      <ConformForm form={form} intent="session">
        <TextField meta={fields.heldOn} label="Date de la rencontre" hint="Au format aaaa-mm-jj." />
        <NumberField meta={fields.durationMinutes} label="Durée (en minutes)" min={1} max={1440} />
        <TextField meta={fields.topic} label="Sujet" />
        <TextAreaField meta={fields.notes} label="Notes (visibles des deux côtés, facultatives)" />
        <SubmitButton>Ajouter la rencontre</SubmitButton>
      </ConformForm>
    </section>
  );
}

function EndForm() {
  const [form, fields] = useSchemaForm(endMentorshipSchema, { id: "fin", reply: "end" });
  return (
    <section aria-labelledby="terminer">
      <h2 id="terminer">Clore l'accompagnement</h2>
      <ConformForm form={form} intent="end">
        <RadioGroupField
          meta={fields.outcome}
          legend="L'accompagnement est…"
          options={[
            { value: "terminee", label: "Terminé : les objectifs sont atteints" },
            { value: "arretee", label: "Arrêté avant son terme" },
          ]}
        />
        <SelectField meta={fields.rating} label="Votre note" options={RATING_OPTIONS} placeholder="Choisir" />
        <TextAreaField meta={fields.comment} label="Votre commentaire (facultatif)" rows={3} />
        <SubmitButton>Clore l'accompagnement</SubmitButton>
      </ConformForm>
    </section>
  );
}

function FeedbackList() {
  const { m } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="avis">
      <h2 id="avis">Avis</h2>
      {m.feedback.length === 0 ? (
        <p>Aucun avis pour l'instant.</p>
      ) : (
        <ul className="plain-list">
          {m.feedback.map((f) => (
            <li key={f.authorId}>
              <strong>{f.authorName}</strong> : {f.rating} / 5{f.comment ? ` — ${f.comment}` : ""}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function FeedbackForm() {
  const [form, fields] = useSchemaForm(feedbackSchema, { id: "avis-form", reply: "feedback" });
  return (
    <section aria-labelledby="donner-avis">
      <h2 id="donner-avis">Donner mon avis</h2>
      <ConformForm form={form} intent="feedback">
        <SelectField meta={fields.rating} label="Votre note" options={RATING_OPTIONS} placeholder="Choisir" />
        <TextAreaField meta={fields.comment} label="Votre commentaire (facultatif)" rows={3} />
        <SubmitButton>Envoyer mon avis</SubmitButton>
      </ConformForm>
    </section>
  );
}
