import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CardList } from "~/components/ui/card-list";
import { SelectField, TextAreaField, TextField } from "~/components/ui/field";
import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { isStaffOf } from "~/domain/permissions";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { loadPole } from "~/guards/pole.server";
import { createGroup, listAxesWithGroups } from "~/models/working-group.server";
import { createGroupSchema } from "~/schemas/pole";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyInvalid, replyRefused } from "~/utils/reply.server";
import { readFormData } from "~/utils/http.server";
import { useFormat, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaText(matches).poles;
  return [{ title: data ? t.groups.metaTitle(data.pole.name) : t.page.notFoundTitle }];
};

export function loader({ request, params }: LoaderFunctionArgs) {
  const permit = authorize(request, "poles.$slug_.groupes._index");
  const territory = loadPole(permit, params.slug);
  return {
    pole: { slug: territory.slug, name: territory.name },
    axes: listAxesWithGroups(getDb(), territory.id),
    staff: isStaffOf(permit.auth, territory.id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  signInFirst(request, "poles.$slug_.groupes._index");
  const formData = await readFormData(request);
  const permit = authorize(request, "poles.$slug_.groupes._index", formData);
  const territory = loadPole(permit, params.slug);
  const submission = parseWithZod(formData, { schema: createGroupSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const v = submission.value;
  const outcome = createGroup(getDb(), permit.auth, territory.id, { axisId: v.axisId, name: v.name, purpose: v.purpose ?? "" }, new Date());
  if (!outcome.ok) return replyRefused(outcome, { submission });
  return redirectWithFlash(`/poles/${territory.slug}/groupes/${outcome.slug}`, requestText(request).t.poles.groups.created(v.name));
}

export default function WorkingGroups() {
  const { pole, axes, staff } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(createGroupSchema, { id: "create" });
  const t = useT().poles.groups;
  const format = useFormat();
  return (
    <div className="container">
      <p className="eyebrow">
        <Link to={`/poles/${pole.slug}`}>{pole.name}</Link>
      </p>
      <h1>{t.title}</h1>
      <p>
        {t.introBefore} <Link to={`/poles/${pole.slug}/charte`}>{t.introLink}</Link>
        {t.introAfter}
      </p>
      {axes.map((axis) => (
        <section key={axis.id} aria-labelledby={`axe-${axis.id}`}>
          <h2 id={`axe-${axis.id}`}>{axis.name}</h2>
          {axis.description ? <p>{axis.description}</p> : null}
          <CardList
            items={axis.groups}
            empty={t.none}
            link={(g) => ({ key: g.id, href: `/poles/${pole.slug}/groupes/${g.slug}`, title: g.name })}
          >
            {(g) => (
              <>
                {g.purpose ? <p>{g.purpose}</p> : null}
                <p>
                  {t.members(g.memberCount, format.integer(g.memberCount))}
                  {g.coordinatorName ? t.coordinatedBy(g.coordinatorName) : t.noCoordinator}
                </p>
              </>
            )}
          </CardList>
        </section>
      ))}
      {staff && axes.length > 0 ? (
        <section aria-labelledby="nouveau-groupe">
          <h2 id="nouveau-groupe">{t.createTitle}</h2>
          <ConformForm form={form} intent="create" aria-labelledby="nouveau-groupe">
            <SelectField meta={fields.axisId} label={t.axis} placeholder={t.axisPlaceholder} options={axes.map((a) => ({ value: String(a.id), label: a.name }))} />
            <TextField meta={fields.name} label={t.name} />
            <TextAreaField meta={fields.purpose} label={t.purpose} />
            <SubmitButton>{t.create}</SubmitButton>
          </ConformForm>
        </section>
      ) : null}
    </div>
  );
}
