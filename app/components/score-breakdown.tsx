import { formatInteger } from "~/domain/format";

export type ScoreCriterion = {
  key: string;
  label: string;
  value: unknown;
  weight: number;
  points: number;
};

function formatValue(value: unknown): string {
  if (typeof value === "boolean") return value ? "oui" : "non";
  if (typeof value === "number") {
    return new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 }).format(value);
  }
  if (value === null || value === undefined) return "—";
  return String(value);
}

/**
 * The matcher's score and why: the French explanation, then each criterion
 * with its value, weight and points, in a table people can read aloud.
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
  return (
    <div className="score">
      <p className="score__value">
        <strong>{formatInteger(Math.round(score))}</strong>
        <span> / 100</span>
        <span className="visually-hidden"> : score de correspondance</span>
      </p>
      <p className="score__explanation">{explanation}</p>
      {criteria.length > 0 ? (
        <details className="score__details">
          <summary>Détail du score</summary>
          <table className="table table--compact" aria-labelledby={`${id}-caption`}>
            <caption id={`${id}-caption`}>Détail du score, critère par critère</caption>
            <thead>
              <tr>
                <th scope="col">Critère</th>
                <th scope="col">Satisfait à</th>
                <th scope="col">Poids</th>
                <th scope="col">Points</th>
              </tr>
            </thead>
            <tbody>
              {criteria.map((c) => (
                <tr key={c.key}>
                  <th scope="row">{c.label}</th>
                  <td>{typeof c.value === "number" && c.value >= 0 && c.value <= 1 ? `${formatInteger(Math.round(c.value * 100))} %` : formatValue(c.value)}</td>
                  <td>{formatValue(c.weight)}</td>
                  <td>{formatValue(c.points)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </div>
  );
}
