/**
 * The bulletin of a pôle: members propose articles, the pôle's animation team publishes them, asks for
 * changes or refuses them. Pure rules: who reads or edits an article, what a review does, which image
 * bytes are accepted, and how the list is paged.
 */
import { isStaffOf, type Actor } from "./permissions";
import type { ArticleStatus } from "./vocabulary";

export const ARTICLE_STATUS_LABELS: Record<ArticleStatus, string> = {
  soumis: "En attente de relecture",
  "a-revoir": "Modifications demandées",
  publie: "Publié",
  refuse: "Refusé",
};

/** Facts about an article the rules look at. */
export type ArticleFacts = { status: ArticleStatus; authorId: number | null; territoryId: number };

/** Published articles are public; before that, only their author and the pôle's animation team see them. */
export function mayReadArticle(actor: Actor | null, article: ArticleFacts): boolean {
  if (article.status === "publie") return true;
  if (!actor) return false;
  return article.authorId === actor.userId || isStaffOf(actor, article.territoryId);
}

/** The author changes an article while it waits for the team or after changes were asked. */
export function isEditableStatus(status: ArticleStatus): boolean {
  return status === "soumis" || status === "a-revoir";
}

export function mayEditArticle(actor: Actor | null, article: ArticleFacts): boolean {
  return !!actor && article.authorId === actor.userId && isEditableStatus(article.status);
}

export const REVIEW_DECISIONS = ["publish", "request-changes", "refuse"] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

const DECISION_STATUS: Record<ReviewDecision, ArticleStatus> = {
  publish: "publie",
  "request-changes": "a-revoir",
  refuse: "refuse",
};

/** The status a decision leads to; only an article waiting for the team is reviewed (null otherwise). */
export function reviewedStatus(current: ArticleStatus, decision: ReviewDecision): ArticleStatus | null {
  return current === "soumis" ? DECISION_STATUS[decision] : null;
}

/** What the author reads, in the bell and the mail, after a decision. */
export function reviewNoticeTitle(decision: ReviewDecision, title: string): string {
  switch (decision) {
    case "publish":
      return `Votre article « ${title} » est publié dans le bulletin`;
    case "request-changes":
      return `L'équipe d'animation vous propose des modifications pour « ${title} »`;
    case "refuse":
      return `Votre article « ${title} » n'est pas retenu pour le bulletin`;
  }
}

// Images -------------------------------------------------------------------------------------------

/** The largest image kept: the bytes live in the database, and a page should stay light. */
export const MAX_IMAGE_BYTES = 800 * 1024;

// Paging -------------------------------------------------------------------------------------------

export const ARTICLES_PER_PAGE = 10;

/** The page asked for (`?page=2`), 1 when absent or not a positive integer, at most the last page. */
export function pageNumber(raw: string | null, total: number, perPage = ARTICLES_PER_PAGE): { page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(total / perPage));
  const asked = raw && /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
  return { page: Math.min(Math.max(asked, 1), pages), pages };
}
