import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { ClubNav } from "~/components/club-nav";
import { NoPaymentNotice } from "~/components/no-payment-notice";
import { Alert } from "~/components/ui/alert";
import { optionsFrom, RadioGroupField } from "~/components/ui/field";
import { ruleText } from "~/components/club-text";
import { castBallot, closeVote, getVoteDetail } from "~/models/club-vote.server";
import { ballotSchema } from "~/schemas/club";
import { loadClubAsMember } from "~/guards/club.server";
import { authorize, type Permit, signInFirst } from "~/guards/authorize.server";
import type { Auth } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { notFound, parseId, readFormData } from "~/utils/http.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { useFormReply } from "~/utils/reply";
import { replyInvalid, replyRefused } from "~/utils/reply.server";
import { useFormat, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaText(matches).clubs.vote.metaTitle }];

const BALLOT_FORM = "bulletin";

function loadVote(request: Request, permit: Permit<Auth>, params: { id?: string; voteId?: string }) {
  const access = loadClubAsMember(permit, params.id);
  const vote = getVoteDetail(getDb(), access.club.id, parseId(params.voteId), access.auth.user.id);
  if (!vote) throw notFound(requestText(request).t.clubs.vote.notFound);
  return { access, vote };
}

export function loader({ request, params }: LoaderFunctionArgs) {
  const { access, vote } = loadVote(request, authorize(request, "clubs.$id.votes.$voteId"), params);
  const joinedAfter = !!access.member.joinedAt && access.member.joinedAt.getTime() > vote.openedAt.getTime();
  return {
    club: { id: access.club.id, name: access.club.name },
    vote,
    canVote: vote.status === "ouvert" && vote.myChoice === null && !joinedAfter && vote.deadline.getTime() > Date.now(),
    canClose: access.can.openVotes && vote.status === "ouvert",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  signInFirst(request, "clubs.$id.votes.$voteId");
  const formData = await readFormData(request);
  const { access, vote } = loadVote(request, authorize(request, "clubs.$id.votes.$voteId", formData), params);
  const db = getDb();
  const now = new Date();
  const back = `/clubs/${access.club.id}/votes/${vote.id}`;
  const t = requestText(request).t.clubs.vote;
  if (formData.get("intent") === "close") {
    const outcome = closeVote(db, access.club.id, vote.id, now);
    if (!outcome.ok) return replyRefused(outcome);
    return redirectWithFlash(back, t.closed);
  }
  const submission = parseWithZod(formData, { schema: ballotSchema });
  if (submission.status !== "success") return replyInvalid(submission, { formId: BALLOT_FORM });
  const outcome = castBallot(db, vote.id, access.auth.user.id, submission.value.choice, now);
  if (!outcome.ok) return replyRefused(outcome, { submission, formId: BALLOT_FORM });
  return redirectWithFlash(back, outcome.closed ? t.closed : t.cast);
}

export default function VotePage() {
  const { club, vote, canVote, canClose } = useLoaderData<typeof loader>();
  const { message } = useFormReply();
  const [form, fields] = useSchemaForm(ballotSchema, { id: BALLOT_FORM, reply: BALLOT_FORM });
  const { tally } = vote;
  const { clubs, vocabulary } = useT();
  const t = clubs.vote;
  const format = useFormat();
  return (
    <div className="container">
      <p className="eyebrow">{t.eyebrow(club.name)}</p>
      <h1>{t.title(vote.projectTitle)}</h1>
      <ClubNav clubId={club.id} isMember />
      {message ? <Alert tone="error">{message}</Alert> : null}

      <dl className="details">
        <dt>{t.project}</dt>
        <dd>
          <a href={`/projets/${vote.projectId}`}>{vote.projectTitle}</a>
        </dd>
        <dt>{t.amount}</dt>
        <dd>{format.euros(vote.amountCents)}</dd>
        <dt>{t.instrument}</dt>
        <dd>{vocabulary.instrument[vote.instrument]}</dd>
        <dt>{t.deadline}</dt>
        <dd>{format.dateTime(vote.deadline)}</dd>
        <dt>{t.rule}</dt>
        <dd>{ruleText(clubs, vote.rule)}</dd>
      </dl>

      <h2>{t.result}</h2>
      <p>
        {vote.status === "clos" && vote.outcome ? (
          <strong>{t.closedWith(vocabulary.voteOutcome[vote.outcome])}</strong>
        ) : (
          <>
            {t.openNow} <strong>{vocabulary.voteOutcome[vote.provisional]}</strong>
            {t.openNowAfter}
          </>
        )}
      </p>
      {vote.outcome === "adopte" && vote.commitmentId ? (
        <Alert tone="success" announce={false}>
          {t.committed(format.euros(vote.amountCents))}
        </Alert>
      ) : null}
      {vote.outcomeNote ? (
        <Alert tone="error">{vote.outcomeNote}</Alert>
      ) : null}
      <ul className="stats">
        <li>
          <strong>{tally.pour}</strong>
          <span>{t.for}</span>
        </li>
        <li>
          <strong>{tally.contre}</strong>
          <span>{t.against}</span>
        </li>
        <li>
          <strong>{tally.abstention}</strong>
          <span>{t.abstentions(tally.abstention)}</span>
        </li>
        <li>
          <strong>
            {tally.cast} / {tally.eligible}
          </strong>
          <span>{t.voters(tally.quorumNeeded, tally.quorumReached)}</span>
        </li>
      </ul>
      {vote.voters.length > 0 ? <p>{t.votedBy(vote.voters.map((v) => v.displayName).join(", "))}</p> : null}
      {vote.myChoice ? <p>{t.myChoice(vocabulary.ballotChoice[vote.myChoice])}</p> : null}

      {canVote ? (
        <>
          <h2 id="voter">{t.myVote}</h2>
          <ConformForm form={form} aria-labelledby="voter">
            <RadioGroupField meta={fields.choice} legend={t.choice} options={optionsFrom(vocabulary.ballotChoice)} hint={t.choiceHint} />
            <SubmitButton>{t.submit}</SubmitButton>
          </ConformForm>
        </>
      ) : null}
      {canClose ? (
        <Form method="post">
          <button type="submit" name="intent" value="close" className="button button--ghost">
            {t.close}
          </button>
          <p className="hint">{t.closeHint}</p>
        </Form>
      ) : null}
      <NoPaymentNotice />
    </div>
  );
}
