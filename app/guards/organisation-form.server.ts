/**
 * Server side of the organisation form, for registration and edition: zod
 * first (SIREN and SIRET keys, the NAF code's shape), then what only the
 * server knows: the commune typed, and whether the NAF code exists.
 */
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { checkSiren, checkSiret } from "~/domain/organisation";
import { lookUpNafCode } from "~/models/naf.server";
import type { OrganisationInput } from "~/models/organisation.server";
import { NAF_MESSAGES, newOrganisationSchema, organisationSchema, type OrganisationFormValues } from "~/schemas/organisation";
import type { Db } from "~/utils/db.server";
import type { ChoiceOption } from "~/utils/reply";
import { communeChoices, resolveTypedCommune } from "./project-form.server";

type Reply = SubmissionResult<string[]>;
type Replyable = { reply(options?: { fieldErrors?: Record<string, string[]> }): Reply };
export type OrganisationFormResult<T> =
  | { ok: true; input: T; submission: Replyable }
  | { ok: false; reply: Reply; choices: Record<string, ChoiceOption[]> };

function nafError(formData: FormData): string | null {
  const typed = formData.get("nafCode");
  if (typeof typed !== "string" || !typed.trim()) return null;
  const found = lookUpNafCode(typed);
  return found.ok ? null : NAF_MESSAGES[found.reason];
}

type Values = OrganisationFormValues & { territoryId?: number; position?: string };

function validate<T>(
  db: Db,
  formData: FormData,
  schema: typeof organisationSchema | typeof newOrganisationSchema,
  build: (v: Values, base: Omit<OrganisationInput, "communeCode">) => Omit<T, "communeCode">,
): OrganisationFormResult<T> {
  const submission = parseWithZod(formData, { schema });
  const commune = resolveTypedCommune(db, formData);
  const choices = communeChoices(commune);
  const serverErrors: Record<string, string[]> = {};
  if (commune && !commune.ok) serverErrors.commune = [commune.message];
  const naf = nafError(formData);
  if (naf) serverErrors.nafCode = [naf];
  if (submission.status !== "success") {
    // zod's messages win over ours for the same field.
    const zodErrors = Object.fromEntries(Object.entries(submission.error ?? {}).filter((e): e is [string, string[]] => !!e[1]?.length));
    return { ok: false, reply: submission.reply({ fieldErrors: { ...serverErrors, ...zodErrors } }), choices };
  }
  if (!commune?.ok || Object.keys(serverErrors).length > 0) return { ok: false, reply: submission.reply({ fieldErrors: serverErrors }), choices };
  const v = submission.value as Values;
  const siren = v.siren ? checkSiren(v.siren) : null;
  const siret = v.siret ? checkSiret(v.siret) : null;
  const nafCode = v.nafCode ? lookUpNafCode(v.nafCode) : null;
  const base = {
    name: v.name,
    kind: v.kind,
    siren: siren?.ok ? siren.value : null,
    siret: siret?.ok ? siret.value : null,
    nafCode: nafCode?.ok ? nafCode.code : null,
    description: v.description ?? "",
    website: v.website ?? null,
    contactEmail: v.contactEmail ? v.contactEmail.toLowerCase() : null,
  };
  return { ok: true, input: { ...build(v, base), communeCode: commune.commune.code } as T, submission };
}

export function validateOrganisationForm(db: Db, formData: FormData): OrganisationFormResult<OrganisationInput> {
  return validate<OrganisationInput>(db, formData, organisationSchema, (_v, base) => base);
}

export function validateNewOrganisationForm(db: Db, formData: FormData): OrganisationFormResult<OrganisationInput & { territoryId: number; position: string }> {
  return validate<OrganisationInput & { territoryId: number; position: string }>(db, formData, newOrganisationSchema, (v, base) => ({
    ...base,
    territoryId: v.territoryId!,
    position: v.position!,
  }));
}
