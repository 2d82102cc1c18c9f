/** Uploaded images, identified from their bytes (app/models/uploaded-image.server.ts stores them). */
import { imageSize } from "image-size";

export const IMAGE_TYPES = { png: "image/png", jpg: "image/jpeg", webp: "image/webp", gif: "image/gif" } as const;
export type ImageContentType = (typeof IMAGE_TYPES)[keyof typeof IMAGE_TYPES];

export type CheckedImage = { contentType: ImageContentType; width: number; height: number };

/**
 * What the bytes are, read from the bytes themselves (never the file's name or the browser's word):
 * a PNG, JPEG, WebP or GIF image with its dimensions, or null for anything else.
 */
export function identifyImage(bytes: Uint8Array): CheckedImage | null {
  if (bytes.byteLength === 0) return null;
  try {
    const { type, width, height } = imageSize(bytes);
    const contentType = type ? IMAGE_TYPES[type as keyof typeof IMAGE_TYPES] : undefined;
    if (!contentType || !width || !height) return null;
    return { contentType, width, height };
  } catch {
    return null;
  }
}

