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
import { useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaText(matches).organisations.create.metaTitle }];

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
    requestText(request).t.organisations.create.registered,
  );
}

export default function NewOrganisation() {
  const { poles, defaults } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(newOrganisationSchema, { id: "organisation", defaultValue: defaults });
  const t = useT().organisations.create;
  return (
    <div className="container narrow">
      <p>
        <a href="/organisations">{t.directory}</a>
      </p>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <ConformForm form={form}>
        <OrganisationFields fields={fields} />
        <SelectField meta={fields.territoryId} label={t.pole} options={poles} placeholder={t.choosePole} />
        <TextField meta={fields.position} label={t.position} hint={t.positionHint} />
        <SubmitButton>{t.submit}</SubmitButton>
      </ConformForm>
    </div>
  );
}
