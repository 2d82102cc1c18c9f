import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SaverSection } from "~/components/espace/saver-section";
import { MentorshipStatusBadge, ProjectStatusBadge } from "~/components/status-badge";
import { ROLE_LABELS } from "~/domain/catalog";
import { addresseeOf, minutesToHoursLabel, sideOf } from "~/domain/mentorship";
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
import { formatDate, formatInteger, plural } from "~/domain/format";
import { authorize } from "~/guards/authorize.server";

export const meta: MetaFunction = () => [{ title: "Mon espace — Maillon" }];

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
}): Step[] {
  const steps: Step[] = [];
  for (const pole of input.polesToJoin) {
    steps.push({ key: `rejoindre-${pole.slug}`, text: `Rejoignez le ${pole.name} en acceptant sa charte : vous pourrez entrer dans ses groupes de travail.`, href: `/poles/${pole.slug}/charte`, label: "Lire la charte et rejoindre" });
  }
  for (const m of input.feedbackDue) {
    steps.push({ key: `avis-${m.id}`, text: `Donnez votre avis sur l'accompagnement de « ${m.title} ».`, href: `/accompagnements/${m.id}`, label: "Donner mon avis" });
  }
  if (input.isHolder) {
    if (input.projects.length === 0) {
      steps.push({ key: "projet", text: "Décrivez votre projet et ses besoins pour trouver des accompagnants.", href: "/projets/nouveau", label: "Décrire mon projet" });
    }
    for (const p of input.projects) {
      if (p.status === "brouillon") {
        steps.push({ key: `publier-${p.id}`, text: `« ${p.title} » est encore un brouillon : ajoutez ses besoins puis publiez-le.`, href: `/projets/${p.id}`, label: "Ouvrir le projet" });
      }
    }
  }
  if (input.isVolunteer) {
    if (!input.hasProfile) {
      steps.push({ key: "profil", text: "Indiquez vos compétences et le nombre de projets que vous pouvez suivre.", href: "/benevoles/profil", label: "Compléter mon profil" });
    } else if (input.paused) {
      steps.push({ key: "pause", text: "Votre accompagnement est en pause : personne ne peut vous solliciter.", href: "/benevoles/profil", label: "Reprendre" });
    } else if (input.full) {
      steps.push({ key: "complet", text: `Vous suivez ${input.full.active} projet${input.full.active > 1 ? "s" : ""} sur ${input.full.max} possible${input.full.max > 1 ? "s" : ""} : aucune nouvelle proposition tant qu'une place n'est pas libre.`, href: "/benevoles/profil", label: "Changer ma capacité" });
    } else {
      steps.push({ key: "pour-moi", text: "Des projets de votre secteur cherchent vos compétences.", href: "/benevoles/projets", label: "Voir les projets pour moi" });
    }
  }
  if (input.isStaff) {
    steps.push({ key: "animation", text: "Suivez les besoins et les bénévoles de votre pôle et proposez un tour de mise en relation.", href: "/animation", label: "Animation du pôle" });
  }
  if (input.failedMails !== null) {
    const text =
      input.failedMails > 0
        ? `${plural(input.failedMails, "courriel n'a", "courriels n'ont")} pas pu être remis : voyez pourquoi et renvoyez-les.`
        : "Suivez la file des courriels de la plateforme : aucun n'est en échec.";
    steps.push({ key: "courriels", text, href: "/admin/courriels", label: "Courriels de la plateforme" });
  }
  if (input.isSaver) {
    steps.push({ key: "epargne", text: "Rejoignez un club d'épargnants ou soutenez un projet directement.", href: "/financer", label: "Financer un projet" });
  }
  return steps;
}

export function loader({ request }: LoaderFunctionArgs) {
  const { auth } = authorize(request, "espace");
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
  return {
    displayName: auth.user.displayName,
    roles: auth.roles,
    commune: commune ? communeLabel(commune) : null,
    territories,
    toAnswer: mentorships.filter((m) => m.mustAnswer),
    waiting: mentorships.filter((m) => m.status === "demande" && !m.mustAnswer),
    active: mentorships.filter((m) => m.status === "acceptee"),
    projects: isHolder || projects.length > 0 ? projects : null,
    trackRecord: isVolunteer && profile ? getTrackRecord(db, userId) : null,
    saver: hasRole(auth, "epargnant") ? getSaverSpace(db, userId) : null,
    steps: nextSteps({
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
    }),
  };
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["active"][number];

function otherSide(m: Row): string {
  return m.side === "benevole" ? `${m.holderName} (porteur du projet)` : `${m.volunteerName} (bénévole)`;
}

function MentorshipRows({ rows, empty }: { rows: Row[]; empty: string }) {
  if (rows.length === 0) return <p>{empty}</p>;
  return (
    <ul className="plain-list">
      {rows.map((m) => (
        <li key={m.id}>
          <a href={`/accompagnements/${m.id}`}>
            {m.skillName} — {m.projectTitle}
          </a>{" "}
          <MentorshipStatusBadge status={m.status} /> <span className="hint">avec {otherSide(m)}, depuis le {formatDate(new Date(m.respondedAt ?? m.requestedAt))}</span>
        </li>
      ))}
    </ul>
  );
}

export default function MySpace() {
  const d = useLoaderData<typeof loader>();
  return (
    <div className="container">
      <h1>Mon espace</h1>
      <p>
        Bonjour {d.displayName}. Vous participez comme {d.roles.map((r) => ROLE_LABELS[r].toLowerCase()).join(", ")}.
      </p>
      <p>
        {d.territories.length > 0 ? (
          <>
            Votre commune{d.commune ? `, ${d.commune},` : ""} fait partie du pôle{" "}
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
            Votre commune{d.commune ? `, ${d.commune},` : ""} n'est pas encore couverte par un pôle inscrit sur Maillon.
            Vous pouvez tout de même participer.
          </>
        )}
      </p>

      <div className="dashboard">
        <section aria-labelledby="a-repondre">
          <h2 id="a-repondre">Demandes à traiter</h2>
          <MentorshipRows rows={d.toAnswer} empty="Aucune demande n'attend votre réponse." />
        </section>

        <section aria-labelledby="en-cours">
          <h2 id="en-cours">Accompagnements en cours</h2>
          <MentorshipRows rows={d.active} empty="Aucun accompagnement en cours." />
        </section>

        {d.waiting.length > 0 ? (
          <section aria-labelledby="en-attente">
            <h2 id="en-attente">En attente d'une réponse</h2>
            <MentorshipRows rows={d.waiting} empty="" />
          </section>
        ) : null}

        <section aria-labelledby="prochaines-etapes">
          <h2 id="prochaines-etapes">Prochaines étapes</h2>
          {d.steps.length === 0 ? (
            <p>
              Choisissez au moins un rôle dans <a href="/compte">votre compte</a> pour commencer.
            </p>
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
            <h2 id="mes-projets">Mes projets</h2>
            {d.projects.length === 0 ? (
              <p>
                Aucun projet pour l'instant. <a href="/projets/nouveau">Décrire mon projet</a>
              </p>
            ) : (
              <ul className="plain-list">
                {d.projects.map((p) => (
                  <li key={p.id}>
                    <a href={`/projets/${p.id}`}>{p.title}</a> <ProjectStatusBadge status={p.status} />{" "}
                    <span className="hint">
                      {formatInteger(p.openNeeds)} besoin{p.openNeeds > 1 ? "s" : ""} ouvert{p.openNeeds > 1 ? "s" : ""}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <p>
              <a href="/projets">Tous les projets</a>
            </p>
          </section>
        ) : null}

        {d.trackRecord ? (
          <section aria-labelledby="bilan">
            <h2 id="bilan">Mon bilan de bénévole</h2>
            <p>
              {minutesToHoursLabel(d.trackRecord.minutesMentored)} h d'accompagnement,{" "}
              {formatInteger(d.trackRecord.completed)} accompagnement{d.trackRecord.completed > 1 ? "s" : ""} terminé
              {d.trackRecord.completed > 1 ? "s" : ""}. <a href="/benevoles/profil">Mon profil</a>
            </p>
          </section>
        ) : null}

        <section aria-labelledby="ressources-espace">
          <h2 id="ressources-espace">Ressources partagées</h2>
          <p>
            Réservez une salle, du matériel, un véhicule ou une compétence prêtés par les membres de vos pôles, ou proposez les vôtres.{" "}
            <a href="/ressources/reservations">Mes réservations</a> · <a href="/ressources">Voir les ressources</a>
          </p>
        </section>

        {d.saver ? <SaverSection space={d.saver} /> : null}
      </div>
    </div>
  );
}
