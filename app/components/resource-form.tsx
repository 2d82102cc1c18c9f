import type { FieldMetadata } from "@conform-to/react";
import { CommuneField } from "~/components/commune-field";
import { optionsFrom, RadioGroupField, SelectField, TextAreaField, TextField } from "~/components/ui/field";
import { RESOURCE_KIND_LABELS, RESOURCE_TERMS_LABELS, WEEKDAY_LABELS } from "~/domain/resource-booking";

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
  return (
    <>
      <SelectField meta={fields.kind} label="Type de ressource" options={optionsFrom(RESOURCE_KIND_LABELS)} placeholder="Choisissez" />
      <TextField meta={fields.title} label="Nom" hint="Ce que les membres cherchent : « Salle de réunion du tiers-lieu », « Camion frigorifique »." />
      <TextAreaField meta={fields.description} label="Description" hint="Ce qu'elle est, ce qu'on peut en faire, où et comment la récupérer." rows={5} />
      <CommuneField meta={fields.commune} codeMeta={fields.communeCode} label="Commune où elle se trouve (facultatif)" />
      {organisations.length > 0 ? (
        <SelectField
          meta={fields.organisationId}
          label="Prêtée au nom de"
          placeholder="À titre personnel"
          options={organisations.map((o) => ({ value: String(o.id), label: o.name }))}
          hint="Les représentants confirmés de l'organisation répondront aussi aux demandes."
        />
      ) : null}

      <RadioGroupField meta={fields.terms} legend="Conditions du prêt" options={optionsFrom(RESOURCE_TERMS_LABELS)} />
      <TextField meta={fields.costEuros} label="Participation demandée par réservation, en euros" hint="Avec « Participation aux frais »." inputProps={{ inputMode: "decimal" }} />
      <TextField meta={fields.depositEuros} label="Caution, en euros" hint="Rendue au retour ; possible aussi avec une participation ou un prêt gratuit." inputProps={{ inputMode: "decimal" }} />
      <TextAreaField meta={fields.termsNote} label="Précisions sur les conditions (facultatif)" hint="« Plein d'essence au retour », « chèque de caution non encaissé »." rows={2} />

      <fieldset className="field">
        <legend>Horaires d'ouverture (heure de Paris)</legend>
        <p className="hint">Jusqu'à deux plages par jour ; laissez vides les jours de fermeture. « 00:00 » en fermeture veut dire minuit.</p>
        {hours.map((day, weekday) => {
          const h = day.getFieldset();
          const label = WEEKDAY_LABELS[weekday]!;
          return (
            <fieldset key={day.key} className="hours-row">
              <legend>{label.charAt(0).toUpperCase() + label.slice(1)}</legend>
              <TextField meta={h.opens1} type="time" label={`Ouverture du ${label}`} />
              <TextField meta={h.closes1} type="time" label={`Fermeture du ${label}`} />
              <TextField meta={h.opens2} type="time" label={`Réouverture du ${label} (facultatif)`} />
              <TextField meta={h.closes2} type="time" label={`Seconde fermeture du ${label}`} />
            </fieldset>
          );
        })}
      </fieldset>

      <fieldset className="field">
        <legend>Périodes de fermeture</legend>
        <p className="hint">Jours entiers, premier et dernier compris ; laissez vides les lignes inutiles.</p>
        {closures.map((row, i) => {
          const c = row.getFieldset();
          return (
            <fieldset key={row.key} className="hours-row">
              <legend>Fermeture {i + 1}</legend>
              <TextField meta={c.startsOn} type="date" label={`Premier jour de la fermeture ${i + 1}`} />
              <TextField meta={c.endsOn} type="date" label={`Dernier jour de la fermeture ${i + 1}`} />
              <TextField meta={c.reason} label={`Motif de la fermeture ${i + 1}`} />
            </fieldset>
          );
        })}
      </fieldset>
    </>
  );
}
