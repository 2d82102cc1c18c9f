import { z } from "zod";
import { CHOOSABLE_KINDS } from "~/domain/notifications";
import { EMAIL_FREQUENCIES, type NotificationKind } from "~/domain/vocabulary";

const frequency = z.enum(EMAIL_FREQUENCIES, { error: "Choisissez : immédiatement, résumé quotidien, résumé hebdomadaire ou jamais." });

/** The choices of /compte/notifications: per kind, how often by e-mail, and when the digests go out. */
export const notificationSettingsSchema = z.object({
  email: z.object(Object.fromEntries(CHOOSABLE_KINDS.map((k) => [k, frequency])) as Record<Exclude<NotificationKind, "securite">, typeof frequency>),
  hour: z
    .number({ error: "Choisissez l'heure des résumés." })
    .int({ error: "Choisissez l'heure des résumés." })
    .min(0, { error: "Choisissez une heure de 0 à 23." })
    .max(23, { error: "Choisissez une heure de 0 à 23." }),
  weekday: z
    .number({ error: "Choisissez le jour du résumé hebdomadaire." })
    .int({ error: "Choisissez le jour du résumé hebdomadaire." })
    .min(1, { error: "Choisissez un jour de la semaine." })
    .max(7, { error: "Choisissez un jour de la semaine." }),
});
