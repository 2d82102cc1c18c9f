import { ConformForm, useSchemaForm } from "~/components/ui/form";
import { NumberField, optionsFrom, RadioGroupField, SelectField, TextAreaField } from "~/components/ui/field";
import type { CatalogItem } from "~/models/catalog.server";
import { skillNeedSchema } from "~/schemas/project";
import { useT } from "~/i18n/context";

type Defaults = { skillId?: string | number; priority?: string; expectation?: string; hoursPerMonth?: string | number };

export function SkillNeedForm({
  defaultValue,
  skills,
  submitLabel,
}: {
  defaultValue: Defaults;
  skills: CatalogItem[];
  submitLabel: string;
}) {
  const [form, fields] = useSchemaForm(skillNeedSchema, { id: "besoin", defaultValue });
  const { mentoring, vocabulary } = useT();
  const t = mentoring.skillNeed;
  return (
    <ConformForm form={form} intent="save">
      <SelectField
        meta={fields.skillId}
        label={t.skill}
        options={skills.map((s) => ({ value: String(s.id), label: s.name }))}
        placeholder={t.choose}
      />
      <RadioGroupField meta={fields.priority} legend={t.priority} options={optionsFrom(vocabulary.needPriority)} />
      <TextAreaField
        meta={fields.expectation}
        label={t.expectation}
        hint={t.expectationHint}
        rows={3}
      />
      <NumberField
        meta={fields.hoursPerMonth}
        label={t.hours}
        hint={t.hoursHint}
        min={1}
        max={100}
      />
      <div>
        <button type="submit" className="button">
          {submitLabel}
        </button>
      </div>
    </ConformForm>
  );
}
