import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CommuneField } from "~/components/commune-field";
import { SelectField, TextAreaField, TextField } from "~/components/ui/field";
import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { validateUnmetNeedForm } from "~/guards/unmet-need.server";
import { memberPoleIds } from "~/models/pole-member.server";
import { findTerritoriesForCommune, listTerritoryRefs } from "~/models/territory.server";
import { createUnmetNeed } from "~/models/unmet-need.server";
import { newUnmetNeedSchema } from "~/schemas/unmet-need";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyInvalid, replyRefused } from "~/utils/reply.server";
import { readFormData } from "~/utils/http.server";
import { useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaText(matches).needs.create.metaTitle }];

export function loader({ request }: LoaderFunctionArgs) {
  const { auth } = authorize(request, "besoins.nouveau");
  const db = getDb();
  const poles = listTerritoryRefs(db);
  // The pôle named in the link (« Signaler un besoin » on a pôle's page), else the person's own.
  const named = poles.find((p) => p.slug === new URL(request.url).searchParams.get("pole"));
  const own = memberPoleIds(db, auth.user.id)[0] ?? findTerritoriesForCommune(db, auth.user.communeCode)[0]?.id;
  return {
    poles: poles.map((p) => ({ value: String(p.id), label: p.name })),
    defaultPoleId: named?.id ?? own,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  signInFirst(request, "besoins.nouveau");
  const formData = await readFormData(request);
  const { auth } = authorize(request, "besoins.nouveau", formData);
  const db = getDb();
  const result = validateUnmetNeedForm(db, formData);
  if (!result.ok) return replyInvalid(result.reply, { choices: result.choices });
  const outcome = createUnmetNeed(db, { id: auth.user.id, displayName: auth.user.displayName }, result.input, new Date());
  if (!outcome.ok) return replyRefused(outcome, { submission: result.submission });
  return redirectWithFlash(`/besoins/${outcome.id}`, requestText(request).t.needs.create.created);
}

export default function NewUnmetNeed() {
  const { poles, defaultPoleId } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(newUnmetNeedSchema, { id: "besoin", defaultValue: { poleId: defaultPoleId } });
  const { needs } = useT();
  const t = needs.create;
  return (
    <div className="container narrow">
      <p className="eyebrow">
        <a href="/besoins">{needs.eyebrowLink}</a>
      </p>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <ConformForm form={form}>
        <SelectField meta={fields.poleId} label={t.pole} placeholder={t.polePlaceholder} options={poles} />
        <TextField meta={fields.title} label={t.needTitle} hint={t.needTitleHint} />
        <TextAreaField
          meta={fields.description}
          label={t.description}
          hint={t.descriptionHint}
          rows={6}
        />
        <TextField meta={fields.affected} label={t.affected} hint={t.affectedHint} />
        <CommuneField meta={fields.commune} codeMeta={fields.communeCode} label={t.commune} />
        <TextField meta={fields.placeNote} label={t.placeNote} hint={t.placeNoteHint} />
        <SubmitButton>{t.submit}</SubmitButton>
      </ConformForm>
    </div>
  );
}
