import type { ReactNode } from "react";
import { formatIsoDate, plural } from "~/domain/format";
import { formatVoteResult, GOVERNANCE_BODY_KIND_LABELS } from "~/domain/governance";
import type { GovernanceBodyKind } from "~/domain/vocabulary";

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

/** « depuis le 1 janvier 2025 », « du 1 janvier 2025 au 31 décembre 2026 », « à partir du 1 septembre 2026 ». */
export function mandateDates(m: Pick<MandateItem, "startsOn" | "endsOn" | "current">, today: string): string {
  if (m.startsOn > today) return m.endsOn ? `du ${formatIsoDate(m.startsOn)} au ${formatIsoDate(m.endsOn)}` : `à partir du ${formatIsoDate(m.startsOn)}`;
  return m.endsOn ? `du ${formatIsoDate(m.startsOn)} au ${formatIsoDate(m.endsOn)}` : `depuis le ${formatIsoDate(m.startsOn)}`;
}

/** Who holds a seat: person, organisation, position, dates; `action` adds a control to each (ending a mandate). */
export function MandateList({ mandates, today, action }: { mandates: readonly MandateItem[]; today: string; action?: (m: MandateItem) => ReactNode }) {
  if (mandates.length === 0) return <p>Aucun mandat en cours.</p>;
  return (
    <ul className="plain-list">
      {mandates.map((m) => (
        <li key={m.id} className="session-list__item">
          <span>
            <strong>{m.displayName}</strong>, {m.position}
            {m.organisation ? (
              <>
                {" "}
                pour <a href={`/organisations/${m.organisation.slug}`}>{m.organisation.name}</a>
              </>
            ) : null}{" "}
            <span className="hint">({mandateDates(m, today)})</span>
          </span>
          {action?.(m)}
        </li>
      ))}
    </ul>
  );
}

/** The decisions log of a body, newest first; internal decisions carry a badge. */
export function DecisionLog({ decisions, headingLevel = 4 }: { decisions: readonly DecisionItem[]; headingLevel?: 3 | 4 }) {
  if (decisions.length === 0) return <p>Aucune décision consignée pour l'instant.</p>;
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <ol className="decision-log" reversed>
      {decisions.map((d) => {
        const vote = formatVoteResult(d);
        return (
          <li key={d.id}>
            <Heading>
              {d.subject} {d.internal ? <span className="badge badge--warning">Interne</span> : null}
            </Heading>
            <p className="hint">
              Le <time dateTime={d.decidedOn}>{formatIsoDate(d.decidedOn)}</time>
              {vote ? ` · vote : ${vote}` : " · sans vote"}
            </p>
            <p className="prewrap">{d.decision}</p>
          </li>
        );
      })}
    </ol>
  );
}

export type BodySummaryItem = { id: number; kind: GovernanceBodyKind; name: string; currentMandates: number; publicDecisions: number };

/** The pôle page's governance section: each body, its seats held today, its public decisions, and the link to the whole. */
export function GovernanceSummary({ bodies, poleSlug }: { bodies: readonly BodySummaryItem[]; poleSlug: string }) {
  return (
    <>
      {bodies.length === 0 ? (
        <p>Le pôle n'a pas encore décrit ses instances.</p>
      ) : (
        <ul>
          {bodies.map((b) => (
            <li key={b.id}>
              <strong>{b.name}</strong>
              {b.name !== GOVERNANCE_BODY_KIND_LABELS[b.kind] ? ` (${GOVERNANCE_BODY_KIND_LABELS[b.kind].toLowerCase()})` : null} —{" "}
              {plural(b.currentMandates, "membre")}, {plural(b.publicDecisions, "décision publique", "décisions publiques")}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={`/poles/${poleSlug}/gouvernance`}>La gouvernance du pôle : instances, mandats et décisions</a>
      </p>
    </>
  );
}
