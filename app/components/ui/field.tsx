import { getInputProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";

type TextFieldProps = {
  meta: FieldMetadata<string | undefined>;
  label: ReactNode;
  hint?: ReactNode;
  type?: "text" | "email" | "password" | "search" | "number" | "tel" | "url";
  autoComplete?: string;
  list?: string;
  inputProps?: Omit<React.InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "type" | "defaultValue">;
};

/** A labelled input with its hint and, when invalid, its French error next to it. */
export function TextField({ meta, label, hint, type = "text", autoComplete, list, inputProps }: TextFieldProps) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const describedBy = [hintId, meta.errors ? meta.errorId : undefined].filter(Boolean).join(" ") || undefined;
  const { key, ...props } = getInputProps(meta, { type, ariaDescribedBy: describedBy });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <input key={key} {...props} autoComplete={autoComplete} list={list} {...inputProps} />
      <FieldError meta={meta} />
    </div>
  );
}

export function FieldError({ meta }: { meta: Pick<FieldMetadata<unknown>, "errors" | "errorId"> }) {
  if (!meta.errors?.length) return null;
  return (
    <p className="field-error" id={meta.errorId}>
      {meta.errors.join(" ")}
    </p>
  );
}

/** Errors that belong to the whole form (wrong password, too many attempts). */
export function FormError({ errors, id }: { errors?: string[]; id: string }) {
  if (!errors?.length) return null;
  return (
    <div className="alert alert--error" role="alert" id={id}>
      {errors.join(" ")}
    </div>
  );
}
