/**
 * The one answer of an action that does not redirect, and its reading in
 * components. Built on the server by `replyInvalid`/`replyRefused`
 * (reply.server.ts); read here by `useFormReply`.
 */
import type { SubmissionResult } from "@conform-to/react";
import { useActionData } from "@remix-run/react";

export type ActionReply = {
  /** The form the answer belongs to on a page that holds several; null for the page's form. */
  formId: string | null;
  /** What conform's `useForm({ lastResult })` reads: errors by field, the form's own under "", the values typed. */
  result: SubmissionResult<string[]>;
  /** The form-level error in one sentence (null when every error sits at a field). */
  message: string | null;
};

/**
 * The last answer for the form `formId` (null: the page's form, or the page
 * itself for forms made of a single button): `lastResult` for `useForm`,
 * `message` for an alert. Nothing when the answer belongs to another form.
 */
export function useFormReply(formId: string | null = null): {
  lastResult: SubmissionResult<string[]> | undefined;
  message: string | null;
} {
  const reply = useActionData<ActionReply>() as ActionReply | undefined;
  if (!reply || reply.formId !== formId) return { lastResult: undefined, message: null };
  return { lastResult: reply.result, message: reply.message };
}
