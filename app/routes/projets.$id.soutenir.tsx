import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { FundingProgress } from "~/components/funding-progress";
import { optionsFrom, RadioGroupField, TextAreaField, TextField } from "~/components/ui/field";
import { FUNDING_KIND_LABELS } from "~/domain/project";
import { closeDueVotesOnProject } from "~/models/club-vote.server";
import { getProjectFundingProgress } from "~/models/funding-progress.server";
import { cancelPledge, createPledge, listMyPledges } from "~/models/pledge.server";
import { pledgeSchema } from "~/schemas/finance";
import { hasRole } from "~/domain/permissions";
import type { Auth } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { formatEuros } from "~/domain/format";
import { loadProject } from "~/guards/project.server";
import { readFormData, readId } from "~/utils/http.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { useFormReply } from "~/utils/reply";
import { replyInvalid, replyRefused } from "~/utils/reply.server";
import { Alert } from "~/components/ui/alert";
import { authorize, type Permit, signInFirst } from "~/guards/authorize.server";

export const meta: MetaFunction = () => [{ title: "Soutenir un projet — Maillon" }];

function load(permit: Permit<Auth>, idParam: string | undefined) {
  const { project } = loadProject(permit, idParam);
  return { auth: permit.auth, project };
}

export function loader({ request, params }: LoaderFunctionArgs) {
  const { auth, project } = load(authorize(request, "projets.$id.soutenir"), params.id);
  closeDueVotesOnProject(getDb(), project.id, new Date());
  return {
    project: { id: project.id, title: project.title, pitch: project.pitch, status: project.status, fundingNeed: project.fundingNeed },
    isSaver: hasRole(auth, "epargnant"),
    isOwner: project.ownerId === auth.user.id,
    progress: getProjectFundingProgress(getDb(), project.id),
    mine: listMyPledges(getDb(), auth.user.id).filter((p) => p.projectId === project.id && p.status === "actif"),
  };
}

/** The pledge form; the cancel buttons answer for the page. */
const PLEDGE_FORM = "soutien";

export async function action({ request, params }: ActionFunctionArgs) {
  signInFirst(request, "projets.$id.soutenir");
  const formData = await readFormData(request);
  const { auth, project } = load(authorize(request, "projets.$id.soutenir", formData), params.id);
  if (formData.get("intent") === "cancel-pledge") {
    const pledgeId = readId(formData.get("pledgeId"));
    const outcome = pledgeId !== null ? cancelPledge(getDb(), { pledgeId, projectId: project.id }, auth.user.id, new Date()) : null;
    if (!outcome?.ok) return replyRefused(outcome ?? { status: 404, message: "Promesse introuvable." });
    return redirectWithFlash(`/projets/${project.id}/soutenir`, "Votre promesse est annulée.");
  }
  const submission = parseWithZod(formData, { schema: pledgeSchema });
  if (submission.status !== "success") return replyInvalid(submission, { formId: PLEDGE_FORM });
  const v = submission.value;
  const outcome = createPledge(getDb(), auth.user.id, project.id, { amountCents: v.amount, kind: v.kind, message: v.message ?? "" }, new Date());
  if (!outcome.ok) return replyRefused(outcome, { submission, formId: PLEDGE_FORM });
  return redirectWithFlash(
    "/espace#mes-soutiens",
    "Votre promesse de soutien est enregistrée. La personne qui porte le projet vous contactera pour le virement.",
  );
}

export default function Pledge() {
  const { project, isSaver, isOwner, progress, mine } = useLoaderData<typeof loader>();
  const { message } = useFormReply();
  const [form, fields] = useSchemaForm(pledgeSchema, {
    id: PLEDGE_FORM,
    defaultValue: { kind: project.fundingNeed?.kind ?? "pret" },
    reply: PLEDGE_FORM,
  });
  const open = project.status === "publie";
  return (
    <div className="container narrow">
      <p>
        <a href={`/projets/${project.id}`}>← Retour au projet</a>
      </p>
      <h1>Soutenir « {project.title} »</h1>
      <p>{project.pitch}</p>
      {project.fundingNeed ? (
        <p>
          Le projet recherche {formatEuros(project.fundingNeed.amountCents)} ({FUNDING_KIND_LABELS[project.fundingNeed.kind].toLowerCase()}).
        </p>
      ) : null}
      {message ? <Alert tone="error">{message}</Alert> : null}
      <FundingProgress progress={progress} projectId={project.id} />
      {mine.length > 0 ? (
        <section aria-labelledby="mes-promesses">
          <h2 id="mes-promesses">Mes promesses pour ce projet</h2>
          <ul className="plain-list">
            {mine.map((p) => (
              <li key={p.id} className="actions">
                <span>
                  {formatEuros(p.amountCents)}, {FUNDING_KIND_LABELS[p.kind].toLowerCase()}
                </span>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="cancel-pledge" />
                  <input type="hidden" name="pledgeId" value={p.id} />
                  <button type="submit" className="button button--ghost">
                    Annuler cette promesse<span className="visually-hidden"> de {formatEuros(p.amountCents)}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {!open ? (
        <Alert>Ce projet n'est pas publié : il ne reçoit pas de soutien.</Alert>
      ) : progress.needCents === null ? (
        <Alert>Ce projet ne recherche pas de financement pour l'instant.</Alert>
      ) : progress.goalReached ? null : isOwner ? (
        <Alert>C'est votre projet : vous ne pouvez pas le soutenir vous-même.</Alert>
      ) : !isSaver ? (
        <Alert>
          Le soutien direct est réservé aux épargnants : ajoutez ce rôle dans <a href="/compte">votre compte</a>.
        </Alert>
      ) : (
        <>
          <h2 id="promesse">Ma promesse de soutien</h2>
          <p>
            Vous vous engagez auprès de la personne qui porte le projet ; elle vous contactera pour le virement et, s'il s'agit d'un prêt ou
            d'une entrée au capital, pour signer les documents.
          </p>
          <ConformForm form={form} aria-labelledby="promesse">
            <TextField
              meta={fields.amount}
              label="Montant (en euros)"
              hint={`Au moins 10 €, au plus ce qu'il reste à trouver : ${formatEuros(progress.remainingCents ?? 0)}.`}
              inputProps={{ inputMode: "decimal" }}
            />
            <RadioGroupField meta={fields.kind} legend="Sous quelle forme ?" options={optionsFrom(FUNDING_KIND_LABELS)} />
            <TextAreaField meta={fields.message} label="Un mot pour la personne qui porte le projet (facultatif)" rows={3} />
            <SubmitButton>Enregistrer ma promesse</SubmitButton>
          </ConformForm>
        </>
      )}
    </div>
  );
}
