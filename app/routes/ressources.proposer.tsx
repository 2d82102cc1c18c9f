import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ResourceFields, type ResourceFormFields } from "~/components/resource-form";
import { SelectField } from "~/components/ui/field";
import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { authorize } from "~/guards/authorize.server";
import { resourceFormDefaults, validateOfferForm } from "~/guards/resource-form.server";
import { createResource, polesToOfferIn } from "~/models/shared-resource.server";
import { representedOrganisations } from "~/models/working-group.server";
import { offerResourceSchema } from "~/schemas/resource";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyInvalid, replyRefused } from "~/utils/reply.server";
import { readFormData } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Proposer une ressource — Maillon" }];

export function loader({ request }: LoaderFunctionArgs) {
  const { auth } = authorize(request, "ressources.proposer");
  const db = getDb();
  const poles = polesToOfferIn(db, auth);
  return {
    poles: poles.map((p) => ({ value: String(p.id), label: p.name })),
    organisations: representedOrganisations(db, auth.user.id),
    defaults: { ...resourceFormDefaults(), territoryId: poles.length === 1 ? String(poles[0]!.id) : "" },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  const permit = authorize(request, "ressources.proposer", formData);
  const db = getDb();
  const result = validateOfferForm(db, formData);
  if (!result.ok) return replyInvalid(result.reply, { choices: result.choices });
  const { territoryId, ...input } = result.input;
  const outcome = createResource(db, permit.auth, territoryId, input, new Date());
  if (!outcome.ok) return replyRefused(outcome, { submission: result.submission });
  return redirectWithFlash(`/ressources/${outcome.id}`, `« ${input.title} » est proposée aux membres du pôle.`);
}

export default function OfferResource() {
  const { poles, organisations, defaults } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(offerResourceSchema, { id: "proposer", defaultValue: defaults });
  return (
    <div className="container">
      <p className="eyebrow">
        <a href="/ressources">Ressources partagées</a>
      </p>
      <h1 id="proposer-titre">Proposer une ressource</h1>
      <p>
        Un local, du matériel, un véhicule ou une compétence que vous prêtez aux membres d'un pôle que vous avez rejoint. Vous
        répondez à chaque demande de réservation.
      </p>
      {poles.length === 0 ? (
        <p>
          Vous n'avez encore rejoint aucun pôle. <a href="/poles">Trouvez le pôle de votre territoire</a> et rejoignez-le en
          acceptant sa charte : vous pourrez alors proposer une ressource à ses membres.
        </p>
      ) : (
        <ConformForm form={form} aria-labelledby="proposer-titre">
          <SelectField meta={fields.territoryId} label="Pôle" placeholder="Choisissez un pôle" options={poles} hint="Ses membres pourront la réserver." />
          <ResourceFields fields={fields as unknown as ResourceFormFields} organisations={organisations} />
          <SubmitButton>Proposer la ressource</SubmitButton>
        </ConformForm>
      )}
    </div>
  );
}
