import type { FieldMetadata } from "@conform-to/react";
import { CommuneField } from "~/components/commune-field";
import { optionsFrom, SelectField, TextAreaField, TextField } from "~/components/ui/field";
import { ORGANISATION_DESCRIPTION_MAX, ORGANISATION_NAME_MAX } from "~/schemas/organisation";
import { useT } from "~/i18n/context";

type Text = FieldMetadata<string | undefined>;
export type OrganisationFieldSet = {
  name: Text;
  kind: FieldMetadata<string | undefined>;
  siren: Text;
  siret: Text;
  nafCode: Text;
  commune: Text;
  communeCode: Text;
  description: Text;
  website: Text;
  contactEmail: Text;
};

/** The fields of an organisation's page, for registration and edition (the form around them is the page's). */
export function OrganisationFields({ fields }: { fields: OrganisationFieldSet }) {
  const { organisations, vocabulary } = useT();
  const t = organisations.fields;
  return (
    <>
      <TextField meta={fields.name} label={t.name} hint={t.nameHint(ORGANISATION_NAME_MAX)} />
      <SelectField meta={fields.kind} label={t.kind} options={optionsFrom(vocabulary.organisationKind)} placeholder={t.choose} />
      <TextField
        meta={fields.siret}
        label={t.siret}
        hint={t.siretHint}
        inputProps={{ inputMode: "numeric", autoComplete: "off" }}
      />
      <TextField
        meta={fields.siren}
        label={t.siren}
        hint={t.sirenHint}
        inputProps={{ inputMode: "numeric", autoComplete: "off" }}
      />
      <TextField
        meta={fields.nafCode}
        label={t.naf}
        hint={t.nafHint}
        inputProps={{ autoComplete: "off" }}
      />
      <CommuneField meta={fields.commune} codeMeta={fields.communeCode} label={t.commune} />
      <TextAreaField
        meta={fields.description}
        label={t.description}
        hint={t.descriptionHint(ORGANISATION_DESCRIPTION_MAX)}
        rows={5}
      />
      <TextField meta={fields.website} label={t.website} type="url" hint={t.websiteHint} />
      <TextField
        meta={fields.contactEmail}
        label={t.contactEmail}
        type="email"
        hint={t.contactEmailHint}
      />
    </>
  );
}
