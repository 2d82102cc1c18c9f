/**
 * The bulletin of a pôle: members of the pôle propose articles; its animation team publishes them, asks
 * for changes or refuses them, and the author is told in the same transaction. Rules: app/domain/bulletin.ts.
 */
import { and, count, desc, eq, inArray } from "drizzle-orm";
import { articles, territories, uploadedImages, users } from "#db/schema";
import { mayEditArticle, mayReadArticle, reviewedStatus, reviewNoticeTitle, type ReviewDecision } from "~/domain/bulletin";
import { isStaffOf, type Actor } from "~/domain/permissions";
import type { ArticleStatus } from "~/domain/vocabulary";
import { writeTransaction, type Db, type Reader, type Writer } from "~/utils/db.server";
import { notify, notifyAll } from "./notification.server";
import { fail, type Outcome } from "./outcome";
import { isMemberOfAny } from "./pole-member.server";
import { animationTeamIds } from "./territory.server";
import { deleteImage, storeImage, type ImageUpload } from "./uploaded-image.server";

export type ArticleInput = { title: string; summary: string; body: string; imageAlt: string };

/** On editing: keep the image, replace it, or take it away. */
export type ImageChange = { kind: "keep" } | { kind: "replace"; image: ImageUpload } | { kind: "remove" };

const articleFields = {
  id: articles.id,
  territoryId: articles.territoryId,
  poleSlug: territories.slug,
  poleName: territories.name,
  authorId: articles.authorId,
  authorName: users.displayName,
  title: articles.title,
  summary: articles.summary,
  body: articles.body,
  imageId: articles.imageId,
  imageAlt: articles.imageAlt,
  imageWidth: uploadedImages.width,
  imageHeight: uploadedImages.height,
  status: articles.status,
  reviewNote: articles.reviewNote,
  reviewedAt: articles.reviewedAt,
  publishedAt: articles.publishedAt,
  createdAt: articles.createdAt,
  updatedAt: articles.updatedAt,
};

export type Article = {
  id: number;
  territoryId: number;
  poleSlug: string;
  poleName: string;
  authorId: number | null;
  authorName: string | null;
  title: string;
  summary: string;
  body: string;
  imageId: number | null;
  imageAlt: string;
  imageWidth: number | null;
  imageHeight: number | null;
  status: ArticleStatus;
  reviewNote: string;
  reviewedAt: Date | null;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

function selectArticles(q: Reader) {
  return q
    .select(articleFields)
    .from(articles)
    .innerJoin(territories, eq(territories.id, articles.territoryId))
    .leftJoin(users, eq(users.id, articles.authorId))
    .leftJoin(uploadedImages, eq(uploadedImages.id, articles.imageId));
}

export function getArticle(q: Reader, id: number): Article | undefined {
  return selectArticles(q).where(eq(articles.id, id)).get();
}

/** The article if this person may read it (published, or theirs, or their pôle's): undefined otherwise. */
export function getReadableArticle(q: Reader, actor: Actor | null, id: number): Article | undefined {
  const article = getArticle(q, id);
  return article && mayReadArticle(actor, article) ? article : undefined;
}

/** Published articles, newest first, of one pôle or all; one page of them and how many there are. */
export function listPublishedArticles(
  q: Reader,
  options: { territoryId?: number; limit: number; offset?: number },
): { items: Article[]; total: number } {
  const where = options.territoryId
    ? and(eq(articles.status, "publie"), eq(articles.territoryId, options.territoryId))
    : eq(articles.status, "publie");
  const items = selectArticles(q)
    .where(where)
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(options.limit)
    .offset(options.offset ?? 0)
    .all();
  const total = q.select({ n: count() }).from(articles).where(where).get()?.n ?? 0;
  return { items, total };
}

/** A person's own articles, the latest changed first, whatever their status. */
export function listAuthorArticles(q: Reader, userId: number): Article[] {
  return selectArticles(q).where(eq(articles.authorId, userId)).orderBy(desc(articles.updatedAt), desc(articles.id)).all();
}

/** Articles waiting for the pôle's team, the oldest first. */
export function listArticlesToReview(q: Reader, territoryId: number): Article[] {
  return selectArticles(q)
    .where(and(eq(articles.territoryId, territoryId), eq(articles.status, "soumis")))
    .orderBy(articles.updatedAt, articles.id)
    .all();
}

/** The pôle's articles the team already answered (sent back, refused), the latest first. */
export function listReviewedArticles(q: Reader, territoryId: number, limit = 20): Article[] {
  return selectArticles(q)
    .where(and(eq(articles.territoryId, territoryId), inArray(articles.status, ["a-revoir", "refuse"])))
    .orderBy(desc(articles.reviewedAt), desc(articles.id))
    .limit(limit)
    .all();
}

export function countArticlesToReview(q: Reader, territoryId: number): number {
  return q.select({ n: count() }).from(articles).where(and(eq(articles.territoryId, territoryId), eq(articles.status, "soumis"))).get()?.n ?? 0;
}

/** Pôles that have published at least one article (for the feeds offered on /bulletin). */
export function polesWithArticles(q: Reader): { slug: string; name: string }[] {
  return q
    .select({ slug: territories.slug, name: territories.name })
    .from(articles)
    .innerJoin(territories, eq(territories.id, articles.territoryId))
    .where(eq(articles.status, "publie"))
    .groupBy(territories.id)
    .orderBy(territories.name)
    .all();
}

const NO_IMAGE_ALT = "Décrivez l'image en quelques mots : ce texte la remplace pour les personnes qui ne la voient pas.";

function tellTeam(tx: Writer, pole: { id: number; slug: string; name: string }, articleId: number, title: string, resubmitted: boolean, now: Date) {
  notifyAll(
    tx,
    animationTeamIds(tx, pole.id),
    {
      kind: "moderation",
      title: resubmitted ? `Article modifié à relire : « ${title} »` : `Nouvel article proposé pour le bulletin : « ${title} »`,
      body: "L'équipe d'animation le publie, demande des modifications à son auteur ou le refuse.",
      link: `/bulletin/moderation?${new URLSearchParams({ pole: pole.slug })}`,
      linkLabel: "Relire les articles",
      group: { key: `article:${articleId}`, label: title },
      poleName: pole.name,
      reason: "vous faites partie de l'équipe d'animation du pôle",
    },
    now,
  );
}

/** A member of the pôle (or its team) proposes an article: stored « soumis », the team is told. */
export function submitArticle(
  db: Db,
  actor: Actor,
  pole: { id: number; slug: string; name: string },
  input: ArticleInput,
  image: ImageUpload | null,
  now: Date,
): Outcome<{ articleId: number }> {
  if (image && !input.imageAlt) return fail(400, NO_IMAGE_ALT, "imageAlt");
  return writeTransaction(db, (tx) => {
    if (!isMemberOfAny(tx, actor.userId, [pole.id]) && !isStaffOf(actor, pole.id)) {
      return fail(403, `Seuls les membres du ${pole.name} proposent des articles à son bulletin. Rejoignez d'abord le pôle en acceptant sa charte.`, "territoryId");
    }
    const imageId = image ? storeImage(tx, actor.userId, image, now) : null;
    const row = tx
      .insert(articles)
      .values({
        territoryId: pole.id,
        authorId: actor.userId,
        title: input.title,
        summary: input.summary,
        body: input.body,
        imageId,
        imageAlt: image ? input.imageAlt : "",
        status: "soumis",
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: articles.id })
      .get();
    tellTeam(tx, pole, row.id, input.title, false, now);
    return { ok: true as const, articleId: row.id };
  });
}

/** Its author changes an article waiting for review or sent back; it goes (back) to the team. */
export function updateArticle(db: Db, actor: Actor, articleId: number, input: ArticleInput, change: ImageChange, now: Date): Outcome {
  return writeTransaction(db, (tx) => {
    const article = getArticle(tx, articleId);
    if (!article) return fail(404, "Article introuvable.");
    if (article.authorId !== actor.userId) return fail(403, "Seule la personne qui a écrit cet article peut le modifier.");
    if (!mayEditArticle(actor, article)) {
      return fail(409, article.status === "publie" ? "Cet article est déjà publié : il ne se modifie plus." : "Cet article a été refusé : il ne se modifie plus.");
    }
    const hasImage = change.kind === "replace" || (change.kind === "keep" && article.imageId !== null);
    if (hasImage && !input.imageAlt) return fail(400, NO_IMAGE_ALT, "imageAlt");
    let imageId = article.imageId;
    if (change.kind === "replace") imageId = storeImage(tx, actor.userId, change.image, now);
    if (change.kind === "remove") imageId = null;
    tx.update(articles)
      .set({
        title: input.title,
        summary: input.summary,
        body: input.body,
        imageId,
        imageAlt: imageId === null ? "" : input.imageAlt,
        status: "soumis",
        updatedAt: now,
      })
      .where(eq(articles.id, articleId))
      .run();
    if (article.imageId !== null && article.imageId !== imageId) deleteImage(tx, article.imageId);
    if (article.status === "a-revoir") {
      tellTeam(tx, { id: article.territoryId, slug: article.poleSlug, name: article.poleName }, articleId, input.title, true, now);
    }
    return { ok: true as const };
  });
}

/**
 * The pôle's animation team decides on an article waiting for it: publish, ask for changes (a comment),
 * or refuse (a reason). The author is told in the same transaction.
 */
export function reviewArticle(
  db: Db,
  actor: Actor,
  territoryId: number,
  articleId: number,
  decision: ReviewDecision,
  note: string,
  now: Date,
): Outcome<{ title: string }> {
  return writeTransaction(db, (tx) => {
    const article = getArticle(tx, articleId);
    // An article of another pôle is not found from this pôle's page.
    if (!article || article.territoryId !== territoryId) return fail(404, "Article introuvable.");
    if (!isStaffOf(actor, article.territoryId)) return fail(403, "Seule l'équipe d'animation du pôle publie son bulletin.");
    const status = reviewedStatus(article.status, decision);
    if (!status) return fail(409, "Cet article a déjà reçu une réponse de l'équipe d'animation.");
    if (decision !== "publish" && !note) {
      return fail(400, decision === "refuse" ? "Indiquez la raison du refus à l'auteur." : "Dites à l'auteur ce qu'il faut modifier.", "note");
    }
    tx.update(articles)
      .set({
        status,
        reviewNote: decision === "publish" ? "" : note,
        reviewedById: actor.userId,
        reviewedAt: now,
        publishedAt: decision === "publish" ? now : null,
        updatedAt: now,
      })
      .where(eq(articles.id, articleId))
      .run();
    if (article.authorId !== null) {
      notify(
        tx,
        {
          userId: article.authorId,
          kind: "moderation",
          title: reviewNoticeTitle(decision, article.title),
          body: decision === "publish" ? article.summary : note,
          link: decision === "request-changes" ? `/bulletin/${articleId}/modifier` : `/bulletin/${articleId}`,
          linkLabel: decision === "request-changes" ? "Modifier l'article" : "Voir l'article",
          group: { key: `article:${articleId}`, label: article.title },
          poleName: article.poleName,
          reason: "vous avez proposé cet article au bulletin du pôle",
        },
        now,
      );
    }
    return { ok: true as const, title: article.title };
  });
}

/**
 * How an uploaded image may be served: `public` when an article showing it is published, `private`
 * when only its author or team may see it (by `mayRead`), undefined otherwise (a 404).
 */
export function imageAudience(q: Reader, actor: Actor | null, imageId: number): "public" | "private" | undefined {
  const using = q
    .select({ status: articles.status, authorId: articles.authorId, territoryId: articles.territoryId })
    .from(articles)
    .where(eq(articles.imageId, imageId))
    .all();
  if (using.some((a) => a.status === "publie")) return "public";
  return using.some((a) => mayReadArticle(actor, a)) ? "private" : undefined;
}
