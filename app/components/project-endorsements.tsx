/**
 * The project page's « Recommandations des bénévoles »: the endorsements the holder agreed to
 * publish, for everyone; to the holder, a word about those waiting for their answer.
 */
import { useFormat, useT } from "~/i18n/context";
import type { EndorsementLevel } from "~/domain/vocabulary";

type PublishedJson = {
  id: number;
  mentorName: string;
  skillName: string;
  minutes: number;
  workedOn: string;
  progress: string;
  level: EndorsementLevel;
  writtenAt: string | Date;
};

export function ProjectEndorsements({
  endorsements,
  pending,
}: {
  endorsements: PublishedJson[];
  /** For the holder only: endorsements waiting for their answer. */
  pending: { mentorshipId: number; mentorName: string }[];
}) {
  const { mentoring, vocabulary } = useT();
  const t = mentoring.projectEndorsements;
  const format = useFormat();
  if (endorsements.length === 0 && pending.length === 0) return null;
  return (
    <section aria-labelledby="recommandations">
      <h2 id="recommandations">{t.title}</h2>
      {pending.map((p) => (
        <p key={p.mentorshipId} className="hint">
          {t.pending(p.mentorName)}
          <a href={`/accompagnements/${p.mentorshipId}#recommandation`}>{t.pendingLink}</a>
          {t.pendingAfter}
        </p>
      ))}
      {endorsements.length > 0 ? (
        <ul className="endorsement-list plain-list">
          {endorsements.map((e) => (
            <li key={e.id} className="card">
              <h3>{t.level(vocabulary.endorsementLevel[e.level])}</h3>
              <p className="hint">
                {t.byline(e.mentorName, e.skillName, format.oneDecimal(e.minutes / 60), format.date(new Date(e.writtenAt)))}
              </p>
              <h4>{t.workedOn}</h4>
              <p className="prewrap">{e.workedOn}</p>
              <h4>{t.progress}</h4>
              <p className="prewrap">{e.progress}</p>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
