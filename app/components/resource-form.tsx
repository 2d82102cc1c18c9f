import type { FieldMetadata } from "@conform-to/react";
import { CommuneField } from "~/components/commune-field";
import { optionsFrom, RadioGroupField, SelectField, TextAreaField, TextField } from "~/components/ui/field";
import { useT } from "~/i18n/context";

type Maybe = string | undefined;
type DayHours = { opens1?: string; closes1?: string; opens2?: string; closes2?: string };
type ClosureRow = { startsOn?: string; endsOn?: string; reason?: string };

export type ResourceFormFields = {
  kind: FieldMetadata<Maybe>;
  title: FieldMetadata<Maybe>;
  description: FieldMetadata<Maybe>;
  commune: FieldMetadata<Maybe>;
  communeCode: FieldMetadata<Maybe>;
  organisationId: FieldMetadata<Maybe>;
  terms: FieldMetadata<Maybe>;
  costEuros: FieldMetadata<Maybe>;
  depositEuros: FieldMetadata<Maybe>;
  termsNote: FieldMetadata<Maybe>;
  hours: FieldMetadata<(DayHours | undefined)[] | undefined>;
  closures: FieldMetadata<(ClosureRow | undefined)[] | undefined>;
};

/** What a resource is, where, on what terms, and when it is open: the fields shared by offering and editing. */
export function ResourceFields({ fields, organisations }: { fields: ResourceFormFields; organisations: { id: number; name: string }[] }) {
  const hours = fields.hours.getFieldList();
  const closures = fields.closures.getFieldList();
  const { resources, vocabulary } = useT();
  const t = resources.form;
  return (
    <>
      <SelectField meta={fields.kind} label={t.kind} options={optionsFrom(vocabulary.resourceKind)} placeholder={t.choose} />
      <TextField meta={fields.title} label={t.title} hint={t.titleHint} />
      <TextAreaField meta={fields.description} label={t.description} hint={t.descriptionHint} rows={5} />
      <CommuneField meta={fields.commune} codeMeta={fields.communeCode} label={t.commune} />
      {organisations.length > 0 ? (
        <SelectField
          meta={fields.organisationId}
          label={t.organisation}
          placeholder={t.personal}
          options={organisations.map((o) => ({ value: String(o.id), label: o.name }))}
          hint={t.organisationHint}
        />
      ) : null}

      <RadioGroupField meta={fields.terms} legend={t.terms} options={optionsFrom(vocabulary.resourceTerms)} />
      <TextField meta={fields.costEuros} label={t.cost} hint={t.costHint} inputProps={{ inputMode: "decimal" }} />
      <TextField meta={fields.depositEuros} label={t.deposit} hint={t.depositHint} inputProps={{ inputMode: "decimal" }} />
      <TextAreaField meta={fields.termsNote} label={t.termsNote} hint={t.termsNoteHint} rows={2} />

      <fieldset className="field">
        <legend>{t.hours}</legend>
        <p className="hint">{t.hoursHint}</p>
        {hours.map((day, weekday) => {
          const h = day.getFieldset();
          const label = resources.shared.weekdays[weekday]!;
          return (
            <fieldset key={day.key} className="hours-row">
              <legend>{label.charAt(0).toUpperCase() + label.slice(1)}</legend>
              <TextField meta={h.opens1} type="time" label={t.opens1(label)} />
              <TextField meta={h.closes1} type="time" label={t.closes1(label)} />
              <TextField meta={h.opens2} type="time" label={t.opens2(label)} />
              <TextField meta={h.closes2} type="time" label={t.closes2(label)} />
            </fieldset>
          );
        })}
      </fieldset>

      <fieldset className="field">
        <legend>{t.closures}</legend>
        <p className="hint">{t.closuresHint}</p>
        {closures.map((row, i) => {
          const c = row.getFieldset();
          return (
            <fieldset key={row.key} className="hours-row">
              <legend>{t.closure(i + 1)}</legend>
              <TextField meta={c.startsOn} type="date" label={t.closureStart(i + 1)} />
              <TextField meta={c.endsOn} type="date" label={t.closureEnd(i + 1)} />
              <TextField meta={c.reason} label={t.closureReason(i + 1)} />
            </fieldset>
          );
        })}
      </fieldset>
    </>
  );
}
