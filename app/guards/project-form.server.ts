/**
 * Server side of the project form, shared by creation and edition: zod first,
 * then what only the database knows (the commune, the activity domain).
 * Returns the reply to send back (status 400) or the values to store.
 */
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { existingActivityDomainIds, existingSkillIds } from "~/models/catalog.server";
import { communeLabel } from "~/models/commune.server";
import { resolveCommune, type CommuneResolution } from "~/models/commune-resolution.server";
import type { FundingNeedInput, ProjectInput, SkillNeedInput } from "~/models/project.server";
import { fundingNeedSchema, projectSchema, skillNeedSchema } from "~/schemas/project";
import type { Db } from "~/utils/db.server";
import type { ChoiceOption } from "~/utils/reply";

type Reply = SubmissionResult<string[]>;
export type ProjectFormResult =
  | { ok: true; input: ProjectInput }
  | { ok: false; reply: Reply; choices: Record<string, ChoiceOption[]> };

/** zod's own messages win over ours for the same field. */
function pickErrors(error: Record<string, string[] | null> | null | undefined): Record<string, string[]> {
  return Object.fromEntries(Object.entries(error ?? {}).filter((e): e is [string, string[]] => !!e[1]?.length));
}

/**
 * The commune typed in a form, resolved when something was typed: checked even
 * when other fields are invalid, so every error shows at once.
 */
export function resolveTypedCommune(db: Db, formData: FormData, field = "commune") {
  const text = formData.get(field);
  const code = formData.get(`${field}Code`);
  if (typeof text !== "string" || !text.trim() || text.length > 120) return null;
  return resolveCommune(db, text, typeof code === "string" && code ? code : undefined);
}

/** The communes an ambiguous input could mean, as choices for the commune field (none otherwise). */
export function communeChoices(resolution: CommuneResolution | null, field = "commune"): Record<string, ChoiceOption[]> {
  if (!resolution || resolution.ok || !("choices" in resolution)) return {};
  return { [field]: resolution.choices.map((c) => ({ value: c.code, label: communeLabel(c) })) };
}

export function validateProjectForm(db: Db, formData: FormData): ProjectFormResult {
  const submission = parseWithZod(formData, { schema: projectSchema });
  const commune = resolveTypedCommune(db, formData);
  const fieldErrors: Record<string, string[]> = {};
  if (commune && !commune.ok) fieldErrors.commune = [commune.message];
  const choices = communeChoices(commune);
  if (submission.status !== "success") {
    return { ok: false, reply: submission.reply({ fieldErrors: { ...fieldErrors, ...pickErrors(submission.error) } }), choices };
  }
  const v = submission.value;
  if (!existingActivityDomainIds(db, [v.activityDomainId]).has(v.activityDomainId)) {
    fieldErrors.activityDomainId = ["Domaine d'activité inconnu : choisissez-en un dans la liste."];
  }
  if (!commune?.ok || Object.keys(fieldErrors).length > 0) {
    return { ok: false, reply: submission.reply({ fieldErrors }), choices };
  }
  return {
    ok: true,
    input: {
      title: v.title,
      pitch: v.pitch,
      description: v.description ?? "",
      kind: v.kind,
      stage: v.stage,
      legalForm: v.legalForm,
      activityDomainId: v.activityDomainId,
      communeCode: commune.commune.code,
      remoteOk: v.remoteOk ?? false,
      jobsExpected: v.jobsExpected,
    },
  };
}

export type SkillNeedFormResult = { ok: true; input: SkillNeedInput } | { ok: false; reply: Reply };

export function validateSkillNeedForm(db: Db, formData: FormData): SkillNeedFormResult {
  const submission = parseWithZod(formData, { schema: skillNeedSchema });
  if (submission.status !== "success") return { ok: false, reply: submission.reply() };
  const v = submission.value;
  if (!existingSkillIds(db, [v.skillId]).has(v.skillId)) {
    return {
      ok: false,
      reply: submission.reply({ fieldErrors: { skillId: ["Compétence inconnue : choisissez-en une dans la liste."] } }),
    };
  }
  return {
    ok: true,
    input: { skillId: v.skillId, priority: v.priority, expectation: v.expectation ?? "", hoursPerMonth: v.hoursPerMonth },
  };
}

/** On success, `submission` still answers for the form when the model refuses (values typed kept). */
export type FundingFormResult =
  | { ok: true; input: FundingNeedInput; submission: { reply(options?: { fieldErrors?: Record<string, string[]> }): Reply } }
  | { ok: false; reply: Reply };

export function validateFundingForm(formData: FormData): FundingFormResult {
  const submission = parseWithZod(formData, { schema: fundingNeedSchema });
  if (submission.status !== "success") return { ok: false, reply: submission.reply() };
  const v = submission.value;
  return {
    ok: true,
    submission,
    input: {
      amountCents: v.amount,
      kind: v.kind,
      neededBy: v.neededBy ?? null,
      companyCapitalCents: v.companyCapital ?? null,
    },
  };
}
