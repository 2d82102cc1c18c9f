import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { FundingProgress } from "~/components/funding-progress";
import { ScoreBreakdown } from "~/components/score-breakdown";
import { OfferHelpForm } from "~/components/offer-help-form";
import { MentorshipStatusBadge, NeedStatusBadge, ProjectStatusBadge } from "~/components/status-badge";
import {
  canCloseProject,
  canEditProject,
  canSeeProjectContact,
  isProjectOwner,
} from "~/domain/project";
import { closeDueVotesOnProject } from "~/models/club-vote.server";
import { getProjectFundingProgress } from "~/models/funding-progress.server";
import { suggestMentorsForNeed, type MentorSuggestion } from "~/models/matching.server";
import { listMentorshipsForProject, requestMentorship, type MentorshipSummary } from "~/models/mentorship.server";
import { loadComplements } from "~/models/partnership-suggestions.server";
import { getProjectOffer, listMyProposalsToOffer, listProposalsForOffer, proposeToOffer } from "~/models/partnership.server";
import {
  closeProject,
  handOverProject,
  listHandOverCandidates,
  listOwnedProjects,
  publishProject,
  type ProjectDetail,
  type SkillNeedView,
} from "~/models/project.server";
import { handOverSchema } from "~/schemas/project";
import { getActor } from "~/models/user.server";
import { partnershipProposalSchema } from "~/schemas/partnership";
import type { Auth } from "~/utils/auth.server";
import { hasVolunteerProfile } from "~/models/volunteer.server";
import { mentorshipRequestSchema } from "~/schemas/mentorship";
import { hasRole } from "~/domain/permissions";
import { getDb } from "~/utils/db.server";
import { loadProject } from "~/guards/project.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { useFormReply } from "~/utils/reply";
import { UNKNOWN_INTENT, replyInvalid, replyRefused } from "~/utils/reply.server";
import { SignInLink } from "~/components/sign-in-link";
import { Alert } from "~/components/ui/alert";
import { SelectField, TextAreaField } from "~/components/ui/field";
import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { PROPOSAL_MESSAGE_MAX } from "~/domain/partnership";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { ProjectEndorsements } from "~/components/project-endorsements";
import { listPendingEndorsements, listPublishedEndorsements } from "~/models/endorsement.server";
import { readFormData } from "~/utils/http.server";
import { useFormat, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? `${data.project.title} — Maillon` : metaText(matches).projects.page.notFoundTitle },
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
    // The pôle's team may hand the project over to another of its members who holds projects.
    handOverTo: viewer.isTerritoryStaff && project.status !== "clos" ? listHandOverCandidates(db, project) : null,
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
const HAND_OVER_FORM = "confier";

/** The request and offer forms are one per need. */
const needFormId = (intent: "request" | "offer", needId: number) => `${intent}-${needId}`;

export async function action({ request, params }: ActionFunctionArgs) {
  signInFirst(request, "projets.$id._index");
  const formData = await readFormData(request);
  const { auth, project } = loadProject(authorize(request, "projets.$id._index", formData), params.id);
  const db = getDb();
  const intent = String(formData.get("intent") ?? "");
  const now = new Date();
  const t = requestText(request).t.projects.page;

  if (intent === "publish") {
    const result = publishProject(db, project.id, now);
    if (!result.ok) return replyRefused(result);
    return redirectWithFlash(`/projets/${project.id}`, t.published);
  }
  if (intent === "close") {
    if (!canCloseProject(project)) return replyRefused({ status: 409, message: t.alreadyClosed });
    closeProject(db, project.id, now);
    return redirectWithFlash(`/projets/${project.id}`, t.closed);
  }
  if (intent === "propose") {
    const submission = parseWithZod(formData, { schema: partnershipProposalSchema });
    if (submission.status !== "success") return replyInvalid(submission, { formId: PROPOSAL_FORM });
    const offer = getProjectOffer(db, project.id);
    if (!offer) return replyRefused({ status: 404, message: t.noOffer }, { submission, formId: PROPOSAL_FORM });
    const { message, fromProjectId } = submission.value;
    const sent = proposeToOffer(db, auth.user.id, offer.id, { message, fromProjectId: fromProjectId ?? null, fromOrganisationId: null }, now);
    if (!sent.ok) return replyRefused(sent, { submission, formId: PROPOSAL_FORM });
    return redirectWithFlash(
      `/projets/${project.id}#associes`,
      t.proposalSent,
    );
  }
  if (intent === "handOver") {
    const submission = parseWithZod(formData, { schema: handOverSchema });
    if (submission.status !== "success") return replyInvalid(submission, { formId: HAND_OVER_FORM });
    const handed = handOverProject(db, getActor(db, auth.user.id), project.id, submission.value.newHolderId, now);
    if (!handed.ok) return replyRefused(handed, { submission, formId: HAND_OVER_FORM });
    return redirectWithFlash(`/projets/${project.id}`, t.handedOver);
  }
  if (intent === "request" || intent === "offer") {
    const submission = parseWithZod(formData, { schema: mentorshipRequestSchema });
    if (submission.status !== "success") {
      const errors = submission.error ? Object.values(submission.error).flat() : [];
      // The need is unknown, so the page says it rather than one need's form.
      return replyInvalid(submission, { formErrors: [errors.join(" ") || t.invalidRequest] });
    }
    const { needId, volunteerId, message } = submission.value;
    if (!project.skillNeeds.some((n) => n.id === needId)) {
      return replyRefused({ status: 404, message: t.needNotInProject }, { formId: needFormId(intent, needId) });
    }
    const target = intent === "offer" ? auth.user.id : volunteerId;
    if (target === undefined) {
      return replyRefused({ status: 400, message: t.chooseVolunteer }, { formId: needFormId(intent, needId) });
    }
    const result = requestMentorship(
      db,
      { needId, volunteerId: target, initiatedBy: intent === "offer" ? "benevole" : "porteur", message: message ?? "" },
      now,
    );
    if (!result.ok) return replyRefused(result, { formId: needFormId(intent, needId) });
    return intent === "offer"
      ? redirectWithFlash(`/accompagnements/${result.id}`, t.offerSent)
      : redirectWithFlash(`/projets/${project.id}#besoins`, t.requested);
  }
  return replyRefused(UNKNOWN_INTENT);
}

export default function ProjectPage() {
  const loaderData = useLoaderData<typeof loader>();
  const { project, isOwner } = loaderData;
  const { message: generalError } = useFormReply();
  const { projects, vocabulary } = useT();
  const t = projects.page;
  const format = useFormat();

  return (
    <div className="container">
      <p className="eyebrow">{vocabulary.projectKind[project.kind]}</p>
      <h1>{project.title}</h1>
      <p className="project-meta">
        <ProjectStatusBadge status={project.status} /> {project.communeName} · {project.activityDomainName} ·{" "}
        {t.ownedBy(loaderData.ownerName)}
      </p>
      {generalError ? <Alert tone="error">{generalError}</Alert> : null}
      <p className="lead">{project.pitch}</p>
      {project.description ? <p className="prewrap">{project.description}</p> : null}

      {isOwner ? <OwnerActions /> : null}

      <h2>{t.briefTitle}</h2>
      <dl className="details">
        <dt>{t.stage}</dt>
        <dd>{vocabulary.projectStage[project.stage]}</dd>
        <dt>{t.legalForm}</dt>
        <dd>{vocabulary.legalForm[project.legalForm]}</dd>
        <dt>{t.commune}</dt>
        <dd>
          {project.communeName} ({project.communePostalCode})
        </dd>
        <dt>{t.remote}</dt>
        <dd>{project.remoteOk ? t.remoteYes : t.remoteNo}</dd>
        <dt>{t.jobs}</dt>
        <dd>{format.integer(project.jobsExpected)}</dd>
        <dt>{t.contact}</dt>
        <dd>
          {loaderData.contactEmail ? (
            <a href={`mailto:${loaderData.contactEmail}`}>{loaderData.contactEmail}</a>
          ) : loaderData.signedIn ? (
            t.contactReserved
          ) : (
            <>
              {t.contactMembersOnly} <SignInLink to={`/projets/${project.id}`}>{t.contactSignIn}</SignInLink>.
            </>
          )}
        </dd>
      </dl>

      <PartnersSection />

      <NeedsSection />
      <ProjectEndorsements endorsements={loaderData.endorsements} pending={loaderData.pendingEndorsements} />
      <FundingSection />
      <HandOverSection />
    </div>
  );
}

function OwnerActions() {
  const { project, canEdit, canClose } = useLoaderData<typeof loader>();
  const t = useT().projects.page;
  return (
    <div className="actions">
      {canEdit ? (
        <a className="button button--ghost" href={`/projets/${project.id}/modifier`}>
          {t.edit}
        </a>
      ) : null}
      {project.status === "brouillon" ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="publish" />
          <button type="submit" className="button">
            {t.publish}
          </button>
        </Form>
      ) : null}
      {project.status !== "brouillon" ? (
        <a className="button button--ghost" href={`/projets/${project.id}/suivi`}>
          {t.followUp}
        </a>
      ) : null}
      {canClose && project.status === "publie" ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="close" />
          <button type="submit" className="button button--ghost">
            {t.close}
          </button>
        </Form>
      ) : null}
    </div>
  );
}

function NeedsSection() {
  const { project, canEdit, requests, signedIn } = useLoaderData<typeof loader>();
  const hasOpenNeed = project.skillNeeds.some((n) => n.status === "ouvert");
  const { projects, vocabulary } = useT();
  const t = projects.page;
  const format = useFormat();
  return (
    <section aria-labelledby="besoins">
      <h2 id="besoins">{t.needsTitle}</h2>
      {!signedIn && project.status === "publie" && hasOpenNeed ? (
        <p>
          {t.volunteerQuestion} <SignInLink to={`/projets/${project.id}`}>{t.signIn}</SignInLink>{" "}
          {t.toOfferHelp}
        </p>
      ) : null}
      {project.skillNeeds.length === 0 ? <p>{t.noNeed}</p> : null}
      <ul className="need-list">
        {project.skillNeeds.map((need) => (
          <li key={need.id} className="card need">
            <h3>
              {need.skillName} <NeedStatusBadge status={need.status} />
            </h3>
            <p>
              {t.priority(vocabulary.needPriority[need.priority].toLowerCase(), format.integer(need.hoursPerMonth))}
            </p>
            {need.expectation ? <p className="prewrap">{need.expectation}</p> : null}
            {canEdit ? (
              <p>
                <a href={`/projets/${project.id}/besoins/${need.id}`}>
                  {t.editNeed}
                  <span className="visually-hidden">{t.editNeedWhich(need.skillName)}</span>
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
            {t.addNeed}
          </a>
        </p>
      ) : null}
    </section>
  );
}

function NeedRequests({ requests }: { requests: MentorshipSummaryJson[] }) {
  const t = useT().projects.page;
  const format = useFormat();
  if (requests.length === 0) return null;
  return (
    <>
      <h4>{t.requestsTitle}</h4>
      <ul className="plain-list">
        {requests.map((m) => (
          <li key={m.id}>
            <a href={`/accompagnements/${m.id}`}>{m.volunteerName}</a> <MentorshipStatusBadge status={m.status} />{" "}
            <span className="hint">
              {(m.initiatedBy === "benevole" ? t.offeredOn : t.requestedOn)(format.date(new Date(m.requestedAt)))}
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
  const { projects, vocabulary } = useT();
  const t = projects.page;
  const format = useFormat();
  if (!isOwner || need.status !== "ouvert") return null;
  if (project.status !== "publie") {
    return <p className="hint">{t.publishFirst}</p>;
  }
  const list = suggestions[String(need.id)] ?? [];
  return (
    <div className="suggestions">
      <h4>{t.suggestedTitle}</h4>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {list.length === 0 ? (
        <p>{t.noSuggestion}</p>
      ) : (
        <ol className="suggestion-list">
          {list.map((s) => (
            <li key={s.volunteerId} className="suggestion">
              <p className="suggestion__name">
                <strong>{s.displayName}</strong>{" "}
                <span className="hint">
                  {t.level(vocabulary.skillLevel[s.skillLevel].toLowerCase())}
                  {` · ${s.distanceText} · `}
                  {t.load(s.activeMentorships, format.integer(s.activeMentorships), format.integer(s.maxMentorships))}
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
                  <summary>{t.addMessage(s.displayName)}</summary>
                  <div className="field">
                    <label htmlFor={`message-${need.id}-${s.volunteerId}`}>
                      {t.messageFor(s.displayName)}
                    </label>
                    <textarea id={`message-${need.id}-${s.volunteerId}`} name="message" rows={2} maxLength={1000} />
                  </div>
                </details>
                <div>
                  <button type="submit" className="button">
                    {t.askTo(s.displayName)}
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
  const t = useT().projects.page;
  if (!canOffer || need.status !== "ouvert") return null;
  const mine = requests.find((m) => m.needId === need.id && (m.status === "demande" || m.status === "acceptee"));
  if (mine) {
    return (
      <p>
        <a href={`/accompagnements/${mine.id}`}>{t.seeMyOffer}</a>
      </p>
    );
  }
  if (!hasProfile) {
    return (
      <p>
        <a href="/benevoles/profil">{t.completeProfile}</a> {t.toOfferHelp}
      </p>
    );
  }
  return (
    <OfferHelpForm
      needId={need.id}
      intent="offer"
      idPrefix="offer"
      forWhat={t.forWhat(need.skillName)}
      error={error ? <Alert tone="error">{error}</Alert> : null}
    />
  );
}

function FundingSection() {
  const { project, canEdit, fundingProgress, canPledge, signedIn } = useLoaderData<typeof loader>();
  const funding = project.fundingNeed;
  const { projects, vocabulary } = useT();
  const t = projects.page;
  const format = useFormat();
  if (!funding && !canEdit) return null;
  return (
    <section aria-labelledby="financement">
      <h2 id="financement">{t.fundingTitle}</h2>
      {funding ? (
        <dl className="details">
          <dt>{t.amount}</dt>
          <dd>{format.euros(funding.amountCents)}</dd>
          <dt>{t.kind}</dt>
          <dd>{vocabulary.fundingKind[funding.kind]}</dd>
          {funding.neededBy ? (
            <>
              <dt>{t.neededBy}</dt>
              <dd>{format.isoDate(funding.neededBy)}</dd>
            </>
          ) : null}
          {funding.companyCapitalCents ? (
            <>
              <dt>{t.capital}</dt>
              <dd>{format.euros(funding.companyCapitalCents)}</dd>
            </>
          ) : null}
        </dl>
      ) : (
        <p>{t.noFunding}</p>
      )}
      {funding ? <FundingProgress
          progress={fundingProgress}
          projectId={project.id}
          canPledge={canPledge}
          signInToPledge={!signedIn && project.status === "publie"}
        /> : null}
      {canEdit ? (
        <p>
          <a className="button button--ghost" href={`/projets/${project.id}/financement`}>
            {!funding ? t.addFunding : fundingProgress.goalReached ? t.raiseGoal : t.editFunding}
          </a>
        </p>
      ) : null}
    </section>
  );
}

function PartnersSection() {
  const { project, partnership, isOwner, canEdit, signedIn } = useLoaderData<typeof loader>();
  const { offer } = partnership;
  const { projects, vocabulary } = useT();
  const t = projects.page;
  const format = useFormat();
  if (!offer && !(isOwner && canEdit)) return null;
  return (
    <section aria-labelledby="associes">
      <h2 id="associes">{t.partnersTitle}</h2>
      {offer ? (
        <>
          {!offer.open ? <p className="hint">{t.searchClosed}</p> : null}
          <dl className="details">
            {offer.brings ? (
              <>
                <dt>{t.brings}</dt>
                <dd className="prewrap">{offer.brings}</dd>
              </>
            ) : null}
            <dt>{t.seeks}</dt>
            <dd className="prewrap">{offer.seeks}</dd>
          </dl>
        </>
      ) : (
        <p>{t.invite}</p>
      )}
      {isOwner && canEdit ? (
        <p>
          <a className="button button--ghost" href={`/projets/${project.id}/associes`}>
            {offer ? t.editOffer : t.seekPartners}
          </a>{" "}
          {partnership.pendingForOwner > 0 ? (
            <a href={`/projets/${project.id}/associes#propositions`}>
              {t.pending(partnership.pendingForOwner, format.integer(partnership.pendingForOwner))}
            </a>
          ) : null}
        </p>
      ) : null}
      {partnership.mine.length > 0 ? (
        <ul className="plain-list">
          {partnership.mine.map((p) => (
            <li key={p.id}>
              {t.myProposal(format.date(new Date(p.createdAt)), vocabulary.partnershipProposalStatus[p.status].toLowerCase())}
              {p.status === "acceptee" ? t.acceptedNote : null}
              {p.reply ? <span className="prewrap">{t.reply(p.reply)}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {offer?.open && !signedIn && project.status === "publie" ? (
        <p>
          {t.interested} <SignInLink to={`/projets/${project.id}#associes`}>{t.signIn}</SignInLink>{" "}
          {t.toPropose}
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
  const t = useT().projects.page;
  if (!partnership.offer?.open) return null;
  return (
    <>
      <h3 id="complementaires">{t.complementsTitle}</h3>
      {partnership.complements.length === 0 ? (
        <p>{t.noComplement}</p>
      ) : (
        <ol className="suggestion-list" aria-labelledby="complementaires">
          {partnership.complements.map((c) => (
            <li key={`${c.kind}-${c.id}`} className="suggestion">
              <p className="suggestion__name">
                <strong>{c.kind === "project" ? <a href={`/projets/${c.id}`}>{c.name}</a> : c.name}</strong>{" "}
                <span className="hint">
                  {c.kind === "project" ? t.complementProject : t.complementOrganisation} · {c.communeName}
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

/** For the pôle's team: hand the project over when its holder leaves or can no longer carry it. */
function HandOverSection() {
  const { handOverTo } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(handOverSchema, { id: HAND_OVER_FORM, reply: HAND_OVER_FORM });
  const t = useT().projects.page;
  if (!handOverTo) return null;
  return (
    <section aria-labelledby="confier">
      <h2 id="confier">{t.handOverTitle}</h2>
      <p>{t.handOverIntro}</p>
      {handOverTo.length === 0 ? (
        <p>{t.handOverNobody}</p>
      ) : (
        <ConformForm form={form} intent="handOver" aria-labelledby="confier">
          <SelectField
            meta={fields.newHolderId}
            label={t.handOverTo}
            placeholder={t.handOverPlaceholder}
            options={handOverTo.map((m) => ({ value: String(m.id), label: m.displayName }))}
          />
          <SubmitButton>{t.handOverSubmit}</SubmitButton>
        </ConformForm>
      )}
    </section>
  );
}

function ProposeForm() {
  const { partnership } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(partnershipProposalSchema, { id: PROPOSAL_FORM, reply: PROPOSAL_FORM });
  const t = useT().projects.page;
  return (
    <ConformForm form={form} intent="propose" aria-labelledby="proposer">
      <h3 id="proposer">{t.proposeTitle}</h3>
      <p className="hint">{t.proposeHint}</p>
      <TextAreaField
        meta={fields.message}
        label={t.message}
        hint={t.messageHint(PROPOSAL_MESSAGE_MAX)}
        rows={4}
      />
      {partnership.myProjects.length > 0 ? (
        <SelectField
          meta={fields.fromProjectId}
          label={t.fromProject}
          options={partnership.myProjects.map((p) => ({ value: String(p.id), label: p.title }))}
          placeholder={t.fromProjectNone}
        />
      ) : null}
      <SubmitButton>{t.sendProposal}</SubmitButton>
    </ConformForm>
  );
}
