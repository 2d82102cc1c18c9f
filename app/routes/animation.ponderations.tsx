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

export const meta: MetaFunction = () => [{ title: "Pondérations du calcul — Maillon" }];

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

const TAKEN_INTO_ACCOUNT = "Les prochaines suggestions et les prochains tours en tiennent compte.";

export async function action({ request }: ActionFunctionArgs) {
  signInFirst(request, "animation.ponderations");
  const formData = await readFormData(request);
  const { pole } = requireAnimatedPole(authorize(request, "animation.ponderations", formData), request);
  const db = getDb();
  if (formData.get("intent") === "reset") {
    resetMatchingWeights(db, pole.id);
    return redirectWithFlash(pageOf(pole.slug), `Les valeurs par défaut sont rétablies. ${TAKEN_INTO_ACCOUNT}`);
  }
  const submission = parseWithZod(formData, { schema: weightsSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const { mentor, club } = submission.value;
  setMatchingWeights(db, pole.id, {
    ...Object.fromEntries(Object.entries(mentor).map(([k, v]) => [`mentor.${k}`, v])),
    ...Object.fromEntries(Object.entries(club).map(([k, v]) => [`club.${k}`, v])),
  });
  return redirectWithFlash(pageOf(pole.slug), `Les pondérations sont enregistrées. ${TAKEN_INTO_ACCOUNT}`);
}

function formatWeight(value: number): string {
  return new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 }).format(value);
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
            return field ? (
              <NumberField
                key={w.key}
                meta={field}
                label={w.label}
                hint={`${w.hint} Par défaut : ${formatWeight(w.defaultValue)}.`}
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
  if (!pole || !weights || !defaults) {
    return <NoAnimatedPole title="Pondérations du calcul" />;
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
  return (
    <div className="container narrow">
      <AnimationPageHeader pole={pole} poles={poles} title={`Pondérations du calcul — ${pole.name}`} />
      <p>
        Chaque critère compte selon son poids : seuls les rapports entre poids importent (un critère de poids 4 pèse deux
        fois plus qu'un critère de poids 2 ; 0 l'ignore). Ces réglages valent pour les projets et les clubs de ce pôle
        seulement ; chaque pôle a les siens.{" "}
        {own
          ? "Ce pôle a ses propres pondérations."
          : "Ce pôle utilise pour l'instant les valeurs par défaut de Maillon."}
      </p>
      <ConformForm form={form} action={pageOf(pole.slug)}>
        <WeightFieldset
          legend="Accompagnement : bénévoles et besoins des projets"
          hint={`Des nombres de 0 à ${MAX_WEIGHT}, au moins un supérieur à 0.`}
          meta={fields.mentor as unknown as FieldMetadata<Record<string, number>>}
          weights={weights.filter((w) => w.side === "mentor")}
        />
        <WeightFieldset
          legend="Financement : clubs d'épargnants et projets"
          hint={`Des nombres de 0 à ${MAX_WEIGHT}, au moins un supérieur à 0.`}
          meta={fields.club as unknown as FieldMetadata<Record<string, number>>}
          weights={weights.filter((w) => w.side === "club")}
        />
        <SubmitButton>Enregistrer les pondérations</SubmitButton>
      </ConformForm>
      <Form method="post" action={pageOf(pole.slug)} className="inline-form reset-weights">
        <input type="hidden" name="intent" value="reset" />
        <button type="submit" className="button button--ghost">
          Rétablir les valeurs par défaut
        </button>
      </Form>
    </div>
  );
}
