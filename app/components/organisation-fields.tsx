import type { FieldMetadata } from "@conform-to/react";
import { CommuneField } from "~/components/commune-field";
import { optionsFrom, SelectField, TextAreaField, TextField } from "~/components/ui/field";
import { ORGANISATION_KIND_LABELS } from "~/domain/organisation";
import { ORGANISATION_DESCRIPTION_MAX, ORGANISATION_NAME_MAX } from "~/schemas/organisation";

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
  return (
    <>
      <TextField meta={fields.name} label="Nom de l'organisation" hint={`Tel qu'il figure au répertoire SIRENE ou dans vos statuts (${ORGANISATION_NAME_MAX} caractères au plus).`} />
      <SelectField meta={fields.kind} label="Type d'organisation" options={optionsFrom(ORGANISATION_KIND_LABELS)} placeholder="Choisir" />
      <TextField
        meta={fields.siret}
        label="Numéro SIRET (facultatif)"
        hint="14 chiffres : le SIREN puis le numéro de l'établissement, par exemple 732 829 320 00074. Les espaces sont acceptés."
        inputProps={{ inputMode: "numeric", autoComplete: "off" }}
      />
      <TextField
        meta={fields.siren}
        label="Numéro SIREN (facultatif)"
        hint="9 chiffres. Inutile si vous avez indiqué le SIRET : ce sont ses 9 premiers chiffres."
        inputProps={{ inputMode: "numeric", autoComplete: "off" }}
      />
      <TextField
        meta={fields.nafCode}
        label="Code NAF ou APE (facultatif)"
        hint="Quatre chiffres et une lettre, par exemple 88.99B ou 8899B : il figure sur l'avis de situation SIRENE."
        inputProps={{ autoComplete: "off" }}
      />
      <CommuneField meta={fields.commune} codeMeta={fields.communeCode} label="Commune du siège ou de l'établissement" />
      <TextAreaField
        meta={fields.description}
        label="Présentation (facultative)"
        hint={`Ce que fait l'organisation, ce qu'elle apporte au pôle (${ORGANISATION_DESCRIPTION_MAX} caractères au plus).`}
        rows={5}
      />
      <TextField meta={fields.website} label="Site internet (facultatif)" type="url" hint="L'adresse complète, par exemple https://www.exemple.fr." />
      <TextField
        meta={fields.contactEmail}
        label="Adresse de contact de l'organisation (facultative)"
        type="email"
        hint="Une adresse générique de l'organisation (contact@…), publiée sur sa page. N'indiquez pas une adresse personnelle."
      />
    </>
  );
}
