import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AnimationPageHeader, NoAnimatedPole } from "~/components/animation-page";
import { ArticleStatusBadge } from "~/components/status-badge";
import { TextAreaField } from "~/components/ui/field";
import { ConformForm, useSchemaForm } from "~/components/ui/form";
import { formatDate, formatDateTime } from "~/domain/format";
import { loadAnimatedPole, requireAnimatedPole } from "~/guards/animation.server";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { listArticlesToReview, listReviewedArticles, reviewArticle } from "~/models/article.server";
import { reviewArticleSchema } from "~/schemas/bulletin";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { replyInvalid, replyRefused } from "~/utils/reply.server";
import { readFormData } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Relire les articles du bulletin — Maillon" }];

export function loader({ request }: LoaderFunctionArgs) {
  const { poles, pole } = loadAnimatedPole(authorize(request, "bulletin.moderation"), request);
  const db = getDb();
  return {
    poles,
    pole,
    waiting: pole
      ? listArticlesToReview(db, pole.id).map((a) => ({
          id: a.id,
          title: a.title,
          summary: a.summary,
          html: renderMarkdown(a.body),
          authorName: a.authorName,
          image: a.imageId !== null ? { id: a.imageId, alt: a.imageAlt } : null,
          submittedAt: a.updatedAt,
          previousNote: a.reviewNote,
        }))
      : [],
    answered: pole
      ? listReviewedArticles(db, pole.id).map((a) => ({ id: a.id, title: a.title, status: a.status, reviewNote: a.reviewNote, reviewedAt: a.reviewedAt, authorName: a.authorName }))
      : [],
  };
}

const DONE: Record<"publish" | "request-changes" | "refuse", (title: string) => string> = {
  publish: (t) => `« ${t} » est publié dans le bulletin ; son auteur en est informé.`,
  "request-changes": (t) => `Votre demande de modifications pour « ${t} » est envoyée à son auteur.`,
  refuse: (t) => `« ${t} » est refusé ; son auteur en connaît la raison.`,
};

export async function action({ request }: ActionFunctionArgs) {
  signInFirst(request, "bulletin.moderation");
  const formData = await readFormData(request);
  const { auth, pole } = requireAnimatedPole(authorize(request, "bulletin.moderation", formData), request);
  const submission = parseWithZod(formData, { schema: reviewArticleSchema });
  const formId = `review-${String(formData.get("articleId") ?? "")}`;
  if (submission.status !== "success") return replyInvalid(submission, { formId });
  const { intent, articleId, note } = submission.value;
  const outcome = reviewArticle(getDb(), auth, pole.id, articleId, intent, note ?? "", new Date());
  if (!outcome.ok) return replyRefused(outcome, { submission, formId });
  return redirectWithFlash(`/bulletin/moderation?${new URLSearchParams({ pole: pole.slug })}`, DONE[intent](outcome.title));
}

type Waiting = ReturnType<typeof useLoaderData<typeof loader>>["waiting"][number];

function ReviewCard({ article }: { article: Waiting }) {
  const formId = `review-${article.id}`;
  const [form, fields] = useSchemaForm(reviewArticleSchema, { id: formId, reply: formId, defaultValue: { articleId: article.id } });
  const headingId = `article-${article.id}`;
  return (
    <li className="card">
      <h3 id={headingId}>
        <a href={`/bulletin/${article.id}`}>{article.title}</a>
      </h3>
      <p className="hint">
        {article.authorName ? `Par ${article.authorName}, ` : ""}envoyé le {formatDateTime(new Date(article.submittedAt))}
      </p>
      {article.previousNote ? <p>Modifié après votre demande : « {article.previousNote} »</p> : null}
      <details>
        <summary>Lire l'article</summary>
        <p className="lead">{article.summary}</p>
        {article.image ? <img className="article-image article-image--small" src={`/images/${article.image.id}`} alt={article.image.alt} /> : null}
        <div className="article-body" dangerouslySetInnerHTML={{ __html: article.html }} />
      </details>
      <ConformForm form={form} aria-labelledby={headingId}>
        <input type="hidden" name="articleId" value={article.id} />
        <TextAreaField
          meta={fields.note}
          label="Message à l'auteur"
          hint="Obligatoire pour demander des modifications (ce qu'il faut changer) ou refuser (pourquoi)."
          rows={3}
        />
        <div className="actions">
          <button type="submit" name="intent" value="publish" className="button">
            Publier
          </button>{" "}
          <button type="submit" name="intent" value="request-changes" className="button button--ghost">
            Demander des modifications
          </button>{" "}
          <button type="submit" name="intent" value="refuse" className="button button--ghost">
            Refuser
          </button>
        </div>
      </ConformForm>
    </li>
  );
}

export default function BulletinModeration() {
  const { poles, pole, waiting, answered } = useLoaderData<typeof loader>();
  if (!pole) return <NoAnimatedPole title="Relire les articles du bulletin" />;
  return (
    <div className="container">
      <AnimationPageHeader pole={pole} poles={poles} title="Relire les articles du bulletin" eyebrow />
      <p>
        Les membres du pôle proposent leurs articles ; l'équipe d'animation les publie dans le{" "}
        <a href={`/poles/${pole.slug}/bulletin`}>bulletin du {pole.name}</a>, demande des modifications ou les refuse. L'auteur est prévenu
        à chaque réponse.
      </p>
      <section aria-labelledby="a-relire">
        <h2 id="a-relire">À relire ({waiting.length})</h2>
        {waiting.length === 0 ? (
          <p>Aucun article n'attend de relecture.</p>
        ) : (
          <ul className="cards">
            {waiting.map((a) => (
              <ReviewCard key={a.id} article={a} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="repondus">
        <h2 id="repondus">Réponses récentes</h2>
        {answered.length === 0 ? (
          <p>Aucun article renvoyé ou refusé pour l'instant.</p>
        ) : (
          <ul>
            {answered.map((a) => (
              <li key={a.id}>
                <a href={`/bulletin/${a.id}`}>{a.title}</a> <ArticleStatusBadge status={a.status} />{" "}
                <span className="hint">
                  {a.authorName ? `${a.authorName}, ` : ""}
                  {a.reviewedAt ? `le ${formatDate(new Date(a.reviewedAt))}` : ""} : « {a.reviewNote} »
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
