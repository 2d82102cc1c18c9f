import {
  getCollectionProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  type FieldMetadata,
} from "@conform-to/react";
import type { ReactNode } from "react";
import { useSay } from "~/i18n/context";

/** Form fields: a label, an optional hint and the French error next to the input, all wired for screen readers. */
type Option = { value: string; label: string };

function describedBy(meta: Pick<FieldMetadata<unknown>, "id" | "errors" | "errorId">, hint: boolean): string | undefined {
  return [hint ? `${meta.id}-hint` : undefined, meta.errors ? meta.errorId : undefined].filter(Boolean).join(" ") || undefined;
}

function Hint({ id, children }: { id: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <p className="hint" id={`${id}-hint`}>
      {children}
    </p>
  );
}

type TextFieldProps = {
  meta: FieldMetadata<string | undefined>;
  label: ReactNode;
  hint?: ReactNode;
  type?: "text" | "email" | "password" | "search" | "tel" | "url" | "date" | "time" | "datetime-local";
  autoComplete?: string;
  list?: string;
  inputProps?: Omit<React.InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "type" | "defaultValue">;
};

/** A labelled input with its hint and, when invalid, its French error next to it. */
export function TextField({ meta, label, hint, type = "text", autoComplete, list, inputProps }: TextFieldProps) {
  const { key, ...props } = getInputProps(meta, { type, ariaDescribedBy: describedBy(meta, !!hint) });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <Hint id={meta.id}>{hint}</Hint>
      <input key={key} {...props} autoComplete={autoComplete} list={list} {...inputProps} />
      <FieldError meta={meta} />
    </div>
  );
}

export function FieldError({ meta }: { meta: Pick<FieldMetadata<unknown>, "errors" | "errorId"> }) {
  const say = useSay();
  if (!meta.errors?.length) return null;
  return (
    <p className="field-error" id={meta.errorId}>
      {meta.errors.map(say).join(" ")}
    </p>
  );
}

/** Errors that belong to the whole form (wrong password, too many attempts). */
export function FormError({ errors, id }: { errors?: string[]; id: string }) {
  const say = useSay();
  if (!errors?.length) return null;
  return (
    <div className="alert alert--error" role="alert" id={id}>
      {errors.map(say).join(" ")}
    </div>
  );
}

/** A labelled select; `placeholder` adds an empty first choice. */
export function SelectField<S>({
  meta,
  label,
  options,
  hint,
  placeholder,
}: {
  meta: FieldMetadata<S>;
  label: ReactNode;
  options: readonly Option[];
  hint?: ReactNode;
  placeholder?: string;
}) {
  const { key, ...props } = getSelectProps(meta, {
    ariaDescribedBy: describedBy(meta, !!hint),
  });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <Hint id={meta.id}>{hint}</Hint>
      <select key={key} {...props}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError meta={meta} />
    </div>
  );
}

export function TextAreaField<S>({
  meta,
  label,
  hint,
  rows = 4,
}: {
  meta: FieldMetadata<S>;
  label: ReactNode;
  hint?: ReactNode;
  rows?: number;
}) {
  const { key, ...props } = getTextareaProps(meta, { ariaDescribedBy: describedBy(meta, !!hint) });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <Hint id={meta.id}>{hint}</Hint>
      <textarea key={key} rows={rows} {...props} />
      <FieldError meta={meta} />
    </div>
  );
}

export function CheckboxField<S>({
  meta,
  label,
  hint,
}: {
  meta: FieldMetadata<S>;
  label: ReactNode;
  hint?: ReactNode;
}) {
  const { key, ...props } = getInputProps(meta, { type: "checkbox", ariaDescribedBy: describedBy(meta, !!hint) });
  return (
    <div className="field field--checkbox">
      <label htmlFor={meta.id}>
        <input key={key} {...props} />
        <span>{label}</span>
      </label>
      <Hint id={meta.id}>{hint}</Hint>
      <FieldError meta={meta} />
    </div>
  );
}

/** A group of radio buttons in a fieldset. */
export function RadioGroupField<S>({
  meta,
  legend,
  options,
  hint,
}: {
  meta: FieldMetadata<S>;
  legend: ReactNode;
  options: readonly Option[];
  hint?: ReactNode;
}) {
  return (
    <div className="field">
      <fieldset aria-describedby={describedBy(meta, !!hint)}>
        <legend>{legend}</legend>
        <Hint id={meta.id}>{hint}</Hint>
        <div className="checkbox-list checkbox-list--inline">
          {getCollectionProps(meta, { type: "radio", options: options.map((o) => o.value) }).map(({ key, ...props }) => (
            <label key={key}>
              <input {...props} />
              <span>{options.find((o) => o.value === props.value)?.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <FieldError meta={meta} />
    </div>
  );
}

/** A labelled number input: whole numbers by default (counts, hours, kilometres); `step="any"` for decimals. */
export function NumberField<S>({
  meta,
  label,
  hint,
  min,
  max,
  step = 1,
}: {
  meta: FieldMetadata<S>;
  label: ReactNode;
  hint?: ReactNode;
  min?: number;
  max?: number;
  step?: number | "any";
}) {
  const { key, ...props } = getInputProps(meta, { type: "number", ariaDescribedBy: describedBy(meta, !!hint) });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <Hint id={meta.id}>{hint}</Hint>
      <input key={key} {...props} min={min} max={max} step={step} inputMode={step === 1 ? "numeric" : "decimal"} />
      <FieldError meta={meta} />
    </div>
  );
}

export function optionsFrom<K extends string>(labels: Record<K, string>): Option[] {
  return (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
}
