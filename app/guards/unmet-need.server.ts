/** Who may see or act on an unmet need of the territory: public to read; the pôle's team qualifies it. */
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { reaches } from "~/domain/permissions";
import { getUnmetNeed, type NewUnmetNeed, type UnmetNeedDetail } from "~/models/unmet-need.server";
import { newUnmetNeedSchema } from "~/schemas/unmet-need";
import type { Auth } from "~/utils/auth.server";
import { getDb, type Db } from "~/utils/db.server";
import { forbidden, notFound, parseId } from "~/utils/http.server";
import type { ChoiceOption } from "~/utils/reply";
import type { Permit } from "./authorize.server";
import { communeChoices, resolveTypedCommune } from "./project-form.server";

/** The need named in the URL (404 when unknown), if the rule's scope reaches its pôle (403). */
export function loadUnmetNeed<A extends Auth | null>(permit: Permit<A>, idParam: string | undefined): UnmetNeedDetail {
  const need = getUnmetNeed(getDb(), parseId(idParam));
  if (!need) throw notFound("Besoin introuvable");
  if (!reaches(permit.auth, permit.rule, "pole", { territoryIds: [need.territoryId] })) {
    throw forbidden(permit.rule.refusal ?? "Vous ne faites pas partie de l'équipe d'animation de ce pôle.");
  }
  return need;
}

export type UnmetNeedFormResult =
  | { ok: true; input: NewUnmetNeed; submission: SubmissionResult<string[]> }
  | { ok: false; reply: SubmissionResult<string[]>; choices: Record<string, ChoiceOption[]> };

/** zod first, then the typed commune (resolved even when other fields are wrong, so every message shows at once). */
export function validateUnmetNeedForm(db: Db, formData: FormData): UnmetNeedFormResult {
  const submission = parseWithZod(formData, { schema: newUnmetNeedSchema });
  const commune = resolveTypedCommune(db, formData);
  const choices = communeChoices(commune);
  const communeErrors: Record<string, string[]> = commune && !commune.ok ? { commune: [commune.message] } : {};
  if (submission.status !== "success") {
    const zodErrors = Object.fromEntries(Object.entries(submission.error ?? {}).filter((e): e is [string, string[]] => !!e[1]?.length));
    return { ok: false, reply: submission.reply({ fieldErrors: { ...communeErrors, ...zodErrors } }), choices };
  }
  if (commune && !commune.ok) return { ok: false, reply: submission.reply({ fieldErrors: communeErrors }), choices };
  const v = submission.value;
  return {
    ok: true,
    submission: submission.reply(),
    input: {
      territoryId: v.poleId,
      title: v.title,
      description: v.description,
      affected: v.affected,
      communeCode: commune?.ok ? commune.commune.code : null,
      placeNote: v.placeNote ?? "",
    },
  };
}
