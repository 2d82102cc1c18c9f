import { z } from "zod";
import { BRINGS_MAX, PROPOSAL_MESSAGE_MAX, PROPOSAL_REPLY_MAX, SEEKS_MAX } from "~/domain/partnership";
import { id } from "./id";
import { requiredText, text } from "./text";


/** What a project (or an organisation) that seeks partners brings and seeks. */
export const partnershipOfferSchema = z.object({
  brings: requiredText("Dites ce que le projet apporte à ses futurs associés.", 10, BRINGS_MAX, "Ce que le projet apporte", "multiline"),
  seeks: requiredText("Dites quels associés vous cherchez.", 10, SEEKS_MAX, "Ce que vous cherchez", "multiline"),
  open: z.boolean().optional(),
});
export type PartnershipOfferValues = z.infer<typeof partnershipOfferSchema>;

/** A proposal to join, delivered by Maillon; `fromProjectId`: the proposer's own project, when they come with one. */
export const partnershipProposalSchema = z.object({
  message: requiredText("Présentez-vous en quelques phrases.", 20, PROPOSAL_MESSAGE_MAX, "Votre message", "multiline"),
  fromProjectId: id("Choisissez l'un de vos projets dans la liste.").optional(),
});
export type PartnershipProposalValues = z.infer<typeof partnershipProposalSchema>;

/** The answer of the side that seeks partners; declining says why. */
export const partnershipAnswerSchema = z
  .object({
    proposalId: id("Proposition inconnue."),
    decision: z.enum(["accepter", "decliner"], { error: "Choisissez d'accepter ou de décliner." }),
    reply: text("multiline")
      .max(PROPOSAL_REPLY_MAX, { error: `La réponse doit compter au plus ${PROPOSAL_REPLY_MAX} caractères.` })
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "decliner" && (v.reply ?? "").length < 2) {
      ctx.addIssue({ code: "custom", path: ["reply"], message: "Dites en quelques mots pourquoi vous déclinez : la personne recevra votre réponse." });
    }
  });
export type PartnershipAnswerValues = z.infer<typeof partnershipAnswerSchema>;
