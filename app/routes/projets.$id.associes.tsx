import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { CheckboxField, TextAreaField } from "~/components/ui/field";
import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { BRINGS_MAX, PROPOSAL_REPLY_MAX, SEEKS_MAX } from "~/domain/partnership";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { loadEditableProject, loadProject } from "~/guards/project.server";
import { answerProposal, getProjectOffer, listProposalsForOffer, saveProjectOffer } from "~/models/partnership.server";
import { partnershipAnswerSchema, partnershipOfferSchema } from "~/schemas/partnership";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { useFormReply } from "~/utils/reply";
import { UNKNOWN_INTENT, replyInvalid, replyRefused } from "~/utils/reply.server";
import { readFormData } from "~/utils/http.server";
import { useFormat, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const t = metaText(matches).projectEditing.partners;
  return [{ title: data ? t.metaTitle(data.project.title) : t.metaTitleUnknown }];
};

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
  const t = requestText(request).t.projectEditing.partners;

  if (intent === "save") {
    const submission = parseWithZod(formData, { schema: partnershipOfferSchema });
    if (submission.status !== "success") return replyInvalid(submission);
    const { brings, seeks, open } = submission.value;
    const saved = saveProjectOffer(db, auth.user.id, project.id, { brings, seeks, open: open ?? false }, now);
    if (!saved.ok) return replyRefused(saved, { submission });
    return redirectWithFlash(
      `/projets/${project.id}#associes`,
      open ? t.savedOpen : t.savedClosed,
    );
  }
  if (intent === "answer") {
    const submission = parseWithZod(formData, { schema: partnershipAnswerSchema });
    const rawId = Number(formData.get("proposalId"));
    const formId = Number.isInteger(rawId) && rawId > 0 ? answerFormId(rawId) : null;
    if (submission.status !== "success") return replyInvalid(submission, { formId });
    const { proposalId, decision, reply } = submission.value;
    const offer = getProjectOffer(db, project.id);
    if (!offer) return replyRefused({ status: 404, message: t.unknownProposal }, { submission, formId });
    const answered = answerProposal(db, auth.user.id, offer.id, proposalId, decision, reply ?? "", now);
    if (!answered.ok) return replyRefused(answered, { submission, formId });
    return redirectWithFlash(
      `/projets/${project.id}/associes#propositions`,
      answered.status === "acceptee"
        ? t.accepted
        : t.declined,
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
  const { projectEditing, vocabulary } = useT();
  const t = projectEditing.partners;
  const format = useFormat();
  return (
    <div className="container narrow">
      <p>
        <a href={`/projets/${project.id}`}>{t.back}</a>
      </p>
      <p className="eyebrow">{t.eyebrow}</p>
      <h1>{t.title(project.title)}</h1>
      <p>{t.intro}</p>

      {project.status === "clos" ? (
        <Alert>{t.closed}</Alert>
      ) : (
        <section aria-labelledby="recherche">
          <h2 id="recherche">{t.searchTitle}</h2>
          <ConformForm form={form} intent="save" aria-labelledby="recherche">
            <TextAreaField
              meta={fields.brings}
              label={t.brings}
              hint={t.bringsHint(BRINGS_MAX)}
              rows={3}
            />
            <TextAreaField
              meta={fields.seeks}
              label={t.seeks}
              hint={t.seeksHint(SEEKS_MAX)}
              rows={3}
            />
            <CheckboxField meta={fields.open} label={t.open} hint={t.openHint} />
            <SubmitButton>{t.save}</SubmitButton>
          </ConformForm>
        </section>
      )}

      <section aria-labelledby="propositions">
        <h2 id="propositions">{t.proposalsTitle}</h2>
        {proposals.length === 0 ? <p>{t.noProposal}</p> : null}
        {pending.length > 0 ? <p>{t.pending(pending.length, format.integer(pending.length))}</p> : null}
        <ul className="cards">
          {proposals.map((p) => (
            <li key={p.id} className="card" id={`proposition-${p.id}`}>
              <h3>
                {p.fromName}
                {p.fromProject ? (
                  <>
                    {" "}
                    {t.forProject} <a href={`/projets/${p.fromProject.id}`}>{p.fromProject.title}</a>
                  </>
                ) : null}
              </h3>
              <p className="hint">
                {t.received(format.date(new Date(p.createdAt)))} · {vocabulary.partnershipProposalStatus[p.status]}
                {p.answeredAt ? t.answeredOn(format.date(new Date(p.answeredAt))) : null}
              </p>
              <p className="prewrap">{p.message}</p>
              {p.reply ? (
                <p className="prewrap">
                  <strong>{t.yourReply}</strong> {p.reply}
                </p>
              ) : null}
              {p.contactEmail ? (
                <p>
                  {t.writeTo} <a href={`mailto:${p.contactEmail}`}>{p.contactEmail}</a>
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
  const t = useT().projectEditing.partners;
  return (
    <ConformForm form={form} intent="answer" aria-label={t.answerFormLabel(name)}>
      {message && !form.errors ? <Alert tone="error">{message}</Alert> : null}
      <input type="hidden" name="proposalId" value={proposalId} />
      <TextAreaField
        meta={fields.reply}
        label={t.reply(name)}
        hint={t.replyHint(PROPOSAL_REPLY_MAX)}
        rows={3}
      />
      <div className="actions">
        <button type="submit" name="decision" value="accepter" className="button">
          {t.accept}
        </button>
        <button type="submit" name="decision" value="decliner" className="button button--ghost">
          {t.decline}
        </button>
      </div>
    </ConformForm>
  );
}
