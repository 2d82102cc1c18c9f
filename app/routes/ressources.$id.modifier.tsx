import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ResourceFields, type ResourceFormFields } from "~/components/resource-form";
import { CheckboxField } from "~/components/ui/field";
import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { authorize } from "~/guards/authorize.server";
import { resourceFormDefaults, validateEditForm } from "~/guards/resource-form.server";
import { loadResource } from "~/guards/resource.server";
import { updateResource } from "~/models/shared-resource.server";
import { representedOrganisations } from "~/models/working-group.server";
import { editResourceSchema } from "~/schemas/resource";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyInvalid, replyRefused } from "~/utils/reply.server";
import { readFormData } from "~/utils/http.server";
import { useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaText(matches).resources.edit;
  return [{ title: data ? t.metaTitle(data.resource.title) : t.notFoundTitle }];
};

export function loader({ request, params }: LoaderFunctionArgs) {
  const permit = authorize(request, "ressources.$id.modifier");
  const { resource } = loadResource(permit, params.id);
  const organisations = representedOrganisations(getDb(), permit.auth.user.id);
  // The organisation it is lent for stays offered even to a team member who does not represent it.
  if (resource.organisation && resource.organisationId !== null && !organisations.some((o) => o.id === resource.organisationId)) {
    organisations.push({ id: resource.organisationId, name: resource.organisation.name });
  }
  return {
    resource: { id: resource.id, title: resource.title, pole: resource.pole },
    organisations,
    defaults: resourceFormDefaults(resource),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  const permit = authorize(request, "ressources.$id.modifier", formData);
  const { resource } = loadResource(permit, params.id);
  const db = getDb();
  const result = validateEditForm(db, formData);
  if (!result.ok) return replyInvalid(result.reply, { choices: result.choices });
  const outcome = updateResource(db, permit.auth, resource.id, result.input, new Date());
  if (!outcome.ok) return replyRefused(outcome, { submission: result.submission });
  const t = requestText(request).t.resources.edit;
  return redirectWithFlash(`/ressources/${resource.id}`, result.input.active ? t.saved : t.savedInactive);
}

export default function EditResource() {
  const { resource, organisations, defaults } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(editResourceSchema, { id: "modifier", defaultValue: defaults });
  const { resources } = useT();
  const t = resources.edit;
  return (
    <div className="container">
      <p className="eyebrow">
        <a href="/ressources">{resources.shared.breadcrumb}</a> · <a href={`/ressources/${resource.id}`}>{resource.title}</a>
      </p>
      <h1 id="modifier-titre">{t.title(resource.title)}</h1>
      <ConformForm form={form} aria-labelledby="modifier-titre">
        <CheckboxField meta={fields.active} label={t.active} hint={t.activeHint} />
        <ResourceFields fields={fields as unknown as ResourceFormFields} organisations={organisations} />
        <SubmitButton>{t.save}</SubmitButton>
      </ConformForm>
    </div>
  );
}
