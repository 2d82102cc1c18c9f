import { getCollectionProps } from "@conform-to/react";
import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { ClubNav } from "~/components/club-nav";
import { NoPaymentNotice } from "~/components/no-payment-notice";
import { ScoreBreakdown } from "~/components/score-breakdown";
import { Alert } from "~/components/ui/alert";
import { FieldError, optionsFrom, RadioGroupField, TextAreaField, TextField } from "~/components/ui/field";
import { addMonthsIso, canInvest } from "~/domain/clubs/lifecycle";
import { ruleText } from "~/components/club-text";
import { dropDeal, followProject, listDeals, setAccompanyingMembers, studyDeal, type DealView } from "~/models/club-deal.server";
import { listMembers } from "~/models/club-membership.server";
import { listVotes, openVote } from "~/models/club-vote.server";
import { clubBalance, listClubCommitments } from "~/models/club.server";
import { suggestProjectsForClub } from "~/models/matching.server";
import { accompanyingSchema, followSchema, openVoteSchema, studySchema } from "~/schemas/club";
import { loadClubAsMember } from "~/guards/club.server";
import { readFormData, readId } from "~/utils/http.server";
import { getDb, type Db } from "~/utils/db.server";
import { parisDateTime, parisIsoDate } from "~/domain/paris-time";
import { redirectWithFlash } from "~/utils/flash.server";
import { useFormReply } from "~/utils/reply";
import { replyInvalid, replyRefused, UNKNOWN_INTENT } from "~/utils/reply.server";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { AccompanimentSummary } from "~/components/accompaniment-summary";
import { listAccompaniment } from "~/models/endorsement.server";
import { useFormat, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaText(matches).clubs.deals.metaTitle }];

/** The flash message of each intent's success. */
function doneMessage(t: ReturnType<typeof requestText>["t"]["clubs"]["deals"]) {
  return { suivi: t.followed, etudie: t.studied, abandonne: t.dropped, accompagnateurs: t.accompanyingSet };
}

/** The matcher's suggestions, minus projects already in the pipeline; never a 500 if it fails. */
function suggestions(db: Db, clubId: number, followed: Set<number>, now: Date) {
  try {
    return {
      items: suggestProjectsForClub(db, clubId, { limit: 8, now }).filter((s) => !followed.has(s.projectId)),
      error: false,
    };
  } catch (error) {
    console.error("suggestProjectsForClub failed", error);
    return { items: [], error: true };
  }
}

export function loader({ request, params }: LoaderFunctionArgs) {
  const access = loadClubAsMember(authorize(request, "clubs.$id.projets"), params.id);
  const db = getDb();
  const now = new Date();
  const club = access.club;
  const deals = listDeals(db, club.id);
  const followed = new Set(deals.map((d) => d.projectId));
  const suggested = suggestions(db, club.id, followed, now);
  // Who accompanies each project, the hours logged and the published endorsements.
  const accompaniment = listAccompaniment(db, [...suggested.items.map((s) => s.projectId), ...deals.map((d) => d.projectId)]);
  return {
    club: {
      id: club.id,
      name: club.name,
      rule: { decisionRule: club.decisionRule, qualifiedMajorityPct: club.qualifiedMajorityPct, quorumPct: club.quorumPct },
      investing: canInvest(club, now),
    },
    can: access.can,
    balanceCents: clubBalance(db, club.id),
    suggestions: suggested,
    accompaniment: Object.fromEntries(accompaniment),
    deals,
    votes: listVotes(db, club.id),
    commitments: listClubCommitments(db, club.id),
    members: listMembers(db, club.id)
      .filter((m) => m.status === "actif")
      .map((m) => ({ userId: m.userId, displayName: m.displayName })),
    defaultDeadline: addMonthsIso(parisIsoDate(now), 1),
  };
}


export async function action({ request, params }: ActionFunctionArgs) {
  signInFirst(request, "clubs.$id.projets");
  const formData = await readFormData(request);
  const access = loadClubAsMember(authorize(request, "clubs.$id.projets", formData), params.id);
  const db = getDb();
  const clubId = access.club.id;
  const intent = String(formData.get("intent") ?? "");
  const now = new Date();
  const t = requestText(request).t.clubs.deals;
  const done = (what: keyof ReturnType<typeof doneMessage>) => redirectWithFlash(`/clubs/${clubId}/projets`, doneMessage(t)[what]);
  const dealId = String(formData.get("dealId") ?? "");

  if (intent === "follow") {
    const submission = parseWithZod(formData, { schema: followSchema });
    if (submission.status !== "success") return replyRefused({ status: 400, message: t.unknownProject });
    const outcome = followProject(db, clubId, submission.value.projectId, now);
    if (!outcome.ok) return replyRefused(outcome);
    return done("suivi");
  }
  if (intent === "study") {
    const submission = parseWithZod(formData, { schema: studySchema });
    if (submission.status !== "success") return replyInvalid(submission, { formId: `etude-${dealId}` });
    const outcome = studyDeal(db, clubId, submission.value.dealId, submission.value.notes, now);
    if (!outcome.ok) return replyRefused(outcome, { submission, formId: `etude-${dealId}` });
    return done("etudie");
  }
  if (intent === "open-vote") {
    const submission = parseWithZod(formData, { schema: openVoteSchema });
    if (submission.status !== "success") return replyInvalid(submission, { formId: `vote-${dealId}` });
    const v = submission.value;
    const outcome = openVote(
      db,
      clubId,
      access.auth.user.id,
      { dealId: v.dealId, amountCents: v.amount, instrument: v.instrument, deadline: parisDateTime(v.deadline, "23:59") },
      now,
    );
    if (!outcome.ok) {
      // The deal is the form itself, not one of its fields.
      const field = outcome.field === "dealId" ? undefined : outcome.field;
      return replyRefused({ status: outcome.status, message: outcome.message, field }, { submission, formId: `vote-${dealId}` });
    }
    return redirectWithFlash(`/clubs/${clubId}/votes/${outcome.voteId}`, t.voteOpened);
  }
  if (intent === "drop") {
    const id = readId(dealId);
    const outcome = id !== null ? dropDeal(db, clubId, id, now) : ({ ok: false, status: 400, message: t.unknownProject } as const);
    if (!outcome.ok) return replyRefused(outcome);
    return done("abandonne");
  }
  if (intent === "set-accompanying") {
    const formId = `acc-${String(formData.get("projectId") ?? "")}`;
    const submission = parseWithZod(formData, { schema: accompanyingSchema });
    if (submission.status !== "success") return replyInvalid(submission, { formId });
    const outcome = setAccompanyingMembers(db, clubId, submission.value.projectId, submission.value.userIds, now);
    if (!outcome.ok) return replyRefused(outcome, { submission, formId, field: "userIds" });
    return done("accompagnateurs");
  }
  return replyRefused(UNKNOWN_INTENT);
}

function StudyForm({ deal }: { deal: DealView }) {
  const [form, fields] = useSchemaForm(studySchema, {
    id: `etude-${deal.id}`,
    defaultValue: { notes: deal.notes },
    reply: `etude-${deal.id}`,
  });
  const t = useT().clubs.deals;
  return (
    <ConformForm form={form} intent="study" aria-label={t.studyLabel(deal.projectTitle)}>
      <input type="hidden" name="dealId" value={deal.id} />
      <TextAreaField
        meta={fields.notes}
        label={t.notes}
        hint={t.notesHint}
        rows={3}
      />
      <SubmitButton className="button--ghost">{t.saveStudy}</SubmitButton>
    </ConformForm>
  );
}

function OpenVoteForm({ deal, defaultDeadline }: { deal: DealView; defaultDeadline: string }) {
  const [form, fields] = useSchemaForm(openVoteSchema, {
    id: `vote-${deal.id}`,
    defaultValue: { deadline: defaultDeadline, instrument: "capital" },
    reply: `vote-${deal.id}`,
  });
  const { clubs, vocabulary } = useT();
  const t = clubs.deals;
  return (
    <ConformForm form={form} intent="open-vote" aria-label={t.openVoteLabel(deal.projectTitle)}>
      <input type="hidden" name="dealId" value={deal.id} />
      <TextField meta={fields.amount} label={t.amount} inputProps={{ inputMode: "decimal" }} />
      <RadioGroupField meta={fields.instrument} legend={t.instrument} options={optionsFrom(vocabulary.instrument)} />
      <TextField meta={fields.deadline} label={t.deadline} hint={t.deadlineHint} />
      <SubmitButton>{t.openVote}</SubmitButton>
    </ConformForm>
  );
}

function AccompanyingForm({ projectId, title, members, current }: { projectId: number; title: string; members: { userId: number; displayName: string }[]; current: number[] }) {
  const formId = `acc-${projectId}`;
  const [form, fields] = useSchemaForm(accompanyingSchema, {
    id: formId,
    defaultValue: { userIds: current.map(String) },
    reply: formId,
  });
  const t = useT().clubs.deals;
  return (
    <ConformForm form={form} intent="set-accompanying">
      <input type="hidden" name="projectId" value={projectId} />
      <div className="field">
        <fieldset aria-describedby={fields.userIds.errors ? fields.userIds.errorId : undefined}>
          <legend>{t.accompanying(title)}</legend>
          <div className="checkbox-list">
            {getCollectionProps(fields.userIds, { type: "checkbox", options: members.map((m) => String(m.userId)) }).map(({ key, ...props }) => (
              <label key={key}>
                <input {...props} />
                <span>{members.find((m) => String(m.userId) === props.value)?.displayName}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <FieldError meta={fields.userIds} />
      </div>
      <SubmitButton className="button--ghost">{t.saveAccompanying}</SubmitButton>
    </ConformForm>
  );
}

export default function ClubDeals() {
  const { club, can, balanceCents, suggestions, accompaniment, deals, votes, commitments, members, defaultDeadline } = useLoaderData<typeof loader>();
  const { message } = useFormReply();
  const active = deals.filter((d) => d.stage !== "refuse" && d.stage !== "engage");
  const decided = deals.filter((d) => d.stage === "refuse" || d.stage === "engage");
  const { clubs, vocabulary } = useT();
  const t = clubs.deals;
  const format = useFormat();
  return (
    <div className="container">
      <p className="eyebrow">{t.eyebrow}</p>
      <h1>{t.title(club.name)}</h1>
      <ClubNav clubId={club.id} isMember />
      {message ? <Alert tone="error">{message}</Alert> : null}
      <p>
        {t.available} <strong>{format.euros(balanceCents)}</strong>. {ruleText(clubs, club.rule)}
      </p>
      {!club.investing ? <Alert>{t.notInvesting}</Alert> : null}
      <NoPaymentNotice />

      <h2>{t.suggested}</h2>
      {suggestions.error ? (
        <Alert tone="error">{t.suggestionsDown}</Alert>
      ) : suggestions.items.length === 0 ? (
        <p>{t.noSuggestion}</p>
      ) : (
        <ul className="suggestion-list">
          {suggestions.items.map((s) => (
            <li key={s.projectId} className="card suggestion">
              <h3>
                <a href={`/projets/${s.projectId}`}>{s.projectTitle}</a>
              </h3>
              <p>{t.seeks(format.euros(s.amountCents))}</p>
              <AccompanimentSummary accompaniment={accompaniment[s.projectId]} projectId={s.projectId} title={s.projectTitle} />
              <ScoreBreakdown id={`suggestion-${s.projectId}`} score={s.score} explanation={s.explanation} criteria={s.criteria} />
              <Form method="post">
                <input type="hidden" name="intent" value="follow" />
                <input type="hidden" name="projectId" value={s.projectId} />
                <button type="submit" className="button">
                  {t.follow}<span className="visually-hidden"> : {s.projectTitle}</span>
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}

      <h2>{t.inStudy}</h2>
      {active.length === 0 ? <p>{t.noneInStudy}</p> : null}
      {active.map((deal) => (
        <section key={deal.id} className="card" aria-labelledby={`deal-${deal.id}`}>
          <h3 id={`deal-${deal.id}`}>
            <a href={`/projets/${deal.projectId}`}>{deal.projectTitle}</a> — {vocabulary.dealStage[deal.stage]}
          </h3>
          {deal.needCents ? <p>{t.need(format.euros(deal.needCents))}</p> : null}
          <AccompanimentSummary accompaniment={accompaniment[deal.projectId]} projectId={deal.projectId} title={deal.projectTitle} />
          {deal.lastVote?.outcomeNote ? <Alert>{deal.lastVote.outcomeNote}</Alert> : null}
          {deal.openVoteId ? (
            <p>
              <a className="button" href={`/clubs/${club.id}/votes/${deal.openVoteId}`}>
                {t.seeVote}<span className="visually-hidden"> : {deal.projectTitle}</span>
              </a>
            </p>
          ) : (
            <>
              {deal.notes ? <p className="prewrap">{t.notesOf(deal.notes)}</p> : null}
              <StudyForm deal={deal} />
              <p>
                {t.meetBefore} <a href={`/clubs/${club.id}/membres#reunions`}>{t.meetLink}</a>
                {t.meetAfter}
              </p>
              {can.openVotes && deal.stage === "etudie" && club.investing ? <OpenVoteForm deal={deal} defaultDeadline={defaultDeadline} /> : null}
              {can.openVotes ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="drop" />
                  <input type="hidden" name="dealId" value={deal.id} />
                  <button type="submit" className="button button--danger">
                    {t.drop}<span className="visually-hidden"> : {deal.projectTitle}</span>
                  </button>
                </Form>
              ) : null}
            </>
          )}
        </section>
      ))}

      <h2>{t.commitments}</h2>
      {commitments.length === 0 ? (
        <p>{t.noCommitment}</p>
      ) : (
        commitments.map((c) => (
          <section key={c.id} className="card" aria-label={t.commitmentLabel(c.projectTitle)}>
            <p>
              <a href={`/projets/${c.projectId}`}>{c.projectTitle}</a>
              {t.commitment(format.euros(c.amountCents), vocabulary.instrument[c.instrument], format.date(c.committedAt))}
              {c.accompanying.length > 0 ? t.followedBy(c.accompanying.map((a) => a.displayName)) : t.noAccompanying}
            </p>
            {can.openVotes ? (
              <AccompanyingForm projectId={c.projectId} title={c.projectTitle} members={members} current={c.accompanying.map((a) => a.userId)} />
            ) : null}
          </section>
        ))
      )}
      {decided.some((d) => d.stage === "refuse") ? (
        <>
          <h2>{t.refused}</h2>
          <ul>
            {decided
              .filter((d) => d.stage === "refuse")
              .map((d) => (
                <li key={d.id}>{d.projectTitle}</li>
              ))}
          </ul>
        </>
      ) : null}

      <h2>{t.votes}</h2>
      {votes.length === 0 ? (
        <p>{t.noVote}</p>
      ) : (
        <ul>
          {votes.map((v) => (
            <li key={v.id}>
              <a href={`/clubs/${club.id}/votes/${v.id}`}>
                {v.projectTitle}, {format.euros(v.amountCents)}
              </a>{" "}
              — {v.status === "ouvert" ? t.openUntil(format.date(v.deadline)) : v.outcome ? vocabulary.voteOutcome[v.outcome] : t.closed}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
