import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ArticleList, OwnArticles } from "~/components/bulletin";
import { ARTICLES_PER_PAGE, pageNumber } from "~/domain/bulletin";
import { authorize } from "~/guards/authorize.server";
import { listAuthorArticles, listPublishedArticles, polesWithArticles } from "~/models/article.server";
import { listTerritoryRefs } from "~/models/territory.server";
import { feedLinks } from "~/utils/bulletin-links";
import { getDb } from "~/utils/db.server";
import { FilterSelect } from "~/components/ui/filter-select";
import { useFormat, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const { bulletin } = metaText(matches);
  const t = bulletin.index;
  return [
    { title: data?.pole ? t.metaTitlePole(data.pole.name) : t.metaTitle },
    { name: "description", content: t.metaDescription },
    ...(data ? (data.pole ? [data.pole] : data.feeds).flatMap((p) => feedLinks(p, bulletin.feedTitle)) : []),
  ];
};

export function loader({ request }: LoaderFunctionArgs) {
  const { auth } = authorize(request, "bulletin._index");
  const db = getDb();
  const url = new URL(request.url);
  const poles = listTerritoryRefs(db);
  const pole = poles.find((p) => p.slug === url.searchParams.get("pole")) ?? null;
  const { total } = listPublishedArticles(db, { territoryId: pole?.id, limit: 0 });
  const { page, pages } = pageNumber(url.searchParams.get("page"), total);
  const { items } = listPublishedArticles(db, { territoryId: pole?.id, limit: ARTICLES_PER_PAGE, offset: (page - 1) * ARTICLES_PER_PAGE });
  const feeds = polesWithArticles(db);
  return {
    pole: pole ? { slug: pole.slug, name: pole.name } : null,
    poles: feeds,
    feeds,
    page,
    pages,
    total,
    articles: items.map((a) => ({
      id: a.id,
      title: a.title,
      summary: a.summary,
      poleSlug: a.poleSlug,
      poleName: a.poleName,
      authorName: a.authorName,
      publishedAt: a.publishedAt,
    })),
    mine: auth
      ? listAuthorArticles(db, auth.user.id).map((a) => ({
          id: a.id,
          title: a.title,
          status: a.status,
          poleName: a.poleName,
          updatedAt: a.updatedAt,
          reviewNote: a.reviewNote,
        }))
      : null,
  };
}

function pageHref(page: number, pole: string | null): string {
  const params = new URLSearchParams();
  if (pole) params.set("pole", pole);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/bulletin?${query}` : "/bulletin";
}

export default function Bulletin() {
  const { pole, poles, feeds, page, pages, total, articles, mine } = useLoaderData<typeof loader>();
  const t = useT().bulletin.index;
  const format = useFormat();
  return (
    <div className="container">
      <h1>{pole ? t.titlePole(pole.name) : t.title}</h1>
      <p>{t.intro}</p>
      <p className="actions">
        <Link className="button" to="/bulletin/proposer">
          {t.propose}
        </Link>
      </p>

      <Form method="get" className="inline-form" aria-label={t.filterLabel}>
        <FilterSelect id="bulletin-pole" name="pole" label={t.pole} all={t.allPoles} value={pole?.slug} options={poles.map((p) => ({ value: p.slug, label: p.name }))} />
        <button type="submit" className="button button--ghost">
          {t.show}
        </button>
      </Form>

      <section aria-labelledby="articles">
        <h2 id="articles">
          {t.published(total, format.integer(total))}
          {pages > 1 ? t.page(format.integer(page), format.integer(pages)) : ""}
        </h2>
        <ArticleList articles={articles} empty={t.empty} headingLevel={3} showPole={!pole} />
        {pages > 1 ? (
          <nav aria-label={t.pagesLabel} className="pagination">
            {page > 1 ? <Link to={pageHref(page - 1, pole?.slug ?? null)}>{t.newer}</Link> : null}{" "}
            {page < pages ? <Link to={pageHref(page + 1, pole?.slug ?? null)}>{t.older}</Link> : null}
          </nav>
        ) : null}
      </section>

      {mine ? (
        <section aria-labelledby="mes-articles">
          <h2 id="mes-articles">{t.mine}</h2>
          <OwnArticles articles={mine} />
        </section>
      ) : null}

      {feeds.length > 0 ? (
        <section aria-labelledby="flux">
          <h2 id="flux">{t.subscribe}</h2>
          <p>{t.feedsIntro}</p>
          <ul>
            {feeds.map((p) => (
              <li key={p.slug}>
                {t.feedOf(p.name)}
                <a href={`/poles/${p.slug}/bulletin.rss`}>RSS</a> · <a href={`/poles/${p.slug}/bulletin.atom`}>Atom</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
