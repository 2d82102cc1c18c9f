import type { Formats } from "~/domain/format";
import { useFormat, useSay, useT } from "~/i18n/context";
import type { Messages } from "~/i18n/messages";

export type ScoreCriterion = {
  key: string;
  label: string;
  value: unknown;
  weight: number;
  points: number;
};

function formatValue(value: unknown, common: Messages["common"], format: Formats): string {
  if (typeof value === "boolean") return (value ? common.yes : common.no).toLowerCase();
  if (typeof value === "number") {
    return new Intl.NumberFormat(format.intlTag, { maximumFractionDigits: 2 }).format(value);
  }
  if (value === null || value === undefined) return "—";
  return String(value);
}

/** An explanation's parts (« · » between them, « ; » inside the support part), each in the page's language. */
function sayExplanation(explanation: string, say: (french: string) => string): string {
  return explanation
    .split(" · ")
    .map((part) => part.split(" ; ").map(say).join(" ; "))
    .join(" · ");
}

/**
 * The matcher's score and why: its explanation (written in French by the matcher, shown part by part
 * in the page's language), then each criterion with its value, weight and points, in a table people
 * can read aloud.
 */
export function ScoreBreakdown({
  id,
  score,
  explanation,
  criteria,
}: {
  id: string;
  score: number;
  explanation: string;
  criteria: readonly ScoreCriterion[];
}) {
  const { mentoring, common } = useT();
  const t = mentoring.score;
  const format = useFormat();
  const say = useSay();
  return (
    <div className="score">
      <p className="score__value">
        <strong>{format.integer(Math.round(score))}</strong>
        <span> / 100</span>
        <span className="visually-hidden">{t.srLabel}</span>
      </p>
      <p className="score__explanation">{sayExplanation(explanation, say)}</p>
      {criteria.length > 0 ? (
        <details className="score__details">
          <summary>{t.details}</summary>
          <table className="table table--compact" aria-labelledby={`${id}-caption`}>
            <caption id={`${id}-caption`}>{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.criterion}</th>
                <th scope="col">{t.satisfied}</th>
                <th scope="col">{t.weight}</th>
                <th scope="col">{t.points}</th>
              </tr>
            </thead>
            <tbody>
              {criteria.map((c) => (
                <tr key={c.key}>
                  <th scope="row">{say(c.label)}</th>
                  <td>
                    {typeof c.value === "number" && c.value >= 0 && c.value <= 1
                      ? t.percent(format.integer(Math.round(c.value * 100)))
                      : formatValue(c.value, common, format)}
                  </td>
                  <td>{formatValue(c.weight, common, format)}</td>
                  <td>{formatValue(c.points, common, format)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </div>
  );
}
