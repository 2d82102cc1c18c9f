import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ArticleStatusBadge } from "~/components/status-badge";
import { mayEditArticle } from "~/domain/bulletin";
import { isStaffOf } from "~/domain/permissions";
import { authorize } from "~/guards/authorize.server";
import { getReadableArticle } from "~/models/article.server";
import { getDb } from "~/utils/db.server";
import { feedLinks } from "~/utils/bulletin-links";
import { notFound, readId } from "~/utils/http.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { useFormat, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const { bulletin } = metaText(matches);
  const t = bulletin.article;
  return data
    ? [
        { title: t.metaTitle(data.article.title, data.article.poleName) },
        { name: "description", content: data.article.summary.slice(0, 200) },
        ...feedLinks({ slug: data.article.poleSlug, name: data.article.poleName }, bulletin.feedTitle),
      ]
    : [{ title: t.notFoundTitle }];
};

export function loader({ request, params }: LoaderFunctionArgs) {
  const { auth } = authorize(request, "bulletin.$id._index");
  const id = readId(params.id);
  const article = id === null ? undefined : getReadableArticle(getDb(), auth, id);
  if (!article) throw notFound(requestText(request).t.bulletin.article.notFound);
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
  const t = useT().bulletin.article;
  const format = useFormat();
  return (
    <article className="container narrow article">
      <p className="eyebrow">
        <Link to="/bulletin">{t.bulletin}</Link> · <Link to={`/poles/${article.poleSlug}/bulletin`}>{t.poleBulletin(article.poleName)}</Link>
      </p>
      <h1>{article.title}</h1>
      <p className="hint">
        {article.publishedAt ? t.publishedOn(format.date(new Date(article.publishedAt))) : t.notPublished}
        {article.authorName ? t.by(article.authorName) : ""}
      </p>
      {article.status !== "publie" ? (
        <div className="alert" role="note">
          <p>
            <ArticleStatusBadge status={article.status} />{" "}
            {article.status === "soumis"
              ? t.submitted
              : article.status === "a-revoir"
                ? t.changesRequested
                : t.refused}
          </p>
          {reviewNote ? <p>{t.teamNote(reviewNote)}</p> : null}
          {editable ? (
            <p>
              <Link to={`/bulletin/${article.id}/modifier`} className="button">
                {t.edit}
              </Link>
            </p>
          ) : null}
          {team && article.status === "soumis" ? (
            <p>
              <Link to={`/bulletin/moderation?pole=${article.poleSlug}`}>{t.review}</Link>
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
