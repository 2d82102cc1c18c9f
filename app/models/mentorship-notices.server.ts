/**
 * Who is told what along a mentorship, in the transaction of the change: the request to the side
 * that must answer, the answer to the side that asked, a session and the end to the other side.
 */
import { eq } from "drizzle-orm";
import { mentorships, projects, projectSkillNeeds, skills, users } from "#db/schema";
import { addresseeOf, type MentorshipSide } from "~/domain/mentorship";
import type { Reader, Writer } from "~/utils/db.server";
import { notify } from "./notification.server";
import { poleNameOfCommune } from "./territory.server";

type Facts = {
  id: number;
  projectId: number;
  projectTitle: string;
  holderId: number;
  holderName: string;
  volunteerId: number;
  volunteerName: string;
  skillName: string;
  initiatedBy: "porteur" | "benevole" | "animateur";
  poleName: string;
};

function factsOf(q: Reader, mentorshipId: number): Facts | undefined {
  const row = q
    .select({
      id: mentorships.id,
      projectId: projects.id,
      projectTitle: projects.title,
      communeCode: projects.communeCode,
      holderId: projects.ownerId,
      volunteerId: mentorships.volunteerId,
      skillName: skills.name,
      initiatedBy: mentorships.initiatedBy,
    })
    .from(mentorships)
    .innerJoin(projects, eq(projects.id, mentorships.projectId))
    .innerJoin(projectSkillNeeds, eq(projectSkillNeeds.id, mentorships.needId))
    .innerJoin(skills, eq(skills.id, projectSkillNeeds.skillId))
    .where(eq(mentorships.id, mentorshipId))
    .get();
  if (!row) return undefined;
  const name = (id: number) => q.select({ n: users.displayName }).from(users).where(eq(users.id, id)).get()?.n ?? "";
  return { ...row, holderName: name(row.holderId), volunteerName: name(row.volunteerId), poleName: poleNameOfCommune(q, row.communeCode) };
}

const userOf = (f: Facts, side: MentorshipSide) => (side === "porteur" ? f.holderId : f.volunteerId);
const nameOf = (f: Facts, side: MentorshipSide) => (side === "porteur" ? f.holderName : f.volunteerName);
const other = (side: MentorshipSide): MentorshipSide => (side === "porteur" ? "benevole" : "porteur");

function base(f: Facts) {
  return { link: `/accompagnements/${f.id}`, group: { key: `projet:${f.projectId}`, label: f.projectTitle }, poleName: f.poleName };
}

/** A new request: the side that must answer is told. */
export function noticeRequest(tx: Writer, mentorshipId: number, now: Date): void {
  const f = factsOf(tx, mentorshipId);
  if (!f) return;
  const to = addresseeOf(f);
  const from = f.initiatedBy === "animateur" ? "L'équipe d'animation du pôle" : nameOf(f, other(to));
  const title =
    to === "benevole"
      ? `${from} vous demande d'accompagner « ${f.projectTitle} » en ${f.skillName.toLowerCase()}`
      : `${from} propose d'accompagner « ${f.projectTitle} » en ${f.skillName.toLowerCase()}`;
  notify(
    tx,
    {
      ...base(f),
      userId: userOf(f, to),
      kind: "demande-accompagnement",
      title,
      body: "Lisez la demande et répondez depuis la page de l'accompagnement : accepter partage vos coordonnées.",
      linkLabel: "Voir la demande",
      reason: to === "benevole" ? "vous êtes bénévole sur Maillon et votre profil correspond à ce besoin" : "vous portez ce projet",
    },
    now,
  );
}

/** An answer: the side that asked is told whether it is accepted or declined. */
export function noticeResponse(tx: Writer, mentorshipId: number, status: "acceptee" | "refusee", now: Date): void {
  const f = factsOf(tx, mentorshipId);
  if (!f) return;
  const answering = addresseeOf(f);
  const asking = other(answering);
  const who = nameOf(f, answering);
  notify(
    tx,
    {
      ...base(f),
      userId: userOf(f, asking),
      kind: "reponse-accompagnement",
      title: status === "acceptee" ? `${who} a accepté : l'accompagnement de « ${f.projectTitle} » commence` : `${who} a décliné la demande pour « ${f.projectTitle} »`,
      body: status === "acceptee" ? "Vos coordonnées sont maintenant partagées : prenez contact pour une première rencontre." : "",
      linkLabel: "Voir l'accompagnement",
      reason: "vous avez fait cette demande d'accompagnement",
    },
    now,
  );
}

/** A session logged or the end: the other side is told; at the end, both are asked for their opinion. */
export function noticeActivity(tx: Writer, mentorshipId: number, byUserId: number, what: "session" | "terminee" | "arretee", now: Date): void {
  const f = factsOf(tx, mentorshipId);
  if (!f) return;
  const bySide: MentorshipSide = byUserId === f.holderId ? "porteur" : "benevole";
  const to = other(bySide);
  const who = nameOf(f, bySide);
  const title = {
    session: `${who} a noté une rencontre de l'accompagnement de « ${f.projectTitle} »`,
    terminee: `${who} a terminé l'accompagnement de « ${f.projectTitle} » : donnez votre avis`,
    arretee: `${who} a arrêté l'accompagnement de « ${f.projectTitle} » : donnez votre avis`,
  }[what];
  notify(
    tx,
    {
      ...base(f),
      userId: userOf(f, to),
      kind: "suivi-accompagnement",
      title,
      body: what === "session" ? "" : "Votre avis aide le pôle à mieux accompagner les prochains projets.",
      linkLabel: what === "session" ? "Voir le journal" : "Donner mon avis",
      reason: "vous faites partie de cet accompagnement",
    },
    now,
  );
}

/**
 * An endorsement: written or revised, the holder is asked to publish or decline it; published or
 * declined, the mentor is told.
 */
export function noticeEndorsement(
  tx: Writer,
  mentorshipId: number,
  what: "written" | "revised" | "published" | "declined",
  now: Date,
): void {
  const f = factsOf(tx, mentorshipId);
  if (!f) return;
  const toHolder = what === "written" || what === "revised";
  const title = {
    written: `${f.volunteerName} a écrit une recommandation pour « ${f.projectTitle} » : publiez-la ou déclinez-la`,
    revised: `${f.volunteerName} a modifié sa recommandation pour « ${f.projectTitle} » : elle attend votre accord`,
    published: `${f.holderName} a publié votre recommandation sur la page de « ${f.projectTitle} »`,
    declined: `${f.holderName} a préféré ne pas publier votre recommandation pour « ${f.projectTitle} »`,
  }[what];
  notify(
    tx,
    {
      ...base(f),
      link: `/accompagnements/${f.id}#recommandation`,
      userId: toHolder ? f.holderId : f.volunteerId,
      kind: "suivi-accompagnement",
      title,
      body: toHolder
        ? "Rien n'est publié sans votre accord. Une fois publiée, la recommandation figure sur la page du projet, visible de tous, et aide les clubs d'épargnants à vous connaître."
        : what === "published"
          ? "Elle figure maintenant sur la page du projet, visible de tous, et compte pour les clubs d'épargnants."
          : "Vous pouvez la modifier depuis la page de l'accompagnement : la nouvelle version lui sera de nouveau proposée.",
      linkLabel: toHolder ? "Lire la recommandation" : "Voir l'accompagnement",
      reason: toHolder ? "vous portez ce projet" : "vous accompagnez ce projet",
    },
    now,
  );
}
