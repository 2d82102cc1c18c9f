import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ArticleStatusBadge } from "~/components/status-badge";
import { mayEditArticle } from "~/domain/bulletin";
import { formatDate } from "~/domain/format";
import { isStaffOf } from "~/domain/permissions";
import { authorize } from "~/guards/authorize.server";
import { getReadableArticle } from "~/models/article.server";
import { getDb } from "~/utils/db.server";
import { feedLinks } from "~/utils/bulletin-links";
import { notFound, readId } from "~/utils/http.server";
import { renderMarkdown } from "~/utils/markdown.server";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.article.title} — Bulletin du ${data.article.poleName} — Maillon` },
        { name: "description", content: data.article.summary.slice(0, 200) },
        ...feedLinks({ slug: data.article.poleSlug, name: data.article.poleName }),
      ]
    : [{ title: "Article introuvable — Maillon" }];

export function loader({ request, params }: LoaderFunctionArgs) {
  const { auth } = authorize(request, "bulletin.$id._index");
  const id = readId(params.id);
  const article = id === null ? undefined : getReadableArticle(getDb(), auth, id);
  if (!article) throw notFound("Article introuvable");
  const mine = !!auth && article.authorId === auth.user.id;
  return {
    article: {
      id: article.id,
      title: article.title,
      summary: article.summary,
      poleSlug: article.poleSlug,
      poleName: article.poleName,
      authorName: article.authorName,
      status: article.status,
      publishedAt: article.publishedAt,
      image: article.imageId !== null ? { id: article.imageId, alt: article.imageAlt, width: article.imageWidth, height: article.imageHeight } : null,
    },
    html: renderMarkdown(article.body),
    /** Only the author and the team see the team's note. */
    reviewNote: mine || isStaffOf(auth, article.territoryId) ? article.reviewNote : "",
    editable: mayEditArticle(auth, article),
    team: isStaffOf(auth, article.territoryId),
  };
}

export default function ArticlePage() {
  const { article, html, reviewNote, editable, team } = useLoaderData<typeof loader>();
  return (
    <article className="container narrow article">
      <p className="eyebrow">
        <Link to="/bulletin">Le bulletin</Link> · <Link to={`/poles/${article.poleSlug}/bulletin`}>Bulletin du {article.poleName}</Link>
      </p>
      <h1>{article.title}</h1>
      <p className="hint">
        {article.publishedAt ? `Publié le ${formatDate(new Date(article.publishedAt))}` : "Pas encore publié"}
        {article.authorName ? ` · par ${article.authorName}` : ""}
      </p>
      {article.status !== "publie" ? (
        <div className="alert" role="note">
          <p>
            <ArticleStatusBadge status={article.status} />{" "}
            {article.status === "soumis"
              ? "Cet article attend la relecture de l'équipe d'animation : seuls son auteur et l'équipe le voient."
              : article.status === "a-revoir"
                ? "L'équipe d'animation a demandé des modifications."
                : "L'équipe d'animation n'a pas retenu cet article."}
          </p>
          {reviewNote ? <p>Message de l'équipe : « {reviewNote} »</p> : null}
          {editable ? (
            <p>
              <Link to={`/bulletin/${article.id}/modifier`} className="button">
                Modifier l'article
              </Link>
            </p>
          ) : null}
          {team && article.status === "soumis" ? (
            <p>
              <Link to={`/bulletin/moderation?pole=${article.poleSlug}`}>Relire les articles du pôle</Link>
            </p>
          ) : null}
        </div>
      ) : null}
      <p className="lead">{article.summary}</p>
      {article.image ? (
        <img
          className="article-image"
          src={`/images/${article.image.id}`}
          alt={article.image.alt}
          width={article.image.width ?? undefined}
          height={article.image.height ?? undefined}
        />
      ) : null}
      <div className="article-body" dangerouslySetInnerHTML={{ __html: html }} />
    </article>
  );
}
