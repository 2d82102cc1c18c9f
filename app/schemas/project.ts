import { z } from "zod";
import { FUNDING_KINDS, LEGAL_FORMS, NEED_PRIORITIES, PROJECT_KINDS, PROJECT_STAGES } from "~/domain/vocabulary";
import { id } from "./id";
import { communeCodeSchema } from "./auth";
import { euros } from "./money";
import { optionalText, requiredText, text } from "./text";

export const TITLE_MAX = 120;
export const PITCH_MAX = 280;
export const DESCRIPTION_MAX = 5000;
export const NOTE_MAX = 1000;

/** "de projets", "d'emplois", "d'heures": French elision before a vowel or a mute h. */
function ofUnit(unit: string): string {
  return /^[aeiouyhéèêà]/i.test(unit) ? `d'${unit}` : `de ${unit}`;
}

function wholeNumber(required: string, min: number, max: number, unit: string) {
  return z
    .number({ error: required })
    .int({ error: `Indiquez un nombre entier ${ofUnit(unit)}.` })
    .min(min, {
      error: min === 0 ? `Le nombre ${ofUnit(unit)} ne peut pas être négatif.` : `Indiquez au moins ${min} ${min > 1 ? unit : unit.replace(/s$/, "")}.`,
    })
    .max(max, { error: `Indiquez au plus ${max} ${unit}.` });
}

export const projectSchema = z.object({
  title: requiredText("Donnez un titre à votre projet.", 3, TITLE_MAX, "Le titre", "title"),
  pitch: requiredText("Résumez votre projet en une ou deux phrases.", 10, PITCH_MAX, "Le résumé", "multiline"),
  description: optionalText(DESCRIPTION_MAX, "La description", "multiline"),
  kind: z.enum(PROJECT_KINDS, { error: "Choisissez le type de projet dans la liste." }),
  stage: z.enum(PROJECT_STAGES, { error: "Choisissez l'étape où en est le projet." }),
  legalForm: z.enum(LEGAL_FORMS, { error: "Choisissez une forme juridique dans la liste." }),
  activityDomainId: id("Choisissez un domaine d'activité dans la liste."),
  commune: text("line", "Indiquez la commune du projet.")
    .max(120, { error: "Le nom de commune est trop long." }),
  communeCode: communeCodeSchema.optional(),
  remoteOk: z.boolean().optional(),
  jobsExpected: wholeNumber("Indiquez le nombre d'emplois prévus (0 si vous ne savez pas).", 0, 500, "emplois"),
});
export type ProjectFormValues = z.infer<typeof projectSchema>;

export const skillNeedSchema = z.object({
  skillId: id("Choisissez une compétence dans la liste."),
  priority: z.enum(NEED_PRIORITIES, { error: "Choisissez une priorité : haute, moyenne ou basse." }),
  expectation: optionalText(NOTE_MAX, "La description de l'attente", "multiline"),
  hoursPerMonth: wholeNumber("Indiquez le nombre d'heures par mois souhaitées.", 1, 100, "heures"),
});
export type SkillNeedFormValues = z.infer<typeof skillNeedSchema>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isValidIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export const fundingNeedSchema = z.object({
  amount: euros({ what: "Le montant", required: "Indiquez le montant recherché, en euros." }),
  kind: z.enum(FUNDING_KINDS, { error: "Choisissez la forme : participation au capital, prêt ou don." }),
  neededBy: text()
    .refine(isValidIsoDate, { error: "Indiquez une date valide, par exemple 2026-09-30." })
    .optional(),
  companyCapital: euros({ what: "Le capital social", required: "Indiquez le capital social, en euros." }).optional(),
});
export type FundingNeedFormValues = z.infer<typeof fundingNeedSchema>;

/** The pôle's team hands a project over to another member who holds projects. */
export const handOverSchema = z.object({
  newHolderId: id("Choisissez la personne à qui confier le projet."),
});
