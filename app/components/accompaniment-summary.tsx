/**
 * What a club sees of a project's accompaniment in its deal flow: which skills volunteers
 * accompany (names stay private until an endorsement is published), the hours logged, and the
 * published endorsements with a link to read them on the project page.
 */
import { useFormat, useT } from "~/i18n/context";
import type { EndorsementLevel, MentorshipStatus } from "~/domain/vocabulary";

type AccompanimentJson = {
  mentorships: { skillName: string; status: MentorshipStatus; minutes: number }[];
  mentorCount: number;
  minutes: number;
  endorsements: { mentorName: string; level: EndorsementLevel }[];
};

export function AccompanimentSummary({ accompaniment: a, projectId, title }: { accompaniment: AccompanimentJson | undefined; projectId: number; title: string }) {
  const { mentoring, vocabulary } = useT();
  const t = mentoring.summary;
  const format = useFormat();
  if (!a || (a.mentorCount === 0 && a.endorsements.length === 0)) {
    return <p className="accompaniment">{t.none}</p>;
  }
  return (
    <div className="accompaniment">
      {a.mentorCount > 0 ? (
        <p>
          <strong>{t.accompanied}</strong>
          {t.by(a.mentorCount, format.integer(a.mentorCount))}
          {a.mentorships.map((m) => t.skill(m.skillName, m.status === "acceptee")).join(", ")}
          {" · "}
          {a.minutes > 0 ? t.hours(format.oneDecimal(a.minutes / 60)) : t.noSession}.
        </p>
      ) : null}
      {a.endorsements.length > 0 ? (
        <p>
          <strong>{t.published(a.endorsements.length)}</strong>
          {t.endorsementList(a.endorsements.map((e) => t.endorsement(vocabulary.endorsementLevel[e.level], e.mentorName)).join(", "))}
          <a href={`/projets/${projectId}#recommandations`}>
            {t.read}<span className="visually-hidden"> : {title}</span>
          </a>
        </p>
      ) : (
        <p>{t.noEndorsement}</p>
      )}
    </div>
  );
}
