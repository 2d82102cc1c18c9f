import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ProgressBar } from "~/components/funding-progress";
import { NoPaymentNotice } from "~/components/no-payment-notice";
import { SelectField, TextAreaField, TextField } from "~/components/ui/field";
import { allocate, donate, getCagnotte, setGoal } from "~/models/cagnotte.server";
import { listPublishedProjectsInTerritories } from "~/models/project.server";
import { allocationSchema, donationSchema, goalSchema } from "~/schemas/finance";
import { isStaffOf } from "~/domain/permissions";
import { loadPole } from "~/guards/pole.server";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyInvalid, replyRefused, UNKNOWN_INTENT } from "~/utils/reply.server";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { readFormData } from "~/utils/http.server";
import { useFormat, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";
import { SignInLink } from "~/components/sign-in-link";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: metaText(matches).funding.fund.metaTitle(data ? data.territory.name : null) },
];

export function loader({ request, params }: LoaderFunctionArgs) {
  const permit = authorize(request, "cagnotte.$slug");
  const territory = loadPole(permit, params.slug);
  const { auth } = permit;
  const staff = isStaffOf(auth, territory.id);
  const db = getDb();
  return {
    territory: { id: territory.id, slug: territory.slug, name: territory.name },
    signedIn: !!auth,
    staff,
    cagnotte: getCagnotte(db, territory.id),
    projects: staff ? listPublishedProjectsInTerritories(db, [territory.id], { limit: 200 }).map((p) => ({ id: p.id, title: p.title })) : [],
  };
}


/** The flash message of each intent's success. */
function doneMessage(t: ReturnType<typeof requestText>["t"]["funding"]["fund"]) {
  return { merci: t.thanks, attribue: t.allocated, objectif: t.goalSet };
}

export async function action({ request, params }: ActionFunctionArgs) {
  signInFirst(request, "cagnotte.$slug");
  const formData = await readFormData(request);
  const permit = authorize(request, "cagnotte.$slug", formData);
  const territory = loadPole(permit, params.slug);
  const { auth } = permit;
  const intent = String(formData.get("intent") ?? "");
  const db = getDb();
  const now = new Date();
  const t = requestText(request).t.funding.fund;
  const back = (what: keyof ReturnType<typeof doneMessage>) => redirectWithFlash(`/cagnotte/${territory.slug}`, doneMessage(t)[what]);

  if (intent === "donate") {
    const submission = parseWithZod(formData, { schema: donationSchema });
    if (submission.status !== "success") return replyInvalid(submission, { formId: intent });
    const v = submission.value;
    donate(db, territory.id, auth.user.id, { amountCents: v.amount, donorName: v.donorName || null, message: v.message ?? "" }, now);
    return back("merci");
  }
  if (intent === "allocate") {
    const submission = parseWithZod(formData, { schema: allocationSchema });
    if (submission.status !== "success") return replyInvalid(submission, { formId: intent });
    const v = submission.value;
    const outcome = allocate(db, territory.id, auth.user.id, { projectId: v.projectId, amountCents: v.amount, note: v.note ?? "" }, now);
    if (!outcome.ok) return replyRefused(outcome, { submission, formId: intent, field: "amount" });
    return back("attribue");
  }
  if (intent === "set-goal") {
    const submission = parseWithZod(formData, { schema: goalSchema });
    if (submission.status !== "success") return replyInvalid(submission, { formId: intent });
    const outcome = setGoal(db, territory.id, auth.user.id, { label: submission.value.label, targetCents: submission.value.target }, now);
    if (!outcome.ok) return replyRefused(outcome, { submission, formId: intent });
    return back("objectif");
  }
  return replyRefused(UNKNOWN_INTENT);
}



export default function Cagnotte() {
  const { territory, signedIn, staff, cagnotte, projects } = useLoaderData<typeof loader>();
  const [donationForm, donationFields] = useSchemaForm(donationSchema, { id: "donate", reply: "donate" });
  const [allocationForm, allocationFields] = useSchemaForm(allocationSchema, { id: "allocate", reply: "allocate" });
  const [goalForm, goalFields] = useSchemaForm(goalSchema, { id: "set-goal", reply: "set-goal" });
  const goal = cagnotte.goal;
  const t = useT().funding.fund;
  const format = useFormat();
  const goalPct = goal ? Math.min(100, Math.floor((goal.collectedCents * 100) / goal.targetCents)) : 0;

  return (
    <div className="container">
      <p className="eyebrow">{t.eyebrow(territory.name)}</p>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <ul className="stats">
        <li>
          <strong>{format.euros(cagnotte.donatedCents)}</strong>
          <span>{t.collected(cagnotte.donorCount, format.integer(cagnotte.donorCount))}</span>
        </li>
        <li>
          <strong>{format.euros(cagnotte.allocatedCents)}</strong>
          <span>{t.allocatedToProjects}</span>
        </li>
        <li>
          <strong>{format.euros(cagnotte.availableCents)}</strong>
          <span>{t.toAllocate}</span>
        </li>
      </ul>
      {goal ? (
        <section aria-labelledby="objectif-titre">
          <h2 id="objectif-titre">{t.goal(goal.label)}</h2>
          <p>
            <strong>{t.goalProgress(format.euros(goal.collectedCents), format.euros(goal.targetCents), goalPct)}</strong>{" "}
            {t.goalSince(format.date(goal.since))}
          </p>
          <ProgressBar
            parts={goalPct > 0 ? [{ key: "goal", percent: goalPct }] : []}
            label={t.goalBar(format.euros(goal.collectedCents), format.euros(goal.targetCents), goalPct)}
          />
        </section>
      ) : null}
      <NoPaymentNotice />

      <h2 id="donner">{t.donate}</h2>
      {signedIn ? (
        <ConformForm form={donationForm} intent="donate" aria-labelledby="donner">
          <TextField meta={donationFields.amount} label={t.amount} inputProps={{ inputMode: "decimal" }} />
          <TextField
            meta={donationFields.donorName}
            label={t.donorName}
            hint={t.donorNameHint}
            autoComplete="name"
          />
          <TextAreaField meta={donationFields.message} label={t.message} rows={2} />
          <SubmitButton>{t.submit}</SubmitButton>
        </ConformForm>
      ) : (
        <p>
          <SignInLink to={`/cagnotte/${territory.slug}`}>{t.signInLink}</SignInLink>
          {t.signInAfter}
        </p>
      )}

      <h2>{t.allocations}</h2>
      {cagnotte.allocations.length === 0 ? (
        <p>{t.noAllocation}</p>
      ) : (
        <ul>
          {cagnotte.allocations.map((a) => (
            <li key={a.id}>
              {t.allocationBefore(format.date(a.createdAt), format.euros(a.amountCents))}
              <a href={`/projets/${a.projectId}`}>{a.projectTitle}</a>
              {a.note ? ` — ${a.note}` : null}
            </li>
          ))}
        </ul>
      )}

      <h2>{t.donations}</h2>
      {cagnotte.donations.length === 0 ? (
        <p>{t.noDonation}</p>
      ) : (
        <ul>
          {cagnotte.donations.map((d) => (
            <li key={d.id}>
              {t.donation(format.date(d.createdAt), format.euros(d.amountCents), d.donorName)}
              {d.message ? t.donationMessage(d.message) : null}
            </li>
          ))}
        </ul>
      )}

      {staff ? (
        <>
          <h2 id="attribuer-titre">{t.allocate}</h2>
          <ConformForm form={allocationForm} intent="allocate" aria-labelledby="attribuer-titre">
            <SelectField
              meta={allocationFields.projectId}
              label={t.project}
              options={projects.map((p) => ({ value: String(p.id), label: p.title }))}
              placeholder={t.choose}
            />
            <TextField meta={allocationFields.amount} label={t.allocatedAmount} inputProps={{ inputMode: "decimal" }} />
            <TextAreaField meta={allocationFields.note} label={t.note} rows={2} />
            <SubmitButton>{t.allocateSubmit}</SubmitButton>
          </ConformForm>
          <h2 id="nouvel-objectif">{t.newGoal}</h2>
          <ConformForm form={goalForm} intent="set-goal" aria-labelledby="nouvel-objectif">
            <TextField meta={goalFields.label} label={t.goalLabel} hint={t.goalLabelHint} />
            <TextField meta={goalFields.target} label={t.goalTarget} inputProps={{ inputMode: "decimal" }} />
            <SubmitButton>{t.goalSubmit}</SubmitButton>
          </ConformForm>
        </>
      ) : null}
    </div>
  );
}
