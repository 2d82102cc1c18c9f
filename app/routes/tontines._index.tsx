import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CardList } from "~/components/ui/card-list";
import { NoPaymentNotice } from "~/components/no-payment-notice";
import { SelectField, TextAreaField, TextField } from "~/components/ui/field";
import { addMonthsIso } from "~/domain/clubs/lifecycle";
import { MAX_TONTINE_MEMBERS } from "~/domain/clubs/tontine";
import { createTontine, listTontines } from "~/models/tontine.server";
import { findTerritoriesForCommune, listTerritoriesWithCounts } from "~/models/territory.server";
import { tontineSchema } from "~/schemas/finance";
import { getDb } from "~/utils/db.server";
import { parisIsoDate } from "~/domain/paris-time";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyInvalid } from "~/utils/reply.server";
import { readFormData } from "~/utils/http.server";
import { useFormat, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaText(matches).funding.tontines.metaTitle }];

export function loader({ request }: LoaderFunctionArgs) {
  const { auth } = authorize(request, "tontines._index");
  const db = getDb();
  const home = findTerritoriesForCommune(db, auth.user.communeCode)[0];
  const territories = listTerritoriesWithCounts(db).map((t) => ({ id: t.id, name: t.name }));
  const firstOfNextMonth = `${addMonthsIso(parisIsoDate(new Date()), 1).slice(0, 8)}01`;
  return { tontines: listTontines(db, auth.user.id), territories, defaultTerritoryId: home?.id ?? territories[0]?.id, firstOfNextMonth };
}

export async function action({ request }: ActionFunctionArgs) {
  signInFirst(request, "tontines._index");
  const formData = await readFormData(request);
  const { auth } = authorize(request, "tontines._index", formData);
  const submission = parseWithZod(formData, { schema: tontineSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const v = submission.value;
  const db = getDb();
  const t = requestText(request).t.funding.tontines;
  if (!listTerritoriesWithCounts(db).some((t) => t.id === v.territoryId)) {
    return replyInvalid(submission, { fieldErrors: { territoryId: [t.unknownPole] } });
  }
  const id = createTontine(
    db,
    auth.user.id,
    { territoryId: v.territoryId, name: v.name, description: v.description ?? "", contributionCents: v.contribution, startsOn: v.startsOn },
    new Date(),
  );
  return redirectWithFlash(`/tontines/${id}`, t.created);
}

export default function Tontines() {
  const { tontines, territories, defaultTerritoryId, firstOfNextMonth } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(tontineSchema, {
    id: "nouvelle-tontine",
    defaultValue: { territoryId: defaultTerritoryId ? String(defaultTerritoryId) : "", startsOn: firstOfNextMonth },
  });
  const text = useT().funding.tontines;
  const format = useFormat();
  return (
    <div className="container">
      <p className="eyebrow">{text.eyebrow}</p>
      <h1>{text.title}</h1>
      <p>{text.intro(MAX_TONTINE_MEMBERS)}</p>
      <NoPaymentNotice />
      <CardList
        items={tontines}
        empty={text.empty}
        headingLevel={2}
        link={(t) => ({ key: t.id, href: `/tontines/${t.id}`, title: t.name })}
      >
        {(t) => (
          <>
            <p>
                {text.summary(format.euros(t.contributionCents), t.memberCount, format.integer(t.memberCount), t.territoryName)}
              </p>
            <p>{text.firstTurn(format.date(new Date(t.startsOn)), t.isMember)}</p>
          </>
        )}
      </CardList>
      <h2 id="creer-tontine">{text.create}</h2>
      <ConformForm form={form} intent="create" aria-labelledby="creer-tontine">
        <TextField meta={fields.name} label={text.name} />
        <TextAreaField meta={fields.description} label={text.description} rows={2} />
        <SelectField meta={fields.territoryId} label={text.pole} options={territories.map((t) => ({ value: String(t.id), label: t.name }))} />
        <TextField meta={fields.contribution} label={text.contribution} inputProps={{ inputMode: "decimal" }} />
        <TextField meta={fields.startsOn} label={text.startsOn} hint={text.startsOnHint} />
        <SubmitButton>{text.submit}</SubmitButton>
      </ConformForm>
    </div>
  );
}
