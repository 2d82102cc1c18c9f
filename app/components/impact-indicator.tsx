/**
 * One impact indicator: its figure, progress toward the target, trend, and its figures per period as
 * a bar chart drawn on the server (an SVG with its title and description) beside the same figures in
 * a table, for screen readers and for copying. No inline style: sizes are SVG attributes.
 */
import { barChart, CHART, slotCentres } from "~/domain/impact/chart";
import { PERIODS_SHOWN } from "~/domain/impact/periods";
import type { Formats } from "~/domain/format";
import { useFormat, useSay, useT } from "~/i18n/context";
import type { Messages } from "~/i18n/messages";
import type { ReportedIndicator } from "~/models/indicator.server";
import { ProgressBar } from "./funding-progress";
import { DataTable } from "~/components/ui/data-table";

type Words = { t: Messages["impact"]["indicator"]; vocabulary: Messages["vocabulary"]; format: Formats };

function useWords(): Words {
  const { impact, vocabulary } = useT();
  return { t: impact.indicator, vocabulary, format: useFormat() };
}

/** A figure in the unit people count in: « 1 234,56 € », « 12,5 h », « 40 % ». */
function figure(value: number, unit: ReportedIndicator["unit"], { t, format }: Words): string {
  if (unit === "euros") return format.euros(value);
  if (unit === "heures") return t.hours(format.oneDecimal(value / 60));
  if (unit === "pourcentage") return t.percent(format.integer(value));
  return format.integer(value);
}

/** A tick's label: short, in the unit people count in. */
function tickLabel(value: number, unit: ReportedIndicator["unit"], { t, format }: Words): string {
  if (unit === "euros") return format.wholeEuros(value);
  if (unit === "heures") return t.tickHours(format.oneDecimal(value / 60));
  if (unit === "pourcentage") return t.tickPercent(format.integer(value));
  return format.oneDecimal(value);
}

/** « Total des 12 derniers mois » for a flow, « Dernière valeur connue » otherwise. */
function currentCaption(i: Pick<ReportedIndicator, "kind" | "period">, { t }: Words): string {
  return i.kind === "flux" ? t.flowTotal[i.period](PERIODS_SHOWN[i.period]) : t.lastValue;
}

function chartDescription(i: ReportedIndicator, words: Words): string {
  const { t, vocabulary } = words;
  const label = (k: number) => t.periodLabel(i.periods[k]!.start, i.period);
  const known = i.series.flatMap((v, k) => (v === null ? [] : [{ v, label: label(k) }]));
  const first = label(0);
  const last = label(i.periods.length - 1);
  if (known.length === 0) return t.noFigure(first, last);
  const top = known.reduce((a, b) => (b.v > a.v ? b : a));
  const trend = i.trend ? t.chartTrend(vocabulary.trend[i.trend.direction]) : "";
  const target = i.target !== null && i.kind !== "flux" ? t.chartTarget(figure(i.target, i.unit, words)) : "";
  return t.chartDescription(first, last, figure(top.v, i.unit, words), top.label, trend, target);
}

function Chart({ indicator: i }: { indicator: ReportedIndicator }) {
  const words = useWords();
  const say = useSay();
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
      <title id={titleId}>{`${say(i.name)} — ${words.vocabulary.period[i.period].toLowerCase()}`}</title>
      <desc id={descId}>{chartDescription(i, words)}</desc>
      {g.ticks.map((t) => (
        <g key={t.value} className="impact-chart__tick">
          <line x1={g.plot.x0} x2={g.plot.x1} y1={t.y} y2={t.y} />
          <text x={g.plot.x0 - 4} y={t.y} dy="0.32em" textAnchor="end">
            {tickLabel(t.value, i.unit, words)}
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
            {words.t.periodShortLabel(i.periods[k]!.start, i.period)}
          </text>
        ) : null,
      )}
    </svg>
  );
}

function targetSentence(i: ReportedIndicator, words: Words): string | null {
  if (i.target === null) return null;
  const by = i.targetDate ? words.format.isoDate(i.targetDate) : null;
  return words.t.target(figure(i.target, i.unit, words), by, figure(i.baseline, i.unit, words));
}

export function ImpactIndicator({ indicator: i, headingLevel = 2 }: { indicator: ReportedIndicator; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const headingId = `${i.key}-nom`;
  const entered = i.source === "saisi";
  const words = useWords();
  const say = useSay();
  const { t, vocabulary } = words;
  const target = targetSentence(i, words);
  return (
    <article className="card impact-indicator" aria-labelledby={headingId} id={i.key} data-testid="impact-indicator">
      <Heading id={headingId}>{say(i.name)}</Heading>
      <p className="impact-indicator__figure">
        <strong data-testid="impact-current">{i.current === null ? "—" : figure(i.current, i.unit, words)}</strong>{" "}
        <span className="hint">{currentCaption(i, words)}</span>
      </p>
      <p>{say(i.definition)}</p>
      <ul className="impact-indicator__meta">
        <li>{vocabulary.source[i.source]}</li>
        <li>{vocabulary.period[i.period]}</li>
        {i.valoressDomain ? <li>{t.valoress(vocabulary.valoressDomain[i.valoressDomain])}</li> : null}
        {i.sdg ? <li>{t.sdg(i.sdg, (vocabulary.sdg as Record<number, string | undefined>)[i.sdg] ?? "")}</li> : null}
      </ul>
      {target ? <p>{target}</p> : null}
      {i.progress ? (
        <>
          <ProgressBar
            parts={[{ key: "goal", percent: i.progress.percent }]}
            label={t.progressLabel(i.progress.percent)}
          />
          <p data-testid="impact-progress">
            {i.progress.reached ? t.reached : t.progress(i.progress.percent)}
          </p>
        </>
      ) : null}
      <p>{t.trend(i.trend ? vocabulary.trend[i.trend.direction] : null)}</p>
      <div className="impact-indicator__figures">
        <Chart indicator={i} />
        <DataTable className="table impact-table" data-testid="impact-table" caption={t.caption(say(i.name))}>
          <thead>
            <tr>
              <th scope="col">{t.period}</th>
              <th scope="col">{t.value}</th>
              {entered ? <th scope="col">{t.source}</th> : null}
            </tr>
          </thead>
          <tbody>
            {i.periods.map((p, k) => {
              const v = i.series[k] ?? null;
              return (
                <tr key={p.start}>
                  <th scope="row">{t.periodLabel(p.start, i.period)}</th>
                  <td data-value={v ?? ""}>{v === null ? "—" : figure(v, i.unit, words)}</td>
                  {entered ? <td>{i.notes[k] ?? ""}</td> : null}
                </tr>
              );
            })}
          </tbody>
        </DataTable>
      </div>
    </article>
  );
}
