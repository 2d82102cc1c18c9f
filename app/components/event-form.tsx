import type { FieldMetadata } from "@conform-to/react";
import { CommuneField } from "~/components/commune-field";
import { NumberField, RadioGroupField, SelectField, TextAreaField, TextField, optionsFrom } from "~/components/ui/field";
import { EVENT_VISIBILITY_LABELS } from "~/domain/agenda";

type Option = { value: string; label: string };
type Fields = Record<
  "title" | "startsAt" | "endsAt" | "address" | "commune" | "communeCode" | "onlineUrl" | "description" | "visibility",
  FieldMetadata<string | undefined>
> &
  Record<"capacity" | "axisId" | "groupId", FieldMetadata<number | undefined>>;

/** The fields of an event of the agenda, for creation and edition. */
export function EventFields({ fields, axes, groups, groupRequired }: { fields: Fields; axes: Option[]; groups: Option[]; groupRequired: boolean }) {
  return (
    <>
      <TextField meta={fields.title} label="Titre" hint="Par exemple : Comité de pilotage de printemps, Atelier « Chiffrer son projet »." />
      <TextField meta={fields.startsAt} type="datetime-local" label="Début" hint="Date et heure, à l'heure de Paris." />
      <TextField meta={fields.endsAt} type="datetime-local" label="Fin" hint="Date et heure, à l'heure de Paris." />
      <fieldset>
        <legend>Où ?</legend>
        <p className="hint">Un lieu (adresse et commune), un lien pour se réunir en ligne, ou les deux.</p>
        <TextField meta={fields.address} label="Adresse" hint="Par exemple : Salle des fêtes, 2 place de l'Hôtel de Ville." autoComplete="street-address" />
        <CommuneField meta={fields.commune} codeMeta={fields.communeCode} label="Commune du lieu" />
        <TextField meta={fields.onlineUrl} type="url" label="Lien de la réunion en ligne" hint="L'adresse complète, https://…" />
      </fieldset>
      <TextAreaField meta={fields.description} label="Présentation (facultatif)" hint="L'ordre du jour, ce qu'il faut apporter, l'accès." rows={6} />
      <NumberField meta={fields.capacity} label="Nombre de places (facultatif)" hint="Laissez vide s'il n'y a pas de limite ; au-delà, les demandes vont sur une liste d'attente." min={1} />
      <RadioGroupField meta={fields.visibility} legend="Qui peut venir ?" options={optionsFrom(EVENT_VISIBILITY_LABELS)} />
      <SelectField meta={fields.axisId} label="Axe du pôle (facultatif)" placeholder="Aucun axe en particulier" options={axes} />
      <SelectField
        meta={fields.groupId}
        label={groupRequired ? "Groupe de travail" : "Groupe de travail (facultatif)"}
        placeholder={groupRequired ? undefined : "Aucun groupe en particulier"}
        options={groups}
        hint={groupRequired ? "Vous organisez les rendez-vous du groupe que vous coordonnez." : undefined}
      />
    </>
  );
}
