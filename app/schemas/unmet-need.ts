import { z } from "zod";
import { PROJECT_KINDS, UNMET_NEED_STATUSES } from "~/domain/vocabulary";
import { communeCodeSchema } from "./auth";
import { id } from "./id";
import { optionalText, requiredText } from "./text";

export const NEED_TITLE_MAX = 120;
export const NEED_TEXT_MAX = 3000;
export const NEED_COMMENT_MAX = 1500;

/** A need of the territory that nothing answers today: what, where, who is affected. */
export const newUnmetNeedSchema = z.object({
  poleId: id("Choisissez le pôle dont le territoire connaît ce besoin."),
  title: requiredText("Dites en quelques mots ce qui manque.", 5, NEED_TITLE_MAX, "Le titre", "title"),
  description: requiredText("Décrivez le besoin : ce qui manque, depuis quand, ce qui a déjà été tenté.", 30, NEED_TEXT_MAX, "La description", "multiline"),
  affected: requiredText("Dites qui en souffre : les habitants, les structures concernées.", 5, 300, "La réponse à « qui est concerné ? »"),
  commune: optionalText(120, "Le nom de commune"),
  communeCode: communeCodeSchema.optional(),
  placeNote: optionalText(200, "La précision du lieu"),
});

export const supportNeedSchema = z.object({
  intent: z.literal("support"),
  support: z.enum(["oui", "non"], { error: "Choix inconnu." }),
});

export const commentNeedSchema = z.object({
  intent: z.literal("comment"),
  body: requiredText("Écrivez votre commentaire.", 2, NEED_COMMENT_MAX, "Le commentaire", "multiline"),
});

export const qualifyNeedSchema = z.object({
  intent: z.literal("qualify"),
  status: z.enum(UNMET_NEED_STATUSES, { error: "Choisissez où en est le besoin." }),
  statusNote: optionalText(1000, "L'explication", "multiline"),
});

/** The team turns the need into a project draft and hands it to a member of the pôle. */
export const draftProjectSchema = z.object({
  intent: z.literal("draft"),
  holderId: id("Choisissez la personne à qui confier le projet."),
  activityDomainId: id("Choisissez le domaine d'activité du projet."),
  kind: z.enum(PROJECT_KINDS, { error: "Choisissez la forme du projet." }),
});

export const linkProjectSchema = z.object({
  intent: z.literal("link-project"),
  projectId: id("Choisissez un projet du pôle."),
});

export const linkGroupSchema = z.object({
  intent: z.literal("link-group"),
  groupId: id("Choisissez un groupe de travail du pôle."),
});

export const unlinkSchema = z.object({
  intent: z.literal("unlink"),
  linkId: id("Lien introuvable."),
});
