import { type DefaultValue } from "@conform-to/react";
import { ConformForm, useSchemaForm } from "~/components/ui/form";
import { useNavigation } from "@remix-run/react";
import { CommuneField } from "~/components/commune-field";
import { CheckboxField, NumberField, optionsFrom, SelectField, TextAreaField, TextField } from "~/components/ui/field";
import type { z } from "zod";
import { LEGAL_FORM_LABELS, PROJECT_KIND_LABELS, PROJECT_STAGE_LABELS } from "~/domain/project";
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
  const [form, fields] = useSchemaForm(projectSchema, { id, defaultValue });
  return (
    <ConformForm form={form}>
      <TextField meta={fields.title} label="Titre du projet" hint={`${TITLE_MAX} caractères au plus.`} />
      <TextAreaField
        meta={fields.pitch}
        label="Le projet en une ou deux phrases"
        hint={`Ce résumé apparaît dans les listes (${PITCH_MAX} caractères au plus).`}
        rows={2}
      />
      <TextAreaField
        meta={fields.description}
        label="Description (facultative)"
        hint={`Le contexte, les clients visés, où vous en êtes (${DESCRIPTION_MAX} caractères au plus).`}
        rows={6}
      />
      <SelectField meta={fields.kind} label="Je veux…" options={optionsFrom(PROJECT_KIND_LABELS)} placeholder="Choisir" />
      <SelectField meta={fields.stage} label="Étape du projet" options={optionsFrom(PROJECT_STAGE_LABELS)} placeholder="Choisir" />
      <SelectField
        meta={fields.legalForm}
        label="Forme juridique envisagée"
        options={optionsFrom(LEGAL_FORM_LABELS)}
      />
      <SelectField
        meta={fields.activityDomainId}
        label="Domaine d'activité"
        options={domains.map((d) => ({ value: String(d.id), label: d.name }))}
        placeholder="Choisir"
      />
      <CommuneField meta={fields.commune} codeMeta={fields.communeCode} label="Commune du projet" />
      <CheckboxField meta={fields.remoteOk} label="Un accompagnement à distance me convient" />
      <NumberField
        meta={fields.jobsExpected}
        label="Emplois prévus"
        hint="Le nombre d'emplois que le projet devrait créer, le vôtre compris (0 si vous ne savez pas encore)."
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
