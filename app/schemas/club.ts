import { z } from "zod";
import { BALLOT_CHOICES, CLUB_MEMBER_ROLES, DECISION_RULES, INSTRUMENTS } from "~/domain/vocabulary";
import { LIFECYCLE_ACTIONS } from "~/domain/clubs/lifecycle";
import { id } from "./id";
import { euros } from "./money";
import { isValidIsoDate } from "./project";
import { optionalText, requiredText, text } from "./text";

function percent(required: string, min: number, max: number, what: string) {
  return z
    .number({ error: required })
    .int({ error: `${what} : indiquez un nombre entier.` })
    .min(min, { error: `${what} : au moins ${min} %.` })
    .max(max, { error: `${what} : au plus ${max} %.` });
}

const isoDate = (required: string) =>
  text("line", required)
    .refine(isValidIsoDate, { error: "Indiquez une date valide, par exemple 2026-09-30." });

const clubFields = z.object({
  name: requiredText("Donnez un nom au club.", 3, 80, "Le nom", "name"),
  description: text("multiline").max(1000, { error: "La présentation doit compter au plus 1 000 caractères." }).optional(),
  territoryId: id("Choisissez le pôle du club."),
  activityDomainIds: z.array(id("Secteur inconnu.")).optional(),
  departmentCodes: z.array(text().regex(/^(\d{2,3}|2[AB])$/, { error: "Département inconnu." })).optional(),
  communes: text().max(600, { error: "La liste des communes doit compter au plus 600 caractères." }).optional(),
  ticketMin: euros({ required: "Indiquez le plus petit ticket, en euros.", what: "Le ticket minimum", minCents: 100_00, maxCents: 1_000_000_00 }),
  ticketMax: euros({ required: "Indiquez le plus gros ticket, en euros.", what: "Le ticket maximum", minCents: 100_00, maxCents: 1_000_000_00 }),
  decisionRule: z.enum(DECISION_RULES, { error: "Choisissez la règle de décision du club." }),
  qualifiedMajorityPct: percent("Indiquez le seuil de la majorité qualifiée.", 51, 100, "Le seuil").optional(),
  quorumPct: percent("Indiquez le quorum, en pourcentage des membres.", 0, 100, "Le quorum"),
  maxStakePct: percent("Indiquez la part maximale du club dans une entreprise.", 1, 50, "La part maximale"),
  startedOn: isoDate("Indiquez la date de démarrage prévue.").optional(),
});

type ClubRules = { ticketMin: number; ticketMax: number; decisionRule: string; qualifiedMajorityPct?: number | undefined };

/** Checks across fields, shared by creation and settings. */
function checkClubRules(v: ClubRules, ctx: z.RefinementCtx): void {
  if (v.ticketMax < v.ticketMin) {
    ctx.addIssue({ code: "custom", path: ["ticketMax"], message: "Le ticket maximum doit être au moins égal au ticket minimum." });
  }
  if (v.decisionRule === "majorite-qualifiee" && v.qualifiedMajorityPct === undefined) {
    ctx.addIssue({ code: "custom", path: ["qualifiedMajorityPct"], message: "Indiquez le seuil de la majorité qualifiée (par exemple 66 %)." });
  }
}

export const clubSchema = clubFields.superRefine(checkClubRules);

/** What the gérant may change after creation: not the name, the pôle nor the start. */
export const clubSettingsSchema = clubFields.omit({ name: true, territoryId: true, startedOn: true }).superRefine(checkClubRules);

export type ClubFormValues = z.input<typeof clubSchema>;
export type ClubSettingsFormValues = z.input<typeof clubSettingsSchema>;
export type ClubSettings = z.output<typeof clubSettingsSchema>;

export const inviteSchema = z.object({
  intent: z.literal("invite"),
  email: text("line", "Indiquez l'adresse e-mail de la personne à inviter.")
    .max(254, { error: "L'adresse e-mail est trop longue." })
    .pipe(z.email({ error: "Cette adresse e-mail n'est pas valide (exemple : prenom.nom@exemple.fr)." })),
});

export const officerSchema = z.object({
  intent: z.literal("set-officer"),
  userId: id("Choisissez un membre."),
  role: z.enum(CLUB_MEMBER_ROLES, { error: "Choisissez une fonction dans la liste." }),
});

export const savingsSchema = z.object({
  intent: z.literal("set-savings"),
  monthlySavings: euros({
    required: "Indiquez votre épargne mensuelle, en euros.",
    what: "L'épargne mensuelle",
    minCents: 1_00,
    maxCents: 5_000_00,
  }),
});

/** Investments come from votes, never from this form. */
export const MANUAL_LEDGER_KINDS = ["cotisation", "remboursement", "dividende", "frais", "retrait"] as const;

export const ledgerEntrySchema = z.object({
  kind: z.enum(MANUAL_LEDGER_KINDS, { error: "Choisissez le type de mouvement." }),
  amount: euros({ required: "Indiquez le montant, en euros.", what: "Le montant", maxCents: 10_000_000_00 }),
  memberUserId: id("Choisissez un membre dans la liste.").optional(),
  occurredOn: isoDate("Indiquez la date du virement."),
  note: optionalText(200, "Le libellé"),
});

export const followSchema = z.object({ intent: z.literal("follow"), projectId: id("Projet inconnu.") });

export const studySchema = z.object({
  intent: z.literal("study"),
  dealId: id("Projet inconnu."),
  notes: text("multiline", "Notez ce que le club retient de l'étude du projet.")
    .min(3, { error: "Les notes doivent compter au moins 3 caractères." })
    .max(2000, { error: "Les notes doivent compter au plus 2 000 caractères." }),
});

export const meetingSchema = z.object({
  intent: z.literal("add-meeting"),
  date: isoDate("Indiquez la date de la réunion."),
  time: text("line", "Indiquez l'heure de la réunion.")
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "Indiquez l'heure au format hh:mm, par exemple 18:30." }),
  place: requiredText("Indiquez le lieu de la réunion.", 2, 120, "Le lieu"),
  agenda: optionalText(500, "L'ordre du jour", "multiline"),
  projectId: id("Projet inconnu.").optional(),
});

export const openVoteSchema = z.object({
  intent: z.literal("open-vote"),
  dealId: id("Choisissez un projet suivi par le club."),
  amount: euros({ required: "Indiquez le montant proposé, en euros.", what: "Le montant", maxCents: 1_000_000_00 }),
  instrument: z.enum(INSTRUMENTS, { error: "Choisissez la forme de l'investissement." }),
  deadline: isoDate("Indiquez la date limite du vote."),
});

export const ballotSchema = z.object({
  choice: z.enum(BALLOT_CHOICES, { error: "Choisissez pour, contre ou abstention." }),
});

export const accompanyingSchema = z.object({
  intent: z.literal("set-accompanying"),
  projectId: id("Projet inconnu."),
  userIds: z
    .array(id("Membre inconnu."), { error: "Choisissez un ou deux membres." })
    .min(1, { error: "Choisissez un ou deux membres." })
    .max(2, { error: "Choisissez au plus deux membres." }),
});

export const lifecycleSchema = z.object({
  intent: z.literal("lifecycle"),
  action: z.enum(LIFECYCLE_ACTIONS, { error: "Action inconnue." }),
});
