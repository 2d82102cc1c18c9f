import { z } from "zod";
import { SKILL_LEVELS, VOLUNTEER_STATUSES } from "~/domain/vocabulary";
import { id } from "./id";
import { communeCodeSchema } from "./auth";
import { text } from "./text";

export const BIO_MAX = 1000;

/**
 * One row per skill of the catalogue (a select each, no JavaScript needed):
 * an empty level means "not offered".
 */
const skillRow = z.object({
  skillId: id("Compétence inconnue."),
  level: z.enum(SKILL_LEVELS, { error: "Choisissez un niveau : notions, confirmé ou expert." }).optional(),
});

export const volunteerProfileSchema = z.object({
  status: z.enum(VOLUNTEER_STATUSES, { error: "Choisissez votre situation dans la liste." }),
  skills: z
    .array(skillRow, { error: "Choisissez au moins une compétence et son niveau." })
    .max(50, { error: "Trop de compétences." })
    .refine((rows) => rows.some((r) => r.level !== undefined), {
      error: "Choisissez au moins une compétence et son niveau.",
    }),
  domainIds: z
    .array(id("Domaine d'activité inconnu."))
    .max(20, { error: "Trop de domaines d'activité." })
    .optional(),
  commune: text("line", "Indiquez votre commune.")
    .max(120, { error: "Le nom de commune est trop long." }),
  communeCode: communeCodeSchema.optional(),
  radiusKm: z
    .number({ error: "Indiquez une distance en kilomètres (0 si vous n'accompagnez qu'à distance)." })
    .int({ error: "Indiquez un nombre entier de kilomètres." })
    .min(0, { error: "La distance ne peut pas être négative." })
    .max(300, { error: "Indiquez au plus 300 km." }),
  remoteOk: z.boolean().optional(),
  maxMentorships: z
    .number({ error: "Indiquez combien de projets vous pouvez suivre en même temps." })
    .int({ error: "Indiquez un nombre entier de projets." })
    .min(0, { error: "Le nombre de projets ne peut pas être négatif." })
    .max(20, { error: "Indiquez au plus 20 projets." }),
  hoursPerMonth: z
    .number({ error: "Indiquez combien d'heures par mois vous pouvez donner." })
    .int({ error: "Indiquez un nombre entier d'heures." })
    .min(0, { error: "Le nombre d'heures ne peut pas être négatif." })
    .max(200, { error: "Indiquez au plus 200 heures par mois." }),
  bio: text("multiline")
    .max(BIO_MAX, { error: `La présentation doit compter au plus ${BIO_MAX} caractères.` })
    .optional(),
  paused: z.boolean().optional(),
})
  // A volunteer who is not paused but gives no hour or takes no project is never available: ask for
  // at least one, or for the pause, which says the same thing honestly.
  .superRefine((v, ctx) => {
    if (v.paused) return;
    if (v.hoursPerMonth === 0) {
      ctx.addIssue({ code: "custom", path: ["hoursPerMonth"], message: "Indiquez au moins 1 heure par mois, ou mettez votre profil en pause." });
    }
    if (v.maxMentorships === 0) {
      ctx.addIssue({ code: "custom", path: ["maxMentorships"], message: "Indiquez au moins 1 projet, ou mettez votre profil en pause." });
    }
  });
export type VolunteerProfileFormValues = z.infer<typeof volunteerProfileSchema>;
