import { z } from "zod";
import { isWebAddress } from "~/domain/pole-membership";
import { parisLocalInput } from "~/domain/paris-time";
import { EVENT_VISIBILITIES } from "~/domain/vocabulary";
import { communeCodeSchema } from "./auth";
import { id } from "./id";
import { optionalText, requiredText, text } from "./text";

export const EVENT_TITLE_MAX = 120;
export const EVENT_DESCRIPTION_MAX = 4000;
export const EVENT_CAPACITY_MAX = 5000;

/** A Paris wall-clock day and time, as `<input type="datetime-local">` sends it. */
function parisDateTimeField(required: string) {
  return text("line", required)
    .refine((v) => parisLocalInput(v) !== null, { error: "Indiquez une date et une heure valides, par exemple 15/03/2026 18:30." });
}

/**
 * An event of a pôle: its time (Paris wall-clock), a place (address and commune) or an online link
 * (at least one), places (optional), who may come, and the axis or working group it belongs to.
 */
export const eventSchema = z
  .object({
    title: requiredText("Donnez un titre au rendez-vous.", 3, EVENT_TITLE_MAX, "Le titre", "title"),
    startsAt: parisDateTimeField("Indiquez le début : date et heure."),
    endsAt: parisDateTimeField("Indiquez la fin : date et heure."),
    address: optionalText(200, "L'adresse"),
    commune: optionalText(120, "Le nom de commune"),
    communeCode: communeCodeSchema.optional(),
    onlineUrl: text()
      .max(300, { error: "Le lien doit compter au plus 300 caractères." })
      .refine(isWebAddress, { error: "Indiquez l'adresse complète du lien, par exemple https://visio.exemple.fr/copil." })
      .optional(),
    description: optionalText(EVENT_DESCRIPTION_MAX, "La présentation", "multiline"),
    capacity: z
      .number({ error: "Indiquez le nombre de places en chiffres, ou laissez vide s'il n'y a pas de limite." })
      .int({ error: "Indiquez un nombre entier de places." })
      .min(1, { error: "Indiquez au moins 1 place, ou laissez vide s'il n'y a pas de limite." })
      .max(EVENT_CAPACITY_MAX, { error: `Indiquez au plus ${EVENT_CAPACITY_MAX} places.` })
      .optional(),
    visibility: z.enum(EVENT_VISIBILITIES, { error: "Choisissez qui peut venir : tout le monde ou les membres du pôle." }),
    axisId: id("Choisissez un axe du pôle dans la liste.").optional(),
    groupId: id("Choisissez un groupe de travail du pôle dans la liste.").optional(),
  })
  .superRefine((v, ctx) => {
    const start = parisLocalInput(v.startsAt);
    const end = parisLocalInput(v.endsAt);
    if (start && end && end.getTime() <= start.getTime()) {
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "La fin doit venir après le début." });
    }
    if (!v.address && !v.onlineUrl) {
      ctx.addIssue({ code: "custom", path: ["address"], message: "Indiquez un lieu (adresse et commune) ou un lien pour se réunir en ligne." });
    }
    if (v.address && !v.commune) {
      ctx.addIssue({ code: "custom", path: ["commune"], message: "Indiquez la commune du lieu." });
    }
  });

export type EventFormValues = z.infer<typeof eventSchema>;

export const cancelEventSchema = z.object({
  intent: z.literal("cancel-event"),
  reason: requiredText("Dites en une phrase pourquoi le rendez-vous est annulé.", 5, 500, "La raison", "multiline"),
});

/** Attendance of a past event: the ids of the registered people marked present. */
export const attendanceSchema = z.object({
  intent: z.literal("attendance"),
  present: z.array(id("Personne inconnue.")).optional(),
});
