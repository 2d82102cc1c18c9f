import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { ClubNav } from "~/components/club-nav";
import { NoPaymentNotice } from "~/components/no-payment-notice";
import { Alert } from "~/components/ui/alert";
import { percentOfBps, ruleText } from "~/components/club-text";
import { availableActions, MIN_ACTIVE_MEMBERS } from "~/domain/clubs/lifecycle";
import { listDeals } from "~/models/club-deal.server";
import { listMeetings } from "~/models/club-meeting.server";
import { listMembers, requestToJoin, respondToInvitation } from "~/models/club-membership.server";
import { changeLifecycle, getClubDetail } from "~/models/club.server";
import { lifecycleSchema } from "~/schemas/club";
import { hasRole } from "~/domain/permissions";
import { loadClub } from "~/guards/club.server";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { useFormReply } from "~/utils/reply";
import { replyRefused, UNKNOWN_INTENT } from "~/utils/reply.server";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { readFormData } from "~/utils/http.server";
import { useFormat, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";
import { SignInLink } from "~/components/sign-in-link";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaText(matches).clubs.club;
  return [{ title: t.metaTitle(data?.club.name ?? t.metaFallback) }];
};

/** The flash message of each intent's success. */
function doneMessage(t: ReturnType<typeof requestText>["t"]["clubs"]) {
  return { demande: t.club.requested, rejoint: t.club.joined, decline: t.club.declined, cycle: t.club.stageChanged };
}

export function loader({ request, params }: LoaderFunctionArgs) {
  const access = loadClub(authorize(request, "clubs.$id._index"), params.id);
  const db = getDb();
  const club = getClubDetail(db, access.club.id)!;
  const now = new Date();
  const members = access.can.isMember ? listMembers(db, club.id) : [];
  const active = members.filter((m) => m.status === "actif");
  const roster = {
    activeMembers: club.activeMembers,
    hasGerant: active.some((m) => m.role === "gerant"),
    hasTresorier: active.some((m) => m.role === "tresorier"),
  };
  return {
    club,
    rule: { decisionRule: club.decisionRule, qualifiedMajorityPct: club.qualifiedMajorityPct, quorumPct: club.quorumPct },
    isMember: access.can.isMember,
    memberStatus: access.member?.status ?? null,
    canRequest:
      !!access.auth &&
      (!access.member || access.member.status === "parti") &&
      hasRole(access.auth, "epargnant") && (club.status === "en-constitution" || club.status === "en-epargne"),
    signedIn: !!access.auth,
    members: active,
    deals: access.can.isMember ? listDeals(db, club.id) : [],
    meetings: access.can.isMember ? listMeetings(db, club.id, now) : [],
    lifecycle: access.can.changeLifecycle ? availableActions(club, roster, now) : [],
    canEditSettings: access.can.manageMembers && club.status !== "liquide",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  signInFirst(request, "clubs.$id._index");
  const formData = await readFormData(request);
  const access = loadClub(authorize(request, "clubs.$id._index", formData), params.id);
  const auth = access.auth;
  const db = getDb();
  const intent = formData.get("intent");
  const now = new Date();
  const clubId = access.club.id;
  let outcome;
  let done: keyof ReturnType<typeof doneMessage>;
  switch (intent) {
    case "request-to-join":
      outcome = requestToJoin(db, clubId, auth.user.id, now);
      done = "demande";
      break;
    case "accept-invitation":
    case "decline-invitation":
      outcome = respondToInvitation(db, clubId, auth.user.id, intent === "accept-invitation", now);
      done = intent === "accept-invitation" ? "rejoint" : "decline";
      break;
    case "lifecycle": {
      const submission = parseWithZod(formData, { schema: lifecycleSchema });
      if (submission.status !== "success") return replyRefused(UNKNOWN_INTENT);
      outcome = changeLifecycle(db, clubId, submission.value.action, now);
      done = "cycle";
      break;
    }
    default:
      return replyRefused(UNKNOWN_INTENT);
  }
  if (!outcome.ok) return replyRefused(outcome);
  return redirectWithFlash(`/clubs/${clubId}`, doneMessage(requestText(request).t.clubs)[done]);
}

export default function ClubPage() {
  const { club, rule, isMember, memberStatus, canRequest, signedIn, members, deals, meetings, lifecycle, canEditSettings } =
    useLoaderData<typeof loader>();
  const { message } = useFormReply();
  const { clubs, vocabulary } = useT();
  const t = clubs.club;
  const format = useFormat();
  return (
    <div className="container">
      <p className="eyebrow">{t.eyebrow(club.territoryName)}</p>
      <h1>{club.name}</h1>
      <ClubNav clubId={club.id} isMember={isMember} />
      {message ? <Alert tone="error">{message}</Alert> : null}
      {club.description ? <p className="prewrap">{club.description}</p> : null}

      <ul className="stats">
        <li>
          <strong>{vocabulary.clubStatus[club.status]}</strong>
          <span>{t.stage}</span>
        </li>
        <li>
          <strong>{club.activeMembers}</strong>
          <span>{t.activeMembersLabel(club.activeMembers)}</span>
        </li>
        <li>
          <strong>{format.euros(club.commitments.reduce((s, c) => s + c.amountCents, 0))}</strong>
          <span>{t.invested}</span>
        </li>
        {isMember ? (
          <li>
            <strong>{format.euros(club.balanceCents)}</strong>
            <span>{t.available}</span>
          </li>
        ) : null}
      </ul>

      <dl className="details">
        <dt>{t.period}</dt>
        <dd>
          {club.startedOn && club.investingEndsOn
            ? t.periodFromTo(format.date(new Date(club.startedOn)), format.date(new Date(club.investingEndsOn)), !!club.renewedOn)
            : club.startedOn
              ? t.periodPlanned(format.date(new Date(club.startedOn)))
              : t.periodUnset}
        </dd>
        <dt>{t.decisionRule}</dt>
        <dd>{ruleText(clubs, rule)}</dd>
        <dt>{t.ticket}</dt>
        <dd>{t.ticketRange(format.euros(club.ticketMinCents), format.euros(club.ticketMaxCents))}</dd>
        <dt>{t.maxStake}</dt>
        <dd>{percentOfBps(clubs, format, club.maxStakeBps)}</dd>
        <dt>{t.where}</dt>
        <dd>{club.areas.length > 0 ? club.areas.join(", ") : t.wherePole(club.territoryName)}</dd>
        <dt>{t.sectors}</dt>
        <dd>{club.sectors.length > 0 ? club.sectors.map((s) => s.name).join(", ") : t.allSectors}</dd>
      </dl>
      {canEditSettings ? (
        <p>
          <a href={`/clubs/${club.id}/parametres`}>{t.editSettings}</a>
        </p>
      ) : null}
      <NoPaymentNotice />

      {memberStatus === "invite" ? (
        <section aria-labelledby="invitation" className="card">
          <h2 id="invitation">{t.invited}</h2>
          <div className="actions">
            <Form method="post" className="inline-form">
              <button type="submit" name="intent" value="accept-invitation" className="button">
                {t.acceptInvitation}
              </button>
            </Form>
            <Form method="post" className="inline-form">
              <button type="submit" name="intent" value="decline-invitation" className="button button--ghost">
                {t.declineInvitation}
              </button>
            </Form>
          </div>
        </section>
      ) : null}
      {memberStatus === "demande" ? <Alert>{t.pendingRequest}</Alert> : null}
      {canRequest ? (
        <Form method="post">
          <button type="submit" name="intent" value="request-to-join" className="button">
            {t.requestToJoin}
          </button>
        </Form>
      ) : null}
      {!signedIn ? (
        <p>
          <SignInLink to={`/clubs/${club.id}`}>{t.signInLink}</SignInLink>
          {t.signInAfter}
        </p>
      ) : null}

      {lifecycle.length > 0 ? (
        <section aria-labelledby="cycle">
          <h2 id="cycle">{t.stageTitle}</h2>
          {club.status === "en-constitution" ? (
            <p>{t.startsWith(MIN_ACTIVE_MEMBERS)}</p>
          ) : null}
          <div className="actions">
            {lifecycle.map((a) => (
              <Form key={a} method="post" className="inline-form">
                <input type="hidden" name="intent" value="lifecycle" />
                <button type="submit" name="action" value={a} className={a === "liquider" ? "button button--danger" : "button"}>
                  {vocabulary.lifecycleAction[a]}
                </button>
              </Form>
            ))}
          </div>
        </section>
      ) : null}

      <section aria-labelledby="investissements">
        <h2 id="investissements">{t.investments}</h2>
        {club.commitments.length === 0 ? (
          <p>{t.noInvestment}</p>
        ) : (
          <ul>
            {club.commitments.map((c) => (
              <li key={c.id}>
                <a href={`/projets/${c.projectId}`}>{c.projectTitle}</a>
                {t.investment(format.euros(c.amountCents), vocabulary.instrument[c.instrument], format.date(c.committedAt))}
                {c.accompanying.length > 0 ? t.followedBy(c.accompanying.map((a) => a.displayName)) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {isMember ? (
        <>
          <section aria-labelledby="membres">
            <h2 id="membres">{t.members(members.length)}</h2>
            <ul>
              {members.map((m) => (
                <li key={m.userId}>
                  {m.displayName}
                  {m.role !== "membre" ? ` — ${vocabulary.memberRole[m.role]}` : null}
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="suivis">
            <h2 id="suivis">{t.deals}</h2>
            {deals.length === 0 ? (
              <p>
                {t.noDealBefore} <a href={`/clubs/${club.id}/projets`}>{t.noDealLink}</a>
                {t.noDealAfter}
              </p>
            ) : (
              <ul>
                {deals.map((d) => (
                  <li key={d.id}>
                    {d.projectTitle} — {vocabulary.dealStage[d.stage]}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="reunions">
            <h2 id="reunions">{t.meetings}</h2>
            {meetings.length === 0 ? (
              <p>{t.noMeeting}</p>
            ) : (
              <ul>
                {meetings.map((m) => (
                  <li key={m.id}>
                    {format.dateTime(m.startsAt)}, {m.place}
                    {m.projectTitle ? t.meetingWith(m.projectTitle) : null}
                    {m.agenda ? ` : ${m.agenda}` : null}
                  </li>
                ))}
              </ul>
            )}
            <p>{t.meetingCount(meetings.length, format.integer(meetings.length))}</p>
          </section>
        </>
      ) : null}
    </div>
  );
}
