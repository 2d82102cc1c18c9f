import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { CheckboxField, TextAreaField } from "~/components/ui/field";
import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { formatDate } from "~/domain/format";
import { BRINGS_MAX, PARTNERSHIP_PROPOSAL_STATUS_LABELS, PROPOSAL_REPLY_MAX, SEEKS_MAX } from "~/domain/partnership";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { loadEditableProject, loadProject } from "~/guards/project.server";
import { answerProposal, getProjectOffer, listProposalsForOffer, saveProjectOffer } from "~/models/partnership.server";
import { partnershipAnswerSchema, partnershipOfferSchema } from "~/schemas/partnership";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { useFormReply } from "~/utils/reply";
import { UNKNOWN_INTENT, replyInvalid, replyRefused } from "~/utils/reply.server";
import { readFormData } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Associés pour « ${data.project.title} » — Maillon` : "Associés — Maillon" },
];

export function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = loadProject(authorize(request, "projets.$id.associes"), params.id);
  const db = getDb();
  const offer = getProjectOffer(db, project.id);
  return {
    project: { id: project.id, title: project.title, status: project.status },
    offer: offer ? { brings: offer.brings, seeks: offer.seeks, open: offer.open } : null,
    proposals: offer ? listProposalsForOffer(db, offer.id) : [],
  };
}

const answerFormId = (proposalId: number) => `reponse-${proposalId}`;

export async function action({ request, params }: ActionFunctionArgs) {
  signInFirst(request, "projets.$id.associes");
  const formData = await readFormData(request);
  const { auth, project } = loadEditableProject(authorize(request, "projets.$id.associes", formData), params.id);
  const db = getDb();
  const intent = String(formData.get("intent") ?? "");
  const now = new Date();

  if (intent === "save") {
    const submission = parseWithZod(formData, { schema: partnershipOfferSchema });
    if (submission.status !== "success") return replyInvalid(submission);
    const { brings, seeks, open } = submission.value;
    const saved = saveProjectOffer(db, auth.user.id, project.id, { brings, seeks, open: open ?? false }, now);
    if (!saved.ok) return replyRefused(saved, { submission });
    return redirectWithFlash(
      `/projets/${project.id}#associes`,
      open ? "Votre recherche d'associés est enregistrée : elle apparaît sur la page du projet." : "Votre recherche d'associés est close : elle ne reçoit plus de propositions.",
    );
  }
  if (intent === "answer") {
    const submission = parseWithZod(formData, { schema: partnershipAnswerSchema });
    const rawId = Number(formData.get("proposalId"));
    const formId = Number.isInteger(rawId) && rawId > 0 ? answerFormId(rawId) : null;
    if (submission.status !== "success") return replyInvalid(submission, { formId });
    const { proposalId, decision, reply } = submission.value;
    const offer = getProjectOffer(db, project.id);
    if (!offer) return replyRefused({ status: 404, message: "Cette proposition n'existe pas." }, { submission, formId });
    const answered = answerProposal(db, auth.user.id, offer.id, proposalId, decision, reply ?? "", now);
    if (!answered.ok) return replyRefused(answered, { submission, formId });
    return redirectWithFlash(
      `/projets/${project.id}/associes#propositions`,
      answered.status === "acceptee"
        ? "Proposition acceptée : vous recevez ses coordonnées, et la personne reçoit les vôtres."
        : "Proposition déclinée : la personne reçoit votre réponse.",
    );
  }
  return replyRefused(UNKNOWN_INTENT);
}

export default function Partners() {
  const { project, offer, proposals } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(partnershipOfferSchema, {
    id: "offre",
    defaultValue: offer ?? { brings: "", seeks: "", open: true },
  });
  const pending = proposals.filter((p) => p.status === "envoyee");
  return (
    <div className="container narrow">
      <p>
        <a href={`/projets/${project.id}`}>← Retour au projet</a>
      </p>
      <p className="eyebrow">M'associer avec d'autres</p>
      <h1>Associés pour « {project.title} »</h1>
      <p>
        Dites ce que le projet apporte et ce qu'il cherche : la page du projet le montre à tous, et les personnes intéressées vous
        écrivent par Maillon, sans voir votre adresse. La page du projet suggère aussi des projets et des organisations
        complémentaires de votre territoire, en expliquant pourquoi.
      </p>

      {project.status === "clos" ? (
        <Alert>Ce projet est clos : sa recherche d'associés ne peut plus changer.</Alert>
      ) : (
        <section aria-labelledby="recherche">
          <h2 id="recherche">Votre recherche d'associés</h2>
          <ConformForm form={form} intent="save" aria-labelledby="recherche">
            <TextAreaField
              meta={fields.brings}
              label="Ce que le projet apporte"
              hint={`Un local, du matériel, une clientèle, un savoir-faire… (${BRINGS_MAX} caractères au plus).`}
              rows={3}
            />
            <TextAreaField
              meta={fields.seeks}
              label="Ce que vous cherchez"
              hint={`Quel profil, quel apport, quel engagement (${SEEKS_MAX} caractères au plus).`}
              rows={3}
            />
            <CheckboxField meta={fields.open} label="Je cherche des associés en ce moment" hint="Décochez pour ne plus recevoir de propositions." />
            <SubmitButton>Enregistrer</SubmitButton>
          </ConformForm>
        </section>
      )}

      <section aria-labelledby="propositions">
        <h2 id="propositions">Propositions reçues</h2>
        {proposals.length === 0 ? <p>Aucune proposition pour l'instant.</p> : null}
        {pending.length > 0 ? <p>{pending.length > 1 ? `${pending.length} propositions attendent` : "Une proposition attend"} votre réponse.</p> : null}
        <ul className="cards">
          {proposals.map((p) => (
            <li key={p.id} className="card" id={`proposition-${p.id}`}>
              <h3>
                {p.fromName}
                {p.fromProject ? (
                  <>
                    {" "}
                    pour <a href={`/projets/${p.fromProject.id}`}>{p.fromProject.title}</a>
                  </>
                ) : null}
              </h3>
              <p className="hint">
                Reçue le {formatDate(new Date(p.createdAt))} · {PARTNERSHIP_PROPOSAL_STATUS_LABELS[p.status]}
                {p.answeredAt ? ` le ${formatDate(new Date(p.answeredAt))}` : null}
              </p>
              <p className="prewrap">{p.message}</p>
              {p.reply ? (
                <p className="prewrap">
                  <strong>Votre réponse :</strong> {p.reply}
                </p>
              ) : null}
              {p.contactEmail ? (
                <p>
                  Pour lui écrire : <a href={`mailto:${p.contactEmail}`}>{p.contactEmail}</a>
                </p>
              ) : null}
              {p.status === "envoyee" && project.status !== "clos" ? <AnswerForm proposalId={p.id} name={p.fromName} /> : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function AnswerForm({ proposalId, name }: { proposalId: number; name: string }) {
  const formId = answerFormId(proposalId);
  const [form, fields] = useSchemaForm(partnershipAnswerSchema, { id: formId, reply: formId, defaultValue: { reply: "" } });
  const { message } = useFormReply(formId);
  return (
    <ConformForm form={form} intent="answer" aria-label={`Répondre à ${name}`}>
      {message && !form.errors ? <Alert tone="error">{message}</Alert> : null}
      <input type="hidden" name="proposalId" value={proposalId} />
      <TextAreaField
        meta={fields.reply}
        label={`Votre réponse à ${name}`}
        hint={`Facultative pour accepter, demandée pour décliner (${PROPOSAL_REPLY_MAX} caractères au plus).`}
        rows={3}
      />
      <div className="actions">
        <button type="submit" name="decision" value="accepter" className="button">
          Accepter et échanger nos coordonnées
        </button>
        <button type="submit" name="decision" value="decliner" className="button button--ghost">
          Décliner
        </button>
      </div>
    </ConformForm>
  );
}
