import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SaverSection } from "~/components/espace/saver-section";
import { MentorshipStatusBadge, ProjectStatusBadge } from "~/components/status-badge";
import { addresseeOf, minutesToHoursLabel, sideOf } from "~/domain/mentorship";
import { listJoinRequestsToDecide } from "~/models/club-membership.server";
import { communeLabel, getCommune } from "~/models/commune.server";
import { getSaverSpace } from "~/models/saver-space.server";
import { listEndedAwaitingFeedbackFrom, listMentorshipsForUser } from "~/models/mentorship.server";
import { listOwnedProjects } from "~/models/project.server";
import { memberPoleIds } from "~/models/pole-member.server";
import { findTerritoriesForCommune } from "~/models/territory.server";
import { getTrackRecord, getVolunteerProfile } from "~/models/volunteer.server";
import { hasRole } from "~/domain/permissions";
import { countMailsByStatus } from "~/models/mail-queue.server";
import { getDb } from "~/utils/db.server";
import type { Formats } from "~/domain/format";
import { authorize } from "~/guards/authorize.server";
import { useFormat, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import type { Messages } from "~/i18n/messages";
import { requestText } from "~/utils/locale.server";

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: metaText(matches).space.metaTitle }];

type Step = { key: string; text: string; href: string; label: string };

/** What each person should do next, from their projects, profile and mentorships. */
function nextSteps(input: {
  isHolder: boolean;
  isVolunteer: boolean;
  isSaver: boolean;
  isStaff: boolean;
  /** Failed e-mails, for the platform admin (null for everyone else). */
  failedMails: number | null;
  projects: { id: number; title: string; status: string; openNeeds: number }[];
  hasProfile: boolean;
  paused: boolean;
  /** Running mentorships and the maximum, when the volunteer is full. */
  full: { active: number; max: number } | null;
  feedbackDue: { id: number; title: string }[];
  /** Pôles around the person's commune that they have not joined. */
  polesToJoin: { slug: string; name: string }[];
}, t: Messages["space"]["steps"], format: Formats): Step[] {
  const steps: Step[] = [];
  for (const pole of input.polesToJoin) {
    steps.push({ key: `rejoindre-${pole.slug}`, text: t.join(pole.name), href: `/poles/${pole.slug}/charte`, label: t.joinLink });
  }
  for (const m of input.feedbackDue) {
    steps.push({ key: `avis-${m.id}`, text: t.feedback(m.title), href: `/accompagnements/${m.id}`, label: t.feedbackLink });
  }
  if (input.isHolder) {
    if (input.projects.length === 0) {
      steps.push({ key: "projet", text: t.describe, href: "/projets/nouveau", label: t.describeLink });
    }
    for (const p of input.projects) {
      if (p.status === "brouillon") {
        steps.push({ key: `publier-${p.id}`, text: t.draft(p.title), href: `/projets/${p.id}`, label: t.draftLink });
      }
    }
  }
  if (input.isVolunteer) {
    if (!input.hasProfile) {
      steps.push({ key: "profil", text: t.profile, href: "/benevoles/profil", label: t.profileLink });
    } else if (input.paused) {
      steps.push({ key: "pause", text: t.paused, href: "/benevoles/profil", label: t.pausedLink });
    } else if (input.full) {
      steps.push({ key: "complet", text: t.full(input.full.active, input.full.max), href: "/benevoles/profil", label: t.fullLink });
    } else {
      steps.push({ key: "pour-moi", text: t.forMe, href: "/benevoles/projets", label: t.forMeLink });
    }
  }
  if (input.isStaff) {
    steps.push({ key: "animation", text: t.staff, href: "/animation", label: t.staffLink });
  }
  if (input.failedMails !== null) {
    const text =
      input.failedMails > 0
        ? t.failedMails(format.plural(input.failedMails, t.failedMailsOne, t.failedMailsOther))
        : t.noFailedMail;
    steps.push({ key: "courriels", text, href: "/admin/courriels", label: t.mailsLink });
  }
  if (input.isSaver) {
    steps.push({ key: "epargne", text: t.saver, href: "/financer", label: t.saverLink });
  }
  return steps;
}

export function loader({ request }: LoaderFunctionArgs) {
  const { auth } = authorize(request, "espace");
  const { t, format } = requestText(request);
  const db = getDb();
  const userId = auth.user.id;
  const commune = getCommune(db, auth.user.communeCode);
  const mentorships = listMentorshipsForUser(db, userId).map((m) => {
    const side = sideOf(userId, m);
    return { ...m, side, mustAnswer: m.status === "demande" && side === addresseeOf(m) };
  });
  const isHolder = hasRole(auth, "porteur");
  const isVolunteer = hasRole(auth, "benevole");
  const projects = listOwnedProjects(db, userId);
  const profile = isVolunteer ? getVolunteerProfile(db, userId) : undefined;
  const mentoring = mentorships.filter((m) => m.status === "acceptee" && m.side === "benevole").length;
  const feedbackIds = new Set(listEndedAwaitingFeedbackFrom(db, userId));
  const feedbackDue = mentorships.filter((m) => feedbackIds.has(m.id)).map((m) => ({ id: m.id, title: m.projectTitle }));
  const territories = findTerritoriesForCommune(db, auth.user.communeCode);
  const joined = new Set(memberPoleIds(db, userId));
  const steps = nextSteps({
    isHolder,
    isVolunteer,
    isSaver: hasRole(auth, "epargnant") && !auth.roles.includes("admin"),
    isStaff: auth.staffTerritoryIds.length > 0,
    polesToJoin: territories.filter((t) => !joined.has(t.id)),
    failedMails: auth.roles.includes("admin") ? countMailsByStatus(db).failed : null,
    projects,
    hasProfile: !!profile,
    paused: profile?.paused ?? false,
    full: profile && mentoring >= profile.maxMentorships ? { active: mentoring, max: profile.maxMentorships } : null,
    feedbackDue,
  }, t.space.steps, format);
  return {
    displayName: auth.user.displayName,
    roles: auth.roles,
    commune: commune ? communeLabel(commune) : null,
    territories,
    toAnswer: mentorships.filter((m) => m.mustAnswer),
    clubRequests: listJoinRequestsToDecide(db, userId),
    waiting: mentorships.filter((m) => m.status === "demande" && !m.mustAnswer),
    active: mentorships.filter((m) => m.status === "acceptee"),
    projects: isHolder || projects.length > 0 ? projects : null,
    trackRecord: isVolunteer && profile ? getTrackRecord(db, userId) : null,
    saver: hasRole(auth, "epargnant") ? getSaverSpace(db, userId) : null,
    steps,
    /** What « Prochaines étapes » says when it lists nothing: the no-role text only to a person without roles. */
    stepsFallback: steps.length > 0 ? null : auth.roles.length === 0 ? ("no-role" as const) : ("nothing-pending" as const),
  };
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["active"][number];

function MentorshipRows({ rows, empty }: { rows: Row[]; empty: string }) {
  const t = useT().space;
  const format = useFormat();
  if (rows.length === 0) return <p>{empty}</p>;
  return (
    <ul className="plain-list">
      {rows.map((m) => (
        <li key={m.id}>
          <a href={`/accompagnements/${m.id}`}>
            {m.skillName} — {m.projectTitle}
          </a>{" "}
          <MentorshipStatusBadge status={m.status} /> <span className="hint">
            {t.withSince(
              m.side === "benevole" ? t.holderSide(m.holderName) : t.volunteerSide(m.volunteerName),
              format.date(new Date(m.respondedAt ?? m.requestedAt)),
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}

export default function MySpace() {
  const d = useLoaderData<typeof loader>();
  const { space: t, vocabulary } = useT();
  const format = useFormat();
  return (
    <div className="container">
      <h1>{t.title}</h1>
      <p>
        {t.hello(d.displayName, d.roles.map((r) => vocabulary.role[r].toLowerCase()).join(", "))}
      </p>
      <p>
        {d.territories.length > 0 ? (
          <>
            {t.communeIn(d.commune)}{" "}
            {d.territories.map((t, i) => (
              <span key={t.slug}>
                {i > 0 ? ", " : null}
                <a href={`/poles/${t.slug}`}>{t.name}</a>
              </span>
            ))}
            .
          </>
        ) : (
          <>
            {t.communeOutside(d.commune)}
          </>
        )}
      </p>

      <div className="dashboard">
        <section aria-labelledby="a-repondre">
          <h2 id="a-repondre">{t.toAnswerTitle}</h2>
          {d.clubRequests.length > 0 ? (
            <ul className="plain-list">
              {d.clubRequests.map((r) => (
                <li key={`${r.clubId}-${r.userId}`}>
                  {t.clubRequest(r.displayName, r.clubName)} <a href={`/clubs/${r.clubId}/membres`}>{t.clubRequestLink}</a>{" "}
                  <span className="hint">{format.date(new Date(r.requestedAt))}</span>
                </li>
              ))}
            </ul>
          ) : null}
          {d.toAnswer.length > 0 || d.clubRequests.length === 0 ? <MentorshipRows rows={d.toAnswer} empty={t.toAnswerEmpty} /> : null}
        </section>

        <section aria-labelledby="en-cours">
          <h2 id="en-cours">{t.activeTitle}</h2>
          <MentorshipRows rows={d.active} empty={t.activeEmpty} />
        </section>

        {d.waiting.length > 0 ? (
          <section aria-labelledby="en-attente">
            <h2 id="en-attente">{t.waitingTitle}</h2>
            <MentorshipRows rows={d.waiting} empty="" />
          </section>
        ) : null}

        <section aria-labelledby="prochaines-etapes">
          <h2 id="prochaines-etapes">{t.stepsTitle}</h2>
          {d.stepsFallback === "no-role" ? (
            <p>
              {t.noRoleBefore} <a href="/compte">{t.noRoleLink}</a> {t.noRoleAfter}
            </p>
          ) : d.stepsFallback === "nothing-pending" ? (
            <p>{t.nothingPending}</p>
          ) : (
            <ul className="todo-list">
              {d.steps.map((s) => (
                <li key={s.key}>
                  {s.text} <a href={s.href}>{s.label}</a>
                </li>
              ))}
            </ul>
          )}
        </section>

        {d.projects ? (
          <section aria-labelledby="mes-projets">
            <h2 id="mes-projets">{t.projectsTitle}</h2>
            {d.projects.length === 0 ? (
              <p>
                {t.noProject} <a href="/projets/nouveau">{t.describeLink}</a>
              </p>
            ) : (
              <ul className="plain-list">
                {d.projects.map((p) => (
                  <li key={p.id}>
                    <a href={`/projets/${p.id}`}>{p.title}</a> <ProjectStatusBadge status={p.status} />{" "}
                    <span className="hint">
                      {t.openNeeds(p.openNeeds, format.integer(p.openNeeds))}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <p>
              <a href="/projets">{t.allProjects}</a>
            </p>
          </section>
        ) : null}

        {d.trackRecord ? (
          <section aria-labelledby="bilan">
            <h2 id="bilan">{t.trackTitle}</h2>
            <p>
              {t.track(
                minutesToHoursLabel(d.trackRecord.minutesMentored),
                d.trackRecord.completed,
                format.integer(d.trackRecord.completed),
              )}{" "}
              <a href="/benevoles/profil">{t.myProfile}</a>
            </p>
          </section>
        ) : null}

        <section aria-labelledby="ressources-espace">
          <h2 id="ressources-espace">{t.resourcesTitle}</h2>
          <p>
            {t.resourcesText} <a href="/ressources/reservations">{t.bookingsLink}</a> ·{" "}
            <a href="/ressources">{t.resourcesLink}</a>
          </p>
        </section>

        {d.saver ? <SaverSection space={d.saver} /> : null}
      </div>
    </div>
  );
}
