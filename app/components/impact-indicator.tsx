/**
 * One impact indicator: its figure, progress toward the target, trend, and its figures per period as
 * a bar chart drawn on the server (an SVG with its title and description) beside the same figures in
 * a table, for screen readers and for copying. No inline style: sizes are SVG attributes.
 */
import { barChart, CHART, slotCentres } from "~/domain/impact/chart";
import { PERIOD_LABELS, SOURCE_LABELS, sdgLabel, VALORESS_DOMAIN_LABELS } from "~/domain/impact/catalog";
import { formatFigure, TREND_LABELS } from "~/domain/impact/figures";
import { PERIODS_SHOWN } from "~/domain/impact/periods";
import { formatIsoDate, formatWholeEuros, formatInteger, formatOneDecimal } from "~/domain/format";
import type { ReportedIndicator } from "~/models/indicator.server";
import { ProgressBar } from "./funding-progress";

const PERIOD_WORDS = { mois: "derniers mois", trimestre: "derniers trimestres", annee: "dernières années" } as const;

/** A tick's label: short, in the unit people count in. */
function tickLabel(value: number, unit: ReportedIndicator["unit"]): string {
  if (unit === "euros") return formatWholeEuros(value);
  if (unit === "heures") return `${formatOneDecimal(value / 60)} h`;
  if (unit === "pourcentage") return `${formatInteger(value)} %`;
  return formatOneDecimal(value);
}

/** « Sur les 12 derniers mois » for a flow, « Dernière valeur » otherwise. */
export function currentCaption(i: Pick<ReportedIndicator, "kind" | "period">): string {
  return i.kind === "flux" ? `Total des ${PERIODS_SHOWN[i.period]} ${PERIOD_WORDS[i.period]}` : "Dernière valeur connue";
}

function chartDescription(i: ReportedIndicator): string {
  const known = i.series.flatMap((v, k) => (v === null ? [] : [{ v, label: i.periods[k]!.label }]));
  const first = i.periods[0]!.label;
  const last = i.periods.at(-1)!.label;
  if (known.length === 0) return `Aucun chiffre de ${first} à ${last}.`;
  const top = known.reduce((a, b) => (b.v > a.v ? b : a));
  const trend = i.trend ? ` Tendance ${TREND_LABELS[i.trend.direction]}.` : "";
  const target = i.target !== null && i.kind !== "flux" ? ` Ligne pointillée : la cible, ${formatFigure(i.target, i.unit)}.` : "";
  return `Diagramme en barres, une barre par période, de ${first} à ${last}. Valeur la plus haute : ${formatFigure(top.v, i.unit)} (${top.label}).${trend}${target} Les chiffres sont dans le tableau qui suit.`;
}

function Chart({ indicator: i }: { indicator: ReportedIndicator }) {
  // A flow's target is a total over the periods: it is not drawn against one period's bar.
  const target = i.kind === "flux" ? null : i.target;
  const g = barChart(i.series, target, i.unit === "nombre" || i.unit === "pourcentage");
  const centres = slotCentres(i.series.length);
  const titleId = `${i.key}-titre-graphique`;
  const descId = `${i.key}-description-graphique`;
  const every = i.series.length > 8 ? 2 : 1;
  return (
    <svg
      className="impact-chart"
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      viewBox={`0 0 ${CHART.width} ${CHART.height}`}
      focusable="false"
      data-testid="impact-chart"
    >
      <title id={titleId}>{`${i.name} — ${PERIOD_LABELS[i.period].toLowerCase()}`}</title>
      <desc id={descId}>{chartDescription(i)}</desc>
      {g.ticks.map((t) => (
        <g key={t.value} className="impact-chart__tick">
          <line x1={g.plot.x0} x2={g.plot.x1} y1={t.y} y2={t.y} />
          <text x={g.plot.x0 - 4} y={t.y} dy="0.32em" textAnchor="end">
            {tickLabel(t.value, i.unit)}
          </text>
        </g>
      ))}
      {g.bars.map((b) => (
        <rect key={b.index} className="impact-chart__bar" x={b.x} y={b.y} width={b.width} height={b.height} data-value={i.series[b.index]} />
      ))}
      {g.targetY !== null ? <line className="impact-chart__target" x1={g.plot.x0} x2={g.plot.x1} y1={g.targetY} y2={g.targetY} /> : null}
      <line className="impact-chart__axis" x1={g.plot.x0} x2={g.plot.x1} y1={g.baseY} y2={g.baseY} />
      {centres.map((cx, k) =>
        k % every === (i.series.length - 1) % every ? (
          <text key={k} className="impact-chart__label" x={cx} y={g.baseY + 16} textAnchor="middle">
            {i.periods[k]!.shortLabel}
          </text>
        ) : null,
      )}
    </svg>
  );
}

function targetSentence(i: ReportedIndicator): string | null {
  if (i.target === null) return null;
  const by = i.targetDate ? ` au ${formatIsoDate(i.targetDate)}` : "";
  return `Cible : ${formatFigure(i.target, i.unit)}${by}, en partant de ${formatFigure(i.baseline, i.unit)}.`;
}

export function ImpactIndicator({ indicator: i, headingLevel = 2 }: { indicator: ReportedIndicator; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const headingId = `${i.key}-nom`;
  const entered = i.source === "saisi";
  return (
    <article className="card impact-indicator" aria-labelledby={headingId} id={i.key} data-testid="impact-indicator">
      <Heading id={headingId}>{i.name}</Heading>
      <p className="impact-indicator__figure">
        <strong data-testid="impact-current">{i.current === null ? "—" : formatFigure(i.current, i.unit)}</strong>{" "}
        <span className="hint">{currentCaption(i)}</span>
      </p>
      <p>{i.definition}</p>
      <ul className="impact-indicator__meta">
        <li>{SOURCE_LABELS[i.source]}</li>
        <li>{PERIOD_LABELS[i.period]}</li>
        {i.valoressDomain ? <li>VALOR'ESS : {VALORESS_DOMAIN_LABELS[i.valoressDomain]}</li> : null}
        {i.sdg ? <li>{sdgLabel(i.sdg)}</li> : null}
      </ul>
      {targetSentence(i) ? <p>{targetSentence(i)}</p> : null}
      {i.progress ? (
        <>
          <ProgressBar
            parts={[{ key: "goal", percent: i.progress.percent }]}
            label={`Progression vers la cible : ${i.progress.percent} %`}
          />
          <p data-testid="impact-progress">
            {i.progress.reached ? "Cible atteinte." : `Progression vers la cible : ${i.progress.percent} %.`}
          </p>
        </>
      ) : null}
      <p>Tendance sur la période : {i.trend ? TREND_LABELS[i.trend.direction] : "pas assez de chiffres pour le dire"}.</p>
      <div className="impact-indicator__figures">
        <Chart indicator={i} />
        <table className="table impact-table" data-testid="impact-table">
          <caption>{`${i.name} : les chiffres par période`}</caption>
          <thead>
            <tr>
              <th scope="col">Période</th>
              <th scope="col">Valeur</th>
              {entered ? <th scope="col">Source du chiffre</th> : null}
            </tr>
          </thead>
          <tbody>
            {i.periods.map((p, k) => {
              const v = i.series[k] ?? null;
              return (
                <tr key={p.start}>
                  <th scope="row">{p.label}</th>
                  <td data-value={v ?? ""}>{v === null ? "—" : formatFigure(v, i.unit)}</td>
                  {entered ? <td>{i.notes[k] ?? ""}</td> : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </article>
  );
}
