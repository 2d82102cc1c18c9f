/**
 * The project page's « Recommandations des bénévoles »: the endorsements the holder agreed to
 * publish, for everyone; to the holder, a word about those waiting for their answer.
 */
import { ENDORSEMENT_LEVEL_LABELS } from "~/domain/endorsement";
import { formatDate } from "~/domain/format";
import { minutesToHoursLabel } from "~/domain/mentorship";
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
  if (endorsements.length === 0 && pending.length === 0) return null;
  return (
    <section aria-labelledby="recommandations">
      <h2 id="recommandations">Recommandations des bénévoles</h2>
      {pending.map((p) => (
        <p key={p.mentorshipId} className="hint">
          {p.mentorName} a écrit une recommandation qui attend votre accord :{" "}
          <a href={`/accompagnements/${p.mentorshipId}#recommandation`}>la lire et décider de sa publication</a>.
        </p>
      ))}
      {endorsements.length > 0 ? (
        <ul className="endorsement-list plain-list">
          {endorsements.map((e) => (
            <li key={e.id} className="card">
              <h3>« {ENDORSEMENT_LEVEL_LABELS[e.level]} »</h3>
              <p className="hint">
                {e.mentorName}, bénévole en {e.skillName.toLocaleLowerCase("fr-FR")} · {minutesToHoursLabel(e.minutes)} h de suivi ·{" "}
                le {formatDate(new Date(e.writtenAt))}
              </p>
              <h4>Ce que nous avons travaillé</h4>
              <p className="prewrap">{e.workedOn}</p>
              <h4>Comment le projet a progressé</h4>
              <p className="prewrap">{e.progress}</p>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
