import type { FieldMetadata } from "@conform-to/react";
import { CommuneField } from "~/components/commune-field";
import { NumberField, RadioGroupField, SelectField, TextAreaField, TextField, optionsFrom } from "~/components/ui/field";
import { useT } from "~/i18n/context";

type Option = { value: string; label: string };
type Fields = Record<
  "title" | "startsAt" | "endsAt" | "address" | "commune" | "communeCode" | "onlineUrl" | "description" | "visibility",
  FieldMetadata<string | undefined>
> &
  Record<"capacity" | "axisId" | "groupId", FieldMetadata<number | undefined>>;

/** The fields of an event of the agenda, for creation and edition. */
export function EventFields({ fields, axes, groups, groupRequired }: { fields: Fields; axes: Option[]; groups: Option[]; groupRequired: boolean }) {
  const { agenda, vocabulary } = useT();
  const t = agenda.form;
  return (
    <>
      <TextField meta={fields.title} label={t.title} hint={t.titleHint} />
      <TextField meta={fields.startsAt} type="datetime-local" label={t.startsAt} hint={t.dateTimeHint} />
      <TextField meta={fields.endsAt} type="datetime-local" label={t.endsAt} hint={t.dateTimeHint} />
      <fieldset>
        <legend>{t.where}</legend>
        <p className="hint">{t.whereHint}</p>
        <TextField meta={fields.address} label={t.address} hint={t.addressHint} autoComplete="street-address" />
        <CommuneField meta={fields.commune} codeMeta={fields.communeCode} label={t.commune} />
        <TextField meta={fields.onlineUrl} type="url" label={t.onlineUrl} hint={t.onlineUrlHint} />
      </fieldset>
      <TextAreaField meta={fields.description} label={t.description} hint={t.descriptionHint} rows={6} />
      <NumberField meta={fields.capacity} label={t.capacity} hint={t.capacityHint} min={1} />
      <RadioGroupField meta={fields.visibility} legend={t.visibility} options={optionsFrom(vocabulary.eventVisibility)} />
      <SelectField meta={fields.axisId} label={t.axis} placeholder={t.noAxis} options={axes} />
      <SelectField
        meta={fields.groupId}
        label={groupRequired ? t.group : t.groupOptional}
        placeholder={groupRequired ? undefined : t.noGroup}
        options={groups}
        hint={groupRequired ? t.groupHint : undefined}
      />
    </>
  );
}
