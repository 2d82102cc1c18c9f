import { getFormProps, type FormMetadata } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { FormError } from "./field";

/**
 * A conform-wired POST form: the form-level French error first, then the hidden intent the action dispatches on.
 * A plain HTML form, so it still submits with JavaScript off.
 */
export function ConformForm<Schema extends Record<string, unknown>>({
  form,
  intent,
  className,
  "aria-labelledby": labelledBy,
  children,
}: {
  form: FormMetadata<Schema, string[]>;
  intent?: string;
  className?: string;
  "aria-labelledby"?: string;
  children?: ReactNode;
}) {
  return (
    <Form method="post" className={className ?? "form"} aria-labelledby={labelledBy} {...getFormProps(form)}>
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
