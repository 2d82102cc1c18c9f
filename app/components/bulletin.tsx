import type { FieldMetadata } from "@conform-to/react";
import { ArticleStatusBadge } from "~/components/status-badge";
import { CardList } from "~/components/ui/card-list";
import { CheckboxField, TextAreaField, TextField } from "~/components/ui/field";
import { MAX_IMAGE_BYTES } from "~/domain/bulletin";
import { useFormat, useT } from "~/i18n/context";
import type { ArticleStatus } from "~/domain/vocabulary";

export type ArticleSummary = {
  id: number;
  title: string;
  summary: string;
  poleSlug: string;
  poleName: string;
  authorName: string | null;
  publishedAt: string | Date | null;
};

/** Published articles as cards: title (a link), pôle, date, author and summary. */
export function ArticleList({
  articles,
  empty,
  showPole = true,
  headingLevel = 2,
}: {
  articles: readonly ArticleSummary[];
  empty: string;
  showPole?: boolean;
  headingLevel?: 2 | 3;
}) {
  const t = useT().bulletin.list;
  const format = useFormat();
  return (
    <CardList items={articles} empty={empty} headingLevel={headingLevel} link={(a) => ({ key: a.id, href: `/bulletin/${a.id}`, title: a.title })}>
      {(a) => (
        <>
          <p className="hint">
            {showPole ? `${a.poleName} · ` : ""}
            {a.publishedAt ? t.publishedOn(format.date(new Date(a.publishedAt))) : null}
            {a.authorName ? t.by(a.authorName) : null}
          </p>
          <p>{a.summary}</p>
        </>
      )}
    </CardList>
  );
}

export type OwnArticle = { id: number; title: string; status: ArticleStatus; poleName: string; updatedAt: string | Date; reviewNote: string };

/** The author's own articles with where each stands, and what to do next. */
export function OwnArticles({ articles, headingLevel = 3 }: { articles: readonly OwnArticle[]; headingLevel?: 2 | 3 }) {
  const t = useT().bulletin.own;
  const format = useFormat();
  return (
    <CardList
      items={articles}
      headingLevel={headingLevel}
      empty={t.empty}
      link={(a) => ({ key: a.id, href: `/bulletin/${a.id}`, title: a.title })}
    >
      {(a) => (
        <>
          <p>
            <ArticleStatusBadge status={a.status} /> <span className="hint">{t.updatedOn(a.poleName, format.date(new Date(a.updatedAt)))}</span>
          </p>
          {a.status === "a-revoir" ? (
            <>
              <p>{t.teamAsks(a.reviewNote)}</p>
              <p>
                <a href={`/bulletin/${a.id}/modifier`}>{t.editAndResend(a.title)}</a>
              </p>
            </>
          ) : null}
          {a.status === "refuse" && a.reviewNote ? <p>{t.refusedBecause(a.reviewNote)}</p> : null}
        </>
      )}
    </CardList>
  );
}

/** A short guide to the Markdown the body accepts (what app/utils/markdown.server.ts keeps). */
export function MarkdownHelp() {
  const t = useT().bulletin.markdown;
  return (
    <details className="markdown-help">
      <summary>{t.summary}</summary>
      <ul>
        <li>{t.paragraphs}</li>
        <li>
          <code>{t.headingCode}</code>
          {t.heading}
          <code>###</code>
          {t.subheading}
        </li>
        <li>
          <code>{t.boldCode}</code>
          {t.boldBefore}
          <strong>{t.bold}</strong>, <code>{t.italicCode}</code>
          {t.italicBefore}
          <em>{t.italic}</em>.
        </li>
        <li>
          <code>{t.bulletCode}</code>
          {t.bullet}
          <code>{t.numberedCode}</code>
          {t.numbered}
        </li>
        <li>
          <code>{t.linkCode}</code>
          {t.link}
        </li>
        <li>
          <code>{t.quoteCode}</code>
          {t.quote}
        </li>
      </ul>
      <p className="hint">{t.noImage}</p>
    </details>
  );
}

type ArticleFields = {
  title: FieldMetadata<string | undefined>;
  summary: FieldMetadata<string | undefined>;
  body: FieldMetadata<string | undefined>;
  imageAlt: FieldMetadata<string | undefined>;
  removeImage: FieldMetadata<boolean | undefined>;
};

/** The fields of an article, shared by proposing and editing; the form must be multipart. */
export function ArticleFormFields({
  formId,
  imageErrors,
  fields,
  currentImage,
}: {
  formId: string;
  /** The server's message about the file (too large, not an image); the file itself cannot be kept. */
  imageErrors?: string[];
  fields: ArticleFields;
  currentImage?: { id: number; alt: string } | null;
}) {
  const imageId = `${formId}-image`;
  const imageErrorId = `${imageId}-error`;
  const t = useT().bulletin.fields;
  const format = useFormat();
  return (
    <>
      <TextField meta={fields.title} label={t.title} hint={t.titleHint} />
      <TextAreaField meta={fields.summary} label={t.summary} hint={t.summaryHint} rows={3} />
      <TextAreaField meta={fields.body} label={t.body} hint={t.bodyHint} rows={14} />
      <MarkdownHelp />
      <fieldset className="fieldset">
        <legend>{t.image}</legend>
        {currentImage ? (
          <div>
            <img src={`/images/${currentImage.id}`} alt={currentImage.alt} className="article-image article-image--small" />
            <CheckboxField meta={fields.removeImage} label={t.removeImage} />
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={imageId}>{currentImage ? t.replaceImage : t.chooseImage}</label>
          <p className="hint" id={`${imageId}-hint`}>
            {t.imageHint(format.fileSize(MAX_IMAGE_BYTES))}
          </p>
          <input
            id={imageId}
            type="file"
            name="image"
            accept="image/png,image/jpeg,image/webp,image/gif"
            aria-describedby={[`${imageId}-hint`, imageErrors?.length ? imageErrorId : null].filter(Boolean).join(" ")}
            aria-invalid={imageErrors?.length ? true : undefined}
          />
          {imageErrors?.length ? (
            <p className="field-error" id={imageErrorId}>
              {imageErrors.join(" ")}
            </p>
          ) : null}
        </div>
        <TextField
          meta={fields.imageAlt}
          label={t.imageAlt}
          hint={t.imageAltHint}
        />
      </fieldset>
    </>
  );
}
