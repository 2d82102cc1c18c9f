/**
 * The endorsement part of a mentorship page: the mentor writes or revises it, the holder reads it
 * and publishes or declines it, both see where it stands.
 */
import { Form } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { optionsFrom, RadioGroupField, TextAreaField } from "~/components/ui/field";
import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { useFormat, useT } from "~/i18n/context";
import type { MentorshipSide } from "~/domain/mentorship";
import type { EndorsementLevel, EndorsementStatus } from "~/domain/vocabulary";
import { endorsementSchema } from "~/schemas/endorsement";
import { useFormReply } from "~/utils/reply";

type EndorsementJson = {
  workedOn: string;
  progress: string;
  level: EndorsementLevel;
  status: EndorsementStatus;
  updatedAt: string | Date;
  decidedAt: string | Date | null;
};

export function MentorshipEndorsement({
  endorsement,
  side,
  canWrite,
  endorsable,
  holderName,
  volunteerName,
  projectId,
}: {
  endorsement: EndorsementJson | null;
  side: MentorshipSide | null;
  /** The mentor, in a mentorship that runs or is completed. */
  canWrite: boolean;
  /** The mentorship's state allows an endorsement (for the holder's hint). */
  endorsable: boolean;
  holderName: string;
  volunteerName: string;
  projectId: number;
}) {
  const t = useT().mentoring.endorsement;
  if (!endorsement && !canWrite && !(side === "porteur" && endorsable)) return null;
  return (
    <section aria-labelledby="recommandation" className="endorsement">
      <h2 id="recommandation">{t.title}</h2>
      {!endorsement ? (
        side === "porteur" ? (
          <p>{t.holderIntro(volunteerName)}</p>
        ) : (
          <p>{t.mentorIntro(holderName)}</p>
        )
      ) : (
        <EndorsementText endorsement={endorsement} volunteerName={volunteerName} projectId={projectId} />
      )}
      {endorsement && side === "porteur" && endorsement.status === "proposee" ? <DecisionForm /> : null}
      {canWrite ? <EndorsementForm endorsement={endorsement} holderName={holderName} /> : null}
    </section>
  );
}

function EndorsementText({ endorsement, volunteerName, projectId }: { endorsement: EndorsementJson; volunteerName: string; projectId: number }) {
  const { mentoring, vocabulary } = useT();
  const t = mentoring.endorsement;
  const format = useFormat();
  return (
    <>
      <p>
        <strong>{vocabulary.endorsementStatus[endorsement.status]}</strong>
        {endorsement.status === "publiee" ? (
          <>
            {" "}
            — <a href={`/projets/${projectId}#recommandations`}>{t.seeIt}</a>
          </>
        ) : null}
      </p>
      <blockquote className="message">
        <p className="message__who">
          {t.writtenBy(volunteerName, format.date(new Date(endorsement.updatedAt)), vocabulary.endorsementLevel[endorsement.level])}
        </p>
        <h3>{t.workedOn}</h3>
        <p className="prewrap">{endorsement.workedOn}</p>
        <h3>{t.progress}</h3>
        <p className="prewrap">{endorsement.progress}</p>
      </blockquote>
    </>
  );
}

function DecisionForm() {
  const { message } = useFormReply("decide-endorsement");
  const t = useT().mentoring.endorsement;
  return (
    <Form method="post" className="form" aria-label={t.decisionLabel}>
      {message ? <Alert tone="error">{message}</Alert> : null}
      <input type="hidden" name="intent" value="decide-endorsement" />
      <p>{t.decisionQuestion}</p>
      <div className="actions">
        <button type="submit" name="decision" value="publier" className="button">
          {t.publish}
        </button>
        <button type="submit" name="decision" value="decliner" className="button button--ghost">
          {t.decline}
        </button>
      </div>
    </Form>
  );
}

function EndorsementForm({ endorsement, holderName }: { endorsement: EndorsementJson | null; holderName: string }) {
  const [form, fields] = useSchemaForm(endorsementSchema, {
    id: "recommandation-form",
    reply: "endorse",
    defaultValue: endorsement ? { workedOn: endorsement.workedOn, progress: endorsement.progress, level: endorsement.level } : undefined,
  });
  const { mentoring, vocabulary } = useT();
  const t = mentoring.endorsement;
  return (
    <>
      {endorsement ? (
        <h3 id="modifier-recommandation">{t.edit}</h3>
      ) : (
        <h3 id="modifier-recommandation">{t.write}</h3>
      )}
      {endorsement && endorsement.status !== "proposee" ? (
        <p className="hint">
          {endorsement.status === "publiee"
            ? t.editPublished(holderName)
            : t.editDeclined(holderName)}
        </p>
      ) : null}
      <ConformForm form={form} intent="endorse" aria-labelledby="modifier-recommandation">
        <TextAreaField
          meta={fields.workedOn}
          label={t.workedOnLabel}
          hint={t.workedOnHint}
          rows={4}
        />
        <TextAreaField
          meta={fields.progress}
          label={t.progressLabel}
          hint={t.progressHint}
          rows={4}
        />
        <RadioGroupField meta={fields.level} legend={t.level} options={optionsFrom(vocabulary.endorsementLevel)} />
        <SubmitButton>{endorsement ? t.submitRevision : t.submit}</SubmitButton>
      </ConformForm>
    </>
  );
}
