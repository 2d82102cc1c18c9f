import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { optionsFrom, SelectField, TextAreaField, TextField } from "~/components/ui/field";
import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { loadPole } from "~/guards/pole.server";
import { getPolePresentation, listEditableAxes, removeAxis, saveAxis, updatePolePresentation, type EditableAxis } from "~/models/pole-page.server";
import { axisSchema, polePresentationSchema, removeAxisSchema } from "~/schemas/pole";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyInvalid, replyRefused, UNKNOWN_INTENT } from "~/utils/reply.server";
import { readFormData } from "~/utils/http.server";
import { useFormat, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaText(matches).poles;
  return [{ title: data ? t.edit.metaTitle(data.pole.name) : t.page.notFoundTitle }];
};

export function loader({ request, params }: LoaderFunctionArgs) {
  const territory = loadPole(authorize(request, "poles.$slug_.modifier"), params.slug);
  const db = getDb();
  return {
    pole: { slug: territory.slug, name: territory.name },
    presentation: getPolePresentation(db, territory.id)!,
    axes: listEditableAxes(db, territory.id),
  };
}

const orNull = (value: string | undefined) => (value ? value : null);

export async function action({ request, params }: ActionFunctionArgs) {
  signInFirst(request, "poles.$slug_.modifier");
  const formData = await readFormData(request);
  const permit = authorize(request, "poles.$slug_.modifier", formData);
  const territory = loadPole(permit, params.slug);
  const db = getDb();
  const here = `/poles/${territory.slug}/modifier`;
  const t = requestText(request).t.poles.edit;
  switch (permit.intent) {
    case "presentation": {
      const submission = parseWithZod(formData, { schema: polePresentationSchema });
      if (submission.status !== "success") return replyInvalid(submission, { formId: "presentation" });
      const v = submission.value;
      const outcome = updatePolePresentation(db, permit.auth, territory.id, {
        description: v.description,
        address: orNull(v.address),
        contactEmail: orNull(v.contactEmail),
        phone: orNull(v.phone),
        website: orNull(v.website),
        openingHours: orNull(v.openingHours),
      });
      if (!outcome.ok) return replyRefused(outcome, { submission, formId: "presentation" });
      return redirectWithFlash(`/poles/${territory.slug}`, t.saved);
    }
    case "axis": {
      const submission = parseWithZod(formData, { schema: axisSchema });
      const formId = `axe-${String(formData.get("axisId") ?? "nouveau") || "nouveau"}`;
      if (submission.status !== "success") return replyInvalid(submission, { formId });
      const v = submission.value;
      const outcome = saveAxis(db, permit.auth, territory.id, { axisId: v.axisId ?? null, name: v.name, description: v.description ?? "", theme: v.theme });
      if (!outcome.ok) return replyRefused(outcome, { submission, formId });
      return redirectWithFlash(`${here}#axes`, v.axisId ? t.axisUpdated(v.name) : t.axisAdded(v.name));
    }
    case "remove-axis": {
      const submission = parseWithZod(formData, { schema: removeAxisSchema });
      if (submission.status !== "success") return replyInvalid(submission, { formId: "remove-axis" });
      const outcome = removeAxis(db, permit.auth, territory.id, submission.value.axisId);
      if (!outcome.ok) return replyRefused(outcome, { formId: `axe-${submission.value.axisId}` });
      return redirectWithFlash(`${here}#axes`, t.axisRemoved(outcome.name));
    }
    default:
      return replyRefused(UNKNOWN_INTENT);
  }
}

function AxisForm({ axis }: { axis: EditableAxis | null }) {
  const { poles, vocabulary } = useT();
  const t = poles.edit;
  const id = `axe-${axis?.id ?? "nouveau"}`;
  const [form, fields] = useSchemaForm(axisSchema, {
    id,
    reply: id,
    defaultValue: axis ? { axisId: axis.id, name: axis.name, description: axis.description, theme: axis.theme } : { theme: "autre" },
  });
  return (
    <ConformForm form={form} intent="axis" aria-label={axis ? t.editAxis(axis.name) : t.addAxis}>
      {axis ? <input type="hidden" name="axisId" value={axis.id} /> : null}
      <TextField meta={fields.name} label={t.axisName} />
      <TextAreaField meta={fields.description} label={t.axisDescription} rows={3} />
      <SelectField meta={fields.theme} label={t.theme} options={optionsFrom(vocabulary.axisTheme)} hint={t.themeHint} />
      <SubmitButton>{axis ? t.saveAxis : t.addAxisSubmit}</SubmitButton>
    </ConformForm>
  );
}

export default function EditPolePage() {
  const { pole, presentation, axes } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(polePresentationSchema, {
    id: "presentation",
    reply: "presentation",
    defaultValue: {
      description: presentation.description,
      address: presentation.address ?? "",
      contactEmail: presentation.contactEmail ?? "",
      phone: presentation.phone ?? "",
      website: presentation.website ?? "",
      openingHours: presentation.openingHours ?? "",
    },
  });
  const t = useT().poles.edit;
  const format = useFormat();
  return (
    <div className="container">
      <p className="eyebrow">
        <Link to={`/poles/${pole.slug}`}>{pole.name}</Link>
      </p>
      <h1>{t.title}</h1>
      <section aria-labelledby="presentation-titre">
        <h2 id="presentation-titre">{t.presentationTitle}</h2>
        <ConformForm form={form} intent="presentation" aria-labelledby="presentation-titre">
          <TextAreaField meta={fields.description} label={t.description} rows={6} />
          <TextField meta={fields.address} label={t.address} autoComplete="street-address" />
          <TextField meta={fields.contactEmail} label={t.contactEmail} type="email" autoComplete="email" />
          <TextField meta={fields.phone} label={t.phone} type="tel" autoComplete="tel" />
          <TextField meta={fields.website} label={t.website} type="url" autoComplete="url" />
          <TextAreaField meta={fields.openingHours} label={t.openingHours} hint={t.openingHoursHint} rows={2} />
          <SubmitButton>{t.savePresentation}</SubmitButton>
        </ConformForm>
      </section>
      <section aria-labelledby="axes">
        <h2 id="axes">{t.axesTitle}</h2>
        {axes.map((axis) => (
          <article key={axis.id} className="card card--spaced" aria-labelledby={`axe-titre-${axis.id}`}>
            <h3 id={`axe-titre-${axis.id}`}>{axis.name}</h3>
            <p>
              {t.groupCount(axis.groupCount, format.integer(axis.groupCount))}{" "}
              <Link to={`/poles/${pole.slug}/groupes`}>{t.seeGroups}</Link>
            </p>
            <AxisForm axis={axis} />
            {axis.groupCount === 0 ? (
              <Form method="post" className="form">
                <input type="hidden" name="intent" value="remove-axis" />
                <input type="hidden" name="axisId" value={axis.id} />
                <button type="submit" className="button button--danger">
                  {t.removeAxis(axis.name)}
                </button>
              </Form>
            ) : null}
          </article>
        ))}
        <h3>{t.newAxis}</h3>
        <AxisForm axis={null} />
      </section>
    </div>
  );
}
