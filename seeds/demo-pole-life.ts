/**
 * Demo membership of the two active pôles: each publishes its charter, the people of its perimeter
 * join it (all but a few, left to try joining), and the Vals de Saintonge has revised its charter
 * once, so a few members are still asked to accept the new version.
 */
import { DAY_MS } from "~/domain/paris-time";
import { publishCharter, recordAcceptance } from "~/models/charter.server";
import { acceptCurrentCharter, addPoleMember, residentIds } from "~/models/pole-member.server";
import { getTerritoryBySlug } from "~/models/territory.server";
import { findUserByEmail, getUserById } from "~/models/user.server";
import { listAxesWithGroups, requestToJoinGroup, seedGroup } from "~/models/working-group.server";
import { writeTransaction, type Db } from "~/utils/db.server";
import { SAMBRE_AVESNOIS, VALS_DE_SAINTONGE } from "./territories";

/** Charters written for the demo, in the spirit of the PTCE charters (cooperation first, shared governance). */
const CHARTERS: Record<string, { first: string; revision?: { body: string; changeNote: string } }> = {
  [VALS_DE_SAINTONGE.slug]: {
    first: [
      "Les membres du pôle choisissent de coopérer plutôt que de se faire concurrence : porteurs de projets, bénévoles, épargnants, entreprises, associations et communes avancent ensemble pour faire naître des activités utiles aux Vals de Saintonge.",
      "Chaque membre met à disposition ce qu'il peut — du temps, des compétences, un réseau, de l'épargne — et respecte le rythme et les choix des porteurs qu'il accompagne.",
      "Les décisions qui engagent le pôle sont préparées par le groupe opérationnel et prises par le comité de pilotage ; elles sont publiées à tous les membres.",
      "Les informations confiées par un porteur de projet restent entre les membres du pôle et ne servent qu'à l'aider.",
    ].join("\n\n"),
    revision: {
      body: [
        "Les membres du pôle choisissent de coopérer plutôt que de se faire concurrence : porteurs de projets, bénévoles, épargnants, entreprises, associations et communes avancent ensemble pour faire naître des activités utiles aux Vals de Saintonge.",
        "Chaque membre met à disposition ce qu'il peut — du temps, des compétences, un réseau, de l'épargne — et respecte le rythme et les choix des porteurs qu'il accompagne. Un bénévole n'accompagne pas plus de projets que sa disponibilité ne le permet.",
        "Les décisions qui engagent le pôle sont préparées par le groupe opérationnel et prises par le comité de pilotage ; elles sont publiées à tous les membres, sauf celles qui concernent une personne.",
        "Les informations confiées par un porteur de projet restent entre les membres du pôle et ne servent qu'à l'aider. Ses coordonnées ne sont visibles que des membres connectés.",
        "Les clubs d'épargnants décident librement de leurs investissements ; le pôle leur présente les projets accompagnés sans jamais leur demander de s'engager.",
      ].join("\n\n"),
      changeNote: "Ajout de la règle sur la disponibilité des bénévoles, de la confidentialité des coordonnées et de la liberté des clubs d'épargnants.",
    },
  },
  [SAMBRE_AVESNOIS.slug]: {
    first: [
      "Le pôle réunit des structures de l'économie sociale et solidaire, des entreprises, des collectivités, l'université et des habitants de la Sambre-Avesnois qui veulent développer ensemble l'emploi et les activités du territoire.",
      "Ses membres partagent leurs compétences et leurs bonnes pratiques dans des groupes thématiques, répondent ensemble aux marchés publics quand c'est utile, et mesurent l'utilité sociale de ce qu'ils font.",
      "Chaque membre s'engage à l'honnêteté dans la coopération : on ne se sert pas d'un groupe de travail pour démarcher ses partenaires.",
    ].join("\n\n"),
  },
};

/** How many residents of each pôle stay outside it, to try joining in the demo. */
const NOT_YET_MEMBERS = 4;
/** Members of the Vals de Saintonge who have not accepted its revised charter yet. */
const YET_TO_ACCEPT = 3;

export function seedDemoPoleLife(db: Db, now: Date, keepAccepted: ReadonlySet<number>): { members: number } {
  let members = 0;
  for (const [slug, charter] of Object.entries(CHARTERS)) {
    const pole = getTerritoryBySlug(db, slug);
    if (!pole) throw new Error(`Demo pôle ${slug} missing`);
    const staff = pole.animators[0];
    if (!staff) throw new Error(`Demo pôle ${slug} has no animation team`);
    const actor = { userId: staff.id, roles: ["animateur" as const], staffTerritoryIds: [pole.id] };
    const firstAt = new Date(now.getTime() - 420 * DAY_MS);
    const first = publishCharter(db, actor, pole.id, { body: charter.first, changeNote: "" }, firstAt);
    if (!first.ok) throw new Error(first.message);
    const residents = residentIds(db, pole.id);
    const joining = residents.filter((id, i) => keepAccepted.has(id) || i % Math.ceil(residents.length / NOT_YET_MEMBERS) !== 1);
    writeTransaction(db, (tx) => {
      for (const [i, userId] of joining.entries()) {
        const joinedAt = new Date(firstAt.getTime() + (i % 300) * DAY_MS);
        addPoleMember(tx, pole.id, userId, joinedAt);
        recordAcceptance(tx, pole.id, userId, first.version, joinedAt);
      }
    });
    members += joining.length;
    if (!charter.revision) continue;
    const revisedAt = new Date(now.getTime() - 30 * DAY_MS);
    const revised = publishCharter(db, actor, pole.id, { body: charter.revision.body, changeNote: charter.revision.changeNote }, revisedAt);
    if (!revised.ok) throw new Error(revised.message);
    const stillToAccept = new Set(joining.filter((id) => !keepAccepted.has(id)).slice(-YET_TO_ACCEPT));
    for (const [i, userId] of joining.entries()) {
      if (stillToAccept.has(userId)) continue;
      const outcome = acceptCurrentCharter(db, pole.id, userId, revised.version, new Date(revisedAt.getTime() + (i % 25) * DAY_MS));
      if (!outcome.ok) throw new Error(outcome.message);
    }
  }
  seedRondeGroup(db, now);
  return { members };
}

/**
 * The group that prepares the « Ronde saintongeaise », the relay race between the communes that
 * makes the pôle known: coordinated by the demo volunteer, with one request waiting for her answer.
 */
function seedRondeGroup(db: Db, now: Date): void {
  const pole = getTerritoryBySlug(db, VALS_DE_SAINTONGE.slug)!;
  const axes = listAxesWithGroups(db, pole.id);
  const axis = axes.find((a) => /emploi/i.test(a.name)) ?? axes[axes.length - 1]!;
  const coordinator = findUserByEmail(db, "benevole@exemple.fr")!;
  const porteur = findUserByEmail(db, "porteur@exemple.fr")!;
  const others = residentIds(db, pole.id).filter((id) => id !== coordinator.id && id !== porteur.id);
  const [asker, ...members] = others.slice(-6);
  const since = new Date(now.getTime() - 90 * DAY_MS);
  const groupId = writeTransaction(db, (tx) =>
    seedGroup(
      tx,
      {
        territoryId: pole.id,
        axisId: axis.id,
        name: "Ronde saintongeaise",
        purpose:
          "Préparer la course en relais qui relie les communes du pôle pour faire connaître l'emploi solidaire : parcours, villages d'accueil, " +
          "ateliers avec les lycéens et les étudiants, collecte de fonds.",
        coordinatorId: coordinator.id,
        memberIds: [coordinator.id, ...members],
        links: [
          { label: "Compte rendu de la réunion de lancement", url: "https://documents.cooperer-en-saintonge.org/ronde/lancement.pdf" },
          { label: "Tableau des bénévoles par étape", url: "https://documents.cooperer-en-saintonge.org/ronde/etapes" },
        ],
      },
      since,
    ),
  );
  const requester = asker === undefined ? undefined : getUserById(db, asker);
  if (!requester) return;
  const asked = requestToJoinGroup(
    db,
    pole,
    { id: groupId, slug: "ronde-saintongeaise", name: "Ronde saintongeaise", coordinatorId: coordinator.id },
    { id: requester.id, displayName: requester.displayName },
    { message: "Je peux tenir le stand du village d'arrivée.", organisationId: null },
    new Date(now.getTime() - 2 * DAY_MS),
  );
  if (!asked.ok) throw new Error(asked.message);
}
