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
import { formatDate, formatEuros, plural } from "~/domain/format";
import { parisIsoDate } from "~/domain/paris-time";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyInvalid } from "~/utils/reply.server";
import { readFormData } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Tontines — Maillon" }];

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
  if (!listTerritoriesWithCounts(db).some((t) => t.id === v.territoryId)) {
    return replyInvalid(submission, { fieldErrors: { territoryId: ["Pôle inconnu : choisissez-en un dans la liste."] } });
  }
  const id = createTontine(
    db,
    auth.user.id,
    { territoryId: v.territoryId, name: v.name, description: v.description ?? "", contributionCents: v.contribution, startsOn: v.startsOn },
    new Date(),
  );
  return redirectWithFlash(`/tontines/${id}`, "La tontine est lancée : vous prenez le premier tour. Invitez vos proches à la rejoindre.");
}

export default function Tontines() {
  const { tontines, territories, defaultTerritoryId, firstOfNextMonth } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(tontineSchema, {
    id: "nouvelle-tontine",
    defaultValue: { territoryId: defaultTerritoryId ? String(defaultTerritoryId) : "", startsOn: firstOfNextMonth },
  });
  return (
    <div className="container">
      <p className="eyebrow">Financer</p>
      <h1>Les tontines</h1>
      <p>
        Un cercle d'épargne simple : chaque mois, chaque membre verse la même contribution et l'un d'eux, à tour de rôle, reçoit la totalité. Au
        plus {MAX_TONTINE_MEMBERS} membres.
      </p>
      <NoPaymentNotice />
      <CardList
        items={tontines}
        empty="Aucune tontine pour l'instant."
        headingLevel={2}
        link={(t) => ({ key: t.id, href: `/tontines/${t.id}`, title: t.name })}
      >
        {(t) => (
          <>
            <p>
                {formatEuros(t.contributionCents)} par mois · {plural(t.memberCount, "membre")} · {t.territoryName}
              </p>
            <p>Premier tour le {formatDate(new Date(t.startsOn))}.{t.isMember ? " Vous en faites partie." : ""}</p>
          </>
        )}
      </CardList>
      <h2 id="creer-tontine">Lancer une tontine</h2>
      <ConformForm form={form} intent="create" aria-labelledby="creer-tontine">
        <TextField meta={fields.name} label="Nom de la tontine" />
        <TextAreaField meta={fields.description} label="Présentation (facultatif)" rows={2} />
        <SelectField meta={fields.territoryId} label="Pôle" options={territories.map((t) => ({ value: String(t.id), label: t.name }))} />
        <TextField meta={fields.contribution} label="Contribution mensuelle (en euros)" inputProps={{ inputMode: "decimal" }} />
        <TextField meta={fields.startsOn} label="Date du premier tour" hint="Au format aaaa-mm-jj ; un tour par mois ensuite." />
        <SubmitButton>Lancer la tontine</SubmitButton>
      </ConformForm>
    </div>
  );
}
