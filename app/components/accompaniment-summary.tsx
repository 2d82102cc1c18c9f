/**
 * What a club sees of a project's accompaniment in its deal flow: which skills volunteers
 * accompany (names stay private until an endorsement is published), the hours logged, and the
 * published endorsements with a link to read them on the project page.
 */
import { ENDORSEMENT_LEVEL_LABELS } from "~/domain/endorsement";
import { plural } from "~/domain/format";
import { minutesToHoursLabel } from "~/domain/mentorship";
import type { EndorsementLevel, MentorshipStatus } from "~/domain/vocabulary";

type AccompanimentJson = {
  mentorships: { skillName: string; status: MentorshipStatus; minutes: number }[];
  mentorCount: number;
  minutes: number;
  endorsements: { mentorName: string; level: EndorsementLevel }[];
};

export function AccompanimentSummary({ accompaniment: a, projectId, title }: { accompaniment: AccompanimentJson | undefined; projectId: number; title: string }) {
  if (!a || (a.mentorCount === 0 && a.endorsements.length === 0)) {
    return <p className="accompaniment">Pas d'accompagnement bénévole en cours ni mené à son terme.</p>;
  }
  return (
    <div className="accompaniment">
      {a.mentorCount > 0 ? (
        <p>
          <strong>Accompagné</strong> par {plural(a.mentorCount, "bénévole")} :{" "}
          {a.mentorships.map((m) => `${m.skillName.toLocaleLowerCase("fr-FR")} (${m.status === "acceptee" ? "en cours" : "terminé"})`).join(", ")}
          {" · "}
          {a.minutes > 0 ? `${minutesToHoursLabel(a.minutes)} h de suivi` : "pas encore de rencontre notée"}.
        </p>
      ) : null}
      {a.endorsements.length > 0 ? (
        <p>
          <strong>{a.endorsements.length > 1 ? "Recommandations publiées" : "Recommandation publiée"}</strong> :{" "}
          {a.endorsements.map((e) => `« ${ENDORSEMENT_LEVEL_LABELS[e.level]} » (${e.mentorName})`).join(", ")} —{" "}
          <a href={`/projets/${projectId}#recommandations`}>
            les lire<span className="visually-hidden"> : {title}</span>
          </a>
        </p>
      ) : (
        <p>Aucune recommandation publiée.</p>
      )}
    </div>
  );
}
