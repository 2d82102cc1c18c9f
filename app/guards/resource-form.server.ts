/**
 * Server side of the resource form (offering and editing): zod first (hours, closures, terms), then
 * what only the server knows: the commune typed.
 */
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { timeOfDayInput, type Closure, type OpenRange } from "~/domain/resource-booking";
import type { ResourceKind, ResourceTerms } from "~/domain/vocabulary";
import type { ResourceInput } from "~/models/shared-resource.server";
import { centsToInput } from "~/schemas/money";
import { editResourceSchema, MAX_CLOSURES, offerResourceSchema, readClosures, readOpenHours } from "~/schemas/resource";
import type { Db } from "~/utils/db.server";
import type { ChoiceOption } from "~/utils/reply";
import { communeChoices, resolveTypedCommune } from "./project-form.server";

type Reply = SubmissionResult<string[]>;
type Replyable = { reply(options?: { fieldErrors?: Record<string, string[]> }): Reply };
export type ResourceFormResult<T> = { ok: true; input: ResourceInput & T; submission: Replyable } | { ok: false; reply: Reply; choices: Record<string, ChoiceOption[]> };

function validate<T>(db: Db, formData: FormData, schema: typeof offerResourceSchema | typeof editResourceSchema, extra: (v: Record<string, unknown>) => T): ResourceFormResult<T> {
  const submission = parseWithZod(formData, { schema });
  const commune = resolveTypedCommune(db, formData);
  const choices = communeChoices(commune);
  const serverErrors: Record<string, string[]> = {};
  if (commune && !commune.ok) serverErrors.commune = [commune.message];
  if (submission.status !== "success") {
    const zodErrors = Object.fromEntries(Object.entries(submission.error ?? {}).filter((e): e is [string, string[]] => !!e[1]?.length));
    return { ok: false, reply: submission.reply({ fieldErrors: { ...serverErrors, ...zodErrors } }), choices };
  }
  if (commune && !commune.ok) return { ok: false, reply: submission.reply({ fieldErrors: serverErrors }), choices };
  const v = submission.value;
  const input: ResourceInput = {
    kind: v.kind,
    title: v.title,
    description: v.description,
    communeCode: commune?.ok ? commune.commune.code : null,
    organisationId: v.organisationId ?? null,
    terms: v.terms,
    costCents: v.costEuros ?? null,
    depositCents: v.depositEuros ?? null,
    termsNote: v.termsNote ?? "",
    openHours: readOpenHours(v.hours),
    closures: readClosures(v.closures),
  };
  return { ok: true, input: { ...input, ...extra(v as Record<string, unknown>) }, submission };
}

export function validateOfferForm(db: Db, formData: FormData): ResourceFormResult<{ territoryId: number }> {
  return validate(db, formData, offerResourceSchema, (v) => ({ territoryId: v.territoryId as number }));
}

export function validateEditForm(db: Db, formData: FormData): ResourceFormResult<{ active: boolean }> {
  return validate(db, formData, editResourceSchema, (v) => ({ active: v.active === true }));
}

type Existing = {
  kind: ResourceKind;
  title: string;
  description: string;
  communeName: string | null;
  communeCode: string | null;
  organisationId: number | null;
  terms: ResourceTerms;
  costCents: number | null;
  depositCents: number | null;
  termsNote: string;
  active: boolean;
  openHours: OpenRange[];
  closures: Closure[];
};

/** Weekdays 9 h – 12 h and 14 h – 18 h: what a new offer starts from. */
const OFFICE_HOURS: OpenRange[] = [0, 1, 2, 3, 4].flatMap((weekday) => [
  { weekday, opensAt: 540, closesAt: 720 },
  { weekday, opensAt: 840, closesAt: 1080 },
]);

/** The form's values for a resource (or a new one): seven rows of hours, MAX_CLOSURES rows of closures. */
export function resourceFormDefaults(r?: Existing) {
  const hours = Array.from({ length: 7 }, (_, weekday) => {
    const day = (r?.openHours ?? OFFICE_HOURS).filter((h) => h.weekday === weekday).sort((a, b) => a.opensAt - b.opensAt);
    return {
      opens1: day[0] ? timeOfDayInput(day[0].opensAt) : "",
      closes1: day[0] ? timeOfDayInput(day[0].closesAt) : "",
      opens2: day[1] ? timeOfDayInput(day[1].opensAt) : "",
      closes2: day[1] ? timeOfDayInput(day[1].closesAt) : "",
    };
  });
  const closures = Array.from({ length: MAX_CLOSURES }, (_, i) => {
    const c = r?.closures[i];
    return { startsOn: c?.startsOn ?? "", endsOn: c?.endsOn ?? "", reason: c?.reason ?? "" };
  });
  return {
    kind: r?.kind ?? "",
    title: r?.title ?? "",
    description: r?.description ?? "",
    commune: r?.communeName ?? "",
    communeCode: r?.communeCode ?? "",
    organisationId: r?.organisationId ? String(r.organisationId) : "",
    terms: r?.terms ?? "gratuit",
    costEuros: centsToInput(r?.costCents),
    depositEuros: centsToInput(r?.depositCents),
    termsNote: r?.termsNote ?? "",
    active: r ? (r.active ? "on" : "") : "on",
    hours,
    closures,
  };
}
