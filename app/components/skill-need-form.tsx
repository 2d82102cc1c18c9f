import { ConformForm, useSchemaForm } from "~/components/ui/form";
import { NumberField, optionsFrom, RadioGroupField, SelectField, TextAreaField } from "~/components/ui/field";
import { NEED_PRIORITY_LABELS } from "~/domain/project";
import type { CatalogItem } from "~/models/catalog.server";
import { skillNeedSchema } from "~/schemas/project";

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
  return (
    <ConformForm form={form} intent="save">
      <SelectField
        meta={fields.skillId}
        label="Compétence recherchée"
        options={skills.map((s) => ({ value: String(s.id), label: s.name }))}
        placeholder="Choisir"
      />
      <RadioGroupField meta={fields.priority} legend="Priorité" options={optionsFrom(NEED_PRIORITY_LABELS)} />
      <TextAreaField
        meta={fields.expectation}
        label="Ce que j'attends de l'accompagnant (facultatif)"
        hint="Par exemple : relire mon prévisionnel, m'aider à fixer mes prix."
        rows={3}
      />
      <NumberField
        meta={fields.hoursPerMonth}
        label="Heures par mois souhaitées"
        hint="Une ou deux rencontres par mois, soit 2 à 4 heures, est l'usage."
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
