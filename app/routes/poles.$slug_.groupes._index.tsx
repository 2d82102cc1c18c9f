import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CardList } from "~/components/ui/card-list";
import { SelectField, TextAreaField, TextField } from "~/components/ui/field";
import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { plural } from "~/domain/format";
import { isStaffOf } from "~/domain/permissions";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { loadPole } from "~/guards/pole.server";
import { createGroup, listAxesWithGroups } from "~/models/working-group.server";
import { createGroupSchema } from "~/schemas/pole";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyInvalid, replyRefused } from "~/utils/reply.server";
import { readFormData } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Groupes de travail — ${data.pole.name} — Maillon` : "Pôle introuvable — Maillon" },
];

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
  return redirectWithFlash(`/poles/${territory.slug}/groupes/${outcome.slug}`, `Le groupe « ${v.name} » est créé : nommez son coordinateur et ajoutez ses documents.`);
}

export default function WorkingGroups() {
  const { pole, axes, staff } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(createGroupSchema, { id: "create" });
  return (
    <div className="container">
      <p className="eyebrow">
        <Link to={`/poles/${pole.slug}`}>{pole.name}</Link>
      </p>
      <h1>Groupes de travail</h1>
      <p>
        Chaque axe du pôle réunit des groupes de travail ouverts à ses membres : on y avance ensemble sur un sujet, avec un coordinateur.
        Pour entrer dans un groupe, <Link to={`/poles/${pole.slug}/charte`}>rejoignez le pôle</Link>, puis demandez-le depuis la page du groupe.
      </p>
      {axes.map((axis) => (
        <section key={axis.id} aria-labelledby={`axe-${axis.id}`}>
          <h2 id={`axe-${axis.id}`}>{axis.name}</h2>
          {axis.description ? <p>{axis.description}</p> : null}
          <CardList
            items={axis.groups}
            empty="Pas encore de groupe de travail sur cet axe."
            link={(g) => ({ key: g.id, href: `/poles/${pole.slug}/groupes/${g.slug}`, title: g.name })}
          >
            {(g) => (
              <>
                {g.purpose ? <p>{g.purpose}</p> : null}
                <p>
                  {plural(g.memberCount, "membre")}
                  {g.coordinatorName ? ` · coordonné par ${g.coordinatorName}` : " · coordination à pourvoir"}
                </p>
              </>
            )}
          </CardList>
        </section>
      ))}
      {staff && axes.length > 0 ? (
        <section aria-labelledby="nouveau-groupe">
          <h2 id="nouveau-groupe">Créer un groupe de travail</h2>
          <ConformForm form={form} intent="create" aria-labelledby="nouveau-groupe">
            <SelectField meta={fields.axisId} label="Axe" placeholder="Choisissez l'axe" options={axes.map((a) => ({ value: String(a.id), label: a.name }))} />
            <TextField meta={fields.name} label="Nom du groupe" />
            <TextAreaField meta={fields.purpose} label="Objet du groupe (facultatif)" />
            <SubmitButton>Créer le groupe</SubmitButton>
          </ConformForm>
        </section>
      ) : null}
    </div>
  );
}
