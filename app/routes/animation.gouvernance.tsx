import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DecisionLog, MandateList, type MandateItem } from "~/components/governance";
import { AnimationPageHeader, NoAnimatedPole } from "~/components/animation-page";
import { CheckboxField, NumberField, optionsFrom, SelectField, TextAreaField, TextField } from "~/components/ui/field";
import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { GOVERNANCE_BODY_KIND_HINTS, GOVERNANCE_BODY_KIND_LABELS } from "~/domain/governance";
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

export const meta: MetaFunction = () => [{ title: "Gouvernance du pôle — Animation — Maillon" }];

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

const DONE: Record<string, string> = {
  "add-body": "L'instance est ajoutée.",
  "edit-body": "L'instance est modifiée.",
  "add-mandate": "Le mandat est enregistré.",
  "end-mandate": "La fin du mandat est enregistrée.",
  "add-decision": "La décision est consignée.",
};

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
  const back = () => redirectWithFlash(`/animation/gouvernance?${new URLSearchParams({ pole: pole.slug })}`, DONE[intent] ?? "C'est enregistré.");

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

const KIND_OPTIONS = optionsFrom(GOVERNANCE_BODY_KIND_LABELS);
const KIND_HINT = Object.entries(GOVERNANCE_BODY_KIND_HINTS)
  .filter(([, hint]) => hint)
  .map(([kind, hint]) => `${GOVERNANCE_BODY_KIND_LABELS[kind as keyof typeof GOVERNANCE_BODY_KIND_LABELS]} : ${hint.toLowerCase()}`)
  .join(" ");

function EditBodyForm({ body }: { body: BodyView }) {
  const id = `edit-body-${body.id}`;
  const [form, fields] = useSchemaForm(bodySchema, {
    id,
    reply: id,
    defaultValue: { bodyId: String(body.id), kind: body.kind, name: body.name, description: body.description },
  });
  return (
    <ConformForm form={form} intent="edit-body" aria-label={`Modifier l'instance « ${body.name} »`}>
      <input type="hidden" name="bodyId" value={body.id} />
      <TextField meta={fields.name} label="Nom" />
      <SelectField meta={fields.kind} label="Type d'instance" options={KIND_OPTIONS} />
      <TextAreaField meta={fields.description} label="Rôle de l'instance (facultatif)" rows={3} />
      <SubmitButton className="button--ghost">Enregistrer l'instance</SubmitButton>
    </ConformForm>
  );
}

function EndMandateForm({ mandate, today }: { mandate: MandateItem; today: string }) {
  const id = `end-mandate-${mandate.id}`;
  const [form, fields] = useSchemaForm(endMandateSchema, { id, reply: id, defaultValue: { mandateId: String(mandate.id), endsOn: mandate.endsOn ?? today } });
  // Open when the answer is about this mandate (a refused date), so the message shows at its field.
  const { lastResult } = useFormReply(id);
  return (
    <details className="end-mandate" open={!!lastResult}>
      <summary>{mandate.endsOn ? "Changer la fin du mandat" : "Terminer le mandat"}</summary>
      <ConformForm form={form} intent="end-mandate">
        <input type="hidden" name="mandateId" value={mandate.id} />
        <TextField meta={fields.endsOn} label={`Dernier jour du mandat de ${mandate.displayName}`} hint="Au format aaaa-mm-jj." inputProps={{ size: 10 }} />
        <SubmitButton className="button--ghost">Enregistrer la fin du mandat</SubmitButton>
      </ConformForm>
    </details>
  );
}

function NewBodyForm() {
  const [form, fields] = useSchemaForm(newBodySchema, { id: "add-body", reply: "add-body" });
  return (
    <ConformForm form={form} intent="add-body" aria-labelledby="ajouter-instance">
      <SelectField meta={fields.kind} label="Type d'instance" options={KIND_OPTIONS} placeholder="Choisir" hint={KIND_HINT} />
      <TextField meta={fields.name} label="Nom" hint="Par exemple : Comité de pilotage filière maraîchage bio." />
      <TextAreaField meta={fields.description} label="Rôle de l'instance (facultatif)" rows={3} />
      <SubmitButton>Ajouter l'instance</SubmitButton>
    </ConformForm>
  );
}

type Option = { value: string; label: string };

function NewMandateForm({ bodies, people, organisations, today }: { bodies: Option[]; people: Option[]; organisations: Option[]; today: string }) {
  const [form, fields] = useSchemaForm(mandateSchema, { id: "add-mandate", reply: "add-mandate", defaultValue: { startsOn: today } });
  return (
    <ConformForm form={form} intent="add-mandate" aria-labelledby="ajouter-mandat">
      <SelectField meta={fields.bodyId} label="Instance" options={bodies} placeholder="Choisir" />
      <SelectField
        meta={fields.userId}
        label="Personne"
        options={people}
        placeholder="Choisir"
        hint="Les membres du pôle, son équipe d'animation et les représentants confirmés de ses organisations membres."
      />
      <SelectField meta={fields.organisationId} label="Pour l'organisation (facultatif)" options={organisations} placeholder="À titre personnel" />
      <TextField meta={fields.position} label="Fonction" hint="Par exemple : membre, co-présidente, référent financement." />
      <TextField meta={fields.startsOn} label="Début du mandat" hint="Au format aaaa-mm-jj." />
      <TextField meta={fields.endsOn} label="Fin du mandat (facultative)" hint="Au format aaaa-mm-jj ; laissez vide pour un mandat sans terme fixé." />
      <SubmitButton>Enregistrer le mandat</SubmitButton>
    </ConformForm>
  );
}

function DecisionForm({ bodies, today }: { bodies: Option[]; today: string }) {
  const [form, fields] = useSchemaForm(decisionSchema, { id: "add-decision", reply: "add-decision", defaultValue: { decidedOn: today } });
  return (
    <ConformForm form={form} intent="add-decision" aria-labelledby="consigner-decision">
      <SelectField meta={fields.bodyId} label="Instance" options={bodies} placeholder="Choisir" />
      <TextField meta={fields.decidedOn} label="Date de la réunion" hint="Au format aaaa-mm-jj." />
      <TextField meta={fields.subject} label="Objet" />
      <TextAreaField meta={fields.decision} label="Décision" rows={4} />
      <fieldset className="field">
        <legend>Résultat du vote (laissez vide s'il n'y a pas eu de vote)</legend>
        <div className="weight-grid">
          <NumberField meta={fields.votesFor} label="Pour" min={0} />
          <NumberField meta={fields.votesAgainst} label="Contre" min={0} />
          <NumberField meta={fields.votesAbstain} label="Abstentions" min={0} />
        </div>
      </fieldset>
      <CheckboxField meta={fields.internal} label="Décision interne" hint="Visible seulement des membres du pôle et de son équipe d'animation." />
      <SubmitButton>Consigner la décision</SubmitButton>
    </ConformForm>
  );
}

export default function AnimationGovernance() {
  const { poles, pole, today, bodies, people, organisations } = useLoaderData<typeof loader>();
  const { message } = useFormReply();
  if (!pole) {
    return <NoAnimatedPole title="Gouvernance du pôle" />;
  }
  const bodyOptions = bodies.map((b) => ({ value: String(b.id), label: b.name }));
  return (
    <div className="container">
      <AnimationPageHeader pole={pole} poles={poles} title="Gouvernance du pôle" eyebrow message={message} />
      <p>
        Ce que vous enregistrez ici paraît sur <a href={`/poles/${pole.slug}/gouvernance`}>la page publique de gouvernance du pôle</a>, sauf
        les décisions marquées internes, réservées aux membres du pôle.
      </p>

      {bodies.map((b) => (
        <section key={b.id} aria-labelledby={`instance-${b.id}`} className="card card--spaced">
          <h2 id={`instance-${b.id}`}>{b.name}</h2>
          <details>
            <summary>Modifier le nom, le type ou le rôle</summary>
            <EditBodyForm body={b} />
          </details>
          <h3>Mandats</h3>
          <MandateList
            mandates={b.mandates}
            today={today}
            action={(m) => (m.endsOn === null || m.endsOn >= today ? <EndMandateForm mandate={m} today={today} /> : <span className="badge badge--muted">Terminé</span>)}
          />
          <h3>Décisions</h3>
          <DecisionLog decisions={b.decisions} />
        </section>
      ))}

      {bodies.length > 0 ? (
        <>
          <section aria-labelledby="ajouter-mandat">
            <h2 id="ajouter-mandat">Ajouter un mandat</h2>
            <NewMandateForm bodies={bodyOptions} people={people} organisations={organisations} today={today} />
          </section>
          <section aria-labelledby="consigner-decision">
            <h2 id="consigner-decision">Consigner une décision</h2>
            <DecisionForm bodies={bodyOptions} today={today} />
          </section>
        </>
      ) : null}

      <section aria-labelledby="ajouter-instance">
        <h2 id="ajouter-instance">Ajouter une instance</h2>
        <NewBodyForm />
      </section>
    </div>
  );
}
