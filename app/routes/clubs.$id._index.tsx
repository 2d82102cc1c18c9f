import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { ClubNav } from "~/components/club-nav";
import { NoPaymentNotice } from "~/components/no-payment-notice";
import { Alert } from "~/components/ui/alert";
import {
  CLUB_STATUS_LABELS,
  DEAL_STAGE_LABELS,
  INSTRUMENT_LABELS,
  MEMBER_ROLE_LABELS,
} from "~/domain/clubs/labels";
import { availableActions, LIFECYCLE_ACTION_LABELS, MIN_ACTIVE_MEMBERS } from "~/domain/clubs/lifecycle";
import { describeRule } from "~/domain/clubs/vote";
import { listDeals } from "~/models/club-deal.server";
import { listMeetings } from "~/models/club-meeting.server";
import { listMembers, requestToJoin, respondToInvitation } from "~/models/club-membership.server";
import { changeLifecycle, getClubDetail } from "~/models/club.server";
import { lifecycleSchema } from "~/schemas/club";
import { hasRole } from "~/domain/permissions";
import { loadClub } from "~/guards/club.server";
import { getDb } from "~/utils/db.server";
import { formatDate, formatDateTime, formatEuros, plural } from "~/domain/format";
import { formatPercentBps } from "~/domain/clubs/commitment";
import { redirectWithFlash } from "~/utils/flash.server";
import { useFormReply } from "~/utils/reply";
import { replyRefused, UNKNOWN_INTENT } from "~/utils/reply.server";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { readFormData } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.club.name ?? "Club"} — Maillon` }];

const DONE = {
  cree: "Le club est créé, en constitution. Invitez des épargnants : il démarre avec 5 à 20 membres actifs.",
  demande: "Votre demande est envoyée au gérant du club.",
  rejoint: "Bienvenue dans le club !",
  decline: "Invitation déclinée.",
  cycle: "Le club a changé d'étape.",
};

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
    rule: describeRule(club),
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
  let done: keyof typeof DONE;
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
  return redirectWithFlash(`/clubs/${clubId}`, DONE[done]);
}

export default function ClubPage() {
  const { club, rule, isMember, memberStatus, canRequest, signedIn, members, deals, meetings, lifecycle, canEditSettings } =
    useLoaderData<typeof loader>();
  const { message } = useFormReply();
  return (
    <div className="container">
      <p className="eyebrow">Club d'épargnants CIGALES · {club.territoryName}</p>
      <h1>{club.name}</h1>
      <ClubNav clubId={club.id} isMember={isMember} />
      {message ? <Alert tone="error">{message}</Alert> : null}
      {club.description ? <p className="prewrap">{club.description}</p> : null}

      <ul className="stats">
        <li>
          <strong>{CLUB_STATUS_LABELS[club.status]}</strong>
          <span>étape</span>
        </li>
        <li>
          <strong>{club.activeMembers}</strong>
          <span>{club.activeMembers < 2 ? "membre actif" : "membres actifs"}</span>
        </li>
        <li>
          <strong>{formatEuros(club.commitments.reduce((s, c) => s + c.amountCents, 0))}</strong>
          <span>investis</span>
        </li>
        {isMember ? (
          <li>
            <strong>{formatEuros(club.balanceCents)}</strong>
            <span>disponibles pour investir</span>
          </li>
        ) : null}
      </ul>

      <dl className="details">
        <dt>Période d'investissement</dt>
        <dd>
          {club.startedOn && club.investingEndsOn
            ? `du ${formatDate(new Date(club.startedOn))} au ${formatDate(new Date(club.investingEndsOn))}${club.renewedOn ? " (renouvelée une fois)" : ""}`
            : club.startedOn
              ? `démarrage prévu le ${formatDate(new Date(club.startedOn))}`
              : "à fixer au démarrage (5 ans, renouvelable une fois)"}
        </dd>
        <dt>Règle de décision</dt>
        <dd>{rule}</dd>
        <dt>Ticket par projet</dt>
        <dd>
          de {formatEuros(club.ticketMinCents)} à {formatEuros(club.ticketMaxCents)}
        </dd>
        <dt>Part maximale dans une entreprise</dt>
        <dd>{formatPercentBps(club.maxStakeBps)}</dd>
        <dt>Où il investit</dt>
        <dd>{club.areas.length > 0 ? club.areas.join(", ") : `le territoire du ${club.territoryName}`}</dd>
        <dt>Secteurs préférés</dt>
        <dd>{club.sectors.length > 0 ? club.sectors.map((s) => s.name).join(", ") : "tous"}</dd>
      </dl>
      {canEditSettings ? (
        <p>
          <a href={`/clubs/${club.id}/parametres`}>Modifier les paramètres du club</a>
        </p>
      ) : null}
      <NoPaymentNotice />

      {memberStatus === "invite" ? (
        <section aria-labelledby="invitation" className="card">
          <h2 id="invitation">Vous êtes invité à rejoindre ce club</h2>
          <div className="actions">
            <Form method="post" className="inline-form">
              <button type="submit" name="intent" value="accept-invitation" className="button">
                Accepter l'invitation
              </button>
            </Form>
            <Form method="post" className="inline-form">
              <button type="submit" name="intent" value="decline-invitation" className="button button--ghost">
                Décliner
              </button>
            </Form>
          </div>
        </section>
      ) : null}
      {memberStatus === "demande" ? <Alert>Votre demande pour rejoindre ce club attend la réponse du gérant.</Alert> : null}
      {canRequest ? (
        <Form method="post">
          <button type="submit" name="intent" value="request-to-join" className="button">
            Demander à rejoindre le club
          </button>
        </Form>
      ) : null}
      {!signedIn ? (
        <p>
          <a href={`/connexion?redirectTo=%2Fclubs%2F${club.id}`}>Connectez-vous</a> pour demander à rejoindre ce club.
        </p>
      ) : null}

      {lifecycle.length > 0 ? (
        <section aria-labelledby="cycle">
          <h2 id="cycle">Étape du club</h2>
          {club.status === "en-constitution" ? (
            <p>
              Le club démarre avec au moins {MIN_ACTIVE_MEMBERS} membres actifs, un gérant et un trésorier ; il épargne et
              investit ensuite pendant 5 ans.
            </p>
          ) : null}
          <div className="actions">
            {lifecycle.map((a) => (
              <Form key={a} method="post" className="inline-form">
                <input type="hidden" name="intent" value="lifecycle" />
                <button type="submit" name="action" value={a} className={a === "liquider" ? "button button--danger" : "button"}>
                  {LIFECYCLE_ACTION_LABELS[a]}
                </button>
              </Form>
            ))}
          </div>
        </section>
      ) : null}

      <section aria-labelledby="investissements">
        <h2 id="investissements">Entreprises accompagnées</h2>
        {club.commitments.length === 0 ? (
          <p>Le club n'a pas encore investi.</p>
        ) : (
          <ul>
            {club.commitments.map((c) => (
              <li key={c.id}>
                <a href={`/projets/${c.projectId}`}>{c.projectTitle}</a> : {formatEuros(c.amountCents)},{" "}
                {INSTRUMENT_LABELS[c.instrument].toLowerCase()}, le {formatDate(c.committedAt)}
                {c.accompanying.length > 0 ? ` — suivi par ${c.accompanying.map((a) => a.displayName).join(" et ")}` : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {isMember ? (
        <>
          <section aria-labelledby="membres">
            <h2 id="membres">Membres ({members.length})</h2>
            <ul>
              {members.map((m) => (
                <li key={m.userId}>
                  {m.displayName}
                  {m.role !== "membre" ? ` — ${MEMBER_ROLE_LABELS[m.role]}` : null}
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="suivis">
            <h2 id="suivis">Projets suivis</h2>
            {deals.length === 0 ? (
              <p>
                Aucun projet suivi : voyez les <a href={`/clubs/${club.id}/projets`}>projets suggérés au club</a>.
              </p>
            ) : (
              <ul>
                {deals.map((d) => (
                  <li key={d.id}>
                    {d.projectTitle} — {DEAL_STAGE_LABELS[d.stage]}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="reunions">
            <h2 id="reunions">Prochaines réunions</h2>
            {meetings.length === 0 ? (
              <p>Aucune réunion prévue.</p>
            ) : (
              <ul>
                {meetings.map((m) => (
                  <li key={m.id}>
                    {formatDateTime(m.startsAt)}, {m.place}
                    {m.projectTitle ? ` — rencontre avec le projet « ${m.projectTitle} »` : null}
                    {m.agenda ? ` : ${m.agenda}` : null}
                  </li>
                ))}
              </ul>
            )}
            <p>{plural(meetings.length, "réunion prévue", "réunions prévues")}.</p>
          </section>
        </>
      ) : null}
    </div>
  );
}
