/** Who may see or change an article of the bulletin: the rule's scope on the article named in the URL. */
import { reaches } from "~/domain/permissions";
import { getArticle, type Article } from "~/models/article.server";
import type { Auth } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { forbidden, notFound, readId } from "~/utils/http.server";
import type { Permit } from "./authorize.server";

/** The article (404 when unknown or not a number), if the rule's scope reaches it (403: someone else's). */
export function loadOwnArticle<A extends Auth | null>(permit: Permit<A>, rawId: string | undefined): Article {
  const id = readId(rawId);
  const article = id === null ? undefined : getArticle(getDb(), id);
  if (!article) throw notFound("Article introuvable");
  const ownerIds = article.authorId === null ? [] : [article.authorId];
  if (!reaches(permit.auth, permit.rule, "article", { ownerIds })) {
    throw forbidden(permit.rule.refusal ?? "Seule la personne qui a écrit cet article peut le modifier.");
  }
  return article;
}
