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
import { METRIC_DEFINITIONS, PERIOD_LABELS, SDG_LABELS, SOURCE_LABELS, UNIT_LABELS, VALORESS_DOMAIN_LABELS } from "~/domain/impact/catalog";
import { figureInput, formatFigure, parseFigure } from "~/domain/impact/figures";
import { parisIsoDate } from "~/domain/paris-time";
import { IMPACT_METRICS } from "~/domain/vocabulary";
import { loadAnimatedPole, requireAnimatedPole } from "~/guards/animation.server";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { getIndicator, poleImpactReport, recordIndicatorValue, removeIndicator, saveIndicator, type IndicatorRow } from "~/models/indicator.server";
import { indicatorSchema, indicatorValueSchema, removeIndicatorSchema, storedFigure, unitOf } from "~/schemas/impact";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readFormData, readId } from "~/utils/http.server";
import { replyInvalid, replyRefused, UNKNOWN_INTENT } from "~/utils/reply.server";

export const meta: MetaFunction = () => [{ title: "Indicateurs d'impact — Animation — Maillon" }];

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
    return redirectWithFlash(`${pageOf(pole.slug)}#indicateurs`, v.indicatorId ? "L'indicateur est modifié." : "L'indicateur est ajouté : il figure sur la page d'impact du pôle.");
  }
  if (intent === "value") {
    const submission = parseWithZod(formData, { schema: indicatorValueSchema });
    if (submission.status !== "success") return replyInvalid(submission, { formId: "valeur" });
    const v = submission.value;
    const indicator = getIndicator(db, pole.id, v.indicatorId);
    if (!indicator) return replyRefused({ status: 404, message: "Indicateur introuvable pour ce pôle." }, { submission, formId: "valeur", field: "indicatorId" });
    const parsed = parseFigure(v.value, indicator.unit);
    if (!parsed.ok) return replyRefused({ status: 400, message: parsed.message }, { submission, formId: "valeur", field: "value" });
    if (v.day > parisIsoDate(now)) return replyRefused({ status: 400, message: "Ce jour est dans le futur : saisissez les chiffres d'une période commencée." }, { submission, formId: "valeur", field: "day" });
    const outcome = recordIndicatorValue(db, pole.id, { indicatorId: indicator.id, day: v.day, value: parsed.value, note: v.note }, auth.user.id, now);
    if (!outcome.ok) return replyRefused(outcome, { submission, formId: "valeur" });
    return redirectWithFlash(`${pageOf(pole.slug)}#indicateurs`, `Le chiffre de « ${indicator.name} » est enregistré.`);
  }
  if (intent === "remove") {
    const submission = parseWithZod(formData, { schema: removeIndicatorSchema });
    if (submission.status !== "success") return replyRefused({ status: 400, message: "Indicateur inconnu." });
    const outcome = removeIndicator(db, pole.id, submission.value.indicatorId);
    if (!outcome.ok) return replyRefused(outcome);
    return redirectWithFlash(`${pageOf(pole.slug)}#indicateurs`, "L'indicateur est retiré, avec les chiffres saisis pour lui.");
  }
  return replyRefused(UNKNOWN_INTENT);
}

const METRIC_OPTIONS = IMPACT_METRICS.map((m) => ({ value: m, label: METRIC_DEFINITIONS[m].name }));
const SDG_OPTIONS = Object.entries(SDG_LABELS).map(([n, label]) => ({ value: n, label: `ODD ${n} — ${label}` }));
const METRIC_HINT = "Pour un indicateur calculé : le nom, l'unité et la définition viennent de Maillon si vous les laissez vides.";

function IndicatorForm({ slug, editing }: { slug: string; editing: { id: number; name: string; defaults: ReturnType<typeof defaultsOf> } | null }) {
  const [form, fields] = useSchemaForm(indicatorSchema, {
    id: editing ? `indicateur-${editing.id}` : "indicateur",
    reply: "indicateur",
    defaultValue: editing?.defaults ?? { source: "calcule", period: "trimestre", baseline: "0" },
  });
  return (
    <ConformForm form={form} intent="save" action={pageOf(slug)} aria-labelledby="formulaire-indicateur">
      {editing ? <input type="hidden" name="indicatorId" value={editing.id} /> : null}
      <RadioGroupField meta={fields.source} legend="D'où viennent les chiffres ?" options={optionsFrom(SOURCE_LABELS)} />
      <SelectField meta={fields.metric} label="Ce que Maillon calcule" options={METRIC_OPTIONS} placeholder="Choisir (indicateur calculé)" hint={METRIC_HINT} />
      <TextField meta={fields.name} label="Nom de l'indicateur" hint="Obligatoire pour un indicateur saisi. Par exemple : Tonnes de textiles réemployées." />
      <SelectField meta={fields.unit} label="Unité (indicateur saisi)" options={optionsFrom(UNIT_LABELS)} placeholder="Choisir" />
      <TextAreaField meta={fields.definition} label="Définition" hint="Ce qui est compté, et d'où viennent les chiffres." rows={3} />
      <TextField meta={fields.baseline} label="Valeur de départ" hint="Dans l'unité de l'indicateur ; 0 par défaut. Les euros avec leurs centimes (1500,50), les heures au dixième (12,5)." />
      <TextField meta={fields.target} label="Cible (facultative)" hint="Pour un indicateur qui s'additionne d'une période à l'autre, la cible porte sur le total des périodes affichées." />
      <TextField meta={fields.targetDate} type="date" label="Date de la cible" hint="Au format aaaa-mm-jj." />
      <RadioGroupField meta={fields.period} legend="Période de mesure" options={optionsFrom(PERIOD_LABELS)} />
      <SelectField meta={fields.valoressDomain} label="Domaine VALOR'ESS (facultatif)" options={optionsFrom(VALORESS_DOMAIN_LABELS)} placeholder="Aucun" />
      <SelectField meta={fields.sdg} label="Objectif de développement durable (facultatif)" options={SDG_OPTIONS} placeholder="Aucun" />
      <SubmitButton>{editing ? "Enregistrer l'indicateur" : "Ajouter l'indicateur"}</SubmitButton>
    </ConformForm>
  );
}

function ValueForm({ slug, entered, today }: { slug: string; entered: { value: string; label: string }[]; today: string }) {
  const [form, fields] = useSchemaForm(indicatorValueSchema, { id: "valeur", reply: "valeur", defaultValue: { day: today } });
  return (
    <ConformForm form={form} intent="value" action={pageOf(slug)} aria-labelledby="saisir-chiffre">
      <SelectField meta={fields.indicatorId} label="Indicateur" options={entered} placeholder="Choisir" />
      <TextField meta={fields.day} type="date" label="Un jour de la période concernée" hint="Au format aaaa-mm-jj : le chiffre vaut pour le mois, le trimestre ou l'année qui contient ce jour." />
      <TextField meta={fields.value} label="Valeur" hint="Dans l'unité de l'indicateur : les euros avec leurs centimes (1500,50), les heures au dixième (12,5)." />
      <TextAreaField meta={fields.note} label="Source du chiffre" hint="Comptage, enquête, document : ce qui permet de vérifier le chiffre. Elle est publiée avec lui." rows={3} />
      <SubmitButton>Enregistrer le chiffre</SubmitButton>
    </ConformForm>
  );
}

export default function AnimationImpact() {
  const { poles, pole, indicators, editing, today } = useLoaderData<typeof loader>();
  if (!pole) return <NoAnimatedPole title="Indicateurs d'impact" />;
  const entered = indicators.filter((i) => i.source === "saisi").map((i) => ({ value: String(i.id), label: i.name }));
  return (
    <div className="container narrow">
      <AnimationPageHeader pole={pole} poles={poles} title={`Indicateurs d'impact — ${pole.name}`} />
      <p>
        Les indicateurs choisis ici sont publiés sur <a href={`/poles/${pole.slug}/impact`}>la page d'impact du pôle</a>, avec
        leurs cibles, leur évolution et un fichier CSV des chiffres.
      </p>
      <section aria-labelledby="indicateurs-titre" id="indicateurs">
        <h2 id="indicateurs-titre">Les indicateurs du pôle</h2>
        {indicators.length === 0 ? (
          <p>Le pôle n'a pas encore d'indicateur.</p>
        ) : (
          <ul className="plain-list">
            {indicators.map((i) => (
              <li key={i.key} className="card">
                <strong>{i.name}</strong> — {SOURCE_LABELS[i.source].toLowerCase()}, {PERIOD_LABELS[i.period].toLowerCase()}.{" "}
                {i.current === null ? "Pas encore de chiffre." : `Valeur : ${formatFigure(i.current, i.unit)}.`}
                {i.target !== null ? ` Cible : ${formatFigure(i.target, i.unit)}${i.progress ? ` (${i.progress.percent} %)` : ""}.` : ""}
                <p>
                  <a href={`${pageOf(pole.slug)}&indicateur=${i.id}#formulaire-indicateur`}>Modifier « {i.name} »</a>
                </p>
                <Form method="post" action={pageOf(pole.slug)} className="inline-form">
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="indicatorId" value={String(i.id)} />
                  <button type="submit" className="button button--ghost">
                    Retirer « {i.name} »
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="formulaire-indicateur">
        <h2 id="formulaire-indicateur">{editing ? `Modifier « ${editing.name} »` : "Ajouter un indicateur"}</h2>
        {editing ? (
          <p>
            <a href={pageOf(pole.slug)}>Ajouter plutôt un nouvel indicateur</a>
          </p>
        ) : null}
        <IndicatorForm key={editing?.id ?? "nouveau"} slug={pole.slug} editing={editing} />
      </section>
      {entered.length > 0 ? (
        <section aria-labelledby="saisir-chiffre">
          <h2 id="saisir-chiffre">Saisir un chiffre</h2>
          <p>Pour les indicateurs que l'équipe saisit : un chiffre par période, qui remplace celui saisi avant pour la même période.</p>
          <ValueForm slug={pole.slug} entered={entered} today={today} />
        </section>
      ) : null}
    </div>
  );
}
