import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AnimationPageHeader, NoAnimatedPole } from "~/components/animation-page";
import { ArticleStatusBadge } from "~/components/status-badge";
import { TextAreaField } from "~/components/ui/field";
import { ConformForm, useSchemaForm } from "~/components/ui/form";
import { loadAnimatedPole, requireAnimatedPole } from "~/guards/animation.server";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { listArticlesToReview, listReviewedArticles, reviewArticle } from "~/models/article.server";
import { reviewArticleSchema } from "~/schemas/bulletin";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { replyInvalid, replyRefused } from "~/utils/reply.server";
import { readFormData } from "~/utils/http.server";
import { useFormat, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";
import type { Messages } from "~/i18n/messages";

export const meta: MetaFunction = ({ matches }) => [{ title: metaText(matches).bulletin.moderation.metaTitle }];

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

type ReviewIntent = "publish" | "request-changes" | "refuse";

function doneMessage(t: Messages["bulletin"]["moderation"], intent: ReviewIntent, title: string): string {
  if (intent === "publish") return t.published(title);
  if (intent === "request-changes") return t.changesRequested(title);
  return t.refused(title);
}

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
  return redirectWithFlash(`/bulletin/moderation?${new URLSearchParams({ pole: pole.slug })}`, doneMessage(requestText(request).t.bulletin.moderation, intent, outcome.title));
}

type Waiting = ReturnType<typeof useLoaderData<typeof loader>>["waiting"][number];

function ReviewCard({ article }: { article: Waiting }) {
  const formId = `review-${article.id}`;
  const [form, fields] = useSchemaForm(reviewArticleSchema, { id: formId, reply: formId, defaultValue: { articleId: article.id } });
  const headingId = `article-${article.id}`;
  const t = useT().bulletin.moderation;
  const format = useFormat();
  return (
    <li className="card">
      <h3 id={headingId}>
        <a href={`/bulletin/${article.id}`}>{article.title}</a>
      </h3>
      <p className="hint">
        {article.authorName ? t.byAuthor(article.authorName) : ""}
        {t.sentOn(format.dateTime(new Date(article.submittedAt)))}
      </p>
      {article.previousNote ? <p>{t.editedAfter(article.previousNote)}</p> : null}
      <details>
        <summary>{t.read}</summary>
        <p className="lead">{article.summary}</p>
        {article.image ? <img className="article-image article-image--small" src={`/images/${article.image.id}`} alt={article.image.alt} /> : null}
        <div className="article-body" dangerouslySetInnerHTML={{ __html: article.html }} />
      </details>
      <ConformForm form={form} aria-labelledby={headingId}>
        <input type="hidden" name="articleId" value={article.id} />
        <TextAreaField
          meta={fields.note}
          label={t.note}
          hint={t.noteHint}
          rows={3}
        />
        <div className="actions">
          <button type="submit" name="intent" value="publish" className="button">
            {t.publish}
          </button>{" "}
          <button type="submit" name="intent" value="request-changes" className="button button--ghost">
            {t.requestChanges}
          </button>{" "}
          <button type="submit" name="intent" value="refuse" className="button button--ghost">
            {t.refuse}
          </button>
        </div>
      </ConformForm>
    </li>
  );
}

export default function BulletinModeration() {
  const { poles, pole, waiting, answered } = useLoaderData<typeof loader>();
  const t = useT().bulletin.moderation;
  const format = useFormat();
  if (!pole) return <NoAnimatedPole title={t.title} />;
  return (
    <div className="container">
      <AnimationPageHeader pole={pole} poles={poles} title={t.title} eyebrow />
      <p>
        {t.introBefore}
        <a href={`/poles/${pole.slug}/bulletin`}>{t.introLink(pole.name)}</a>
        {t.introAfter}
      </p>
      <section aria-labelledby="a-relire">
        <h2 id="a-relire">{t.toReview(format.integer(waiting.length))}</h2>
        {waiting.length === 0 ? (
          <p>{t.noneWaiting}</p>
        ) : (
          <ul className="cards">
            {waiting.map((a) => (
              <ReviewCard key={a.id} article={a} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="repondus">
        <h2 id="repondus">{t.recent}</h2>
        {answered.length === 0 ? (
          <p>{t.noneAnswered}</p>
        ) : (
          <ul>
            {answered.map((a) => (
              <li key={a.id}>
                <a href={`/bulletin/${a.id}`}>{a.title}</a> <ArticleStatusBadge status={a.status} />{" "}
                <span className="hint">
                  {a.authorName ? `${a.authorName}, ` : ""}
                  {a.reviewedAt ? t.answeredOn(format.date(new Date(a.reviewedAt))) : ""}
                  {t.answeredNote(a.reviewNote)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
