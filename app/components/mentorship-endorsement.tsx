/**
 * The endorsement part of a mentorship page: the mentor writes or revises it, the holder reads it
 * and publishes or declines it, both see where it stands.
 */
import { Form } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { optionsFrom, RadioGroupField, TextAreaField } from "~/components/ui/field";
import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { ENDORSEMENT_LEVEL_LABELS, ENDORSEMENT_STATUS_LABELS } from "~/domain/endorsement";
import { formatDate } from "~/domain/format";
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
  if (!endorsement && !canWrite && !(side === "porteur" && endorsable)) return null;
  return (
    <section aria-labelledby="recommandation" className="endorsement">
      <h2 id="recommandation">Recommandation du projet</h2>
      {!endorsement ? (
        side === "porteur" ? (
          <p>
            {volunteerName} peut écrire une recommandation de votre projet : ce que vous avez travaillé ensemble, vos
            progrès. Rien n'est publié sans votre accord ; une fois publiée, elle figure sur la page du projet et compte pour
            les clubs d'épargnants.
          </p>
        ) : (
          <p>
            Dites ce que vous avez travaillé avec {holderName} et comment son projet a progressé : les clubs d'épargnants
            demandent d'abord qui accompagne un projet. Votre recommandation est publiée sur la page du projet seulement si{" "}
            {holderName} l'accepte.
          </p>
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
  return (
    <>
      <p>
        <strong>{ENDORSEMENT_STATUS_LABELS[endorsement.status]}</strong>
        {endorsement.status === "publiee" ? (
          <>
            {" "}
            — <a href={`/projets/${projectId}#recommandations`}>la voir sur la page du projet</a>
          </>
        ) : null}
      </p>
      <blockquote className="message">
        <p className="message__who">
          {volunteerName}, le {formatDate(new Date(endorsement.updatedAt))} : « {ENDORSEMENT_LEVEL_LABELS[endorsement.level]} »
        </p>
        <h3>Ce que nous avons travaillé</h3>
        <p className="prewrap">{endorsement.workedOn}</p>
        <h3>Comment le projet a progressé</h3>
        <p className="prewrap">{endorsement.progress}</p>
      </blockquote>
    </>
  );
}

function DecisionForm() {
  const { message } = useFormReply("decide-endorsement");
  return (
    <Form method="post" className="form" aria-label="Publier ou décliner la recommandation">
      {message ? <Alert tone="error">{message}</Alert> : null}
      <input type="hidden" name="intent" value="decide-endorsement" />
      <p>Acceptez-vous que cette recommandation figure sur la page publique du projet ?</p>
      <div className="actions">
        <button type="submit" name="decision" value="publier" className="button">
          Publier la recommandation
        </button>
        <button type="submit" name="decision" value="decliner" className="button button--ghost">
          Ne pas la publier
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
  return (
    <>
      {endorsement ? (
        <h3 id="modifier-recommandation">Modifier ma recommandation</h3>
      ) : (
        <h3 id="modifier-recommandation">Écrire ma recommandation</h3>
      )}
      {endorsement && endorsement.status !== "proposee" ? (
        <p className="hint">
          {endorsement.status === "publiee"
            ? `Une fois modifiée, elle est retirée de la page du projet jusqu'à ce que ${holderName} accepte la nouvelle version.`
            : `Une fois modifiée, elle est de nouveau proposée à ${holderName}.`}
        </p>
      ) : null}
      <ConformForm form={form} intent="endorse" aria-labelledby="modifier-recommandation">
        <TextAreaField
          meta={fields.workedOn}
          label="Ce que vous avez travaillé ensemble"
          hint="Par exemple : le prévisionnel, le choix du statut, la préparation du rendez-vous bancaire."
          rows={4}
        />
        <TextAreaField
          meta={fields.progress}
          label="Comment le porteur ou la porteuse a progressé"
          hint="Ce qu'il ou elle sait faire maintenant, les étapes franchies."
          rows={4}
        />
        <RadioGroupField meta={fields.level} legend="Votre recommandation" options={optionsFrom(ENDORSEMENT_LEVEL_LABELS)} />
        <SubmitButton>{endorsement ? "Enregistrer et proposer la nouvelle version" : "Proposer ma recommandation"}</SubmitButton>
      </ConformForm>
    </>
  );
}
