import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { optionsFrom, RadioGroupField, TextField } from "~/components/ui/field";
import { removeFundingNeed, saveFundingNeed } from "~/models/project.server";
import { listProjectPledges } from "~/models/pledge.server";
import { DataTable } from "~/components/ui/data-table";
import { fundingNeedSchema } from "~/schemas/project";
import { getDb } from "~/utils/db.server";
import { loadEditableProject } from "~/guards/project.server";
import { validateFundingForm } from "~/guards/project-form.server";
import { centsToInput } from "~/schemas/money";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyInvalid, replyRefused } from "~/utils/reply.server";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { readFormData } from "~/utils/http.server";
import { useFormat, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: metaText(matches).funding.need.metaTitle }];

export function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = loadEditableProject(authorize(request, "projets.$id.financement"), params.id);
  const funding = project.fundingNeed;
  return {
    project: { id: project.id, title: project.title },
    exists: funding !== null,
    defaults: {
      amount: centsToInput(funding?.amountCents),
      kind: funding?.kind ?? "",
      neededBy: funding?.neededBy ?? "",
      companyCapital: centsToInput(funding?.companyCapitalCents),
    },
    // The guard above lets only the holder through: the savers' addresses go nowhere else.
    pledges: listProjectPledges(getDb(), project.id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  signInFirst(request, "projets.$id.financement");
  const formData = await readFormData(request);
  const { project } = loadEditableProject(authorize(request, "projets.$id.financement", formData), params.id);
  const db = getDb();
  const t = requestText(request).t.funding.need;
  if (formData.get("intent") === "remove") {
    const removed = removeFundingNeed(db, project.id, new Date());
    if (!removed.ok) return replyRefused(removed);
    return redirectWithFlash(`/projets/${project.id}#financement`, t.removed);
  }
  const result = validateFundingForm(formData);
  if (!result.ok) return replyInvalid(result.reply);
  const saved = saveFundingNeed(db, project.id, result.input, new Date());
  if (!saved.ok) return replyRefused(saved, { submission: result.submission });
  return redirectWithFlash(`/projets/${project.id}#financement`, t.saved);
}

export default function FundingNeed() {
  const { project, exists, defaults, pledges } = useLoaderData<typeof loader>();
  const format = useFormat();
  const [form, fields] = useSchemaForm(fundingNeedSchema, { id: "financement", defaultValue: defaults });
  const { funding, vocabulary } = useT();
  const t = funding.need;
  return (
    <div className="container narrow">
      <p>
        <a href={`/projets/${project.id}`}>{t.back}</a>
      </p>
      <h1>{t.title}</h1>
      <p>{t.intro(project.title)}</p>
      <ConformForm form={form} intent="save">
        <TextField
          meta={fields.amount}
          label={t.amount}
          hint={t.amountHint}
          inputProps={{ inputMode: "decimal" }}
        />
        <RadioGroupField meta={fields.kind} legend={t.kind} options={optionsFrom(vocabulary.fundingKind)} />
        <TextField
          meta={fields.neededBy}
          label={t.neededBy}
          hint={t.neededByHint}
        />
        <TextField
          meta={fields.companyCapital}
          label={t.companyCapital}
          hint={t.companyCapitalHint}
          inputProps={{ inputMode: "decimal" }}
        />
        <SubmitButton>{t.submit}</SubmitButton>
      </ConformForm>
      {exists ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="remove" />
          <button type="submit" className="button button--danger">
            {t.remove}
          </button>
        </Form>
      ) : null}
      <section id="promesses" aria-labelledby="promesses-titre">
        <h2 id="promesses-titre">{t.pledgesTitle}</h2>
        {pledges.length === 0 ? (
          <p>{t.pledgesEmpty}</p>
        ) : (
          <>
            <p>{t.pledgesIntro}</p>
            <DataTable caption={t.pledgesCaption}>
              <thead>
                <tr>
                  <th scope="col">{t.saverColumn}</th>
                  <th scope="col">{t.emailColumn}</th>
                  <th scope="col">{t.amountColumn}</th>
                  <th scope="col">{t.kindColumn}</th>
                  <th scope="col">{t.dateColumn}</th>
                </tr>
              </thead>
              <tbody>
                {pledges.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      {p.saverName}
                      {p.message ? (
                        <span className="hint">{t.saverMessage(p.message)}</span>
                      ) : null}
                    </th>
                    <td>
                      <a href={`mailto:${p.saverEmail}`}>{p.saverEmail}</a>
                    </td>
                    <td>{format.euros(p.amountCents)}</td>
                    <td>{vocabulary.fundingKind[p.kind]}</td>
                    <td>{format.date(new Date(p.createdAt))}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </>
        )}
      </section>
    </div>
  );
}
