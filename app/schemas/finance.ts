import { z } from "zod";
import { FUNDING_KINDS } from "~/domain/vocabulary";
import { id } from "./id";
import { euros } from "./money";
import { isValidIsoDate } from "./project";

export const pledgeSchema = z.object({
  amount: euros({ required: "Indiquez le montant de votre soutien, en euros.", what: "Le montant", minCents: 10_00, maxCents: 100_000_00 }),
  kind: z.enum(FUNDING_KINDS, { error: "Choisissez la forme : participation au capital, prêt ou don." }),
  message: z.string().trim().max(500, { error: "Le message doit compter au plus 500 caractères." }).optional(),
});

export const donationSchema = z.object({
  intent: z.literal("donate"),
  amount: euros({ required: "Indiquez le montant de votre don, en euros.", what: "Le montant", minCents: 1_00, maxCents: 50_000_00 }),
  donorName: z.string().trim().max(80, { error: "Le nom doit compter au plus 80 caractères." }).optional(),
  message: z.string().trim().max(300, { error: "Le message doit compter au plus 300 caractères." }).optional(),
});

export const allocationSchema = z.object({
  intent: z.literal("allocate"),
  projectId: id("Choisissez un projet dans la liste."),
  amount: euros({ required: "Indiquez le montant attribué, en euros.", what: "Le montant" }),
  note: z.string().trim().max(300, { error: "La note doit compter au plus 300 caractères." }).optional(),
});

export const goalSchema = z.object({
  intent: z.literal("set-goal"),
  label: z
    .string({ error: "Donnez un nom à l'objectif." })
    .trim()
    .min(3, { error: "Le nom doit compter au moins 3 caractères." })
    .max(120, { error: "Le nom doit compter au plus 120 caractères." }),
  target: euros({ required: "Indiquez le montant visé, en euros.", what: "Le montant visé", minCents: 10_00 }),
});

export const tontineSchema = z.object({
  intent: z.literal("create"),
  name: z
    .string({ error: "Donnez un nom à la tontine." })
    .trim()
    .min(3, { error: "Le nom doit compter au moins 3 caractères." })
    .max(80, { error: "Le nom doit compter au plus 80 caractères." }),
  description: z.string().trim().max(500, { error: "La présentation doit compter au plus 500 caractères." }).optional(),
  territoryId: id("Choisissez un pôle."),
  contribution: euros({ required: "Indiquez la contribution mensuelle, en euros.", what: "La contribution", minCents: 5_00, maxCents: 2_000_00 }),
  startsOn: z
    .string({ error: "Indiquez la date du premier tour." })
    .trim()
    .refine(isValidIsoDate, { error: "Indiquez une date valide, par exemple 2026-09-01." }),
});
