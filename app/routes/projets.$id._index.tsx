import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { FundingProgress } from "~/components/funding-progress";
import { ScoreBreakdown } from "~/components/score-breakdown";
import { OfferHelpForm } from "~/components/offer-help-form";
import { MentorshipStatusBadge, NeedStatusBadge, ProjectStatusBadge } from "~/components/status-badge";
import { SKILL_LEVEL_LABELS } from "~/domain/mentorship";
import {
  canCloseProject,
  canEditProject,
  canSeeProjectContact,
  FUNDING_KIND_LABELS,
  isProjectOwner,
  LEGAL_FORM_LABELS,
  NEED_PRIORITY_LABELS,
  PROJECT_KIND_LABELS,
  PROJECT_STAGE_LABELS,
} from "~/domain/project";
import { closeDueVotesOnProject } from "~/models/club-vote.server";
import { getProjectFundingProgress } from "~/models/funding-progress.server";
import { suggestMentorsForNeed, type MentorSuggestion } from "~/models/matching.server";
import { listMentorshipsForProject, requestMentorship, type MentorshipSummary } from "~/models/mentorship.server";
import { closeProject, publishProject, type SkillNeedView } from "~/models/project.server";
import { hasVolunteerProfile } from "~/models/volunteer.server";
import { mentorshipRequestSchema } from "~/schemas/mentorship";
import { hasRole } from "~/domain/permissions";
import { getDb } from "~/utils/db.server";
import { formatDate, formatEuros, formatInteger } from "~/domain/format";
import { loadProject } from "~/guards/project.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { useFormReply } from "~/utils/reply";
import { UNKNOWN_INTENT, replyInvalid, replyRefused } from "~/utils/reply.server";
import { Alert } from "~/components/ui/alert";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { ProjectEndorsements } from "~/components/project-endorsements";
import { listPendingEndorsements, listPublishedEndorsements } from "~/models/endorsement.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.project.title} — Maillon` : "Projet introuvable — Maillon" },
];

const SUGGESTIONS_PER_NEED = 3;

/** The matcher's best mentors for an open need, less those already asked (they show as requests). */
function suggestionsFor(need: SkillNeedView, requests: MentorshipSummary[]): MentorSuggestion[] {
  const asked = new Set(
    requests.filter((m) => m.needId === need.id && (m.status === "demande" || m.status === "acceptee")).map((m) => m.volunteerId),
  );
  return suggestMentorsForNeed(getDb(), need.id, { limit: SUGGESTIONS_PER_NEED + asked.size })
    .filter((s) => !asked.has(s.volunteerId))
    .slice(0, SUGGESTIONS_PER_NEED);
}

export function loader({ request, params }: LoaderFunctionArgs) {
  const { auth, project, viewer } = loadProject(authorize(request, "projets.$id._index"), params.id);
  const db = getDb();
  const isOwner = isProjectOwner(viewer, project);
  const seesAllRequests = isOwner || viewer.isTerritoryStaff || viewer.isAdmin;
  const allRequests = listMentorshipsForProject(db, project.id);
  const requests = seesAllRequests ? allRequests : allRequests.filter((m) => m.volunteerId === auth?.user.id);
  const openNeeds = project.skillNeeds.filter((n) => n.status === "ouvert");
  const suggestions: Record<string, MentorSuggestion[]> =
    isOwner && project.status === "publie"
      ? Object.fromEntries(openNeeds.map((n) => [String(n.id), suggestionsFor(n, allRequests)]))
      : {};
  const canOffer =
    !!auth && !isOwner && project.status === "publie" && hasRole(auth, "benevole");
  // Clubs' votes on the project past their deadline close first: the progress counts their commitments.
  closeDueVotesOnProject(db, project.id, new Date());
  const { owner, ...rest } = project;
  return {
    project: rest,
    ownerName: owner.displayName,
    contactEmail: canSeeProjectContact(viewer, project) ? owner.email : null,
    isOwner,
    canEdit: canEditProject(viewer, project),
    canClose: isOwner && canCloseProject(project),
    requests,
    suggestions,
    canOffer,
    hasProfile: auth ? hasVolunteerProfile(db, auth.user.id) : false,
    signedIn: !!auth,
    fundingProgress: getProjectFundingProgress(db, project.id),
    canPledge: !!auth && !isOwner && project.status === "publie" && hasRole(auth, "epargnant"),
    endorsements: listPublishedEndorsements(db, project.id),
    pendingEndorsements: isOwner ? listPendingEndorsements(db, project.id) : [],
  };
}

const PROJECT_DONE = {
  published: "Votre projet est publié : les bénévoles, épargnants et clubs de votre pôle peuvent le voir.",
  closed: "Le projet est clos.",
  requested: "Votre demande est envoyée. Vous serez accompagné dès que la personne l'aura acceptée.",
};

/** The request and offer forms are one per need. */
const needFormId = (intent: "request" | "offer", needId: number) => `${intent}-${needId}`;

export async function action({ request, params }: ActionFunctionArgs) {
  signInFirst(request, "projets.$id._index");
  const formData = await request.formData();
  const { auth, project } = loadProject(authorize(request, "projets.$id._index", formData), params.id);
  const db = getDb();
  const intent = String(formData.get("intent") ?? "");
  const now = new Date();

  if (intent === "publish") {
    const result = publishProject(db, project.id, now);
    if (!result.ok) return replyRefused(result);
    return redirectWithFlash(`/projets/${project.id}`, PROJECT_DONE.published);
  }
  if (intent === "close") {
    if (!canCloseProject(project)) return replyRefused({ status: 409, message: "Ce projet est déjà clos." });
    closeProject(db, project.id, now);
    return redirectWithFlash(`/projets/${project.id}`, PROJECT_DONE.closed);
  }
  if (intent === "request" || intent === "offer") {
    const submission = parseWithZod(formData, { schema: mentorshipRequestSchema });
    if (submission.status !== "success") {
      const errors = submission.error ? Object.values(submission.error).flat() : [];
      // The need is unknown, so the page says it rather than one need's form.
      return replyInvalid(submission, { formErrors: [errors.join(" ") || "Demande invalide."] });
    }
    const { needId, volunteerId, message } = submission.value;
    if (!project.skillNeeds.some((n) => n.id === needId)) {
      return replyRefused({ status: 404, message: "Ce besoin n'appartient pas à ce projet." }, { formId: needFormId(intent, needId) });
    }
    const target = intent === "offer" ? auth.user.id : volunteerId;
    if (target === undefined) {
      return replyRefused({ status: 400, message: "Choisissez un ou une bénévole." }, { formId: needFormId(intent, needId) });
    }
    const result = requestMentorship(
      db,
      { needId, volunteerId: target, initiatedBy: intent === "offer" ? "benevole" : "porteur", message: message ?? "" },
      now,
    );
    if (!result.ok) return replyRefused(result, { formId: needFormId(intent, needId) });
    return intent === "offer"
      ? redirectWithFlash(`/accompagnements/${result.id}`, "Votre proposition d'aide est envoyée au porteur ou à la porteuse du projet.")
      : redirectWithFlash(`/projets/${project.id}#besoins`, PROJECT_DONE.requested);
  }
  return replyRefused(UNKNOWN_INTENT);
}

export default function ProjectPage() {
  const loaderData = useLoaderData<typeof loader>();
  const { project, isOwner } = loaderData;
  const { message: generalError } = useFormReply();

  return (
    <div className="container">
      <p className="eyebrow">{PROJECT_KIND_LABELS[project.kind]}</p>
      <h1>{project.title}</h1>
      <p className="project-meta">
        <ProjectStatusBadge status={project.status} /> {project.communeName} · {project.activityDomainName} · porté par{" "}
        {loaderData.ownerName}
      </p>
      {generalError ? <Alert tone="error">{generalError}</Alert> : null}
      <p className="lead">{project.pitch}</p>
      {project.description ? <p className="prewrap">{project.description}</p> : null}

      {isOwner ? <OwnerActions /> : null}

      <h2>En bref</h2>
      <dl className="details">
        <dt>Étape</dt>
        <dd>{PROJECT_STAGE_LABELS[project.stage]}</dd>
        <dt>Forme juridique envisagée</dt>
        <dd>{LEGAL_FORM_LABELS[project.legalForm]}</dd>
        <dt>Commune</dt>
        <dd>
          {project.communeName} ({project.communePostalCode})
        </dd>
        <dt>Accompagnement à distance</dt>
        <dd>{project.remoteOk ? "Possible" : "Non, de préférence sur place"}</dd>
        <dt>Emplois prévus</dt>
        <dd>{formatInteger(project.jobsExpected)}</dd>
        <dt>Contact</dt>
        <dd>
          {loaderData.contactEmail ? (
            <a href={`mailto:${loaderData.contactEmail}`}>{loaderData.contactEmail}</a>
          ) : loaderData.signedIn ? (
            "Réservé aux membres du pôle, à son équipe d'animation et aux bénévoles qui accompagnent le projet."
          ) : (
            <>
              Réservé aux membres du pôle :{" "}
              <a href={`/connexion?redirectTo=${encodeURIComponent(`/projets/${project.id}`)}`}>connectez-vous</a>.
            </>
          )}
        </dd>
      </dl>

      {project.seeksPartners ? (
        <section aria-labelledby="associes">
          <h2 id="associes">Je cherche des associés</h2>
          <p className="prewrap">{project.partnersNote || "Le porteur ou la porteuse cherche des associés pour entreprendre à plusieurs."}</p>
        </section>
      ) : null}

      <NeedsSection />
      <ProjectEndorsements endorsements={loaderData.endorsements} pending={loaderData.pendingEndorsements} />
      <FundingSection />
    </div>
  );
}

function OwnerActions() {
  const { project, canEdit, canClose } = useLoaderData<typeof loader>();
  return (
    <div className="actions">
      {canEdit ? (
        <a className="button button--ghost" href={`/projets/${project.id}/modifier`}>
          Modifier le projet
        </a>
      ) : null}
      {project.status === "brouillon" ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="publish" />
          <button type="submit" className="button">
            Publier le projet
          </button>
        </Form>
      ) : null}
      {canClose && project.status === "publie" ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="close" />
          <button type="submit" className="button button--ghost">
            Clore le projet
          </button>
        </Form>
      ) : null}
    </div>
  );
}

function NeedsSection() {
  const { project, canEdit, requests, signedIn } = useLoaderData<typeof loader>();
  const hasOpenNeed = project.skillNeeds.some((n) => n.status === "ouvert");
  return (
    <section aria-labelledby="besoins">
      <h2 id="besoins">Besoins de compétences</h2>
      {!signedIn && project.status === "publie" && hasOpenNeed ? (
        <p>
          Vous êtes bénévole ? <a href={`/connexion?redirectTo=${encodeURIComponent(`/projets/${project.id}`)}`}>Connectez-vous</a>{" "}
          pour proposer votre aide.
        </p>
      ) : null}
      {project.skillNeeds.length === 0 ? <p>Aucun besoin de compétence pour l'instant.</p> : null}
      <ul className="need-list">
        {project.skillNeeds.map((need) => (
          <li key={need.id} className="card need">
            <h3>
              {need.skillName} <NeedStatusBadge status={need.status} />
            </h3>
            <p>
              Priorité {NEED_PRIORITY_LABELS[need.priority].toLowerCase()} · {formatInteger(need.hoursPerMonth)} h par mois
            </p>
            {need.expectation ? <p className="prewrap">{need.expectation}</p> : null}
            {canEdit ? (
              <p>
                <a href={`/projets/${project.id}/besoins/${need.id}`}>
                  Modifier ou retirer<span className="visually-hidden"> le besoin {need.skillName}</span>
                </a>
              </p>
            ) : null}
            <NeedRequests requests={requests.filter((m) => m.needId === need.id)} />
            <NeedSuggestions need={need} />
            <OfferHelp need={need} />
          </li>
        ))}
      </ul>
      {canEdit ? (
        <p>
          <a className="button button--ghost" href={`/projets/${project.id}/besoins/nouveau`}>
            Ajouter un besoin de compétence
          </a>
        </p>
      ) : null}
    </section>
  );
}

function NeedRequests({ requests }: { requests: MentorshipSummaryJson[] }) {
  if (requests.length === 0) return null;
  return (
    <>
      <h4>Demandes et accompagnements</h4>
      <ul className="plain-list">
        {requests.map((m) => (
          <li key={m.id}>
            <a href={`/accompagnements/${m.id}`}>{m.volunteerName}</a> <MentorshipStatusBadge status={m.status} />{" "}
            <span className="hint">
              {m.initiatedBy === "benevole" ? "proposition d'aide" : "demande envoyée"} le {formatDate(new Date(m.requestedAt))}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

type MentorshipSummaryJson = ReturnType<typeof useLoaderData<typeof loader>>["requests"][number];
type NeedJson = ReturnType<typeof useLoaderData<typeof loader>>["project"]["skillNeeds"][number];

function NeedSuggestions({ need }: { need: NeedJson }) {
  const { suggestions, isOwner, project } = useLoaderData<typeof loader>();
  const { message: error } = useFormReply(`request-${need.id}`);
  if (!isOwner || need.status !== "ouvert") return null;
  if (project.status !== "publie") {
    return <p className="hint">Publiez le projet pour voir les bénévoles que Maillon vous propose.</p>;
  }
  const list = suggestions[String(need.id)] ?? [];
  return (
    <div className="suggestions">
      <h4>Bénévoles suggérés</h4>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {list.length === 0 ? (
        <p>Aucun bénévole disponible ne correspond pour l'instant. L'équipe d'animation peut vous aider.</p>
      ) : (
        <ol className="suggestion-list">
          {list.map((s) => (
            <li key={s.volunteerId} className="suggestion">
              <p className="suggestion__name">
                <strong>{s.displayName}</strong>{" "}
                <span className="hint">
                  niveau {SKILL_LEVEL_LABELS[s.skillLevel].toLowerCase()}
                  {` · ${s.distanceText} · `}
                  {formatInteger(s.activeMentorships)} accompagnement{s.activeMentorships > 1 ? "s" : ""} en cours sur{" "}
                  {formatInteger(s.maxMentorships)}
                </span>
              </p>
              <ScoreBreakdown
                id={`score-${need.id}-${s.volunteerId}`}
                score={s.score}
                explanation={s.explanation}
                criteria={s.criteria}
              />
              <Form method="post" className="request-form">
                <input type="hidden" name="intent" value="request" />
                <input type="hidden" name="needId" value={need.id} />
                <input type="hidden" name="volunteerId" value={s.volunteerId} />
                <details className="request-message">
                  <summary>Ajouter un message pour {s.displayName}</summary>
                  <div className="field">
                    <label htmlFor={`message-${need.id}-${s.volunteerId}`}>
                      Message pour {s.displayName} (facultatif)
                    </label>
                    <textarea id={`message-${need.id}-${s.volunteerId}`} name="message" rows={2} maxLength={1000} />
                  </div>
                </details>
                <div>
                  <button type="submit" className="button">
                    Demander à {s.displayName}
                  </button>
                </div>
              </Form>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function OfferHelp({ need }: { need: NeedJson }) {
  const { canOffer, hasProfile, requests } = useLoaderData<typeof loader>();
  const { message: error } = useFormReply(`offer-${need.id}`);
  if (!canOffer || need.status !== "ouvert") return null;
  const mine = requests.find((m) => m.needId === need.id && (m.status === "demande" || m.status === "acceptee"));
  if (mine) {
    return (
      <p>
        <a href={`/accompagnements/${mine.id}`}>Voir ma proposition</a>
      </p>
    );
  }
  if (!hasProfile) {
    return (
      <p>
        <a href="/benevoles/profil">Complétez votre profil de bénévole</a> pour proposer votre aide.
      </p>
    );
  }
  return (
    <OfferHelpForm
      needId={need.id}
      intent="offer"
      idPrefix="offer"
      forWhat={`en ${need.skillName}`}
      error={error ? <Alert tone="error">{error}</Alert> : null}
    />
  );
}

function FundingSection() {
  const { project, canEdit, fundingProgress, canPledge } = useLoaderData<typeof loader>();
  const funding = project.fundingNeed;
  if (!funding && !canEdit) return null;
  return (
    <section aria-labelledby="financement">
      <h2 id="financement">Besoin de financement</h2>
      {funding ? (
        <dl className="details">
          <dt>Montant recherché</dt>
          <dd>{formatEuros(funding.amountCents)}</dd>
          <dt>Forme</dt>
          <dd>{FUNDING_KIND_LABELS[funding.kind]}</dd>
          {funding.neededBy ? (
            <>
              <dt>Pour le</dt>
              <dd>{formatDate(new Date(`${funding.neededBy}T12:00:00Z`))}</dd>
            </>
          ) : null}
          {funding.companyCapitalCents ? (
            <>
              <dt>Capital social après la levée</dt>
              <dd>{formatEuros(funding.companyCapitalCents)}</dd>
            </>
          ) : null}
        </dl>
      ) : (
        <p>Aucun besoin de financement.</p>
      )}
      {funding ? <FundingProgress progress={fundingProgress} projectId={project.id} canPledge={canPledge} /> : null}
      {canEdit ? (
        <p>
          <a className="button button--ghost" href={`/projets/${project.id}/financement`}>
            {!funding ? "Ajouter un besoin de financement" : fundingProgress.goalReached ? "Relever l'objectif de financement" : "Modifier le besoin de financement"}
          </a>
        </p>
      ) : null}
    </section>
  );
}
