import { z } from "zod";
import { id } from "./id";
import { isValidIsoDate } from "./project";
import { optionalText, requiredText, text } from "./text";

export const MESSAGE_MAX = 1000;
export const TOPIC_MAX = 200;
export const NOTES_MAX = 4000;

const message = optionalText(MESSAGE_MAX, "Le message", "multiline");

/** A holder asks a volunteer, or a volunteer offers help, on one need. */
export const mentorshipRequestSchema = z.object({
  needId: id("Besoin inconnu."),
  volunteerId: id("Bénévole inconnu.").optional(),
  message,
});

export const mentorshipResponseSchema = z.object({
  decision: z.enum(["accepter", "refuser"], { error: "Choisissez d'accepter ou de décliner." }),
  message,
});

export const sessionSchema = z.object({
  heldOn: text("line", "Indiquez la date de la rencontre.")
    .refine(isValidIsoDate, { error: "Indiquez une date valide, par exemple 2026-03-14." }),
  durationMinutes: z
    .number({ error: "Indiquez la durée en minutes, par exemple 90." })
    .int({ error: "Indiquez un nombre entier de minutes." })
    .min(1, { error: "La durée doit être d'au moins 1 minute." })
    .max(1440, { error: "Une rencontre dure au plus 24 heures (1 440 minutes)." }),
  topic: requiredText("Indiquez le sujet de la rencontre.", 2, TOPIC_MAX, "Le sujet"),
  notes: text("multiline")
    .max(NOTES_MAX, { error: `Les notes doivent compter au plus ${NOTES_MAX} caractères.` })
    .optional(),
});

const rating = z
  .number({ error: "Donnez une note de 1 à 5." })
  .int({ error: "Donnez une note de 1 à 5." })
  .min(1, { error: "Donnez une note de 1 à 5." })
  .max(5, { error: "Donnez une note de 1 à 5." });

const comment = optionalText(MESSAGE_MAX, "Le commentaire", "multiline");

export const endMentorshipSchema = z.object({
  outcome: z.enum(["terminee", "arretee"], { error: "Dites si l'accompagnement est terminé ou arrêté." }),
  rating,
  comment,
});

export const feedbackSchema = z.object({ rating, comment });
