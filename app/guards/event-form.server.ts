/**
 * Server side of the event form, for creation and edition: zod first (times, place or link, places),
 * then the commune typed, resolved as the other forms do (with choices when it is ambiguous).
 */
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { parisLocalInput } from "~/domain/paris-time";
import type { EventInput } from "~/models/event.server";
import { eventSchema } from "~/schemas/agenda";
import type { Db } from "~/utils/db.server";
import type { ChoiceOption } from "~/utils/reply";
import { communeChoices, resolveTypedCommune } from "./project-form.server";

type Reply = SubmissionResult<string[]>;
type Replyable = { reply(options?: { fieldErrors?: Record<string, string[]> }): Reply };
export type EventFormResult =
  | { ok: true; input: EventInput; submission: Replyable }
  | { ok: false; reply: Reply; choices: Record<string, ChoiceOption[]> };

export function validateEventForm(db: Db, formData: FormData): EventFormResult {
  const submission = parseWithZod(formData, { schema: eventSchema });
  const commune = resolveTypedCommune(db, formData);
  const choices = communeChoices(commune);
  const serverErrors: Record<string, string[]> = {};
  if (commune && !commune.ok) serverErrors.commune = [commune.message];
  if (submission.status !== "success") {
    const zodErrors = Object.fromEntries(Object.entries(submission.error ?? {}).filter((e): e is [string, string[]] => !!e[1]?.length));
    return { ok: false, reply: submission.reply({ fieldErrors: { ...serverErrors, ...zodErrors } }), choices };
  }
  if (Object.keys(serverErrors).length > 0) return { ok: false, reply: submission.reply({ fieldErrors: serverErrors }), choices };
  const v = submission.value;
  return {
    ok: true,
    submission,
    input: {
      title: v.title,
      description: v.description ?? "",
      startsAt: parisLocalInput(v.startsAt)!,
      endsAt: parisLocalInput(v.endsAt)!,
      address: v.address || null,
      communeCode: commune?.ok ? commune.commune.code : null,
      onlineUrl: v.onlineUrl || null,
      capacity: v.capacity ?? null,
      visibility: v.visibility,
      axisId: v.axisId ?? null,
      groupId: v.groupId ?? null,
    },
  };
}
