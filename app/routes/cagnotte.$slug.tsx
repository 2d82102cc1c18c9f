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
import { formatDate, formatEuros, plural } from "~/domain/format";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyInvalid, replyRefused, UNKNOWN_INTENT } from "~/utils/reply.server";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { readFormData } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `La cagnotte solidaire${data ? ` du ${data.territory.name}` : ""} — Maillon` },
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


const DONE = {
  merci: "Merci ! Votre don est enregistré : faites maintenant le virement au compte de la cagnotte du pôle.",
  attribue: "Attribution enregistrée.",
  objectif: "Nouvel objectif enregistré.",
};

export async function action({ request, params }: ActionFunctionArgs) {
  signInFirst(request, "cagnotte.$slug");
  const formData = await readFormData(request);
  const permit = authorize(request, "cagnotte.$slug", formData);
  const territory = loadPole(permit, params.slug);
  const { auth } = permit;
  const intent = String(formData.get("intent") ?? "");
  const db = getDb();
  const now = new Date();
  const back = (what: keyof typeof DONE) => redirectWithFlash(`/cagnotte/${territory.slug}`, DONE[what]);

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
  const goalPct = goal ? Math.min(100, Math.floor((goal.collectedCents * 100) / goal.targetCents)) : 0;

  return (
    <div className="container">
      <p className="eyebrow">Financer · {territory.name}</p>
      <h1>La cagnotte solidaire</h1>
      <p>
        Chacun peut donner, même peu. L'équipe d'animation du pôle répartit la cagnotte entre des projets du territoire et publie ici chaque
        attribution.
      </p>
      <ul className="stats">
        <li>
          <strong>{formatEuros(cagnotte.donatedCents)}</strong>
          <span>collectés ({plural(cagnotte.donorCount, "don")})</span>
        </li>
        <li>
          <strong>{formatEuros(cagnotte.allocatedCents)}</strong>
          <span>attribués à des projets</span>
        </li>
        <li>
          <strong>{formatEuros(cagnotte.availableCents)}</strong>
          <span>à attribuer</span>
        </li>
      </ul>
      {goal ? (
        <section aria-labelledby="objectif-titre">
          <h2 id="objectif-titre">Objectif : {goal.label}</h2>
          <p>
            <strong>
              {formatEuros(goal.collectedCents)} sur {formatEuros(goal.targetCents)} ({goalPct} %)
            </strong>{" "}
            depuis le {formatDate(goal.since)}.
          </p>
          <ProgressBar
            parts={goalPct > 0 ? [{ key: "goal", percent: goalPct }] : []}
            label={`Progression vers l'objectif : ${formatEuros(goal.collectedCents)} sur ${formatEuros(goal.targetCents)}, ${goalPct} %`}
          />
        </section>
      ) : null}
      <NoPaymentNotice />

      <h2 id="donner">Faire un don</h2>
      {signedIn ? (
        <ConformForm form={donationForm} intent="donate" aria-labelledby="donner">
          <TextField meta={donationFields.amount} label="Montant du don (en euros)" inputProps={{ inputMode: "decimal" }} />
          <TextField
            meta={donationFields.donorName}
            label="Nom affiché (facultatif)"
            hint="Laissez vide pour un don anonyme."
            autoComplete="name"
          />
          <TextAreaField meta={donationFields.message} label="Un message (facultatif)" rows={2} />
          <SubmitButton>Enregistrer mon don</SubmitButton>
        </ConformForm>
      ) : (
        <p>
          <a href={`/connexion?redirectTo=${encodeURIComponent(`/cagnotte/${territory.slug}`)}`}>Connectez-vous</a> pour enregistrer un don.
        </p>
      )}

      <h2>Attributions</h2>
      {cagnotte.allocations.length === 0 ? (
        <p>Aucune attribution pour l'instant.</p>
      ) : (
        <ul>
          {cagnotte.allocations.map((a) => (
            <li key={a.id}>
              {formatDate(a.createdAt)} : {formatEuros(a.amountCents)} pour <a href={`/projets/${a.projectId}`}>{a.projectTitle}</a>
              {a.note ? ` — ${a.note}` : null}
            </li>
          ))}
        </ul>
      )}

      <h2>Derniers dons</h2>
      {cagnotte.donations.length === 0 ? (
        <p>Aucun don pour l'instant : soyez le premier !</p>
      ) : (
        <ul>
          {cagnotte.donations.map((d) => (
            <li key={d.id}>
              {formatDate(d.createdAt)} : {formatEuros(d.amountCents)}, {d.donorName ?? "don anonyme"}
              {d.message ? ` — « ${d.message} »` : null}
            </li>
          ))}
        </ul>
      )}

      {staff ? (
        <>
          <h2 id="attribuer-titre">Attribuer la cagnotte (équipe d'animation)</h2>
          <ConformForm form={allocationForm} intent="allocate" aria-labelledby="attribuer-titre">
            <SelectField
              meta={allocationFields.projectId}
              label="Projet"
              options={projects.map((p) => ({ value: String(p.id), label: p.title }))}
              placeholder="Choisir"
            />
            <TextField meta={allocationFields.amount} label="Montant attribué (en euros)" inputProps={{ inputMode: "decimal" }} />
            <TextAreaField meta={allocationFields.note} label="Motif (facultatif)" rows={2} />
            <SubmitButton>Attribuer</SubmitButton>
          </ConformForm>
          <h2 id="nouvel-objectif">Fixer un nouvel objectif</h2>
          <ConformForm form={goalForm} intent="set-goal" aria-labelledby="nouvel-objectif">
            <TextField meta={goalFields.label} label="Nom de l'objectif" hint="Par exemple « Printemps 2026 : trois commerces de centre-bourg »." />
            <TextField meta={goalFields.target} label="Montant visé (en euros)" inputProps={{ inputMode: "decimal" }} />
            <SubmitButton>Enregistrer l'objectif</SubmitButton>
          </ConformForm>
        </>
      ) : null}
    </div>
  );
}
