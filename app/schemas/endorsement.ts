import { z } from "zod";
import { ENDORSEMENT_LEVELS } from "~/domain/vocabulary";
import { text as cleanText } from "./text";

export const ENDORSEMENT_TEXT_MIN = 20;
export const ENDORSEMENT_TEXT_MAX = 2000;

function text(missing: string, short: string) {
  return cleanText("multiline", missing)
    .min(ENDORSEMENT_TEXT_MIN, { error: short })
    .max(ENDORSEMENT_TEXT_MAX, { error: `Ce texte doit compter au plus ${ENDORSEMENT_TEXT_MAX} caractères.` });
}

/** The mentor's endorsement of the project they accompany. */
export const endorsementSchema = z.object({
  workedOn: text(
    "Dites ce que vous avez travaillé ensemble.",
    `Décrivez en une ou deux phrases ce que vous avez travaillé ensemble (au moins ${ENDORSEMENT_TEXT_MIN} caractères).`,
  ),
  progress: text(
    "Dites comment le porteur ou la porteuse a progressé.",
    `Décrivez en une ou deux phrases comment le porteur ou la porteuse a progressé (au moins ${ENDORSEMENT_TEXT_MIN} caractères).`,
  ),
  level: z.enum(ENDORSEMENT_LEVELS, { error: "Choisissez votre niveau de recommandation." }),
});
export type EndorsementFormValues = z.infer<typeof endorsementSchema>;

/** The holder publishes the endorsement on the project page, or declines. */
export const endorsementDecisionSchema = z.object({
  decision: z.enum(["publier", "decliner"], { error: "Choisissez de publier ou de décliner la recommandation." }),
});
