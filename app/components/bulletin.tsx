import type { FieldMetadata } from "@conform-to/react";
import { ArticleStatusBadge } from "~/components/status-badge";
import { CardList } from "~/components/ui/card-list";
import { CheckboxField, TextAreaField, TextField } from "~/components/ui/field";
import { MAX_IMAGE_BYTES } from "~/domain/bulletin";
import { formatDate, formatFileSize } from "~/domain/format";
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
  return (
    <CardList items={articles} empty={empty} headingLevel={headingLevel} link={(a) => ({ key: a.id, href: `/bulletin/${a.id}`, title: a.title })}>
      {(a) => (
        <>
          <p className="hint">
            {showPole ? `${a.poleName} · ` : ""}
            {a.publishedAt ? `publié le ${formatDate(new Date(a.publishedAt))}` : null}
            {a.authorName ? ` · par ${a.authorName}` : null}
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
  return (
    <CardList
      items={articles}
      headingLevel={headingLevel}
      empty="Vous n'avez encore proposé aucun article."
      link={(a) => ({ key: a.id, href: `/bulletin/${a.id}`, title: a.title })}
    >
      {(a) => (
        <>
          <p>
            <ArticleStatusBadge status={a.status} /> <span className="hint">{a.poleName} · modifié le {formatDate(new Date(a.updatedAt))}</span>
          </p>
          {a.status === "a-revoir" ? (
            <>
              <p>L'équipe d'animation vous demande : « {a.reviewNote} »</p>
              <p>
                <a href={`/bulletin/${a.id}/modifier`}>Modifier « {a.title} » et le renvoyer</a>
              </p>
            </>
          ) : null}
          {a.status === "refuse" && a.reviewNote ? <p>Raison du refus : « {a.reviewNote} »</p> : null}
        </>
      )}
    </CardList>
  );
}

/** A short guide to the Markdown the body accepts (what app/utils/markdown.server.ts keeps). */
export function MarkdownHelp() {
  return (
    <details className="markdown-help">
      <summary>Mettre en forme le texte (Markdown)</summary>
      <ul>
        <li>
          Une ligne vide sépare deux paragraphes.
        </li>
        <li>
          <code>## Intertitre</code> en début de ligne fait un intertitre (<code>###</code> pour un sous-titre).
        </li>
        <li>
          <code>**gras**</code> met en <strong>gras</strong>, <code>*italique*</code> en <em>italique</em>.
        </li>
        <li>
          <code>- élément</code> en début de ligne fait une liste à puces, <code>1. élément</code> une liste numérotée.
        </li>
        <li>
          <code>[texte du lien](https://adresse.fr)</code> fait un lien (adresses en http, https ou mailto).
        </li>
        <li>
          <code>&gt; citation</code> en début de ligne fait une citation.
        </li>
      </ul>
      <p className="hint">Pas d'image dans le texte : l'article en a une seule, choisie plus bas, avec sa description.</p>
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
  return (
    <>
      <TextField meta={fields.title} label="Titre" hint="Court et parlant : « La ressourcerie ouvre ses portes à Saint-Jean-d'Angély »." />
      <TextAreaField meta={fields.summary} label="Résumé" hint="Deux ou trois phrases, affichées dans la liste des articles et dans les flux." rows={3} />
      <TextAreaField meta={fields.body} label="Texte de l'article" hint="En Markdown : voir l'aide ci-dessous." rows={14} />
      <MarkdownHelp />
      <fieldset className="fieldset">
        <legend>Image (facultative)</legend>
        {currentImage ? (
          <div>
            <img src={`/images/${currentImage.id}`} alt={currentImage.alt} className="article-image article-image--small" />
            <CheckboxField meta={fields.removeImage} label="Retirer l'image actuelle" />
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={imageId}>{currentImage ? "Remplacer par une autre image" : "Choisir une image"}</label>
          <p className="hint" id={`${imageId}-hint`}>
            PNG, JPEG, WebP ou GIF, {formatFileSize(MAX_IMAGE_BYTES)} au plus.
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
          label="Description de l'image"
          hint="Obligatoire avec une image : ce qu'elle montre, pour les personnes qui ne la voient pas (« Trois bénévoles trient des vêtements à la ressourcerie »)."
        />
      </fieldset>
    </>
  );
}
