import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { FundingProgress } from "~/components/funding-progress";
import { optionsFrom, RadioGroupField, TextAreaField, TextField } from "~/components/ui/field";
import { closeDueVotesOnProject } from "~/models/club-vote.server";
import { getProjectFundingProgress } from "~/models/funding-progress.server";
import { cancelPledge, createPledge, listMyPledges } from "~/models/pledge.server";
import { pledgeSchema } from "~/schemas/finance";
import { hasRole } from "~/domain/permissions";
import type { Auth } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { loadProject } from "~/guards/project.server";
import { readFormData, readId } from "~/utils/http.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { useFormReply } from "~/utils/reply";
import { replyInvalid, replyRefused } from "~/utils/reply.server";
import { Alert } from "~/components/ui/alert";
import { authorize, type Permit, signInFirst } from "~/guards/authorize.server";
import { useFormat, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: metaText(matches).funding.pledge.metaTitle }];

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
  const t = requestText(request).t.funding.pledge;
  if (formData.get("intent") === "cancel-pledge") {
    const pledgeId = readId(formData.get("pledgeId"));
    const outcome = pledgeId !== null ? cancelPledge(getDb(), { pledgeId, projectId: project.id }, auth.user.id, new Date()) : null;
    if (!outcome?.ok) return replyRefused(outcome ?? { status: 404, message: t.notFound });
    return redirectWithFlash(`/projets/${project.id}/soutenir`, t.cancelled);
  }
  const submission = parseWithZod(formData, { schema: pledgeSchema });
  if (submission.status !== "success") return replyInvalid(submission, { formId: PLEDGE_FORM });
  const v = submission.value;
  const outcome = createPledge(getDb(), auth.user.id, project.id, { amountCents: v.amount, kind: v.kind, message: v.message ?? "" }, new Date());
  if (!outcome.ok) return replyRefused(outcome, { submission, formId: PLEDGE_FORM });
  return redirectWithFlash(
    "/espace#mes-soutiens",
    t.saved,
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
  const { funding, vocabulary } = useT();
  const t = funding.pledge;
  const format = useFormat();
  return (
    <div className="container narrow">
      <p>
        <a href={`/projets/${project.id}`}>{t.back}</a>
      </p>
      <h1>{t.title(project.title)}</h1>
      <p>{project.pitch}</p>
      {project.fundingNeed ? (
        <p>
          {t.sought(format.euros(project.fundingNeed.amountCents), vocabulary.fundingKind[project.fundingNeed.kind].toLowerCase())}
        </p>
      ) : null}
      {message ? <Alert tone="error">{message}</Alert> : null}
      <FundingProgress progress={progress} projectId={project.id} />
      {mine.length > 0 ? (
        <section aria-labelledby="mes-promesses">
          <h2 id="mes-promesses">{t.mine}</h2>
          <ul className="plain-list">
            {mine.map((p) => (
              <li key={p.id} className="actions">
                <span>{t.minePledge(format.euros(p.amountCents), vocabulary.fundingKind[p.kind].toLowerCase())}</span>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="cancel-pledge" />
                  <input type="hidden" name="pledgeId" value={p.id} />
                  <button type="submit" className="button button--ghost">
                    {t.cancel}
                    <span className="visually-hidden">{t.cancelWhich(format.euros(p.amountCents))}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {!open ? (
        <Alert>{t.notPublished}</Alert>
      ) : progress.needCents === null ? (
        <Alert>{t.noNeed}</Alert>
      ) : progress.goalReached ? null : isOwner ? (
        <Alert>{t.ownProject}</Alert>
      ) : !isSaver ? (
        <Alert>
          {t.saversOnlyBefore} <a href="/compte">{t.saversOnlyLink}</a>
          {t.saversOnlyAfter}
        </Alert>
      ) : (
        <>
          <h2 id="promesse">{t.formTitle}</h2>
          <p>{t.formIntro}</p>
          <ConformForm form={form} aria-labelledby="promesse">
            <TextField
              meta={fields.amount}
              label={t.amount}
              hint={t.amountHint(format.euros(progress.remainingCents ?? 0))}
              inputProps={{ inputMode: "decimal" }}
            />
            <RadioGroupField meta={fields.kind} legend={t.kind} options={optionsFrom(vocabulary.fundingKind)} />
            <TextAreaField meta={fields.message} label={t.message} rows={3} />
            <SubmitButton>{t.submit}</SubmitButton>
          </ConformForm>
        </>
      )}
    </div>
  );
}
