/**
 * /projets/:id/suivi — the holder says when the activity started, then answers the follow-ups 6, 12 and
 * 36 months later (jobs created, turnover band, still running), which feed the pôle's impact.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { NumberField, optionsFrom, RadioGroupField, SelectField, TextAreaField, TextField } from "~/components/ui/field";
import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { milestoneDay, reachedMilestones } from "~/domain/impact/follow-up";
import { parisIsoDate } from "~/domain/paris-time";
import { FOLLOW_UP_MILESTONES, type FollowUpMilestone } from "~/domain/vocabulary";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { loadProject } from "~/guards/project.server";
import { declareLaunch, getLaunchedOn, listFollowUps, recordFollowUp } from "~/models/follow-up.server";
import { followUpSchema, launchSchema } from "~/schemas/impact";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { forbidden, readFormData } from "~/utils/http.server";
import { replyInvalid, replyRefused, UNKNOWN_INTENT } from "~/utils/reply.server";
import { useFormat, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";
import { DataTable } from "~/components/ui/data-table";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const t = metaText(matches).projectEditing.followUp;
  return [{ title: data ? t.metaTitle(data.project.title) : t.metaTitleUnknown }];
};

export function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = loadProject(authorize(request, "projets.$id.suivi"), params.id);
  const db = getDb();
  const launchedOn = getLaunchedOn(db, project.id);
  const today = parisIsoDate(new Date());
  return {
    project: { id: project.id, title: project.title, status: project.status },
    launchedOn,
    today,
    reached: launchedOn ? reachedMilestones(launchedOn, today) : [],
    answers: listFollowUps(db, project.id).map((f) => ({
      milestone: f.milestoneMonths as FollowUpMilestone,
      jobsCreated: f.jobsCreated,
      turnoverBand: f.turnoverBand,
      stillActive: f.stillActive,
      comment: f.comment,
      answeredAt: f.answeredAt,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  signInFirst(request, "projets.$id.suivi");
  const formData = await readFormData(request);
  const permit = authorize(request, "projets.$id.suivi", formData);
  const { auth, project } = loadProject(permit, params.id);
  const { t: text } = requestText(request);
  const t = text.projectEditing.followUp;
  if (project.status === "brouillon") throw forbidden(t.draft);
  const db = getDb();
  const now = new Date();
  const back = `/projets/${project.id}/suivi`;
  if (permit.intent === "launch") {
    const submission = parseWithZod(formData, { schema: launchSchema });
    if (submission.status !== "success") return replyInvalid(submission, { formId: "lancement" });
    const outcome = declareLaunch(db, project.id, submission.value.launchedOn, now);
    if (!outcome.ok) return replyRefused(outcome, { submission, formId: "lancement" });
    return redirectWithFlash(back, t.launchSaved);
  }
  if (permit.intent === "answer") {
    const submission = parseWithZod(formData, { schema: followUpSchema });
    if (submission.status !== "success") return replyInvalid(submission, { formId: "suivi" });
    const v = submission.value;
    const milestone = Number(v.milestone) as FollowUpMilestone;
    const outcome = recordFollowUp(
      db,
      project.id,
      { milestone, jobsCreated: v.jobsCreated, turnoverBand: v.turnoverBand, stillActive: v.stillActive === "oui", comment: v.comment ?? "" },
      auth.user.id,
      now,
    );
    if (!outcome.ok) return replyRefused(outcome, { submission, formId: "suivi" });
    return redirectWithFlash(back, t.saved(text.vocabulary.milestone[milestone]));
  }
  return replyRefused(UNKNOWN_INTENT);
}

function LaunchForm({ launchedOn, today }: { launchedOn: string | null; today: string }) {
  const [form, fields] = useSchemaForm(launchSchema, { id: "lancement", reply: "lancement", defaultValue: { launchedOn: launchedOn ?? today } });
  const t = useT().projectEditing.followUp;
  return (
    <ConformForm form={form} intent="launch" aria-labelledby="lancement-titre">
      <TextField meta={fields.launchedOn} type="date" label={t.launchedOn} hint={t.launchedOnHint} />
      <SubmitButton>{launchedOn ? t.correctLaunch : t.saveLaunch}</SubmitButton>
    </ConformForm>
  );
}

function FollowUpForm({ reached, answers }: { reached: FollowUpMilestone[]; answers: { milestone: FollowUpMilestone }[] }) {
  const answered = new Set(answers.map((a) => a.milestone));
  const next = [...reached].reverse().find((m) => !answered.has(m)) ?? reached.at(-1)!;
  const [form, fields] = useSchemaForm(followUpSchema, { id: "suivi", reply: "suivi", defaultValue: { milestone: String(next) as "6" | "12" | "36" } });
  const { projectEditing, vocabulary } = useT();
  const t = projectEditing.followUp;
  return (
    <ConformForm form={form} intent="answer" aria-labelledby="suivi-titre">
      <SelectField meta={fields.milestone} label={t.milestone} options={reached.map((m) => ({ value: String(m), label: t.milestoneOption(vocabulary.milestone[m], answered.has(m)) }))} />
      <NumberField meta={fields.jobsCreated} label={t.jobsCreated} hint={t.jobsCreatedHint} min={0} max={10000} />
      <SelectField meta={fields.turnoverBand} label={t.turnover} options={optionsFrom(vocabulary.turnoverBand)} placeholder={t.turnoverPlaceholder} hint={t.turnoverHint} />
      <RadioGroupField meta={fields.stillActive} legend={t.stillActive} options={[{ value: "oui", label: t.yes }, { value: "non", label: t.noStopped }]} />
      <TextAreaField meta={fields.comment} label={t.comment} rows={3} />
      <SubmitButton>{t.submit}</SubmitButton>
    </ConformForm>
  );
}

export default function ProjectFollowUp() {
  const { project, launchedOn, today, reached, answers } = useLoaderData<typeof loader>();
  const { projectEditing, vocabulary } = useT();
  const t = projectEditing.followUp;
  const format = useFormat();
  return (
    <div className="container narrow">
      <p>
        <a href={`/projets/${project.id}`}>← {project.title}</a>
      </p>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {project.status === "brouillon" ? (
        <p>{t.draft}</p>
      ) : (
        <>
          <section aria-labelledby="lancement-titre">
            <h2 id="lancement-titre">{t.launchTitle}</h2>
            {launchedOn ? (
              <p>
                {t.launched(
                  format.isoDate(launchedOn),
                  FOLLOW_UP_MILESTONES.filter((m) => milestoneDay(launchedOn, m) > today)
                    .map((m) => t.milestoneOn(vocabulary.milestone[m], format.isoDate(milestoneDay(launchedOn, m))))
                    .join(", ") || t.noneLeft,
                )}
              </p>
            ) : (
              <p>{t.notLaunched}</p>
            )}
            <LaunchForm launchedOn={launchedOn} today={today} />
          </section>
          {reached.length > 0 ? (
            <section aria-labelledby="suivi-titre">
              <h2 id="suivi-titre">{t.answerTitle}</h2>
              <FollowUpForm reached={reached} answers={answers} />
            </section>
          ) : null}
          {answers.length > 0 ? (
            <section aria-labelledby="reponses-titre">
              <h2 id="reponses-titre">{t.answersTitle}</h2>
              <DataTable caption={t.caption}>
                <thead>
                  <tr>
                    <th scope="col">{t.milestone}</th>
                    <th scope="col">{t.jobsColumn}</th>
                    <th scope="col">{t.turnoverColumn}</th>
                    <th scope="col">{t.activityColumn}</th>
                    <th scope="col">{t.answeredColumn}</th>
                  </tr>
                </thead>
                <tbody>
                  {answers.map((a) => (
                    <tr key={a.milestone}>
                      <th scope="row">{vocabulary.milestone[a.milestone]}</th>
                      <td>{format.integer(a.jobsCreated)}</td>
                      <td>{vocabulary.turnoverBand[a.turnoverBand]}</td>
                      <td>{a.stillActive ? t.continues : t.stopped}</td>
                      <td>{format.date(new Date(a.answeredAt))}</td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}
