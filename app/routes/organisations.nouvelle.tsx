import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { OrganisationFields } from "~/components/organisation-fields";
import { SelectField, TextField } from "~/components/ui/field";
import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { validateNewOrganisationForm } from "~/guards/organisation-form.server";
import { communeLabel, getCommune } from "~/models/commune.server";
import { createOrganisation } from "~/models/organisation-request.server";
import { findTerritoriesForCommune, listTerritoryRefs } from "~/models/territory.server";
import { newOrganisationSchema } from "~/schemas/organisation";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyInvalid, replyRefused } from "~/utils/reply.server";
import { readFormData } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Inscrire une organisation — Maillon" }];

export function loader({ request }: LoaderFunctionArgs) {
  const { auth } = authorize(request, "organisations.nouvelle");
  const db = getDb();
  const commune = getCommune(db, auth.user.communeCode);
  const home = findTerritoriesForCommune(db, auth.user.communeCode)[0];
  return {
    poles: listTerritoryRefs(db).map((p) => ({ value: String(p.id), label: p.name })),
    defaults: { commune: commune ? communeLabel(commune) : "", communeCode: commune?.code ?? "", territoryId: home ? String(home.id) : "" },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  signInFirst(request, "organisations.nouvelle");
  const formData = await readFormData(request);
  const { auth } = authorize(request, "organisations.nouvelle", formData);
  const db = getDb();
  const result = validateNewOrganisationForm(db, formData);
  if (!result.ok) return replyInvalid(result.reply, { choices: result.choices });
  const created = createOrganisation(db, auth.user.id, result.input, new Date());
  if (!created.ok) return replyRefused(created, { submission: result.submission });
  return redirectWithFlash(
    `/organisations/${created.slug}`,
    "L'organisation est inscrite. L'équipe d'animation du pôle va confirmer sa participation et votre rôle de représentant ; elle apparaîtra ensuite dans l'annuaire.",
  );
}

export default function NewOrganisation() {
  const { poles, defaults } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(newOrganisationSchema, { id: "organisation", defaultValue: defaults });
  return (
    <div className="container narrow">
      <p>
        <a href="/organisations">← L'annuaire des organisations</a>
      </p>
      <h1>Inscrire une organisation</h1>
      <p>
        Vous agissez pour une association, une coopérative, une entreprise, une collectivité… qui participe à un pôle ?
        Inscrivez-la : l'équipe d'animation du pôle confirme sa participation, puis votre rôle de représentant. Votre nom
        et votre fonction seront publiés sur sa page, jamais votre adresse e-mail.
      </p>
      <ConformForm form={form}>
        <OrganisationFields fields={fields} />
        <SelectField meta={fields.territoryId} label="Pôle que l'organisation rejoint" options={poles} placeholder="Choisir un pôle" />
        <TextField meta={fields.position} label="Votre fonction dans l'organisation" hint="Par exemple : directrice, président, chargé de mission." />
        <SubmitButton>Inscrire l'organisation</SubmitButton>
      </ConformForm>
    </div>
  );
}
