/**
 * An uploaded image, with the type read from its bytes. Its address never changes meaning (a new image
 * is a new row), so a published one is cached for a year; one shown only to its author and the pôle's
 * team before publication is not kept by shared caches.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { authorize } from "~/guards/authorize.server";
import { imageAudience } from "~/models/article.server";
import { getImage } from "~/models/uploaded-image.server";
import { getDb } from "~/utils/db.server";
import { readId } from "~/utils/http.server";

function notFoundImage(): Response {
  return new Response("Image introuvable", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" } });
}

export function loader({ request, params }: LoaderFunctionArgs) {
  const { auth } = authorize(request, "images.$id");
  const id = readId(params.id);
  if (id === null) return notFoundImage();
  const db = getDb();
  const audience = imageAudience(db, auth, id);
  const image = audience ? getImage(db, id) : undefined;
  if (!audience || !image) return notFoundImage();
  const etag = `"${image.sha256}"`;
  const headers = {
    "Content-Type": image.contentType,
    ETag: etag,
    "Cache-Control": audience === "public" ? "public, max-age=31536000, immutable" : "private, no-cache",
    "X-Content-Type-Options": "nosniff",
    "Content-Disposition": "inline",
  };
  const ifNoneMatch = request.headers.get("If-None-Match");
  if (ifNoneMatch && ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(new Uint8Array(image.bytes), { status: 200, headers: { ...headers, "Content-Length": String(image.sizeBytes) } });
}
