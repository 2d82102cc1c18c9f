import { z } from "zod";
import { GOVERNANCE_BODY_KINDS } from "~/domain/vocabulary";
import { id } from "./id";
import { isValidIsoDate } from "./project";
import { optionalText, requiredText, text } from "./text";

function isoDate(required: string) {
  return text("line", required)
    .refine(isValidIsoDate, { error: "Indiquez une date valide, au format aaaa-mm-jj (par exemple 2026-03-14)." });
}


const bodyFields = {
  kind: z.enum(GOVERNANCE_BODY_KINDS, { error: "Choisissez le type d'instance dans la liste." }),
  name: requiredText("Donnez un nom à l'instance.", 3, 80, "Le nom", "name"),
  description: optionalText(1000, "Le rôle", "multiline"),
};

export const newBodySchema = z.object({ intent: z.literal("add-body"), ...bodyFields });
export const bodySchema = z.object({ intent: z.literal("edit-body"), bodyId: id("Instance inconnue."), ...bodyFields });

export const mandateSchema = z
  .object({
    intent: z.literal("add-mandate"),
    bodyId: id("Choisissez l'instance."),
    userId: id("Choisissez la personne qui siège."),
    organisationId: id("Choisissez une organisation dans la liste.").optional(),
    position: requiredText("Indiquez la fonction (par exemple : membre, co-présidente, référent financement).", 2, 80, "La fonction"),
    startsOn: isoDate("Indiquez la date de début du mandat."),
    endsOn: isoDate("Indiquez la date de fin du mandat.").optional(),
  })
  .superRefine((v, ctx) => {
    if (v.endsOn && v.endsOn < v.startsOn) ctx.addIssue({ code: "custom", message: "La fin du mandat ne peut pas précéder son début.", path: ["endsOn"] });
  });

export const endMandateSchema = z.object({
  intent: z.literal("end-mandate"),
  mandateId: id("Mandat inconnu."),
  endsOn: isoDate("Indiquez le dernier jour du mandat."),
});

function votes(what: string) {
  return z
    .number({ error: `Indiquez le nombre de voix ${what} en chiffres.` })
    .int({ error: `Indiquez un nombre entier de voix ${what}.` })
    .min(0, { error: `Le nombre de voix ${what} ne peut pas être négatif.` })
    .max(100_000, { error: `Indiquez au plus 100 000 voix ${what}.` })
    .optional();
}

export const decisionSchema = z
  .object({
    intent: z.literal("add-decision"),
    bodyId: id("Choisissez l'instance qui a décidé."),
    decidedOn: isoDate("Indiquez la date de la réunion."),
    subject: requiredText("Indiquez l'objet de la décision.", 3, 200, "L'objet", "title"),
    decision: requiredText("Indiquez ce qui a été décidé.", 3, 3000, "La décision", "multiline"),
    votesFor: votes("pour"),
    votesAgainst: votes("contre"),
    votesAbstain: votes("d'abstention"),
    internal: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    const given = [v.votesFor, v.votesAgainst, v.votesAbstain].filter((n) => n !== undefined).length;
    if (given > 0 && given < 3) {
      ctx.addIssue({
        code: "custom",
        message: "Indiquez les trois nombres du vote (0 si personne), ou aucun s'il n'y a pas eu de vote.",
        path: [v.votesFor === undefined ? "votesFor" : v.votesAgainst === undefined ? "votesAgainst" : "votesAbstain"],
      });
    }
  });
