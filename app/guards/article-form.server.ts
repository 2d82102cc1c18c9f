/**
 * Server side of the article form, shared by proposing and editing: the fields with zod, the image
 * from its bytes (size, then type), and the alt text an image needs. Every error shows at once, at its
 * field, with what was typed kept; nothing is stored until all is well.
 */
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";
import { MAX_IMAGE_BYTES } from "~/domain/bulletin";
import { formatFileSize } from "~/domain/format";
import { identifyImage } from "~/domain/image";
import type { ImageUpload } from "~/models/uploaded-image.server";
import { articleSchema, proposeArticleSchema } from "~/schemas/bulletin";
import { readFormWithImage } from "~/utils/upload.server";

type Reply = SubmissionResult<string[]>;
type Schema = typeof articleSchema | typeof proposeArticleSchema;

export type ArticleFormResult<S extends Schema> =
  | { ok: true; formData: FormData; value: z.output<S>; image: ImageUpload | null; submission: { reply(options?: { fieldErrors?: Record<string, string[]>; formErrors?: string[] }): Reply } }
  | { ok: false; formData: FormData; reply: Reply };

export const IMAGE_TOO_LARGE = (size: number) =>
  `L'image pèse ${formatFileSize(size)} : la limite est de ${formatFileSize(MAX_IMAGE_BYTES)}. Réduisez-la (par exemple en l'enregistrant en JPEG, 1 600 pixels de large) et choisissez-la de nouveau.`;
export const NOT_AN_IMAGE = "Ce fichier n'est pas une image PNG, JPEG, WebP ou GIF. Choisissez une photo ou une illustration dans l'un de ces formats.";
export const ALT_REQUIRED = "Décrivez l'image en quelques mots : ce texte la remplace pour les personnes qui ne la voient pas.";
const CHOOSE_AGAIN = "Choisissez de nouveau l'image : elle n'est gardée qu'une fois le formulaire sans erreur.";

/**
 * Reads the request's form (multipart) and checks it. An article keeping its image without an alt
 * text is refused by the model (app/models/article.server.ts), which knows the article.
 */
export async function readArticleForm<S extends Schema>(request: Request, schema: S): Promise<ArticleFormResult<S>> {
  const { formData, image, tooLarge } = await readFormWithImage(request, "image", MAX_IMAGE_BYTES);
  const submission = parseWithZod(formData, { schema: schema as typeof articleSchema });
  const fieldErrors: Record<string, string[]> = {};
  if (tooLarge) fieldErrors.body = ["Le texte est trop long pour être envoyé."];
  let checked: ImageUpload | null = null;
  if (image.kind === "too-large") fieldErrors.image = [IMAGE_TOO_LARGE(image.bytesSeen)];
  if (image.kind === "file") {
    const identified = identifyImage(image.bytes);
    if (!identified) fieldErrors.image = [NOT_AN_IMAGE];
    else checked = { ...identified, bytes: image.bytes };
  }
  const alt = submission.status === "success" ? submission.value.imageAlt : String(formData.get("imageAlt") ?? "").trim();
  if ((image.kind === "file" || image.kind === "too-large") && !alt) fieldErrors.imageAlt = [ALT_REQUIRED];
  const invalid = submission.status !== "success" || Object.keys(fieldErrors).length > 0;
  if (invalid) {
    if (checked && !fieldErrors.image) fieldErrors.image = [CHOOSE_AGAIN];
    const reply = submission.reply({ fieldErrors: mergeErrors(submission.status === "success" ? {} : (submission.error ?? {}), fieldErrors) });
    return { ok: false, formData, reply };
  }
  return { ok: true, formData, value: submission.value as z.output<S>, image: checked, submission };
}

/** zod's own messages first, then what only the server knows. */
function mergeErrors(zodErrors: Record<string, string[] | null>, ours: Record<string, string[]>): Record<string, string[]> {
  const merged: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(zodErrors)) if (messages?.length) merged[field] = messages;
  for (const [field, messages] of Object.entries(ours)) merged[field] = [...(merged[field] ?? []), ...messages];
  return merged;
}
