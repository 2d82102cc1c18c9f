/** The pôle's bulletin as ATOM (the page's <link rel="alternate">): its latest published articles. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { authorize } from "~/guards/authorize.server";
import { loadPole } from "~/guards/pole.server";
import { listPublishedArticles } from "~/models/article.server";
import { bulletinFeed, FEED_ARTICLES, feedResponse } from "~/utils/bulletin-feed.server";
import { getDb } from "~/utils/db.server";

export function loader({ request, params }: LoaderFunctionArgs) {
  const pole = loadPole(authorize(request, "poles.$slug_.bulletin[.]atom"), params.slug);
  const { items } = listPublishedArticles(getDb(), { territoryId: pole.id, limit: FEED_ARTICLES });
  return feedResponse(bulletinFeed(pole, items, new Date()).atom1(), "atom");
}
