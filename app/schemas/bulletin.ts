import { z } from "zod";
import { id } from "./id";
import { optionalText, requiredText } from "./text";

/** An article as its author writes it; the image itself is checked by the server from its bytes. */
export const articleSchema = z.object({
  title: requiredText("Donnez un titre à l'article.", 5, 120, "Le titre", "title"),
  summary: requiredText("Écrivez le résumé de l'article : deux ou trois phrases qui donnent envie de le lire.", 20, 400, "Le résumé", "multiline"),
  body: requiredText("Écrivez le texte de l'article.", 50, 20_000, "Le texte", "multiline"),
  imageAlt: optionalText(250, "La description de l'image"),
  removeImage: z.boolean().optional(),
});

export const proposeArticleSchema = articleSchema.extend({
  territoryId: id("Choisissez le pôle dont le bulletin publiera l'article."),
});

export const reviewArticleSchema = z
  .object({
    intent: z.enum(["publish", "request-changes", "refuse"], { error: "Choisissez de publier, de demander des modifications ou de refuser." }),
    articleId: id("Article introuvable."),
    note: optionalText(2000, "Le commentaire", "multiline"),
  })
  .superRefine((value, ctx) => {
    if (value.intent !== "publish" && !value.note) {
      ctx.addIssue({
        code: "custom",
        path: ["note"],
        message: value.intent === "refuse" ? "Indiquez la raison du refus à l'auteur." : "Dites à l'auteur ce qu'il faut modifier.",
      });
    }
  });
