/** The impact forms: a pôle's indicators and the team's figures (/animation/impact), the holder's follow-up (/projets/:id/suivi). */
import { z } from "zod";
import { METRIC_DEFINITIONS } from "~/domain/impact/catalog";
import { parseFigure } from "~/domain/impact/figures";
import {
  IMPACT_METRICS,
  INDICATOR_PERIODS,
  INDICATOR_SOURCES,
  INDICATOR_UNITS,
  TURNOVER_BANDS,
  VALORESS_DOMAINS,
  type IndicatorUnit,
} from "~/domain/vocabulary";
import { id } from "./id";
import { isValidIsoDate } from "./project";
import { optionalText, requiredText, text } from "./text";

const isoDate = (required: string) => text("line", required).refine(isValidIsoDate, { error: "Indiquez une date valide, par exemple 2026-12-31." });
const figure = (what: string) => text().max(20, { error: `${what} est trop longue.` }).optional();

export const indicatorSchema = z
  .object({
    intent: z.literal("save"),
    indicatorId: id("Indicateur inconnu.").optional(),
    source: z.enum(INDICATOR_SOURCES, { error: "Dites si Maillon calcule les chiffres ou si l'équipe les saisit." }),
    metric: z.enum(IMPACT_METRICS, { error: "Choisissez ce que l'indicateur compte." }).optional(),
    name: optionalText(120, "Le nom", "title"),
    unit: z.enum(INDICATOR_UNITS, { error: "Choisissez l'unité." }).optional(),
    definition: optionalText(1000, "La définition", "multiline"),
    baseline: figure("La valeur de départ"),
    target: figure("La cible"),
    targetDate: isoDate("Indiquez la date de la cible.").optional(),
    period: z.enum(INDICATOR_PERIODS, { error: "Choisissez la période de mesure." }),
    valoressDomain: z.enum(VALORESS_DOMAINS, { error: "Domaine inconnu." }).optional(),
    sdg: z.number({ error: "Choisissez un ODD de 1 à 17." }).int({ error: "Choisissez un ODD de 1 à 17." }).min(1, { error: "Choisissez un ODD de 1 à 17." }).max(17, { error: "Choisissez un ODD de 1 à 17." }).optional(),
  })
  .superRefine((v, ctx) => {
    const at = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (v.source === "calcule" && !v.metric) at("metric", "Choisissez ce que l'indicateur compte.");
    if (v.source === "saisi") {
      if (!v.name || v.name.length < 3) at("name", "Donnez un nom à l'indicateur (au moins 3 caractères).");
      if (!v.unit) at("unit", "Choisissez l'unité.");
      if (!v.definition || v.definition.length < 10) at("definition", "Dites ce que l'indicateur mesure et d'où viennent les chiffres (au moins 10 caractères).");
    }
    const unit = unitOf(v);
    if (!unit) return;
    for (const field of ["baseline", "target"] as const) {
      const typed = v[field];
      if (!typed) continue;
      const parsed = parseFigure(typed, unit);
      if (!parsed.ok) at(field, parsed.message);
    }
    if (v.target && !v.targetDate) at("targetDate", "Indiquez la date à laquelle la cible doit être atteinte.");
    if (v.targetDate && !v.target) at("target", "Indiquez la cible à atteindre à cette date.");
  });

export type IndicatorForm = z.infer<typeof indicatorSchema>;

/** The unit the figures are typed in: the metric's for a computed indicator, the chosen one otherwise. */
export function unitOf(v: Pick<IndicatorForm, "source" | "metric" | "unit">): IndicatorUnit | undefined {
  return v.source === "calcule" ? (v.metric ? METRIC_DEFINITIONS[v.metric].unit : undefined) : v.unit;
}

/** A figure the schema has checked → its stored integer (null when left empty). */
export function storedFigure(typed: string | undefined, unit: IndicatorUnit): number | null {
  if (!typed) return null;
  const parsed = parseFigure(typed, unit);
  return parsed.ok ? parsed.value : null;
}

export const NOTE_MAX = 1000;

/** The team's figure for a period of an entered indicator, with where it comes from. */
export const indicatorValueSchema = z.object({
  intent: z.literal("value"),
  indicatorId: id("Choisissez l'indicateur."),
  day: isoDate("Indiquez un jour de la période concernée."),
  value: text("line", "Indiquez la valeur.").min(1, { error: "Indiquez la valeur." }).max(20, { error: "La valeur est trop longue." }),
  note: requiredText("Dites d'où vient ce chiffre (comptage, enquête, document).", 5, NOTE_MAX, "La note", "multiline"),
});

export const removeIndicatorSchema = z.object({ intent: z.literal("remove"), indicatorId: id("Indicateur inconnu.") });

/** The holder's launch date. */
export const launchSchema = z.object({
  intent: z.literal("launch"),
  launchedOn: isoDate("Indiquez le jour où l'activité a démarré."),
});

/** The holder's answer at 6, 12 or 36 months. */
export const followUpSchema = z.object({
  intent: z.literal("answer"),
  milestone: z.enum(["6", "12", "36"], { error: "Choisissez l'échéance du suivi." }),
  jobsCreated: z
    .number({ error: "Indiquez le nombre d'emplois créés, 0 s'il n'y en a pas encore." })
    .int({ error: "Indiquez un nombre entier d'emplois (équivalents temps plein arrondis)." })
    .min(0, { error: "Le nombre d'emplois ne peut pas être négatif." })
    .max(10_000, { error: "Indiquez au plus 10 000 emplois." }),
  turnoverBand: z.enum(TURNOVER_BANDS, { error: "Choisissez la tranche de chiffre d'affaires." }),
  stillActive: z.enum(["oui", "non"], { error: "Dites si l'activité se poursuit." }),
  comment: optionalText(1000, "Le commentaire", "multiline"),
});
