import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { ClubNav } from "~/components/club-nav";
import { NoPaymentNotice } from "~/components/no-payment-notice";
import { Alert } from "~/components/ui/alert";
import { optionsFrom, RadioGroupField } from "~/components/ui/field";
import { BALLOT_CHOICE_LABELS, INSTRUMENT_LABELS, VOTE_OUTCOME_LABELS } from "~/domain/clubs/labels";
import { describeRule } from "~/domain/clubs/vote";
import { castBallot, closeVote, getVoteDetail } from "~/models/club-vote.server";
import { ballotSchema } from "~/schemas/club";
import { loadClubAsMember } from "~/guards/club.server";
import { authorize, type Permit, signInFirst } from "~/guards/authorize.server";
import type { Auth } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { formatDateTime, formatEuros } from "~/domain/format";
import { notFound, parseId, readFormData } from "~/utils/http.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { useFormReply } from "~/utils/reply";
import { replyInvalid, replyRefused } from "~/utils/reply.server";

export const meta: MetaFunction = () => [{ title: "Vote du club — Maillon" }];

const BALLOT_FORM = "bulletin";
const CLOSED = "Le vote est clos.";

function loadVote(permit: Permit<Auth>, params: { id?: string; voteId?: string }) {
  const access = loadClubAsMember(permit, params.id);
  const vote = getVoteDetail(getDb(), access.club.id, parseId(params.voteId), access.auth.user.id);
  if (!vote) throw notFound("Vote introuvable");
  return { access, vote };
}

export function loader({ request, params }: LoaderFunctionArgs) {
  const { access, vote } = loadVote(authorize(request, "clubs.$id.votes.$voteId"), params);
  const joinedAfter = !!access.member.joinedAt && access.member.joinedAt.getTime() > vote.openedAt.getTime();
  return {
    club: { id: access.club.id, name: access.club.name },
    vote,
    ruleText: describeRule(vote.rule),
    canVote: vote.status === "ouvert" && vote.myChoice === null && !joinedAfter && vote.deadline.getTime() > Date.now(),
    canClose: access.can.openVotes && vote.status === "ouvert",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  signInFirst(request, "clubs.$id.votes.$voteId");
  const formData = await readFormData(request);
  const { access, vote } = loadVote(authorize(request, "clubs.$id.votes.$voteId", formData), params);
  const db = getDb();
  const now = new Date();
  const back = `/clubs/${access.club.id}/votes/${vote.id}`;
  if (formData.get("intent") === "close") {
    const outcome = closeVote(db, access.club.id, vote.id, now);
    if (!outcome.ok) return replyRefused(outcome);
    return redirectWithFlash(back, CLOSED);
  }
  const submission = parseWithZod(formData, { schema: ballotSchema });
  if (submission.status !== "success") return replyInvalid(submission, { formId: BALLOT_FORM });
  const outcome = castBallot(db, vote.id, access.auth.user.id, submission.value.choice, now);
  if (!outcome.ok) return replyRefused(outcome, { submission, formId: BALLOT_FORM });
  return redirectWithFlash(back, outcome.closed ? CLOSED : "Votre vote est enregistré.");
}

export default function VotePage() {
  const { club, vote, ruleText, canVote, canClose } = useLoaderData<typeof loader>();
  const { message } = useFormReply();
  const [form, fields] = useSchemaForm(ballotSchema, { id: BALLOT_FORM, reply: BALLOT_FORM });
  const { tally } = vote;
  return (
    <div className="container">
      <p className="eyebrow">Club d'épargnants CIGALES · {club.name}</p>
      <h1>Vote : investir dans « {vote.projectTitle} »</h1>
      <ClubNav clubId={club.id} isMember />
      {message ? <Alert tone="error">{message}</Alert> : null}

      <dl className="details">
        <dt>Projet</dt>
        <dd>
          <a href={`/projets/${vote.projectId}`}>{vote.projectTitle}</a>
        </dd>
        <dt>Montant proposé</dt>
        <dd>{formatEuros(vote.amountCents)}</dd>
        <dt>Forme</dt>
        <dd>{INSTRUMENT_LABELS[vote.instrument]}</dd>
        <dt>Date limite</dt>
        <dd>{formatDateTime(vote.deadline)}</dd>
        <dt>Règle</dt>
        <dd>{ruleText}</dd>
      </dl>

      <h2>Résultat</h2>
      <p>
        {vote.status === "clos" && vote.outcome ? (
          <strong>Vote clos : {VOTE_OUTCOME_LABELS[vote.outcome]}.</strong>
        ) : (
          <>
            Vote ouvert. Si le vote se terminait maintenant : <strong>{VOTE_OUTCOME_LABELS[vote.provisional]}</strong>.
          </>
        )}
      </p>
      {vote.outcome === "adopte" && vote.commitmentId ? (
        <Alert tone="success" announce={false}>
          L'engagement du club de {formatEuros(vote.amountCents)} est enregistré. Le versement se fait par virement, après la signature de la
          convention avec l'entreprise.
        </Alert>
      ) : null}
      {vote.outcomeNote ? (
        <Alert tone="error">{vote.outcomeNote}</Alert>
      ) : null}
      <ul className="stats">
        <li>
          <strong>{tally.pour}</strong>
          <span>pour</span>
        </li>
        <li>
          <strong>{tally.contre}</strong>
          <span>contre</span>
        </li>
        <li>
          <strong>{tally.abstention}</strong>
          <span>abstention{tally.abstention > 1 ? "s" : ""}</span>
        </li>
        <li>
          <strong>
            {tally.cast} / {tally.eligible}
          </strong>
          <span>
            votants (quorum : {tally.quorumNeeded}, {tally.quorumReached ? "atteint" : "pas encore atteint"})
          </span>
        </li>
      </ul>
      {vote.voters.length > 0 ? <p>Ont voté : {vote.voters.map((v) => v.displayName).join(", ")}.</p> : null}
      {vote.myChoice ? <p>Votre vote : {BALLOT_CHOICE_LABELS[vote.myChoice]}.</p> : null}

      {canVote ? (
        <>
          <h2 id="voter">Mon vote</h2>
          <ConformForm form={form} aria-labelledby="voter">
            <RadioGroupField meta={fields.choice} legend="Je vote…" options={optionsFrom(BALLOT_CHOICE_LABELS)} hint="Une seule fois : votre vote ne pourra pas être changé." />
            <SubmitButton>Voter</SubmitButton>
          </ConformForm>
        </>
      ) : null}
      {canClose ? (
        <Form method="post">
          <button type="submit" name="intent" value="close" className="button button--ghost">
            Clore le vote
          </button>
          <p className="hint">Possible une fois la date limite passée, ou dès que le résultat ne peut plus changer.</p>
        </Form>
      ) : null}
      <NoPaymentNotice />
    </div>
  );
}
