import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { OrganisationFields } from "~/components/organisation-fields";
import { SelectField } from "~/components/ui/field";
import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { validateOrganisationForm } from "~/guards/organisation-form.server";
import { loadOrganisation } from "~/guards/organisation.server";
import { communeLabel } from "~/models/commune.server";
import { getOrganisationForEdit, updateOrganisation } from "~/models/organisation.server";
import { requestPoleMembership } from "~/models/organisation-request.server";
import { listTerritoryRefs } from "~/models/territory.server";
import { organisationSchema, poleRequestSchema } from "~/schemas/organisation";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound, readFormData } from "~/utils/http.server";
import { replyInvalid, replyRefused } from "~/utils/reply.server";
import { useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaText(matches).organisations.edit;
  return [{ title: data ? t.metaTitle(data.name) : t.metaTitleNoName }];
};

export function loader({ request, params }: LoaderFunctionArgs) {
  const facts = loadOrganisation(authorize(request, "organisations.$slug.modifier"), params.slug);
  const db = getDb();
  const row = getOrganisationForEdit(db, facts.id);
  if (!row) throw notFound(requestText(request).t.organisations.page.notFound);
  const { communeName, postalCodes, ...values } = row;
  return {
    slug: facts.slug,
    name: facts.name,
    defaults: {
      ...Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v ?? ""])),
      commune: communeLabel({ name: communeName, postalCodes: postalCodes.split(" ").filter(Boolean) }),
    },
    otherPoles: listTerritoryRefs(db)
      .filter((p) => !facts.poleIds.includes(p.id))
      .map((p) => ({ value: String(p.id), label: p.name })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  signInFirst(request, "organisations.$slug.modifier");
  const formData = await readFormData(request);
  const permit = authorize(request, "organisations.$slug.modifier", formData);
  const facts = loadOrganisation(permit, params.slug);
  const db = getDb();
  const now = new Date();
  const t = requestText(request).t.organisations.edit;
  if (permit.intent === "join-pole") {
    const submission = parseWithZod(formData, { schema: poleRequestSchema });
    if (submission.status !== "success") return replyInvalid(submission, { formId: "join-pole" });
    const outcome = requestPoleMembership(db, facts.id, permit.auth.user.id, submission.value.territoryId, now);
    if (!outcome.ok) return replyRefused(outcome, { submission, formId: "join-pole", field: "territoryId" });
    return redirectWithFlash(`/organisations/${facts.slug}`, t.joinRequested);
  }
  const result = validateOrganisationForm(db, formData);
  if (!result.ok) return replyInvalid(result.reply, { choices: result.choices });
  const outcome = updateOrganisation(db, facts.id, permit.auth.user.id, result.input, now);
  if (!outcome.ok) return replyRefused(outcome, { submission: result.submission });
  return redirectWithFlash(`/organisations/${outcome.slug}`, t.saved);
}

function JoinPoleForm({ poles }: { poles: { value: string; label: string }[] }) {
  const [form, fields] = useSchemaForm(poleRequestSchema, { id: "join-pole", reply: "join-pole" });
  const t = useT().organisations.edit;
  return (
    <ConformForm form={form} intent="join-pole" aria-labelledby="rejoindre-titre">
      <SelectField meta={fields.territoryId} label={t.pole} options={poles} placeholder={t.choosePole} />
      <SubmitButton className="button--ghost">{t.joinPole}</SubmitButton>
    </ConformForm>
  );
}

export default function EditOrganisation() {
  const { slug, name, defaults, otherPoles } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(organisationSchema, { id: "organisation", defaultValue: defaults });
  const t = useT().organisations.edit;
  return (
    <div className="container narrow">
      <p>
        <a href={`/organisations/${slug}`}>{t.back}</a>
      </p>
      <h1>{t.title(name)}</h1>
      <ConformForm form={form}>
        <OrganisationFields fields={fields} />
        <SubmitButton>{t.submit}</SubmitButton>
      </ConformForm>
      {otherPoles.length > 0 ? (
        <section aria-labelledby="rejoindre-titre">
          <h2 id="rejoindre-titre">{t.otherPoleTitle}</h2>
          <p>{t.otherPoleIntro}</p>
          <JoinPoleForm poles={otherPoles} />
        </section>
      ) : null}
    </div>
  );
}
