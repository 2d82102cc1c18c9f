import type { SubmissionResult } from "@conform-to/react";
import { data } from "@remix-run/node";

/**
 * Answers for pages that hold several forms: the reply names the form it
 * belongs to (`formId`), so only that form shows its errors and typed values;
 * a refusal that belongs to no field comes as `message`.
 */
export type FormReply = SubmissionResult<string[]>;

export function formRejected(formId: string, reply: FormReply, status = 400) {
  return data({ formId, reply, message: null as string | null }, { status });
}

export function actionRefused(message: string, status: number) {
  return data({ formId: null as string | null, reply: null as FormReply | null, message }, { status });
}
