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
import { loadComplements } from "~/models/partnership-suggestions.server";
import { getProjectOffer, listMyProposalsToOffer, listProposalsForOffer, proposeToOffer } from "~/models/partnership.server";
import { closeProject, listOwnedProjects, publishProject, type ProjectDetail, type SkillNeedView } from "~/models/project.server";
import { partnershipProposalSchema } from "~/schemas/partnership";
import type { Auth } from "~/utils/auth.server";
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
import { SelectField, TextAreaField } from "~/components/ui/field";
import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { PARTNERSHIP_PROPOSAL_STATUS_LABELS, PROPOSAL_MESSAGE_MAX } from "~/domain/partnership";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { ProjectEndorsements } from "~/components/project-endorsements";
import { listPendingEndorsements, listPublishedEndorsements } from "~/models/endorsement.server";
import { readFormData } from "~/utils/http.server";

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
    partnership: partnershipFor(auth, project, isOwner),
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

/** « M'associer avec d'autres »: the offer, the holder's pending proposals, or the visitor's own proposals and form. */
function partnershipFor(auth: Auth | null, project: ProjectDetail, isOwner: boolean) {
  const db = getDb();
  const offer = getProjectOffer(db, project.id);
  const visible = offer && (offer.open || isOwner) ? { brings: offer.brings, seeks: offer.seeks, open: offer.open } : null;
  const canPropose = !!offer && offer.open && project.status === "publie" && !!auth && !isOwner;
  const mine = offer && auth && !isOwner ? listMyProposalsToOffer(db, auth.user.id, offer.id) : [];
  return {
    offer: visible,
    // Complementary projects and organisations of the territory, for a project that seeks partners.
    complements: offer?.open ? loadComplements(db, project.id, new Date()) : [],
    pendingForOwner: offer && isOwner ? listProposalsForOffer(db, offer.id).filter((p) => p.status === "envoyee").length : 0,
    mine: mine.map((p) => ({ id: p.id, status: p.status, reply: p.reply, createdAt: p.createdAt })),
    canPropose: canPropose && !mine.some((p) => p.status === "envoyee"),
    myProjects: canPropose
      ? listOwnedProjects(db, auth.user.id)
          .filter((p) => p.status !== "clos" && p.id !== project.id)
          .map((p) => ({ id: p.id, title: p.title }))
      : [],
  };
}

const PROPOSAL_FORM = "proposition";

const PROJECT_DONE = {
  published: "Votre projet est publié : les bénévoles, épargnants et clubs de votre pôle peuvent le voir.",
  closed: "Le projet est clos.",
  requested: "Votre demande est envoyée. Vous serez accompagné dès que la personne l'aura acceptée.",
};

/** The request and offer forms are one per need. */
const needFormId = (intent: "request" | "offer", needId: number) => `${intent}-${needId}`;

export async function action({ request, params }: ActionFunctionArgs) {
  signInFirst(request, "projets.$id._index");
  const formData = await readFormData(request);
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
  if (intent === "propose") {
    const submission = parseWithZod(formData, { schema: partnershipProposalSchema });
    if (submission.status !== "success") return replyInvalid(submission, { formId: PROPOSAL_FORM });
    const offer = getProjectOffer(db, project.id);
    if (!offer) return replyRefused({ status: 404, message: "Ce projet ne cherche pas d'associés." }, { submission, formId: PROPOSAL_FORM });
    const { message, fromProjectId } = submission.value;
    const sent = proposeToOffer(db, auth.user.id, offer.id, { message, fromProjectId: fromProjectId ?? null, fromOrganisationId: null }, now);
    if (!sent.ok) return replyRefused(sent, { submission, formId: PROPOSAL_FORM });
    return redirectWithFlash(
      `/projets/${project.id}#associes`,
      "Votre proposition est envoyée : la personne qui porte le projet la reçoit par Maillon, et vous recevrez sa réponse.",
    );
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

      <PartnersSection />

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
      {project.status !== "brouillon" ? (
        <a className="button button--ghost" href={`/projets/${project.id}/suivi`}>
          Suivi de l'activité
        </a>
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

function PartnersSection() {
  const { project, partnership, isOwner, canEdit, signedIn } = useLoaderData<typeof loader>();
  const { offer } = partnership;
  if (!offer && !(isOwner && canEdit)) return null;
  return (
    <section aria-labelledby="associes">
      <h2 id="associes">M'associer avec d'autres</h2>
      {offer ? (
        <>
          {!offer.open ? <p className="hint">Recherche close : le projet ne reçoit plus de propositions.</p> : null}
          <dl className="details">
            {offer.brings ? (
              <>
                <dt>Le projet apporte</dt>
                <dd className="prewrap">{offer.brings}</dd>
              </>
            ) : null}
            <dt>Le projet cherche</dt>
            <dd className="prewrap">{offer.seeks}</dd>
          </dl>
        </>
      ) : (
        <p>Vous voulez entreprendre à plusieurs ? Dites ce que le projet apporte et quels associés vous cherchez.</p>
      )}
      {isOwner && canEdit ? (
        <p>
          <a className="button button--ghost" href={`/projets/${project.id}/associes`}>
            {offer ? "Modifier la recherche d'associés" : "Chercher des associés"}
          </a>{" "}
          {partnership.pendingForOwner > 0 ? (
            <a href={`/projets/${project.id}/associes#propositions`}>
              {partnership.pendingForOwner > 1 ? `${partnership.pendingForOwner} propositions attendent` : "Une proposition attend"} votre réponse
            </a>
          ) : null}
        </p>
      ) : null}
      {partnership.mine.length > 0 ? (
        <ul className="plain-list">
          {partnership.mine.map((p) => (
            <li key={p.id}>
              Votre proposition du {formatDate(new Date(p.createdAt))} : {PARTNERSHIP_PROPOSAL_STATUS_LABELS[p.status].toLowerCase()}
              {p.status === "acceptee" ? " — ses coordonnées vous ont été envoyées par notification." : null}
              {p.reply ? <span className="prewrap"> Réponse : {p.reply}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {offer?.open && !signedIn && project.status === "publie" ? (
        <p>
          Ce projet vous intéresse ?{" "}
          <a href={`/connexion?redirectTo=${encodeURIComponent(`/projets/${project.id}#associes`)}`}>Connectez-vous</a> pour proposer de
          vous associer : Maillon transmet votre message, sans montrer d'adresse.
        </p>
      ) : null}
      {partnership.canPropose ? <ProposeForm /> : null}
      <Complements />
    </section>
  );
}

/** What Maillon suggests to a project that seeks partners, each with why. */
function Complements() {
  const { partnership } = useLoaderData<typeof loader>();
  if (!partnership.offer?.open) return null;
  return (
    <>
      <h3 id="complementaires">Projets et organisations complémentaires du territoire</h3>
      {partnership.complements.length === 0 ? (
        <p>Maillon ne trouve pas encore de projet ni d'organisation du territoire qui apporte ce que le projet cherche.</p>
      ) : (
        <ol className="suggestion-list" aria-labelledby="complementaires">
          {partnership.complements.map((c) => (
            <li key={`${c.kind}-${c.id}`} className="suggestion">
              <p className="suggestion__name">
                <strong>{c.kind === "project" ? <a href={`/projets/${c.id}`}>{c.name}</a> : c.name}</strong>{" "}
                <span className="hint">
                  {c.kind === "project" ? "projet" : "organisation"} · {c.communeName}
                </span>
              </p>
              <p>{c.explanation}.</p>
              {c.reasons.length > 0 ? <p className="hint">{c.reasons.join(" ")}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function ProposeForm() {
  const { partnership } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(partnershipProposalSchema, { id: PROPOSAL_FORM, reply: PROPOSAL_FORM });
  return (
    <ConformForm form={form} intent="propose" aria-labelledby="proposer">
      <h3 id="proposer">Proposer de m'associer</h3>
      <p className="hint">Maillon transmet votre message à la personne qui porte le projet ; vos adresses ne sont échangées que si elle accepte.</p>
      <TextAreaField
        meta={fields.message}
        label="Votre message"
        hint={`Qui vous êtes, ce que vous apportez, ce que vous proposez (${PROPOSAL_MESSAGE_MAX} caractères au plus).`}
        rows={4}
      />
      {partnership.myProjects.length > 0 ? (
        <SelectField
          meta={fields.fromProjectId}
          label="Je viens avec mon projet (facultatif)"
          options={partnership.myProjects.map((p) => ({ value: String(p.id), label: p.title }))}
          placeholder="Aucun : je viens à titre personnel"
        />
      ) : null}
      <SubmitButton>Envoyer ma proposition</SubmitButton>
    </ConformForm>
  );
}
