import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ArticleFormFields } from "~/components/bulletin";
import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { isEditableStatus } from "~/domain/bulletin";
import { readArticleForm } from "~/guards/article-form.server";
import { loadOwnArticle } from "~/guards/article.server";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { updateArticle, type ImageChange } from "~/models/article.server";
import { articleSchema } from "~/schemas/bulletin";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyInvalid, replyRefused } from "~/utils/reply.server";
import { useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaText(matches).bulletin.edit;
  return [{ title: data ? t.metaTitle(data.article.title) : t.notFoundTitle }];
};

export function loader({ request, params }: LoaderFunctionArgs) {
  const article = loadOwnArticle(authorize(request, "bulletin.$id.modifier"), params.id);
  return {
    article: {
      id: article.id,
      title: article.title,
      summary: article.summary,
      body: article.body,
      imageAlt: article.imageAlt,
      imageId: article.imageId,
      poleName: article.poleName,
      status: article.status,
      reviewNote: article.reviewNote,
    },
    editable: isEditableStatus(article.status),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  signInFirst(request, "bulletin.$id.modifier");
  const read = await readArticleForm(request, articleSchema);
  const permit = authorize(request, "bulletin.$id.modifier", read.formData);
  const article = loadOwnArticle(permit, params.id);
  const { auth } = permit;
  if (!read.ok) return replyInvalid(read.reply);
  const { title, summary, body, imageAlt, removeImage } = read.value;
  const change: ImageChange = read.image ? { kind: "replace", image: read.image } : removeImage ? { kind: "remove" } : { kind: "keep" };
  const outcome = updateArticle(getDb(), auth, article.id, { title, summary, body, imageAlt: imageAlt ?? "" }, change, new Date());
  if (!outcome.ok) return replyRefused(outcome, { submission: read.submission });
  const t = requestText(request).t.bulletin.edit;
  return redirectWithFlash(`/bulletin/${article.id}`, article.status === "a-revoir" ? t.resent : t.saved);
}

export default function EditArticle() {
  const { article, editable } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(articleSchema, {
    id: "article",
    defaultValue: { title: article.title, summary: article.summary, body: article.body, imageAlt: article.imageAlt },
  });
  const t = useT().bulletin.edit;
  return (
    <div className="container narrow">
      <p className="eyebrow">
        <Link to="/bulletin">{t.bulletin}</Link> · <Link to={`/bulletin/${article.id}`}>{article.title}</Link>
      </p>
      <h1>{t.title}</h1>
      {!editable ? (
        <p>
          {article.status === "publie" ? t.publishedLocked : t.refusedLocked}{" "}
          <Link to={`/bulletin/${article.id}`}>{t.backToArticle}</Link>
        </p>
      ) : (
        <>
          {article.status === "a-revoir" && article.reviewNote ? (
            <div className="alert" role="note">
              <p>{t.teamAsks(article.poleName, article.reviewNote)}</p>
            </div>
          ) : null}
          <ConformForm form={form} encType="multipart/form-data" aria-label={t.formLabel}>
            <ArticleFormFields
              formId={form.id}
              imageErrors={form.allErrors.image}
              fields={fields}
              currentImage={article.imageId !== null ? { id: article.imageId, alt: article.imageAlt } : null}
            />
            <SubmitButton>{article.status === "a-revoir" ? t.resend : t.save}</SubmitButton>
          </ConformForm>
        </>
      )}
    </div>
  );
}
