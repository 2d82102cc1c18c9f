import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ArticleFormFields } from "~/components/bulletin";
import { SelectField } from "~/components/ui/field";
import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { isStaffOf } from "~/domain/permissions";
import { readArticleForm } from "~/guards/article-form.server";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { submitArticle } from "~/models/article.server";
import { memberPoleIds } from "~/models/pole-member.server";
import { listTerritoryRefs } from "~/models/territory.server";
import { proposeArticleSchema } from "~/schemas/bulletin";
import type { Auth } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyInvalid, replyRefused } from "~/utils/reply.server";

export const meta: MetaFunction = () => [{ title: "Proposer un article au bulletin — Maillon" }];

/** The pôles whose bulletin this person may write for: those they joined, and those whose team they are on. */
function writablePoles(auth: Auth) {
  const db = getDb();
  const ids = new Set(memberPoleIds(db, auth.user.id));
  for (const id of auth.staffTerritoryIds) if (isStaffOf(auth, id)) ids.add(id);
  return listTerritoryRefs(db, [...ids]);
}

export function loader({ request }: LoaderFunctionArgs) {
  const { auth } = authorize(request, "bulletin.proposer");
  const poles = writablePoles(auth).map((p) => ({ id: p.id, slug: p.slug, name: p.name }));
  const asked = new URL(request.url).searchParams.get("pole");
  return { poles, chosen: poles.find((p) => p.slug === asked)?.id ?? (poles.length === 1 ? poles[0]!.id : undefined) };
}

export async function action({ request }: ActionFunctionArgs) {
  signInFirst(request, "bulletin.proposer");
  const read = await readArticleForm(request, proposeArticleSchema);
  const { auth } = authorize(request, "bulletin.proposer", read.formData);
  if (!read.ok) return replyInvalid(read.reply);
  const { territoryId, title, summary, body, imageAlt } = read.value;
  const pole = listTerritoryRefs(getDb(), [territoryId])[0];
  if (!pole) return replyInvalid(read.submission, { fieldErrors: { territoryId: ["Choisissez le pôle dont le bulletin publiera l'article."] } });
  const outcome = submitArticle(getDb(), auth, pole, { title, summary, body, imageAlt: imageAlt ?? "" }, read.image, new Date());
  if (!outcome.ok) return replyRefused(outcome, { submission: read.submission });
  return redirectWithFlash(
    `/bulletin/${outcome.articleId}`,
    "Merci ! Votre article est envoyé à l'équipe d'animation du pôle : elle le relit et vous dit s'il est publié ou s'il faut le modifier.",
  );
}

export default function ProposeArticle() {
  const { poles, chosen } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(proposeArticleSchema, { id: "article", defaultValue: { territoryId: chosen } });
  return (
    <div className="container narrow">
      <p className="eyebrow">
        <Link to="/bulletin">Le bulletin des pôles</Link>
      </p>
      <h1>Proposer un article</h1>
      {poles.length === 0 ? (
        <p>
          Le bulletin d'un pôle publie les nouvelles de ses membres. <Link to="/poles">Rejoignez d'abord un pôle</Link> en acceptant sa
          charte : vous pourrez ensuite proposer vos articles.
        </p>
      ) : (
        <>
          <p>
            Racontez une nouvelle du pôle : une ouverture, un chantier, une rencontre, un projet qui avance. L'équipe d'animation relit
            chaque article avant de le publier ; elle peut vous demander des modifications.
          </p>
          <ConformForm form={form} encType="multipart/form-data" aria-label="Proposer un article">
            <SelectField
              meta={fields.territoryId}
              label="Bulletin du pôle"
              placeholder={poles.length > 1 ? "Choisissez un pôle" : undefined}
              options={poles.map((p) => ({ value: String(p.id), label: p.name }))}
            />
            <ArticleFormFields formId={form.id} imageErrors={form.allErrors.image} fields={fields} />
            <SubmitButton>Envoyer l'article à l'équipe d'animation</SubmitButton>
          </ConformForm>
        </>
      )}
    </div>
  );
}
