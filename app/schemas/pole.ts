import { z } from "zod";
import { isWebAddress, parseDocumentLinks } from "~/domain/pole-membership";
import { AXIS_THEMES } from "~/domain/vocabulary";
import { id } from "./id";
import { optionalText, requiredText, text } from "./text";

/** Joining a pôle: the version of the charter the person read, and the box ticked. */
export const joinPoleSchema = z.object({
  intent: z.literal("join"),
  version: z.number().int().positive().optional(),
  accept: z.boolean().optional(),
});

/** A member accepts the new version of the charter they read. */
export const acceptCharterSchema = z.object({
  intent: z.literal("accept"),
  version: id("Version de la charte inconnue."),
  accept: z.literal(true, { error: "Cochez la case pour accepter la nouvelle version de la charte." }),
});

export const CHARTER_MAX = 20_000;

export const publishCharterSchema = z.object({
  intent: z.literal("publish"),
  body: requiredText("Écrivez le texte de la charte.", 50, CHARTER_MAX, "Le texte de la charte", "multiline"),
  changeNote: optionalText(500, "Le résumé des changements", "multiline"),
});

export const joinGroupSchema = z.object({
  intent: z.literal("join"),
  message: optionalText(500, "Le message", "multiline"),
  organisationId: id("Choisissez une organisation que vous représentez.").optional(),
});

export const answerGroupRequestSchema = z.object({
  intent: z.literal("answer"),
  requestId: id("Demande introuvable."),
  decision: z.enum(["accepter", "refuser"], { error: "Choisissez d'accepter ou de refuser la demande." }),
});

export const createGroupSchema = z.object({
  intent: z.literal("create"),
  axisId: id("Choisissez l'axe du groupe."),
  name: requiredText("Donnez un nom au groupe.", 3, 80, "Le nom", "name"),
  purpose: optionalText(2000, "L'objet du groupe", "multiline"),
});

const documentLinks = text("multiline")
  .max(4000, { error: "La liste des documents doit compter au plus 4 000 caractères." })
  .optional()
  .superRefine((value, ctx) => {
    const parsed = parseDocumentLinks(value ?? "");
    if (!parsed.ok) {
      ctx.addIssue({
        code: "custom",
        message: `Ligne ${parsed.line} : écrivez « Libellé | https://adresse » ou une adresse qui commence par https://.`,
      });
    }
  });

export const editGroupSchema = z.object({
  intent: z.literal("edit"),
  axisId: id("Choisissez l'axe du groupe."),
  purpose: optionalText(2000, "L'objet du groupe", "multiline"),
  coordinatorId: id("Choisissez le coordinateur parmi les membres du pôle.").optional(),
  links: documentLinks,
});

const optionalEmail = text()
  .max(254, { error: "L'adresse e-mail est trop longue." })
  .refine((v) => v === "" || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), { error: "Écrivez une adresse e-mail valide, par exemple contact@pole.fr." })
  .optional();

export const polePresentationSchema = z.object({
  intent: z.literal("presentation"),
  description: requiredText("Présentez le pôle en quelques phrases.", 40, 3000, "La présentation", "multiline"),
  address: optionalText(200, "L'adresse"),
  contactEmail: optionalEmail,
  phone: text()
    .max(30, { error: "Le numéro est trop long." })
    .refine((v) => v === "" || /^(\+33 ?|0)[1-9]([ .-]?\d{2}){4}$/.test(v), { error: "Écrivez un numéro à dix chiffres, par exemple 05 46 32 00 00." })
    .optional(),
  website: text()
    .max(200, { error: "L'adresse du site est trop longue." })
    .refine((v) => v === "" || isWebAddress(v), { error: "Écrivez l'adresse complète du site, qui commence par https://." })
    .optional(),
  openingHours: optionalText(300, "Les horaires", "multiline"),
});

export const axisSchema = z.object({
  intent: z.literal("axis"),
  axisId: id("Axe introuvable.").optional(),
  name: requiredText("Donnez un nom à l'axe.", 3, 120, "Le nom de l'axe", "name"),
  description: optionalText(1000, "La description de l'axe", "multiline"),
  theme: z.enum(AXIS_THEMES, { error: "Choisissez le thème de l'axe dans la liste." }),
});

export const removeAxisSchema = z.object({
  intent: z.literal("remove-axis"),
  axisId: id("Axe introuvable."),
});
