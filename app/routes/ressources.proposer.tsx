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
import { useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaText(matches).resources.offer.metaTitle }];

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
  return redirectWithFlash(`/ressources/${outcome.id}`, requestText(request).t.resources.offer.offered(input.title));
}

export default function OfferResource() {
  const { poles, organisations, defaults } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(offerResourceSchema, { id: "proposer", defaultValue: defaults });
  const { resources } = useT();
  const t = resources.offer;
  return (
    <div className="container">
      <p className="eyebrow">
        <a href="/ressources">{resources.shared.breadcrumb}</a>
      </p>
      <h1 id="proposer-titre">{t.title}</h1>
      <p>{t.intro}</p>
      {poles.length === 0 ? (
        <p>
          {t.noPoleBefore}
          <a href="/poles">{t.noPoleLink}</a>
          {t.noPoleAfter}
        </p>
      ) : (
        <ConformForm form={form} aria-labelledby="proposer-titre">
          <SelectField meta={fields.territoryId} label={t.pole} placeholder={t.polePlaceholder} options={poles} hint={t.poleHint} />
          <ResourceFields fields={fields as unknown as ResourceFormFields} organisations={organisations} />
          <SubmitButton>{t.submit}</SubmitButton>
        </ConformForm>
      )}
    </div>
  );
}
