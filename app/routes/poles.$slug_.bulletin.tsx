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

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [{ title: `Bulletin du ${data.pole.name} — Maillon` }, { name: "description", content: `Les nouvelles du ${data.pole.name}, écrites par ses membres.` }, ...feedLinks(data.pole)]
    : [{ title: "Pôle introuvable — Maillon" }];

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
  return (
    <div className="container">
      <p className="eyebrow">
        <Link to={`/poles/${pole.slug}`}>{pole.name}</Link> · <Link to="/bulletin">Le bulletin des pôles</Link>
      </p>
      <h1>Bulletin du {pole.name}</h1>
      <p>
        Les nouvelles du pôle, écrites par ses membres et relues par son équipe d'animation. Suivez-les dans un lecteur de flux :{" "}
        <a href={`${here}.rss`}>flux RSS</a> ou <a href={`${here}.atom`}>flux Atom</a>.
      </p>
      <p className="actions">
        {mayPropose ? (
          <Link className="button" to={`/bulletin/proposer?pole=${pole.slug}`}>
            Proposer un article
          </Link>
        ) : (
          <Link to={`/poles/${pole.slug}/charte`}>Les membres du pôle proposent leurs articles : rejoindre le pôle</Link>
        )}
        {toReview !== null ? (
          <>
            {" "}
            <Link className="button button--ghost" to={`/bulletin/moderation?pole=${pole.slug}`}>
              Relire les articles ({toReview} en attente)
            </Link>
          </>
        ) : null}
      </p>
      <section aria-labelledby="articles">
        <h2 id="articles">Articles publiés{pages > 1 ? ` · page ${page} sur ${pages}` : ""}</h2>
        <ArticleList articles={articles} empty="Le bulletin du pôle n'a encore publié aucun article." showPole={false} headingLevel={3} />
        {pages > 1 ? (
          <nav aria-label="Pages du bulletin" className="pagination">
            {page > 1 ? <Link to={page === 2 ? here : `${here}?page=${page - 1}`}>← Articles plus récents</Link> : null}{" "}
            {page < pages ? <Link to={`${here}?page=${page + 1}`}>Articles plus anciens →</Link> : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
