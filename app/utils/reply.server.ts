/**
 * Every action that does not redirect answers with one of these two, so that
 * every form shows bad input and refusals the same way: at the field when
 * there is one, at the form otherwise, with the values typed kept.
 */
import type { SubmissionResult } from "@conform-to/react";
import { data, type HeadersFunction } from "@remix-run/node";
import type { ActionReply, ChoiceOption } from "./reply";

export type { ActionReply } from "./reply";

/** A conform submission (from `parseWithZod`), or the reply it already made. */
type Replyable =
  | {
      reply(options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]>; hideFields?: string[] }): SubmissionResult<string[]>;
    }
  | SubmissionResult<string[]>;

/**
 * A route's `headers` export where an answer may be a 429: Remix sends an action's headers with the
 * page only through it, so the `Retry-After` of `replyRefused` (or of a thrown 429) reaches the browser.
 */
export const passRetryAfter: HeadersFunction = ({ actionHeaders, errorHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After") ?? errorHeaders?.get("Retry-After");
  const headers = new Headers();
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

/** A refusal: a model's failed Outcome, or a rule the route checks itself. */
export type Refusal = {
  status: number;
  message: string;
  field?: string;
  /** A 429's `Retry-After`, in seconds. */
  retryAfterSeconds?: number;
};

export const UNKNOWN_INTENT: Refusal = { status: 400, message: "Action inconnue." };

type Options = {
  /** Names the form on pages that hold several, so only that one shows the answer. */
  formId?: string | null;
  /** Never sent back to the browser (passwords). */
  hideFields?: string[];
  /** Choices to offer at a field, by field name (the communes an ambiguous input could mean). */
  choices?: Record<string, ChoiceOption[]>;
};

function build(
  input: Replyable | undefined,
  errors: { formErrors?: string[]; fieldErrors?: Record<string, string[]> },
  options: Options,
): SubmissionResult<string[]> {
  if (input && "reply" in input && typeof input.reply === "function") {
    return input.reply({ ...errors, hideFields: options.hideFields });
  }
  const base: SubmissionResult<string[]> = input ? { ...(input as SubmissionResult<string[]>) } : { status: "error" };
  const error: Record<string, string[] | null> = { ...base.error };
  for (const [field, messages] of Object.entries(errors.fieldErrors ?? {})) error[field] = messages;
  if (errors.formErrors?.length) error[""] = errors.formErrors;
  return { ...base, status: "error", error };
}

function answer(result: SubmissionResult<string[]>, status: number, options: Options, retryAfterSeconds?: number) {
  const formErrors = result.error?.[""] ?? [];
  const reply: ActionReply = {
    formId: options.formId ?? null,
    result,
    message: formErrors.length > 0 ? formErrors.join(" ") : null,
    choices: options.choices && Object.keys(options.choices).length > 0 ? options.choices : null,
  };
  return data(reply, retryAfterSeconds === undefined ? { status } : { status, headers: { "Retry-After": String(retryAfterSeconds) } });
}

/**
 * Bad input: 400, each French message at its field, the values typed kept.
 * `fieldErrors`/`formErrors` add what only the server knows (an unknown
 * commune, a taken address).
 */
export function replyInvalid(
  submission: Replyable,
  options: Options & { fieldErrors?: Record<string, string[]>; formErrors?: string[] } = {},
) {
  const { fieldErrors, formErrors, ...rest } = options;
  return answer(build(submission, { fieldErrors, formErrors }, rest), 400, rest);
}

/**
 * A refusal with its own status (403, 404, 409, 429…): its message at the
 * field it names, or at `field` when given, or at the whole form. Without a
 * submission (a form made of one button), the message alone.
 */
export function replyRefused(refusal: Refusal, options: Options & { submission?: Replyable; field?: string } = {}) {
  const { submission, field, ...rest } = options;
  const at = refusal.field ?? field;
  const errors = at ? { fieldErrors: { [at]: [refusal.message] } } : { formErrors: [refusal.message] };
  return answer(build(submission, errors, rest), refusal.status, rest, refusal.retryAfterSeconds);
}
