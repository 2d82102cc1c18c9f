import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { optionsFrom, RadioGroupField, TextField } from "~/components/ui/field";
import { FUNDING_KIND_LABELS } from "~/domain/project";
import { removeFundingNeed, saveFundingNeed } from "~/models/project.server";
import { fundingNeedSchema } from "~/schemas/project";
import { getDb } from "~/utils/db.server";
import { loadEditableProject } from "~/guards/project.server";
import { validateFundingForm } from "~/guards/project-form.server";
import { centsToInput } from "~/schemas/money";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyInvalid, replyRefused } from "~/utils/reply.server";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { readFormData } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Besoin de financement — Maillon" }];

export function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = loadEditableProject(authorize(request, "projets.$id.financement"), params.id);
  const funding = project.fundingNeed;
  return {
    project: { id: project.id, title: project.title },
    exists: funding !== null,
    defaults: {
      amount: centsToInput(funding?.amountCents),
      kind: funding?.kind ?? "",
      neededBy: funding?.neededBy ?? "",
      companyCapital: centsToInput(funding?.companyCapitalCents),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  signInFirst(request, "projets.$id.financement");
  const formData = await readFormData(request);
  const { project } = loadEditableProject(authorize(request, "projets.$id.financement", formData), params.id);
  const db = getDb();
  if (formData.get("intent") === "remove") {
    const removed = removeFundingNeed(db, project.id, new Date());
    if (!removed.ok) return replyRefused(removed);
    return redirectWithFlash(`/projets/${project.id}#financement`, "Le besoin de financement a été retiré.");
  }
  const result = validateFundingForm(formData);
  if (!result.ok) return replyInvalid(result.reply);
  const saved = saveFundingNeed(db, project.id, result.input, new Date());
  if (!saved.ok) return replyRefused(saved, { submission: result.submission });
  return redirectWithFlash(`/projets/${project.id}#financement`, "Le besoin de financement a été enregistré.");
}

export default function FundingNeed() {
  const { project, exists, defaults } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(fundingNeedSchema, { id: "financement", defaultValue: defaults });
  return (
    <div className="container narrow">
      <p>
        <a href={`/projets/${project.id}`}>← Retour au projet</a>
      </p>
      <h1>Besoin de financement</h1>
      <p>
        Pour « {project.title} ». Les épargnants et les clubs du pôle verront ce besoin une fois le projet publié.
        Aucun paiement ne passe par Maillon.
      </p>
      <ConformForm form={form} intent="save">
        <TextField
          meta={fields.amount}
          label="Montant recherché (en euros)"
          hint="Par exemple 12 000."
          inputProps={{ inputMode: "decimal" }}
        />
        <RadioGroupField meta={fields.kind} legend="Sous quelle forme ?" options={optionsFrom(FUNDING_KIND_LABELS)} />
        <TextField
          meta={fields.neededBy}
          label="Pour quand ? (facultatif)"
          hint="Une date au format aaaa-mm-jj, par exemple 2026-09-30."
        />
        <TextField
          meta={fields.companyCapital}
          label="Capital social après la levée, en euros (facultatif)"
          hint="Sert aux clubs d'épargnants, qui restent minoritaires au capital."
          inputProps={{ inputMode: "decimal" }}
        />
        <SubmitButton>Enregistrer le besoin de financement</SubmitButton>
      </ConformForm>
      {exists ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="remove" />
          <button type="submit" className="button button--danger">
            Retirer le besoin de financement
          </button>
        </Form>
      ) : null}
    </div>
  );
}
