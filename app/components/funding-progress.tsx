import type { FundingProgress as Progress } from "~/models/funding-progress.server";
import type { Formats } from "~/domain/format";
import { useFormat, useT } from "~/i18n/context";
import type { Messages } from "~/i18n/messages";
import { NoPaymentNotice } from "./no-payment-notice";
import { SignInLink } from "~/components/sign-in-link";

function percentOf(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.min(100, (part * 100) / whole);
}

type BarAmounts = { needCents: number | null; clubsCents: number; pledgesCents: number; cagnotteCents: number; totalCents: number };

type FundingText = Messages["projects"]["funding"];

const PARTS = [
  { key: "clubs", of: (a: BarAmounts) => a.clubsCents },
  { key: "savers", of: (a: BarAmounts) => a.pledgesCents },
  { key: "cagnotte", of: (a: BarAmounts) => a.cagnotteCents },
] as const;

/** « 4 000 € engagés sur 12 000 € recherchés (33 %) », or « 0 € engagés » without a need. */
export function fundingSummary(
  { needCents, totalCents }: Pick<BarAmounts, "needCents" | "totalCents">,
  t: FundingText,
  format: Formats,
): string {
  return needCents !== null
    ? t.summary(format.euros(totalCents), format.euros(needCents), format.integer(Math.floor(percentOf(totalCents, needCents))))
    : t.summaryNoNeed(format.euros(totalCents));
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
  const t = useT().projects.funding;
  const format = useFormat();
  const whole = Math.max(amounts.needCents ?? 0, amounts.totalCents);
  const parts = PARTS.filter((p) => p.of(amounts) > 0).map((p) => ({ key: p.key, percent: percentOf(p.of(amounts), whole) }));
  return <ProgressBar parts={parts} label={t.barLabel(fundingSummary(amounts, t, format))} className={className} />;
}

/**
 * The project's funding: what clubs, direct savers and the cagnotte have
 * committed, against the need, as a stacked bar with its text equivalent.
 */
/** `signInToPledge`: a visitor is shown the way to sign in and support the project. */
export function FundingProgress({
  progress,
  projectId,
  canPledge,
  signInToPledge,
}: {
  progress: Progress;
  projectId: number;
  canPledge?: boolean;
  signInToPledge?: boolean;
}) {
  const { projects, vocabulary } = useT();
  const t = projects.funding;
  const format = useFormat();
  const parts = PARTS.map((p) => ({ key: p.key, label: t[p.key], cents: p.of(progress) }));
  const summary = fundingSummary(progress, t, format);
  return (
    <section className="funding" aria-labelledby="financement-progression">
      <h2 id="financement-progression">{t.title}</h2>
      <p>
        <strong>{summary}</strong>
      </p>
      <FundingBar amounts={progress} />
      <ul className="progress-legend">
        {parts.map((p) => (
          <li key={p.key}>
            <span className={`swatch progress__part--${p.key}`} aria-hidden="true" />
            {t.part(p.label, format.euros(p.cents))}
            {p.key === "savers" && progress.pledgeCount > 0 ? t.pledges(progress.pledgeCount, format.integer(progress.pledgeCount)) : null}
          </li>
        ))}
      </ul>
      {progress.clubs.length > 0 ? (
        <>
          <h3>{t.clubsTitle}</h3>
          <ul>
            {progress.clubs.map((c) => (
              <li key={c.clubId}>
                <a href={`/clubs/${c.clubId}`}>{c.clubName}</a>
                {t.clubAmount(format.euros(c.amountCents), c.instruments.map((i) => vocabulary.instrument[i].toLowerCase()).join(", "))}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {progress.accompanying.length > 0 ? (
        <>
          <h3>{t.accompanyingTitle}</h3>
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
          <strong>{t.goalReached}</strong> {t.goalReachedText}
        </p>
      ) : progress.remainingCents !== null ? (
        <p>{t.remaining(format.euros(progress.remainingCents))}</p>
      ) : null}
      {canPledge && !progress.goalReached ? (
        <p>
          <a className="button" href={`/projets/${projectId}/soutenir`}>
            {t.support}
          </a>
        </p>
      ) : signInToPledge && !progress.goalReached ? (
        <p>
          {t.saverQuestion} <SignInLink to={`/projets/${projectId}/soutenir`}>{t.signIn}</SignInLink>{" "}
          {t.toSupport}
        </p>
      ) : null}
      <NoPaymentNotice />
    </section>
  );
}
