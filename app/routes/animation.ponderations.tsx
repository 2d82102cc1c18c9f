import { type FieldMetadata } from "@conform-to/react";
import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { AnimationPageHeader, NoAnimatedPole } from "~/components/animation-page";
import { FieldError, NumberField } from "~/components/ui/field";
import { MAX_WEIGHT } from "~/domain/matching/weights";
import {
  describeMatchingWeights,
  hasOwnMatchingWeights,
  resetMatchingWeights,
  setMatchingWeights,
  type WeightDescription,
} from "~/models/matching.server";
import { weightsSchema } from "~/schemas/animation";
import { loadAnimatedPole, requireAnimatedPole } from "~/guards/animation.server";
import { getDb } from "~/utils/db.server";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyInvalid } from "~/utils/reply.server";
import { readFormData } from "~/utils/http.server";
import { useFormat, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaText(matches).animation.weights.metaTitle }];

/** The form's values, shaped like the schema: { mentor: { distance: "3", … }, club: { … } }. */
function formDefaults(weights: WeightDescription[]) {
  const side = (s: WeightDescription["side"]) =>
    Object.fromEntries(weights.filter((w) => w.side === s).map((w) => [w.key.slice(s.length + 1), String(w.value)]));
  return { mentor: side("mentor"), club: side("club") };
}

/** The page of one pôle's weights (the pôle is in the query, as on /animation). */
const pageOf = (slug: string) => `/animation/ponderations?${new URLSearchParams({ pole: slug })}`;

export function loader({ request }: LoaderFunctionArgs) {
  const { poles, pole } = loadAnimatedPole(authorize(request, "animation.ponderations"), request);
  if (!pole) return { poles, pole, weights: null, defaults: null, own: false };
  const db = getDb();
  const weights = describeMatchingWeights(db, pole.id);
  return { poles, pole, weights, defaults: formDefaults(weights), own: hasOwnMatchingWeights(db, pole.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  signInFirst(request, "animation.ponderations");
  const formData = await readFormData(request);
  const { pole } = requireAnimatedPole(authorize(request, "animation.ponderations", formData), request);
  const db = getDb();
  const t = requestText(request).t.animation.weights;
  if (formData.get("intent") === "reset") {
    resetMatchingWeights(db, pole.id);
    return redirectWithFlash(pageOf(pole.slug), t.reset);
  }
  const submission = parseWithZod(formData, { schema: weightsSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const { mentor, club } = submission.value;
  setMatchingWeights(db, pole.id, {
    ...Object.fromEntries(Object.entries(mentor).map(([k, v]) => [`mentor.${k}`, v])),
    ...Object.fromEntries(Object.entries(club).map(([k, v]) => [`club.${k}`, v])),
  });
  return redirectWithFlash(pageOf(pole.slug), t.saved);
}

/** A criterion's label and hint in the page's language. */
function useCriterionText() {
  const { animation, vocabulary } = useT();
  return (w: WeightDescription) => {
    const name = w.key.slice(w.side.length + 1);
    return w.side === "mentor"
      ? { label: vocabulary.mentorCriterion[name as keyof typeof vocabulary.mentorCriterion], hint: animation.weights.mentorHints[name as keyof typeof animation.weights.mentorHints] }
      : { label: vocabulary.clubCriterion[name as keyof typeof vocabulary.clubCriterion], hint: animation.weights.clubHints[name as keyof typeof animation.weights.clubHints] };
  };
}

function WeightFieldset({
  legend,
  hint,
  meta,
  weights,
}: {
  legend: string;
  hint: string;
  meta: FieldMetadata<Record<string, number>>;
  weights: WeightDescription[];
}) {
  const fields = meta.getFieldset();
  const side = weights[0]?.side ?? "mentor";
  const t = useT().animation.weights;
  const format = useFormat();
  const criterion = useCriterionText();
  const weightFormat = new Intl.NumberFormat(format.intlTag, { maximumFractionDigits: 2 });
  return (
    <div className="field">
      <fieldset aria-describedby={[`${meta.id}-hint`, meta.errors ? meta.errorId : undefined].filter(Boolean).join(" ")}>
        <legend>{legend}</legend>
        <p className="hint" id={`${meta.id}-hint`}>
          {hint}
        </p>
        <FieldError meta={meta} />
        <div className="weight-grid">
          {weights.map((w) => {
            const name = w.key.slice(side.length + 1);
            const field = fields[name];
            const text = criterion(w);
            return field ? (
              <NumberField
                key={w.key}
                meta={field}
                label={text.label}
                hint={t.byDefault(text.hint, weightFormat.format(w.defaultValue))}
                min={0}
                max={MAX_WEIGHT}
                step="any"
              />
            ) : null;
          })}
        </div>
      </fieldset>
    </div>
  );
}

export default function WeightsPage() {
  const { poles, pole, weights, defaults, own } = useLoaderData<typeof loader>();
  const t = useT().animation.weights;
  if (!pole || !weights || !defaults) {
    return <NoAnimatedPole title={t.title} />;
  }
  return <WeightsForm poles={poles} pole={pole} weights={weights} defaults={defaults} own={own} />;
}

function WeightsForm({
  poles,
  pole,
  weights,
  defaults,
  own,
}: {
  poles: { slug: string; name: string }[];
  pole: { slug: string; name: string };
  weights: WeightDescription[];
  defaults: ReturnType<typeof formDefaults>;
  own: boolean;
}) {
  const [form, fields] = useSchemaForm(weightsSchema, { id: "ponderations", defaultValue: defaults });
  const t = useT().animation.weights;
  const format = useFormat();
  const range = t.range(format.integer(MAX_WEIGHT));
  return (
    <div className="container narrow">
      <AnimationPageHeader pole={pole} poles={poles} title={t.titleOf(pole.name)} />
      <p>
        {t.intro} {own ? t.own : t.defaults}
      </p>
      <ConformForm form={form} action={pageOf(pole.slug)}>
        <WeightFieldset
          legend={t.mentorLegend}
          hint={range}
          meta={fields.mentor as unknown as FieldMetadata<Record<string, number>>}
          weights={weights.filter((w) => w.side === "mentor")}
        />
        <WeightFieldset
          legend={t.clubLegend}
          hint={range}
          meta={fields.club as unknown as FieldMetadata<Record<string, number>>}
          weights={weights.filter((w) => w.side === "club")}
        />
        <SubmitButton>{t.submit}</SubmitButton>
      </ConformForm>
      <Form method="post" action={pageOf(pole.slug)} className="inline-form reset-weights">
        <input type="hidden" name="intent" value="reset" />
        <button type="submit" className="button button--ghost">
          {t.resetButton}
        </button>
      </Form>
    </div>
  );
}
