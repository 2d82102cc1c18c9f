/**
 * /projets/:id/suivi — the holder says when the activity started, then answers the follow-ups 6, 12 and
 * 36 months later (jobs created, turnover band, still running), which feed the pôle's impact.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { NumberField, optionsFrom, RadioGroupField, SelectField, TextAreaField, TextField } from "~/components/ui/field";
import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { TURNOVER_BAND_LABELS } from "~/domain/impact/catalog";
import { MILESTONE_LABELS, milestoneDay, reachedMilestones } from "~/domain/impact/follow-up";
import { formatDate, formatInteger, formatIsoDate } from "~/domain/format";
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

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Suivi de l'activité — ${data.project.title} — Maillon` : "Suivi de l'activité — Maillon" }];

const DRAFT = "Publiez d'abord le projet : le suivi de l'activité commence une fois le projet publié.";

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
  if (project.status === "brouillon") throw forbidden(DRAFT);
  const db = getDb();
  const now = new Date();
  const back = `/projets/${project.id}/suivi`;
  if (permit.intent === "launch") {
    const submission = parseWithZod(formData, { schema: launchSchema });
    if (submission.status !== "success") return replyInvalid(submission, { formId: "lancement" });
    const outcome = declareLaunch(db, project.id, submission.value.launchedOn, now);
    if (!outcome.ok) return replyRefused(outcome, { submission, formId: "lancement" });
    return redirectWithFlash(back, "La date de lancement est enregistrée. Maillon vous posera quelques questions à 6 mois, 1 an et 3 ans.");
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
    return redirectWithFlash(back, `Merci : votre suivi à ${MILESTONE_LABELS[milestone]} est enregistré.`);
  }
  return replyRefused(UNKNOWN_INTENT);
}

function LaunchForm({ launchedOn, today }: { launchedOn: string | null; today: string }) {
  const [form, fields] = useSchemaForm(launchSchema, { id: "lancement", reply: "lancement", defaultValue: { launchedOn: launchedOn ?? today } });
  return (
    <ConformForm form={form} intent="launch" aria-labelledby="lancement-titre">
      <TextField meta={fields.launchedOn} type="date" label="Jour où l'activité a démarré" hint="Au format aaaa-mm-jj : la première vente, l'ouverture, l'immatriculation." />
      <SubmitButton>{launchedOn ? "Corriger la date de lancement" : "Enregistrer la date de lancement"}</SubmitButton>
    </ConformForm>
  );
}

function FollowUpForm({ reached, answers }: { reached: FollowUpMilestone[]; answers: { milestone: FollowUpMilestone }[] }) {
  const answered = new Set(answers.map((a) => a.milestone));
  const next = [...reached].reverse().find((m) => !answered.has(m)) ?? reached.at(-1)!;
  const [form, fields] = useSchemaForm(followUpSchema, { id: "suivi", reply: "suivi", defaultValue: { milestone: String(next) as "6" | "12" | "36" } });
  return (
    <ConformForm form={form} intent="answer" aria-labelledby="suivi-titre">
      <SelectField meta={fields.milestone} label="Échéance" options={reached.map((m) => ({ value: String(m), label: `${MILESTONE_LABELS[m]} après le lancement${answered.has(m) ? " (déjà répondu : corriger)" : ""}` }))} />
      <NumberField meta={fields.jobsCreated} label="Emplois créés depuis le lancement" hint="Vous compris, en équivalents temps plein arrondis ; 0 s'il n'y en a pas encore." min={0} max={10000} />
      <SelectField meta={fields.turnoverBand} label="Chiffre d'affaires annuel" options={optionsFrom(TURNOVER_BAND_LABELS)} placeholder="Choisir une tranche" hint="Seule la tranche est demandée ; le pôle ne publie que des totaux." />
      <RadioGroupField meta={fields.stillActive} legend="L'activité se poursuit-elle ?" options={[{ value: "oui", label: "Oui" }, { value: "non", label: "Non, elle s'est arrêtée" }]} />
      <TextAreaField meta={fields.comment} label="Un mot pour l'équipe du pôle (facultatif)" rows={3} />
      <SubmitButton>Enregistrer mon suivi</SubmitButton>
    </ConformForm>
  );
}

export default function ProjectFollowUp() {
  const { project, launchedOn, today, reached, answers } = useLoaderData<typeof loader>();
  return (
    <div className="container narrow">
      <p>
        <a href={`/projets/${project.id}`}>← {project.title}</a>
      </p>
      <h1>Suivi de l'activité</h1>
      <p>
        Six mois, un an et trois ans après le lancement, trois questions : les emplois créés, la tranche de chiffre d'affaires
        et si l'activité se poursuit. Le pôle en tire ses indicateurs d'impact (emplois créés, activités toujours en place à
        3 ans) ; aucune réponse individuelle n'est publiée.
      </p>
      {project.status === "brouillon" ? (
        <p>{DRAFT}</p>
      ) : (
        <>
          <section aria-labelledby="lancement-titre">
            <h2 id="lancement-titre">Lancement</h2>
            {launchedOn ? (
              <p>
                L'activité a démarré le {formatIsoDate(launchedOn)}. Prochaines échéances :{" "}
                {FOLLOW_UP_MILESTONES.filter((m) => milestoneDay(launchedOn, m) > today)
                  .map((m) => `${MILESTONE_LABELS[m]} le ${formatIsoDate(milestoneDay(launchedOn, m))}`)
                  .join(", ") || "aucune, le suivi est complet"}
                .
              </p>
            ) : (
              <p>Indiquez le jour où l'activité a démarré : le suivi compte à partir de lui.</p>
            )}
            <LaunchForm launchedOn={launchedOn} today={today} />
          </section>
          {reached.length > 0 ? (
            <section aria-labelledby="suivi-titre">
              <h2 id="suivi-titre">Répondre au suivi</h2>
              <FollowUpForm reached={reached} answers={answers} />
            </section>
          ) : null}
          {answers.length > 0 ? (
            <section aria-labelledby="reponses-titre">
              <h2 id="reponses-titre">Vos réponses</h2>
              <table className="table">
                <caption>Vos suivis, par échéance</caption>
                <thead>
                  <tr>
                    <th scope="col">Échéance</th>
                    <th scope="col">Emplois créés</th>
                    <th scope="col">Chiffre d'affaires</th>
                    <th scope="col">Activité</th>
                    <th scope="col">Répondu le</th>
                  </tr>
                </thead>
                <tbody>
                  {answers.map((a) => (
                    <tr key={a.milestone}>
                      <th scope="row">{MILESTONE_LABELS[a.milestone]}</th>
                      <td>{formatInteger(a.jobsCreated)}</td>
                      <td>{TURNOVER_BAND_LABELS[a.turnoverBand]}</td>
                      <td>{a.stillActive ? "Se poursuit" : "Arrêtée"}</td>
                      <td>{formatDate(new Date(a.answeredAt))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}
