import { getCollectionProps, type FieldMetadata } from "@conform-to/react";
import { FieldError, NumberField, optionsFrom, RadioGroupField, TextAreaField, TextField } from "~/components/ui/field";
import { DECISION_RULE_LABELS } from "~/domain/clubs/labels";

type Department = { code: string; name: string; pole: string };
type Domain = { id: number; name: string };

/** The club form's fields shared by creation and settings (conform's field metadata of either schema). */
export type ClubRulesFieldset = {
  description: FieldMetadata<string | undefined>;
  departmentCodes: FieldMetadata<string[] | undefined>;
  communes: FieldMetadata<string | undefined>;
  activityDomainIds: FieldMetadata<number[] | undefined>;
  ticketMin: FieldMetadata<string>;
  ticketMax: FieldMetadata<string>;
  decisionRule: FieldMetadata<string>;
  qualifiedMajorityPct: FieldMetadata<number | undefined>;
  quorumPct: FieldMetadata<number>;
  maxStakePct: FieldMetadata<number>;
};

/** Presentation, where and in what the club invests, its tickets, its voting rule and its stake cap. */
export function ClubRulesFields({
  fields,
  departments,
  domains,
}: {
  fields: ClubRulesFieldset;
  departments: Department[];
  domains: Domain[];
}) {
  return (
    <>
      <TextAreaField meta={fields.description} label="Présentation (facultatif)" rows={3} />
      <div className="field">
        <fieldset aria-describedby={fields.departmentCodes.errors ? fields.departmentCodes.errorId : undefined}>
          <legend>Départements où le club investit (facultatif : par défaut, le territoire du pôle)</legend>
          <div className="checkbox-list">
            {getCollectionProps(fields.departmentCodes, { type: "checkbox", options: departments.map((d) => d.code) }).map(
              ({ key, ...props }) => {
                const d = departments.find((x) => x.code === props.value)!;
                return (
                  <label key={key}>
                    <input {...props} />
                    <span>
                      {d.name} ({d.code}) — {d.pole}
                    </span>
                  </label>
                );
              },
            )}
          </div>
        </fieldset>
        <FieldError meta={fields.departmentCodes} />
      </div>
      <TextField
        meta={fields.communes}
        label="Communes précises où le club investit (facultatif)"
        hint="Séparées par des points-virgules, par exemple « Matha ; Saint-Jean-d'Angély (17400) »."
      />
      <div className="field">
        <fieldset aria-describedby={fields.activityDomainIds.errors ? fields.activityDomainIds.errorId : undefined}>
          <legend>Secteurs préférés (facultatif)</legend>
          <div className="checkbox-list checkbox-list--columns">
            {getCollectionProps(fields.activityDomainIds, { type: "checkbox", options: domains.map((d) => String(d.id)) }).map(
              ({ key, ...props }) => (
                <label key={key}>
                  <input {...props} />
                  <span>{domains.find((d) => String(d.id) === props.value)?.name}</span>
                </label>
              ),
            )}
          </div>
        </fieldset>
        <FieldError meta={fields.activityDomainIds} />
      </div>
      <TextField meta={fields.ticketMin} label="Ticket minimum par projet (en euros)" inputProps={{ inputMode: "decimal" }} />
      <TextField meta={fields.ticketMax} label="Ticket maximum par projet (en euros)" inputProps={{ inputMode: "decimal" }} />
      <RadioGroupField meta={fields.decisionRule} legend="Règle de décision des votes" options={optionsFrom(DECISION_RULE_LABELS)} />
      <NumberField
        meta={fields.qualifiedMajorityPct}
        label="Seuil de la majorité qualifiée (en %)"
        hint="Utilisé seulement avec la majorité qualifiée : part des « pour » parmi les « pour » et les « contre »."
        min={51}
        max={100}
      />
      <NumberField
        meta={fields.quorumPct}
        label="Quorum (en % des membres actifs)"
        hint="Sans quorum, un vote échoue."
        min={0}
        max={100}
      />
      <NumberField
        meta={fields.maxStakePct}
        label="Part maximale du club dans une entreprise (en %)"
        hint="Les clubs restent minoritaires : 33 % par défaut."
        min={1}
        max={50}
      />
    </>
  );
}
