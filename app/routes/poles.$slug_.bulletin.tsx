import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ArticleList } from "~/components/bulletin";
import { ARTICLES_PER_PAGE, pageNumber } from "~/domain/bulletin";
import { isStaffOf } from "~/domain/permissions";
import { authorize } from "~/guards/authorize.server";
import { loadPole } from "~/guards/pole.server";
import { countArticlesToReview, listPublishedArticles } from "~/models/article.server";
import { isMemberOfAny } from "~/models/pole-member.server";
import { feedLinks } from "~/utils/bulletin-links";
import { getDb } from "~/utils/db.server";
import { useFormat, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaText(matches).poles;
  return data
    ? [{ title: t.bulletin.metaTitle(data.pole.name) }, { name: "description", content: t.bulletin.metaDescription(data.pole.name) }, ...feedLinks(data.pole)]
    : [{ title: t.page.notFoundTitle }];
};

export function loader({ request, params }: LoaderFunctionArgs) {
  const permit = authorize(request, "poles.$slug_.bulletin");
  const territory = loadPole(permit, params.slug);
  const db = getDb();
  const { total } = listPublishedArticles(db, { territoryId: territory.id, limit: 0 });
  const { page, pages } = pageNumber(new URL(request.url).searchParams.get("page"), total);
  const { items } = listPublishedArticles(db, { territoryId: territory.id, limit: ARTICLES_PER_PAGE, offset: (page - 1) * ARTICLES_PER_PAGE });
  const { auth } = permit;
  const staff = isStaffOf(auth, territory.id);
  return {
    pole: { slug: territory.slug, name: territory.name },
    page,
    pages,
    articles: items.map((a) => ({ id: a.id, title: a.title, summary: a.summary, poleSlug: a.poleSlug, poleName: a.poleName, authorName: a.authorName, publishedAt: a.publishedAt })),
    mayPropose: !!auth && (staff || isMemberOfAny(db, auth.user.id, [territory.id])),
    toReview: staff ? countArticlesToReview(db, territory.id) : null,
  };
}

export default function PoleBulletin() {
  const { pole, page, pages, articles, mayPropose, toReview } = useLoaderData<typeof loader>();
  const here = `/poles/${pole.slug}/bulletin`;
  const t = useT().poles.bulletin;
  const format = useFormat();
  return (
    <div className="container">
      <p className="eyebrow">
        <Link to={`/poles/${pole.slug}`}>{pole.name}</Link> · <Link to="/bulletin">{t.allBulletins}</Link>
      </p>
      <h1>{t.title(pole.name)}</h1>
      <p>
        {t.intro} <a href={`${here}.rss`}>{t.rss}</a> {t.or} <a href={`${here}.atom`}>{t.atom}</a>.
      </p>
      <p className="actions">
        {mayPropose ? (
          <Link className="button" to={`/bulletin/proposer?pole=${pole.slug}`}>
            {t.propose}
          </Link>
        ) : (
          <Link to={`/poles/${pole.slug}/charte`}>{t.joinToPropose}</Link>
        )}
        {toReview !== null ? (
          <>
            {" "}
            <Link className="button button--ghost" to={`/bulletin/moderation?pole=${pole.slug}`}>
              {t.review(format.integer(toReview))}
            </Link>
          </>
        ) : null}
      </p>
      <section aria-labelledby="articles">
        <h2 id="articles">
          {t.articlesTitle}
          {pages > 1 ? t.pageOf(format.integer(page), format.integer(pages)) : ""}
        </h2>
        <ArticleList articles={articles} empty={t.none} showPole={false} headingLevel={3} />
        {pages > 1 ? (
          <nav aria-label={t.pagesLabel} className="pagination">
            {page > 1 ? <Link to={page === 2 ? here : `${here}?page=${page - 1}`}>{t.newer}</Link> : null}{" "}
            {page < pages ? <Link to={`${here}?page=${page + 1}`}>{t.older}</Link> : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
