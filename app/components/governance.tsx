import type { ReactNode } from "react";
import type { Formats } from "~/domain/format";
import { GOVERNANCE_BODY_KIND_LABELS } from "~/domain/governance";
import type { GovernanceBodyKind } from "~/domain/vocabulary";
import { useFormat, useT } from "~/i18n/context";
import type { Messages } from "~/i18n/messages";

export type MandateItem = {
  id: number;
  displayName: string;
  organisation: { slug: string; name: string } | null;
  position: string;
  startsOn: string;
  endsOn: string | null;
  current: boolean;
};

export type DecisionItem = {
  id: number;
  decidedOn: string;
  subject: string;
  decision: string;
  votesFor: number | null;
  votesAgainst: number | null;
  votesAbstain: number | null;
  internal: boolean;
};

type GovernanceText = Messages["poles"]["governance"];

/** « depuis le 1 janvier 2025 », « du 1 janvier 2025 au 31 décembre 2026 », « à partir du 1 septembre 2026 ». */
function mandateDates(m: Pick<MandateItem, "startsOn" | "endsOn">, today: string, t: GovernanceText, format: Formats): string {
  const start = format.isoDate(m.startsOn);
  if (m.endsOn) return t.fromTo(start, format.isoDate(m.endsOn));
  return m.startsOn > today ? t.startingOn(start) : t.since(start);
}

/** « · vote : 8 pour, 1 contre, 2 abstentions », or « · sans vote » when no count was recorded. */
function voteText(d: DecisionItem, t: GovernanceText, format: Formats): string {
  if (d.votesFor === null && d.votesAgainst === null && d.votesAbstain === null) return t.noVote;
  const abstain = d.votesAbstain ?? 0;
  return t.vote(format.integer(d.votesFor ?? 0), format.integer(d.votesAgainst ?? 0), abstain, format.integer(abstain));
}

/** Who holds a seat: person, organisation, position, dates; `action` adds a control to each (ending a mandate). */
export function MandateList({ mandates, today, action }: { mandates: readonly MandateItem[]; today: string; action?: (m: MandateItem) => ReactNode }) {
  const t = useT().poles.governance;
  const format = useFormat();
  if (mandates.length === 0) return <p>{t.noMandate}</p>;
  return (
    <ul className="plain-list">
      {mandates.map((m) => (
        <li key={m.id} className="session-list__item">
          <span>
            <strong>{m.displayName}</strong>, {m.position}
            {m.organisation ? (
              <>
                {" "}
                {t.for} <a href={`/organisations/${m.organisation.slug}`}>{m.organisation.name}</a>
              </>
            ) : null}{" "}
            <span className="hint">({mandateDates(m, today, t, format)})</span>
          </span>
          {action?.(m)}
        </li>
      ))}
    </ul>
  );
}

/** The decisions log of a body, newest first; internal decisions carry a badge. */
export function DecisionLog({ decisions, headingLevel = 4 }: { decisions: readonly DecisionItem[]; headingLevel?: 3 | 4 }) {
  const t = useT().poles.governance;
  const format = useFormat();
  if (decisions.length === 0) return <p>{t.noDecision}</p>;
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <ol className="decision-log" reversed>
      {decisions.map((d) => (
        <li key={d.id}>
          <Heading>
            {d.subject} {d.internal ? <span className="badge badge--warning">{t.internal}</span> : null}
          </Heading>
          <p className="hint">
            {t.decidedOn} <time dateTime={d.decidedOn}>{format.isoDate(d.decidedOn)}</time>
            {voteText(d, t, format)}
          </p>
          <p className="prewrap">{d.decision}</p>
        </li>
      ))}
    </ol>
  );
}

export type BodySummaryItem = { id: number; kind: GovernanceBodyKind; name: string; currentMandates: number; publicDecisions: number };

/** The pôle page's governance section: each body, its seats held today, its public decisions, and the link to the whole. */
export function GovernanceSummary({ bodies, poleSlug }: { bodies: readonly BodySummaryItem[]; poleSlug: string }) {
  const { poles, vocabulary } = useT();
  const t = poles.governance;
  const format = useFormat();
  return (
    <>
      {bodies.length === 0 ? (
        <p>{t.noBody}</p>
      ) : (
        <ul>
          {bodies.map((b) => (
            <li key={b.id}>
              <strong>{b.name}</strong>
              {b.name !== GOVERNANCE_BODY_KIND_LABELS[b.kind] ? ` (${vocabulary.governanceBodyKind[b.kind].toLowerCase()})` : null} —{" "}
              {t.bodyFigures(b.currentMandates, format.integer(b.currentMandates), b.publicDecisions, format.integer(b.publicDecisions))}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={`/poles/${poleSlug}/gouvernance`}>{t.link}</a>
      </p>
    </>
  );
}
