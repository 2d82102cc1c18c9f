/**
 * The bulletin: proposing (multipart, with an image checked from its bytes), the team's review, the
 * image route and the feeds. Real loaders and actions, real SQLite.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { articles, notifications, uploadedImages } from "#db/schema";
import { createTestAnimator, createTestTerritory, createTestUser } from "#seeds/factories";
import { addTestMembers } from "#seeds/pole-factories";
import * as propose from "~/routes/bulletin.proposer";
import * as moderation from "~/routes/bulletin.moderation";
import * as articlePage from "~/routes/bulletin.$id._index";
import * as edit from "~/routes/bulletin.$id.modifier";
import * as image from "~/routes/images.$id";
import * as rss from "~/routes/poles.$slug_.bulletin[.]rss";
import * as atom from "~/routes/poles.$slug_.bulletin[.]atom";
import type { Territory } from "~/models/territory.server";
import { getDb } from "~/utils/db.server";
import { cookieFor, fieldErrors, get, post } from "./helpers";
import sax from "sax";

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
const FIELDS = {
  title: "Le repair café de Saint-Jean",
  summary: "Chaque premier samedi du mois, des bénévoles réparent vos objets avec vous.",
  body: "Le repair café a réparé 42 objets lors de sa première séance : grille-pains, vélos, lampes et même une machine à coudre.",
};

let pole: Territory;
let otherPole: Territory;
let member: number;
let animator: number;
let otherAnimator: number;

beforeAll(async () => {
  const db = getDb();
  pole = createTestTerritory(db);
  otherPole = createTestTerritory(db);
  member = (await createTestUser(db, { roles: ["benevole"] })).id;
  addTestMembers(db, pole.id, [member]);
  animator = (await createTestAnimator(db, pole.id)).id;
  otherAnimator = (await createTestAnimator(db, otherPole.id)).id;
});

const articleCount = () => getDb().select({ n: count() }).from(articles).get()!.n;
const imageCount = () => getDb().select({ n: count() }).from(uploadedImages).get()!.n;

/** POSTs a multipart form, as the browser does for a form with a file. */
async function postMultipart(handler: typeof propose.action, path: string, userId: number, fields: Record<string, string>, file?: { bytes: Buffer; name: string; type: string }, params: Record<string, string> = {}) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  if (file) body.append("image", new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
  const request = new Request(`http://localhost${path}`, { method: "POST", headers: { Cookie: cookieFor(userId)! }, body });
  try {
    const result = await handler({ request, params, context: {} } as never);
    if (result instanceof Response) return { status: result.status, location: result.headers.get("Location"), data: undefined };
    const r = result as unknown as { data: unknown; init: ResponseInit | null };
    return { status: r.init?.status ?? 200, data: r.data, location: null };
  } catch (error) {
    if (error instanceof Response) return { status: error.status, location: error.headers.get("Location"), data: undefined };
    const r = error as { data: unknown; init: ResponseInit | null };
    return { status: r.init?.status ?? 500, data: r.data, location: null };
  }
}
const errorsOf = (r: { data: unknown; status: number }) => fieldErrors({ ...r, thrown: false });

describe("proposing an article", () => {
  it("stores a member's article with its image, waiting for the team, and tells the team", async () => {
    const before = articleCount();
    const r = await postMultipart(propose.action, "/bulletin/proposer", member, { territoryId: String(pole.id), ...FIELDS, imageAlt: "Une lampe réparée" }, { bytes: PNG, name: "photo.png", type: "image/png" });
    expect(r.status).toBe(302);
    expect(articleCount()).toBe(before + 1);
    const id = Number(r.location!.split("/").pop());
    const row = getDb().select().from(articles).where(eq(articles.id, id)).get()!;
    expect(row.status).toBe("soumis");
    expect(row.imageId).not.toBeNull();
    const told = getDb().select().from(notifications).where(eq(notifications.userId, animator)).all();
    expect(told.some((n) => n.kind === "moderation" && n.title.includes(FIELDS.title))).toBe(true);
  });

  it("refuses a missing title with a French message at the field, storing nothing", async () => {
    const [a, i] = [articleCount(), imageCount()];
    const r = await postMultipart(propose.action, "/bulletin/proposer", member, { territoryId: String(pole.id), ...FIELDS, title: "" });
    expect(r.status).toBe(400);
    expect(errorsOf(r).title?.[0]).toBe("Donnez un titre à l'article.");
    expect([articleCount(), imageCount()]).toEqual([a, i]);
  });

  it("refuses a file that is not an image by its bytes, whatever its name and type say", async () => {
    const [a, i] = [articleCount(), imageCount()];
    const r = await postMultipart(propose.action, "/bulletin/proposer", member, { territoryId: String(pole.id), ...FIELDS, imageAlt: "x" }, { bytes: Buffer.from("<script>alert(1)</script>"), name: "photo.png", type: "image/png" });
    expect(r.status).toBe(400);
    expect(errorsOf(r).image?.[0]).toMatch(/n'est pas une image PNG, JPEG, WebP ou GIF/);
    expect([articleCount(), imageCount()]).toEqual([a, i]);
  });

  it("asks for the alt text when there is an image, storing nothing", async () => {
    const [a, i] = [articleCount(), imageCount()];
    const r = await postMultipart(propose.action, "/bulletin/proposer", member, { territoryId: String(pole.id), ...FIELDS }, { bytes: PNG, name: "photo.png", type: "image/png" });
    expect(r.status).toBe(400);
    expect(errorsOf(r).imageAlt?.[0]).toMatch(/Décrivez l'image/);
    expect([articleCount(), imageCount()]).toEqual([a, i]);
  });

  it("answers an image over 800 Ko with a French message at the field, not an error page", async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(820 * 1024)]);
    const [a, i] = [articleCount(), imageCount()];
    const r = await postMultipart(propose.action, "/bulletin/proposer", member, { territoryId: String(pole.id), ...FIELDS, imageAlt: "x" }, { bytes: big, name: "grande.png", type: "image/png" });
    expect(r.status).toBe(400);
    expect(errorsOf(r).image?.[0]).toMatch(/la limite est de 800\u00a0Ko/);
    expect([articleCount(), imageCount()]).toEqual([a, i]);
  });

  it("refuses someone who is not a member of the pôle", async () => {
    const outsider = (await createTestUser(getDb(), { roles: ["porteur"] })).id;
    const a = articleCount();
    const r = await postMultipart(propose.action, "/bulletin/proposer", outsider, { territoryId: String(pole.id), ...FIELDS });
    expect(r.status).toBe(403);
    expect(articleCount()).toBe(a);
  });
});

async function submitted(): Promise<number> {
  const r = await postMultipart(propose.action, "/bulletin/proposer", member, { territoryId: String(pole.id), ...FIELDS });
  return Number(r.location!.split("/").pop());
}
const statusOf = (id: number) => getDb().select().from(articles).where(eq(articles.id, id)).get()!;

describe("the team's review", () => {
  it("hides an article waiting for review from visitors and other pôles' teams (404)", async () => {
    const id = await submitted();
    expect((await get(articlePage.loader, `/bulletin/${id}`, null, { id: String(id) })).status).toBe(404);
    expect((await get(articlePage.loader, `/bulletin/${id}`, otherAnimator, { id: String(id) })).status).toBe(404);
    expect((await get(articlePage.loader, `/bulletin/${id}`, member, { id: String(id) })).status).toBe(200);
    expect((await get(articlePage.loader, "/bulletin/abc", null, { id: "abc" })).status).toBe(404);
  });

  it("lets only the pôle's team publish: another pôle's team gets 403 or 404 and nothing changes", async () => {
    const id = await submitted();
    const own = await post(moderation.action, `/bulletin/moderation?pole=${otherPole.slug}`, otherAnimator, { intent: "publish", articleId: String(id) });
    expect(own.status).toBe(404);
    const theirs = await post(moderation.action, `/bulletin/moderation?pole=${pole.slug}`, otherAnimator, { intent: "publish", articleId: String(id) });
    expect(theirs.status).toBe(403);
    const holder = await post(moderation.action, `/bulletin/moderation?pole=${pole.slug}`, member, { intent: "publish", articleId: String(id) });
    expect(holder.status).toBe(403);
    expect(statusOf(id).status).toBe("soumis");
    const team = await post(moderation.action, `/bulletin/moderation?pole=${pole.slug}`, animator, { intent: "publish", articleId: String(id) });
    expect(team.status).toBe(302);
    expect(statusOf(id).status).toBe("publie");
    expect((await get(articlePage.loader, `/bulletin/${id}`, null, { id: String(id) })).status).toBe(200);
  });

  it("requires a comment to ask for changes, then the author edits and resubmits", async () => {
    const id = await submitted();
    const empty = await post(moderation.action, `/bulletin/moderation?pole=${pole.slug}`, animator, { intent: "request-changes", articleId: String(id), note: "" });
    expect(empty.status).toBe(400);
    expect(fieldErrors(empty).note?.[0]).toBe("Dites à l'auteur ce qu'il faut modifier.");
    expect(statusOf(id).status).toBe("soumis");
    const asked = await post(moderation.action, `/bulletin/moderation?pole=${pole.slug}`, animator, { intent: "request-changes", articleId: String(id), note: "Précisez les horaires." });
    expect(asked.status).toBe(302);
    expect(statusOf(id).status).toBe("a-revoir");
    const told = getDb().select().from(notifications).where(eq(notifications.userId, member)).all();
    expect(told.some((n) => n.kind === "moderation" && n.link === `/bulletin/${id}/modifier`)).toBe(true);
    const stranger = (await createTestUser(getDb(), { roles: ["benevole"] })).id;
    expect((await get(edit.loader, `/bulletin/${id}/modifier`, stranger, { id: String(id) })).status).toBe(403);
    const again = await postMultipart(edit.action, `/bulletin/${id}/modifier`, member, { ...FIELDS, body: `${FIELDS.body} Ouvert de 10 h à 12 h.` }, undefined, { id: String(id) });
    expect(again.status).toBe(302);
    expect(statusOf(id).status).toBe("soumis");
  });

  it("requires a reason to refuse", async () => {
    const id = await submitted();
    const empty = await post(moderation.action, `/bulletin/moderation?pole=${pole.slug}`, animator, { intent: "refuse", articleId: String(id) });
    expect(empty.status).toBe(400);
    expect(fieldErrors(empty).note?.[0]).toBe("Indiquez la raison du refus à l'auteur.");
    expect(statusOf(id).status).toBe("soumis");
  });
});

/** Every element path (« rss/channel/item ») of a document read by sax in strict mode, which throws on malformed XML. */
function elementPaths(xml: string): Set<string> {
  const parser = sax.parser(true);
  const stack: string[] = [];
  const paths = new Set<string>();
  parser.onerror = (error) => {
    throw error;
  };
  parser.onopentag = (node) => {
    stack.push(node.name);
    paths.add(stack.join("/"));
  };
  parser.onclosetag = () => {
    stack.pop();
  };
  parser.write(xml).close();
  return paths;
}

describe("images and feeds", () => {
  it("serves a published article's image with its type, ETag and a year of cache; 404 for unknown ids", async () => {
    const r = await postMultipart(propose.action, "/bulletin/proposer", member, { territoryId: String(pole.id), ...FIELDS, imageAlt: "Une lampe" }, { bytes: PNG, name: "x.jpg", type: "image/jpeg" });
    const id = Number(r.location!.split("/").pop());
    const imageId = statusOf(id).imageId!;
    const call = (path: string, p: string, userId: number | null) =>
      image.loader({ request: new Request(`http://localhost${path}`, { headers: userId ? { Cookie: cookieFor(userId)! } : {} }), params: { id: p }, context: {} } as never) as Response;
    expect(call(`/images/${imageId}`, String(imageId), null).status).toBe(404);
    await post(moderation.action, `/bulletin/moderation?pole=${pole.slug}`, animator, { intent: "publish", articleId: String(id) });
    const res = call(`/images/${imageId}`, String(imageId), null);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("image/png");
    expect(res.headers.get("ETag")).toMatch(/^"[0-9a-f]{64}"$/);
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
    expect(call("/images/999999", "999999", null).status).toBe(404);
    expect(call("/images/abc", "abc", null).status).toBe(404);
  });

  it("writes the pôle's bulletin as RSS 2.0 and Atom 1.0 that a strict XML parser reads, with absolute links", async () => {
    const id = await submitted();
    await post(moderation.action, `/bulletin/moderation?pole=${pole.slug}`, animator, { intent: "publish", articleId: String(id) });
    const args = { request: new Request(`http://localhost/poles/${pole.slug}/bulletin.rss`), params: { slug: pole.slug }, context: {} } as never;
    const r = rss.loader(args) as Response;
    expect(r.headers.get("Content-Type")).toMatch(/^application\/rss\+xml/);
    const xml = await r.text();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\s*<rss version="2.0"/);
    expect(xml).toMatch(/<channel>[\s\S]*<item>[\s\S]*<guid[^>]*>https?:\/\/[^<]+\/bulletin\/\d+<\/guid>[\s\S]*<pubDate>[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4}/);
    expect(xml).not.toMatch(/<script/);
    const a = await (atom.loader(args) as Response).text();
    expect(a).toMatch(/<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    expect(a).toMatch(/<entry>[\s\S]*<id>https?:\/\/[^<]+\/bulletin\/\d+<\/id>[\s\S]*<updated>\d{4}-\d{2}-\d{2}T/);
    // Both parse with a strict XML parser (any well-formedness error throws), with the elements readers need.
    const rssPaths = elementPaths(xml);
    for (const path of ["rss/channel/title", "rss/channel/link", "rss/channel/item/title", "rss/channel/item/link", "rss/channel/item/guid", "rss/channel/item/pubDate"]) {
      expect(rssPaths, path).toContain(path);
    }
    const atomPaths = elementPaths(a);
    for (const path of ["feed/id", "feed/title", "feed/updated", "feed/entry/id", "feed/entry/title", "feed/entry/updated", "feed/entry/link"]) {
      expect(atomPaths, path).toContain(path);
    }
  });
});
