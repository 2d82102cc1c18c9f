/**
 * Images members upload (bulletin articles, later shared resources): the bytes are kept in SQLite, so
 * that one file backs up everything; the type is the one read from the bytes (app/domain/image.ts).
 */
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { uploadedImages } from "#db/schema";
import type { CheckedImage } from "~/domain/image";
import type { Reader, Writer } from "~/utils/db.server";

/** An image read from a form and identified from its bytes, not stored yet. */
export type ImageUpload = CheckedImage & { bytes: Buffer };

export function storeImage(tx: Writer, ownerId: number | null, image: ImageUpload, now: Date): number {
  const row = tx
    .insert(uploadedImages)
    .values({
      ownerId,
      contentType: image.contentType,
      bytes: image.bytes,
      sizeBytes: image.bytes.byteLength,
      width: image.width,
      height: image.height,
      sha256: createHash("sha256").update(image.bytes).digest("hex"),
      createdAt: now,
    })
    .returning({ id: uploadedImages.id })
    .get();
  return row.id;
}

export function getImage(q: Reader, id: number) {
  return q
    .select({ contentType: uploadedImages.contentType, bytes: uploadedImages.bytes, sha256: uploadedImages.sha256, sizeBytes: uploadedImages.sizeBytes })
    .from(uploadedImages)
    .where(eq(uploadedImages.id, id))
    .get();
}

/** Removes an image no article uses any more (its article was edited with another one). */
export function deleteImage(tx: Writer, id: number): void {
  tx.delete(uploadedImages).where(eq(uploadedImages.id, id)).run();
}
