/**
 * A pôle's bulletin as RSS 2.0 and Atom 1.0, written by `feed` from one description (ADR 018). Every
 * address is absolute, from PUBLIC_URL; an article's id is its page's address, stable for ever.
 */
import { Feed } from "feed";
import { ofName } from "~/domain/french-grammar";
import type { Article } from "~/models/article.server";
import { getEnv } from "./env.server";
import { renderMarkdown } from "./markdown.server";

export const FEED_ARTICLES = 20;

type Pole = { slug: string; name: string; description: string };

export function bulletinFeed(pole: Pole, articles: readonly Article[], now: Date): Feed {
  const base = getEnv().PUBLIC_URL;
  const url = (path: string) => new URL(path, base).toString();
  const page = url(`/poles/${pole.slug}/bulletin`);
  const feed = new Feed({
    id: page,
    title: `Bulletin ${ofName(pole.name)}`,
    description: pole.description || `Les nouvelles ${ofName(pole.name)}.`,
    link: page,
    language: "fr",
    updated: articles[0]?.publishedAt ?? now,
    generator: "Maillon",
    copyright: `${pole.name} et les auteurs des articles`,
    feedLinks: { rss: url(`/poles/${pole.slug}/bulletin.rss`), atom: url(`/poles/${pole.slug}/bulletin.atom`) },
  });
  for (const article of articles) {
    const link = url(`/bulletin/${article.id}`);
    feed.addItem({
      title: article.title,
      id: link,
      guid: link,
      link,
      date: article.publishedAt ?? article.updatedAt,
      published: article.publishedAt ?? undefined,
      description: article.summary,
      content: renderMarkdown(article.body),
      author: article.authorName ? [{ name: article.authorName }] : undefined,
      image: article.imageId !== null ? url(`/images/${article.imageId}`) : undefined,
    });
  }
  return feed;
}

export function feedResponse(body: string, type: "rss" | "atom"): Response {
  return new Response(body, {
    headers: {
      "Content-Type": `${type === "rss" ? "application/rss+xml" : "application/atom+xml"}; charset=utf-8`,
      "Cache-Control": "public, max-age=600",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
