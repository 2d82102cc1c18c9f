/**
 * Reading a form that may carry one image (multipart/form-data), without ever holding more than the
 * allowed size in memory: the image part is counted as it arrives and dropped past the limit, so the
 * person gets a French message at the field, with what they typed kept, instead of an error page.
 */
import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";
import { badRequest, readFormData } from "./http.server";

/** What the image field brought. */
export type ImagePart =
  | { kind: "none" }
  | { kind: "too-large"; bytesSeen: number }
  | { kind: "file"; bytes: Buffer; filename: string };

export type FormWithImage = { formData: FormData; image: ImagePart; tooLarge: boolean };

/** Text fields are small: the largest (an article's body) is far below this. */
const MAX_TEXT_PART_BYTES = 256 * 1024;

async function drain(data: AsyncIterable<Uint8Array>): Promise<number> {
  let size = 0;
  for await (const chunk of data) size += chunk.byteLength;
  return size;
}

/**
 * The form's fields, and the image sent in `field` (no more than `maxImageBytes` kept). A request that
 * is not multipart (a form without file input) is read as usual. `tooLarge`: a text field went past
 * what any form of the site sends (the fields are then empty).
 */
export async function readFormWithImage(request: Request, field: string, maxImageBytes: number): Promise<FormWithImage> {
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) {
    const formData = await readFormData(request);
    formData.delete(field);
    return { formData, image: { kind: "none" }, tooLarge: false };
  }
  let image: ImagePart = { kind: "none" };
  const text = unstable_createMemoryUploadHandler({ maxPartSize: MAX_TEXT_PART_BYTES });
  const handler: UploadHandler = async (part) => {
    if (typeof part.filename !== "string") return text(part);
    // Files: only the first one of the image field is read; any other is skipped.
    if (part.name !== field || image.kind !== "none") {
      await drain(part.data);
      return undefined;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of part.data) {
      size += chunk.byteLength;
      if (size <= maxImageBytes) chunks.push(chunk);
    }
    if (size > maxImageBytes) image = { kind: "too-large", bytesSeen: size };
    else if (size > 0) image = { kind: "file", bytes: Buffer.concat(chunks), filename: part.filename };
    return undefined;
  };
  try {
    const formData = await unstable_parseMultipartFormData(request, handler);
    return { formData, image, tooLarge: false };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { formData: new FormData(), image: { kind: "none" }, tooLarge: true };
    // A body that is not the multipart it claims to be (no boundary, cut short): 400, as every unreadable form.
    if (request.signal.aborted) throw error;
    throw badRequest();
  }
}
