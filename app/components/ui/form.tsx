import { getFormProps, useForm, type DefaultValue, type FormMetadata } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import type { z } from "zod";
import { useFormReply } from "~/utils/reply";
import { FormError } from "./field";

type ObjectSchema = z.ZodType<Record<string, unknown>, Record<string, unknown>>;

/**
 * The one way to set up a form: conform checks it with the action's zod schema in the browser (on leaving
 * a field, then as the person corrects it) and shows the action's answer for this form after a submit.
 * `reply` names the form's answer on a page with several forms (null: the page's form).
 */
export function useSchemaForm<Schema extends ObjectSchema>(
  schema: Schema,
  { id, defaultValue, reply = null }: { id: string; defaultValue?: DefaultValue<z.input<Schema>>; reply?: string | null },
) {
  const { lastResult } = useFormReply(reply);
  return useForm<z.input<Schema>, z.output<Schema>>({
    id,
    lastResult,
    defaultValue,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
}

/**
 * A conform-wired POST form: the form-level French error first, then the hidden intent the action dispatches on.
 * A plain HTML form, so it still submits with JavaScript off.
 */
export function ConformForm<Schema extends Record<string, unknown>>({
  form,
  intent,
  action,
  className,
  encType,
  "aria-labelledby": labelledBy,
  "aria-label": label,
  children,
}: {
  form: FormMetadata<Schema, string[]>;
  intent?: string;
  action?: string;
  className?: string;
  /** `multipart/form-data` for a form that sends a file. */
  encType?: "multipart/form-data";
  "aria-labelledby"?: string;
  "aria-label"?: string;
  children?: ReactNode;
}) {
  return (
    <Form
      method="post"
      action={action}
      className={className ?? "form"}
      encType={encType}
      aria-labelledby={labelledBy}
      aria-label={label}
      {...getFormProps(form)}
    >
      <FormError errors={form.errors} id={form.errorId} />
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      {children}
    </Form>
  );
}

/** The form's submit button, alone on its line. */
export function SubmitButton({ className, children }: { className?: string; children: ReactNode }) {
  return (
    <div>
      <button type="submit" className={className ? `button ${className}` : "button"}>
        {children}
      </button>
    </div>
  );
}
