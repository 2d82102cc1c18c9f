import { z } from "zod";
import { id } from "./id";
import { isValidIsoDate } from "./project";

export const MESSAGE_MAX = 1000;
export const TOPIC_MAX = 200;
export const NOTES_MAX = 4000;

const message = z
  .string()
  .trim()
  .max(MESSAGE_MAX, { error: `Le message doit compter au plus ${MESSAGE_MAX} caractères.` })
  .optional();

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
  heldOn: z
    .string({ error: "Indiquez la date de la rencontre." })
    .trim()
    .refine(isValidIsoDate, { error: "Indiquez une date valide, par exemple 2026-03-14." }),
  durationMinutes: z
    .number({ error: "Indiquez la durée en minutes, par exemple 90." })
    .int({ error: "Indiquez un nombre entier de minutes." })
    .min(1, { error: "La durée doit être d'au moins 1 minute." })
    .max(1440, { error: "Une rencontre dure au plus 24 heures (1 440 minutes)." }),
  topic: z
    .string({ error: "Indiquez le sujet de la rencontre." })
    .trim()
    .min(2, { error: "Le sujet doit compter au moins 2 caractères." })
    .max(TOPIC_MAX, { error: `Le sujet doit compter au plus ${TOPIC_MAX} caractères.` }),
  notes: z
    .string()
    .trim()
    .max(NOTES_MAX, { error: `Les notes doivent compter au plus ${NOTES_MAX} caractères.` })
    .optional(),
});

const rating = z
  .number({ error: "Donnez une note de 1 à 5." })
  .int({ error: "Donnez une note de 1 à 5." })
  .min(1, { error: "Donnez une note de 1 à 5." })
  .max(5, { error: "Donnez une note de 1 à 5." });

const comment = z
  .string()
  .trim()
  .max(MESSAGE_MAX, { error: `Le commentaire doit compter au plus ${MESSAGE_MAX} caractères.` })
  .optional();

export const endMentorshipSchema = z.object({
  outcome: z.enum(["terminee", "arretee"], { error: "Dites si l'accompagnement est terminé ou arrêté." }),
  rating,
  comment,
});

export const feedbackSchema = z.object({ rating, comment });
