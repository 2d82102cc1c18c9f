import { z } from "zod";
import { FUNDING_KINDS } from "~/domain/vocabulary";
import { id } from "./id";
import { euros } from "./money";
import { isValidIsoDate } from "./project";
import { optionalText, requiredText, text } from "./text";

export const pledgeSchema = z.object({
  amount: euros({ required: "Indiquez le montant de votre soutien, en euros.", what: "Le montant", minCents: 10_00, maxCents: 100_000_00 }),
  kind: z.enum(FUNDING_KINDS, { error: "Choisissez la forme : participation au capital, prêt ou don." }),
  message: optionalText(500, "Le message", "multiline"),
});

export const donationSchema = z.object({
  intent: z.literal("donate"),
  amount: euros({ required: "Indiquez le montant de votre don, en euros.", what: "Le montant", minCents: 1_00, maxCents: 50_000_00 }),
  donorName: text("name").max(80, { error: "Le nom doit compter au plus 80 caractères." }).optional(),
  message: optionalText(300, "Le message", "multiline"),
});

export const allocationSchema = z.object({
  intent: z.literal("allocate"),
  projectId: id("Choisissez un projet dans la liste."),
  amount: euros({ required: "Indiquez le montant attribué, en euros.", what: "Le montant" }),
  note: optionalText(300, "La note", "multiline"),
});

export const goalSchema = z.object({
  intent: z.literal("set-goal"),
  label: requiredText("Donnez un nom à l'objectif.", 3, 120, "Le nom", "name"),
  target: euros({ required: "Indiquez le montant visé, en euros.", what: "Le montant visé", minCents: 10_00 }),
});

export const tontineSchema = z.object({
  intent: z.literal("create"),
  name: requiredText("Donnez un nom à la tontine.", 3, 80, "Le nom", "name"),
  description: optionalText(500, "La présentation", "multiline"),
  territoryId: id("Choisissez un pôle."),
  contribution: euros({ required: "Indiquez la contribution mensuelle, en euros.", what: "La contribution", minCents: 5_00, maxCents: 2_000_00 }),
  startsOn: text("line", "Indiquez la date du premier tour.")
    .refine(isValidIsoDate, { error: "Indiquez une date valide, par exemple 2026-09-01." }),
});
