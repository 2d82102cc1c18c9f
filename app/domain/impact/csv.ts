/** The figures of the impact pages as CSV (UTF-8, comma, one header row): one line per indicator and period. */
import { toCsv } from "../agenda";
import type { ImpactMetric, IndicatorPeriod, IndicatorSource, IndicatorUnit, ValoressDomain } from "../vocabulary";
import { csvFigure } from "./figures";
import type { Period } from "./periods";

export type CsvIndicator = {
  name: string;
  metric: ImpactMetric | null;
  unit: IndicatorUnit;
  source: IndicatorSource;
  period: IndicatorPeriod;
  periods: readonly Period[];
  series: readonly (number | null)[];
  notes: readonly (string | null)[];
  baseline: number;
  target: number | null;
  targetDate: string | null;
  valoressDomain: ValoressDomain | null;
  sdg: number | null;
};

/** Units as the file states them: euros with cents, hours to the tenth. */
const CSV_UNITS: Readonly<Record<IndicatorUnit, string>> = { nombre: "nombre", euros: "euros", heures: "heures", pourcentage: "pourcentage" };

export const IMPACT_CSV_HEADER = [
  "pole",
  "indicateur",
  "mesure",
  "unite",
  "source",
  "periodicite",
  "debut_periode",
  "fin_periode",
  "valeur",
  "valeur_depart",
  "cible",
  "date_cible",
  "domaine_valoress",
  "odd",
  "note",
] as const;

export function impactCsv(poleName: string, indicators: readonly CsvIndicator[]): string {
  const rows = indicators.flatMap((i) =>
    i.periods.map((p, k) => [
      poleName,
      i.name,
      i.metric ?? "",
      CSV_UNITS[i.unit],
      i.source,
      i.period,
      p.start,
      p.end,
      csvFigure(i.series[k] ?? null, i.unit),
      csvFigure(i.baseline, i.unit),
      csvFigure(i.target, i.unit),
      i.targetDate ?? "",
      i.valoressDomain ?? "",
      i.sdg === null ? "" : String(i.sdg),
      i.notes[k] ?? "",
    ]),
  );
  return toCsv(IMPACT_CSV_HEADER, rows);
}
