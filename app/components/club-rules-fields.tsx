import { getCollectionProps, type FieldMetadata } from "@conform-to/react";
import { FieldError, NumberField, optionsFrom, RadioGroupField, TextAreaField, TextField } from "~/components/ui/field";
import { useT } from "~/i18n/context";

type Department = { code: string; name: string; poles: string[] };

/**
 * One choice per department, with every pôle it belongs to: a department shared by several pôles
 * (the Pas-de-Calais by eight) is one checkbox, not one per pôle with the same value and id.
 */
export function departmentChoices(poles: { name: string; departments: { code: string; name: string }[] }[]): Department[] {
  const byCode = new Map<string, Department>();
  for (const pole of poles) {
    for (const d of pole.departments) {
      const choice = byCode.get(d.code);
      if (choice) choice.poles.push(pole.name);
      else byCode.set(d.code, { code: d.code, name: d.name, poles: [pole.name] });
    }
  }
  return [...byCode.values()];
}
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
  const { clubs, vocabulary } = useT();
  const t = clubs.rulesFields;
  return (
    <>
      <TextAreaField meta={fields.description} label={t.description} rows={3} />
      <div className="field">
        <fieldset aria-describedby={fields.departmentCodes.errors ? fields.departmentCodes.errorId : undefined}>
          <legend>{t.departments}</legend>
          <div className="checkbox-list">
            {getCollectionProps(fields.departmentCodes, { type: "checkbox", options: departments.map((d) => d.code) }).map(
              ({ key, ...props }) => {
                const d = departments.find((x) => x.code === props.value)!;
                return (
                  <label key={key}>
                    <input {...props} />
                    <span>
                      {d.name} ({d.code}) — {d.poles.join(", ")}
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
        label={t.communes}
        hint={t.communesHint}
      />
      <div className="field">
        <fieldset aria-describedby={fields.activityDomainIds.errors ? fields.activityDomainIds.errorId : undefined}>
          <legend>{t.sectors}</legend>
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
      <TextField meta={fields.ticketMin} label={t.ticketMin} inputProps={{ inputMode: "decimal" }} />
      <TextField meta={fields.ticketMax} label={t.ticketMax} inputProps={{ inputMode: "decimal" }} />
      <RadioGroupField meta={fields.decisionRule} legend={t.decisionRule} options={optionsFrom(vocabulary.decisionRule)} />
      <NumberField
        meta={fields.qualifiedMajorityPct}
        label={t.qualifiedMajority}
        hint={t.qualifiedMajorityHint}
        min={51}
        max={100}
      />
      <NumberField
        meta={fields.quorumPct}
        label={t.quorum}
        hint={t.quorumHint}
        min={0}
        max={100}
      />
      <NumberField
        meta={fields.maxStakePct}
        label={t.maxStake}
        hint={t.maxStakeHint}
        min={1}
        max={50}
      />
    </>
  );
}
