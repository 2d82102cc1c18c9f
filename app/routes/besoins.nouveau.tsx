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

export const meta: MetaFunction = () => [{ title: "Signaler un besoin du territoire — Maillon" }];

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
  return redirectWithFlash(`/besoins/${outcome.id}`, "Le besoin est signalé. L'équipe d'animation du pôle en est informée ; chacun peut maintenant le soutenir.");
}

export default function NewUnmetNeed() {
  const { poles, defaultPoleId } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(newUnmetNeedSchema, { id: "besoin", defaultValue: { poleId: defaultPoleId } });
  return (
    <div className="container narrow">
      <p className="eyebrow">
        <a href="/besoins">Besoins du territoire</a>
      </p>
      <h1>Signaler un besoin du territoire</h1>
      <p>
        Un besoin que rien ne couvre aujourd'hui près de chez vous : un service qui manque, un commerce fermé, des personnes sans
        solution. Il sera public ; votre nom apparaîtra à côté. L'équipe d'animation du pôle l'étudiera avec ses membres.
      </p>
      <ConformForm form={form}>
        <SelectField meta={fields.poleId} label="Pôle concerné" placeholder="Choisissez un pôle" options={poles} />
        <TextField meta={fields.title} label="Ce qui manque, en quelques mots" hint="Par exemple : « Pas de solution de garde d'enfants le samedi »." />
        <TextAreaField
          meta={fields.description}
          label="Description"
          hint="Ce qui manque, depuis quand, ce qui a déjà été tenté, ce que vous imaginez."
          rows={6}
        />
        <TextField meta={fields.affected} label="Qui est concerné ?" hint="Par exemple : « les familles monoparentales du canton »." />
        <CommuneField meta={fields.commune} codeMeta={fields.communeCode} label="Commune (facultatif)" />
        <TextField meta={fields.placeNote} label="Précision sur le lieu (facultatif)" hint="Un quartier, des hameaux, tout le canton…" />
        <SubmitButton>Signaler le besoin</SubmitButton>
      </ConformForm>
    </div>
  );
}
