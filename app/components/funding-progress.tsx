import { INSTRUMENT_LABELS } from "~/domain/clubs/labels";
import type { FundingProgress as Progress } from "~/models/funding-progress.server";
import { formatEuros, plural } from "~/domain/format";
import { NoPaymentNotice } from "./no-payment-notice";

function percentOf(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.min(100, (part * 100) / whole);
}

type BarAmounts = { needCents: number | null; clubsCents: number; pledgesCents: number; cagnotteCents: number; totalCents: number };

const PARTS = [
  { key: "clubs", label: "Clubs d'épargnants", of: (a: BarAmounts) => a.clubsCents },
  { key: "savers", label: "Épargnants en direct", of: (a: BarAmounts) => a.pledgesCents },
  { key: "cagnotte", label: "Cagnotte solidaire", of: (a: BarAmounts) => a.cagnotteCents },
] as const;

/** « 4 000 € engagés sur 12 000 € recherchés (33 %) », or « 0 € engagés » without a need. */
export function fundingSummary({ needCents, totalCents }: Pick<BarAmounts, "needCents" | "totalCents">): string {
  return needCents !== null
    ? `${formatEuros(totalCents)} engagés sur ${formatEuros(needCents)} recherchés (${Math.floor(percentOf(totalCents, needCents))} %)`
    : `${formatEuros(totalCents)} engagés`;
}

/**
 * A horizontal bar of parts laid end to end, each `percent` of the whole, its text given as its accessible
 * name. Drawn in SVG, the widths as attributes: the pages carry no inline style (style-src 'self').
 */
export function ProgressBar({
  parts,
  label,
  className = "progress",
}: {
  parts: readonly { key: string; percent: number }[];
  label: string;
  className?: string;
}) {
  let x = 0;
  return (
    <svg className={className} role="img" aria-label={label} viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false">
      {parts.map((p) => {
        const rect = <rect key={p.key} className={`progress__part progress__part--${p.key}`} x={x} y={0} width={p.percent} height={10} />;
        x += p.percent;
        return rect;
      })}
    </svg>
  );
}

/** The stacked bar (clubs, savers, cagnotte against the need), its text given as its accessible name. */
export function FundingBar({ amounts, className = "progress" }: { amounts: BarAmounts; className?: string }) {
  const whole = Math.max(amounts.needCents ?? 0, amounts.totalCents);
  const parts = PARTS.filter((p) => p.of(amounts) > 0).map((p) => ({ key: p.key, percent: percentOf(p.of(amounts), whole) }));
  return <ProgressBar parts={parts} label={`Progression du financement : ${fundingSummary(amounts)}`} className={className} />;
}

/**
 * The project's funding: what clubs, direct savers and the cagnotte have
 * committed, against the need, as a stacked bar with its text equivalent.
 */
export function FundingProgress({ progress, projectId, canPledge }: { progress: Progress; projectId: number; canPledge?: boolean }) {
  const parts = PARTS.map((p) => ({ key: p.key, label: p.label, cents: p.of(progress) }));
  const summary = fundingSummary(progress);
  return (
    <section className="funding" aria-labelledby="financement-progression">
      <h2 id="financement-progression">Financement engagé</h2>
      <p>
        <strong>{summary}</strong>
      </p>
      <FundingBar amounts={progress} />
      <ul className="progress-legend">
        {parts.map((p) => (
          <li key={p.key}>
            <span className={`swatch progress__part--${p.key}`} aria-hidden="true" />
            {p.label} : {formatEuros(p.cents)}
            {p.key === "savers" && progress.pledgeCount > 0 ? ` (${plural(progress.pledgeCount, "promesse")})` : null}
          </li>
        ))}
      </ul>
      {progress.clubs.length > 0 ? (
        <>
          <h3>Clubs engagés</h3>
          <ul>
            {progress.clubs.map((c) => (
              <li key={c.clubId}>
                <a href={`/clubs/${c.clubId}`}>{c.clubName}</a> : {formatEuros(c.amountCents)} (
                {c.instruments.map((i) => INSTRUMENT_LABELS[i].toLowerCase()).join(", ")})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {progress.accompanying.length > 0 ? (
        <>
          <h3>Membres de clubs qui suivent l'entreprise</h3>
          <ul>
            {progress.accompanying.map((a) => (
              <li key={`${a.clubName}-${a.displayName}`}>
                {a.displayName} ({a.clubName})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {progress.goalReached ? (
        <p className="alert alert--success" data-testid="objectif-atteint">
          <strong>Objectif atteint.</strong> Le projet ne reçoit plus de promesses ni d'engagements, sauf si la personne qui le porte
          relève son objectif.
        </p>
      ) : progress.remainingCents !== null ? (
        <p>Il reste {formatEuros(progress.remainingCents)} à trouver.</p>
      ) : null}
      {canPledge && !progress.goalReached ? (
        <p>
          <a className="button" href={`/projets/${projectId}/soutenir`}>
            Soutenir ce projet
          </a>
        </p>
      ) : null}
      <NoPaymentNotice />
    </section>
  );
}
