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
import { useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaText(matches).bulletin.propose.metaTitle }];

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
  const t = requestText(request).t.bulletin.propose;
  if (!pole) return replyInvalid(read.submission, { fieldErrors: { territoryId: [t.choosePole] } });
  const outcome = submitArticle(getDb(), auth, pole, { title, summary, body, imageAlt: imageAlt ?? "" }, read.image, new Date());
  if (!outcome.ok) return replyRefused(outcome, { submission: read.submission });
  return redirectWithFlash(`/bulletin/${outcome.articleId}`, t.sent);
}

export default function ProposeArticle() {
  const { poles, chosen } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(proposeArticleSchema, { id: "article", defaultValue: { territoryId: chosen } });
  const t = useT().bulletin.propose;
  return (
    <div className="container narrow">
      <p className="eyebrow">
        <Link to="/bulletin">{t.back}</Link>
      </p>
      <h1>{t.title}</h1>
      {poles.length === 0 ? (
        <p>
          {t.noPoleBefore}
          <Link to="/poles">{t.noPoleLink}</Link>
          {t.noPoleAfter}
        </p>
      ) : (
        <>
          <p>{t.intro}</p>
          <ConformForm form={form} encType="multipart/form-data" aria-label={t.formLabel}>
            <SelectField
              meta={fields.territoryId}
              label={t.pole}
              placeholder={poles.length > 1 ? t.polePlaceholder : undefined}
              options={poles.map((p) => ({ value: String(p.id), label: p.name }))}
            />
            <ArticleFormFields formId={form.id} imageErrors={form.allErrors.image} fields={fields} />
            <SubmitButton>{t.submit}</SubmitButton>
          </ConformForm>
        </>
      )}
    </div>
  );
}
