/**
 * /animation/impact — the pôle's animation team chooses its impact indicators (computed by Maillon,
 * or entered by the team), their baseline, target and period, and enters the figures of its own.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { AnimationPageHeader, NoAnimatedPole } from "~/components/animation-page";
import { optionsFrom, RadioGroupField, SelectField, TextAreaField, TextField } from "~/components/ui/field";
import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import type { Formats } from "~/domain/format";
import { figureInput, parseFigure } from "~/domain/impact/figures";
import { parisIsoDate } from "~/domain/paris-time";
import { IMPACT_METRICS, type IndicatorUnit } from "~/domain/vocabulary";
import { loadAnimatedPole, requireAnimatedPole } from "~/guards/animation.server";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { getIndicator, poleImpactReport, recordIndicatorValue, removeIndicator, saveIndicator, type IndicatorRow } from "~/models/indicator.server";
import { indicatorSchema, indicatorValueSchema, removeIndicatorSchema, storedFigure, unitOf } from "~/schemas/impact";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readFormData, readId } from "~/utils/http.server";
import { replyInvalid, replyRefused, UNKNOWN_INTENT } from "~/utils/reply.server";
import { useFormat, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import type { Messages } from "~/i18n/messages";
import { requestText } from "~/utils/locale.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaText(matches).animation.impact.metaTitle }];

const pageOf = (slug: string) => `/animation/impact?${new URLSearchParams({ pole: slug })}`;

/** The form's values for an indicator being changed. */
function defaultsOf(row: IndicatorRow) {
  return {
    indicatorId: String(row.id),
    source: row.source,
    metric: row.metric ?? undefined,
    name: row.name,
    unit: row.unit,
    definition: row.definition,
    baseline: figureInput(row.baseline, row.unit),
    target: figureInput(row.target, row.unit),
    targetDate: row.targetDate ?? undefined,
    period: row.period,
    valoressDomain: row.valoressDomain ?? undefined,
    sdg: row.sdg === null ? undefined : String(row.sdg),
  };
}

export function loader({ request }: LoaderFunctionArgs) {
  const { poles, pole } = loadAnimatedPole(authorize(request, "animation.impact"), request);
  if (!pole) return { poles, pole, indicators: [], editing: null, today: parisIsoDate(new Date()) };
  const db = getDb();
  const editId = readId(new URL(request.url).searchParams.get("indicateur"));
  const editing = editId ? getIndicator(db, pole.id, editId) : undefined;
  return {
    poles,
    pole,
    indicators: poleImpactReport(db, pole.id, new Date()),
    editing: editing ? { id: editing.id, name: editing.name, defaults: defaultsOf(editing) } : null,
    today: parisIsoDate(new Date()),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  signInFirst(request, "animation.impact");
  const formData = await readFormData(request);
  const permit = authorize(request, "animation.impact", formData);
  const { auth, pole } = requireAnimatedPole(permit, request);
  const db = getDb();
  const intent = permit.intent ?? "";
  const now = new Date();
  const t = requestText(request).t.animation.impact;

  if (intent === "save") {
    const submission = parseWithZod(formData, { schema: indicatorSchema });
    if (submission.status !== "success") return replyInvalid(submission, { formId: "indicateur" });
    const v = submission.value;
    const unit = unitOf(v)!;
    const outcome = saveIndicator(
      db,
      pole.id,
      {
        source: v.source,
        metric: v.source === "calcule" ? (v.metric ?? null) : null,
        name: v.name ?? "",
        unit,
        definition: v.definition ?? "",
        baseline: storedFigure(v.baseline, unit) ?? 0,
        target: storedFigure(v.target, unit),
        targetDate: v.targetDate ?? null,
        period: v.period,
        valoressDomain: v.valoressDomain ?? null,
        sdg: v.sdg ?? null,
      },
      now,
      v.indicatorId,
    );
    if (!outcome.ok) return replyRefused(outcome, { submission, formId: "indicateur" });
    return redirectWithFlash(`${pageOf(pole.slug)}#indicateurs`, v.indicatorId ? t.edited : t.added);
  }
  if (intent === "value") {
    const submission = parseWithZod(formData, { schema: indicatorValueSchema });
    if (submission.status !== "success") return replyInvalid(submission, { formId: "valeur" });
    const v = submission.value;
    const indicator = getIndicator(db, pole.id, v.indicatorId);
    if (!indicator) return replyRefused({ status: 404, message: t.notFound }, { submission, formId: "valeur", field: "indicatorId" });
    const parsed = parseFigure(v.value, indicator.unit);
    if (!parsed.ok) return replyRefused({ status: 400, message: parsed.message }, { submission, formId: "valeur", field: "value" });
    if (v.day > parisIsoDate(now)) return replyRefused({ status: 400, message: t.future }, { submission, formId: "valeur", field: "day" });
    const outcome = recordIndicatorValue(db, pole.id, { indicatorId: indicator.id, day: v.day, value: parsed.value, note: v.note }, auth.user.id, now);
    if (!outcome.ok) return replyRefused(outcome, { submission, formId: "valeur" });
    return redirectWithFlash(`${pageOf(pole.slug)}#indicateurs`, t.valueSaved(indicator.name));
  }
  if (intent === "remove") {
    const submission = parseWithZod(formData, { schema: removeIndicatorSchema });
    if (submission.status !== "success") return replyRefused({ status: 400, message: t.unknown });
    const outcome = removeIndicator(db, pole.id, submission.value.indicatorId);
    if (!outcome.ok) return replyRefused(outcome);
    return redirectWithFlash(`${pageOf(pole.slug)}#indicateurs`, t.removed);
  }
  return replyRefused(UNKNOWN_INTENT);
}

/** A figure in its unit, in the page's language: euros, hours (kept in minutes), a percentage or a count. */
function figureText(t: Messages["animation"]["impact"], format: Formats, value: number, unit: IndicatorUnit): string {
  if (unit === "euros") return format.euros(value);
  if (unit === "heures") return t.hours(format.oneDecimal(value / 60));
  if (unit === "pourcentage") return t.percent(format.integer(value));
  return format.integer(value);
}

function IndicatorForm({ slug, editing }: { slug: string; editing: { id: number; name: string; defaults: ReturnType<typeof defaultsOf> } | null }) {
  const [form, fields] = useSchemaForm(indicatorSchema, {
    id: editing ? `indicateur-${editing.id}` : "indicateur",
    reply: "indicateur",
    defaultValue: editing?.defaults ?? { source: "calcule", period: "trimestre", baseline: "0" },
  });
  const { animation, vocabulary } = useT();
  const t = animation.impact;
  const metricOptions = IMPACT_METRICS.map((m) => ({ value: m, label: vocabulary.impactMetric[m] }));
  const sdgOptions = Object.entries(vocabulary.sdg).map(([n, label]) => ({ value: n, label: t.sdgOption(n, label) }));
  return (
    <ConformForm form={form} intent="save" action={pageOf(slug)} aria-labelledby="formulaire-indicateur">
      {editing ? <input type="hidden" name="indicatorId" value={editing.id} /> : null}
      <RadioGroupField meta={fields.source} legend={t.source} options={optionsFrom(vocabulary.source)} />
      <SelectField meta={fields.metric} label={t.metric} options={metricOptions} placeholder={t.metricPlaceholder} hint={t.metricHint} />
      <TextField meta={fields.name} label={t.name} hint={t.nameHint} />
      <SelectField meta={fields.unit} label={t.unit} options={optionsFrom(vocabulary.unit)} placeholder={t.choose} />
      <TextAreaField meta={fields.definition} label={t.definition} hint={t.definitionHint} rows={3} />
      <TextField meta={fields.baseline} label={t.baseline} hint={t.baselineHint} />
      <TextField meta={fields.target} label={t.target} hint={t.targetHint} />
      <TextField meta={fields.targetDate} type="date" label={t.targetDate} hint={t.dateHint} />
      <RadioGroupField meta={fields.period} legend={t.period} options={optionsFrom(vocabulary.period)} />
      <SelectField meta={fields.valoressDomain} label={t.valoress} options={optionsFrom(vocabulary.valoressDomain)} placeholder={t.none} />
      <SelectField meta={fields.sdg} label={t.sdg} options={sdgOptions} placeholder={t.none} />
      <SubmitButton>{editing ? t.save : t.add}</SubmitButton>
    </ConformForm>
  );
}

function ValueForm({ slug, entered, today }: { slug: string; entered: { value: string; label: string }[]; today: string }) {
  const [form, fields] = useSchemaForm(indicatorValueSchema, { id: "valeur", reply: "valeur", defaultValue: { day: today } });
  const t = useT().animation.impact;
  return (
    <ConformForm form={form} intent="value" action={pageOf(slug)} aria-labelledby="saisir-chiffre">
      <SelectField meta={fields.indicatorId} label={t.indicator} options={entered} placeholder={t.choose} />
      <TextField meta={fields.day} type="date" label={t.day} hint={t.dayHint} />
      <TextField meta={fields.value} label={t.value} hint={t.valueHint} />
      <TextAreaField meta={fields.note} label={t.note} hint={t.noteHint} rows={3} />
      <SubmitButton>{t.saveValue}</SubmitButton>
    </ConformForm>
  );
}

export default function AnimationImpact() {
  const { poles, pole, indicators, editing, today } = useLoaderData<typeof loader>();
  const { animation, vocabulary } = useT();
  const t = animation.impact;
  const format = useFormat();
  if (!pole) return <NoAnimatedPole title={t.title} />;
  const entered = indicators.filter((i) => i.source === "saisi").map((i) => ({ value: String(i.id), label: i.name }));
  return (
    <div className="container narrow">
      <AnimationPageHeader pole={pole} poles={poles} title={t.titleOf(pole.name)} />
      <p>
        {t.introBefore}
        <a href={`/poles/${pole.slug}/impact`}>{t.introLink}</a>
        {t.introAfter}
      </p>
      <section aria-labelledby="indicateurs-titre" id="indicateurs">
        <h2 id="indicateurs-titre">{t.list}</h2>
        {indicators.length === 0 ? (
          <p>{t.noIndicator}</p>
        ) : (
          <ul className="plain-list">
            {indicators.map((i) => (
              <li key={i.key} className="card">
                <strong>{i.name}</strong>
                {t.sourceAndPeriod(vocabulary.source[i.source], vocabulary.period[i.period])}
                {i.current === null ? t.noFigure : t.current(figureText(t, format, i.current, i.unit))}
                {i.target !== null ? t.targetFigure(figureText(t, format, i.target, i.unit), i.progress ? format.integer(i.progress.percent) : null) : ""}
                <p>
                  <a href={`${pageOf(pole.slug)}&indicateur=${i.id}#formulaire-indicateur`}>{t.edit(i.name)}</a>
                </p>
                <Form method="post" action={pageOf(pole.slug)} className="inline-form">
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="indicatorId" value={String(i.id)} />
                  <button type="submit" className="button button--ghost">
                    {t.remove(i.name)}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="formulaire-indicateur">
        <h2 id="formulaire-indicateur">{editing ? t.edit(editing.name) : t.addTitle}</h2>
        {editing ? (
          <p>
            <a href={pageOf(pole.slug)}>{t.addInstead}</a>
          </p>
        ) : null}
        <IndicatorForm key={editing?.id ?? "nouveau"} slug={pole.slug} editing={editing} />
      </section>
      {entered.length > 0 ? (
        <section aria-labelledby="saisir-chiffre">
          <h2 id="saisir-chiffre">{t.enter}</h2>
          <p>{t.enterIntro}</p>
          <ValueForm slug={pole.slug} entered={entered} today={today} />
        </section>
      ) : null}
    </div>
  );
}
