import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { ConformForm } from "~/components/ui/form";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { FormError, NumberField, optionsFrom, RadioGroupField, SelectField, TextAreaField } from "~/components/ui/field";
import { NEED_PRIORITY_LABELS } from "~/domain/project";
import type { CatalogItem } from "~/models/catalog.server";
import { skillNeedSchema } from "~/schemas/project";

type Defaults = { skillId?: string | number; priority?: string; expectation?: string; hoursPerMonth?: string | number };

export function SkillNeedForm({
  lastResult,
  defaultValue,
  skills,
  submitLabel,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue: Defaults;
  skills: CatalogItem[];
  submitLabel: string;
}) {
  const [form, fields] = useForm({
    id: "besoin",
    lastResult,
    defaultValue,
    constraint: getZodConstraint(skillNeedSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: skillNeedSchema }),
  });
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
