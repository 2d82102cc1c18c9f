import { INSTRUMENT_LABELS } from "~/domain/clubs/labels";
import type { FundingProgress as Progress } from "~/models/funding-progress.server";
import { formatEuros, plural } from "~/domain/format";
import { NoPaymentNotice } from "./no-payment-notice";

function percentOf(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.min(100, (part * 100) / whole);
}

/**
 * The project's funding: what clubs, direct savers and the cagnotte have
 * committed, against the need, as a stacked bar with its text equivalent.
 */
export function FundingProgress({ progress, projectId, canPledge }: { progress: Progress; projectId: number; canPledge?: boolean }) {
  const { needCents, clubsCents, pledgesCents, cagnotteCents, totalCents } = progress;
  const whole = Math.max(needCents ?? 0, totalCents);
  const parts = [
    { key: "clubs", label: "Clubs d'épargnants", cents: clubsCents },
    { key: "savers", label: "Épargnants en direct", cents: pledgesCents },
    { key: "cagnotte", label: "Cagnotte solidaire", cents: cagnotteCents },
  ];
  const summary =
    needCents !== null
      ? `${formatEuros(totalCents)} engagés sur ${formatEuros(needCents)} recherchés (${Math.floor(percentOf(totalCents, needCents))} %)`
      : `${formatEuros(totalCents)} engagés`;
  return (
    <section className="funding" aria-labelledby="financement-progression">
      <h2 id="financement-progression">Financement engagé</h2>
      <p>
        <strong>{summary}</strong>
      </p>
      <div className="progress" role="img" aria-label={`Progression du financement : ${summary}`}>
        {parts.map((p) =>
          p.cents > 0 ? (
            <span key={p.key} className={`progress__part progress__part--${p.key}`} style={{ width: `${percentOf(p.cents, whole)}%` }} />
          ) : null,
        )}
      </div>
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
