import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DecisionLog, MandateList, type MandateItem } from "~/components/governance";
import { AnimationPageHeader, NoAnimatedPole } from "~/components/animation-page";
import { CheckboxField, NumberField, optionsFrom, SelectField, TextAreaField, TextField } from "~/components/ui/field";
import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { parisIsoDate } from "~/domain/paris-time";
import { loadAnimatedPole, requireAnimatedPole } from "~/guards/animation.server";
import { authorize, signInFirst } from "~/guards/authorize.server";
import {
  addMandate,
  createBody,
  eligiblePeople,
  endMandate,
  getGovernance,
  recordDecision,
  updateBody,
  type BodyView,
} from "~/models/governance.server";
import { confirmedOrganisationsOfPole } from "~/models/organisation.server";
import { bodySchema, decisionSchema, endMandateSchema, mandateSchema, newBodySchema } from "~/schemas/governance";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readFormData, readId } from "~/utils/http.server";
import { useFormReply } from "~/utils/reply";
import { replyInvalid, replyRefused, UNKNOWN_INTENT } from "~/utils/reply.server";
import { useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import type { Messages } from "~/i18n/messages";
import { requestText } from "~/utils/locale.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaText(matches).animation.governance.metaTitle }];

export function loader({ request }: LoaderFunctionArgs) {
  const { poles, pole } = loadAnimatedPole(authorize(request, "animation.gouvernance"), request);
  const db = getDb();
  const today = parisIsoDate(new Date());
  return {
    poles,
    pole,
    today,
    bodies: pole ? getGovernance(db, pole.id, { today, internal: true }) : [],
    people: pole ? eligiblePeople(db, pole.id).map((p) => ({ value: String(p.id), label: p.displayName })) : [],
    organisations: pole ? confirmedOrganisationsOfPole(db, pole.id).map((o) => ({ value: String(o.id), label: o.name })) : [],
  };
}

/** What the page says once an intent is done. */
function doneMessage(t: Messages["animation"]["governance"], intent: string): string {
  const done: Record<string, string> = {
    "add-body": t.bodyAdded,
    "edit-body": t.bodyEdited,
    "add-mandate": t.mandateAdded,
    "end-mandate": t.mandateEnded,
    "add-decision": t.decisionAdded,
  };
  return done[intent] ?? t.saved;
}

/** The form a reply goes back to: one per body and per mandate, one for each of the other forms. */
function formIdOf(intent: string, formData: FormData): string | null {
  if (intent === "edit-body") return `edit-body-${readId(formData.get("bodyId")) ?? "inconnue"}`;
  if (intent === "end-mandate") return `end-mandate-${readId(formData.get("mandateId")) ?? "inconnu"}`;
  return intent;
}

export async function action({ request }: ActionFunctionArgs) {
  signInFirst(request, "animation.gouvernance");
  const formData = await readFormData(request);
  const permit = authorize(request, "animation.gouvernance", formData);
  const { auth, pole } = requireAnimatedPole(permit, request);
  const db = getDb();
  const intent = permit.intent ?? "";
  const formId = formIdOf(intent, formData);
  const actorId = auth.user.id;
  const t = requestText(request).t.animation.governance;
  const back = () => redirectWithFlash(`/animation/gouvernance?${new URLSearchParams({ pole: pole.slug })}`, doneMessage(t, intent));

  if (intent === "add-body") {
    const submission = parseWithZod(formData, { schema: newBodySchema });
    if (submission.status !== "success") return replyInvalid(submission, { formId });
    const v = submission.value;
    const outcome = createBody(db, pole.id, actorId, { kind: v.kind, name: v.name, description: v.description ?? "" });
    return outcome.ok ? back() : replyRefused(outcome, { submission, formId });
  }
  if (intent === "edit-body") {
    const submission = parseWithZod(formData, { schema: bodySchema });
    if (submission.status !== "success") return replyInvalid(submission, { formId });
    const v = submission.value;
    const outcome = updateBody(db, pole.id, actorId, v.bodyId, { kind: v.kind, name: v.name, description: v.description ?? "" });
    return outcome.ok ? back() : replyRefused(outcome, { submission, formId });
  }
  if (intent === "add-mandate") {
    const submission = parseWithZod(formData, { schema: mandateSchema });
    if (submission.status !== "success") return replyInvalid(submission, { formId });
    const v = submission.value;
    const outcome = addMandate(db, pole.id, actorId, {
      bodyId: v.bodyId,
      userId: v.userId,
      organisationId: v.organisationId ?? null,
      position: v.position,
      startsOn: v.startsOn,
      endsOn: v.endsOn ?? null,
    });
    return outcome.ok ? back() : replyRefused(outcome, { submission, formId });
  }
  if (intent === "end-mandate") {
    const submission = parseWithZod(formData, { schema: endMandateSchema });
    if (submission.status !== "success") return replyInvalid(submission, { formId });
    const outcome = endMandate(db, pole.id, actorId, submission.value.mandateId, submission.value.endsOn, parisIsoDate(new Date()));
    return outcome.ok ? back() : replyRefused(outcome, { submission, formId, field: "endsOn" });
  }
  if (intent === "add-decision") {
    const submission = parseWithZod(formData, { schema: decisionSchema });
    if (submission.status !== "success") return replyInvalid(submission, { formId });
    const v = submission.value;
    const outcome = recordDecision(
      db,
      pole.id,
      actorId,
      {
        bodyId: v.bodyId,
        decidedOn: v.decidedOn,
        subject: v.subject,
        decision: v.decision,
        votesFor: v.votesFor ?? null,
        votesAgainst: v.votesAgainst ?? null,
        votesAbstain: v.votesAbstain ?? null,
        internal: v.internal ?? false,
      },
      new Date(),
    );
    return outcome.ok ? back() : replyRefused(outcome, { submission, formId });
  }
  return replyRefused(UNKNOWN_INTENT);
}

/** The governance table and the kinds of body as options, in the page's language. */
function useGovernanceText() {
  const { animation, vocabulary } = useT();
  return { t: animation.governance, kindOptions: optionsFrom(vocabulary.governanceBodyKind) };
}

function EditBodyForm({ body }: { body: BodyView }) {
  const id = `edit-body-${body.id}`;
  const [form, fields] = useSchemaForm(bodySchema, {
    id,
    reply: id,
    defaultValue: { bodyId: String(body.id), kind: body.kind, name: body.name, description: body.description },
  });
  const { t, kindOptions } = useGovernanceText();
  return (
    <ConformForm form={form} intent="edit-body" aria-label={t.editBodyLabel(body.name)}>
      <input type="hidden" name="bodyId" value={body.id} />
      <TextField meta={fields.name} label={t.name} />
      <SelectField meta={fields.kind} label={t.kind} options={kindOptions} />
      <TextAreaField meta={fields.description} label={t.role} rows={3} />
      <SubmitButton className="button--ghost">{t.saveBody}</SubmitButton>
    </ConformForm>
  );
}

function EndMandateForm({ mandate, today }: { mandate: MandateItem; today: string }) {
  const id = `end-mandate-${mandate.id}`;
  const [form, fields] = useSchemaForm(endMandateSchema, { id, reply: id, defaultValue: { mandateId: String(mandate.id), endsOn: mandate.endsOn ?? today } });
  // Open when the answer is about this mandate (a refused date), so the message shows at its field.
  const { lastResult } = useFormReply(id);
  const { t } = useGovernanceText();
  return (
    <details className="end-mandate" open={!!lastResult}>
      <summary>{mandate.endsOn ? t.changeEnd : t.endMandate}</summary>
      <ConformForm form={form} intent="end-mandate">
        <input type="hidden" name="mandateId" value={mandate.id} />
        <TextField meta={fields.endsOn} label={t.lastDay(mandate.displayName)} hint={t.dateHint} inputProps={{ size: 10 }} />
        <SubmitButton className="button--ghost">{t.saveEnd}</SubmitButton>
      </ConformForm>
    </details>
  );
}

function NewBodyForm() {
  const [form, fields] = useSchemaForm(newBodySchema, { id: "add-body", reply: "add-body" });
  const { t, kindOptions } = useGovernanceText();
  return (
    <ConformForm form={form} intent="add-body" aria-labelledby="ajouter-instance">
      <SelectField meta={fields.kind} label={t.kind} options={kindOptions} placeholder={t.choose} hint={t.kindHint} />
      <TextField meta={fields.name} label={t.name} hint={t.nameHint} />
      <TextAreaField meta={fields.description} label={t.role} rows={3} />
      <SubmitButton>{t.addBody}</SubmitButton>
    </ConformForm>
  );
}

type Option = { value: string; label: string };

function NewMandateForm({ bodies, people, organisations, today }: { bodies: Option[]; people: Option[]; organisations: Option[]; today: string }) {
  const [form, fields] = useSchemaForm(mandateSchema, { id: "add-mandate", reply: "add-mandate", defaultValue: { startsOn: today } });
  const { t } = useGovernanceText();
  return (
    <ConformForm form={form} intent="add-mandate" aria-labelledby="ajouter-mandat">
      <SelectField meta={fields.bodyId} label={t.body} options={bodies} placeholder={t.choose} />
      <SelectField meta={fields.userId} label={t.person} options={people} placeholder={t.choose} hint={t.personHint} />
      <SelectField meta={fields.organisationId} label={t.organisation} options={organisations} placeholder={t.personal} />
      <TextField meta={fields.position} label={t.position} hint={t.positionHint} />
      <TextField meta={fields.startsOn} label={t.startsOn} hint={t.dateHint} />
      <TextField meta={fields.endsOn} label={t.endsOn} hint={t.endsOnHint} />
      <SubmitButton>{t.saveMandate}</SubmitButton>
    </ConformForm>
  );
}

function DecisionForm({ bodies, today }: { bodies: Option[]; today: string }) {
  const [form, fields] = useSchemaForm(decisionSchema, { id: "add-decision", reply: "add-decision", defaultValue: { decidedOn: today } });
  const { t } = useGovernanceText();
  return (
    <ConformForm form={form} intent="add-decision" aria-labelledby="consigner-decision">
      <SelectField meta={fields.bodyId} label={t.body} options={bodies} placeholder={t.choose} />
      <TextField meta={fields.decidedOn} label={t.decidedOn} hint={t.dateHint} />
      <TextField meta={fields.subject} label={t.subject} />
      <TextAreaField meta={fields.decision} label={t.decision} rows={4} />
      <fieldset className="field">
        <legend>{t.votes}</legend>
        <div className="weight-grid">
          <NumberField meta={fields.votesFor} label={t.votesFor} min={0} />
          <NumberField meta={fields.votesAgainst} label={t.votesAgainst} min={0} />
          <NumberField meta={fields.votesAbstain} label={t.votesAbstain} min={0} />
        </div>
      </fieldset>
      <CheckboxField meta={fields.internal} label={t.internal} hint={t.internalHint} />
      <SubmitButton>{t.saveDecision}</SubmitButton>
    </ConformForm>
  );
}

export default function AnimationGovernance() {
  const { poles, pole, today, bodies, people, organisations } = useLoaderData<typeof loader>();
  const { message } = useFormReply();
  const { t } = useGovernanceText();
  if (!pole) {
    return <NoAnimatedPole title={t.title} />;
  }
  const bodyOptions = bodies.map((b) => ({ value: String(b.id), label: b.name }));
  return (
    <div className="container">
      <AnimationPageHeader pole={pole} poles={poles} title={t.title} eyebrow message={message} />
      <p>
        {t.introBefore}
        <a href={`/poles/${pole.slug}/gouvernance`}>{t.introLink}</a>
        {t.introAfter}
      </p>

      {bodies.map((b) => (
        <section key={b.id} aria-labelledby={`instance-${b.id}`} className="card card--spaced">
          <h2 id={`instance-${b.id}`}>{b.name}</h2>
          <details>
            <summary>{t.editBody}</summary>
            <EditBodyForm body={b} />
          </details>
          <h3>{t.mandates}</h3>
          <MandateList
            mandates={b.mandates}
            today={today}
            action={(m) => (m.endsOn === null || m.endsOn >= today ? <EndMandateForm mandate={m} today={today} /> : <span className="badge badge--muted">{t.ended}</span>)}
          />
          <h3>{t.decisions}</h3>
          <DecisionLog decisions={b.decisions} />
        </section>
      ))}

      {bodies.length > 0 ? (
        <>
          <section aria-labelledby="ajouter-mandat">
            <h2 id="ajouter-mandat">{t.addMandateTitle}</h2>
            <NewMandateForm bodies={bodyOptions} people={people} organisations={organisations} today={today} />
          </section>
          <section aria-labelledby="consigner-decision">
            <h2 id="consigner-decision">{t.addDecisionTitle}</h2>
            <DecisionForm bodies={bodyOptions} today={today} />
          </section>
        </>
      ) : null}

      <section aria-labelledby="ajouter-instance">
        <h2 id="ajouter-instance">{t.addBodyTitle}</h2>
        <NewBodyForm />
      </section>
    </div>
  );
}
