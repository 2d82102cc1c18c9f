import { type DefaultValue } from "@conform-to/react";
import { ConformForm, useSchemaForm } from "~/components/ui/form";
import { useNavigation } from "@remix-run/react";
import { CommuneField } from "~/components/commune-field";
import { CheckboxField, NumberField, optionsFrom, SelectField, TextAreaField, TextField } from "~/components/ui/field";
import type { z } from "zod";
import { useT } from "~/i18n/context";
import type { CatalogItem } from "~/models/catalog.server";
import { DESCRIPTION_MAX, PITCH_MAX, projectSchema, TITLE_MAX } from "~/schemas/project";

type Defaults = DefaultValue<z.input<typeof projectSchema>>;

/** The project form, for creation and edition; works without JavaScript. */
export function ProjectForm({
  id,
  defaultValue,
  domains,
  submitLabel,
}: {
  id: string;
  defaultValue: Defaults;
  domains: CatalogItem[];
  submitLabel: string;
}) {
  const navigation = useNavigation();
  const { projectEditing, vocabulary } = useT();
  const t = projectEditing.form;
  const [form, fields] = useSchemaForm(projectSchema, { id, defaultValue });
  // The catalogue's domains have a name in every language; one added since falls back to its stored name.
  const domainName = (d: CatalogItem) => (vocabulary.activityDomain as Record<string, string | undefined>)[d.slug] ?? d.name;
  return (
    <ConformForm form={form}>
      <TextField meta={fields.title} label={t.title} hint={t.titleHint(TITLE_MAX)} />
      <TextAreaField
        meta={fields.pitch}
        label={t.pitch}
        hint={t.pitchHint(PITCH_MAX)}
        rows={2}
      />
      <TextAreaField
        meta={fields.description}
        label={t.description}
        hint={t.descriptionHint(DESCRIPTION_MAX)}
        rows={6}
      />
      <SelectField meta={fields.kind} label={t.kind} options={optionsFrom(vocabulary.projectKind)} placeholder={t.choose} />
      <SelectField meta={fields.stage} label={t.stage} options={optionsFrom(vocabulary.projectStage)} placeholder={t.choose} />
      <SelectField
        meta={fields.legalForm}
        label={t.legalForm}
        options={optionsFrom(vocabulary.legalForm)}
      />
      <SelectField
        meta={fields.activityDomainId}
        label={t.activityDomain}
        options={domains.map((d) => ({ value: String(d.id), label: domainName(d) }))}
        placeholder={t.choose}
      />
      <CommuneField meta={fields.commune} codeMeta={fields.communeCode} label={t.commune} />
      <CheckboxField meta={fields.remoteOk} label={t.remoteOk} />
      <NumberField
        meta={fields.jobsExpected}
        label={t.jobsExpected}
        hint={t.jobsExpectedHint}
        min={0}
        max={500}
      />
      <div>
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {submitLabel}
        </button>
      </div>
    </ConformForm>
  );
}
