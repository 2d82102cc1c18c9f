/**
 * The one answer of an action that does not redirect, and its reading in
 * components. Built on the server by `replyInvalid`/`replyRefused`
 * (reply.server.ts); read here by `useFormReply`.
 */
import type { SubmissionResult } from "@conform-to/react";
import { useActionData } from "@remix-run/react";
import { useSay } from "~/i18n/context";

export type ActionReply = {
  /** The form the answer belongs to on a page that holds several; null for the page's form. */
  formId: string | null;
  /** What conform's `useForm({ lastResult })` reads: errors by field, the form's own under "", the values typed. */
  result: SubmissionResult<string[]>;
  /** The form-level error in one sentence (null when every error sits at a field). */
  message: string | null;
  /** What the server offers to choose from at a field whose input matched several things (an ambiguous commune). */
  choices: Record<string, ChoiceOption[]> | null;
};

export type ChoiceOption = { value: string; label: string };

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
  const say = useSay();
  if (!reply || reply.formId !== formId) return { lastResult: undefined, message: null };
  // The message is a model's or a guard's sentence, written in French: shown in the page's language.
  return { lastResult: reply.result, message: reply.message === null ? null : say(reply.message) };
}

/** The choices the last answer offers at `field` of the form `formId` (none when it offers none). */
export function useFieldChoices(field: string, formId: string | null = null): ChoiceOption[] {
  const reply = useActionData<ActionReply>() as ActionReply | undefined;
  if (!reply || reply.formId !== formId) return [];
  return reply.choices?.[field] ?? [];
}
